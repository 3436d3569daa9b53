import type { Rating, Role, TranscriptMessage } from '../types.js';
import { at, baseConversation, body, channelFrom, chronological, conversationId, isObject, RecordProblem, stringOrUndefined, tagsFrom, type JsonObject, type People } from './common.js';
import type { RecordImporter } from './importer.js';

const RESOURCES = new Set(['conversation', 'message', 'note', 'draft']);

/**
 * Kustomer (JSON:API resources, e.g. `GET /v1/conversations/{id}/messages` with `included` users):
 * `conversation`, `message`, `note` and `draft` resources, gathered per conversation (a message's
 * `relationships.conversation.data.id`) whatever their order. Messages with `direction: in` are
 * the customer's; `out` messages are agent replies, unless `auto` (a workflow or auto-response:
 * a bot) or a satisfaction survey; notes are internal; drafts were never sent.
 */
export const kustomer: RecordImporter = {
  name: 'kustomer',
  title: 'Kustomer conversations, messages and notes (JSON:API resources)',
  recognisedBy: 'resources with `type` conversation, message, note or draft and `attributes`',
  matches: (record) => RESOURCES.has(String(record.type)) && isObject(record.attributes),
  read(record) {
    const key = record.type === 'conversation' ? stringOrUndefined(record.id) : stringOrUndefined(at(record, 'relationships', 'conversation', 'data', 'id'));
    return [{ key: key ?? '', data: record }];
  },
  assemble(key, pieces, { place, people }) {
    const id = conversationId(key || undefined, place);
    const conversation = pieces.find(({ data }) => data.type === 'conversation')?.data;
    const messages = pieces.filter(({ data }) => data.type !== 'conversation').map(({ data }) => messageOf(data, people, id));
    if (messages.length === 0) throw new RecordProblem('a Kustomer conversation without its messages; export them with GET /v1/conversations/{id}/messages', id);
    const attributes = isObject(conversation?.attributes) ? conversation.attributes : {};
    const channelName = stringOrUndefined(Array.isArray(attributes.channels) ? attributes.channels[0] : undefined) ?? stringOrUndefined(pieces.map(({ data }) => at(data, 'attributes', 'channel')).find(Boolean));
    const customerId = stringOrUndefined(at(conversation, 'relationships', 'customer', 'data', 'id'));
    return baseConversation(place, {
      id,
      channelName,
      channel: channelFrom(channelName),
      customerName: customerId ? people.get(customerId)?.name : undefined,
      tags: tagsFrom(attributes.tags),
      createdAt: stringOrUndefined(attributes.createdAt),
      group: stringOrUndefined(at(conversation, 'relationships', 'queue', 'data', 'id')) ?? stringOrUndefined(at(attributes, 'queue', 'id')),
      brand: stringOrUndefined(at(conversation, 'relationships', 'brand', 'data', 'id')) ?? stringOrUndefined(attributes.brand),
      rating: ratingOf(attributes),
      messages: chronological(messages),
    });
  },
};

function messageOf(resource: JsonObject, people: People, id: string): TranscriptMessage {
  const attributes = isObject(resource.attributes) ? resource.attributes : {};
  const authorId = stringOrUndefined(at(resource, 'relationships', 'createdBy', 'data', 'id'));
  const { role, reason } = resourceRole(resource, attributes, id);
  return {
    role,
    ...body(attributes.body ?? attributes.preview, attributes.htmlBody),
    authorId: role === 'bot' ? 'bot:Kustomer workflows' : role === 'customer' ? undefined : authorId,
    authorName: role === 'bot' ? 'Kustomer workflows' : role === 'customer' || !authorId ? undefined : people.get(authorId)?.name,
    timestamp: stringOrUndefined(attributes.sentAt ?? attributes.createdAt),
    ...(reason ? { reason } : {}),
  };
}

function resourceRole(resource: JsonObject, attributes: JsonObject, id: string): { role: Role; reason?: string } {
  if (resource.type === 'note') return { role: 'note' };
  if (resource.type === 'draft') return { role: 'system', reason: 'draft' };
  if (attributes.source === 'satisfaction') return { role: 'system', reason: 'satisfaction survey' };
  if (attributes.status === 'error') return { role: 'system', reason: 'not sent (error)' };
  if (attributes.direction === 'in') return { role: 'customer' };
  if (attributes.direction !== 'out') throw new RecordProblem(`message ${String(resource.id ?? '')} has ${attributes.direction === undefined ? 'no "direction"' : `direction "${String(attributes.direction)}"`}; Kustomer messages are "in" or "out"`, id);
  if (attributes.auto === true) return { role: 'bot', reason: 'sent automatically (workflow or auto-response)' };
  return { role: 'agent' };
}

/** The conversation's satisfaction score, when the customer gave one. */
function ratingOf(attributes: JsonObject): Rating | undefined {
  const level = isObject(attributes.satisfactionLevel) ? attributes.satisfactionLevel : undefined;
  const score = level?.score ?? level?.rating ?? attributes.satisfaction;
  if (typeof score !== 'number' && typeof score !== 'string') return undefined;
  const comment = stringOrUndefined(level?.answer ?? level?.comment);
  return { score, ...(comment ? { comment } : {}) };
}
