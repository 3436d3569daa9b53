import type { RuleContext } from '../../types.js';
import { interpolate } from '../matchers.js';

/** Placeholders every kind fills from the conversation, in a message or a replacement. */
export const CONTEXT_PLACEHOLDERS: readonly string[] = ['situation', 'channel', 'customer_name', 'agent_name'];

export type Values = Record<string, string | number | undefined>;

/** The conversation's placeholder values (`CONTEXT_PLACEHOLDERS`). */
export function contextValues(context: RuleContext): Values {
  return {
    channel: context.reply.channel,
    situation: context.reply.situation.id ?? undefined,
    customer_name: context.reply.customerName?.first,
    agent_name: context.reply.agentName,
  };
}

/** What an unknown context value reads as in a message ("in a  conversation" is tidied below). */
const FALLBACKS: Values = { customer_name: 'the customer', situation: '', channel: '', agent_name: '' };

/** A rule's message with its placeholders filled; nothing unknown is shown as `{{…}}`. */
export function messageText(template: string, values: Values): string {
  const known: Values = { ...FALLBACKS };
  for (const key of Object.keys(values) as Array<keyof Values>) if (values[key] !== undefined) known[key] = values[key];
  const filled = interpolate(template, known);
  return filled.replace(/ {2,}/g, ' ').replace(/ ([,.;:!?])/g, '$1').trim();
}
