import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import retextEnglish from 'retext-english';
import retextSentiment from 'retext-sentiment';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { fastPolarity, POLARITY_LEXICON } from '../src/text/sentiment.js';

const reference = unified().use(retextEnglish).use(retextSentiment as never).freeze();

/** retext-sentiment's polarity, the reference the fast scorer follows. */
function retextPolarity(text: string): number {
  const tree = reference.parse(text) as { data?: { polarity?: number } };
  reference.runSync(tree as never);
  return tree.data?.polarity ?? 0;
}

describe('sentiment polarity', () => {
  it('sums AFINN words, with negation flipping the next word', () => {
    expect(fastPolarity('This is great')).toBe(3);
    expect(fastPolarity('This is not great')).toBe(-3);
    expect(fastPolarity("It isn't bad. It is good.")).toBe(3 + 3);
    expect(fastPolarity('Terrible, awful service')).toBe(-3 + -3);
    expect(fastPolarity('Thanks! 😊')).toBeGreaterThan(2);
    expect(fastPolarity('')).toBe(0);
  });

  it('agrees with retext-sentiment sentence by sentence on plain prose', () => {
    const sentences = [
      'We are so sorry about the double charge.',
      'I am happy to help with that.',
      'That is not good enough.',
      'Your order was delayed by the storm.',
      'Thanks for your patience, we really appreciate it.',
      'I hate this app and the terrible update.',
      'Great news: the refund went through.',
      'We can not guarantee a fix today.',
    ].map((s) => s.toLowerCase());
    for (const sentence of sentences) expect(fastPolarity(sentence), sentence).toBe(retextPolarity(sentence));
  });

  // fastPolarity reads tokens by hand; this is the tokenizer it stands for, as a regular expression.
  const TOKEN = /[\p{L}\p{N}\p{M}_]+(?:['’][\p{L}\p{N}\p{M}_]+)*|[^\s\p{L}\p{N}\p{M}_]/gu;
  function regexPolarity(text: string, lexicon: ReadonlyMap<string, number>): number {
    const lower = text.toLowerCase();
    let total = 0;
    let negated = false;
    let previousEnd = 0;
    for (const match of lower.matchAll(TOKEN)) {
      const token = match[0];
      if (match.index > previousEnd && /[.!?]|\n/.test(lower.slice(previousEnd, match.index))) negated = false;
      previousEnd = match.index + token.length;
      const isWord = /[\p{L}\p{N}]/u.test(token);
      if (!isWord && /[.!?]|\n/.test(token)) {
        negated = false;
        continue;
      }
      const value = lexicon.get(token);
      if (value !== undefined) total += negated ? -value : value;
      if (isWord) {
        if (negated) negated = false;
        else if (/^(?:not|neither|nor)$|n['’]t/.test(token)) negated = true;
      }
    }
    return total;
  }

  it('reads words and symbols as the tokenizing pattern does, in any script and spacing', () => {
    const pieces = ['good', 'bad', 'not', "isn't", 'don’t', 'nor', 'love', 'hate', 'great', 'ok', 'é', 'ñó', '北京', 'ไทย', '𠀀𝒜', '😊', '😡', '❤️', '\u0301', '_', "'", '’', '.', '!', '?', ',', '-', ':)', ' ', '  ', '\n', '\t', '\u00a0', '\u2028', '\u3000', '\ud800', '\udc00', 'İ', 'ß', 'DON’T', 'NOT', 'Good', '1', '42'];
    let seed = 20261129;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const differ: string[] = [];
    for (let i = 0; i < 20000; i++) {
      let text = '';
      const length = 1 + Math.floor(random() * 12);
      for (let j = 0; j < length; j++) text += pieces[Math.floor(random() * pieces.length)]! + (random() < 0.5 ? ' ' : '');
      if (fastPolarity(text) !== regexPolarity(text, POLARITY_LEXICON)) differ.push(JSON.stringify(text));
    }
    expect(differ.slice(0, 10)).toEqual([]);
  });

  const transcripts = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'transcripts');
  it.skipIf(!existsSync(transcripts))('agrees with retext-sentiment on at least 97% of real plain-text sentences (needs ../shared/data/transcripts)', () => {
    const texts = readFileSync(join(transcripts, 'twcs-sample.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .flatMap((line) => (JSON.parse(line).messages as Array<{ text?: string }>).map((m) => m.text ?? ''));
    const sentences = texts
      .flatMap((text) => text.toLowerCase().split(/(?<=[.!?])\s+|\n+/))
      .filter((s) => s.trim() && !/[^\x00-\x7f’‘]/.test(s) && !/\w-\w/.test(s))
      .slice(0, 4000);
    const agree = sentences.filter((s) => fastPolarity(s) === retextPolarity(s)).length;
    expect(agree / sentences.length).toBeGreaterThan(0.97);
  });
});
