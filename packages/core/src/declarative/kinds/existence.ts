import { findInRange, scopeRange, type Scope } from '../matchers.js';
import type { RuleKind } from './kind.js';
import { describeExceptions, describeMatchers, describeScope, hasMatchers, matcherFor, matchesParagraphLocally, MATCHING_PARAMETERS } from './matching.js';
import { contextValues, messageText } from './message.js';

/** Words or patterns to avoid: one message per match. */
export const existence: RuleKind = {
  name: 'existence',
  parameters: { ...MATCHING_PARAMETERS },
  placeholders: ['match'],
  fixable: false,
  validate(definition, refuse) {
    if (!hasMatchers(definition)) refuse(['kind'], 'an existence rule needs `tokens` (words or phrases) or `patterns` (regular expressions)');
  },
  check(context, params, message) {
    const range = scopeRange(context, params.scope as Scope);
    if (!range) return;
    for (const span of findInRange(matcherFor(params), context, range)) {
      context.report({ message: messageText(message, { ...contextValues(context), match: span.text }), start: span.start, end: span.end });
    }
  },
  summary: (options) => `Looks for ${describeMatchers(options)}${describeScope(options)}${describeExceptions(options)}.`,
  paragraphLocal: (options) => matchesParagraphLocally(options, [options.patterns, options.exceptions]),
};
