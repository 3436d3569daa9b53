import type { Conversation, Rating, Role, TranscriptMessage } from '../types.js';
import { at, body, isObject, stringOrUndefined, tagsFrom, type JsonObject, type People } from './common.js';

/**
 * Who is who on a Zendesk ticket, shared by the Zendesk importers. The sideloaded `users` list
 * (`include=users`) says it outright (`role: end-user | agent | admin`); without it, the ticket's
 * `requester_id` is the customer, its e-mail CCs end users, its assignee, followers and a
 * `submitter_id` other than the requester (an agent opening a ticket for a customer) agents.
 */
export interface TicketParties {
  requester?: string;
  /** End users on the ticket besides the requester (CCs that are not followers or the assignee). */
  customers: Set<string>;
  /** Agents known from the ticket itself (assignee, followers). */
  agents: Set<string>;
}

export function partiesOf(ticket: JsonObject | undefined): TicketParties {
  const ids = (value: unknown) => (Array.isArray(value) ? value.map(stringOrUndefined).filter((id): id is string => id !== undefined) : []);
  const requester = stringOrUndefined(ticket?.requester_id);
  // A submitter who is not the requester opened the ticket for them: an agent.
  const submitter = stringOrUndefined(ticket?.submitter_id);
  const agents = new Set([...ids(ticket?.follower_ids), ...ids([ticket?.assignee_id]), ...(submitter && submitter !== requester ? [submitter] : [])]);
  const customers = new Set([...ids(ticket?.email_cc_ids), ...ids(ticket?.collaborator_ids)].filter((id) => !agents.has(id)));
  return { requester, customers, agents };
}

/**
 * A merge comment, as Zendesk writes it ("Request #1233 "Printer" was closed and merged into this
 * request.", "This request was closed and merged into request #1234") or as agents shorten it
 * ("Request #1233 was merged"): only at the start of a comment no customer wrote.
 */
const MERGE_NOTICE = /^\s*(?:(?:request|ticket) #\d+\b[^\n]{0,200}?\bmerged\b|this (?:request|ticket) (?:was|has been) (?:closed and )?merged into\b)/i;

/** The Zendesk system user writes satisfaction prompts and other automatic comments. */
const SYSTEM_USER = '-1';

/** Via channels of comments no person wrote (Via types reference: 8 rule, 19 merge, 63-67 Answer Bot). */
function automationOf(via: unknown): { kind: 'bot' | 'merge'; reason: string; name: string } | undefined {
  const channel = String(at(via, 'channel') ?? '').toLowerCase();
  const rel = String(at(via, 'source', 'rel') ?? '').toLowerCase();
  if (channel === 'merge' || channel === '19' || rel === 'merge') return { kind: 'merge', reason: 'merge notice', name: 'merge' };
  if (channel === 'rule' || channel === '8' || rel === 'trigger' || rel === 'automation') {
    const title = stringOrUndefined(at(via, 'source', 'from', 'title'));
    const what = rel === 'automation' ? 'automation' : 'trigger';
    return { kind: 'bot', reason: title ? `${what} "${title}"` : `a trigger or automation`, name: title ?? 'Zendesk triggers' };
  }
  if (channel.startsWith('answer_bot') || ['63', '64', '65', '66', '67'].includes(channel)) return { kind: 'bot', reason: 'Answer Bot', name: 'Answer Bot' };
  return undefined;
}

export interface ClassifiedComment {
  role: Role;
  reason?: string;
  /** The bot's name, when a bot wrote it. */
  botName?: string;
}

/**
 * The role of one comment: a private comment is a note; the requester's and other end users'
 * comments are the customer's; merge notices are system messages; triggers, automations, Answer
 * Bot and the system user are bots; everyone else on the ticket is an agent. Callers make sure
 * the requester is known (or assumed, and said so) before asking.
 */
export function classifyComment(comment: JsonObject, parties: TicketParties, people: People): ClassifiedComment {
  if (comment.public === false) return { role: 'note' };
  const author = stringOrUndefined(comment.author_id);
  const person = author ? people.get(author) : undefined;
  if (person?.role === 'customer' || (author !== undefined && (author === parties.requester || parties.customers.has(author)))) return { role: 'customer' };
  const automation = automationOf(comment.via);
  if (automation?.kind === 'merge') return { role: 'system', reason: automation.reason };
  const text = stringOrUndefined(comment.plain_body ?? comment.body) ?? '';
  if (MERGE_NOTICE.test(text)) return { role: 'system', reason: 'merge notice' };
  if (automation) return { role: 'bot', reason: automation.reason, botName: automation.name };
  if (author === SYSTEM_USER) return { role: 'bot', reason: 'the Zendesk system user', botName: 'Zendesk' };
  return { role: 'agent' };
}

/** One comment (Ticket Comments API, or a `Comment` child event) as a transcript message. */
export function commentMessage(comment: JsonObject, classified: ClassifiedComment, people: People, createdAt?: unknown): TranscriptMessage {
  const authorId = stringOrUndefined(comment.author_id);
  const person = authorId ? people.get(authorId) : undefined;
  return {
    role: classified.role,
    ...body(comment.plain_body ?? comment.body, comment.html_body),
    authorId: classified.role === 'bot' ? `bot:${classified.botName ?? 'Zendesk'}` : authorId,
    authorName: classified.role === 'bot' ? classified.botName : (person?.name ?? (isObject(comment.author) ? stringOrUndefined(comment.author.name) : undefined)),
    timestamp: stringOrUndefined(comment.created_at ?? createdAt),
    ...(classified.reason && classified.role !== 'agent' ? { reason: classified.reason } : {}),
  };
}

/** A ticket's satisfaction rating: `good` or `bad`; `offered` and `unoffered` are no rating. */
export function ratingOf(value: unknown): Rating | undefined {
  const score = stringOrUndefined(at(value, 'score'));
  if (score !== 'good' && score !== 'bad') return undefined;
  const comment = stringOrUndefined(at(value, 'comment'));
  return { score, scale: 'good/bad', ...(comment ? { comment } : {}) };
}

/** The facts a ticket object gives besides its comments. */
export function ticketFacts(ticket: JsonObject): Pick<Conversation, 'tags' | 'createdAt' | 'group' | 'brand' | 'rating'> {
  return {
    tags: tagsFrom(ticket.tags),
    createdAt: stringOrUndefined(ticket.created_at),
    group: stringOrUndefined(ticket.group_id),
    brand: stringOrUndefined(ticket.brand_id),
    rating: ratingOf(ticket.satisfaction_rating),
  };
}

/**
 * Without a users list and without the ticket's `requester_id`, nothing in the export names the
 * customer. The ticket's first comment is its description, written by whoever opened it, which
 * for a customer's ticket is the customer: that author is taken for the requester, and the
 * input gets a notice saying so (an agent-opened ticket would be misread).
 */
export function assumeRequester(comments: readonly JsonObject[], parties: TicketParties, people: People, notice: (text: string) => void, what: string): void {
  if (parties.requester) return;
  const authored = comments.filter((c) => c.public !== false && stringOrUndefined(c.author_id) !== undefined);
  if (authored.every((c) => people.get(stringOrUndefined(c.author_id)!)?.role)) return;
  const first = [...authored].sort((a, b) => (Date.parse(String(a.created_at)) || 0) - (Date.parse(String(b.created_at)) || 0))[0];
  if (!first) return;
  parties.requester = stringOrUndefined(first.author_id);
  notice(`${what} had neither a users list (export with include=users) nor the ticket's requester_id: the author of the first comment was taken for the customer and the other authors for agents`);
}
