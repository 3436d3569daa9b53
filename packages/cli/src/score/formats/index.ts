import type { Conversation, InputFormat, Role } from '../types.js';
import { isObject, RecordProblem, roleFrom, stringOrUndefined, type JsonObject, type People, type Person, type RecordPlace } from './common.js';
import { fromFreshdeskTicket } from './freshdesk.js';
import { fromHelpScoutConversation } from './helpscout.js';
import { fromIntercomConversation } from './intercom.js';
import { fromPreachRecord } from './preach.js';
import { fromZendeskTicket } from './zendesk.js';

export type RecordShape = 'preach' | 'zendesk' | 'intercom' | 'freshdesk' | 'helpscout';

/** Which help desk a JSON record came from, by the fields only that help desk uses. */
export function shapeOf(record: JsonObject): RecordShape | undefined {
  if (Array.isArray(record.messages)) return 'preach';
  if ('conversation_parts' in record || (record.type === 'conversation' && isObject(record.source))) return 'intercom';
  if (Array.isArray(record.threads) || (isObject(record._embedded) && Array.isArray(record._embedded.threads))) return 'helpscout';
  if ('description_text' in record || (Array.isArray(record.conversations) && !Array.isArray(record.comments))) return 'freshdesk';
  if (Array.isArray(record.comments)) return 'zendesk';
  return undefined;
}

const NOT_A_CONVERSATION =
  'is not a conversation: expected "messages" (preach JSONL), "comments" (Zendesk ticket), "conversation_parts" (Intercom), "conversations" (Freshdesk ticket) or "threads" (Help Scout)';

/** Turns one parsed record into a conversation; `format` forces a shape instead of guessing. */
export function toConversation(record: unknown, place: RecordPlace, people: People, format?: InputFormat): { conversation: Conversation; shape: RecordShape } {
  if (!isObject(record)) throw new RecordProblem(`is ${Array.isArray(record) ? 'a list' : typeof record}, not a conversation object`);
  const forced = format && format !== 'json' && format !== 'jsonl' && format !== 'csv' ? format : undefined;
  const shape = forced ?? shapeOf(record);
  switch (shape) {
    case 'preach':
      return { conversation: fromPreachRecord(record, place), shape };
    case 'zendesk':
      return { conversation: fromZendeskTicket(record, place, people), shape };
    case 'intercom':
      return { conversation: fromIntercomConversation(record, place), shape };
    case 'freshdesk':
      return { conversation: fromFreshdeskTicket(record, place, people), shape };
    case 'helpscout':
      return { conversation: fromHelpScoutConversation(record, place), shape };
    default:
      throw new RecordProblem(NOT_A_CONVERSATION, stringOrUndefined(record.id));
  }
}

/** Lists of people help desks sideload next to conversations, and the role each implies. */
export const PEOPLE_LISTS: Record<string, Role | undefined> = { users: undefined, agents: 'agent', contacts: 'customer', requesters: 'customer' };

/** A sideloaded person: Zendesk users, Freshdesk agents (`{id, contact: {name}}`) and contacts. */
export function personFrom(list: string, entry: unknown): [string, Person] | undefined {
  if (!isObject(entry)) return undefined;
  const id = stringOrUndefined(entry.id);
  if (!id) return undefined;
  const contact = isObject(entry.contact) ? entry.contact : undefined;
  const name = stringOrUndefined(entry.name) ?? stringOrUndefined(contact?.name) ?? joinName(entry);
  return [id, { name, role: roleFrom(entry.role) ?? PEOPLE_LISTS[list] }];
}

function joinName(entry: JsonObject): string | undefined {
  const parts = [stringOrUndefined(entry.first_name ?? entry.firstName ?? entry.first), stringOrUndefined(entry.last_name ?? entry.lastName ?? entry.last)].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

export { RecordProblem, type People, type Person, type RecordPlace };
