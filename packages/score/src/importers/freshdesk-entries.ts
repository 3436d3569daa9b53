import type { Role, TranscriptMessage } from '../types.js';
import { body, RecordProblem, stringOrUndefined, type JsonObject, type People } from './common.js';

/**
 * A Freshdesk conversation entry (`GET /api/v2/tickets/{id}/conversations`, or a ticket's
 * `conversations` with `include=conversations`), shared by the Freshdesk importers:
 * `{user_id, incoming, private, source, auto_response, body, body_text, created_at}`.
 */
export function freshdeskEntry(entry: JsonObject, people: People): TranscriptMessage {
  const authorId = stringOrUndefined(entry.user_id);
  const { role, reason } = entryRole(entry);
  return {
    role,
    ...body(entry.body_text, entry.body),
    authorId: role === 'bot' ? 'bot:Freshdesk automations' : authorId,
    authorName: role === 'bot' ? 'Freshdesk automations' : authorId ? people.get(authorId)?.name : undefined,
    timestamp: stringOrUndefined(entry.created_at),
    ...(reason ? { reason } : {}),
  };
}

/** Conversation sources (Freshdesk API v2): 0 reply, 2 note, 5 tweet, 6 survey feedback, 7 Facebook, 8 forwarded e-mail, 9 phone, 10 Mobihelp, 11 e-commerce. */
const NOTE = 2;
const SURVEY_FEEDBACK = 6;
const FORWARD = 8;
const PHONE = 9;

function entryRole(entry: JsonObject): { role: Role; reason?: string } {
  if (entry.private === true) return { role: 'note' };
  // A public note is shown to the requester in the portal, but it is a note, not a reply.
  if (entry.source === NOTE) return { role: 'note', reason: 'public note' };
  if (entry.source === SURVEY_FEEDBACK) return { role: 'customer' };
  if (entry.incoming === true) return { role: 'customer' };
  if (entry.auto_response === true) return { role: 'bot', reason: 'automatic response' };
  if (entry.source === FORWARD) return { role: 'system', reason: 'forwarded e-mail' };
  if (entry.source === PHONE) return { role: 'system', reason: 'phone call' };
  return { role: 'agent' };
}

/** An entry list's entries as objects, or a RecordProblem naming the first that is not. */
export function entriesOf(list: unknown[], id: string): JsonObject[] {
  return list.map((raw, index) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new RecordProblem(`conversation entry ${index + 1} is not an object`, id);
    return raw as JsonObject;
  });
}
