import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, resolveConfig, type ResolvedConfig, type Rule } from '@preach/core';
import { recommendedRules } from '@preach/rules';
import { beforeAll, describe, expect, it } from 'vitest';
import { findSecretRequests, type ScanMeter } from '../recommended/asks-for-secret.js';

/**
 * asks-for-secret zeroes a conversation's score, and a reply it misses is a compliance failure
 * (PCI DSS forbids even asking for a CVV). `fixtures/asks-for-secret.jsonl` is an adversarial set
 * written from the requirement: every request must be caught, no look-alike may be flagged.
 *
 * Each line: `{"asks": true, "secret": KIND, "text": "..."}` for a request (KIND names what is
 * asked for, and the message must name it too) or `{"asks": false, "text": "..."}` for a look-alike
 * (advice, the last four digits, a code typed into the app, a reset, a mention that asks nothing).
 */

const FIXTURE = join(import.meta.dirname, 'fixtures', 'asks-for-secret.jsonl');

/** What each kind of secret must be called in the message, so the agent knows what to remove. */
const KIND_IN_MESSAGE: Record<string, RegExp> = {
  'card-number': /card number/i,
  expiry: /expiry date/i,
  cvv: /\bCVV\b/,
  pin: /\bPIN\b/,
  password: /password|passcode/i,
  'one-time-code': /one-time code/i,
  login: /login details|password/i,
  'security-answer': /security answer/i,
  'national-id': /national ID|social security|SSN/i,
  'bank-account': /bank/i,
};

interface Entry {
  line: number;
  asks: boolean;
  secret?: string;
  text: string;
}

function loadFixture(): Entry[] {
  const problems: string[] = [];
  const entries: Entry[] = [];
  readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      if (!raw.trim()) return;
      const where = `asks-for-secret.jsonl:${index + 1}`;
      let item: any;
      try {
        item = JSON.parse(raw);
      } catch (error) {
        problems.push(`${where}: not valid JSON (${(error as Error).message})`);
        return;
      }
      if (typeof item.text !== 'string' || !item.text.trim()) problems.push(`${where}: needs a text`);
      if (typeof item.asks !== 'boolean') problems.push(`${where}: needs "asks": true or false`);
      if (item.asks && !(item.secret in KIND_IN_MESSAGE)) problems.push(`${where}: "secret" must be one of ${Object.keys(KIND_IN_MESSAGE).join(', ')}`);
      entries.push({ line: index + 1, asks: item.asks, secret: item.secret, text: item.text });
    });
  if (problems.length) throw new Error(`The asks-for-secret fixture has problems:\n  ${problems.join('\n  ')}`);
  return entries;
}

describe('asks-for-secret on the adversarial set', () => {
  let rule: Rule;
  let config: ResolvedConfig;
  let entries: Entry[];
  let flagged: Map<Entry, string[]>;

  beforeAll(() => {
    rule = recommendedRules().find((candidate) => candidate.meta.id === 'asks-for-secret')!;
    config = resolveConfig({ rules: [rule], enabled: new Set([rule.meta.id]), layers: [] });
    entries = loadFixture();
    flagged = new Map(entries.map((entry) => [entry, lint(entry.text, { channel: 'chat' }, config).messages.map((message) => message.reason)]));
  });

  it('is an error that fails the conversation', () => {
    expect(rule.meta.severity).toBe('error');
    expect(rule.meta.critical).toBe(true);
    expect(rule.meta.category).toBe('responsible');
  });

  it('holds at least 80 distinct requests, 40 look-alikes, and every kind of secret', () => {
    expect(new Set(entries.map((entry) => entry.text)).size, 'distinct texts').toBe(entries.length);
    expect(entries.filter((entry) => entry.asks).length).toBeGreaterThanOrEqual(80);
    expect(entries.filter((entry) => !entry.asks).length).toBeGreaterThanOrEqual(40);
    for (const kind of Object.keys(KIND_IN_MESSAGE)) {
      expect(entries.filter((entry) => entry.secret === kind).length, `requests for ${kind}`).toBeGreaterThanOrEqual(5);
    }
  });

  it('catches every request', () => {
    const missed = entries.filter((entry) => entry.asks && flagged.get(entry)!.length === 0).map((entry) => `line ${entry.line}: ${JSON.stringify(entry.text)}`);
    expect(missed).toEqual([]);
  });

  it('flags no look-alike', () => {
    const wrong = entries
      .filter((entry) => !entry.asks && flagged.get(entry)!.length > 0)
      .map((entry) => `line ${entry.line}: ${JSON.stringify(entry.text)} -> ${flagged.get(entry)!.join(' | ')}`);
    expect(wrong).toEqual([]);
  });

  it('names the secret it found in a specific message', () => {
    const vague = entries
      .filter((entry) => entry.asks && flagged.get(entry)!.length > 0)
      .filter((entry) => {
        const messages = flagged.get(entry)!;
        return !messages.every((message) => message.startsWith("Never ask for a customer's ")) || !messages.some((message) => KIND_IN_MESSAGE[entry.secret!].test(message));
      })
      .map((entry) => `line ${entry.line} (${entry.secret}): ${flagged.get(entry)!.join(' | ')}`);
    expect(vague).toEqual([]);
  });
});

/**
 * The rule must stay linear in the reply's length: it once re-read the whole sentence for every
 * secret in it, so a long reply full of "password" took seconds. Instead of timing it, the rule
 * counts the characters its expressions run over; four times the text must cost four times the
 * work (give or take the edges), for texts built to make a careless implementation quadratic.
 */
describe('asks-for-secret work grows linearly with the reply', () => {
  const shapes: Record<string, (units: number) => string> = {
    'one endless sentence of secrets': (n) => 'Please send your password and '.repeat(n),
    'many short requests': (n) => 'Please send your password. '.repeat(n),
    'one request per line': (n) => 'send password\n'.repeat(n),
    'a long list under one lead-in': (n) => `Please DM us the following:\n${'- CVV\n'.repeat(n)}`,
    'a list of secrets with no verb': (n) => `${'your card number, '.repeat(n)}please.`,
    'colons everywhere': (n) => 'we need: CVV: '.repeat(n),
    'secrets in every word': (n) => 'PIN '.repeat(n),
    'long runs of spaces': (n) => `card${' '.repeat(40)}number `.repeat(n),
    'no secret at all': (n) => 'Thanks for your patience while we look into this. '.repeat(n),
  };

  function workPerChar(text: string): number {
    const meter: ScanMeter = { chars: 0 };
    findSecretRequests(text, meter);
    return meter.chars / text.length;
  }

  it.each(Object.entries(shapes))('%s', (_name, build) => {
    const small = workPerChar(build(500));
    const large = workPerChar(build(2000));
    // A quadratic scan would read each character about four times as often in the larger text.
    expect(large).toBeLessThanOrEqual(small * 1.1 + 1);
    // Each character is read a bounded number of times (the windows around each secret).
    expect(large).toBeLessThan(600);
  });

  it('still finds every request in a long reply', () => {
    const text = 'Please send your password. '.repeat(2000);
    expect(findSecretRequests(text)).toHaveLength(2000);
  });
});
