import type { Conversation, Rating, Role, TranscriptMessage } from '../types.js';
import { at, baseConversation, body, channelFrom, conversationId, isObject, personName, RecordProblem, stringOrUndefined, tagsFrom, type JsonObject } from './common.js';
import type { RecordImporter } from './importer.js';

/**
 * Help Scout conversations with their threads (`threads` or `_embedded.threads`, newest first, as
 * Mailbox API 2.0 lists them). A thread's `state` decides first: `draft`, `underreview` (held by
 * collision detection) and `hidden` (removed from customer-facing e-mails) never reached the
 * customer as a reply. Then its `type`: `customer` is the customer; `message` and `reply` are
 * agent replies; `chat` and `beaconchat` lines belong to whoever `createdBy` is; `note` is an
 * internal note; line items, phone logs and forwards are not written replies. An author of type
 * `system_user` (Mailbox API v3: AI-powered replies) is a bot.
 */
export const helpScout: RecordImporter = {
  name: 'helpscout',
  title: 'Help Scout conversations with their threads',
  recognisedBy: 'a `threads` (or `_embedded.threads`) list',
  matches: (record) => Array.isArray(record.threads) || (isObject(record._embedded) && Array.isArray(record._embedded.threads)),
  read: (record, { place }) => fromHelpScoutConversation(record, place),
};

const UNSENT_STATES: Record<string, string> = { draft: 'draft', underreview: 'held for review by collision detection', hidden: 'hidden from the customer' };
const NOT_REPLIES: Record<string, string> = { lineitem: 'line item', phone: 'phone log', forwardparent: 'forward', forwardchild: 'forward' };

function fromHelpScoutConversation(record: JsonObject, place: { source: string; line: number }): Conversation {
  const id = conversationId(record.id ?? record.number, place);
  const embedded = isObject(record._embedded) ? record._embedded : undefined;
  const threads = Array.isArray(record.threads) ? record.threads : Array.isArray(embedded?.threads) ? embedded.threads : undefined;
  if (!threads) throw new RecordProblem('has no "threads" (or "_embedded.threads") list', id);
  const messages: TranscriptMessage[] = [];
  let rating: Rating | undefined;
  threads.forEach((raw, index) => {
    if (!isObject(raw)) throw new RecordProblem(`thread ${index + 1} is not an object`, id);
    const author = isObject(raw.createdBy) ? raw.createdBy : isObject(raw.author) ? raw.author : {};
    const { role, reason } = threadRole(raw, author, index, id);
    rating ??= ratingOf(raw.rating);
    messages.push({
      role,
      ...body(undefined, raw.body),
      authorId: stringOrUndefined(author.id),
      authorName: personName(author),
      timestamp: stringOrUndefined(raw.createdAt),
      ...(reason ? { reason } : {}),
    });
  });
  const customer = isObject(record.primaryCustomer) ? record.primaryCustomer : isObject(record.customer) ? record.customer : undefined;
  const channelName = stringOrUndefined(record.type) ?? stringOrUndefined(at(record, 'source', 'type'));
  return baseConversation(place, {
    id,
    channelName,
    channel: channelFrom(channelName),
    customerName: personName(customer) ?? messages.find((m) => m.role === 'customer' && m.authorName)?.authorName,
    tags: tagsFrom(record.tags),
    createdAt: stringOrUndefined(record.createdAt),
    group: stringOrUndefined(record.mailboxId),
    rating,
    messages: oldestFirst(messages),
  });
}

function threadRole(thread: JsonObject, author: JsonObject, index: number, id: string): { role: Role; reason?: string } {
  const state = stringOrUndefined(thread.state);
  if (state && UNSENT_STATES[state]) return { role: 'system', reason: UNSENT_STATES[state] };
  const type = stringOrUndefined(thread.type) ?? '';
  if (NOT_REPLIES[type]) return { role: 'system', reason: NOT_REPLIES[type] };
  if (type === 'note') return { role: 'note' };
  if (type === 'customer') return { role: 'customer' };
  const by = stringOrUndefined(author.type);
  if (by === 'system_user') return { role: 'bot', reason: 'Help Scout AI (system user)' };
  if (type === 'message' || type === 'reply') return { role: 'agent' };
  if (type === 'chat' || type === 'beaconchat') {
    if (by === 'customer') return { role: 'customer' };
    if (by === 'user') return { role: 'agent' };
    throw new RecordProblem(`thread ${index + 1} (${type}) has ${by ? `an author of type "${by}"` : 'no author type'}; its createdBy.type should be customer, user or system_user`, id);
  }
  throw new RecordProblem(`thread ${index + 1} has ${type ? `type "${type}"` : 'no type'}; Help Scout's thread types are customer, message, reply, chat, beaconchat, note, phone, lineitem, forwardparent and forwardchild`, id);
}

/** A thread's `rating: {rating: great | okay | not-good, comments}` (Happiness ratings). */
function ratingOf(value: unknown): Rating | undefined {
  const score = stringOrUndefined(at(value, 'rating'));
  if (!score) return undefined;
  const comment = stringOrUndefined(at(value, 'comments'));
  return { score, scale: 'great/okay/not-good', ...(comment ? { comment } : {}) };
}

/** Help Scout lists threads newest first; sort by time, or reverse when times are missing. */
function oldestFirst(messages: TranscriptMessage[]): TranscriptMessage[] {
  const times = messages.map((m) => (m.timestamp ? Date.parse(m.timestamp) : Number.NaN));
  if (times.some(Number.isNaN)) return [...messages].reverse();
  return messages
    .map((message, index) => ({ message, index, at: times[index]! }))
    .sort((a, b) => a.at - b.at || b.index - a.index)
    .map((entry) => entry.message);
}
