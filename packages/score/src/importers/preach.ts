import type { Rating, TranscriptMessage } from '../types.js';
import { at, baseConversation, body, channelFrom, conversationId, isObject, languageProblem, RecordProblem, roleFrom, stringOrUndefined, tagsFrom } from './common.js';
import type { RecordImporter } from './importer.js';

/**
 * preach's own transcript shape, one conversation per JSONL line (the shape of the shared
 * samples): `{id, channel, language?, customer_name?, tags?, situation?, group?, brand?, rating?, created_at?,
 * messages: [{role: customer | agent | bot | note | system, author, text, …}]}`.
 */
export const preach: RecordImporter = {
  name: 'preach',
  title: "preach's own JSONL: one conversation per line with a `messages` list",
  recognisedBy: 'a `messages` list (whose messages have a `role`)',
  matches: (record) => Array.isArray(record.messages),
  read(record, { place }) {
    const id = conversationId(record.id, place);
    if (!Array.isArray(record.messages)) throw new RecordProblem('has no "messages" list', id);
    const messages: TranscriptMessage[] = [];
    record.messages.forEach((raw, index) => {
      if (!isObject(raw)) throw new RecordProblem(`message ${index + 1} is not an object`, id);
      const role = raw.public === false || raw.internal === true || raw.private === true ? 'note' : roleFrom(raw.role);
      if (!role) {
        const given = typeof raw.role === 'string' ? `has unknown role "${raw.role}"` : 'has no "role"';
        throw new RecordProblem(`message ${index + 1} ${given}; use customer, agent, bot, note or system`, id);
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
    const language = stringOrUndefined(record.language);
    const languageWrong = language === undefined ? undefined : languageProblem(language);
    if (languageWrong) throw new RecordProblem(languageWrong, id);
    return baseConversation(place, {
      id,
      channelName,
      channel: channelFrom(channelName),
      ...(language ? { language } : {}),
      customerName: stringOrUndefined(record.customer_name ?? customer?.name) ?? messages.find((m) => m.role === 'customer' && m.authorName)?.authorName,
      situation: stringOrUndefined(record.situation),
      tags: tagsFrom(record.tags),
      createdAt: stringOrUndefined(record.created_at),
      group: stringOrUndefined(record.group),
      brand: stringOrUndefined(record.brand),
      rating: ratingOf(record.rating),
      messages,
    });
  },
};

/** `rating: 4`, `rating: "good"` or `rating: {score, scale?, comment?}`. */
function ratingOf(value: unknown): Rating | undefined {
  if (typeof value === 'number' || (typeof value === 'string' && value.trim())) return { score: value };
  const score = at(value, 'score');
  if (typeof score !== 'number' && typeof score !== 'string') return undefined;
  const scale = stringOrUndefined(at(value, 'scale'));
  const comment = stringOrUndefined(at(value, 'comment'));
  return { score, ...(scale ? { scale } : {}), ...(comment ? { comment } : {}) };
}
