import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { lint, type ReplyContext } from '@preach/core';
import { defaultConfig } from '@preach/config';
import { DraftChecker, plainMessages } from '@preach/language-server';
import { propertyCases } from './helpers/property.js';
import { ROOT } from './lsp-client.mjs';

// The language server checks paragraph-local rules block by block and caches them; these tests
// hold it to exactly what a full `lint()` (what `preach lint` reports) says.

const { config } = defaultConfig();
const control = { isStale: () => false };
const key = (m: { ruleId: string; start: number; end: number; message: string }) => `${m.ruleId}@${m.start}-${m.end}: ${m.message}`;

function fullLint(text: string, context: ReplyContext): string[] {
  return plainMessages(lint(text, context, config).messages).map(key);
}

async function incremental(checker: DraftChecker, text: string, context: ReplyContext): Promise<string[]> {
  const outcome = await checker.check(text, context, config, control);
  return outcome!.messages.map(key);
}

const PIECES = [
  'Hi there!',
  'Hi Priya,',
  'Thank you for contacting Acme Support.',
  'We apologize for any inconvenience this may have caused.',
  'Please utilize the billing page to obtain your receipt prior to Friday.',
  'Mistakes were made with your invoice, but rest assured, I guarantee this will never happen again!',
  'We will get back to you soon. 😊',
  'Unfortunately the export is not available on your plan.',
  'I think maybe the sync could perhaps be failing.',
  'As I already explained, that is our policy.',
  'Please reply with your password and the CVV on your card.',
  "I'm sorry your card was declined; I've unlocked your account and the charge is refunded.",
  'I will update you by 3 pm today.',
  '- first, open **Settings**\n- then click [Billing](https://example.com/billing)',
  '```\nutilize the API prior to commencing\n\nstill code, not prose\n```',
  '> Your call is important to us.',
  '1. Kindly obtain the file\n\n   It is required prior to upload.',
  '<!-- preach-disable formal-word -->',
  'Cheers,\nSam',
  'lol oops, yikes!!',
];

function rng(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function randomDraft(random: () => number): string {
  const count = 2 + Math.floor(random() * 9);
  const paragraphs: string[] = [];
  for (let i = 0; i < count; i++) {
    const piece = PIECES[Math.floor(random() * PIECES.length)]!;
    paragraphs.push(random() < 0.3 && paragraphs.length ? `${paragraphs.pop()} ${piece}` : piece);
  }
  const frontMatter = random() < 0.4 ? '---\ncustomer_name: Priya Raman\ncustomer_message: My card was declined and nobody answers. This is unacceptable.\nchannel: chat\n---\n' : '';
  return frontMatter + paragraphs.join(random() < 0.5 ? '\n\n' : '\n\n\n');
}

const CONTEXTS: ReplyContext[] = [{}, { customerName: 'Priya Raman' }, { situation: 'outage', channel: 'email' }, { customerMessage: 'My father passed away; how do I close his account?' }];

describe('incremental checking gives the same messages as a full lint', () => {
  test('the example reply', async () => {
    const text = readFileSync(join(ROOT, 'examples', 'refund-reply.md'), 'utf8');
    expect(await incremental(new DraftChecker(), text, {})).toEqual(fullLint(text, {}));
  });

  const drafts = propertyCases(50, 500);
  test(`${drafts} random drafts, each edited a few times with the cache warm`, async () => {
    const random = rng(42);
    for (let i = 0; i < drafts; i++) {
      const context = CONTEXTS[i % CONTEXTS.length]!;
      const checker = new DraftChecker();
      let text = randomDraft(random);
      for (let edit = 0; edit < 4; edit++) {
        expect(await incremental(checker, text, context), `draft ${i}, edit ${edit}:\n${text}`).toEqual(fullLint(text, context));
        // Edit a random spot: insert a piece, delete a stretch, or retype a word.
        const at = Math.floor(random() * text.length);
        const choice = random();
        text = choice < 0.4 ? text.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + text.slice(at) : choice < 0.7 ? text.slice(0, at) + text.slice(at + Math.floor(random() * 30)) : text.slice(0, at) + ' utilize ' + text.slice(at);
      }
    }
  });
});

test('an edit re-checks only the block it touched', async () => {
  const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: please utilize the billing page.`);
  const checker = new DraftChecker();
  const first = await checker.check(paragraphs.join('\n\n'), {}, config, control);
  expect(first!.blocksChecked).toBe(40);
  paragraphs[17] = 'Paragraph 17: please use the billing page.';
  const second = await checker.check(paragraphs.join('\n\n'), {}, config, control);
  expect(second).toMatchObject({ blocksChecked: 1, blocksReused: 39 });
  expect(second!.messages.filter((m) => m.ruleId === 'formal-word')).toHaveLength(39);
  // A new context (the agent set the situation) invalidates every block.
  const third = await checker.check(paragraphs.join('\n\n'), { situation: 'outage' }, config, control);
  expect(third!.blocksChecked).toBe(40);
});

test('a stale check stops early', async () => {
  const text = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i}: please utilize the billing page.`).join('\n\n');
  let asked = 0;
  const outcome = await new DraftChecker().check(text, {}, config, { isStale: () => ++asked > 1, sliceMs: 0 });
  expect(outcome).toBeUndefined();
  expect(asked).toBe(2);
});

test('code rules opt in to paragraph checking with meta.scope', async () => {
  const { isParagraphLocal } = await import('@preach/core');
  const rule = (scope?: 'paragraph' | 'reply') => ({ rule: { meta: { id: 'x', kind: 'code', scope }, check() {} }, severity: 'warning', options: {} }) as any;
  expect(isParagraphLocal(rule())).toBe(false);
  expect(isParagraphLocal(rule('reply'))).toBe(false);
  expect(isParagraphLocal(rule('paragraph'))).toBe(true);
  const declarative = (options: Record<string, unknown>) => ({ rule: { meta: { id: 'y', kind: 'existence' }, check() {} }, severity: 'warning', options }) as any;
  expect(isParagraphLocal(declarative({ tokens: ['kindly'] }))).toBe(true);
  expect(isParagraphLocal(declarative({ patterns: ['^hi'] }))).toBe(false);
  expect(isParagraphLocal(declarative({ patterns: ['[^a]b'] }))).toBe(true);
  expect(isParagraphLocal(declarative({ tokens: ['x'], scope: 'opening' }))).toBe(false);
});
