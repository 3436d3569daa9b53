import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { RE2JS } from 're2js';
import { needsUnicodeFlag } from './regex.js';
import { BoundedCache } from '../bounded-cache.js';

/**
 * Regular expressions written by users (rule files, `.preachrc`, `--agent-signature`) run on
 * every keystroke of every agent on a team, and JavaScript cannot interrupt a running RegExp: one
 * pattern that backtracks catastrophically freezes the editor for minutes. So a user pattern
 * runs on one of two engines, chosen when it is compiled:
 * - JavaScript's own RegExp, only when the pattern is provably cheap for a backtracking engine:
 *   every repetition is bounded and the ways to match at one position are few (see
 *   `backtrackingCost`), so a scan costs at most a fixed number of steps per character;
 * - otherwise RE2 (re2js, a pure JavaScript port), which matches in time linear in the text
 *   whatever the pattern, but cannot run backreferences or lookahead, and is slower.
 * Patterns that ship with preach are trusted and always run on RegExp.
 */

/** Steps per position a pattern may cost to run on RegExp (paths × their length). */
export const NATIVE_STEP_LIMIT = 1000;
const MAX_PATTERN_LENGTH = 2000;

/** Patterns written by preach itself (built-in rules and situations). */
const trustedPatterns = new Set<string>();

/** Marks patterns that ship with preach, which may use anything RegExp offers. */
export function trustPatterns(patterns: Iterable<string>): void {
  for (const pattern of patterns) trustedPatterns.add(pattern);
}

export type RegexEngine = 'native' | 're2';

export interface UserPatternOptions {
  /** Default true: rule patterns are case-insensitive unless a rule says `ignorecase: false`. */
  ignoreCase?: boolean;
}

/** One match: where it is, what it matched, and its groups (undefined when a group did not take part). */
export interface PatternMatch {
  index: number;
  text: string;
  groups: Array<string | undefined>;
}

/** A compiled user pattern: the same questions, whichever engine answers them. */
export interface UserPattern {
  readonly source: string;
  readonly engine: RegexEngine;
  /** Whether it matches anywhere in `text`. */
  test(text: string): boolean;
  /** Whether it matches the whole of `text`. */
  testWhole(text: string): boolean;
  /** The first match in `text`, or undefined. */
  first(text: string): PatternMatch | undefined;
  /** Every match from `from` on, leftmost first, not overlapping; empty matches are skipped. */
  all(text: string, from?: number): PatternMatch[];
  /** `text`, which the pattern matches whole, with `replacement` (`$1`, `$&` as in String.replace). */
  replaceWhole(text: string, replacement: string): string;
}

/**
 * Why a user pattern cannot be used, or undefined when it can. The reason reads after the
 * pattern ("pattern "x" …") and says what to do.
 */
