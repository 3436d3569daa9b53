import type { Conversation, Rating, Role, TranscriptMessage } from '../types.js';
import { at, baseConversation, body, channelFrom, chronological, conversationId, isObject, personName, RecordProblem, stringOrUndefined, tagsFrom, type JsonObject, type RecordPlace } from './common.js';
import type { RecordImporter } from './importer.js';

const isGorgiasMessage = (value: unknown): value is JsonObject => isObject(value) && ('from_agent' in value || 'sender' in value || 'stripped_text' in value || 'created_datetime' in value);

/**
 * Gorgias tickets (`GET /api/tickets/{id}`: `{id, channel, customer, tags, assignee_team,
 * satisfaction_survey, messages: […]}`) and lists of ticket messages (`GET /api/tickets/{id}/messages`,
 * gathered per `ticket_id` whatever their order). Non-public messages are internal notes;
 * `from_agent: false` is the customer; messages sent by a rule (`via: rule` or a `rule_id`) or by
 * self-service flows are bots; deleted messages and messages that failed to send are left out.
 */
export const gorgias: RecordImporter = {
  name: 'gorgias',
  title: 'Gorgias tickets with their messages, or lists of ticket messages',
  recognisedBy: 'messages with `from_agent`, `sender` or `created_datetime`',
  matches: (record) => (Array.isArray(record.messages) && record.messages.some(isGorgiasMessage)) || ('from_agent' in record && 'ticket_id' in record && !Array.isArray(record.messages)),
  read(record, { place }) {
    if (!Array.isArray(record.messages)) return [{ key: stringOrUndefined(record.ticket_id) ?? '', data: record }];
    return fromGorgiasTicket(record, place);
  },
  assemble(key, pieces, { place }) {
    return fromGorgiasTicket({ id: key || undefined, messages: pieces.map((piece) => piece.data) }, { source: place.source, line: pieces[0]?.line ?? place.line });
  },
};

function fromGorgiasTicket(ticket: JsonObject, place: RecordPlace): Conversation {
  const id = conversationId(ticket.id, place);
  const messages = (ticket.messages as unknown[]).map((raw, index) => {
    if (!isObject(raw)) throw new RecordProblem(`message ${index + 1} is not an object`, id);
    return messageOf(raw);
  });
  const customer = isObject(ticket.customer) ? ticket.customer : undefined;
  const channelName = stringOrUndefined(ticket.channel) ?? stringOrUndefined((ticket.messages as JsonObject[])[0]?.channel);
  return baseConversation(place, {
    id,
    channelName,
    channel: channelFrom(channelName),
    customerName: personName(customer) ?? messages.find((m) => m.role === 'customer' && m.authorName)?.authorName,
    tags: tagsFrom(ticket.tags),
    createdAt: stringOrUndefined(ticket.created_datetime),
    group: stringOrUndefined(at(ticket, 'assignee_team', 'name')) ?? stringOrUndefined(at(ticket, 'assignee_team', 'id')),
    rating: ratingOf(ticket.satisfaction_survey),
    messages: chronological(messages),
  });
}

function messageOf(message: JsonObject): TranscriptMessage {
  const sender = isObject(message.sender) ? message.sender : undefined;
  const { role, reason } = messageRole(message);
  return {
    role,
    ...body(message.stripped_text ?? message.body_text, message.stripped_html ?? message.body_html),
    authorId: role === 'bot' ? 'bot:Gorgias rules' : stringOrUndefined(sender?.id),
    authorName: role === 'bot' ? 'Gorgias rules' : (personName(sender) ?? stringOrUndefined(sender?.email)),
    timestamp: stringOrUndefined(message.sent_datetime ?? message.created_datetime),
    ...(reason ? { reason } : {}),
  };
}

function messageRole(message: JsonObject): { role: Role; reason?: string } {
  if (message.public === false || message.channel === 'internal-note') return { role: 'note' };
  if (message.deleted_datetime) return { role: 'system', reason: 'deleted' };
  if (message.failed_datetime && !message.sent_datetime) return { role: 'system', reason: 'failed to send' };
  if (message.from_agent === false) return { role: 'customer' };
  if (message.from_agent !== true) throw new RecordProblem(`message ${String(message.id ?? '')} has no "from_agent"; Gorgias messages say whether the company or the customer sent them`);
  if (message.via === 'rule' || (message.rule_id !== undefined && message.rule_id !== null)) return { role: 'bot', reason: 'sent by a Gorgias rule' };
  if (message.via === 'self_service') return { role: 'bot', reason: 'self-service flow' };
  return { role: 'agent' };
}

/** `satisfaction_survey: {score: 1-5, body_text}`, once the customer has answered it. */
function ratingOf(survey: unknown): Rating | undefined {
  const score = at(survey, 'score');
  if (typeof score !== 'number') return undefined;
  const comment = stringOrUndefined(at(survey, 'body_text'));
  return { score, scale: '1-5', ...(comment ? { comment } : {}) };
}
