import type { Ajv, ErrorObject } from 'ajv';
import type { DataValidationCxt } from 'ajv/dist/types/index.js';
import { closestMatch } from '../did-you-mean.js';
import { nlp } from '../text/compromise.js';
import { compileUserPattern, userPatternProblem } from './user-regex.js';

/**
 * Regular expressions and compromise patterns in rule files and config are checked by the
 * schema itself (keyword `preachExpression`), so every way in — a rule file, a pack file, a
 * rule's options in `.preachrc`, an example's options, a `when` override — refuses a pattern
 * that would not compile or could freeze the editor, with the file, line and key.
 */
export type ExpressionKind = 'regex' | 'compromise' | 'swap';

export const COMPROMISE_SYNTAX_URL = 'https://observablehq.com/@spencermountain/compromise-match-syntax';

export function registerExpressionKeywords(ajv: Ajv): void {
  if (ajv.getKeyword('preachExpression')) return;
  ajv.addKeyword({
    keyword: 'preachExpression',
    schemaType: 'string',
    errors: true,
    validate: function validate(kind: ExpressionKind, data: unknown, _parent?: unknown, context?: DataValidationCxt) {
      const problems = expressionProblems(kind, data, ruleNamed(context));
      (validate as { errors?: Partial<ErrorObject>[] }).errors = problems.map(({ path, message }) => ({
        keyword: 'preachExpression',
        instancePath: `${context?.instancePath ?? ''}${path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`,
        message,
        params: { kind },
      }));
      return problems.length === 0;
    },
  });
}

/** ` in rule "id"` for a pattern inside a pack file's `rules:` list, where the line alone names no rule. */
function ruleNamed(context: DataValidationCxt | undefined): string {
  const index = /^\/rules\/(\d+)(?:\/|$)/.exec(context?.instancePath ?? '')?.[1];
  const rules = (context?.rootData as { rules?: unknown } | undefined)?.rules;
  const id = index !== undefined && Array.isArray(rules) ? (rules[Number(index)] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === 'string' ? ` in rule "${id}"` : '';
}

function expressionProblems(kind: ExpressionKind, data: unknown, inRule = ''): Array<{ path: string[]; message: string }> {
  if (kind === 'regex' && typeof data === 'string') {
    const reason = userPatternProblem(data);
    return reason ? [{ path: [], message: `pattern ${JSON.stringify(data)}${inRule} ${reason}` }] : [];
  }
  if (kind === 'compromise' && typeof data === 'string') {
    const reason = compromisePatternProblem(data);
    return reason ? [{ path: [], message: `compromise pattern ${JSON.stringify(data)}${inRule} ${reason} (syntax: ${COMPROMISE_SYNTAX_URL})` }] : [];
  }
  if (kind === 'swap' && data && typeof data === 'object') {
    // Swap keys are regular expressions only with `regex: true`; literal phrases are escaped.
    const { regex, swap } = data as { regex?: unknown; swap?: unknown };
    if (regex !== true || !swap || typeof swap !== 'object') return [];
    return Object.keys(swap).flatMap((key) => {
      const reason = userPatternProblem(key);
      return reason ? [{ path: ['swap', key], message: `pattern ${JSON.stringify(key)}${inRule} ${reason}` }] : [];
    });
  }
  return [];
}

/**
 * A compromise match pattern parsed once, for `doc.match`. compromise runs a `/regex/` term with
 * RegExp on each word; the term is handed a user pattern instead, so it runs on the safe engine.
 */
export function parseCompromisePattern(pattern: string): unknown[] {
  const terms = nlp.parseMatch(pattern, {}) as ParsedTerm[];
  for (const term of flatten(terms)) {
    if (term.regex) {
      const safe = compileUserPattern(term.regex.source, { ignoreCase: term.regex.ignoreCase });
      term.regex = { test: (text: string) => safe.test(text) } as RegExp;
    }
  }
  return terms;
}

let knownTags: Map<string, string> | undefined;

/** compromise's tags, by lower-case name (a pattern may write `#modal` for `#Modal`). */
function tagNames(): Map<string, string> {
  knownTags ??= new Map(Object.keys((nlp.model() as { one: { tagSet: Record<string, unknown> } }).one.tagSet).map((tag) => [tag.toLowerCase(), tag]));
  return knownTags;
}

interface ParsedTerm {
  tag?: string;
  regex?: RegExp;
  choices?: ParsedTerm[][];
  fastOr?: Set<string>;
}

/**
 * Why a compromise match pattern is refused, or undefined. compromise accepts almost any string
 * and silently matches nothing, so the mistakes people make are caught here: unbalanced
 * brackets, a misspelt tag (`#Modl`), an unsafe `/regex/` term.
 */
export function compromisePatternProblem(pattern: string): string | undefined {
  if (!pattern.trim()) return 'is empty';
  const brackets = unbalancedBracket(pattern);
  if (brackets) return brackets;
  let terms: ParsedTerm[];
  try {
    terms = nlp.parseMatch(pattern, {}) as ParsedTerm[];
  } catch (error) {
    return `could not be read: ${(error as Error).message}`;
  }
  for (const term of flatten(terms)) {
    if (term.tag !== undefined && !tagNames().has(term.tag.toLowerCase())) {
      const suggestion = closestMatch(term.tag, tagNames().values());
      return `uses the unknown tag "#${term.tag}"${suggestion ? ` (did you mean "#${suggestion}"?)` : ''}; tags are compromise's parts of speech, such as #Noun, #Verb, #Modal, #Adverb, #Value, #Person`;
    }
  }
  for (const match of pattern.matchAll(/\/((?:[^/\\]|\\.)+)\//g)) {
    const reason = userPatternProblem(match[1]!);
    if (reason) return `has a regular expression /${match[1]}/ that ${reason}`;
  }
  try {
    nlp('We will definitely send it by Friday.').match(pattern);
  } catch (error) {
    return `could not be read: ${(error as Error).message}`;
  }
  return undefined;
}

function flatten(terms: ParsedTerm[]): ParsedTerm[] {
  return terms.flatMap((term) => [term, ...(term.choices ?? []).flatMap(flatten)]);
}

function unbalancedBracket(pattern: string): string | undefined {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const open: string[] = [];
  let inRegex = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === '/') inRegex = !inRegex;
    if (inRegex) continue;
    if (char === '(' || char === '[' || char === '{') open.push(char);
    else if (pairs[char]) {
      if (open.pop() !== pairs[char]) return `has a "${char}" without a matching "${pairs[char]}"`;
    }
  }
  if (inRegex) return 'has a "/" that starts a regular expression but never ends it';
  if (open.length > 0) return `has an unclosed "${open[open.length - 1]}"`;
  return undefined;
}
