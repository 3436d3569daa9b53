import { CATEGORY_IDS, type Category, type Severity } from '@preach/core';
import type { Agreement } from './compare.js';
import type { FilterSummary } from './filter.js';
import { round } from './scorer.js';
import type { AgentRef, RecordError, ScoredConversation, ScoreOutcome } from './types.js';

export interface AgentSummary extends AgentRef {
  /** Mean of the agent's per-conversation scores (see docs/scoring.md). */
  score: number;
  categories: Record<Category, number>;
  conversations: number;
  replies: number;
  findings: number;
  /** Conversations where one of this agent's replies hit a critical rule. */
  critical: number;
}

export interface RuleSummary {
  ruleId: string;
  category: Category;
  severity: Severity;
  critical: boolean;
  /** Findings in all replies. */
  count: number;
  /** Conversations with at least one finding. */
  conversations: number;
}

export interface ScoreBucket {
  from: number;
  to: number;
  count: number;
}

export interface InputSummary {
  source: string;
  format: string;
  conversations: number;
  /** Agent replies scored in this input's conversations (bots' replies not counted). */
  agentReplies: number;
  errors: number;
}

/**
 * Something a reviewer should know about an input. A `warning` (an input with conversations but
 * no agent reply at all: most likely misread) makes the run exit 1; a `notice` says what an
 * importer had to assume, or did, and changes nothing.
 */
export interface ReportWarning {
  source: string;
  severity: 'warning' | 'notice';
  message: string;
  /** Conversations the notice is about, when it is about some. */
  conversations?: number;
}

export interface Summary {
  conversations: number;
  scored: number;
  withoutAgentReply: number;
  /** Records that could not be scored, and files that could not be read (listed under errors). */
  errors: number;
  agentReplies: number;
  /** Bot and automation messages seen; never scored as agent replies. */
  botMessages: number;
  /** Bot replies scored apart (`--include-bots`). */
  botReplies: number;
  customerMessages: number;
  internalNotes: number;
  /** Mean conversation score; null when nothing was scored. */
  score: number | null;
  categories: Record<Category, number> | null;
  /** Conversations zeroed by a critical rule. */
  critical: number;
  findings: Record<Severity, number>;
  distribution: ScoreBucket[];
  inputs: InputSummary[];
}

/** A conversation as one row of the report's sortable table: numbers, no texts. */
export interface ConversationRow {
  id: string;
  source: string;
  line: number;
  score: number | null;
  categories: Record<Category, number> | null;
  critical: boolean;
  agents: string[];
  replies: number;
  findings: number;
  situation: string | null;
  channel?: string;
}

export interface ScoreReport {
  summary: Summary;
  agents: AgentSummary[];
  rules: RuleSummary[];
  errors: RecordError[];
  warnings: ReportWarning[];
  /** The lowest-scoring conversations, in full, lowest first. */
  worst: ScoredConversation[];
  /** The lowest-scoring conversations as table rows, lowest first (all of them up to the limit). */
  rows: ConversationRow[];
  /** The filters the run applied (`--since`, `--agent`, …); absent when none. Set by the host. */
  filters?: FilterSummary;
  /** Agreement with human QA scores (`--compare`); absent without. Set by the host. */
  agreement?: Agreement;
}

interface AgentTotals {
  ref: AgentRef;
  reviews: number;
  scoreSum: number;
  categorySums: Record<Category, number>;
  replies: number;
  findings: number;
  critical: number;
}

/** Keeps the n smallest items seen, cheaply: sort and trim only when the buffer doubles. */
class Lowest<T> {
  private items: Array<{ key: number; order: number; value: T }> = [];
  constructor(
    private readonly limit: number,
    private readonly keep: (value: T) => boolean = () => true,
  ) {}

  add(key: number, order: number, value: T): void {
    if (this.limit <= 0 || !this.keep(value)) return;
    this.items.push({ key, order, value });
    if (this.items.length >= this.limit * 2) this.trim();
  }

  values(): T[] {
    this.trim();
    return this.items.map((item) => item.value);
  }

  private trim(): void {
    this.items.sort((a, b) => a.key - b.key || a.order - b.order);
    this.items.length = Math.min(this.items.length, this.limit);
  }
}

const zeroCategories = (): Record<Category, number> => Object.fromEntries(CATEGORY_IDS.map((c) => [c, 0])) as Record<Category, number>;

