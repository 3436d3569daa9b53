import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { agreementOf, readHumanScores, verdictOf, type ScorePair } from '../src/compare.js';
import { ConversationFilter, describeFilters, parseDateBound } from '../src/filter.js';
import { formatReviewFile, ReviewSampler, topFindings } from '../src/sample.js';
import type { Conversation, Finding, ScoredConversation } from '../src/types.js';

/** The review tools of `preach score` in isolation: filters, the review sample, agreement with humans. */

describe('agreementOf, on an example worked by hand', () => {
  // human 90 70 85 40 95 (mean 76), preach 80 75 60 50 100 (mean 73):
  //   Σdxdy = 1310, Σdx² = 1970, Σdy² = 1480 → r = 1310 / √(1970 × 1480) = 0.767
  //   ranks 4 2 3 1 5 and 4 3 2 1 5, Σd² = 2 → ρ = 1 − 6 × 2 / (5 × 24) = 0.9
  //   |differences| 10 5 25 10 5 → mean 11
  // At pass mark 80 (with f, a human "fail" preach scores 90): both pass a e, both fail b d,
  // human only c, preach only f → pₒ = 4/6, pₑ = 0.5 × 0.5 + 0.5 × 0.5 = 0.5 → κ = (4/6 − 0.5) / 0.5 = 0.333
  const pair = (id: string, human: ScorePair['human'], preach: number): ScorePair => ({ id, agents: ['Sam'], human, preach });
  const pairs = [pair('a', { score: 90 }, 80), pair('b', { score: 70 }, 75), pair('c', { score: 85 }, 60), pair('d', { score: 40 }, 50), pair('e', { score: 95 }, 100), pair('f', { pass: false }, 90)];

  it('gives Pearson, Spearman, the mean difference and Cohen’s kappa', () => {
    const result = agreementOf(pairs, 80);
    expect(result).toMatchObject({ compared: 6, withScores: 5, pearson: 0.767, spearman: 0.9, meanAbsoluteDifference: 11, kappa: 0.333, passFailAgreement: 0.667 });
    expect(result.passFail).toEqual({ bothPass: 2, humanOnlyPass: 1, preachOnlyPass: 1, bothFail: 2 });
  });

  it('lists the disagreements worst first, pass/fail-only ones after the scores', () => {
    const result = agreementOf(pairs, 80);
    expect(result.disagreements.map((d) => [d.id, d.difference, d.samePassFail])).toEqual([
      ['c', 25, false],
      ['a', 10, true],
      ['d', 10, true],
      ['b', 5, true],
      ['e', 5, true],
      ['f', null, false],
    ]);
  });

  it('has no kappa when one side only ever says pass, and no correlation with too few pairs', () => {
    const allPass = agreementOf([pair('a', { score: 90 }, 95), pair('b', { score: 85 }, 99)], 80);
    expect(allPass).toMatchObject({ kappa: null, pearson: null, spearman: null, passFailAgreement: 1 });
    // A side with no spread has no correlation either (not NaN).
    const flat = agreementOf([pair('a', { score: 90 }, 100), pair('b', { score: 80 }, 100), pair('c', { score: 70 }, 100)], 80);
    expect(flat.pearson).toBeNull();
  });
});

