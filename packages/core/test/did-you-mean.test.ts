import { describe, expect, it } from 'vitest';
import { suggestRule } from '../src/config/resolve.js';
import { closestMatch } from '../src/did-you-mean.js';

describe('did you mean', () => {
  it('finds the nearest candidate, case ignored, a swap of two letters counting once', () => {
    expect(closestMatch('formal-words', ['formal-word', 'filler-words'])).toBe('formal-word');
    expect(closestMatch('nuon', ['Noun', 'Verb'])).toBe('Noun');
    expect(closestMatch('EMIAL', ['email', 'chat'], 1)).toBe('email');
  });

  it('suggests nothing that is too far to be what was meant', () => {
    expect(closestMatch('tone', ['formal-word', 'filler-words'])).toBeUndefined();
    expect(closestMatch('chta', ['chat'], 1)).toBe('chat');
    expect(closestMatch('cht', ['email'], 1)).toBeUndefined();
  });

  it('words the hint for a mistyped rule id', () => {
    expect(suggestRule('long-sentance', ['long-sentence', 'reply-too-long'])).toBe('Did you mean "long-sentence"? `preach rules` lists every rule.');
    expect(suggestRule('xyz', ['long-sentence'])).toBe('Run `preach rules` to list every rule.');
  });
});
