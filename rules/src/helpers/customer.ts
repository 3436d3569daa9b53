import { showsFeeling, type RuleContext } from '@preach/core';

/** A message this warm is not upset, whatever its punctuation. */
const WARM = 3;
/** "Hi!", "Thanks in advance!", "Cheers!": an exclamation of courtesy, not of feeling. */
const COURTESY_EXCLAMATION = /\b(?:hi|hey|hello|hiya|greetings|thanks?|thank\s*you|cheers|ty)\b[\w\s,]{0,20}!/gi;

/**
 * Whether the customer's message is upset: a feeling in words or signs ("so annoying", "!!",
 * "WTF", 😡), or an exclamation in a message that is not warm.
 */
export function customerUpset(context: RuleContext): boolean {
  const message = context.reply.customerMessage;
  if (!message) return false;
  if (showsFeeling(message)) return true;
  return context.analysis.customerSentiment() < WARM && message.replace(COURTESY_EXCLAMATION, ' ').includes('!');
}

/**
 * Situations a team lists as sensitive only when the customer is upset (a calm "please cancel
 * my plan" is routine): whether this reply's situation is one of them and the customer is calm.
 */
export function calmInUpsetOnlySituation(context: RuleContext, onlyWhenUpset: readonly string[]): boolean {
  const id = context.reply.situation.id;
  return id !== null && onlyWhenUpset.includes(id) && !customerUpset(context);
}

export const ONLY_WHEN_UPSET_SCHEMA = {
  type: 'array',
  items: { type: 'string' },
  description: 'Situations that call for care only when the customer sounds upset; default [cancellation]',
} as const;