export function userPatternProblem(pattern: string, options: UserPatternOptions = {}): string | undefined {
  try {
    compileUserPattern(pattern, options);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const compiledCache = new BoundedCache<string, UserPattern>(2000);

/** Compiles a user pattern on the engine that can run it safely; throws with a reason otherwise. */
export function compileUserPattern(pattern: string, options: UserPatternOptions = {}): UserPattern {
  const ignoreCase = options.ignoreCase !== false;
  const key = `${ignoreCase ? 'i' : '-'}${pattern}`;
  return compiledCache.get(key) ?? compiledCache.set(key, compile(pattern, ignoreCase));
}

/** Which engine a pattern would run on (for docs, tests and `preach rules`). */
export function engineFor(pattern: string): RegexEngine {
  return compileUserPattern(pattern).engine;
}

function compile(pattern: string, ignoreCase: boolean): UserPattern {
  if (trustedPatterns.has(pattern)) return nativePattern(pattern, ignoreCase);
  if (pattern.length > MAX_PATTERN_LENGTH) throw new Error(`is longer than ${MAX_PATTERN_LENGTH.toLocaleString('en')} characters; split it into several patterns`);
  let ast: AST.Pattern;
  try {
    new RegExp(pattern, 'u');
    ast = new RegExpParser({ ecmaVersion: 2024 }).parsePattern(pattern, 0, pattern.length, { unicode: true });
  } catch (error) {
    throw new Error(`is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /s, '')}`);
  }
  if (backtrackingCost(ast) <= NATIVE_STEP_LIMIT) return nativePattern(pattern, ignoreCase);
  const unsupported = unsupportedByRe2(ast);
  if (unsupported) {
    throw new Error(
      `uses ${unsupported}, which the linear-time engine cannot run, and the standard engine could take minutes on a pattern this open-ended and freeze the editor; ` +
        'rewrite it without it, or bound every repetition (e.g. "{1,20}" instead of "+" or "*") and keep the alternatives few so the standard engine can run it safely',
    );
  }
  try {
    return re2Pattern(pattern, toRe2Syntax(pattern, ast), ignoreCase);
  } catch (error) {
    throw new Error(`cannot run on the linear-time engine: ${(error as Error).message.replace(/^error parsing regexp: /, '')}; rewrite it or bound every repetition`);
  }
}

function nativePattern(source: string, ignoreCase: boolean): UserPattern {
  const flags = `${ignoreCase ? 'i' : ''}${needsUnicodeFlag(source) ? 'u' : ''}`;
  const anywhere = new RegExp(source, flags);
  const global = new RegExp(source, `g${flags}`);
  const whole = new RegExp(`^(?:${source})$`, flags);
  const toMatch = (match: RegExpExecArray): PatternMatch => ({ index: match.index, text: match[0], groups: match.slice(1) });
  return {
    source,
    engine: 'native',
    test: (text) => anywhere.test(text),
    testWhole: (text) => whole.test(text),
    first(text) {
      const match = anywhere.exec(text);
      return match ? toMatch(match) : undefined;
    },
    all(text, from = 0) {
      const found: PatternMatch[] = [];
      global.lastIndex = from;
      let match: RegExpExecArray | null;
      while ((match = global.exec(text))) {
        if (match[0].length === 0) global.lastIndex++;
        else found.push(toMatch(match));
      }
      return found;
    },
    replaceWhole: (text, replacement) => text.replace(whole, replacement),
  };
}

function re2Pattern(source: string, translated: string, ignoreCase: boolean): UserPattern {
  const flags = (ignoreCase ? RE2JS.CASE_INSENSITIVE : 0) | (/\(\?<[=!]/.test(translated) ? RE2JS.LOOKBEHINDS : 0);
  const regex = RE2JS.compile(translated, flags);
  const whole = RE2JS.compile(`^(?:${translated})$`, flags);
  const groupCount = regex.groupCount();
  const toMatch = (matcher: ReturnType<typeof regex.matcher>): PatternMatch => ({
    index: matcher.start(),
    text: matcher.group() ?? '',
    groups: Array.from({ length: groupCount }, (_, i) => matcher.group(i + 1) ?? undefined),
  });
  return {
    source,
    engine: 're2',
    test: (text) => regex.test(text),
    testWhole: (text) => whole.testExact(text),
    first(text) {
      const matcher = regex.matcher(text);
      return matcher.find() ? toMatch(matcher) : undefined;
    },
    all(text, from = 0) {
      const found: PatternMatch[] = [];
      const matcher = regex.matcher(text);
      let at = from;
      while (at <= text.length && matcher.find(at)) {
        if (matcher.end() === matcher.start()) {
          at = matcher.end() + 1;
          continue;
        }
        found.push(toMatch(matcher));
        at = matcher.end();
      }
      return found;
    },
    replaceWhole: (text, replacement) => whole.matcher(text).replaceFirst(replacement),
  };
}

/**
 * An upper bound on the steps a backtracking engine spends trying the pattern at one position:
 * the number of ways it can match (each alternative, each count of a repetition) times the
 * longest match. Infinite when a repetition is open-ended (`*`, `+`, `{2,}`): then a run of
 * matching text makes every position cost the length of the run, or worse.
 */
export function backtrackingCost(pattern: AST.Pattern): number {
  const groups = new Map<AST.CapturingGroup, Shape>();
  const { paths, length } = shapeOf(pattern, groups);
  return paths * (length + 1);
}

interface Shape {
  /** Ways to match (or fail) at one position. */
  paths: number;
  /** Longest text matched, in characters. */
  length: number;
}

const CAP = 1e12;
const cap = (value: number) => (value > CAP ? Infinity : value);

function shapeOf(node: AST.Node, groups: Map<AST.CapturingGroup, Shape>): Shape {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
    case 'Assertion':
      if (node.type === 'Assertion' && node.kind !== 'lookahead' && node.kind !== 'lookbehind') return { paths: 1, length: 0 };
      return choice((node as AST.Pattern | AST.Group | AST.CapturingGroup | AST.LookaroundAssertion).alternatives.map((a) => shapeOf(a, groups)), node, groups);
    case 'Alternative': {
      let paths = 1;
      let length = 0;
      for (const element of node.elements) {
        const shape = shapeOf(element, groups);
        paths = cap(paths * shape.paths);
        length = cap(length + shape.length);
      }
      return { paths, length };
    }
    case 'Quantifier': {
      if (node.max === Infinity) return { paths: Infinity, length: Infinity };
      const inner = shapeOf(node.element, groups);
      let paths = 0;
      let power = inner.paths ** node.min;
      for (let count = node.min; count <= node.max && paths < CAP; count++) {
        paths = cap(paths + power);
        power = cap(power * inner.paths);
      }
      return { paths: cap(paths), length: cap(inner.length * node.max) };
    }
    case 'Backreference': {
      const refs = Array.isArray(node.resolved) ? node.resolved : [node.resolved];
      return { paths: 1, length: Math.max(...refs.map((group) => groups.get(group)?.length ?? Infinity)) };
    }
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
    case 'ExpressionCharacterClass':
      return { paths: 1, length: 2 };
    default:
      return { paths: Infinity, length: Infinity };
  }
}

function choice(alternatives: Shape[], node: AST.Node, groups: Map<AST.CapturingGroup, Shape>): Shape {
  const shape = { paths: cap(alternatives.reduce((sum, a) => sum + a.paths, 0)), length: Math.max(0, ...alternatives.map((a) => a.length)) };
  if (node.type === 'CapturingGroup') groups.set(node, shape);
  return shape;
}

/** What RE2 cannot run, in words, or undefined. re2js runs lookbehind without captures inside. */
function unsupportedByRe2(pattern: AST.Pattern): string | undefined {
  let found: string | undefined;
  const visit = (node: AST.Node, inLookbehind: boolean): void => {
    if (found) return;
    switch (node.type) {
      case 'Backreference':
        found = `a backreference (${node.raw})`;
        return;
      case 'Assertion':
        if (node.kind === 'lookahead') {
          found = `a lookahead ("${node.raw.slice(0, 3)}…")`;
          return;
        }
        if (node.kind === 'lookbehind') for (const a of node.alternatives) visit(a, true);
        return;
      case 'CapturingGroup':
        if (inLookbehind) {
          found = 'a capturing group inside a lookbehind (use "(?:…)" there)';
          return;
        }
        for (const a of node.alternatives) visit(a, inLookbehind);
        return;
      case 'Pattern':
      case 'Group':
        for (const a of node.alternatives) visit(a, inLookbehind);
        return;
      case 'Alternative':
        for (const e of node.elements) visit(e, inLookbehind);
        return;
      case 'Quantifier':
        visit(node.element, inLookbehind);
        return;
      default:
        return;
    }
  };
  visit(pattern, false);
  return found;
}

/** JavaScript's `\s` (RE2's covers ASCII white space only; replies carry no-break spaces). */
const JS_SPACE = '\\t\\n\\v\\f\\r \\x{00a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';

/** The pattern in RE2's syntax: JavaScript escapes, named groups and `\s` as JavaScript means them. */
function toRe2Syntax(source: string, pattern: AST.Pattern): string {
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const visit = (node: AST.Node, inClass: boolean): void => {
    switch (node.type) {
      case 'CharacterSet':
        if (node.kind === 'space') {
          if (inClass) edits.push({ start: node.start, end: node.end, text: node.negate ? '\\S' : JS_SPACE });
          else edits.push({ start: node.start, end: node.end, text: node.negate ? `[^${JS_SPACE}]` : `[${JS_SPACE}]` });
        }
        return;
      case 'CharacterClass':
        for (const element of node.elements) visit(element, true);
        return;
      case 'Pattern':
      case 'Group':
      case 'CapturingGroup':
        for (const a of node.alternatives) visit(a, inClass);
        return;
      case 'Assertion':
        if (node.kind === 'lookahead' || node.kind === 'lookbehind') for (const a of node.alternatives) visit(a, inClass);
        return;
      case 'Alternative':
        for (const e of node.elements) visit(e, inClass);
        return;
      case 'Quantifier':
        visit(node.element, inClass);
        return;
      default:
        return;
    }
  };
  visit(pattern, false);
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return RE2JS.translateRegExp(out);
}

/**
 * One RE2 scanner for several patterns that need it (`(?:a)|(?:b)`), so a reply is read once
 * whatever the number of patterns; separate scanners if the patterns cannot share one (two
 * groups of the same name).
 */
export function combineLinear(patterns: readonly UserPattern[], ignoreCase: boolean): UserPattern[] {
  if (patterns.length < 2) return [...patterns];
  const translated = patterns.map((pattern) => `(?:${toRe2Syntax(pattern.source, parseUnicode(pattern.source))})`).join('|');
  try {
    return [re2Pattern(patterns.map((p) => `(?:${p.source})`).join('|'), translated, ignoreCase)];
  } catch {
    return [...patterns];
  }
}

function parseUnicode(pattern: string): AST.Pattern {
  return new RegExpParser({ ecmaVersion: 2024 }).parsePattern(pattern, 0, pattern.length, { unicode: true });
}
