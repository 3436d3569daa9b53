import type { Channel } from '@preach/core';
import type { Conversation, TranscriptMessage } from '../types.js';
import { baseConversation, body, chronological, conversationId, isObject, RecordProblem, stringOrUndefined, tagsFrom, type JsonObject, type People, type RecordPlace } from './common.js';
import { entriesOf, freshdeskEntry } from './freshdesk-entries.js';
import type { RecordImporter } from './importer.js';

/** Freshdesk's numeric ticket sources. */
export const FRESHDESK_SOURCES: Record<number, { name: string; channel?: Channel }> = {
  1: { name: 'email', channel: 'email' },
  2: { name: 'portal', channel: 'email' },
  3: { name: 'phone' },
  5: { name: 'twitter', channel: 'social' },
  6: { name: 'facebook', channel: 'social' },
  7: { name: 'chat', channel: 'chat' },
  9: { name: 'feedback_widget', channel: 'email' },
  10: { name: 'outbound_email', channel: 'email' },
};
const OUTBOUND_EMAIL = 10;

/**
 * Freshdesk tickets with their conversations (`GET /api/v2/tickets/{id}?include=conversations`):
 * the `description` opens the ticket (the requester's, or the agent's on an outbound e-mail), then
 * `conversations[]`. Private entries and public notes are notes; `incoming` entries the customer's;
 * `auto_response` entries bots; forwards and phone logs are not replies. Freshdesk names agents
 * by `user_id` only: name them with `agents.names` in the config, or a sideloaded `agents` list.
 */
export const freshdesk: RecordImporter = {
  name: 'freshdesk',
  title: 'Freshdesk tickets with their conversations',
  recognisedBy: 'a ticket with `description_text`, or a `conversations` list (and no `comments`)',
  matches: (record) => 'description_text' in record || (Array.isArray(record.conversations) && !Array.isArray(record.comments)),
  read: (record, { place, people }) => fromFreshdeskTicket(record, place, people),
};

function fromFreshdeskTicket(ticket: JsonObject, place: RecordPlace, people: People): Conversation {
  const id = conversationId(ticket.id, place);
  if (!Array.isArray(ticket.conversations) && ticket.description === undefined && ticket.description_text === undefined) {
    throw new RecordProblem('ticket has neither a "description" nor "conversations"', id);
  }
  const requesterId = stringOrUndefined(ticket.requester_id);
  const requester = isObject(ticket.requester) ? ticket.requester : undefined;
  const messages: TranscriptMessage[] = [];
  const opening = body(ticket.description_text, ticket.description);
  if (opening.text !== undefined || opening.html !== undefined) {
    const outbound = ticket.source === OUTBOUND_EMAIL;
    const authorId = outbound ? stringOrUndefined(ticket.responder_id) : requesterId;
    messages.push({ role: outbound ? 'agent' : 'customer', ...opening, authorId, authorName: authorId ? people.get(authorId)?.name : undefined, timestamp: stringOrUndefined(ticket.created_at) });
  }
  for (const entry of entriesOf(Array.isArray(ticket.conversations) ? ticket.conversations : [], id)) messages.push(freshdeskEntry(entry, people));
  const source = typeof ticket.source === 'number' ? FRESHDESK_SOURCES[ticket.source] : undefined;
  return baseConversation(place, {
    id,
    channelName: source?.name ?? stringOrUndefined(ticket.source),
    channel: source?.channel,
    customerName: stringOrUndefined(requester?.name) ?? (requesterId ? people.get(requesterId)?.name : undefined),
    tags: tagsFrom(ticket.tags),
    createdAt: stringOrUndefined(ticket.created_at),
    group: stringOrUndefined(ticket.group_id),
    brand: stringOrUndefined(ticket.product_id),
    messages: chronological(messages),
  });
}
