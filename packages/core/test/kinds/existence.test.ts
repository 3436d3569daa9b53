import { describe, expect, it } from 'vitest';
import { existence } from '../../src/declarative/kinds/existence.js';
import { check, compileKind, refusals } from './run.js';

describe('existence', () => {
  it('reports each word or pattern found, with {{match}} filled', () => {
    const rule = compileKind('existence', { tokens: ['kindly'], patterns: ['per my last'] });
    expect(check(rule, 'Kindly note, per my last e-mail, it is kindly done.').map((m) => [m.text, m.message])).toEqual([
      ['Kindly', 'flagged: Kindly'],
      ['per my last', 'flagged: per my last'],
      ['kindly', 'flagged: kindly'],
    ]);
  });

  it('looks only where its scope says, and skips exceptions', () => {
    const rule = compileKind('existence', { tokens: ['sorry', 'sorry to hear'], scope: 'opening', exceptions: ['sorry to hear'] });
    expect(check(rule, 'Thanks for waiting. Sorry about that.')).toEqual([]);
    expect(check(rule, 'Sorry about that. Sorry again.').map((m) => m.text)).toEqual(['Sorry']);
    expect(check(rule, 'Sorry to hear that.')).toEqual([]);
  });

  it('needs something to look for', () => {
    expect(refusals('existence', {})).toEqual(['kind: an existence rule needs `tokens` (words or phrases) or `patterns` (regular expressions)']);
  });

  it('is summarised with its words, scope and exceptions', () => {
    expect(existence.summary({ tokens: ['a', 'b'], patterns: ['x+'], scope: 'closing', exceptions: ['ab'] })).toBe('Looks for "a", "b", /x+/, in the last sentence, except /ab/.');
  });

  it('is paragraph-local over the prose unless a pattern is anchored', () => {
    expect(existence.paragraphLocal({ tokens: ['kindly'] })).toBe(true);
    expect(existence.paragraphLocal({ patterns: ['^hi'] })).toBe(false);
    expect(existence.paragraphLocal({ patterns: ['[^a]b'] })).toBe(true);
    expect(existence.paragraphLocal({ tokens: ['x'], scope: 'opening' })).toBe(false);
    expect(existence.fixable).toBe(false);
  });
});
