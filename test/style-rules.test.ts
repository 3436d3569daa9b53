import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPreach, scratchDir } from './helpers/cli.js';

/**
 * The style rules of preach:recommended (names, placeholders, greetings, wording, length,
 * jargon) end to end: the real `preach` binary, context flags, config files and --fix.
 */

const STYLE_RULES = [
  'name-missing',
  'name-mismatch',
  'name-overuse',
  'template-placeholder',
  'generic-greeting',
  'robotic-phrase',
  'formal-word',
  'wordy-phrase',
  'filler-words',
  'long-sentence',
  'reply-too-long',
  'internal-jargon',
];

let dir: string;
let cleanup: () => void;

function write(path: string, content: string): string {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  return full;
}

interface JsonMessage {
  ruleId: string;
  severity: string;
  message: string;
  fix?: unknown;
}

/** Lints `text` from standard input with the given flags; returns the rule ids that fired. */
async function lintText(text: string, flags: string[] = [], cwd = dir) {
  const run = await runPreach(['lint', '-', '--format', 'json', ...flags], { input: text, cwd });
  expect(run.stderr, run.stderr).toBe('');
  const [file] = JSON.parse(run.stdout) as Array<{ messages: JsonMessage[] }>;
  return { code: run.code, messages: file!.messages, ids: [...new Set(file!.messages.map((m) => m.ruleId))].sort() };
}

beforeAll(() => {
  ({ dir, cleanup } = scratchDir('preach-style-'));
  write('.preachrc.yaml', 'root: true\nextends: [preach:recommended]\n');
});
afterAll(() => cleanup());

describe('the style rules run their own examples through the CLI', () => {
  it('every bad example is flagged and every good one is not (preach test-rules)', async () => {
    const run = await runPreach(['test-rules', '--format', 'json'], { cwd: dir });
    const result = JSON.parse(run.stdout) as { outcomes: Array<{ ruleId: string; passed: boolean; problem?: string; kind: string; index: number }> };
    for (const id of STYLE_RULES) {
      const outcomes = result.outcomes.filter((outcome) => outcome.ruleId === id);
      expect(outcomes.filter((o) => o.kind === 'bad').length, `${id} has bad examples`).toBeGreaterThan(0);
      expect(outcomes.filter((o) => o.kind === 'good').length, `${id} has good examples`).toBeGreaterThan(0);
      expect(outcomes.filter((o) => !o.passed).map((o) => `${id} ${o.kind} #${o.index + 1}: ${o.problem}`)).toEqual([]);
    }
  });
});

describe('names', () => {
  it('flags a leftover name with the customer as the fix, and --fix applies it', async () => {
    const { ids, messages } = await lintText('Hi John, your refund is on its way.', ['--customer-name', 'Priya Raman']);
    expect(ids).toEqual(['name-mismatch']);
    expect(messages[0]!.message).toContain('Priya Raman');
    const fixed = await runPreach(['lint', '-', '--fix', '--customer-name', 'Priya Raman'], { input: 'Hi John, your refund is on its way.', cwd: dir });
    expect(fixed.stdout).toBe('Hi Priya, your refund is on its way.');
  });

  it('accepts the first name of a full name, accents either way, and a name that is also a word', async () => {
    expect((await lintText('Hi Jose, your refund is on its way.', ['--customer-name', 'José Álvarez'])).ids).toEqual([]);
    expect((await lintText('Hi José, your refund is on its way.', ['--customer-name', 'Jose Alvarez'])).ids).toEqual([]);
    expect((await lintText('Thanks, Will! We will ship it today. Will you be home?', ['--customer-name', 'Will Turner', '--channel', 'chat'])).ids).toEqual([]);
    expect((await lintText('Hi Priya, your refund is on its way.', ['--customer-name', 'Raman, Priya'])).ids).toEqual([]);
  });

  it('reads the name from front matter and asks for it when the greeting has none', async () => {
    const { ids, messages } = await lintText('---\ncustomer_name: Mei Lin\n---\nHi there, your refund is on its way.\n');
    expect(ids).toEqual(['name-missing']);
    expect(messages[0]!.message).toBe('Greet Mei by name.');
  });

  it('does not treat a Twitter @handle as a name', async () => {
    expect((await lintText('@maria_k Hi there, your refund is on its way.', ['--channel', 'social'])).ids).toEqual([]);
  });
});

