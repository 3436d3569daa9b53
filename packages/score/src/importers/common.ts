import { LANGUAGE_PATTERN, type Channel } from '@preach/core';
import type { Conversation, Role, TranscriptMessage } from '../types.js';

/** Where a record was read, for conversation ids and error messages. */
export interface RecordPlace {
  source: string;
  line: number;
}

/** A record that is well-formed JSON or CSV but not a conversation we can score. */
export class RecordProblem extends Error {
  constructor(
    message: string,
    readonly id?: string,
  ) {
    super(message);
    this.name = 'RecordProblem';
  }
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ROLE_NAMES: Record<string, Role> = {
  customer: 'customer',
  user: 'customer',
  'end-user': 'customer',
  end_user: 'customer',
  enduser: 'customer',
  requester: 'customer',
  contact: 'customer',
  lead: 'customer',
  visitor: 'customer',
  agent: 'agent',
  admin: 'agent',
  staff: 'agent',
  support: 'agent',
  operator: 'agent',
  note: 'note',
  internal: 'note',
  internal_note: 'note',
  private: 'note',
  system: 'system',
  system_action: 'system',
  event: 'system',
  bot: 'bot',
  automation: 'bot',
  automated: 'bot',
  ai: 'bot',
};

/** Maps the role words help desks use to ours; undefined for words we do not know. */
export function roleFrom(value: unknown): Role | undefined {
  return typeof value === 'string' ? ROLE_NAMES[value.trim().toLowerCase()] : undefined;
}

const CHANNEL_NAMES: Record<string, Channel> = {
  email: 'email',
  mail: 'email',
  'e-mail': 'email',
  web: 'email',
  web_form: 'email',
  webform: 'email',
  portal: 'email',
  chat: 'chat',
  live_chat: 'chat',
  messenger: 'chat',
  conversation: 'chat',
  native_messaging: 'chat',
  web_widget: 'chat',
  mobile_sdk: 'chat',
  whatsapp: 'chat',
  social: 'social',
  twitter: 'social',
  twitter_dm: 'social',
  facebook: 'social',
  facebook_messenger: 'social',
  instagram: 'social',
  instagram_dm: 'social',
  sms: 'sms',
  text: 'sms',
};

/** The channel a help desk's channel name means for tone and length, if we know it. */
export function channelFrom(name: string | undefined): Channel | undefined {
  return name ? CHANNEL_NAMES[name.trim().toLowerCase()] : undefined;
}

/** Tags as strings, from a list of strings, a list of `{name}`/`{tag}` objects, or a delimited string. */
export function tagsFrom(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,;|]+/).filter(Boolean);
  if (!Array.isArray(value)) return [];
  const tags: string[] = [];
  for (const item of value) {
    if (typeof item === 'string' || typeof item === 'number') tags.push(String(item));
    else if (isObject(item)) {
      const name = item.name ?? item.tag;
      if (typeof name === 'string') tags.push(name);
    }
  }
  return tags;
}

/** Tags that look like HTML markup; plain text with a stray `<` is left alone. */
const HTML_TAG = /<(?:p|br|div|span|a|strong|em|b|i|u|ul|ol|li|table|tr|td|blockquote|h[1-6]|img|pre|code|font)\b[^>]*>|<\/(?:p|div|span|a|strong|em|b|i|u|ul|ol|li|td|blockquote|h[1-6]|pre|code|font)>/i;

export function looksLikeHtml(body: string): boolean {
  return HTML_TAG.test(body);
}

/** A message body: plain text stays text, markup is kept as HTML for conversion in the scorer. */
export function body(plain: unknown, html: unknown): Pick<TranscriptMessage, 'text' | 'html'> {
  if (typeof plain === 'string' && plain.trim()) return looksLikeHtml(plain) ? { html: plain } : { text: plain };
  if (typeof html === 'string' && html.trim()) return looksLikeHtml(html) ? { html } : { text: html };
  return {};
}

export function stringOrUndefined(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() ? value : undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

const LANGUAGE_TAG = new RegExp(LANGUAGE_PATTERN);

/**
 * What is wrong with the language an export gives for its replies (a JSONL record's `language`, a
 * CSV row's), in the same words for every input; undefined when it is a language tag or `auto`.
 */
export function languageProblem(language: string): string | undefined {
  return LANGUAGE_TAG.test(language) ? undefined : `has language "${language}"; use a language tag such as en, th, ko or zh (or auto)`;
}

/** The record's own id, or a stable one made from where it was read. */
export function conversationId(value: unknown, place: RecordPlace): string {
  return stringOrUndefined(value) ?? `${place.source}:${place.line}`;
}

/**
 * A timestamp as ISO 8601: strings are kept as they are; numbers are Unix time in seconds
 * (Intercom, Front) or, when too large for that, in milliseconds.
 */
export function isoTime(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value > 1e11 ? value : value * 1000).toISOString();
  return stringOrUndefined(value);
}

/** A name from `first`/`last` (or `first_name`/`last_name`, `firstName`/`lastName`) parts, or `name`. */
export function personName(person: JsonObject | undefined): string | undefined {
  if (!person) return undefined;
  const parts = [stringOrUndefined(person.first ?? person.first_name ?? person.firstName ?? person.firstname), stringOrUndefined(person.last ?? person.last_name ?? person.lastName ?? person.lastname)].filter(Boolean);
  return parts.length ? parts.join(' ') : stringOrUndefined(person.name ?? person.displayName ?? person.display_name);
}

/** The property at a path of keys, when every step is an object. */
export function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** Sorts messages by timestamp when every message has one; otherwise keeps export order. */
export function chronological(messages: TranscriptMessage[]): TranscriptMessage[] {
  if (!messages.every((m) => m.timestamp && !Number.isNaN(Date.parse(m.timestamp)))) return messages;
  return messages
    .map((message, index) => ({ message, index, at: Date.parse(message.timestamp!) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((entry) => entry.message);
}

export function baseConversation(place: RecordPlace, fields: Omit<Conversation, 'source' | 'line'>): Conversation {
  return { source: place.source, line: place.line, ...fields };
}

/** Someone named in a sideloaded `users`, `agents` or `contacts` list. */
export interface Person {
  name?: string;
  role?: Role;
}

export type People = ReadonlyMap<string, Person>;
