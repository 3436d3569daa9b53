import { describe, expect, it } from 'vitest';
import { Aggregator } from '../src/aggregate.js';
import { detectContainer, detectDelimiter } from '../src/input/detect.js';
import { highlightReply } from '../src/output/highlight.js';
import { formatScoreTable } from '../src/output/table.js';
import type { Finding, ScoredConversation, ScoredReply } from '../src/types.js';

/** The pieces of `preach score` whose arithmetic and edge cases are easiest to see in isolation. */

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'formal-word',
  severity: 'suggestion',
  category: 'human',
  message: 'Use "use".',
  critical: false,
  line: 1,
  column: 1,
  start: 0,
  end: 0,
  excerpt: '',
  ...over,
});

describe('highlightReply', () => {
  it('marks each flagged span with its most severe finding, and escapes the text', () => {
    const text = 'Please utilize <b>this</b> ASAP!';
    const html = highlightReply(text, [
      finding({ start: 7, end: 14 }),
      finding({ ruleId: 'vague-timeline', severity: 'warning', category: 'responsible', message: 'Give a time.', start: 27, end: 31 }),
    ]);
    expect(html).toBe('Please <mark class="suggestion" title="formal-word: Use &quot;use&quot;.">utilize</mark> &lt;b&gt;this&lt;/b&gt; <mark class="warning" title="vague-timeline: Give a time.">ASAP</mark>!');
  });

  it('splits overlapping findings into segments titled with every finding that covers them', () => {
    const html = highlightReply('send your password now', [
      finding({ ruleId: 'asks-for-secret', severity: 'error', critical: true, message: 'Never ask.', start: 0, end: 18 }),
      finding({ ruleId: 'formal-word', start: 10, end: 22 }),
    ]);
    expect(html).toBe(
      '<mark class="critical" title="asks-for-secret: Never ask.">send your </mark>' +
        '<mark class="critical" title="asks-for-secret: Never ask.\nformal-word: Use &quot;use&quot;.">password</mark>' +
        '<mark class="suggestion" title="formal-word: Use &quot;use&quot;."> now</mark>',
    );
  });

  it('points at findings with no width', () => {
    expect(highlightReply('Hi there', [finding({ ruleId: 'name-missing', severity: 'warning', start: 2, end: 2, message: 'Greet Priya by name.' })])).toBe(
      'Hi<mark class="point warning" title="name-missing: Greet Priya by name.">⁁</mark> there',
    );
  });
});

describe('format detection', () => {
  it('tells JSONL, JSON documents and CSV apart', () => {
    expect(detectContainer('{"id": 1, "messages": []}\n{"id": 2, "messages": []}\n', 'export.txt')).toBe('jsonl');
    expect(detectContainer('\uFEFF{\n  "tickets": []\n}\n', 'export.txt')).toBe('json');
    expect(detectContainer('  [{"id": 1}]', 'export.txt')).toBe('json');
    expect(detectContainer('conversation_id;author_role;body\n', 'export.txt')).toBe('csv');
    expect(detectContainer('{"id": 1}', 'export.csv')).toBe('csv');
    expect(detectContainer('', 'empty.jsonl')).toBe('jsonl');
    expect(detectContainer('just words\n', 'notes.txt')).toBeUndefined();
  });

  it('takes the separator the CSV header uses most', () => {
    expect(detectDelimiter('a,b,c\n1;2;3\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc,d\n')).toBe('\t');
  });
});