/** One agent's part in one conversation: what their score and categories are made of. */
export interface AgentReview {
  agent: AgentRef;
  /** The mean of the agent's replies in the conversation; 0 when one of them was critical. */
  score: number;
  categories: Record<Category, number>;
  critical: boolean;
  replies: number;
  findings: number;
}

/**
 * Each agent (and bot, scored apart) gets one review per conversation they replied in, from
 * their own replies only: two agents sharing a conversation are judged on what each wrote.
 */
export function agentReviews(c: ScoredConversation): AgentReview[] {
  const byAgent = new Map<string, ScoredConversation['replies']>();
  for (const reply of c.replies) {
    const list = byAgent.get(reply.agent.id);
    if (list) list.push(reply);
    else byAgent.set(reply.agent.id, [reply]);
  }
  return [...byAgent.values()].map((replies) => {
    const critical = replies.some((r) => r.critical);
    return {
      agent: replies[0]!.agent,
      score: critical ? 0 : replies.reduce((sum, r) => sum + r.score, 0) / replies.length,
      categories: Object.fromEntries(CATEGORY_IDS.map((category) => [category, replies.reduce((sum, r) => sum + r.categories[category], 0) / replies.length])) as Record<Category, number>,
      critical,
      replies: replies.length,
      findings: replies.reduce((sum, r) => sum + r.findings.length, 0),
    };
  });
}

/**
 * Adds up scored conversations as they stream past, in input order, keeping only totals, the
 * worst few conversations and table rows up to a limit, so memory stays flat.
 */
export class Aggregator {
  private conversations = 0;
  private scored = 0;
  private withoutReply = 0;
  private replies = 0;
  private botMessages = 0;
  private botReplies = 0;
  private customerMessages = 0;
  private notes = 0;
  private critical = 0;
  private scoreSum = 0;
  private readonly categorySums = zeroCategories();
  private readonly findings: Record<Severity, number> = { error: 0, warning: 0, suggestion: 0 };
  private readonly buckets = new Array<number>(10).fill(0);
  private readonly agents = new Map<string, AgentTotals>();
  private readonly rules = new Map<string, RuleSummary>();
  private readonly errors: RecordError[] = [];
  private readonly inputs = new Map<string, InputSummary>();
  private readonly notices: ReportWarning[] = [];
  private readonly worst: Lowest<ScoredConversation>;
  private readonly rows: Lowest<ConversationRow>;

  constructor(limits: { worst: number; rows: number }) {
    this.worst = new Lowest(limits.worst, (c) => c.score !== null && c.score < 100);
    this.rows = new Lowest(limits.rows);
  }

  input(source: string, format: string): void {
    if (!this.inputs.has(source)) this.inputs.set(source, { source, format, conversations: 0, agentReplies: 0, errors: 0 });
    else this.inputs.get(source)!.format = format;
  }

  /** What an importer assumed or did while reading `source`, for `count` conversations. */
  notice(source: string, message: string, count?: number): void {
    this.notices.push({ source, severity: 'notice', message, ...(count ? { conversations: count } : {}) });
  }

  add(outcome: ScoreOutcome): void {
    if ('error' in outcome) {
      this.errors.push(outcome.error);
      this.inputFor(outcome.error.source).errors++;
      // A file that could not be read is not a conversation; a record that could not is one.
      if (!outcome.error.file) this.conversations++;
      return;
    }
    const order = this.conversations++;
    const c = outcome.scored;
    // Bots' replies (--include-bots) count for the bots only, never for the team or the rules.
    const agentReplies = c.replies.filter((r) => !r.bot);
    const input = this.inputFor(c.source);
    input.conversations++;
    input.agentReplies += agentReplies.length;
    this.customerMessages += c.customerMessages;
    this.notes += c.notes;
    this.replies += agentReplies.length;
    this.botMessages += c.botMessages;
    this.botReplies += c.replies.length - agentReplies.length;
    this.addRules(agentReplies);
    this.addAgents(c);
    const findings = agentReplies.reduce((sum, r) => sum + r.findings.length, 0);
    this.rows.add(c.score ?? 101, order, {
      id: c.id,
      source: c.source,
      line: c.line,
      score: c.score,
      categories: c.categories,
      critical: c.critical,
      agents: c.agents.map((a) => a.name),
      replies: agentReplies.length,
      findings,
      situation: c.situation.id,
      channel: c.channel,
    });
    if (c.score === null || !c.categories) {
      this.withoutReply++;
      return;
    }
    this.scored++;
    this.scoreSum += c.score;
    for (const category of CATEGORY_IDS) this.categorySums[category] += c.categories[category];
    if (c.critical) this.critical++;
    this.buckets[Math.min(9, Math.floor(c.score / 10))]!++;
    this.worst.add(c.score, order, c);
  }

