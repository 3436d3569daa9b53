import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { sampleCorrelation, sampleRankCorrelation } from 'simple-statistics';
import { round } from './scorer.js';
import type { ScoredConversation } from './types.js';

/** A human reviewer's verdict on a conversation: a score 0-100, or only pass or fail. */
export type HumanVerdict = { score: number } | { pass: boolean };

/** The fields `--compare` reads, and the column names each is found under when not mapped. */
export const COMPARE_FIELDS = {
  conversation_id: ['conversation_id', 'conversation', 'ticket_id', 'ticket', 'id'],
  score: ['reviewer_score', 'human_score', 'qa_score', 'review_score', 'score', 'result', 'grade'],
} as const;
export type CompareField = keyof typeof COMPARE_FIELDS;

/** A row of the human file that could not be read; the others still count. */
export interface HumanRowProblem {
  line: number;
  reason: string;
}

export interface HumanScores {
  source: string;
  verdicts: Map<string, { verdict: HumanVerdict; line: number }>;
  /** Rows with an id but no score yet (a review file not filled in). */
  notReviewed: number;
  problems: HumanRowProblem[];
}

/** A conversation both scored, and how far apart the two are. */
export interface Disagreement {
  id: string;
  agents: string[];
  human: number | 'pass' | 'fail';
  preach: number;
  /** |human − preach| for a human score; null when the human gave pass/fail only. */
  difference: number | null;
  /** Whether the two agree on pass/fail (preach passes at the pass mark). */
  samePassFail: boolean;
}

/** How preach's scores agree with a team's human QA scores (docs/scoring.md, "Calibrating"). */
export interface Agreement {
  source: string;
  passMark: number;
  /** Rows of the human file with a verdict. */
  humanVerdicts: number;
  /** Rows with an id and no verdict yet. */
  notReviewed: number;
  /** Conversations with both a human verdict and a preach score. */
  compared: number;
  /** Of those, with a human score 0-100 (the correlations and mean difference use these). */
  withScores: number;
  /** Pearson's r between the scores; null with fewer than 3 pairs or no spread on one side. */
  pearson: number | null;
  /** Spearman's rank correlation (ties get their mean rank); null as for Pearson. */
  spearman: number | null;
  /** Mean of |human − preach| over the scores. */
  meanAbsoluteDifference: number | null;
  /** Cohen's kappa on pass/fail at the pass mark, over every compared conversation; null when undefined (one class only). */
  kappa: number | null;
  /** Share of compared conversations where both say pass or both say fail. */
  passFailAgreement: number | null;
  /** Pass/fail counts: [human pass & preach pass, human pass & preach fail, human fail & preach pass, human fail & preach fail]. */
  passFail: { bothPass: number; humanOnlyPass: number; preachOnlyPass: number; bothFail: number };
  /** The conversations where the two disagree most, worst first. */
  disagreements: Disagreement[];
  /** Ids of the human file that no input holds (after the filters), in file order. */
  unknownIds: string[];
  /** Ids found but without a preach score (no agent reply). */
  notScored: string[];
  problems: HumanRowProblem[];
}

/** Column names compare without case, spaces, dashes or underscores: "Ticket ID" is "ticket_id". */
const columnKey = (name: string) => name.trim().toLowerCase().replace(/[\s_-]+/g, '_');

const PASS = new Set(['pass', 'passed', 'yes', 'y', 'true', 'ok', 'good']);
const FAIL = new Set(['fail', 'failed', 'no', 'n', 'false', 'bad']);

/**
 * An id as the export gives it: preach's CSV reports and review files put a quote before a cell
 * that a spreadsheet would run as a formula (`'-1001`, `'=7`), which is not part of the id.
 */
function unescapeFormula(id: string): string {
  return id.startsWith("'") && /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(id.slice(1)) ? id.slice(1) : id;
}

/** A cell as a verdict, undefined when empty, a string saying what is wrong otherwise. */
export function verdictOf(cell: unknown): HumanVerdict | undefined | string {
  const text = cell === undefined || cell === null ? '' : String(cell).trim();
  if (!text) return undefined;
  const word = text.toLowerCase();
  if (PASS.has(word)) return { pass: true };
  if (FAIL.has(word)) return { pass: false };
  const number = Number(text.replace(/%$/, '').replace(',', '.'));
  if (!Number.isFinite(number)) return `score "${text}" is neither a number from 0 to 100 nor pass/fail`;
  if (number < 0 || number > 100) return `score ${text} is outside 0-100`;
  return { score: number };
}

interface ReadOptions {
  source: string;
  /** `{conversation_id: 'Ticket', score: 'QA'}` from `--compare-column`. */
  columns?: Partial<Record<CompareField, string>>;
}

