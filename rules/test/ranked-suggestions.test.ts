import { describe, expect, it } from 'vitest';
import { rankedSuggestions, type WritingFinding } from '../src/writing/findings.js';

/**
 * Harper lists "froze" and "frozen" for "freezed" in an order that depends on what it checked
 * before in the same session (an editor's, a scoring thread's). The fix offered first must not.
 */
describe('the fix offered first for a regular form of an irregular verb', () => {
  const finding = (prose: string, suggestions: string[]): WritingFinding => {
    const start = prose.indexOf('freezed');
    return { rule: 'RegularIrregulars', kind: 'Grammar', message: '', suggestions, start, end: start + 7, text: 'freezed' };
  };

  it('is the past tense after a subject, whatever order Harper gave', () => {
    for (const order of [['frozen', 'froze'], ['froze', 'frozen']]) expect(rankedSuggestions(finding('The app freezed after the update.', order), 'The app freezed after the update.')[0]).toBe('froze');
  });

  it('is the past participle after "has", "was" or "got", whatever order Harper gave', () => {
    for (const prose of ['The screen has freezed twice.', 'It was freezed by the update.', 'My card got already freezed.']) {
      for (const order of [['froze', 'frozen'], ['frozen', 'froze']]) expect(rankedSuggestions(finding(prose, order), prose)[0]).toBe('frozen');
    }
  });
});
