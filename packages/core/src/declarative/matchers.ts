import type { RuleContext, Span } from '../types.js';
import { phrasePattern } from './regex.js';

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
}

/** Compiles tokens (literal phrases) and patterns (regular expressions) into one scanner. */
export function compileMatcher(spec: MatcherSpec): Matcher {
  const flags = spec.ignorecase === false ? 'gu' : 'giu';
  const sources = [
    // Longest phrases first, so "prior to" wins over "prior" where both are listed.
    ...[...(spec.tokens ?? [])].sort((a, b) => b.length - a.length).map((token) => phrasePattern(token, !spec.nonword)),
    ...(spec.patterns ?? []).map((pattern) => `(?:${pattern})`),
  ];
  if (sources.length === 0) return { find: () => [] };
  const regex = new RegExp(sources.join('|'), flags);
  const exceptions = (spec.exceptions ?? []).map((pattern) => new RegExp(`^(?:${pattern})$`, flags.replace('g', '')));
  return {
    find(text, from = 0, to = text.length) {
      const found: Span[] = [];
      const region = from === 0 && to === text.length ? text : text.slice(0, to);
      regex.lastIndex = from;
      let match: RegExpExecArray | null;
      while ((match = regex.exec(region))) {
        if (match[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        if (exceptions.some((exception) => exception.test(match![0]))) continue;
        found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
      }
      return found;
    },
  };
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

/** "{{match}} → {{replacement}}" interpolation for rule messages. `%s` is the match too (Vale style). */
export function interpolate(template: string, values: Record<string, string | number | undefined>): string {
  return template
    .replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (values[key] === undefined ? whole : String(values[key])))
    .replace(/%s/g, String(values.match ?? ''));
}

/**
 * Gives a lower-case replacement the capitalisation of the text it replaces. A replacement
 * with capitals of its own ("GitHub", "I'll") is kept exactly as written.
 */
export function matchCase(replacement: string, original: string): string {
  if (!replacement || /\p{Lu}/u.test(replacement)) return replacement;
  if (original.length > 1 && original === original.toUpperCase() && /\p{Lu}/u.test(original)) return replacement.toUpperCase();
  if (/^\p{Lu}/u.test(original)) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}
