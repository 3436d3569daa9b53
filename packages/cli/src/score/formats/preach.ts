import type { Conversation, TranscriptMessage } from '../types.js';
import { baseConversation, body, channelFrom, conversationId, isObject, RecordProblem, roleFrom, stringOrUndefined, tagsFrom, type JsonObject, type RecordPlace } from './common.js';

/**
 * preach's own transcript shape, one conversation per JSONL line (the shape of the shared
 * samples): `{id, channel, customer_name?, tags?, situation?, messages: [{role, author, text, …}]}`.
 */
export function fromPreachRecord(record: JsonObject, place: RecordPlace): Conversation {
  const id = conversationId(record.id, place);
  if (!Array.isArray(record.messages)) throw new RecordProblem('has no "messages" list', id);
  const messages: TranscriptMessage[] = [];
  record.messages.forEach((raw, index) => {
    if (!isObject(raw)) throw new RecordProblem(`message ${index + 1} is not an object`, id);
    const role = raw.public === false || raw.internal === true || raw.private === true ? 'note' : roleFrom(raw.role);
    if (!role) {
      const given = typeof raw.role === 'string' ? `has unknown role "${raw.role}"` : 'has no "role"';
      throw new RecordProblem(`message ${index + 1} ${given}; use customer, agent, note or system`, id);
    }
    const content = body(raw.text ?? raw.body, raw.html ?? raw.html_body);
    if (content.text === undefined && content.html === undefined && typeof (raw.text ?? raw.body ?? raw.html) !== 'string') {
      throw new RecordProblem(`message ${index + 1} has no "text"`, id);
    }
    messages.push({
      role,
      ...content,
      authorId: stringOrUndefined(raw.author ?? raw.author_id),
      authorName: stringOrUndefined(raw.author_name ?? raw.name),
      signature: stringOrUndefined(raw.agent_signature ?? raw.signature),
      timestamp: stringOrUndefined(raw.timestamp ?? raw.created_at),
    });
  });
  const customer = isObject(record.customer) ? record.customer : undefined;
  const channelName = stringOrUndefined(record.channel);
  return baseConversation(place, {
    id,
    channelName,
    channel: channelFrom(channelName),
    customerName: stringOrUndefined(record.customer_name ?? customer?.name) ?? messages.find((m) => m.role === 'customer' && m.authorName)?.authorName,
    situation: stringOrUndefined(record.situation),
    tags: tagsFrom(record.tags),
    messages,
  });
}
