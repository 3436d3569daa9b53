import { baseConversation, chronological, conversationId, RecordProblem, stringOrUndefined } from './common.js';
import { freshdeskEntry } from './freshdesk-entries.js';
import type { RecordImporter } from './importer.js';

/**
 * The response of Freshdesk's `GET /api/v2/tickets/{id}/conversations`: a list of conversation
 * entries, each with its `ticket_id`. Entries are gathered per ticket whatever their order (pages
 * of several tickets can be concatenated). The list holds the replies and notes only: the
 * ticket's opening `description` is not in it, so the first reply answers no customer message
 * unless the customer wrote again.
 */
export const freshdeskConversations: RecordImporter = {
  name: 'freshdesk-conversations',
  title: "Freshdesk's list of a ticket's conversations (GET /tickets/{id}/conversations)",
  recognisedBy: 'entries with `incoming` and `private` (and a `ticket_id`), outside a ticket',
  matches: (record) => 'incoming' in record && 'private' in record && !('description' in record) && !('conversations' in record),
  read: (entry) => [{ key: stringOrUndefined(entry.ticket_id) ?? '', data: entry }],
  assemble(key, pieces, { place, people }) {
    const id = conversationId(key || undefined, place);
    if (pieces.length === 0) throw new RecordProblem('has no conversation entries', id);
    return baseConversation(place, {
      id,
      tags: [],
      messages: chronological(pieces.map(({ data }) => freshdeskEntry(data, people))),
    });
  },
};
