import { describe, expect, it } from 'vitest';
import { pattern, requiredLiterals } from '../../src/declarative/kinds/pattern.js';
import { check, compileKind, refusals } from './run.js';

describe('pattern', () => {
  it('reports what a compromise pattern matches, without trailing punctuation', () => {
    const rule = compileKind('pattern', { match: '#Modal #Adverb? (guarantee|promise)' });
    expect(check(rule, 'We will definitely guarantee it, I promise.').map((m) => m.text)).toEqual(['will definitely guarantee']);
  });

  it('skips exceptions and replies without its literal words', () => {
    const rule = compileKind('pattern', { match: ['[#Value] (days|hours)'], exceptions: ['2 days'] });
    expect(check(rule, 'It takes 2 days, maybe 3 days.').map((m) => m.text)).toEqual(['3 days']);
    expect(requiredLiterals('[#Value] (days|hours)')).toEqual([['days', 'hours']]);
    expect(requiredLiterals("#Modal we'll")).toEqual([]);
  });

  it('needs a match, and refuses an unknown tag', () => {
    expect(refusals('pattern', {})).toEqual(['match: is required but missing']);
    expect(refusals('pattern', { match: '#Nuon' })[0]).toContain('unknown tag "#Nuon"');
  });

  it('is summarised with its patterns, and paragraph-local unless anchored or scoped', () => {
    expect(pattern.summary({ match: ['a', 'b'], scope: 'opening' })).toBe("Matches the compromise pattern 'a' or 'b', in the first sentence.");
    expect(pattern.paragraphLocal({ match: 'a b' })).toBe(true);
    expect(pattern.paragraphLocal({ match: 'a b', prefilter: '^a' })).toBe(false);
    expect(pattern.paragraphLocal({ match: 'a b', scope: 'closing' })).toBe(false);
  });
});