describe('Aggregator', () => {
  const categories = (score: number) => ({ proud: score, responsible: score, empathetic: score, articulate: score, concise: score, human: score });
  const reply = (agent: string, score: number, critical = false): ScoredReply => ({
    index: 0,
    agent: { id: agent, name: agent },
    text: 'x',
    score,
    categories: categories(score),
    words: 10,
    critical,
    situation: null,
    findings: critical ? [finding({ ruleId: 'asks-for-secret', severity: 'error', critical: true })] : [],
  });
  const conversation = (id: string, replies: ScoredReply[]): ScoredConversation => {
    const critical = replies.some((r) => r.critical);
    const mean = replies.reduce((sum, r) => sum + r.score, 0) / replies.length;
    return {
      id,
      source: 'test',
      line: 1,
      situation: { id: null, sensitivity: 'low', source: 'none', reason: '' },
      score: critical ? 0 : mean,
      categories: categories(mean),
      critical,
      agents: [],
      customerMessages: 1,
      notes: 0,
      botMessages: 0,
      leftOut: [],
      facts: { tags: [] },
      replies,
    };
  };

  it('gives each agent one review per conversation, zeroed only where their own reply was critical', () => {
    const aggregator = new Aggregator({ worst: 1, rows: 10 });
    aggregator.add({ scored: conversation('c1', [reply('ana', 80), reply('sam', 60, true)]) });
    aggregator.add({ scored: conversation('c2', [reply('ana', 100), reply('ana', 50)]) });
    const report = aggregator.report();
    expect(report.agents.map((a) => [a.id, a.score, a.conversations, a.replies, a.critical])).toEqual([
      ['ana', 77.5, 2, 3, 0],
      ['sam', 0, 1, 1, 1],
    ]);
    // c1 is zeroed by Sam's critical reply; the team score is the mean of the two conversations.
    expect(report.summary.score).toBe(37.5);
    expect(report.summary.critical).toBe(1);
    expect(report.worst.map((c) => c.id)).toEqual(['c1']);
    expect(report.rules).toEqual([{ ruleId: 'asks-for-secret', category: 'human', severity: 'error', critical: true, count: 1, conversations: 1 }]);
  });

  it('counts records that could not be read as conversations, files that could not be read apart', () => {
    const aggregator = new Aggregator({ worst: 0, rows: 0 });
    aggregator.add({ error: { source: 'a.jsonl', line: 3, reason: 'invalid JSON' } });
    aggregator.add({ error: { source: 'b.jsonl', reason: 'file not found', file: true } });
    aggregator.add({ scored: { ...conversation('c3', [reply('ana', 90)]), replies: [], score: null, categories: null, note: 'no agent reply to score' } });
    expect(aggregator.report().summary).toMatchObject({ conversations: 2, scored: 0, withoutAgentReply: 1, errors: 2, score: null });
  });

  it('warns about an input with conversations but no agent reply, in the report and the terminal table', () => {
    const aggregator = new Aggregator({ worst: 0, rows: 0 });
    aggregator.input('inbound.jsonl', 'preach');
    aggregator.add({ scored: { ...conversation('c4', [reply('ana', 90)]), source: 'inbound.jsonl', replies: [], score: null, categories: null, note: 'no agent reply to score' } });
    aggregator.input('good.jsonl', 'preach');
    aggregator.add({ scored: { ...conversation('c5', [reply('ana', 90)]), source: 'good.jsonl' } });
    aggregator.notice('good.jsonl', 'rows were gathered', 2);
    const report = aggregator.report();
    expect(report.warnings).toEqual([
      { source: 'inbound.jsonl', severity: 'warning', message: expect.stringMatching(/^its one conversation has no agent reply/), conversations: 1 },
      { source: 'good.jsonl', severity: 'notice', message: 'rows were gathered', conversations: 2 },
    ]);
    const table = formatScoreTable(report, { color: false });
    expect(table).toMatch(/\nWarnings \(1\)\n  inbound\.jsonl: its one conversation has no agent reply/);
    expect(table).toMatch(/\nNotes\n  good\.jsonl: rows were gathered \(2 conversations\)/);
  });

  it('keeps only the lowest rows it is asked for, lowest first, in input order on a tie', () => {
    const aggregator = new Aggregator({ worst: 2, rows: 3 });
    for (const [id, score] of [['a', 90], ['b', 40], ['c', 70], ['d', 40], ['e', 100]] as const) aggregator.add({ scored: conversation(id, [reply('ana', score)]) });
    const report = aggregator.report();
    expect(report.rows.map((r) => r.id)).toEqual(['b', 'd', 'c']);
    expect(report.worst.map((c) => c.id)).toEqual(['b', 'd']);
  });
});