  report(): ScoreReport {
    const n = this.scored;
    const summary: Summary = {
      conversations: this.conversations,
      scored: n,
      withoutAgentReply: this.withoutReply,
      errors: this.errors.length,
      agentReplies: this.replies,
      botMessages: this.botMessages,
      botReplies: this.botReplies,
      customerMessages: this.customerMessages,
      internalNotes: this.notes,
      score: n ? round(this.scoreSum / n) : null,
      categories: n ? (Object.fromEntries(CATEGORY_IDS.map((c) => [c, round(this.categorySums[c] / n)])) as Record<Category, number>) : null,
      critical: this.critical,
      findings: { ...this.findings },
      distribution: this.buckets.map((count, i) => ({ from: i * 10, to: i === 9 ? 100 : i * 10 + 9, count })),
      inputs: [...this.inputs.values()],
    };
    const agents = [...this.agents.values()]
      .map((a): AgentSummary => ({
        ...a.ref,
        score: round(a.scoreSum / a.reviews),
        categories: Object.fromEntries(CATEGORY_IDS.map((c) => [c, round(a.categorySums[c] / a.reviews)])) as Record<Category, number>,
        conversations: a.reviews,
        replies: a.replies,
        findings: a.findings,
        critical: a.critical,
      }))
      .sort((a, b) => b.score - a.score || b.replies - a.replies || a.id.localeCompare(b.id));
    const rules = [...this.rules.values()].sort((a, b) => b.count - a.count || b.conversations - a.conversations || a.ruleId.localeCompare(b.ruleId));
    return { summary, agents, rules, errors: this.errors, warnings: [...this.misread(), ...this.notices], worst: this.worst.values(), rows: this.rows.values() };
  }

  /** Inputs that hold conversations but not one agent reply: most likely read wrong, never silently. */
  private *misread(): Generator<ReportWarning> {
    for (const input of this.inputs.values()) {
      if (input.conversations === 0 || input.agentReplies > 0) continue;
      yield {
        source: input.source,
        severity: 'warning',
        message: `${input.conversations === 1 ? 'its one conversation has no' : `none of its ${input.conversations.toLocaleString('en-US')} conversations has an`} agent reply: every message was read as the customer's, a note, a bot's or a system message. If agents did reply, the export does not say who wrote what (for Zendesk comments, export with include=users or with the tickets' requester_id; for CSV, check the author_role column); --format json lists what was left out of each conversation and why`,
        conversations: input.conversations,
      };
    }
  }

  private inputFor(source: string): InputSummary {
    let input = this.inputs.get(source);
    if (!input) this.inputs.set(source, (input = { source, format: 'unknown', conversations: 0, agentReplies: 0, errors: 0 }));
    return input;
  }

  private addRules(replies: readonly ScoredConversation['replies'][number][]): void {
    const seen = new Set<string>();
    for (const reply of replies) {
      for (const f of reply.findings) {
        this.findings[f.severity]++;
        let rule = this.rules.get(f.ruleId);
        if (!rule) this.rules.set(f.ruleId, (rule = { ruleId: f.ruleId, category: f.category, severity: f.severity, critical: f.critical, count: 0, conversations: 0 }));
        rule.count++;
        if (f.critical) rule.critical = true;
        if (!seen.has(f.ruleId)) {
          seen.add(f.ruleId);
          rule.conversations++;
        }
      }
    }
  }

  /** Each agent gets one review per conversation: the mean of their replies, 0 if one was critical. */
  private addAgents(c: ScoredConversation): void {
    for (const review of agentReviews(c)) {
      let totals = this.agents.get(review.agent.id);
      if (!totals) this.agents.set(review.agent.id, (totals = { ref: review.agent, reviews: 0, scoreSum: 0, categorySums: zeroCategories(), replies: 0, findings: 0, critical: 0 }));
      totals.reviews++;
      totals.replies += review.replies;
      totals.findings += review.findings;
      if (review.critical) totals.critical++;
      totals.scoreSum += review.score;
      for (const category of CATEGORY_IDS) totals.categorySums[category] += review.categories[category];
    }
  }
}
