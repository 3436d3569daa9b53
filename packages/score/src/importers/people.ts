import type { Role } from '../types.js';
import { isObject, personName, roleFrom, stringOrUndefined, type Person } from './common.js';

/**
 * Lists of people help desks put next to conversations, and the role each implies: Zendesk
 * `users` (each with its own `role`), Freshdesk `agents` and `contacts`, JSON:API `included`
 * resources (Kustomer `user` and `customer`).
 */
export const PEOPLE_LISTS: Record<string, Role | undefined> = { users: undefined, agents: 'agent', contacts: 'customer', requesters: 'customer', included: undefined };

const RESOURCE_ROLES: Record<string, Role> = { user: 'agent', customer: 'customer' };

/** A listed person: Zendesk users, Freshdesk agents (`{id, contact: {name}}`) and contacts, JSON:API users. */
export function personFrom(list: string, entry: unknown): [string, Person] | undefined {
  if (!isObject(entry)) return undefined;
  const id = stringOrUndefined(entry.id);
  if (!id) return undefined;
  if (list === 'included') {
    const role = RESOURCE_ROLES[String(entry.type)];
    if (!role) return undefined;
    return [id, { name: personName(isObject(entry.attributes) ? entry.attributes : undefined), role }];
  }
  const contact = isObject(entry.contact) ? entry.contact : undefined;
  const name = stringOrUndefined(entry.name) ?? stringOrUndefined(contact?.name) ?? personName(entry);
  return [id, { name, role: roleFrom(entry.role) ?? PEOPLE_LISTS[list] }];
}
