import type { Role, TranscriptMessage } from '../types.js';
import { at, baseConversation, body, chronological, conversationId, isObject, RecordProblem, stringOrUndefined, type JsonObject } from './common.js';
import type { RecordImporter } from './importer.js';

/**
 * The response of Zendesk's `GET /api/v2/tickets/{ticket_id}/conversation_log`: a messaging
 * ticket's `events`, each `{type, author: {type: user | agent | bot, zen:support:user_id}, content,
 * metadata, created_at}`. `Comment` events carry an HTML `body` (private ones are notes);
 * `Messaging::ConversationMessage` events carry the messaging `text`. Other events (joins,
 * transfers) are not messages.
 */
export const zendeskConversationLog: RecordImporter = {
  name: 'zendesk-conversation-log',
  title: "Zendesk's conversation log of a messaging ticket (GET /tickets/{id}/conversation_log)",
  recognisedBy: 'an `events` list whose events have an `author` and a `content`',
  matches: (record) => Array.isArray(record.events) && record.events.some((event) => isObject(event) && isObject(event.author) && isObject(event.content)),
  read(record, context) {
    const { place, people } = context;
    const id = conversationId(record.ticket_id, place);
    if (!Array.isArray(record.events)) throw new RecordProblem('has no "events" list', id);
    const messages: TranscriptMessage[] = [];
    record.events.forEach((raw, index) => {
      if (!isObject(raw)) throw new RecordProblem(`event ${index + 1} is not an object`, id);
      const message = eventMessage(raw, index, id);
      if (!message) return;
      const supportId = stringOrUndefined(at(raw, 'author', 'zen:support:user_id'));
      const person = supportId ? people.get(supportId) : undefined;
      const authorId = supportId ?? stringOrUndefined(at(raw, 'author', 'zen:sunco:user_id'));
      const authorName = person?.name ?? stringOrUndefined(at(raw, 'author', 'name') ?? at(raw, 'author', 'display_name'));
      messages.push({ ...message, authorId, authorName: authorName ?? (message.role === 'bot' ? 'Zendesk messaging bot' : undefined) });
    });
    return baseConversation(place, {
      id,
      customerName: messages.find((m) => m.role === 'customer' && m.authorName)?.authorName,
      tags: [],
      messages: chronological(messages),
    });
  },
};

const AUTHOR_ROLES: Record<string, Role> = { user: 'customer', 'end-user': 'customer', end_user: 'customer', agent: 'agent', bot: 'bot' };

function eventMessage(event: JsonObject, index: number, id: string): Omit<TranscriptMessage, 'authorId' | 'authorName'> | undefined {
  const type = stringOrUndefined(event.type) ?? '';
  const content = isObject(event.content) ? event.content : {};
  const timestamp = stringOrUndefined(event.created_at);
  const isComment = type === 'Comment';
  if (!isComment && !type.startsWith('Messaging::') && content.type !== 'text') return undefined;
  if (isComment && (at(event, 'metadata', 'public') === false || content.public === false)) return { role: 'note', ...body(undefined, content.body ?? content.html_body), timestamp };
  const text = isComment ? body(content.plain_body, content.body ?? content.html_body) : body(content.text ?? content.markdown, content.html ?? content.body);
  if (text.text === undefined && text.html === undefined) return undefined;
  const authorType = String(at(event, 'author', 'type') ?? '');
  const role = AUTHOR_ROLES[authorType.toLowerCase()];
  if (!role) throw new RecordProblem(`event ${index + 1} has ${authorType ? `author type "${authorType}"` : 'no author type'}; the conversation log's authors are user, agent or bot`, id);
  return { role, ...text, timestamp, ...(role === 'bot' ? { reason: 'messaging bot' } : {}) };
}
