import { CHANNELS, type Channel } from '@preach/core';
import type { AgentRef, Conversation, ScoredConversation } from './types.js';

/** Which conversations a report is about (`--since`, `--until`, `--agent`, `--tag`, `--channel`). */
export interface FilterSpec {
  /** ISO 8601 date or time, as given: the conversation's time is this or later. */
  since?: string;
  /** ISO 8601 date (that whole day, UTC, counts) or time: the conversation's time is this or earlier. */
  until?: string;
  /** Agent names or ids: a conversation one of them replied in. */
  agents?: string[];
  /** Help-desk tags: a conversation with one of them. */
  tags?: string[];
  /** A channel (`chat`, `email`, `social`, `sms`) or the export's own channel name (`twitter`). */
  channel?: string;
}

/** What the filters did, for the report: what was asked and how many conversations were left out. */
export interface FilterSummary {
  since: string | null;
  until: string | null;
  agents: string[];
  tags: string[];
  channel: string | null;
  /** Conversations read and scored before filtering. */
  read: number;
  /** Conversations the report is about. */
  kept: number;
  /** Left out because their time, tags, channel or agents did not match. */
  leftOut: number;
  /** Of those, left out because the export gives them no date while --since/--until asks for one. */
  withoutDate: number;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A `--since`/`--until` bound in epoch milliseconds, or undefined when `value` is not an ISO 8601
 * date (`2024-05-01`) or time (`2024-05-01T09:00Z`). A date alone is a UTC day: `--until
 * 2024-05-31` takes in the whole of the 31st. A time without a zone is UTC.
 */
export function parseDateBound(value: string, edge: 'since' | 'until'): number | undefined {
  const text = value.trim();
  const day = DATE_ONLY.exec(text);
  if (day) {
    const start = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    // Date.UTC rolls 2024-02-30 over to 1 March: a day that does not exist is refused.
    if (new Date(start).toISOString().slice(0, 10) !== text) return undefined;
    return edge === 'since' ? start : start + DAY_MS - 1;
  }
  if (!DATE_TIME.test(text)) return undefined;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`;
  const at = Date.parse(zoned.replace(' ', 'T'));
  return Number.isNaN(at) ? undefined : at;
}

/** Spellings compare without case and extra spaces. */
const normal = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Applies the filters of a run. `beforeScoring` decides by the conversation's time, tags and
 * channel, so what is left out costs no scoring; `afterScoring` by its agents, once they are
 * known (sign-offs, aliases). Both count what they leave out for the summary.
 */
export class ConversationFilter {
  private readonly since?: number;
  private readonly until?: number;
  private readonly agents: Set<string>;
  private readonly tags: Set<string>;
  private readonly channel?: string;
  private read = 0;
  private leftOut = 0;
  private withoutDate = 0;

  /** `spec`'s dates must have been checked with parseDateBound. */
  constructor(private readonly spec: FilterSpec) {
    this.since = spec.since === undefined ? undefined : parseDateBound(spec.since, 'since');
    this.until = spec.until === undefined ? undefined : parseDateBound(spec.until, 'until');
    this.agents = new Set((spec.agents ?? []).map(normal));
    this.tags = new Set((spec.tags ?? []).map(normal));
    this.channel = spec.channel === undefined ? undefined : normal(spec.channel);
  }

  /** Whether any filter is set. */
  get active(): boolean {
    return this.since !== undefined || this.until !== undefined || this.agents.size > 0 || this.tags.size > 0 || this.channel !== undefined;
  }

  /**
   * A conversation whose export gives no channel is taken to be on `--channel`'s channel when it
   * names one of preach's channels (the tone rules need one), as before the filter existed.
   */
  defaultChannel(): Channel | undefined {
    return this.channel && (CHANNELS as readonly string[]).includes(this.channel) ? (this.channel as Channel) : undefined;
  }

  /** Whether a conversation read from an input is kept, by its time, tags and channel. */
  beforeScoring(conversation: Conversation): boolean {
    this.read++;
    if (this.since !== undefined || this.until !== undefined) {
      const at = conversationTime(conversation);
      if (at === undefined) {
        this.withoutDate++;
        return this.drop();
      }
      if ((this.since !== undefined && at < this.since) || (this.until !== undefined && at > this.until)) return this.drop();
    }
    if (this.tags.size && !conversation.tags.some((tag) => this.tags.has(normal(tag)))) return this.drop();
    if (this.channel !== undefined) {
      const names = [conversation.channel, conversation.channelName].filter((name): name is string => Boolean(name)).map(normal);
      // An export that names no channel at all is taken to be on --channel's, when it is one of preach's.
      const matches = names.length ? names.includes(this.channel) : this.defaultChannel() !== undefined;
      if (!matches) return this.drop();
    }
    return true;
  }

  /** Whether a scored conversation is kept, by the agents who replied in it. */
  afterScoring(conversation: ScoredConversation): boolean {
    if (!this.agents.size) return true;
    if (conversation.agents.some((agent) => !agent.bot && this.matchesAgent(agent))) return true;
    return this.drop();
  }

  summary(): FilterSummary {
    return {
      since: this.spec.since ?? null,
      until: this.spec.until ?? null,
      agents: this.spec.agents ?? [],
      tags: this.spec.tags ?? [],
      channel: this.spec.channel ?? null,
      read: this.read,
      kept: this.read - this.leftOut,
      leftOut: this.leftOut,
      withoutDate: this.withoutDate,
    };
  }

  /** By id, by name, or by sign-off initials alone (`TM` for `sprintcare/TM`). */
  private matchesAgent(agent: AgentRef): boolean {
    const initials = agent.id.includes('/') ? agent.id.slice(agent.id.lastIndexOf('/') + 1) : undefined;
    return [agent.id, agent.name, initials].some((candidate) => candidate !== undefined && this.agents.has(normal(candidate)));
  }

  private drop(): false {
    this.leftOut++;
    return false;
  }
}

/** When a conversation happened: when it was opened, else its first dated message. */
export function conversationTime(conversation: Pick<Conversation, 'createdAt' | 'messages'>): number | undefined {
  const opened = conversation.createdAt === undefined ? Number.NaN : Date.parse(conversation.createdAt);
  if (!Number.isNaN(opened)) return opened;
  let first: number | undefined;
  for (const message of conversation.messages) {
    const at = message.timestamp === undefined ? Number.NaN : Date.parse(message.timestamp);
    if (!Number.isNaN(at) && (first === undefined || at < first)) first = at;
  }
  return first;
}

/** What the filters did, in a sentence for the report's notes. */
export function filterNote(summary: FilterSummary): string {
  const count = (n: number) => n.toLocaleString('en-US');
  const withoutDate = summary.withoutDate ? ` (${count(summary.withoutDate)} of them have no date)` : '';
  return `${describeFilters(summary)}: the report is about ${count(summary.kept)} of the ${count(summary.read)} conversations read; ${count(summary.leftOut)} left out${withoutDate}`;
}

/** The filters as a person would type them, for the report: `--since 2024-05-01, --agent "Sam Lee"`. */
export function describeFilters(summary: FilterSummary): string {
  const quote = (value: string) => (/^[\w@./:+-]+$/.test(value) ? value : JSON.stringify(value));
  const parts = [
    ...(summary.since ? [`--since ${summary.since}`] : []),
    ...(summary.until ? [`--until ${summary.until}`] : []),
    ...summary.agents.map((agent) => `--agent ${quote(agent)}`),
    ...summary.tags.map((tag) => `--tag ${quote(tag)}`),
    ...(summary.channel ? [`--channel ${quote(summary.channel)}`] : []),
  ];
  return parts.join(' ');
}