/**
 * Reads a team's human QA scores: CSV or TSV with a header, or JSONL (one object per line), with
 * a conversation id and a score (0-100, "85%", or pass/fail) per row. The review file that
 * `--sample-output` writes works as it is once its `reviewer_score` column is filled in.
 * A bad row is reported with its line and the rest still count; a file without the columns is
 * refused (thrown as an Error naming what is missing).
 */
export async function readHumanScores(stream: Readable, options: ReadOptions): Promise<HumanScores> {
  const result: HumanScores = { source: options.source, verdicts: new Map(), notReviewed: 0, problems: [] };
  const { head, rest } = await firstChunk(stream);
  const jsonl = head.trimStart().startsWith('{');
  const rows = jsonl ? jsonlRows(rest, options.source) : csvRows(rest, head);
  let columns: Record<CompareField, string> | undefined;
  for await (const { line, record } of rows) {
    columns ??= findColumns(Object.keys(record), options, jsonl);
    const id = record[columns.conversation_id];
    const idText = unescapeFormula(id === undefined || id === null ? '' : String(id).trim());
    const verdict = verdictOf(record[columns.score]);
    if (!idText) {
      if (verdict !== undefined) result.problems.push({ line, reason: `no conversation id in column "${columns.conversation_id}"` });
      continue;
    }
    if (verdict === undefined) {
      result.notReviewed++;
      continue;
    }
    if (typeof verdict === 'string') {
      result.problems.push({ line, reason: `conversation ${idText}: ${verdict}` });
      continue;
    }
    const earlier = result.verdicts.get(idText);
    if (earlier) {
      // The same verdict twice (a conversation reviewed for two agents) is no problem.
      if (JSON.stringify(earlier.verdict) !== JSON.stringify(verdict)) result.problems.push({ line, reason: `conversation ${idText} is listed again with another score (first on line ${earlier.line}); the first is used` });
      continue;
    }
    result.verdicts.set(idText, { verdict, line });
  }
  return result;
}

function findColumns(keys: string[], options: ReadOptions, jsonl: boolean): Record<CompareField, string> {
  const byKey = new Map(keys.map((key) => [columnKey(key), key]));
  const found = {} as Record<CompareField, string>;
  for (const field of Object.keys(COMPARE_FIELDS) as CompareField[]) {
    const mapped = options.columns?.[field];
    const column = mapped !== undefined ? byKey.get(columnKey(mapped)) : COMPARE_FIELDS[field].map((name) => byKey.get(name)).find((name) => name !== undefined);
    if (column === undefined) {
      const what = jsonl ? 'key' : 'column';
      const wanted = mapped !== undefined ? `${what} "${mapped}" (given for ${field})` : `${what} for ${field} (${COMPARE_FIELDS[field].join(', ')})`;
      throw new Error(`${options.source} has no ${wanted}; its ${what}s are: ${keys.join(', ') || '(none)'}. Name the right one with --compare-column ${field}=NAME`);
    }
    found[field] = column;
  }
  return found;
}

/** The file's first bytes, to tell JSONL from CSV and a tab from a comma, and the whole stream again. */
async function firstChunk(stream: Readable): Promise<{ head: string; rest: AsyncIterable<Buffer | string> }> {
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? '' : String(first.value);
  async function* rest() {
    if (!first.done) yield first.value as Buffer | string;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value as Buffer | string;
  }
  return { head, rest: rest() };
}

async function* csvRows(chunks: AsyncIterable<Buffer | string>, head: string): AsyncGenerator<{ line: number; record: Record<string, unknown> }> {
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const parser = parse({ columns: true, bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, info: true, trim: true });
  const feeding = (async () => {
    for await (const chunk of chunks) if (!parser.write(chunk)) await new Promise((resolve) => parser.once('drain', resolve));
    parser.end();
  })();
  feeding.catch((error) => parser.destroy(error));
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, unknown>; info: { lines: number } }>) yield { line: info.lines, record };
  await feeding;
}

async function* jsonlRows(chunks: AsyncIterable<Buffer | string>, source: string): AsyncGenerator<{ line: number; record: Record<string, unknown> }> {
  let line = 0;
  const lines = createInterface({ input: Readable.from(chunks), crlfDelay: Infinity });
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      throw new Error(`${source}:${line}: invalid JSON (${(error as Error).message}); each line holds one object with a conversation id and a score`);
    }
    if (record && typeof record === 'object' && !Array.isArray(record)) yield { line, record: record as Record<string, unknown> };
  }
}

/** A human verdict beside preach's score for the same conversation. */
export interface ScorePair {
  id: string;
  agents: string[];
  human: HumanVerdict;
  preach: number;
}

