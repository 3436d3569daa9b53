import type { Span } from '../../types.js';
import { describeBounds, refuseImpossibleBounds, requireABound } from './bounds.js';
import type { RuleKind } from './kind.js';
import { contextValues, messageText } from './message.js';

/** The reply's sentiment (AFINN), alone or against the customer's, held to bounds. */
export const sentiment: RuleKind = {
  name: 'sentiment',
  parameters: {
    max: { type: 'number', description: 'Highest reply sentiment allowed (AFINN sum; 0 is neutral)' },
    min: { type: 'number', description: 'Lowest reply sentiment allowed' },
    relative_to_customer: { type: 'boolean', description: "Bound the difference between the reply's and the customer's sentiment instead" },
  },
  placeholders: ['match', 'reply', 'customer', 'value', 'max', 'min'],
  fixable: false,
  validate(definition, refuse) {
    requireABound('sentiment', definition.min, definition.max, refuse);
    refuseImpossibleBounds(definition.min, definition.max, refuse);
  },
  check(context, params, message) {
    if (!context.prose.trim()) return;
    // A bound relative to the customer means nothing without the customer's message.
    if (params.relative_to_customer && !context.reply.customerMessage) return;
    const reply = context.analysis.replySentiment();
    const customer = context.analysis.customerSentiment();
    const value = params.relative_to_customer ? reply - customer : reply;
    const tooHigh = params.max !== undefined && value > params.max;
    const tooLow = params.min !== undefined && value < params.min;
    if (!tooHigh && !tooLow) return;
    // Point at the sentence that pulls furthest in the offending direction.
    let anchor: Span | undefined;
    let extreme = -Infinity;
    for (const sentence of context.analysis.sentences()) {
      const polarity = context.analysis.sentimentOf(sentence.text);
      const pull = tooHigh ? polarity : -polarity;
      if (pull > extreme) {
        extreme = pull;
        anchor = sentence;
      }
    }
    context.report({
      message: messageText(message, { ...contextValues(context), match: anchor?.text.trim(), reply, customer, value, max: params.max, min: params.min }),
      start: anchor?.start ?? 0,
      end: anchor?.end ?? 0,
    });
  },
  summary(options) {
    const subject = options.relative_to_customer ? "the reply's sentiment minus the customer's" : "the reply's sentiment";
    return `Keeps ${subject} ${describeBounds(options.min, options.max)} (AFINN score, 0 is neutral).`;
  },
  // The sentiment is the whole reply's.
  paragraphLocal: () => false,
};
