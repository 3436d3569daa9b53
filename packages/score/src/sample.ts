import { stringify } from 'csv-stringify/sync';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { Finding, ScoredConversation } from './types.js';

/** How a review sample is drawn: N conversations at random, or N per agent. */
export const SAMPLE_BY = ['conversation', 'agent'] as const;
export type SampleBy = (typeof SAMPLE_BY)[number];

/** A conversation picked for a human to review: what they need to find it and see why. */
export interface ReviewRow {
  conversation_id: string;
  /** The agent the row was drawn for (stratified), else the agents who replied. */
  agent: string;
  preach_score: number;
  auto_fail: boolean;
  /** The most severe findings, "rule-id: “words”", most severe first. */
  top_findings: string;
  source: string;
  line: number;
  /** Left empty for the reviewer: 0-100, or pass/fail. `preach score --compare` reads it. */
  reviewer_score: string;
  reviewer_notes: string;
}

export const REVIEW_COLUMNS: Array<keyof ReviewRow> = ['conversation_id', 'agent', 'preach_score', 'auto_fail', 'top_findings', 'source', 'line', 'reviewer_score', 'reviewer_notes'];

const SEVERITY_ORDER = { error: 0, warning: 1, suggestion: 2 } as const;
const TOP_FINDINGS = 3;

/** A seed for a run that was given none: printed, so the run can be repeated with --seed. */
export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/** Reservoir sampling (Algorithm R) over a stream: every item has the same chance, memory stays at n. */
class Reservoir<T> {
  private seen = 0;
  readonly items: T[] = [];
  constructor(
    private readonly n: number,
    private readonly random: RandomGenerator,
  ) {}

  add(item: T): void {
    const index = this.seen++;
    if (index < this.n) this.items.push(item);
    else {
      const pick = uniformInt(this.random, 0, index);
      if (pick < this.n) this.items[pick] = item;
    }
  }
}

/**
 * Draws the conversations a human should review, as they stream past: `n` at random among the
 * scored ones, or with `by: 'agent'` `n` per agent (each agent's own reservoir, so a quiet agent
 * is reviewed as often as a busy one). The same input, filters and seed give the same sample.
 */
export class ReviewSampler {
  private readonly random: RandomGenerator;
  private readonly all: Reservoir<{ order: number; row: ReviewRow }>;
  private readonly perAgent = new Map<string, Reservoir<{ order: number; row: ReviewRow }>>();
  private order = 0;

  constructor(private readonly options: { n: number; seed: number; by: SampleBy }) {
    this.random = xoroshiro128plus(options.seed);
    this.all = new Reservoir(options.n, this.random);
  }

  add(conversation: ScoredConversation): void {
    if (conversation.score === null) return;
    const order = this.order++;
    if (this.options.by === 'conversation') {
      this.all.add({ order, row: reviewRow(conversation, conversation.agents.filter((a) => !a.bot).map((a) => a.name).join('; ')) });
      return;
    }
    for (const agent of conversation.agents) {
      if (agent.bot) continue;
      let reservoir = this.perAgent.get(agent.id);
      if (!reservoir) this.perAgent.set(agent.id, (reservoir = new Reservoir(this.options.n, this.random)));
      reservoir.add({ order, row: reviewRow(conversation, agent.name) });
    }
  }

  /**
   * The sample: by agent (then input order) when stratified, else in input order. A conversation
   * drawn for two agents is listed once, under both names: one conversation, one human score.
   */
  rows(): ReviewRow[] {
    if (this.options.by === 'conversation') return [...this.all.items].sort((a, b) => a.order - b.order).map((item) => item.row);
    const agents = [...this.perAgent.values()].map((reservoir) => [...reservoir.items].sort((a, b) => a.order - b.order));
    agents.sort((a, b) => a[0]!.row.agent.localeCompare(b[0]!.row.agent));
    const rows = new Map<number, ReviewRow>();
    for (const { order, row } of agents.flat()) {
      const listed = rows.get(order);
      if (listed) listed.agent = `${listed.agent}; ${row.agent}`;
      else rows.set(order, { ...row });
    }
    return [...rows.values()];
  }
}

function reviewRow(conversation: ScoredConversation, agent: string): ReviewRow {
  const findings = conversation.replies.filter((r) => !r.bot).flatMap((r) => r.findings);
  return {
    conversation_id: conversation.id,
    agent,
    preach_score: conversation.score ?? 0,
    auto_fail: conversation.critical,
    top_findings: topFindings(findings),
    source: conversation.source,
    line: conversation.line,
    reviewer_score: '',
    reviewer_notes: '',
  };
}

/** The most severe findings, one per rule: critical first, then errors, warnings, suggestions. */
export function topFindings(findings: readonly Finding[], limit = TOP_FINDINGS): string {
  const ranked = [...findings].sort((a, b) => Number(b.critical) - Number(a.critical) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const shown: string[] = [];
  const rules = new Set<string>();
  for (const finding of ranked) {
    if (rules.has(finding.ruleId)) continue;
    rules.add(finding.ruleId);
    shown.push(finding.excerpt ? `${finding.ruleId}: “${finding.excerpt}”` : finding.ruleId);
    if (shown.length === limit) break;
  }
  return shown.join('; ');
}

/** The review file: JSONL when its name ends in .jsonl or .ndjson, else CSV (formula cells escaped). */
export function formatReviewFile(rows: readonly ReviewRow[], fileName: string): string {
  if (/\.(jsonl|ndjson)$/i.test(fileName)) return rows.map((row) => `${JSON.stringify(Object.fromEntries(REVIEW_COLUMNS.map((c) => [c, row[c]])))}\n`).join('');
  return stringify([REVIEW_COLUMNS, ...rows.map((row) => REVIEW_COLUMNS.map((c) => (typeof row[c] === 'boolean' ? String(row[c]) : row[c])))], {
    escape_formulas: true,
    quoted_match: /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/,
  });
}
