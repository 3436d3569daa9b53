import { sensitivityAtLeast, UPSET_POLARITY } from './situations.js';
import type { Analysis, ResolvedReplyContext, RuleConditions } from './types.js';

const conditionRegexCache = new Map<string, RegExp>();

/** Whether a rule's `when` conditions hold for this reply. Cheap fields are tested first. */
export function conditionsHold(when: RuleConditions | undefined, reply: ResolvedReplyContext, analysis: Analysis): boolean {
  if (!when) return true;
  const { situation } = reply;
  if (when.situation && !(situation.id && when.situation.includes(situation.id))) return false;
  if (when.sensitivity !== undefined) {
    if (Array.isArray(when.sensitivity)) {
      if (!when.sensitivity.includes(situation.sensitivity)) return false;
    } else if (!situation.id || !sensitivityAtLeast(situation.sensitivity, when.sensitivity)) {
      return false;
    }
  }
  if (when.channel && !(reply.channel && when.channel.includes(reply.channel))) return false;
  if (when.tags && !when.tags.some((tag) => reply.tags.includes(tag))) return false;
  if (when.customer_name_known !== undefined && Boolean(reply.customerName) !== when.customer_name_known) return false;
  if (when.customer_message_matches !== undefined) {
    let regex = conditionRegexCache.get(when.customer_message_matches);
    if (!regex) conditionRegexCache.set(when.customer_message_matches, (regex = new RegExp(when.customer_message_matches, 'iu')));
    if (!reply.customerMessage || !regex.test(reply.customerMessage)) return false;
  }
  if (when.customer_sentiment) {
    if (!reply.customerMessage) return false;
    const value = analysis.customerSentiment();
    const mood = value <= UPSET_POLARITY ? 'negative' : value > 0 ? 'positive' : 'neutral';
    if (mood !== when.customer_sentiment) return false;
  }
  return true;
}
