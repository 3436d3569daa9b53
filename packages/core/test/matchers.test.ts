import { describe, expect, it } from 'vitest';
import { compileMatcher, compileUserPattern, phrasePattern } from '../src/index.js';
import { needsUnicodeFlag, phraseAlternations } from '../src/declarative/regex.js';

/** What one alternation of every phrase, each with its own guards, finds: the behaviour to keep. */
function oneByOne(phrases: string[], text: string, flags: string) {
  const regex = new RegExp([...phrases].sort((a, b) => b.length - a.length).map((p) => phrasePattern(p)).join('|'), flags);
  return [...text.matchAll(regex)].map((m) => ({ start: m.index, end: m.index! + m[0].length, text: m[0] }));
}

describe('token matchers', () => {
  const phrases = ['prior to', 'prior', 'in order to', 'order', ':)', '@support', 'utilize', 'e-mail'];
  const text = 'Prior to that, order #5 (reordered) in order to utilize it :) — e-mail @support, priority prior.';

  it('find what one guarded phrase after another would, with the guards shared', () => {
    const found = compileMatcher({ tokens: phrases }).find(text);
    expect(found).toEqual(oneByOne(phrases, text, 'gi'));
    expect(found.map((span) => span.text)).toEqual(['Prior to', 'order', 'in order to', 'utilize', ':)', 'e-mail', '@support', 'prior']);
  });

  it('share one guard among the phrases that start with a word character', () => {
    const sources = phraseAlternations(['prior to', 'prior', ':)']);
    expect(sources).toHaveLength(2);
    expect(sources[0]!.match(/\(\?<!/g)).toHaveLength(1);
  });

  it('keep phrases in other scripts whole-word, with Unicode letter classes', () => {
    const found = compileMatcher({ tokens: ['café', 'naïve'] }).find('Le café, cafés, naïve.');
    expect(found.map((span) => span.text)).toEqual(['café', 'naïve']);
  });
});

describe('the u flag', () => {
  it('is kept only for what needs it', () => {
    expect(needsUnicodeFlag(String.raw`\bdidn’t\s+read\b`)).toBe(false);
    expect(needsUnicodeFlag('[\\p{L}]')).toBe(true);
    expect(needsUnicodeFlag('\\u{1F600}')).toBe(true);
    expect(needsUnicodeFlag('[😡😠]')).toBe(true);
  });

  it('makes no difference to a pattern with curly quotes, matched either way', () => {
    const pattern = compileUserPattern(String.raw`\byou\s+(?:didn't|didn’t)\s+read\b`, { ignoreCase: true });
    expect(pattern.all('You didn’t read it, you DIDN\'T read it').map((m) => m.text)).toEqual(['You didn’t read', "you DIDN'T read"]);
  });

  it('still matches emoji classes as whole characters', () => {
    const pattern = compileUserPattern('[😡😠]+', { ignoreCase: true });
    expect(pattern.all('so 😠😡 now').map((m) => m.text)).toEqual(['😠😡']);
  });
});
