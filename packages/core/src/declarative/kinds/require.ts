import { findInRange, scopeRange, type Scope } from '../matchers.js';
import type { RuleKind } from './kind.js';
import { describeMatchers, describeScope, hasMatchers, matcherFor, MATCHING_PARAMETERS } from './matching.js';
import { contextValues, messageText } from './message.js';

/** Words or patterns a reply must contain (a sign-off, a next step): one message when none is there. */
export const requirement: RuleKind = {
  name: 'require',
  parameters: { ...MATCHING_PARAMETERS },
  placeholders: [],
  fixable: false,
  validate(definition, refuse) {
    if (!hasMatchers(definition)) refuse(['kind'], 'a require rule needs `tokens` (words or phrases) or `patterns` (regular expressions)');
  },
  check(context, params, message) {
    if (!context.prose.trim()) return;
    const range = scopeRange(context, params.scope as Scope);
    if (range && findInRange(matcherFor(params), context, range).length > 0) return;
    // Point at where the missing words belong: the last sentence for a closing, else the first.
    const sentences = context.analysis.sentences();
    const anchor = params.scope === 'closing' ? sentences[sentences.length - 1] : sentences[0];
    context.report({ message: messageText(message, contextValues(context)), start: anchor?.start ?? 0, end: anchor?.end ?? 0 });
  },
  summary: (options) => `Requires one of ${describeMatchers(options)}${describeScope(options)}.`,
  // Whether it is missing is a question about the whole reply.
  paragraphLocal: () => false,
};