describe('human verdicts', () => {
  it('reads a score 0-100, a percentage, or pass/fail, and says what is wrong otherwise', () => {
    expect(verdictOf('85')).toEqual({ score: 85 });
    expect(verdictOf('72.5%')).toEqual({ score: 72.5 });
    expect(verdictOf('PASS')).toEqual({ pass: true });
    expect(verdictOf('failed')).toEqual({ pass: false });
    expect(verdictOf(' ')).toBeUndefined();
    expect(verdictOf('120')).toBe('score 120 is outside 0-100');
    expect(verdictOf('great')).toBe('score "great" is neither a number from 0 to 100 nor pass/fail');
  });

  it('reads CSV with mapped columns, TSV and JSONL; bad rows are listed by line, the rest kept', async () => {
    const csv = 'Ticket ID,QA Score,Reviewer\nt1,90,Jo\nt2,,Jo\nt3,abc,Jo\nt1,40,Al\nt4,fail,Jo\n';
    const read = await readHumanScores(Readable.from([csv]), { source: 'qa.csv', columns: { conversation_id: 'ticket id', score: 'QA Score' } });
    expect([...read.verdicts].map(([id, v]) => [id, v.verdict])).toEqual([
      ['t1', { score: 90 }],
      ['t4', { pass: false }],
    ]);
    expect(read.notReviewed).toBe(1);
    expect(read.problems).toEqual([
      { line: 4, reason: 'conversation t3: score "abc" is neither a number from 0 to 100 nor pass/fail' },
      { line: 5, reason: 'conversation t1 is listed again with another score (first on line 2); the first is used' },
    ]);
    // A review file escapes an id a spreadsheet would run as a formula; the id is read without the quote.
    const escaped = await readHumanScores(Readable.from(["conversation_id,reviewer_score\n'-1001,80\n'plain,70\n"]), { source: 'review.csv' });
    expect([...escaped.verdicts.keys()]).toEqual(['-1001', "'plain"]);
    const tsv = await readHumanScores(Readable.from(['conversation_id\thuman_score\nc9\t77\n']), { source: 'qa.tsv' });
    expect(tsv.verdicts.get('c9')?.verdict).toEqual({ score: 77 });
    const jsonl = await readHumanScores(Readable.from(['{"conversation_id":"c1","preach_score":50,"reviewer_score":60}\n{"conversation_id":"c2","preach_score":70,"reviewer_score":""}\n']), { source: 'r.jsonl' });
    expect(jsonl.verdicts.get('c1')?.verdict).toEqual({ score: 60 });
    expect(jsonl.notReviewed).toBe(1);
  });

  it('refuses a file without an id or a score column, naming the columns it has', async () => {
    await expect(readHumanScores(Readable.from(['ticket,comment\nt1,fine\n']), { source: 'qa.csv' })).rejects.toThrow(
      'qa.csv has no column for score (reviewer_score, human_score, qa_score, review_score, score, result, grade); its columns are: ticket, comment. Name the right one with --compare-column score=NAME',
    );
  });
});

describe('filters', () => {
  it('read ISO dates and times; a date alone is a whole UTC day; impossible dates are refused', () => {
    expect(parseDateBound('2024-05-01', 'since')).toBe(Date.parse('2024-05-01T00:00:00Z'));
    expect(parseDateBound('2024-05-31', 'until')).toBe(Date.parse('2024-05-31T23:59:59.999Z'));
    expect(parseDateBound('2024-05-01T09:30', 'since')).toBe(Date.parse('2024-05-01T09:30:00Z'));
    expect(parseDateBound('2024-05-01T09:30+02:00', 'since')).toBe(Date.parse('2024-05-01T07:30:00Z'));
    for (const bad of ['2024-02-30', '2024-13-01', 'yesterday', '05/01/2024', '2024-5-1', '']) expect(parseDateBound(bad, 'since')).toBeUndefined();
  });

  const conversation = (over: Partial<Conversation>): Conversation => ({ id: 'c', source: 'in.jsonl', line: 1, tags: [], messages: [], ...over });

  it('keep a conversation by its opening time, else its first dated message, and count the undated ones', () => {
    const filter = new ConversationFilter({ since: '2024-05-02', until: '2024-05-03' });
    expect(filter.beforeScoring(conversation({ createdAt: '2024-05-02T10:00:00Z' }))).toBe(true);
    expect(filter.beforeScoring(conversation({ createdAt: '2024-05-04T00:00:00Z' }))).toBe(false);
    expect(filter.beforeScoring(conversation({ messages: [{ role: 'customer', text: 'hi', timestamp: '2024-05-03T23:00:00Z' }, { role: 'agent', text: 'hello', timestamp: '2024-05-01T00:00:00Z' }] }))).toBe(false);
    expect(filter.beforeScoring(conversation({}))).toBe(false);
    expect(filter.summary()).toMatchObject({ read: 4, kept: 1, leftOut: 3, withoutDate: 1 });
  });

  it('match tags and channels without case, a channel by its kind or the export’s own name', () => {
    const tagged = new ConversationFilter({ tags: ['Billing', 'refund'] });
    expect(tagged.beforeScoring(conversation({ tags: ['vip', 'billing'] }))).toBe(true);
    expect(tagged.beforeScoring(conversation({ tags: ['vip'] }))).toBe(false);
    const social = new ConversationFilter({ channel: 'social' });
    expect(social.defaultChannel()).toBe('social');
    expect(social.beforeScoring(conversation({ channel: 'social', channelName: 'twitter' }))).toBe(true);
    expect(social.beforeScoring(conversation({ channel: 'email' }))).toBe(false);
    const twitter = new ConversationFilter({ channel: 'Twitter' });
    expect(twitter.defaultChannel()).toBeUndefined();
    expect(twitter.beforeScoring(conversation({ channel: 'social', channelName: 'twitter' }))).toBe(true);
    expect(twitter.beforeScoring(conversation({ channel: 'social', channelName: 'facebook' }))).toBe(false);
    // No channel at all: taken to be on a preach channel, never on an export's own name.
    expect(new ConversationFilter({ channel: 'chat' }).beforeScoring(conversation({}))).toBe(true);
    expect(twitter.beforeScoring(conversation({}))).toBe(false);
    // A channel the export names that preach does not know (voice) is not chat.
    expect(new ConversationFilter({ channel: 'chat' }).beforeScoring(conversation({ channelName: 'voice' }))).toBe(false);
  });

  it('match an agent by id, name or sign-off initials, never a bot', () => {
    const filter = new ConversationFilter({ agents: ['sam lee', 'TM'] });
    const scored = (agents: ScoredConversation['agents']) => ({ agents }) as ScoredConversation;
    expect(filter.afterScoring(scored([{ id: 'a-7', name: 'Sam Lee' }]))).toBe(true);
    expect(filter.afterScoring(scored([{ id: 'sprintcare/TM', name: 'TM (sprintcare)' }]))).toBe(true);
    expect(filter.afterScoring(scored([{ id: 'bot:TM', name: 'TM', bot: true }]))).toBe(false);
    expect(filter.afterScoring(scored([{ id: 'a-9', name: 'Ana Ruiz' }]))).toBe(false);
    expect(describeFilters({ ...filter.summary(), since: '2024-05-01' })).toBe('--since 2024-05-01 --agent "sam lee" --agent TM');
  });
});

