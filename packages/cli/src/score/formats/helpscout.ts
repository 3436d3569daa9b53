import type { Conversation, Role, TranscriptMessage } from '../types.js';
import { baseConversation, body, channelFrom, conversationId, isObject, RecordProblem, stringOrUndefined, tagsFrom, type JsonObject, type RecordPlace } from './common.js';

/**
 * A Help Scout conversation with its threads (`threads` or `_embedded.threads`), newest first:
 * `{type: customer|message|note|chat|phone|lineitem, createdBy: {type: customer|user, first, last},
 * body, createdAt}`. `note` is internal; phone logs and line items are not written replies.
 */
export function fromHelpScoutConversation(record: JsonObject, place: RecordPlace): Conversation {
  const id = conversationId(record.id ?? record.number, place);
  const embedded = isObject(record._embedded) ? record._embedded : undefined;
  const threads = Array.isArray(record.threads) ? record.threads : Array.isArray(embedded?.threads) ? embedded.threads : undefined;
  if (!threads) throw new RecordProblem('has no "threads" (or "_embedded.threads") list', id);
  const messages: TranscriptMessage[] = [];
  threads.forEach((raw, index) => {
    if (!isObject(raw)) throw new RecordProblem(`thread ${index + 1} is not an object`, id);
    const author = isObject(raw.createdBy) ? raw.createdBy : isObject(raw.author) ? raw.author : {};
    const role = threadRole(stringOrUndefined(raw.type), stringOrUndefined(author.type));
    if (!role) return;
    messages.push({
      role,
      ...body(undefined, raw.body),
      authorId: stringOrUndefined(author.id),
      authorName: fullName(author),
      timestamp: stringOrUndefined(raw.createdAt),
    });
  });
  const customer = isObject(record.primaryCustomer) ? record.primaryCustomer : isObject(record.customer) ? record.customer : undefined;
  const channelName = stringOrUndefined(record.type) ?? (isObject(record.source) ? stringOrUndefined(record.source.type) : undefined);
  return baseConversation(place, {
    id,
    channelName,
    channel: channelFrom(channelName),
    customerName: (customer && fullName(customer)) ?? messages.find((m) => m.role === 'customer' && m.authorName)?.authorName,
    tags: tagsFrom(record.tags),
    messages: oldestFirst(messages),
  });
}

function threadRole(type: string | undefined, author: string | undefined): Role | undefined {
  switch (type) {
    case 'customer':
      return 'customer';
    case 'message':
    case 'reply':
      return 'agent';
    case 'note':
      return 'note';
    case 'chat':
      return author === 'customer' ? 'customer' : 'agent';
    default:
      return undefined;
  }
}

function fullName(person: JsonObject): string | undefined {
  const parts = [stringOrUndefined(person.first), stringOrUndefined(person.last)].filter(Boolean);
  return parts.length ? parts.join(' ') : stringOrUndefined(person.name);
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
