import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runPreach, scratchDir } from './helpers/cli.js';

/** End-to-end: `preach score` reading every input format through the real binary. */

const FIXTURES = join(ROOT, 'test', 'fixtures', 'transcripts');
const fixture = (name: string) => join(FIXTURES, name);

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = scratchDir('preach-score-'));
  // A root config so no config of the checkout leaks into these runs.
  writeFileSync(join(dir, '.preachrc.yaml'), 'root: true\nextends: [preach:recommended]\n');
});
afterAll(() => cleanup());

async function scoreJson(args: string[], options: { input?: string } = {}) {
  const run = await runPreach(['score', ...args, '--format', 'json', '--jobs', '1'], { cwd: dir, input: options.input });
  return { run, report: run.stdout ? JSON.parse(run.stdout) : undefined };
}

/**
 * Every fixture holds the same three conversations in its help desk's own shape: a billing
 * failure with an internal note and an HTML reply using "utilize", a reply asking for a password
 * (critical), and a question nobody answered.
 */
const FORMATS = [
  { file: 'conversations.jsonl', format: 'preach', ids: ['billing-1', 'secret-2', 'unanswered-3'], agent: 'Sam Lee' },
  { file: 'zendesk.json', format: 'zendesk', ids: ['1001', '1002', '1003'], agent: 'Sam Lee' },
  { file: 'intercom.json', format: 'intercom', ids: ['ic-1', 'ic-2', 'ic-3'], agent: 'Sam Lee' },
  { file: 'freshdesk.json', format: 'freshdesk', ids: ['2001', '2002', '2003'], agent: '701' },
  { file: 'helpscout.json', format: 'helpscout', ids: ['3001', '3002', '3003'], agent: 'Sam Lee' },
  { file: 'messages.csv', format: 'csv', ids: ['csv-1', 'csv-2', 'csv-3'], agent: 'Sam Lee' },
];

describe.each(FORMATS)('preach score $file', ({ file, format, ids, agent }) => {
  let report: any;
  let code: number | null;

  beforeAll(async () => {
    const result = await scoreJson([fixture(file)]);
    report = result.report;
    code = result.run.code;
    expect(result.run.stderr).toBe('');
  });

  it('detects the format and reads every conversation in order', () => {
    expect(code).toBe(0);
    expect(report.summary.inputs).toEqual([expect.objectContaining({ format, conversations: 3, errors: 0 })]);
    expect(report.conversations.map((c: any) => c.id)).toEqual(ids);
    expect(report.errors).toEqual([]);
  });

  it('scores agent replies in context: customer name, situation, channel', () => {
    const [billing] = report.conversations;
    expect(billing.situation).toMatchObject({ id: 'billing-failure', sensitivity: 'high', source: 'inferred' });
    expect(billing.channel).toBe('email');
    expect(billing.agents.map((a: any) => a.name)).toEqual([agent]);
    expect(billing.messages).toHaveLength(2);
    const [first, second] = billing.messages;
    // The first reply greets Priya by name and acknowledges the declined card: nothing to flag.
    expect(first.situation).toBe('billing-failure');
    expect(first.findings).toEqual([]);
    expect(first.score).toBe(100);
    // The follow-up answers a how-to question.
    expect(second.situation).toBe('how-to');
    expect(second.findings.map((f: any) => f.ruleId)).toContain('formal-word');
  });

  it('converts HTML bodies to the text a customer reads, with findings on that text', () => {
    const reply = report.conversations[0].messages[1];
    expect(reply.text).toBe('Priya, please utilize the new card form under Billing.');
    const finding = reply.findings.find((f: any) => f.ruleId === 'formal-word');
    expect(finding.excerpt).toBe('utilize');
    expect(reply.text.slice(finding.start, finding.end)).toBe('utilize');
  });

  it('never scores internal notes', () => {
    const billing = report.conversations[0];
    expect(billing.internalNotes).toBe(1);
    expect(report.summary.internalNotes).toBe(1);
    const texts = report.conversations.flatMap((c: any) => c.messages.map((m: any) => m.text));
    expect(texts.join('\n')).not.toMatch(/lol|refund macro/);
  });

  it('zeroes a conversation where a critical rule fired (auto-fail)', () => {
    const secret = report.conversations[1];
    expect(secret.critical).toBe(true);
    expect(secret.score).toBe(0);
    expect(secret.messages[0].findings).toEqual([expect.objectContaining({ ruleId: 'asks-for-secret', critical: true, excerpt: 'password' })]);
    expect(report.summary.critical).toBe(1);
  });

  it('lists a conversation with no agent reply, without a score', () => {
    const unanswered = report.conversations[2];
    expect(unanswered).toMatchObject({ score: null, categories: null, replies: 0, note: 'no agent reply to score' });
    expect(unanswered.situation.id).toBe('feature-request');
    expect(report.summary).toMatchObject({ conversations: 3, scored: 2, withoutAgentReply: 1, agentReplies: 3 });
  });
});