describe('review sample', () => {
  const finding = (over: Partial<Finding>): Finding => ({ ruleId: 'formal-word', severity: 'suggestion', category: 'human', message: '', critical: false, line: 1, column: 1, start: 0, end: 0, excerpt: '', ...over });
  const scored = (id: string, agent: string, score: number | null = 90, findings: Finding[] = []): ScoredConversation =>
    ({
      id,
      source: 'in.jsonl',
      line: 1,
      score,
      critical: false,
      agents: [{ id: agent, name: agent }],
      replies: [{ findings, bot: undefined }],
    }) as unknown as ScoredConversation;
  const draw = (seed: number, by: 'conversation' | 'agent', n = 3) => {
    const sampler = new ReviewSampler({ n, seed, by });
    for (let i = 0; i < 40; i++) sampler.add(scored(`c${i}`, i % 4 === 0 ? 'Kim' : i % 2 ? 'Sam' : 'Ana'));
    sampler.add(scored('unscored', 'Sam', null));
    return sampler.rows();
  };

  it('draws the same conversations from the same seed, others from another, never an unscored one', () => {
    const ids = (seed: number) => draw(seed, 'conversation').map((r) => r.conversation_id);
    expect(ids(7)).toEqual(ids(7));
    expect(ids(7)).toHaveLength(3);
    expect([1, 2, 3, 4, 5].map(ids).some((other) => other.join() !== ids(7).join())).toBe(true);
    expect(draw(7, 'conversation', 100).map((r) => r.conversation_id)).not.toContain('unscored');
    expect(draw(7, 'conversation', 100)).toHaveLength(40);
  });

  it('draws N per agent when stratified, a quiet agent as much as a busy one', () => {
    const rows = draw(3, 'agent', 2);
    const perAgent: Record<string, number> = {};
    for (const row of rows) perAgent[row.agent] = (perAgent[row.agent] ?? 0) + 1;
    expect(perAgent).toEqual({ Ana: 2, Kim: 2, Sam: 2 });
  });

  it('names the most severe findings, one per rule, and writes CSV or JSONL with an empty reviewer column', () => {
    expect(
      topFindings([
        finding({ excerpt: 'utilize' }),
        finding({ ruleId: 'vague-timeline', severity: 'warning', excerpt: 'soon' }),
        finding({ ruleId: 'asks-for-secret', severity: 'error', critical: true, excerpt: 'password' }),
        finding({ excerpt: 'assist' }),
      ]),
    ).toBe('asks-for-secret: “password”; vague-timeline: “soon”; formal-word: “utilize”');
    const rows = draw(1, 'conversation', 1);
    expect(formatReviewFile(rows, 'review.csv').split('\n')[0]).toBe('conversation_id,agent,preach_score,auto_fail,top_findings,source,line,reviewer_score,reviewer_notes');
    expect(JSON.parse(formatReviewFile(rows, 'review.jsonl'))).toMatchObject({ conversation_id: rows[0]!.conversation_id, reviewer_score: '' });
  });
});
