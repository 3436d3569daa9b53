import type { Conversation } from '../types.js';
import { at, baseConversation, channelFrom, chronological, isObject, RecordProblem, stringOrUndefined, tagsFrom, type JsonObject } from './common.js';
import type { Piece, RecordImporter } from './importer.js';
import { assumeRequester, classifyComment, commentMessage, partiesOf, ratingOf } from './zendesk-parties.js';

/** Ticket fields whose Create and Change events say who is who and what the ticket is. */
const FIELDS = new Set(['requester_id', 'assignee_id', 'group_id', 'brand_id', 'tags', 'satisfaction_score', 'satisfaction_comment']);

/**
 * Zendesk's incremental ticket event export (`GET /api/v2/incremental/ticket_events?include=comment_events`):
 * `{ticket_events: [{ticket_id, created_at, via, child_events: […]}]}`. Events of every ticket come
 * interleaved, in time order; they are gathered per `ticket_id` whatever their order. `Comment`
 * child events are the messages; `Create` and `Change` events of `requester_id`, `assignee_id`,
 * `tags`, `group_id`, `brand_id` and the satisfaction score fill in the rest.
 */
export const zendeskEvents: RecordImporter = {
  name: 'zendesk-events',
  title: "Zendesk's incremental ticket event export (with include=comment_events)",
  recognisedBy: 'events with a `ticket_id` and `child_events`',
  matches: (record) => Array.isArray(record.child_events) && record.ticket_id !== undefined,
  read(event) {
    const key = stringOrUndefined(event.ticket_id);
    if (!key) throw new RecordProblem('ticket event has no "ticket_id"');
    const pieces: Piece[] = [{ key, data: { kind: 'update', created_at: event.created_at, timestamp: event.timestamp, channel: at(event, 'via', 'channel') ?? null } }];
    for (const child of event.child_events as unknown[]) {
      if (!isObject(child)) continue;
      const type = child.event_type ?? child.type;
      if (type === 'Comment') pieces.push({ key, data: { kind: 'comment', comment: child, created_at: event.created_at } });
      else if ((type === 'Create' || type === 'Change') && FIELDS.has(String(child.field_name))) {
        pieces.push({ key, data: { kind: 'field', field: String(child.field_name), value: child.value ?? null } });
      } else if (child.comment_present === true) pieces.push({ key, data: { kind: 'comment-without-text' } });
    }
    return pieces;
  },
  assemble(ticketId, pieces, context): Conversation {
    const fields = new Map<string, unknown>();
    const comments: Array<{ comment: JsonObject; createdAt: unknown }> = [];
    let channel: string | undefined;
    let createdAt: string | undefined;
    let withoutText = 0;
    for (const { data } of pieces) {
      if (data.kind === 'update') {
        channel ??= stringOrUndefined(data.channel);
        createdAt ??= stringOrUndefined(data.created_at);
      } else if (data.kind === 'field') fields.set(String(data.field), data.value);
      else if (data.kind === 'comment' && isObject(data.comment)) comments.push({ comment: data.comment, createdAt: data.created_at });
      else if (data.kind === 'comment-without-text') withoutText++;
    }
    if (comments.length === 0 && withoutText > 0) {
      throw new RecordProblem('the ticket events hold comments without their text; export them with include=comment_events', ticketId);
    }
    const parties = partiesOf({ requester_id: fields.get('requester_id'), assignee_id: fields.get('assignee_id') });
    assumeRequester(comments.map((c) => ({ created_at: c.createdAt, ...c.comment })), parties, context.people, context.notice, 'Zendesk ticket events');
    const messages = comments.map(({ comment, createdAt: at }) => commentMessage(comment, classifyComment(comment, parties, context.people), context.people, at));
    const score = stringOrUndefined(fields.get('satisfaction_score'));
    return baseConversation(context.place, {
      id: ticketId,
      channelName: channel,
      channel: channelFrom(channel),
      customerName: parties.requester ? context.people.get(parties.requester)?.name : undefined,
      tags: tagsFrom(fields.get('tags')),
      createdAt,
      group: stringOrUndefined(fields.get('group_id')),
      brand: stringOrUndefined(fields.get('brand_id')),
      rating: ratingOf(score ? { score, comment: fields.get('satisfaction_comment') } : undefined),
      messages: chronological(messages),
    });
  },
};
