import { CATEGORY_IDS } from '@preach/core';
import { agentReviews } from '../aggregate.js';
import type { ScoredConversation } from '../types.js';

/**
 * The HTML report's data, built as conversations stream past and embedded compactly: every
 * repeated string (agent, rule, message, fix, tag, channel, situation, source) once in a shared
 * table, the conversations as columns of numbers (one array per field, which the page turns into
 * typed arrays), and the texts in blocks of DETAIL_CHUNK conversations that the page parses only
 * when one of them is opened. A report of 100,000 conversations therefore opens by parsing the
 * columns alone.
 *
 * Columns (`PageIndex`): one entry per conversation, except the lists, which are flat with a count
 * per conversation (`tags` with `tagCount`; the `review*` columns with `reviewCount`, one review
 * per agent in the conversation; `findingRule`/`findingAgent` with `findingCount`). -1 means none
 * (no score, no date, no channel…). `day` counts days since 1970-01-01 (UTC). Strings, agents and
 * rules are positions in `strings`, `agents` and `rules`.
 * Detail block: per conversation, per reply: [agent, score, critical 0|1, customerText|null, text,
 * [[rule, start, end, severity, critical 0|1, message, fix|-1, note|-1], …]].
 */

/** Conversations whose texts share one JSON block of the page. */
export const DETAIL_CHUNK = 200;
/** Customer messages are context, not evidence: longer ones are cut in the page. */
export const CUSTOMER_CONTEXT_CHARS = 2000;
const SEVERITY_CODE = { error: 0, warning: 1, suggestion: 2 } as const;
const DAY_MS = 86_400_000;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Each distinct string once; the page refers to it by its position. */
export class StringTable {
  private readonly positions = new Map<string, number>();
  readonly list: string[] = [];

  id(text: string): number {
    let at = this.positions.get(text);
    if (at === undefined) {
      at = this.list.length;
      this.list.push(text);
      this.positions.set(text, at);
    }
    return at;
  }

  optional(text: string | undefined | null): number {
    return text === undefined || text === null || text === '' ? -1 : this.id(text);
  }
}

export interface PageIndex {
  id: string[];
  source: number[];
  line: number[];
  score: number[];
  /** Six per conversation, in CATEGORY_IDS order; zeros when there is no score. */
  categories: number[];
  critical: number[];
  day: number[];
  channel: number[];
  situation: number[];
  rating: number[];
  agentReplies: number[];
  tagCount: number[];
  tags: number[];
  reviewCount: number[];
  reviewAgent: number[];
  reviewScore: number[];
  reviewCritical: number[];
  reviewReplies: number[];
  /** Six per review. */
  reviewCategories: number[];
  findingCount: number[];
  findingRule: number[];
  findingAgent: number[];
}

const emptyIndex = (): PageIndex => ({
  id: [], source: [], line: [], score: [], categories: [], critical: [], day: [], channel: [], situation: [], rating: [], agentReplies: [],
  tagCount: [], tags: [], reviewCount: [], reviewAgent: [], reviewScore: [], reviewCritical: [], reviewReplies: [], reviewCategories: [],
  findingCount: [], findingRule: [], findingAgent: [],
});

/** The day a conversation happened: when it was opened, else its first message, else its first reply. */
export function dayOf(c: ScoredConversation): number | null {
  for (const when of [c.facts.createdAt, c.facts.firstMessageAt, c.replies[0]?.timestamp]) {
    if (!when) continue;
    const ms = Date.parse(when);
    if (Number.isFinite(ms)) return Math.floor(ms / DAY_MS);
  }
  return null;
}

export class ReportPageData {
  readonly strings = new StringTable();
  /** [name, bot 0|1] per agent, in order of first appearance. */
  readonly agents: Array<[number, 0 | 1]> = [];
  /** [rule id, category, severity] per rule, in order of first appearance. */
  readonly rules: Array<[number, number, number]> = [];
  readonly index: PageIndex = emptyIndex();
  hasDates = false;
  hasRatings = false;
  private readonly agentPositions = new Map<string, number>();
  private readonly rulePositions = new Map<string, number>();
  private detail: unknown[] = [];
  private chunks = 0;

