import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { lexiconTag } from '../src/name-mentions.js';

/**
 * Greetings ask compromise's lexicon whether a word is a name; the engine reads a copy of it made
 * by the build, so compromise need not load. The copy must say what compromise says.
 */
describe("the build's copy of compromise's lexicon", () => {
  it('gives every word the tags compromise gives it', () => {
    const nlp = createRequire(import.meta.url)('compromise');
    const lexicon: Record<string, string | string[]> = nlp.model().one.lexicon;
    const differ = Object.entries(lexicon)
      .map(([word, tags]) => ({ word, expected: [tags].flat().join(' '), got: lexiconTag(word) }))
      .filter(({ expected, got }) => expected !== got);
    expect(Object.keys(lexicon).length).toBeGreaterThan(10_000);
    expect(differ).toEqual([]);
  });

  it('folds case and accents as before, and knows nothing of other words', () => {
    expect(lexiconTag('John')).toMatch(/Name/);
    expect(lexiconTag('MARKET')).toBe(lexiconTag('market'));
    expect(lexiconTag('Zorblax')).toBeUndefined();
    expect(lexiconTag('constructor')).toBeUndefined();
  });
});
