import weakMemoize from '@emotion/weak-memoize';
import { compromisePattern, regex } from '../../schema-parts.js';
import { parseCompromisePattern } from '../expressions.js';
import { scopeRange, type Scope } from '../matchers.js';
import { compileUserPattern, type UserPattern } from '../user-regex.js';
import type { Params, RuleKind } from './kind.js';
import { describeExceptions, describeScope, matchesParagraphLocally, MATCHING_PARAMETERS } from './matching.js';
import { contextValues, messageText } from './message.js';

/**
 * Words compromise can find in a contraction or a fused form that the raw text does not spell
 * out ("we'll" matches `will`, "can't" and "cannot" match `not`, "gonna" matches `going`), so a
 * pattern's literal words in this list cannot be used to skip the parse.
 */
const IMPLICIT_WORDS = new Set(
  'will shall would should could must might may not am is are was were has have had do does did us going to want got gotta of let me them you all can'.split(' '),
);

/** Literal words a compromise pattern cannot match without (for a cheap prefilter). */
export function requiredLiterals(pattern: string): string[][] {
  const groups: string[][] = [];
  const terms = pattern.match(/\((?:[^()]|\([^()]*\))*\)[?*+]?|\[[^\]]*\][?*+]?|\S+/g) ?? [];
  for (let term of terms) {
    if (/[?*]$/.test(term) || /^\[/.test(term)) continue;
    term = term.replace(/\+$/, '');
    const inner = term.startsWith('(') && term.endsWith(')') ? term.slice(1, -1) : term;
    const options = inner.split('|').map((option) => option.toLowerCase());
    // Plain ASCII words only: compromise folds apostrophes, accents and hyphens in its own ways.
    if (options.every((option) => /^[a-z0-9]+$/.test(option) && !IMPLICIT_WORDS.has(option))) groups.push(options);
  }
  return groups;
}

interface PatternPlan {
  patterns: string[];
  /** The patterns parsed once, their `/regex/` terms on the safe engine. */
  parsed: unknown[];
  prefilter?: UserPattern;
  literals: string[][];
  exceptions: UserPattern[];
}

/** A pattern rule's plan, made once per parameter object, not once per reply. */
const patternPlan = weakMemoize((params: Params): PatternPlan => {
  const patterns = patternsOf(params);
  const literalSets = patterns.map(requiredLiterals);
  return {
    patterns,
    parsed: patterns.map(parseCompromisePattern),
    prefilter: params.prefilter ? compileUserPattern(params.prefilter) : undefined,
    // Only usable when every pattern has some required literal.
    literals: literalSets.every((set) => set.length > 0) ? literalSets.map((set) => set[0]!) : [],
    exceptions: (params.exceptions ?? []).map((e: string) => compileUserPattern(e)),
  };
});

function patternsOf(params: Params): string[] {
  return Array.isArray(params.match) ? params.match : [params.match];
}

interface CompromiseMatch {
  offset: { start: number; length: number };
  terms?: Array<{ offset: { start: number; length: number } }>;
}

/**
 * Where a match is in the prose, from its words: a word compromise reads into a contraction
 * ("will" in "we'll") has no length of its own and would shift the match's overall offset.
 */
function matchSpan(found: CompromiseMatch): [number, number] {
  const words = (found.terms ?? []).filter((term) => term.offset.length > 0);
  if (words.length === 0) return [found.offset.start, found.offset.start + found.offset.length];
  return [Math.min(...words.map((t) => t.offset.start)), Math.max(...words.map((t) => t.offset.start + t.offset.length))];
}

/** compromise counts a word's trailing punctuation in the match ("3 days,"); the reply's words do not. */
const TRAILING = /[\s,.;:!?…"'’”)\]]+$/u;

/** Grammar: compromise match syntax over the parsed prose, one message per match. */
export const pattern: RuleKind = {
  name: 'pattern',
  parameters: {
    match: {
      anyOf: [compromisePattern, { type: 'array', minItems: 1, items: compromisePattern }],
      description: "compromise match syntax, e.g. '#Modal #Adverb? (guarantee|promise)' or '[#Value] (days|hours)'; a list matches any",
    },
    exceptions: MATCHING_PARAMETERS.exceptions,
    prefilter: { ...regex, description: 'A regular expression the prose must match before the (slower) pattern runs' },
    scope: { enum: ['prose', 'opening', 'closing'], description: 'Where to look: prose (default), opening (first sentence) or closing (last sentence)' },
  },
  required: ['match'],
  placeholders: ['match'],
  fixable: false,
  check(context, params, message) {
    const range = scopeRange(context, params.scope as Scope);
    if (!range) return;
    const plan = patternPlan(params);
    if (plan.prefilter && !plan.prefilter.test(context.prose)) return;
    if (plan.literals.length > 0) {
      const lower = context.prose.toLowerCase();
      if (!plan.literals.some((options) => options.some((literal) => lower.includes(literal)))) return;
    }
    const doc = context.analysis.nlp();
    const seen = new Set<number>();
    for (const p of plan.parsed) {
      for (const found of doc.match(p as string).json({ offset: true }) as CompromiseMatch[]) {
        const [start, rawEnd] = matchSpan(found);
        const raw = context.prose.slice(start, rawEnd);
        const text = raw.replace(TRAILING, '') || raw;
        const end = start + text.length;
        if (start < range.from || end > range.to) continue;
        if (seen.has(start) || plan.exceptions.some((exception) => exception.testWhole(text))) continue;
        seen.add(start);
        context.report({ message: messageText(message, { ...contextValues(context), match: text.trim() }), start, end });
      }
    }
  },
  summary: (options) => `Matches the compromise pattern ${patternsOf(options).map((p) => `'${p}'`).join(' or ')}${describeScope(options)}${describeExceptions(options)}.`,
  paragraphLocal: (options) => matchesParagraphLocally(options, [options.match, options.prefilter, options.exceptions]),
};
