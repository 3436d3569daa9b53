import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPreach, scratchDir } from './helpers/cli.js';

/** End-to-end through the `preach` binary: filters, the review sample and --compare. */

let dir: string;
let cleanup: () => void;

const customer = (text: string, timestamp?: string) => ({ role: 'customer', author: 'c-1', text, ...(timestamp ? { timestamp } : {}) });
const agent = (author: string, name: string, text: string, timestamp?: string) => ({ role: 'agent', author, author_name: name, text, ...(timestamp ? { timestamp } : {}) });
const CONVERSATIONS = [
  { id: 'm1', channel: 'email', tags: ['billing'], messages: [customer('My invoice is wrong.', '2024-05-01T09:00:00Z'), agent('a-7', 'Sam Lee', 'Hi, I have corrected the invoice and sent you the new copy.', '2024-05-01T09:10:00Z')] },
  { id: 'm2', channel: 'chat', tags: ['refund'], messages: [customer('I cannot log in.', '2024-05-02T10:00:00Z'), agent('a-9', 'Ana Ruiz', 'Hi, could you send me your password so I can check the account?', '2024-05-02T10:01:00Z')] },
  { id: 'm3', channel: 'twitter', tags: ['Billing'], messages: [customer('Where is my refund?', '2024-05-03T08:00:00Z'), agent('a-7', 'Sam Lee', 'Please utilize the refund form and we will look at it.', '2024-05-03T08:05:00Z')] },
  { id: 'm4', channel: 'email', tags: [], messages: [customer('Thanks for the help.', '2024-05-10T12:00:00Z'), agent('a-3', 'Kim Park', 'You are welcome, glad it works now.', '2024-05-10T12:30:00Z')] },
  { id: 'm5', channel: 'email', tags: ['billing'], messages: [customer('Can I pay by card?'), agent('a-9', 'Ana Ruiz', 'Yes, every major card works on the billing page.')] },
  { id: 'm6', tags: ['billing'], messages: [customer('Is the app down?', '2024-05-02T07:00:00Z'), agent('a-3', 'Kim Park', 'It is back up since 7:15; sorry for the trouble this morning.', '2024-05-02T07:20:00Z')] },
];

/** A review file as --sample writes it, filled in by a reviewer (m5 not yet), plus an id no input has. */
const FILLED_REVIEW = [
  'conversation_id,agent,preach_score,auto_fail,top_findings,source,line,reviewer_score,reviewer_notes',
  'm1,Sam Lee,100,false,,conversations.jsonl,1,95,',
  'm2,Ana Ruiz,0,true,,conversations.jsonl,2,10,',
  'm3,Sam Lee,90.9,false,,conversations.jsonl,3,60,too formal',
  'm4,Kim Park,100,false,,conversations.jsonl,4,fail,',
  'm5,Ana Ruiz,100,false,,conversations.jsonl,5,,',
  'nope,Someone,50,false,,x,1,70,',
];

beforeAll(() => {
  ({ dir, cleanup } = scratchDir('preach-score-review-'));
  writeFileSync(join(dir, 'filled.csv'), `${FILLED_REVIEW.join('\n')}\n`);
  writeFileSync(join(dir, '.preachrc.yaml'), 'root: true\nextends: [preach:recommended]\n');
  writeFileSync(join(dir, 'conversations.jsonl'), `${CONVERSATIONS.map((c) => JSON.stringify(c)).join('\n')}\n`);
});
afterAll(() => cleanup());

const score = (args: string[]) => runPreach(['score', 'conversations.jsonl', '--jobs', '1', ...args], { cwd: dir });