/**
 * Agreement between human verdicts and preach's scores. Pearson's r (simple-statistics'
 * sampleCorrelation) and Spearman's rank correlation (sampleRankCorrelation, mid-ranks for ties)
 * use the pairs with a human score; Cohen's kappa uses pass/fail, preach passing at `passMark`,
 * over every pair: κ = (pₒ − pₑ) / (1 − pₑ), pₒ the share where both agree, pₑ the share
 * expected by chance from each side's pass rate.
 */
export function agreementOf(pairs: readonly ScorePair[], passMark: number, disagreementsShown = 10): Omit<Agreement, 'source' | 'humanVerdicts' | 'notReviewed' | 'unknownIds' | 'notScored' | 'problems'> {
  const scored = pairs.filter((p): p is ScorePair & { human: { score: number } } => 'score' in p.human);
  const humans = scored.map((p) => p.human.score);
  const preach = scored.map((p) => p.preach);
  const correlation = (f: (x: number[], y: number[]) => number) => {
    if (scored.length < 3) return null;
    const r = f(humans, preach);
    return Number.isFinite(r) ? Math.round(r * 1000) / 1000 : null;
  };
  const passFail = { bothPass: 0, humanOnlyPass: 0, preachOnlyPass: 0, bothFail: 0 };
  const disagreements: Disagreement[] = [];
  for (const pair of pairs) {
    const humanPass = 'score' in pair.human ? pair.human.score >= passMark : pair.human.pass;
    const preachPass = pair.preach >= passMark;
    if (humanPass && preachPass) passFail.bothPass++;
    else if (humanPass) passFail.humanOnlyPass++;
    else if (preachPass) passFail.preachOnlyPass++;
    else passFail.bothFail++;
    const difference = 'score' in pair.human ? round(Math.abs(pair.human.score - pair.preach)) : null;
    disagreements.push({ id: pair.id, agents: pair.agents, human: 'score' in pair.human ? pair.human.score : pair.human.pass ? 'pass' : 'fail', preach: pair.preach, difference, samePassFail: humanPass === preachPass });
  }
  const n = pairs.length;
  const agree = passFail.bothPass + passFail.bothFail;
  let kappa: number | null = null;
  if (n > 0) {
    const humanPassRate = (passFail.bothPass + passFail.humanOnlyPass) / n;
    const preachPassRate = (passFail.bothPass + passFail.preachOnlyPass) / n;
    const chance = humanPassRate * preachPassRate + (1 - humanPassRate) * (1 - preachPassRate);
    if (chance < 1) kappa = Math.round(((agree / n - chance) / (1 - chance)) * 1000) / 1000;
  }
  // Worst first: the largest gaps, a pass/fail split before an equal gap that agrees; then the
  // pass/fail-only verdicts that disagree.
  disagreements.sort((a, b) => (b.difference ?? -1) - (a.difference ?? -1) || Number(a.samePassFail) - Number(b.samePassFail) || a.id.localeCompare(b.id));
  const shown = disagreements.filter((d) => (d.difference !== null ? d.difference > 0 : !d.samePassFail)).slice(0, disagreementsShown);
  return {
    passMark,
    compared: n,
    withScores: scored.length,
    pearson: correlation(sampleCorrelation),
    spearman: correlation(sampleRankCorrelation),
    meanAbsoluteDifference: scored.length ? round(scored.reduce((sum, p) => sum + Math.abs(p.human.score - p.preach), 0) / scored.length) : null,
    kappa,
    passFailAgreement: n ? Math.round((agree / n) * 1000) / 1000 : null,
    passFail,
    disagreements: shown,
  };
}

/** Collects preach's scores for the conversations the human file names, as they stream past. */
export class AgreementCollector {
  private readonly pairs: ScorePair[] = [];
  private readonly seen = new Set<string>();
  private readonly notScored: string[] = [];

  constructor(
    private readonly human: HumanScores,
    private readonly passMark: number,
  ) {}

  add(conversation: ScoredConversation): void {
    const entry = this.human.verdicts.get(conversation.id);
    if (!entry || this.seen.has(conversation.id)) return;
    this.seen.add(conversation.id);
    if (conversation.score === null) {
      this.notScored.push(conversation.id);
      return;
    }
    this.pairs.push({ id: conversation.id, agents: conversation.agents.filter((a) => !a.bot).map((a) => a.name), human: entry.verdict, preach: conversation.score });
  }

  result(): Agreement {
    const unknownIds = [...this.human.verdicts.keys()].filter((id) => !this.seen.has(id));
    return {
      source: this.human.source,
      humanVerdicts: this.human.verdicts.size,
      notReviewed: this.human.notReviewed,
      ...agreementOf(this.pairs, this.passMark),
      unknownIds,
      notScored: this.notScored,
      problems: this.human.problems,
    };
  }
}
