import type { Category, Channel, ResolvedSituation, Severity } from '@preach/core';

export const SCORE_FORMATS = ['table', 'json', 'csv', 'html'];
export const GROUP_BY = ['conversation', 'agent'];

/**
 * Who wrote a message in a transcript. Notes are internal and never scored or shown to rules.
 * `bot` is an automated message the customer saw (Answer Bot, a trigger's e-mail, an AI reply):
 * context for the agent replies after it, never scored as an agent (`--include-bots` scores it
 * apart). `system` is what the customer never read as a reply: events, merge notices, drafts,
 * hidden threads, call logs.
 */
export type Role = 'customer' | 'agent' | 'bot' | 'note' | 'system';

/** One message of a conversation, whatever help desk it came from. */
export interface TranscriptMessage {
  role: Role;
  /** Plain text; absent when only `html` is known (converted in the scoring worker). */
  text?: string;
  html?: string;
  authorId?: string;
  authorName?: string;
  /** Sign-off initials the export already extracted (the JSONL samples' `agent_signature`). */
  signature?: string;
  timestamp?: string;
  /** Why a staff-side message is a bot or system message: "merge notice", "draft", "Answer Bot", … */
  reason?: string;
  /**
   * The message's own language, when the export says per message (a CSV row's `language`); a
   * reply in it is checked in it, whatever the conversation's.
   */
  language?: string;
}

/** The customer's rating of the conversation (CSAT), as the help desk gives it. */
export interface Rating {
  /** `good`/`bad` (Zendesk), `great`/`okay`/`not-good` (Help Scout), 1-5 (Intercom, Gorgias), … */
  score: string | number;
  /** What the score is out of, when the help desk says: `1-5`, `good/bad`. */
  scale?: string;
  comment?: string;
}

/** A conversation normalised from any input format, as the scorer sees it. */
export interface Conversation {
  id: string;
  /** The input it came from, as shown to the user. */
  source: string;
  /** Line where the record starts (JSONL, CSV and JSON documents alike). */
  line: number;
  /** The export's own channel name (e.g. `twitter`), kept for the report. */
  channelName?: string;
  channel?: Channel;
  /**
   * The replies' language, when the record says (`language: ko`) or `--language` does; otherwise
   * detected per reply. A message's own `language` comes first.
   */
  language?: string;
  customerName?: string;
  /** A situation id the export gives outright; otherwise tags or the customer's words decide. */
  situation?: string;
  tags: string[];
  messages: TranscriptMessage[];
  /** When the conversation was opened, as the export says (ISO 8601). */
  createdAt?: string;
  /** The team, group, queue or mailbox it was handled by. */
  group?: string;
  /** The brand, store or inbox it came in through. */
  brand?: string;
  rating?: Rating;
  /** Bot and automation messages are scored too, apart from the agents (`--include-bots`). */
  scoreBots?: boolean;
}

/** A record that could not be turned into a conversation, or a file that could not be read. */
export interface RecordError {
  source: string;
  /** Where the record starts; absent when the whole file is at fault. */
  line?: number;
  id?: string;
  reason: string;
  /** The problem is with the file (missing, unreadable, unknown format), not one conversation. */
  file?: true;
}

export type ImportedItem = { conversation: Conversation } | { error: RecordError };

/** An input format's name: a layout (`jsonl`, `json`) or an importer's name (see importers/registry.ts). */
export type InputFormat = string;

/** A finding on one agent reply, in a shape that crosses worker threads. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  category: Category;
  message: string;
  critical: boolean;
  line: number;
  column: number;
  /** Offsets into the reply text. */
  start: number;
  end: number;
  /** The flagged words. */
  excerpt: string;
  note?: string;
  fix?: string;
  url?: string;
}

export interface ScoredReply {
  /** Position of the message in the conversation, from 0. */
  index: number;
  agent: AgentRef;
  text: string;
  /** The customer's message(s) the reply answers. */
  customerMessage?: string;
  timestamp?: string;
  /** A bot or automation's reply, scored apart from the agents (`--include-bots`). */
  bot?: true;
  score: number;
  categories: Record<Category, number>;
  words: number;
  critical: boolean;
  /** The critical rules that zeroed this reply (an auto-fail); empty when none fired. */
  autoFail: string[];
  situation: string | null;
  /** The customer's mood in the message this reply answers; null without one. */
  mood: string | null;
  /** The customer said the problem was solved in the message this reply answers. */
  resolved?: boolean;
  findings: Finding[];
}

export interface AgentRef {
  /** Stable key: author id, name or `author/initials`. */
  id: string;
  /** What the report shows. */
  name: string;
  /** A bot or automation, scored apart from the agents. */
  bot?: true;
}

/** A bot or system message left out of the agents' scores, and why. */
export interface LeftOut {
  index: number;
  role: 'bot' | 'system';
  reason: string;
  author?: string;
}

/** What the export says about a conversation besides its messages, kept for the report. */
export interface ConversationFacts {
  createdAt?: string;
  /** First and last message times, when the export gives them. */
  firstMessageAt?: string;
  lastMessageAt?: string;
  tags: string[];
  group?: string;
  brand?: string;
  rating?: Rating;
}

/** A scored conversation, computed in a worker. */
export interface ScoredConversation {
  id: string;
  source: string;
  line: number;
  channel?: string;
  situation: Pick<ResolvedSituation, 'id' | 'sensitivity' | 'source' | 'reason'>;
  /** Null when the conversation has no agent reply to score. */
  score: number | null;
  categories: Record<Category, number> | null;
  critical: boolean;
  /** The critical rules that zeroed the conversation (an auto-fail), from its agents' replies. */
  autoFail: string[];
  agents: AgentRef[];
  customerMessages: number;
  notes: number;
  /** Bot and automation messages (scored apart only with `--include-bots`). */
  botMessages: number;
  /** Bot and system messages, never scored as an agent reply, with the reason. */
  leftOut: LeftOut[];
  facts: ConversationFacts;
  replies: ScoredReply[];
  /** Why there is no score (no agent reply). */
  note?: string;
}

export type ScoreOutcome = { scored: ScoredConversation } | { error: RecordError };
