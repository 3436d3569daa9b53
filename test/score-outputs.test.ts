import { spawnSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREACH_BIN, ROOT, runPreach, scratchDir } from './helpers/cli.js';

/** End-to-end: `preach score` output formats, scoring config and the worker pool. */

const FIXTURES = join(ROOT, 'test', 'fixtures', 'transcripts');
const CONVERSATIONS = join(FIXTURES, 'conversations.jsonl');

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = scratchDir('preach-score-out-'));
  writeFileSync(join(dir, '.preachrc.yaml'), 'root: true\nextends: [preach:recommended]\n');
});
afterAll(() => cleanup());

const score = (args: string[], env?: Record<string, string>) => runPreach(['score', ...args], { cwd: dir, env });

describe('--format json', () => {
  it('has the documented top level: version, conversations, agents, rules, errors, warnings, summary', async () => {
    const run = await score([CONVERSATIONS, '-f', 'json', '--jobs', '1']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(['version', 'conversations', 'agents', 'rules', 'errors', 'warnings', 'summary']);
    expect(report.version).toBe(1);
    const [billing] = report.conversations;
    expect(Object.keys(billing)).toEqual([
      ...['id', 'source', 'line', 'channel', 'situation', 'score', 'categories', 'critical', 'autoFail', 'autoFailRules', 'agents', 'replies', 'customerMessages', 'internalNotes', 'findings'],
      ...['botMessages', 'createdAt', 'firstMessageAt', 'lastMessageAt', 'tags', 'group', 'brand', 'rating', 'leftOut', 'messages'],
    ]);
    expect(Object.keys(billing.categories)).toEqual(['proud', 'responsible', 'empathetic', 'articulate', 'concise', 'human']);
    expect(Object.keys(billing.messages[0])).toEqual(['index', 'agent', 'timestamp', 'score', 'categories', 'words', 'critical', 'autoFail', 'autoFailRules', 'situation', 'mood', 'text', 'findings']);
    const finding = billing.messages[1].findings[0];
    expect(finding).toMatchObject({ ruleId: 'formal-word', severity: 'suggestion', category: 'human', critical: false, line: 1, excerpt: 'utilize', fix: 'use' });
    expect(report.agents).toEqual([
      expect.objectContaining({ id: 'a-7', name: 'Sam Lee', conversations: 1, replies: 2, critical: 0 }),
      expect.objectContaining({ id: 'a-9', name: 'Ana Ruiz', score: 0, conversations: 1, replies: 1, critical: 1 }),
    ]);
    expect(report.rules).toEqual([
      { ruleId: 'asks-for-secret', category: 'responsible', severity: 'error', critical: true, count: 1, conversations: 1 },
      { ruleId: 'formal-word', category: 'human', severity: 'suggestion', critical: false, count: 1, conversations: 1 },
    ]);
    // The auto-fail zeroes the conversation and names its rule; its categories come from their own findings.
    const secret = report.conversations[1];
    expect(secret).toMatchObject({ id: 'secret-2', score: 0, autoFail: true, autoFailRules: ['asks-for-secret'] });
    expect(secret.categories).toEqual({ proud: 100, responsible: 50, empathetic: 100, articulate: 100, concise: 100, human: 100 });
    expect(secret.messages[0]).toMatchObject({ score: 0, autoFail: true, autoFailRules: ['asks-for-secret'], categories: secret.categories });
    expect(billing).toMatchObject({ autoFail: false, autoFailRules: [] });
    expect(report.agents[1].categories.responsible).toBe(50);
    // The team score is the mean of the two scored conversations; the critical one counts as 0.
    expect(report.summary.score).toBe(Math.round((billing.score / 2) * 10) / 10);
    expect(report.summary.distribution).toHaveLength(10);
    expect(report.summary.distribution.reduce((sum: number, b: any) => sum + b.count, 0)).toBe(2);
  });
});

describe('--format csv', () => {
  it('writes one row per conversation', async () => {
    const run = await score([join(FIXTURES, 'malformed.jsonl'), CONVERSATIONS, '-f', 'csv', '--jobs', '1']);
    expect(run.stdout.split('\n')[0]).toBe(
      'conversation_id,source,line,channel,situation,agents,replies,score,critical,proud,responsible,empathetic,articulate,concise,human,errors,warnings,suggestions,rules,note,started_at,tags,group,brand,rating,bot_messages,auto_fail,auto_fail_rules',
    );
    const rows: Array<Record<string, string>> = parse(run.stdout, { columns: true });
    expect(rows.map((row) => row.conversation_id)).toEqual(['ok-1', 'ok-5', 'billing-1', 'secret-2', 'unanswered-3', '', 'odd-3']);
    // An auto-fail zeroes the conversation, not its categories: the password request costs
    // Responsible what one error costs in a short reply; the other categories have no finding.
    expect(rows[3]).toMatchObject({ score: '0', critical: 'true', auto_fail: 'true', auto_fail_rules: 'asks-for-secret', responsible: '50', proud: '100', concise: '100', errors: '1', rules: 'asks-for-secret', note: '' });
    expect(rows[2]).toMatchObject({ auto_fail: 'false', auto_fail_rules: '' });
    expect(rows[4]).toMatchObject({ score: '', replies: '0', note: 'no agent reply to score' });
    expect(rows[5]).toMatchObject({ line: '2', note: expect.stringMatching(/^not scored: invalid JSON/) });
    expect(rows[6]).toMatchObject({ line: '3', note: 'not scored: message 2 has unknown role "robot"; use customer, agent, bot, note or system' });
  });

  it('writes one row per agent with --group-by agent', async () => {
    const run = await score([CONVERSATIONS, '-f', 'csv', '--group-by', 'agent', '--jobs', '1']);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('agent_id,agent,conversations,replies,score,critical_conversations,proud,responsible,empathetic,articulate,concise,human,findings,bot');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 4).join(','))).toEqual(['a-7,Sam Lee,1,2', 'a-9,Ana Ruiz,1,1']);
  });

  it('says so when the report cannot be written', async () => {
    const run = await score([CONVERSATIONS, '-f', 'csv', '-o', 'no-such-folder/report.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('preach: cannot write the report to no-such-folder/report.csv: no such folder\n');
  });

  it('refuses --group-by with another format', async () => {
    const run = await score([CONVERSATIONS, '--group-by', 'agent']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--group-by applies to --format csv only');
  });
});

describe('--format table', () => {
  it('prints totals, the score distribution, agents ranked and the most frequent rules', async () => {
    const run = await score([CONVERSATIONS, '--jobs', '1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^3 conversations \(2 scored, 1 without an agent reply\), 3 agent replies, 1 internal note left out/);
    expect(run.stdout).toMatch(/Team score \d+\.\d\/100 {3}P \d+\.\d {2}R/);
    expect(run.stdout).toContain('1 conversation zeroed by a critical rule (auto-fail)');
    expect(run.stdout).toContain('Score distribution (conversations)');
    expect(run.stdout).toMatch(/Agents, best first \(2\)\n.*\n\s+1 {2}Sam Lee.*\n\s+2 {2}Ana Ruiz/);
    expect(run.stdout).toMatch(/Most frequent rules\n\s+1 {2}asks-for-secret .*critical\n\s+1 {2}formal-word/);
    expect(run.stdout).not.toMatch(/\u001b\[/);
    // Piped output: no progress bar.
    expect(run.stderr).toBe('');
  });
});

describe('--format html', () => {
  it('writes one self-contained page: charts, filters, tables, and every conversation with its findings', async () => {
    const run = await score([CONVERSATIONS, '-f', 'html', '-o', 'report.html', '--jobs', '1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    for (const id of ['chart-distribution', 'chart-categories', 'chart-agents', 'filter-agent', 'filter-rule', 'agents-table', 'rules-table', 'conversations-list', 'report-data', 'd-0']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('Chart.js v4');
    // Nothing is fetched: no external scripts, styles or fonts.
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|url\(http/);
    const data = JSON.parse(/<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)![1]!);
    const texts = JSON.parse(/<script type="application\/json" id="d-0">(.*?)<\/script>/s.exec(html)![1]!);
    // Every conversation is in the page, with its replies' texts and findings.
    expect(data.index.id).toEqual(['billing-1', 'secret-2', 'unanswered-3']);
    expect(texts).toHaveLength(3);
    expect(texts[1][0][4]).toBe('Hi Tom, could you send me your password so I can check the account?');
    const ruleIds = data.rules.map((r: number[]) => data.strings[r[0]]);
    expect(ruleIds).toEqual(expect.arrayContaining(['asks-for-secret', 'formal-word']));
    expect(data.minConversations).toBe(10);
    // Transcript text is escaped, never markup: "<b>" from the HTML reply is gone, "<" is \u003c.
    expect(html).not.toContain('<b>utilize</b>');
  });

  it('refuses --min-conversations that is not a whole number of at least 1', async () => {
    const run = await score([CONVERSATIONS, '-f', 'html', '--min-conversations', '0', '--jobs', '1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--min-conversations needs a whole number of at least 1, got "0"');
  });

  it('refuses a report.min_conversations that is not a whole number of at least 1, naming the key', async () => {
    writeFileSync(join(dir, 'bad-report.yaml'), 'root: true\nextends: [preach:recommended]\nreport:\n  min_conversations: 0\n');
    const run = await score([CONVERSATIONS, '-f', 'html', '--config', 'bad-report.yaml', '--jobs', '1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad-report\.yaml:4:\d+: report\.min_conversations: must be >= 1/);
  });
});

describe('scoring config', () => {
  it('takes critical rules and weights from .preachrc.yaml scoring:', async () => {
    const config = join(dir, 'strict-scoring.yaml');
    writeFileSync(config, 'root: true\nextends: [preach:recommended]\nscoring:\n  critical: [formal-word]\n');
    const critical = JSON.parse((await score([CONVERSATIONS, '-f', 'json', '--jobs', '1', '--config', config])).stdout);
    expect(critical.conversations[0]).toMatchObject({ id: 'billing-1', score: 0, critical: true });
    writeFileSync(config, 'root: true\nextends: [preach:recommended]\nscoring:\n  weights: { suggestion: 0 }\n');
    const lenient = JSON.parse((await score([CONVERSATIONS, '-f', 'json', '--jobs', '1', '--config', config])).stdout);
    expect(lenient.conversations[0]).toMatchObject({ id: 'billing-1', score: 100, critical: false });
    expect(lenient.conversations[0].messages[1].findings.map((f: any) => f.ruleId)).toEqual(['formal-word']);
  });

  it('weighs PREACH categories in the overall score with scoring.categories (0 leaves one out)', async () => {
    const config = join(dir, 'categories.yaml');
    writeFileSync(config, 'root: true\nextends: [preach:recommended]\nscoring:\n  categories: { human: 0 }\n');
    const report = JSON.parse((await score([CONVERSATIONS, '-f', 'json', '--jobs', '1', '--config', config])).stdout);
    const reply = report.conversations[0].messages[1];
    expect(reply.findings.map((f: any) => f.ruleId)).toEqual(['formal-word']);
    expect(reply.score).toBe(100);
    expect(reply.categories.human).toBeLessThan(100);
  });

  it('reports a config error once, with exit 2', async () => {
    const config = join(dir, 'bad-scoring.yaml');
    writeFileSync(config, 'root: true\nscoring:\n  critical: [no-such-rule]\n');
    const run = await score([CONVERSATIONS, '--config', config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad-scoring\.yaml:3:\d+: scoring\.critical\.0: "no-such-rule" is not a known rule/);
    expect(run.stdout).toBe('');
  });
});

describe('worker pool', () => {
  it('--jobs 1 and --jobs 2 give identical reports, in input order', async () => {
    // Enough conversations for many batches on both threads, with errors interleaved.
    const base = readFileSync(CONVERSATIONS, 'utf8').trim().split('\n');
    const lines: string[] = [];
    for (let i = 0; i < 120; i++) {
      for (const line of base) lines.push(line.replace(/"id": "([^"]+)"/, `"id": "$1-${i}"`));
      if (i % 17 === 0) lines.push('{"id": "broken", "messages": [');
    }
    writeFileSync(join(dir, 'many.jsonl'), `${lines.join('\n')}\n`);
    const one = await score(['many.jsonl', '-f', 'json', '--jobs', '1']);
    const two = await score(['many.jsonl', '-f', 'json', '--jobs', '2']);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(two.stdout);
    expect(report.conversations).toHaveLength(360);
    expect(report.conversations.slice(0, 4).map((c: any) => c.id)).toEqual(['billing-1-0', 'secret-2-0', 'unanswered-3-0', 'billing-1-1']);
    expect(report.errors.map((e: any) => e.line)).toEqual([4, 56, 108, 160, 212, 264, 316, 368]);
  });

  it('refuses a --jobs that is not a whole number', async () => {
    const run = await score([CONVERSATIONS, '--jobs', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--jobs needs a whole number of at least 1');
  });
});

describe('progress bar', () => {
  // `script` gives the command a terminal, as a person running it would have.
  const hasScript = spawnSync('script', ['--version']).status === 0;

  it.skipIf(!hasScript)('shows on a terminal when the report goes to a file, and not in CI', () => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(PREACH_BIN)} score ${JSON.stringify(CONVERSATIONS)} -o out.json -f json --jobs 1`;
    const onTerminal = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '' } });
    expect(onTerminal.stdout).toContain('scoring');
    expect(onTerminal.stdout).toMatch(/3 conversations/);
    // The ETA and rate never read as garbage, and a summary line stays once the bar is gone.
    expect(onTerminal.stdout).not.toMatch(/NaN|NFs|INF|Infinity/);
    expect(onTerminal.stdout).toMatch(/scored 3 conversations, 3 replies in \d+\.\d s/);
    const inCi = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(inCi.status).toBe(0);
    expect(inCi.stdout).not.toContain('scoring');
  });
});