describe('placeholders and greetings', () => {
  it('fills a name placeholder with the known name', async () => {
    const run = await runPreach(['lint', '-', '--fix', '--customer-name', 'Priya Raman'], { input: 'Hi {{first_name}}, your refund is on its way.', cwd: dir });
    expect(run.stdout).toBe('Hi Priya, your refund is on its way.');
  });

  it('offers the customer name for "Dear valued customer", and "Hi there" when it is unknown', async () => {
    const known = await runPreach(['lint', '-', '--fix', '--customer-name', 'Priya Raman'], { input: 'Dear valued customer, your refund is on its way.', cwd: dir });
    expect(known.stdout).toBe('Hi Priya, your refund is on its way.');
    const unknown = await runPreach(['lint', '-', '--fix'], { input: 'Dear valued customer, your refund is on its way.', cwd: dir });
    expect(unknown.stdout).toBe('Hi there, your refund is on its way.');
  });

  it('leaves placeholders in code alone', async () => {
    const { ids } = await lintText('In your template, type `{{first_name}}` where the name goes.\n\n```\nHi {{first_name}},\n```\n');
    expect(ids).toEqual([]);
  });
});

describe('config changes the limits and the vocabulary', () => {
  it('long-sentence and reply-too-long take their limits from .preachrc.yaml', async () => {
    const text = 'Thanks for waiting. I checked the account. The card expired last month. Add a new card under Billing today.';
    expect((await lintText(text, ['--channel', 'chat'])).ids).toEqual([]);
    write('limits/.preachrc.yaml', 'root: true\nextends: [preach:recommended]\nrules:\n  reply-too-long: [warning, {sentences: {chat: 2}}]\n  long-sentence: [suggestion, {max: 5}]\n');
    const limited = await lintText(text, ['--channel', 'chat'], join(dir, 'limits'));
    expect(limited.ids).toEqual(['long-sentence', 'reply-too-long']);
    expect(limited.messages.find((m) => m.ruleId === 'reply-too-long')!.message).toContain('limit 2');
  });

  it('refuses a bad option with the file and what to do', async () => {
    write('bad/.preachrc.yaml', 'root: true\nextends: [preach:recommended]\nrules:\n  long-sentence: [suggestion, {max: "thirty"}]\n');
    const run = await runPreach(['lint', '-'], { input: 'Hello.', cwd: join(dir, 'bad') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.preachrc.yaml');
    expect(run.stderr).toContain('long-sentence');
    expect(run.stderr).not.toMatch(/\bat \S+:\d+:\d+\)/); // no stack trace
  });

  it('internal-jargon never flags team vocabulary, and takes extra terms from config', async () => {
    const text = 'Under our SOP, T2 will reply by 3 pm about your ticket.';
    expect((await lintText(text)).messages.filter((m) => m.ruleId === 'internal-jargon').map((m) => m.message)).toHaveLength(2);
    write('vocab/.preachrc.yaml', 'root: true\nextends: [preach:recommended]\nvocabulary: [SOP, T2]\nrules:\n  internal-jargon: [warning, {extra_terms: [ticket]}]\n');
    const withVocabulary = await lintText(text, [], join(dir, 'vocab'));
    expect(withVocabulary.messages.filter((m) => m.ruleId === 'internal-jargon').map((m) => m.message)).toEqual(['"ticket" is team jargon the customer may not know; say what happens instead.']);
  });
});

describe('wording', () => {
  it('wordy-phrase shortens padding through --fix', async () => {
    const run = await runPreach(['lint', '-', '--fix'], { input: 'In order to export, we are in the process of adding a button.', cwd: dir });
    expect(run.stdout).toBe('To export, we are adding a button.');
  });

  it('does not read code or links as prose', async () => {
    const text = 'Run `utilize --prior-to in-order-to` or see https://example.com/utilize/in-order-to/at-this-point-in-time for the steps.';
    expect((await lintText(text)).ids).toEqual([]);
  });

  it('keeps the real-data calibration: ordinary support replies stay quiet', async () => {
    const replies = [
      "Sorry to hear that! Could you DM us your order number so we can take a look? ^JK",
      'Thanks for reaching out. You can change your plan under Settings > Billing at any time.',
      "We're sorry for the trouble. Please try clearing your cache and let us know if that helps.",
    ];
    for (const reply of replies) expect((await lintText(reply, ['--channel', 'social'])).ids.filter((id) => STYLE_RULES.includes(id)), reply).toEqual([]);
  });
});

describe('docs for the style rules', () => {
  it('each has a generated reference page', () => {
    for (const id of STYLE_RULES) expect(readFileSync(join(import.meta.dirname, '..', 'docs', 'rules', `${id}.md`), 'utf8')).toContain(`# ${id}`);
  });
});