describe('filters', () => {
  const FILTERS = ['--since', '2024-05-01', '--until', '2024-05-03', '--tag', 'billing', '--agent', 'sam lee', '--agent', 'a-3'];

  it('apply before aggregation, the same in JSON and CSV, and say what they did', async () => {
    const json = await score([...FILTERS, '-f', 'json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    // m2 has another tag, m4 is too late, m5 has no date; m1, m3 (Billing) and m6 are Sam's and Kim's.
    expect(report.conversations.map((c: any) => c.id)).toEqual(['m1', 'm3', 'm6']);
    expect(report.summary).toMatchObject({ conversations: 3, scored: 3, agentReplies: 3 });
    expect(report.agents.map((a: any) => a.name).sort()).toEqual(['Kim Park', 'Sam Lee']);
    expect(report.rules.map((r: any) => r.ruleId)).not.toContain('asks-for-secret');
    expect(report.filters).toEqual({ since: '2024-05-01', until: '2024-05-03', agents: ['sam lee', 'a-3'], tags: ['billing'], channel: null, read: 6, kept: 3, leftOut: 3, withoutDate: 1 });
    const note = '--since 2024-05-01 --until 2024-05-03 --agent "sam lee" --agent a-3 --tag billing: the report is about 3 of the 6 conversations read; 3 left out (1 of them have no date)';
    expect(report.warnings).toContainEqual({ source: 'filters', severity: 'notice', message: note });
    expect(json.stderr).toContain(`preach: note: filters: ${note}`);

    const csv = await score([...FILTERS, '-f', 'csv']);
    const rows: Array<Record<string, string>> = parse(csv.stdout, { columns: true });
    expect(rows.filter((row) => row.conversation_id).map((row) => row.conversation_id)).toEqual(['m1', 'm3', 'm6']);
    expect(rows.at(-1)!.note).toBe(`note: ${note}`);
    const agents = await score([...FILTERS, '-f', 'csv', '--group-by', 'agent']);
    expect(parse(agents.stdout, { columns: true }).map((row: any) => row.agent).sort()).toEqual(['Kim Park', 'Sam Lee']);
  });

  it('--channel keeps that channel, and takes a conversation whose export does not say to be on it', async () => {
    const chat = JSON.parse((await score(['--channel', 'chat', '-f', 'json'])).stdout);
    expect(chat.conversations.map((c: any) => [c.id, c.channel])).toEqual([
      ['m2', 'chat'],
      ['m6', 'chat'],
    ]);
    const twitter = JSON.parse((await score(['--channel', 'twitter', '-f', 'json'])).stdout);
    expect(twitter.conversations.map((c: any) => c.id)).toEqual(['m3']);
  });

  it('refuses a date that is not one, with a usage error and no stack trace', async () => {
    const run = await score(['--since', '2024-02-30']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('preach: --since needs a date as YYYY-MM-DD or an ISO 8601 time such as 2024-05-01T09:00Z, got "2024-02-30"\n');
    const backwards = await score(['--since', '2024-05-03', '--until', '2024-05-01']);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain('--since 2024-05-03 is after --until 2024-05-01');
  });
});

describe('review sample and --compare', () => {
  it('writes a review file that a repeated run with the printed seed draws again', async () => {
    const first = await score(['--sample', '3', '--sample-output', 'review.csv', '-f', 'json', '-o', 'report.json']);
    expect(first.code).toBe(0);
    const seed = /seed (\d+) \(--seed \1 draws the same sample again\)/.exec(first.stderr)?.[1];
    expect(first.stderr).toMatch(/^preach: review sample: 3 conversations \(3 at random\) written to review\.csv; seed \d+/m);
    const review = readFileSync(join(dir, 'review.csv'), 'utf8');
    const rows: Array<Record<string, string>> = parse(review, { columns: true });
    expect(Object.keys(rows[0]!)).toEqual(['conversation_id', 'agent', 'preach_score', 'auto_fail', 'top_findings', 'source', 'line', 'reviewer_score', 'reviewer_notes']);
    expect(rows).toHaveLength(3);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    for (const row of rows) {
      const scored = report.conversations.find((c: any) => c.id === row.conversation_id);
      expect(row).toMatchObject({ preach_score: String(scored.score), agent: scored.agents[0].name, reviewer_score: '' });
    }
    const again = await score(['--sample', '3', '--seed', seed!, '--sample-output', 'again.csv']);
    expect(again.stderr).toContain(`seed ${seed}\n`);
    expect(readFileSync(join(dir, 'again.csv'), 'utf8')).toBe(review);
  });

  it('draws N per agent into JSON lines with --sample-by agent', async () => {
    // Sam and Ana have two conversations each: two per agent takes all four, by agent.
    const run = await score(['--sample', '2', '--sample-by', 'agent', '--seed', '5', '--sample-output', 'per-agent.jsonl', '--agent', 'Sam Lee', '--agent', 'Ana Ruiz']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('4 conversations (up to 2 per agent) written to per-agent.jsonl; seed 5\n');
    const rows = readFileSync(join(dir, 'per-agent.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(rows.map((row) => [row.agent, row.conversation_id])).toEqual([
      ['Ana Ruiz', 'm2'],
      ['Ana Ruiz', 'm5'],
      ['Sam Lee', 'm1'],
      ['Sam Lee', 'm3'],
    ]);
    expect(rows[0]).toMatchObject({ preach_score: 0, auto_fail: true, top_findings: 'asks-for-secret: “password”', reviewer_score: '' });
    expect(rows[3].top_findings).toBe('formal-word: “utilize”');
  });

  it('--compare takes the review file --sample wrote, once a reviewer has filled it in', async () => {
    await score(['--sample', '10', '--seed', '1', '--sample-output', 'all.csv']);
    const rows: Array<Record<string, string>> = parse(readFileSync(join(dir, 'all.csv'), 'utf8'), { columns: true });
    expect(rows).toHaveLength(6);
    // A reviewer who agrees with preach on every conversation.
    const filled = rows.map((row) => ({ ...row, reviewer_score: row.preach_score }));
    writeFileSync(join(dir, 'all.csv'), stringify(filled, { header: true }));
    const run = await score(['--compare', 'all.csv', '-f', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).agreement).toMatchObject({ compared: 6, withScores: 6, pearson: 1, spearman: 1, meanAbsoluteDifference: 0, kappa: 1, disagreements: [], unknownIds: [], problems: [] });
  });

  it('--compare reads the filled-in review file and reports agreement; unknown ids are listed, not fatal', async () => {
    const json = await score(['--compare', 'filled.csv', '-f', 'json']);
    expect(json.code).toBe(0);
    const { agreement } = JSON.parse(json.stdout);
    expect(agreement).toMatchObject({ source: 'filled.csv', passMark: 80, humanVerdicts: 5, notReviewed: 1, compared: 4, withScores: 3, unknownIds: ['nope'], notScored: [], problems: [] });
    // Both pass m1; both fail m2; m3: human 60 fails, preach passes; m4: human fail, preach passes.
    expect(agreement.passFail).toEqual({ bothPass: 1, humanOnlyPass: 0, preachOnlyPass: 2, bothFail: 1 });
    // pₒ = 2/4; human passes 1/4, preach 3/4 → pₑ = 0.25 × 0.75 + 0.75 × 0.25 = 0.375; κ = 0.125 / 0.625.
    expect(agreement.kappa).toBe(0.2);
    expect(agreement.disagreements[0]).toMatchObject({ id: 'm3', human: 60, difference: 30.9, samePassFail: false });
    expect(agreement.pearson).toBeGreaterThan(0.8);

    const table = await score(['--compare', 'filled.csv', '--no-progress']);
    expect(table.stdout).toContain('Agreement with human QA scores (filled.csv)');
    expect(table.stdout).toMatch(/4 conversations compared \(3 with a 0-100 score\), pass mark 80\n\s+Pearson r 0\.\d\d {3}Spearman ρ [\d.]+ {3}mean \|difference\| [\d.]+\n\s+pass\/fail: Cohen's κ 0\.20/);
    expect(table.stdout).toContain('1 id of filled.csv not found in the inputs: nope');
  });

  it('takes the pass mark from scoring.pass_mark, and never overwrites the file it compares with', async () => {
    writeFileSync(join(dir, 'strict.yaml'), 'root: true\nextends: [preach:recommended]\nscoring:\n  pass_mark: 95\n');
    const json = await score(['--compare', 'filled.csv', '-f', 'json', '--config', 'strict.yaml']);
    expect(JSON.parse(json.stdout).agreement).toMatchObject({ passMark: 95, passFail: { bothPass: 1, humanOnlyPass: 0, preachOnlyPass: 1, bothFail: 2 } });
    const before = readFileSync(join(dir, 'filled.csv'), 'utf8');
    const clash = await score(['--compare', 'filled.csv', '--sample', '2', '--sample-output', 'filled.csv']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/--sample-output/);
    expect(readFileSync(join(dir, 'filled.csv'), 'utf8')).toBe(before);
    // A file of human scores without a score column is a usage error naming its columns.
    writeFileSync(join(dir, 'no-scores.csv'), 'ticket,comment\nm1,fine\n');
    const unusable = await score(['--compare', 'no-scores.csv']);
    expect(unusable.code).toBe(2);
    expect(unusable.stderr).toBe('preach: --compare: no-scores.csv has no column for score (reviewer_score, human_score, qa_score, review_score, score, result, grade); its columns are: ticket, comment. Name the right one with --compare-column score=NAME\n');
    // A review file that cannot be written stops the run before any scoring, with no report left behind.
    const nowhere = await score(['--sample', '2', '--sample-output', 'no-such-folder/review.csv', '-o', 'never.json', '-f', 'json']);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/^preach: cannot write the review sample to no-such-folder\/review\.csv: /);
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });
});
