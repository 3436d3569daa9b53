import { compileUserPattern } from './declarative/user-regex.js';
import { sensitivityAtLeast, UPSET_POLARITY } from './situations.js';
import type { Analysis, ResolvedReplyContext, RuleConditions } from './types.js';


/** Whether a rule's `when` conditions hold for this reply. Cheap fields are tested first. */
export function conditionsHold(when: RuleConditions | undefined, reply: ResolvedReplyContext, analysis: Analysis): boolean {
  return !when || unmetCondition(when, reply, analysis) === undefined;
}

/**
 * The first `when` condition that does not hold, in words (for `preach test-rules`, which says
 * why a bad example was not flagged), or undefined when they all hold. Sensitivity conditions
 * need a known situation: with none, nothing is known to be sensitive or not.
 */
export function unmetCondition(when: RuleConditions | undefined, reply: ResolvedReplyContext, analysis: Analysis): string | undefined {
  if (!when) return undefined;
  const { situation } = reply;
  if (when.situation && !(situation.id && when.situation.includes(situation.id))) {
    return `situation is ${situation.id ?? 'unknown'} (${situation.reason}), not ${when.situation.join(' or ')}`;
  }
  if (when.sensitivity !== undefined) {
    const wanted = Array.isArray(when.sensitivity) ? when.sensitivity.join(' or ') : `${when.sensitivity} or higher`;
    if (!situation.id) return `sensitivity must be ${wanted}, but the situation is unknown (${situation.reason})`;
    const holds = Array.isArray(when.sensitivity) ? when.sensitivity.includes(situation.sensitivity) : sensitivityAtLeast(situation.sensitivity, when.sensitivity);
    if (!holds) return `sensitivity must be ${wanted}, but situation ${situation.id} is ${situation.sensitivity}`;
  }
  if (when.channel && !(reply.channel && when.channel.includes(reply.channel))) {
    return `channel is ${reply.channel ?? 'unknown'}, not ${when.channel.join(' or ')}`;
  }
  if (when.tags && !when.tags.some((tag) => reply.tags.includes(tag))) {
    return `tags are ${reply.tags.length ? reply.tags.join(', ') : 'none'}, none of ${when.tags.join(', ')}`;
  }
  if (when.customer_name_known !== undefined && Boolean(reply.customerName) !== when.customer_name_known) {
    return when.customer_name_known ? "the customer's name is unknown" : "the customer's name is known";
  }
  if (when.customer_message_matches !== undefined) {
    if (!reply.customerMessage) return 'there is no customer message to match';
    if (!compileUserPattern(when.customer_message_matches).test(reply.customerMessage)) return `the customer's message does not match /${when.customer_message_matches}/`;
  }
  if (when.customer_mood) {
    if (!reply.mood) return 'there is no customer message to read the mood of';
    if (!when.customer_mood.includes(reply.mood.id)) return `the customer sounds ${reply.mood.id} (${reply.mood.reason}), not ${when.customer_mood.join(' or ')}`;
  }
  if (when.customer_sentiment) {
    if (!reply.customerMessage) return 'there is no customer message to read the sentiment of';
    const value = analysis.customerSentiment();
    const mood = customerMood(value);
    if (mood !== when.customer_sentiment) return `the customer sounds ${mood} (sentiment ${value}), not ${when.customer_sentiment}`;
  }
  return undefined;
}

/** negative at or below UPSET_POLARITY, positive above 0, neutral in between. */
export function customerMood(value: number): 'negative' | 'neutral' | 'positive' {
  return value <= UPSET_POLARITY ? 'negative' : value > 0 ? 'positive' : 'neutral';
}
