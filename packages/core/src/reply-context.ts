import { readCustomerTurn } from './customer/read-turn.js';
import { resolveLanguage } from './language.js';
import { parseCustomerName } from './names.js';
import { resolveSituation } from './situations.js';
import type { Channel, ReplyContext, ResolvedConfig, ResolvedMood, ResolvedReplyContext, ThreadTurn } from './types.js';

/**
 * A draft's context resolved against the config: the reply's language, the situation, the
 * customer's mood, the channel. `prose` (the reply's prose) is what the language is detected from
 * when neither the context nor the config gives one; a function, so it is built only then.
 */
export function resolveContext(context: ReplyContext, config: Pick<ResolvedConfig, 'situations' | 'tagSituations' | 'defaultChannel' | 'language'>, prose: string | (() => string) = ''): ResolvedReplyContext {
  const customerMessage = context.customerMessage?.trim() || undefined;
  // Field by field, in this order: a spread of the optional title (`...(x ? { x } : {})`) cost V8
  // a microsecond or two a reply.
  const resolved = { language: resolveLanguage(context.language, config.language, prose) } as ResolvedReplyContext;
  if (context.customerTitle) resolved.customerTitle = context.customerTitle;
  resolved.customerName = parseCustomerName(context.customerName);
  resolved.customerMessage = customerMessage;
  resolved.situation = resolveSituation({ context, situations: config.situations, tagSituations: config.tagSituations });
  resolved.channel = (context.channel ?? config.defaultChannel) as Channel | undefined;
  resolved.agentName = context.agentName;
  resolved.tags = context.tags ?? [];
  resolved.mood = customerMessage ? readMood(customerMessage, previousCustomerTurn(context.thread)) : undefined;
  resolved.thread = context.thread ?? [];
  return resolved;
}

function readMood(message: string, previous: string | undefined): ResolvedMood {
  const turn = readCustomerTurn(message, previous);
  return { id: turn.mood, reason: turn.moodEvidence.length ? turn.moodEvidence.map((w) => `"${w}"`).join(', ') : 'no strong sign', confidence: Math.round(turn.moodConfidence * 100) / 100 };
}

function previousCustomerTurn(thread: readonly ThreadTurn[] | undefined): string | undefined {
  return thread?.findLast((turn) => turn.role === 'customer' && turn.text.trim())?.text;
}

