import type { Conversation, Rating, Role, TranscriptMessage } from '../types.js';
import { at, baseConversation, body, channelFrom, conversationId, isObject, isoTime, RecordProblem, stringOrUndefined, tagsFrom, type JsonObject } from './common.js';
import type { RecordImporter } from './importer.js';

const AUTHOR_ROLES: Record<string, Role> = { user: 'customer', lead: 'customer', contact: 'customer', admin: 'agent', team: 'agent', bot: 'bot' };

/**
 * Intercom conversations (`GET /conversations/{id}`): the opening `source` message, then
 * `conversation_parts.conversation_parts[]`. `comment` parts are messages (a `bot` author, such
 * as Fin or a Custom Bot, is a bot); `note` parts are internal notes; assignments, state changes
 * and other parts are left out. `conversation_rating` is the customer's rating.
 */
export const intercom: RecordImporter = {
  name: 'intercom',
  title: 'Intercom conversations with their conversation parts',
  recognisedBy: '`conversation_parts`, or `type: "conversation"` with a `source` message',
  matches: (record) => 'conversation_parts' in record || (record.type === 'conversation' && isObject(record.source)),
  read: (record, { place }) => fromIntercomConversation(record, place),
};

function fromIntercomConversation(record: JsonObject, place: { source: string; line: number }): Conversation {
  const id = conversationId(record.id, place);
  const container = record.conversation_parts;
  const parts = Array.isArray(container) ? container : isObject(container) && Array.isArray(container.conversation_parts) ? container.conversation_parts : undefined;
  if (!parts && !isObject(record.source)) throw new RecordProblem('has neither a "source" message nor "conversation_parts"', id);
  const messages: TranscriptMessage[] = [];
  const source = isObject(record.source) ? record.source : undefined;
  if (source && typeof source.body === 'string') messages.push(message(source, roleOf(source.author, 'the source message', id)));
  (parts ?? []).forEach((part, index) => {
    if (!isObject(part)) throw new RecordProblem(`conversation part ${index + 1} is not an object`, id);
    const kind = stringOrUndefined(part.part_type) ?? 'comment';
    if (kind === 'note') messages.push(message(part, 'note'));
    else if (kind === 'comment' && typeof part.body === 'string') messages.push(message(part, roleOf(part.author, `conversation part ${index + 1}`, id)));
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
    createdAt: isoTime(record.created_at),
    group: stringOrUndefined(record.team_assignee_id),
    rating: ratingOf(record.conversation_rating),
    messages,
  });
}

function roleOf(author: unknown, what: string, id: string): Role {
  const type = stringOrUndefined(at(author, 'type'));
  if (!type) return 'customer';
  const role = AUTHOR_ROLES[type];
  if (!role) throw new RecordProblem(`${what} has author type "${type}"; Intercom's authors are user, lead, contact, admin, team or bot`, id);
  return role;
}

/** `conversation_rating: {rating: 1-5, remark}`. */
function ratingOf(value: unknown): Rating | undefined {
  const score = at(value, 'rating');
  if (typeof score !== 'number') return undefined;
  const comment = stringOrUndefined(at(value, 'remark'));
  return { score, scale: '1-5', ...(comment ? { comment } : {}) };
}

function message(part: JsonObject, role: Role): TranscriptMessage {
  const author = isObject(part.author) ? part.author : {};
  return {
    role,
    ...body(undefined, part.body),
    authorId: stringOrUndefined(author.id),
    authorName: stringOrUndefined(author.name),
    timestamp: isoTime(part.created_at),
    ...(role === 'bot' ? { reason: 'Intercom bot' } : {}),
  };
}
