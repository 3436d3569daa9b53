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
