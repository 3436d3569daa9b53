import weakMemoize from '@emotion/weak-memoize';
import { regexList } from '../../schema-parts.js';
import { compileMatcher, type MatcherSpec } from '../matchers.js';
import type { Params } from './kind.js';

/**
 * The parameters of kinds that look for words and patterns (existence, require, and in part
 * substitution and occurrence): their schema, their compiled matcher, and how they read in
 * `preach explain`.
 */
export const MATCHING_PARAMETERS = {
  tokens: { type: 'array', items: { type: 'string', pattern: '\\S' }, description: 'Words or phrases, matched as whole words (spaces match any whitespace)' },
  patterns: { ...regexList, description: 'Regular expressions (JavaScript syntax, case-insensitive unless ignorecase: false)' },
  ignorecase: { type: 'boolean', description: 'Default true' },
  nonword: { type: 'boolean', description: 'Do not require word boundaries around tokens (default false)' },
  exceptions: { ...regexList, description: 'Regular expressions; a match that also matches one of these in full is not reported' },
  scope: { enum: ['prose', 'raw', 'opening', 'closing'], description: 'Where to look: prose (default), raw (the whole text, code and URLs too), opening (first sentence), closing (last sentence)' },
};

/** Matchers are compiled once per parameter object, not once per reply. */
export const matcherFor = weakMemoize((params: Params) => compileMatcher(params as MatcherSpec));

/** Whether a rule definition names anything to look for. */
export function hasMatchers(params: Params): boolean {
  return Boolean(params.tokens?.length || params.patterns?.length);
}

/** `"a", "b" and 3 more, /x/` */
export function describeMatchers(options: Params): string {
  const tokens: string[] = options.tokens ?? [];
  const patterns: string[] = options.patterns ?? [];
  const parts: string[] = [];
  if (tokens.length) parts.push(`${tokens.slice(0, 5).map((t) => `"${t}"`).join(', ')}${tokens.length > 5 ? ` and ${tokens.length - 5} more` : ''}`);
  if (patterns.length) parts.push(patterns.slice(0, 3).map((p) => `/${p}/`).join(', ') + (patterns.length > 3 ? ` and ${patterns.length - 3} more patterns` : ''));
  return parts.join(', ') || 'nothing';
}

/** `, except /x/` (or nothing). */
export function describeExceptions(options: Params): string {
  const list: string[] = options.exceptions ?? [];
  return list.length ? `, except ${list.map((e) => `/${e}/`).join(', ')}` : '';
}

const SCOPES: Record<string, string> = { raw: 'anywhere in the text, code and links included', opening: 'in the first sentence', closing: 'in the last sentence' };

/** `, in the first sentence` (or nothing for the prose as a whole). */
export function describeScope(options: Params): string {
  return options.scope && SCOPES[options.scope] ? `, ${SCOPES[options.scope]}` : '';
}

/**
 * Whether matching these expressions over the prose finds the same in a paragraph as in the
 * whole reply: not with another scope, and not with `^`/`$`, which mean the start/end of the text.
 */
export function matchesParagraphLocally(options: Params, expressions: unknown[]): boolean {
  if ((options.scope ?? 'prose') !== 'prose') return false;
  return !expressions
    .flat()
    .filter((value): value is string => typeof value === 'string')
    .some((expression) => /(?<!\\)\$|(?<![\\[])\^/.test(expression));
}
