import type { Conversation, Role, TranscriptMessage } from '../types.js';
import { baseConversation, body, channelFrom, chronological, conversationId, isObject, RecordProblem, stringOrUndefined, tagsFrom, type JsonObject, type People, type RecordPlace } from './common.js';

/**
 * A Zendesk ticket with its comments: `{id, requester_id, via: {channel}, tags, comments: [{author_id,
 * public, body, html_body, created_at}]}`, people from a sideloaded `users` list
 * (`{id, name, role: end-user|agent|admin}`). `public: false` is an internal note.
 */
export function fromZendeskTicket(ticket: JsonObject, place: RecordPlace, people: People): Conversation {
  const id = conversationId(ticket.id, place);
  if (!Array.isArray(ticket.comments)) {
    throw new RecordProblem('ticket has no "comments" list; export tickets with their comments embedded (each ticket needs a "comments" array)', id);
  }
  const requester = stringOrUndefined(ticket.requester_id);
  const messages: TranscriptMessage[] = ticket.comments.map((raw, index) => {
    if (!isObject(raw)) throw new RecordProblem(`comment ${index + 1} is not an object`, id);
    const authorId = stringOrUndefined(raw.author_id);
    const person = authorId ? people.get(authorId) : undefined;
    return {
      role: raw.public === false ? 'note' : authorRole(person?.role, authorId, requester),
      ...body(raw.plain_body ?? raw.body, raw.html_body),
      authorId,
      authorName: person?.name ?? (isObject(raw.author) ? stringOrUndefined(raw.author.name) : undefined),
      timestamp: stringOrUndefined(raw.created_at),
    };
  });
  const via = isObject(ticket.via) ? stringOrUndefined(ticket.via.channel) : undefined;
  const requesterObject = isObject(ticket.requester) ? ticket.requester : undefined;
  return baseConversation(place, {
    id,
    channelName: via,
    channel: channelFrom(via),
    customerName: (requester ? people.get(requester)?.name : undefined) ?? stringOrUndefined(requesterObject?.name),
    tags: tagsFrom(ticket.tags),
    messages: chronological(messages),
  });
}

/** Without a users list, the requester is the customer and everyone else on the ticket an agent. */
function authorRole(role: Role | undefined, authorId: string | undefined, requester: string | undefined): Role {
  if (role) return role;
  if (authorId && requester) return authorId === requester ? 'customer' : 'agent';
  return 'customer';
}
