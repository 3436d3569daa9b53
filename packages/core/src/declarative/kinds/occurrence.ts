import { findNameMentions } from '../../name-mentions.js';
import { perChannelNumber } from '../../schema-parts.js';
import type { RuleContext, Span } from '../../types.js';
import { compileMatcher } from '../matchers.js';
import { limitFor } from '../../per-channel.js';
import { paragraphs } from '../../text/analysis.js';
import { describeBounds, refuseImpossibleBounds, requireABound } from './bounds.js';
import type { Params, RuleKind } from './kind.js';
import { describeMatchers, hasMatchers, matcherFor, MATCHING_PARAMETERS } from './matching.js';
import { contextValues, messageText } from './message.js';

/** What an occurrence rule counts, in words, by its `of`. */
export const OCCURRENCE_UNITS: Record<string, string> = {
  exclamation: 'exclamation marks',
  'customer-name': "uses of the customer's name",
  sentences: 'sentences',
  words: 'words',
  paragraphs: 'paragraphs',
  questions: 'questions',
  tokens: 'matches',
};

/** Counts that make one message for the whole overflow rather than one per extra item. */
const SPAN_UNITS = new Set(['sentences', 'words', 'paragraphs']);

const EXCLAMATIONS = compileMatcher({ patterns: ['!+'], nonword: true });

function occurrences(context: RuleContext, params: Params): Span[] {
  switch (params.of) {
    case 'exclamation':
      return EXCLAMATIONS.find(context.prose);
    case 'customer-name':
      return findNameMentions(context);
    case 'sentences':
      return context.analysis.sentences();
    case 'words':
      return context.analysis.words();
    case 'paragraphs':
      return paragraphs(context.prose);
    case 'questions':
      return context.analysis.sentences().filter((s) => s.text.trimEnd().endsWith('?'));
    default:
      return matcherFor(params).find(context.prose);
  }
}

/** Counts of something in the reply (exclamation marks, questions, words, matches) held to bounds, per channel. */
export const occurrence: RuleKind = {
  name: 'occurrence',
  parameters: {
    of: { enum: Object.keys(OCCURRENCE_UNITS), description: 'What to count' },
    tokens: MATCHING_PARAMETERS.tokens,
    patterns: MATCHING_PARAMETERS.patterns,
    ignorecase: MATCHING_PARAMETERS.ignorecase,
    nonword: MATCHING_PARAMETERS.nonword,
    exceptions: MATCHING_PARAMETERS.exceptions,
    max: perChannelNumber,
    min: perChannelNumber,
  },
  required: ['of'],
  placeholders: ['match', 'count', 'max', 'min', 'unit'],
  fixable: false,
  validate(definition, refuse) {
    requireABound('occurrence', definition.min, definition.max, refuse);
    const matchers = hasMatchers(definition);
    if (definition.of === 'tokens' && !matchers) refuse(['of'], '`of: tokens` needs `tokens` or `patterns` (what to count)');
    if (definition.of !== 'tokens' && matchers) {
      refuse([definition.tokens ? 'tokens' : 'patterns'], `is only used with \`of: tokens\` (this rule counts ${definition.of})`, 'Set `of: tokens` to count these words, or remove them.');
    }
    refuseImpossibleBounds(definition.min, definition.max, refuse);
  },
  check(context, params, message) {
    const max = limitFor(params.max, context.reply.channel);
    const min = limitFor(params.min, context.reply.channel);
    if (max === undefined && min === undefined) return;
    // Nothing to count in an empty draft, and no name to count when it is not known.
    if (!context.prose.trim()) return;
    if (params.of === 'customer-name' && !context.reply.customerName) return;
    const found = occurrences(context, params);
    const values = { ...contextValues(context), count: found.length, max, min, unit: OCCURRENCE_UNITS[params.of] ?? 'matches' };
    if (max !== undefined && found.length > max) {
      const extra = found.slice(max);
      if (SPAN_UNITS.has(params.of)) {
        // One message for the overflow, from where the limit is passed to the end.
        const first = extra[0]!;
        const last = found[found.length - 1]!;
        context.report({ message: messageText(message, { ...values, match: first.text }), start: first.start, end: last.end });
      } else {
        for (const span of extra) context.report({ message: messageText(message, { ...values, match: span.text }), start: span.start, end: span.end });
      }
    }
    if (min !== undefined && found.length < min) {
      const anchor = context.analysis.sentences()[0];
      context.report({ message: messageText(message, { ...values, match: '' }), start: anchor?.start ?? 0, end: anchor?.end ?? 0 });
    }
  },
  summary(options) {
    const unit = options.of === 'tokens' ? `matches of ${describeMatchers(options)}` : (OCCURRENCE_UNITS[options.of] ?? options.of);
    return `Counts ${unit}: ${describeBounds(options.min, options.max)}.`;
  },
  // A count is a question about the whole reply.
  paragraphLocal: () => false,
};
