import retModule from 'ret';
import safeRegex from 'safe-regex2';

// ret is CommonJS and its types describe the module, not the function it exports.
const ret = retModule as unknown as ((pattern: string) => unknown) & { types: Record<string, number> };

/**
 * Why a user-written regular expression is refused, or undefined when it is fine. Rule files
 * come from people, and one exponential pattern would freeze every editor on the team, so
 * patterns that can backtrack catastrophically are rejected before they ever run: nested
 * repetition (`(a+)+`) and repeated alternatives (`(a|aa)+`).
 */
export function unsafeRegexReason(pattern: string): string | undefined {
  if (pattern.length > 2000) return 'is longer than 2,000 characters; split it into several patterns';
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return `is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
  if (!safeRegex(pattern, { limit: 50 })) {
    return 'can take exponential time (a repeated group that itself repeats, like "(a+)+"); remove the inner or outer repetition';
  }
  let tokens: unknown;
  try {
    tokens = ret(pattern);
  } catch {
    return undefined; // ret does not know every modern syntax; RegExp accepted it above.
  }
  if (hasRepeatedAlternation(tokens as RetNode, false)) {
    return 'can take exponential time (a repeated group of alternatives, like "(a|aa)+"); list the alternatives without repeating the group';
  }
  return undefined;
}

interface RetNode {
  type: number;
  stack?: RetNode[];
  options?: RetNode[][];
  value?: RetNode;
  max?: number;
}

function hasRepeatedAlternation(node: RetNode, repeated: boolean): boolean {
  if (node.type === ret.types.REPETITION) {
    return hasRepeatedAlternation(node.value!, repeated || (node.max ?? 1) > 1);
  }
  if (node.options) {
    if (repeated && node.options.length > 1) return true;
    return node.options.some((branch) => branch.some((child) => hasRepeatedAlternation(child, repeated)));
  }
  return (node.stack ?? []).some((child) => hasRepeatedAlternation(child, repeated));
}

export function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORD_CHAR = '[\\p{L}\\p{N}_]';

/** A literal phrase as a pattern: any run of whitespace between words, whole words only. */
export function phrasePattern(phrase: string, wholeWord = true): string {
  const body = phrase.trim().split(/\s+/).map(escapeRegex).join('\\s+');
  if (!wholeWord) return body;
  const before = /^[\p{L}\p{N}_]/u.test(phrase.trim()) ? `(?<!${WORD_CHAR})` : '';
  const after = /[\p{L}\p{N}_]$/u.test(phrase.trim()) ? `(?!${WORD_CHAR})` : '';
  return `${before}${body}${after}`;
}
