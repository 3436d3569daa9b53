import type { AST } from '@eslint-community/regexpp';
import { getFirstConsumedChar } from 'regexp-ast-analysis';
import { analyse, type Report } from 'scslre';

const MAX_PATTERN_LENGTH = 2000;

/**
 * Why a user-written regular expression is refused, or undefined when it is fine. Rule files
 * come from people, and one pattern that backtracks catastrophically would freeze every editor
 * on the team at each keystroke (JavaScript cannot interrupt a running regular expression), so
 * such patterns are rejected before they ever run:
 * - a quantifier that can trade characters with itself or with another one (`(a+)+`,
 *   `(x+x+)+y`, `a*a*a*b`): found by scslre, which also proposes a rewrite;
 * - a repeated group whose alternatives can start with the same character (`(a|aa)+`,
 *   `(a|a?)+`, `(.|\s)*`), which scslre does not look for.
 * Patterns are checked as they are used: case-insensitive, Unicode, embedded in a larger
 * expression (so a rejecting suffix is always assumed to exist).
 */
export function unsafeRegexReason(pattern: string, flags = 'iu'): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH.toLocaleString('en')} characters; split it into several patterns`;
  try {
    new RegExp(pattern, flags);
  } catch (error) {
    return `is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /s, '')}`;
  }
  let analysis: ReturnType<typeof analyse>;
  try {
    analysis = analyse({ source: pattern, flags }, { reportTypes: { Move: false }, assumeRejectingSuffix: true, maxReports: 1 });
  } catch (error) {
    return `could not be checked for safety: ${(error as Error).message}`;
  }
  const report = analysis.reports[0];
  if (report) return backtrackingReason(report);
  const alternation = ambiguousRepeatedAlternation(analysis.parsed.pattern, analysis.parsed.flags);
  if (alternation) {
    return `can take exponential time and freeze the editor: the repeated group "${alternation.raw}" has alternatives that can start with the same character, so the engine tries every way to split the text; make the alternatives start differently (e.g. "a(?:a)?" instead of "a|aa") or do not repeat the group`;
  }
  return undefined;
}

function backtrackingReason(report: Report): string {
  const growth = report.exponential ? 'exponential' : 'polynomial';
  const cause =
    report.type === 'Self'
      ? `"${report.quant.raw}" is repeated inside "${report.parentQuant.raw}"`
      : report.type === 'Trade'
        ? `"${report.startQuant.raw}" and "${report.endQuant.raw}" can both match the same run of "${report.character.pick}"`
        : 'a quantifier can match the same text in many ways';
  const fixed = safeFix(report);
  const suggestion = fixed ? `; an equivalent safe pattern is ${JSON.stringify(fixed)}` : '; remove the inner or outer repetition';
  return `can take ${growth} time and freeze the editor: ${cause}${suggestion}`;
}

function safeFix(report: Report): string | undefined {
  try {
    return report.fix()?.source;
  } catch {
    return undefined;
  }
}

type Node = AST.Node;

/** A repeated group (max > 1) containing alternatives whose first characters overlap. */
function ambiguousRepeatedAlternation(pattern: AST.Pattern, flags: AST.Flags): AST.Group | AST.CapturingGroup | undefined {
  let found: AST.Group | AST.CapturingGroup | undefined;
  const visit = (node: Node, repeated: boolean): void => {
    if (found) return;
    switch (node.type) {
      case 'Quantifier':
        visit(node.element, repeated || node.max > 1);
        return;
      case 'Group':
      case 'CapturingGroup':
        if (repeated && node.alternatives.length > 1 && alternativesOverlap(node.alternatives, flags)) {
          found = node;
          return;
        }
        for (const alternative of node.alternatives) visit(alternative, repeated);
        return;
      case 'Pattern':
        for (const alternative of node.alternatives) visit(alternative, repeated);
        return;
      case 'Alternative':
        for (const element of node.elements) visit(element, repeated);
        return;
      default:
        // Lookarounds consume nothing; characters and classes hold no alternatives.
        return;
    }
  };
  visit(pattern, false);
  return found;
}

function alternativesOverlap(alternatives: readonly AST.Alternative[], flags: AST.Flags): boolean {
  const firsts = alternatives.map((alternative) => getFirstConsumedChar(alternative, 'ltr', flags).char);
  for (let i = 0; i < firsts.length; i++) {
    for (let j = i + 1; j < firsts.length; j++) {
      if (!firsts[i]!.isDisjointWith(firsts[j]!)) return true;
    }
  }
  return false;
}

export function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORD_CHAR = '[\\p{L}\\p{N}_]';
const LATIN_WORD_CHAR = '[\\w\\u00C0-\\u024F]';

/** A literal phrase as a pattern: any run of whitespace between words, whole words only. */
export function phrasePattern(phrase: string, wholeWord = true): string {
  const body = phrase.trim().split(/\s+/).map(escapeRegex).join('\\s+');
  if (!wholeWord) return body;
  // ASCII phrases get ASCII-safe boundaries (Latin letters included), so they compile without
  // the slow `u` flag; other phrases need Unicode letter classes.
  const wordChar = /^[\x00-\x7f]*$/.test(phrase) ? LATIN_WORD_CHAR : WORD_CHAR;
  const before = /^[\p{L}\p{N}_]/u.test(phrase.trim()) ? `(?<!${wordChar})` : '';
  const after = /[\p{L}\p{N}_]$/u.test(phrase.trim()) ? `(?!${wordChar})` : '';
  return `${before}${body}${after}`;
}