  /** Adds a conversation; returns a full block of texts, as JSON, when one is complete. */
  add(c: ScoredConversation): { chunk: number; json: string } | undefined {
    const s = this.strings;
    const day = dayOf(c);
    if (day !== null) this.hasDates = true;
    const rating = c.facts.rating ? s.id(String(c.facts.rating.score)) : -1;
    if (rating >= 0) this.hasRatings = true;
    const x = this.index;
    const reviews = agentReviews(c);
    for (const review of reviews) {
      x.reviewAgent.push(this.agent(review.agent.id, review.agent.name, review.agent.bot));
      x.reviewScore.push(round1(review.score));
      x.reviewCritical.push(review.critical ? 1 : 0);
      x.reviewReplies.push(review.replies);
      for (const id of CATEGORY_IDS) x.reviewCategories.push(round1(review.categories[id]));
    }
    let findings = 0;
    const replies = c.replies.map((reply) => {
      const agent = this.agent(reply.agent.id, reply.agent.name, reply.bot);
      const found = reply.findings.map((f) => {
        const rule = this.rule(f.ruleId, f.category, f.severity);
        x.findingRule.push(rule);
        x.findingAgent.push(agent);
        findings++;
        return [rule, f.start, f.end, SEVERITY_CODE[f.severity], f.critical ? 1 : 0, s.id(f.message), f.fix === undefined ? -1 : s.id(f.fix), s.optional(f.note)];
      });
      const customer = reply.customerMessage === undefined ? null : reply.customerMessage.length > CUSTOMER_CONTEXT_CHARS ? `${reply.customerMessage.slice(0, CUSTOMER_CONTEXT_CHARS)}…` : reply.customerMessage;
      return [agent, reply.score, reply.critical ? 1 : 0, customer, reply.text, found];
    });
    x.id.push(c.id);
    x.source.push(s.id(c.source));
    x.line.push(c.line);
    x.score.push(c.score ?? -1);
    for (const id of CATEGORY_IDS) x.categories.push(c.categories ? round1(c.categories[id]) : 0);
    x.critical.push(c.critical ? 1 : 0);
    x.day.push(day ?? -1);
    x.channel.push(s.optional(c.channel));
    x.situation.push(s.optional(c.situation.id));
    x.rating.push(rating);
    x.agentReplies.push(c.replies.filter((r) => !r.bot).length);
    x.tagCount.push(c.facts.tags.length);
    for (const tag of c.facts.tags) x.tags.push(s.id(tag));
    x.reviewCount.push(reviews.length);
    x.findingCount.push(findings);
    this.detail.push(replies);
    return this.detail.length >= DETAIL_CHUNK ? this.flush() : undefined;
  }

  /** The block of texts still being filled, if any. */
  flush(): { chunk: number; json: string } | undefined {
    if (!this.detail.length) return undefined;
    const block = { chunk: this.chunks++, json: JSON.stringify(this.detail) };
    this.detail = [];
    return block;
  }

  private agent(id: string, name: string, bot: boolean | undefined): number {
    let at = this.agentPositions.get(id);
    if (at === undefined) {
      at = this.agents.length;
      this.agents.push([this.strings.id(name), bot ? 1 : 0]);
      this.agentPositions.set(id, at);
    }
    return at;
  }

  private rule(id: string, category: string, severity: keyof typeof SEVERITY_CODE): number {
    let at = this.rulePositions.get(id);
    if (at === undefined) {
      at = this.rules.length;
      this.rules.push([this.strings.id(id), Math.max(0, CATEGORY_IDS.indexOf(category as (typeof CATEGORY_IDS)[number])), SEVERITY_CODE[severity]]);
      this.rulePositions.set(id, at);
    }
    return at;
  }
}
