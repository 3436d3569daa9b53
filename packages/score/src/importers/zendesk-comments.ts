import { baseConversation, chronological, conversationId, isObject, RecordProblem, type JsonObject } from './common.js';
import type { RecordImporter } from './importer.js';
import { assumeRequester, classifyComment, commentMessage, partiesOf } from './zendesk-parties.js';

/**
 * The response of Zendesk's `GET /api/v2/tickets/{id}/comments` (Ticket Comments API): one
 * ticket's `comments`, with `users` when asked for with `include=users`. The response names no
 * ticket, so the conversation is known by where it was read (`file:line`); without `users` the
 * author of the first comment is taken for the customer, and the input says so.
 */
export const zendeskComments: RecordImporter = {
  name: 'zendesk-comments',
  title: "Zendesk's list of one ticket's comments (GET /tickets/{id}/comments, with or without include=users)",
  recognisedBy: 'a `comments` list with no ticket around it (no `id`)',
  matches: (record) => Array.isArray(record.comments) && record.id === undefined,
  read(record, context) {
    const { place, people } = context;
    const id = conversationId(undefined, place);
    if (!Array.isArray(record.comments)) throw new RecordProblem('has no "comments" list', id);
    const comments = record.comments.map((raw, index): JsonObject => {
      if (!isObject(raw)) throw new RecordProblem(`comment ${index + 1} is not an object`, id);
      return raw;
    });
    const parties = partiesOf(undefined);
    assumeRequester(comments, parties, people, context.notice, 'Zendesk comments');
    const messages = comments.map((comment) => commentMessage(comment, classifyComment(comment, parties, people), people));
    return baseConversation(place, {
      id,
      customerName: messages.find((m) => m.role === 'customer' && m.authorName)?.authorName,
      tags: [],
      messages: chronological(messages),
    });
  },
};
