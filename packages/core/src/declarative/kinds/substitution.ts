import weakMemoize from '@emotion/weak-memoize';
import { compileMatcher, findInRange, interpolate, matchCase, scopeRange, type Scope } from '../matchers.js';
import { compileUserPattern, type UserPattern } from '../user-regex.js';
import type { Params, RuleKind } from './kind.js';
import { describeExceptions, describeScope, matchesParagraphLocally, MATCHING_PARAMETERS } from './matching.js';
import { CONTEXT_PLACEHOLDERS, contextValues, messageText } from './message.js';

interface SwapTable {
  matcher: ReturnType<typeof compileMatcher>;
  literal: Map<string, string>;
  regexes: Array<[UserPattern, string]>;
}

/** The swaps compiled once per parameter object, not once per reply. */
const swapTable = weakMemoize((params: Params): SwapTable => {
  const swap = params.swap as Record<string, string>;
  const keys = Object.keys(swap);
  return params.regex
    ? {
        matcher: compileMatcher({ patterns: keys, ignorecase: params.ignorecase, exceptions: params.exceptions }),
        literal: new Map(),
        regexes: keys.map((key) => [compileUserPattern(key, { ignoreCase: params.ignorecase !== false }), swap[key]!]),
      }
    : {
        matcher: compileMatcher({ tokens: keys, ignorecase: params.ignorecase, nonword: params.nonword, exceptions: params.exceptions }),
        literal: new Map(keys.map((key) => [normalise(key, params.ignorecase !== false), swap[key]!])),
        regexes: [],
      };
});

function normalise(phrase: string, ignoreCase: boolean): string {
  const collapsed = phrase.trim().replace(/\s+/g, ' ');
  return ignoreCase ? collapsed.toLowerCase() : collapsed;
}

/** The replacement options for a match: literal swaps as written, regex swaps with `$1` filled. */
function replacementsFor(table: SwapTable, text: string, ignoreCase: boolean): string[] | undefined {
  const literal = table.literal.get(normalise(text, ignoreCase));
  if (literal !== undefined) return literal.split('|').map((option) => option.trim());
  const entry = table.regexes.find(([regex]) => regex.testWhole(text));
  if (!entry) return undefined;
  const [regex, replacement] = entry;
  return replacement.split('|').map((option) => regex.replaceWhole(text, option.trim()));
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Words to replace, each with its fix: one message per match, with the replacement as a fix. */
export const substitution: RuleKind = {
  name: 'substitution',
  parameters: {
    ignorecase: MATCHING_PARAMETERS.ignorecase,
    nonword: MATCHING_PARAMETERS.nonword,
    exceptions: MATCHING_PARAMETERS.exceptions,
    scope: MATCHING_PARAMETERS.scope,
    swap: {
      type: 'object',
      minProperties: 1,
      additionalProperties: { type: 'string' },
      description: 'Phrase (or regular expression) → replacement; "a|b" offers several fixes; with regex: true, $1 inserts a captured group',
    },
    regex: { type: 'boolean', description: 'Treat swap keys as regular expressions (default false: literal phrases)' },
  },
  required: ['swap'],
  keywords: { preachExpression: 'swap' },
  placeholders: ['match', 'replacement'],
  fixable: true,
  validate(definition, refuse) {
    // A replacement may name the conversation ("Hi {{customer_name}}"), nothing else.
    for (const [phrase, replacement] of Object.entries((definition.swap ?? {}) as Record<string, string>)) {
      for (const placeholder of String(replacement).matchAll(PLACEHOLDER)) {
        if (!CONTEXT_PLACEHOLDERS.includes(placeholder[1]!)) {
          refuse(['swap', phrase], `uses {{${placeholder[1]}}}, which a replacement cannot fill`, `Placeholders in replacements: ${CONTEXT_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`);
        }
      }
    }
  },
  check(context, params, message) {
    const range = scopeRange(context, params.scope as Scope);
    if (!range) return;
    const table = swapTable(params);
    for (const span of findInRange(table.matcher, context, range)) {
      const options = replacementsFor(table, span.text, params.ignorecase !== false);
      if (options === undefined) continue;
      // A replacement may name the context ("Hi {{customer_name}}"); an option whose value is
      // unknown is dropped rather than offered with a placeholder in it.
      const values = contextValues(context);
      const fixes = options
        .map((option) => interpolate(option, values))
        .filter((option) => !/\{\{\s*\w+\s*\}\}/.test(option))
        .map((option) => matchCase(option, span.text));
      // Already one of the accepted forms (a swap that only fixes capitals, "Github: GitHub").
      if (fixes.includes(span.text)) continue;
      context.report({
        message: messageText(message, { ...values, match: span.text, replacement: fixes.join('” or “') }),
        start: span.start,
        end: span.end,
        fix: fixes.length ? fixes : undefined,
      });
    }
  },
  summary(options) {
    const swaps = Object.entries((options.swap ?? {}) as Record<string, string>);
    const shown = swaps.slice(0, 4).map(([from, to]) => `"${from}" → "${to.split('|').join('" or "')}"`);
    return `Replaces ${shown.join(', ')}${swaps.length > 4 ? ` and ${swaps.length - 4} more` : ''}${options.regex ? ' (regular expressions)' : ''}${describeScope(options)}${describeExceptions(options)}.`;
  },
  paragraphLocal: (options) => matchesParagraphLocally(options, [options.exceptions, options.regex ? Object.keys(options.swap ?? {}) : undefined]),
};
