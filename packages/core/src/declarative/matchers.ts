import type { RuleContext, Span } from '../types.js';
import { onWordBoundaries, SEGMENTED_LANGUAGES, wordBoundaries as wordBoundariesOf } from '../text/segment.js';
import { needsUnicodeFlag as needsUnicode, phraseAlternations } from './regex.js';
import { combineLinear, compileUserPattern } from './user-regex.js';

export type Scope = 'prose' | 'raw' | 'opening' | 'closing';

export interface MatcherSpec {
  tokens?: string[];
  patterns?: string[];
  ignorecase?: boolean;
  nonword?: boolean;
  exceptions?: string[];
}

export interface Matcher {
  /** All matches in `text` between `from` and `to`. */
  find(text: string, from?: number, to?: number): Span[];
  /**
   * The same for a language whose words are segmented (Thai, Chinese, Japanese, Korean): tokens
   * match anywhere, and count only when they start and end on word boundaries (`boundaries`,
   * from `Intl.Segmenter`), since there are no spaces to mark them. Patterns match as written.
   */
  findSegmented(text: string, from: number, to: number, boundaries: ReadonlySet<number>, language: string): Span[];
}

/**
 * Compiles tokens (literal phrases) and patterns (regular expressions) into as few scanners as
 * possible. Tokens, and patterns cheap enough for RegExp (see user-regex.ts), share one or two
 * RegExp alternations; the other patterns share one linear-time RE2 alternation.
 */
export function compileMatcher(spec: MatcherSpec): Matcher {
  const ignoreCase = spec.ignorecase !== false;
  const patterns = (spec.patterns ?? []).map((pattern) => compileUserPattern(pattern, { ignoreCase }));
  const sources = [
    // Longest phrases first, so "prior to" wins over "prior" where both are listed.
    ...phraseAlternations([...(spec.tokens ?? [])].sort((a, b) => b.length - a.length), !spec.nonword),
    ...patterns.filter((pattern) => pattern.engine === 'native').map((pattern) => `(?:${pattern.source})`),
  ];
  const linear = patterns.filter((pattern) => pattern.engine === 're2');
  if (sources.length === 0 && linear.length === 0) return { find: () => [], findSegmented: () => [] };
  const plain = sources.filter((source) => !needsUnicode(source));
  const unicode = sources.filter(needsUnicode);
  const regexes = [
    ...(plain.length ? [new RegExp(plain.join('|'), ignoreCase ? 'gi' : 'g')] : []),
    ...(unicode.length ? [new RegExp(unicode.join('|'), ignoreCase ? 'giu' : 'gu')] : []),
  ];
  const scanners = linear.length ? combineLinear(linear, ignoreCase) : [];
  const exceptions = (spec.exceptions ?? []).map((pattern) => compileUserPattern(pattern, { ignoreCase }));
  const excepted = (text: string) => exceptions.some((exception) => exception.testWhole(text));
  // Tokens without word-boundary guards, for segmented languages: compiled on first use.
  let segmentedTokens: Matcher | undefined;
  const nativePatterns = patterns.filter((pattern) => pattern.engine === 'native').map((pattern) => pattern.source);
  const rest = { patterns: spec.patterns, ignorecase: spec.ignorecase, exceptions: spec.exceptions };
  let patternsOnly: Matcher | undefined;
  const matcher: Matcher = {
    find(text, from = 0, to = text.length) {
      const region = from === 0 && to === text.length ? text : text.slice(0, to);
      const found: Span[] = [];
      for (const regex of regexes) {
        regex.lastIndex = from;
        let match: RegExpExecArray | null;
        while ((match = regex.exec(region))) {
          if (match[0].length === 0) {
            regex.lastIndex++;
            continue;
          }
          if (excepted(match[0])) continue;
          found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
        }
      }
      for (const scanner of scanners) {
        for (const match of scanner.all(region, from)) {
          if (!excepted(match.text)) found.push({ start: match.index, end: match.index + match.text.length, text: match.text });
        }
      }
      return regexes.length + scanners.length > 1 ? withoutOverlaps(found) : found;
    },
    findSegmented(text, from, to, boundaries, language) {
      if (!spec.tokens?.length) return matcher.find(text, from, to);
      segmentedTokens ??= compileMatcher({ tokens: spec.tokens, ignorecase: spec.ignorecase, nonword: true, exceptions: spec.exceptions });
      patternsOnly ??= nativePatterns.length || linear.length ? compileMatcher(rest) : { find: () => [], findSegmented: () => [] };
      const tokens = segmentedTokens.find(text, from, to).filter((span) => onWordBoundaries(text, span.start, span.end, boundaries, language));
      return withoutOverlaps([...tokens, ...patternsOnly.find(text, from, to)]);
    },
  };
  return matcher;
}

/** Leftmost, then longest, as one alternation would match. */
function withoutOverlaps(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of spans) if (!kept.length || span.start >= kept[kept.length - 1]!.end) kept.push(span);
  return kept;
}

/** The text and range a rule looks at for a scope. */
export function scopeRange(context: RuleContext, scope: Scope = 'prose'): { text: string; from: number; to: number } | undefined {
  switch (scope) {
    case 'raw':
      return { text: context.text, from: 0, to: context.text.length };
    case 'opening': {
      const first = context.analysis.sentences()[0];
      return first && { text: context.prose, from: first.start, to: first.end };
    }
    case 'closing': {
      const sentences = context.analysis.sentences();
      const last = sentences[sentences.length - 1];
      return last && { text: context.prose, from: last.start, to: last.end };
    }
    default:
      return { text: context.prose, from: 0, to: context.prose.length };
  }
}

/**
 * Matches in a scope's range: on segmented words for Thai, Chinese, Japanese and Korean replies
 * (a token is a whole word there when `Intl.Segmenter` says so, not when spaces surround it).
 */
export function findInRange(matcher: Matcher, context: RuleContext, range: { text: string; from: number; to: number }): Span[] {
  const language = context.reply.language?.id ?? 'en';
  if (!SEGMENTED_LANGUAGES.has(language)) return matcher.find(range.text, range.from, range.to);
  // Boundaries of the prose serve the raw text too: both have the same length and offsets.
  const boundaries = range.text === context.prose ? context.analysis.wordBoundaries() : wordBoundariesOf(range.text, language);
  return matcher.findSegmented(range.text, range.from, range.to, boundaries, language);
}

/** "{{match}} → {{replacement}}" interpolation for rule messages. `%s` is the match too (Vale style). */
export function interpolate(template: string, values: Record<string, string | number | undefined>): string {
  return template
    .replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (values[key] === undefined ? whole : String(values[key])))
    .replace(/%s/g, String(values.match ?? ''));
}

/**
 * Gives a lower-case replacement the capitalisation of the text it replaces. A replacement
 * with capitals of its own ("GitHub", "I'll"), or one for an acronym, is kept as written.
 */
export function matchCase(replacement: string, original: string): string {
  if (!replacement || /\p{Lu}/u.test(replacement)) return replacement;
  const allCaps = original.length > 1 && original === original.toUpperCase() && /\p{Lu}/u.test(original);
  // A short all-capitals word is an acronym ("ASAP" → "by 3 pm"), not shouting ("UTILIZE" → "USE").
  if (allCaps && original.length <= 4 && !/\s/.test(original)) return replacement;
  if (allCaps) return replacement.toUpperCase();
  if (/^\p{Lu}/u.test(original)) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}
