import type { Conversation, Role, TranscriptMessage } from '../types.js';
import { baseConversation, body, channelFrom, conversationId, isObject, RecordProblem, stringOrUndefined, tagsFrom, type JsonObject, type RecordPlace } from './common.js';

const AUTHOR_ROLES: Record<string, Role> = { user: 'customer', lead: 'customer', contact: 'customer', admin: 'agent', team: 'agent', bot: 'system' };

/**
 * An Intercom conversation: the opening `source` message, then
 * `conversation_parts.conversation_parts[]`. Only `comment` parts are messages; `note` parts are
 * internal notes; assignments, state changes and bot parts are left out.
 */
export function fromIntercomConversation(record: JsonObject, place: RecordPlace): Conversation {
  const id = conversationId(record.id, place);
  const container = record.conversation_parts;
  const parts = Array.isArray(container) ? container : isObject(container) && Array.isArray(container.conversation_parts) ? container.conversation_parts : undefined;
  if (!parts && !isObject(record.source)) throw new RecordProblem('has neither a "source" message nor "conversation_parts"', id);
  const messages: TranscriptMessage[] = [];
  const source = isObject(record.source) ? record.source : undefined;
  if (source && typeof source.body === 'string') messages.push(message(source, roleOf(source.author)));
  (parts ?? []).forEach((part, index) => {
    if (!isObject(part)) throw new RecordProblem(`conversation part ${index + 1} is not an object`, id);
    const kind = stringOrUndefined(part.part_type) ?? 'comment';
    if (kind === 'note') messages.push(message(part, 'note'));
    else if (kind === 'comment' && typeof part.body === 'string') messages.push(message(part, roleOf(part.author)));
  });
  // Intercom's source type: `conversation` (Messenger), `email`, `twitter`, `facebook`, …
  const channelName = stringOrUndefined(source?.type);
  const customer = messages.find((m) => m.role === 'customer' && m.authorName);
  const tags = isObject(record.tags) ? record.tags.tags : record.tags;
  return baseConversation(place, {
    id,
    channelName,
    channel: channelFrom(channelName),
    customerName: customer?.authorName,
    tags: tagsFrom(tags),
    messages,
  });
}

function roleOf(author: unknown): Role {
  const type = isObject(author) ? stringOrUndefined(author.type) : undefined;
  return (type && AUTHOR_ROLES[type]) || 'customer';
}

function message(part: JsonObject, role: Role): TranscriptMessage {
  const author = isObject(part.author) ? part.author : {};
  const created = part.created_at;
  return {
    role,
    ...body(undefined, part.body),
    authorId: stringOrUndefined(author.id),
    authorName: stringOrUndefined(author.name),
    timestamp: typeof created === 'number' ? new Date(created * 1000).toISOString() : stringOrUndefined(created),
  };
}