describe('bad input', () => {
  it('reports a malformed line and an unknown role with their line numbers, and scores the rest', async () => {
    const { run, report } = await scoreJson([fixture('malformed.jsonl')]);
    expect(run.code).toBe(1);
    expect(report.conversations.map((c: any) => c.id)).toEqual(['ok-1', 'ok-5']);
    expect(report.errors).toEqual([
      { source: expect.stringContaining('malformed.jsonl'), line: 2, reason: expect.stringMatching(/^invalid JSON/) },
      { source: expect.stringContaining('malformed.jsonl'), line: 3, id: 'odd-3', reason: 'message 2 has unknown role "robot"; use customer, agent, bot, note or system' },
    ]);
    expect(report.summary).toMatchObject({ conversations: 4, scored: 2, errors: 2 });
  });

  it('shows the records it could not score in the terminal summary', async () => {
    const run = await runPreach(['score', fixture('malformed.jsonl'), '--jobs', '1'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Not scored (2)');
    expect(run.stdout).toMatch(/malformed\.jsonl:2: invalid JSON/);
    expect(run.stdout).toMatch(/malformed\.jsonl:3 \(odd-3\): message 2 has unknown role "robot"/);
  });

  it('--strict stops at the first bad record with exit 2 and names file and line', async () => {
    const output = join(dir, 'strict.json');
    const run = await runPreach(['score', fixture('malformed.jsonl'), '--strict', '-f', 'json', '-o', output], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/malformed\.jsonl:2:1: invalid JSON/);
    expect(run.stderr).toContain('--strict');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(() => readFileSync(output)).toThrow();
  });

  it('reads an empty file as no conversations', async () => {
    const { run, report } = await scoreJson([fixture('empty.jsonl')]);
    expect(run.code).toBe(0);
    expect(report.conversations).toEqual([]);
    expect(report.summary).toMatchObject({ conversations: 0, scored: 0, score: null, errors: 0 });
    const table = await runPreach(['score', fixture('empty.jsonl')], { cwd: dir });
    expect(table.stdout).toContain('Nothing to score');
  });

  it('a JSON export cut short keeps the conversations before the break', async () => {
    const file = join(dir, 'cut.json');
    writeFileSync(file, readFileSync(fixture('zendesk.json'), 'utf8').split('\n').slice(0, 30).join('\n'));
    const { run, report } = await scoreJson([file]);
    expect(run.code).toBe(1);
    expect(report.conversations.map((c: any) => c.id)).toEqual(['1001', '1002']);
    expect(report.errors).toEqual([expect.objectContaining({ line: 30, file: true, reason: expect.stringMatching(/^invalid JSON .*ends early/) })]);
  });

  it('a syntax error inside a JSON export names its line', async () => {
    const file = join(dir, 'broken.json');
    const lines = readFileSync(fixture('helpscout.json'), 'utf8').split('\n');
    lines[23] = lines[23]!.replace('"chat",', '"chat",,');
    writeFileSync(file, lines.join('\n'));
    const { report } = await scoreJson([file]);
    expect(report.conversations.map((c: any) => c.id)).toEqual(['3001']);
    expect(report.errors).toEqual([expect.objectContaining({ line: 24, reason: expect.stringMatching(/the rest of the file was not read/) })]);
  });

  it('a missing file and an unknown format are usage errors (exit 2), the other inputs are still scored', async () => {
    const odd = join(dir, 'notes.txt');
    writeFileSync(odd, 'just some words\nnothing tabular here\n');
    const { run, report } = await scoreJson([fixture('conversations.jsonl'), 'missing.jsonl', odd]);
    expect(run.code).toBe(2);
    expect(report.conversations).toHaveLength(3);
    expect(report.errors).toEqual([
      expect.objectContaining({ source: 'missing.jsonl', file: true, reason: expect.stringContaining('file not found') }),
      expect.objectContaining({ source: 'notes.txt', file: true, reason: expect.stringContaining('--input-format') }),
    ]);
    expect(report.summary.conversations).toBe(3);
  });

  it('a CSV without the needed columns says which and how to map them', async () => {
    const file = join(dir, 'export.csv');
    writeFileSync(file, 'ticket,who,comment\nt1,customer,My card was declined.\nt1,agent,I am sorry; I have retried it and it went through.\n');
    const bad = await scoreJson([file]);
    expect(bad.run.code).toBe(2);
    expect(bad.report.errors[0].reason).toMatch(/no "conversation_id" column .*--csv-column conversation_id=COLUMN/);
    const mapped = await scoreJson([file, '--csv-column', 'conversation_id=ticket', '--csv-column', 'author_role=who', '--csv-column', 'body=comment']);
    expect(mapped.run.code).toBe(0);
    expect(mapped.report.conversations).toEqual([expect.objectContaining({ id: 't1', replies: 1 })]);
  });

  it('rejects an unknown CSV field in --csv-column', async () => {
    const run = await runPreach(['score', fixture('messages.csv'), '--csv-column', 'text=body'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/text: is not a CSV field preach reads/);
  });
});

describe('the conversation as context', () => {
  it("a second reply to the same customer message sees the agent's first: an acknowledgement made there counts", async () => {
    const conversation = (second: boolean) =>
      JSON.stringify({
        id: second ? 'two-replies' : 'one-reply',
        channel: 'social',
        messages: [
          { role: 'customer', text: 'Extremely disappointed with the staff at the airport today. Not helpful at all.' },
          ...(second ? [{ role: 'agent', text: 'I hear the frustration. If you care to share details, please DM us.' }] : []),
          { role: 'agent', text: 'Please keep the language civil so we can help.' },
        ],
      });
    const { run, report } = await scoreJson(['-'], { input: `${conversation(false)}\n${conversation(true)}\n` });
    expect(run.code).toBe(0);
    const acknowledgementOwed = (c: any) => c.messages.at(-1).findings.some((f: any) => f.ruleId === 'missing-acknowledgement');
    expect(acknowledgementOwed(report.conversations[0])).toBe(true);
    expect(acknowledgementOwed(report.conversations[1])).toBe(false);
  });
});

describe('input options', () => {
  it('reads standard input', async () => {
    const { run, report } = await scoreJson(['-'], { input: readFileSync(fixture('conversations.jsonl')) });
    expect(run.code).toBe(0);
    expect(report.conversations.map((c: any) => c.source)).toEqual(['<stdin>', '<stdin>', '<stdin>']);
  });

  it('names Zendesk authors from a users list that comes after the tickets, also from standard input when it comes first', async () => {
    const { report } = await scoreJson([fixture('zendesk.json')]);
    expect(report.conversations[1].agents).toEqual([{ id: '902', name: 'Ana Ruiz' }]);
    // Standard input cannot be read twice: authors are told apart by the requester instead.
    const piped = await scoreJson(['-'], { input: readFileSync(fixture('zendesk.json')) });
    expect(piped.report.conversations[1].agents).toEqual([{ id: '902', name: '902' }]);
    expect(piped.report.conversations[1].messages).toHaveLength(1);
  });

  it('takes --input-format instead of guessing', async () => {
    const file = join(dir, 'export.data');
    writeFileSync(file, readFileSync(fixture('messages.csv')));
    const { run, report } = await scoreJson([file, '--input-format', 'csv']);
    expect(run.code).toBe(0);
    expect(report.conversations).toHaveLength(3);
    const wrong = await scoreJson([fixture('intercom.json'), '--input-format', 'zendesk']);
    expect(wrong.report.errors.map((e: any) => e.reason)).toEqual(Array(3).fill('ticket has no "comments" list; export tickets with their comments embedded (each ticket needs a "comments" array)'));
  });

  it("reads a CSV language column: a reply's row sets its language, over --language; a bad one fails its conversation alone", async () => {
    const rows = [
      'conversation_id,author_role,author_name,Language,body',
      'rows-en,customer,Priya,en,Where is my refund?',
      'rows-en,agent,Sam Lee,en,Please utilize the refund form.',
      // The customer wrote in Thai; the reply on its own row is in English.
      'mixed,customer,Somchai,th,คืนเงินของฉันอยู่ไหนครับ',
      'mixed,agent,Sam Lee,en,Please utilize the refund form.',
      'detect,customer,Lee,,Where is my refund?',
      'detect,agent,Sam Lee,auto,Please utilize the refund form.',
      'unsaid,customer,Tom,,Where is my refund?',
      'unsaid,agent,Sam Lee,,Please utilize the refund form.',
      'bad,customer,Ana,,Where is my refund?',
      'bad,agent,Sam Lee,English please,Please utilize the refund form.',
      '',
    ];
    writeFileSync(join(dir, 'languages.csv'), rows.join('\n'));
    // --language th stands for the replies whose rows do not say; English rules do not apply to them.
    const { run, report } = await scoreJson(['languages.csv', '--language', 'th']);
    const rules = (id: string) => report.conversations.find((c: any) => c.id === id).messages.flatMap((m: any) => m.findings.map((f: any) => f.ruleId));
    expect(report.conversations.map((c: any) => c.id)).toEqual(['rows-en', 'mixed', 'detect', 'unsaid']);
    expect(rules('rows-en')).toContain('formal-word');
    expect(rules('mixed')).toContain('formal-word');
    expect(rules('detect')).toContain('formal-word');
    expect(rules('unsaid')).not.toContain('formal-word');
    expect(report.errors).toEqual([
      { source: 'languages.csv', line: 11, id: 'bad', reason: 'has language "English please"; use a language tag such as en, th, ko or zh (or auto)' },
    ]);
    expect(run.code).toBe(1);
  });

  it('reads every transcript in a folder', async () => {
    const { report } = await scoreJson([FIXTURES]);
    const formats = report.summary.inputs.map((i: any) => i.format).sort();
    // The empty file has no record to tell its help desk by, so it stays plain JSONL.
    expect(formats).toEqual(['csv', 'freshdesk', 'helpscout', 'intercom', 'jsonl', 'preach', 'preach', 'zendesk']);
  });

  it('identifies agents by sign-off initials with --agent-signature or agents.signature', async () => {
    const file = join(dir, 'signed.jsonl');
    const reply = (text: string) => ({ role: 'agent', author: 'AcmeHelp', text });
    writeFileSync(
      file,
      [
        { id: 's1', channel: 'twitter', messages: [{ role: 'customer', text: 'Where is my parcel?' }, reply('It left our depot today and arrives by Friday. ^JK')] },
        { id: 's2', channel: 'twitter', messages: [{ role: 'customer', text: 'How do I reset my router?' }, reply('Hold the back button for ten seconds, then wait two minutes. -AB')] },
      ]
        .map((c) => JSON.stringify(c))
        .join('\n'),
    );
    const flag = await scoreJson([file, '--agent-signature', '[\\^-]([A-Z]{2})\\s*$']);
    expect(flag.report.agents.map((a: any) => a.name).sort()).toEqual(['AB (AcmeHelp)', 'JK (AcmeHelp)']);
    const configured = join(dir, 'signature');
    writeFileSync(join(dir, 'signature.yaml'), 'root: true\nextends: [preach:recommended]\nagents:\n  signature: "[\\\\^-]([A-Z]{2})\\\\s*$"\n');
    const fromConfig = await scoreJson([file, '--config', `${configured}.yaml`]);
    expect(fromConfig.report.agents.map((a: any) => a.id).sort()).toEqual(['AcmeHelp/AB', 'AcmeHelp/JK']);
    const bad = await runPreach(['score', file, '--agent-signature', '^JK$'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/agents\.signature: needs one capturing group/);
  });

  it('maps help-desk tags to situations through config tags:', async () => {
    writeFileSync(join(dir, 'tags.yaml'), 'root: true\nextends: [preach:recommended]\ntags:\n  vip: complaint\n');
    const { report } = await scoreJson([fixture('conversations.jsonl'), '--config', 'tags.yaml']);
    expect(report.conversations[0].situation).toMatchObject({ id: 'complaint', source: 'tags' });
    expect(report.conversations[0].messages.map((m: any) => m.situation)).toEqual(['complaint', 'complaint']);
  });
});
