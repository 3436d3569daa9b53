import type { Conversation } from '../types.js';
import { baseConversation, channelFrom, chronological, conversationId, isObject, RecordProblem, stringOrUndefined, type JsonObject } from './common.js';
import type { ImportContext, RecordImporter } from './importer.js';
import { assumeRequester, classifyComment, commentMessage, partiesOf, ticketFacts } from './zendesk-parties.js';

/**
 * Zendesk tickets with their comments embedded, `{tickets: [{…, comments: […]}], users: […]}` or
 * one ticket per line. Authors are told apart by the sideloaded `users` list when there is one,
 * otherwise by the ticket's `requester_id`, CCs, assignee and followers, and by each comment's
 * `via` (triggers, automations and Answer Bot are bots; merge notices are system messages).
 */
export const zendesk: RecordImporter = {
  name: 'zendesk',
  title: 'Zendesk tickets with their comments (and the sideloaded users)',
  recognisedBy: 'a ticket with an `id` and a `comments` list',
  matches: (record) => Array.isArray(record.comments) && record.id !== undefined,
  read: (record, context) => fromZendeskTicket(record, context),
};

export function fromZendeskTicket(ticket: JsonObject, context: ImportContext): Conversation {
  const { place, people } = context;
  const id = conversationId(ticket.id, place);
  if (!Array.isArray(ticket.comments)) {
    throw new RecordProblem('ticket has no "comments" list; export tickets with their comments embedded (each ticket needs a "comments" array)', id);
  }
  const comments = ticket.comments.map((raw, index) => {
    if (!isObject(raw)) throw new RecordProblem(`comment ${index + 1} is not an object`, id);
    return raw;
  });
  const parties = partiesOf(ticket);
  assumeRequester(comments, parties, people, context.notice, 'Zendesk tickets');
  const messages = comments.map((comment) => commentMessage(comment, classifyComment(comment, parties, people), people));
  const via = isObject(ticket.via) ? stringOrUndefined(ticket.via.channel) : undefined;
  const requesterObject = isObject(ticket.requester) ? ticket.requester : undefined;
  return baseConversation(place, {
    id,
    channelName: via,
    channel: channelFrom(via),
    customerName: (parties.requester ? people.get(parties.requester)?.name : undefined) ?? stringOrUndefined(requesterObject?.name),
    ...ticketFacts(ticket),
    messages: chronological(messages),
  });
}
