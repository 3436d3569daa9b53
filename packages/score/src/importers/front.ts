import type { Role, TranscriptMessage } from '../types.js';
import { at, baseConversation, body, channelFrom, chronological, conversationId, isObject, isoTime, personName, RecordProblem, stringOrUndefined, tagsFrom, type JsonObject } from './common.js';
import type { Piece, RecordImporter } from './importer.js';

/** Front's ids say what they are: `cnv_` conversations, `msg_` messages, `com_` comments. */
const prefixed = (record: JsonObject, prefix: string) => typeof record.id === 'string' && record.id.startsWith(prefix);

/**
 * Front (Core API): a conversation's messages (`GET /conversations/{id}/messages`, `{_results:
 * [{id: msg_…, is_inbound, draft_mode, author, recipients, text, body, created_at}]}`), its
 * comments (`/comments`, internal notes) and the conversation itself (`cnv_…`: tags, recipient).
 * Pieces are gathered per conversation, found from each message's `_links.related.conversation`,
 * whatever their order. Inbound messages are the customer's; outbound messages with a teammate
 * `author` are agent replies; outbound messages without one were sent by a rule or an
 * integration (bots); drafts and messages that failed to send are left out.
 */
export const front: RecordImporter = {
  name: 'front',
  title: "Front conversations, their messages (GET /conversations/{id}/messages) and comments",
  recognisedBy: '`_links` with Front ids (`cnv_`, `msg_`, `com_`) or `is_inbound`',
  // Front's API objects all carry `_links`; an id with Front's prefix alone could be anyone's.
  matches: (record) => isObject(record._links) && (prefixed(record, 'cnv_') || prefixed(record, 'msg_') || prefixed(record, 'com_') || typeof record.is_inbound === 'boolean'),
  read(record): Piece[] {
    if (!prefixed(record, 'cnv_')) return [{ key: conversationOf(record), data: record }];
    const embedded = [record.messages, at(record, 'messages', '_results'), record.comments, at(record, 'comments', '_results')].flatMap((list) => (Array.isArray(list) ? list.filter(isObject) : []));
    const { messages: _messages, comments: _comments, ...conversation } = record;
    return [{ key: String(record.id), data: conversation }, ...embedded.map((data) => ({ key: String(record.id), data }))];
  },
  assemble(key, pieces, { place }) {
    const id = conversationId(key || undefined, place);
    const conversation = pieces.find(({ data }) => prefixed(data, 'cnv_'))?.data;
    const messages = pieces.filter(({ data }) => !prefixed(data, 'cnv_')).map(({ data }) => messageOf(data));
    if (messages.length === 0) throw new RecordProblem('a Front conversation without its messages; export them with GET /conversations/{id}/messages', id);
    const firstType = pieces.map(({ data }) => stringOrUndefined(data.type)).find((type) => type && type !== 'comment');
    const recipient = isObject(conversation?.recipient) ? conversation.recipient : undefined;
    return baseConversation(place, {
      id,
      channelName: firstType,
      channel: channelFrom(firstType === 'front_chat' || firstType === 'intercom' || firstType === 'smooch' ? 'chat' : firstType === 'tweet' || firstType === 'tweet_dm' ? 'twitter' : firstType),
      customerName: stringOrUndefined(recipient?.name) ?? messages.find((m) => m.role === 'customer' && m.authorName)?.authorName,
      tags: tagsFrom(conversation?.tags),
      createdAt: isoTime(conversation?.created_at),
      messages: chronological(messages),
    });
  },
};

/** `_links.related.conversation` is the conversation's URL: `https://api2.frontapp.com/conversations/cnv_…`. */
function conversationOf(record: JsonObject): string {
  const link = stringOrUndefined(at(record, '_links', 'related', 'conversation'));
  return link?.match(/\/conversations\/([^/?#]+)/)?.[1] ?? '';
}

function messageOf(record: JsonObject): TranscriptMessage {
  const author = isObject(record.author) ? record.author : undefined;
  const timestamp = isoTime(record.created_at ?? record.posted_at);
  if (prefixed(record, 'com_') || (record.posted_at !== undefined && record.is_inbound === undefined)) {
    return { role: 'note', ...body(undefined, record.body), authorId: stringOrUndefined(author?.id), authorName: personName(author) ?? stringOrUndefined(author?.username), timestamp };
  }
  const { role, reason } = messageRole(record, author);
  const from = Array.isArray(record.recipients) ? record.recipients.find((r) => isObject(r) && r.role === 'from') : undefined;
  const sender = isObject(from) ? stringOrUndefined(from.name) ?? stringOrUndefined(from.handle) : undefined;
  return {
    role,
    ...body(record.text, record.body),
    authorId: role === 'agent' ? stringOrUndefined(author?.id) : role === 'bot' ? 'bot:Front rules and integrations' : undefined,
    authorName: role === 'agent' ? (personName(author) ?? stringOrUndefined(author?.username) ?? stringOrUndefined(author?.email)) : role === 'bot' ? 'Front rules and integrations' : sender,
    timestamp,
    ...(reason ? { reason } : {}),
  };
}

function messageRole(message: JsonObject, author: JsonObject | undefined): { role: Role; reason?: string } {
  if (message.draft_mode !== undefined && message.draft_mode !== null) return { role: 'system', reason: 'draft' };
  if (message.error_type !== undefined && message.error_type !== null) return { role: 'system', reason: `not sent (${String(message.error_type)})` };
  if (message.is_inbound === true) return { role: 'customer' };
  if (message.is_inbound !== false) throw new RecordProblem(`message ${String(message.id ?? '')} has no "is_inbound"; Front messages say whether they were received or sent`);
  if (!author) return { role: 'bot', reason: 'sent by a rule or an integration (no teammate author)' };
  return { role: 'agent' };
}
