import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import retextEnglish from 'retext-english';
import retextSentiment from 'retext-sentiment';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { fastPolarity } from '../src/text/sentiment.js';

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
