import type { Channel } from '@preach/core';
import type { Conversation, TranscriptMessage } from '../types.js';
import { baseConversation, body, chronological, conversationId, isObject, RecordProblem, stringOrUndefined, tagsFrom, type JsonObject, type People, type RecordPlace } from './common.js';

/** Freshdesk's numeric ticket sources. */
const SOURCES: Record<number, { name: string; channel?: Channel }> = {
  1: { name: 'email', channel: 'email' },
  2: { name: 'portal', channel: 'email' },
  3: { name: 'phone' },
  5: { name: 'twitter', channel: 'social' },
  6: { name: 'facebook', channel: 'social' },
  7: { name: 'chat', channel: 'chat' },
  9: { name: 'feedback_widget', channel: 'email' },
  10: { name: 'outbound_email', channel: 'email' },
};

/**
 * A Freshdesk ticket: the customer's `description` opens it, then `conversations[]`
 * (`{user_id, incoming, private, body, body_text, created_at}`): `incoming: true` is the customer,
 * `private: true` an internal note, anything else an agent's reply.
 */
export function fromFreshdeskTicket(ticket: JsonObject, place: RecordPlace, people: People): Conversation {
  const id = conversationId(ticket.id, place);
  if (!Array.isArray(ticket.conversations) && ticket.description === undefined && ticket.description_text === undefined) {
    throw new RecordProblem('ticket has neither a "description" nor "conversations"', id);
  }
  const requesterId = stringOrUndefined(ticket.requester_id);
  const requester = isObject(ticket.requester) ? ticket.requester : undefined;
  const messages: TranscriptMessage[] = [];
  const opening = body(ticket.description_text, ticket.description);
  if (opening.text !== undefined || opening.html !== undefined) {
    messages.push({ role: 'customer', ...opening, authorId: requesterId, timestamp: stringOrUndefined(ticket.created_at) });
  }
  ((ticket.conversations as unknown[] | undefined) ?? []).forEach((raw, index) => {
    if (!isObject(raw)) throw new RecordProblem(`conversation entry ${index + 1} is not an object`, id);
    const authorId = stringOrUndefined(raw.user_id);
    messages.push({
      role: raw.private === true ? 'note' : raw.incoming === true ? 'customer' : 'agent',
      ...body(raw.body_text, raw.body),
      authorId,
      authorName: authorId ? people.get(authorId)?.name : undefined,
      timestamp: stringOrUndefined(raw.created_at),
    });
  });
  const source = typeof ticket.source === 'number' ? SOURCES[ticket.source] : undefined;
  return baseConversation(place, {
    id,
    channelName: source?.name ?? stringOrUndefined(ticket.source),
    channel: source?.channel,
    customerName: stringOrUndefined(requester?.name) ?? (requesterId ? people.get(requesterId)?.name : undefined),
    tags: tagsFrom(ticket.tags),
    messages: chronological(messages),
  });
}
