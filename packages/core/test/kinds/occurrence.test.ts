import { describe, expect, it } from 'vitest';
import { occurrence } from '../../src/declarative/kinds/occurrence.js';
import { check, compileKind, refusals } from './run.js';

describe('occurrence', () => {
  it('reports each item over the limit of the channel', () => {
    const rule = compileKind('occurrence', { of: 'exclamation', max: { chat: 1, default: 0 } }, '{{count}} {{unit}}, at most {{max}}');
    expect(check(rule, 'Hi! Done! Bye!', { channel: 'chat' })).toEqual([
      { message: '3 exclamation marks, at most 1', text: '!', fix: undefined },
      { message: '3 exclamation marks, at most 1', text: '!', fix: undefined },
    ]);
    expect(check(rule, 'Hi! Done.', { channel: 'chat' })).toEqual([]);
    expect(check(rule, 'Hi! Done.', { channel: 'email' })).toHaveLength(1);
  });

  it('reports a long overflow of sentences once, and too few once', () => {
    const rule = compileKind('occurrence', { of: 'sentences', max: 2 }, 'too long');
    expect(check(rule, 'One. Two. Three. Four.').map((m) => m.text)).toEqual(['Three. Four.']);
    const questions = compileKind('occurrence', { of: 'questions', min: 1 }, 'ask something');
    expect(check(questions, 'Done. Thanks.').map((m) => m.text)).toEqual(['Done.']);
  });

  it('takes options from the config over its own', () => {
    const rule = compileKind('occurrence', { of: 'tokens', tokens: ['sorry'], max: 1 }, 'too sorry');
    expect(check(rule, 'Sorry, so sorry.')).toHaveLength(1);
    expect(check(rule, 'Sorry, so sorry.', {}, { max: 2 })).toEqual([]);
  });

  it('refuses missing or impossible bounds and words it would not count', () => {
    expect(refusals('occurrence', { of: 'words' })).toEqual(['kind: an occurrence rule needs `max` or `min`']);
    expect(refusals('occurrence', { of: 'tokens', max: 1 })).toEqual(['of: `of: tokens` needs `tokens` or `patterns` (what to count)']);
    expect(refusals('occurrence', { of: 'words', tokens: ['x'], max: 1 })).toEqual(['tokens: is only used with `of: tokens` (this rule counts words)']);
    expect(refusals('occurrence', { of: 'words', min: { chat: 5 }, max: 3 })).toEqual(['min: is 5 for chat, more than max (3): no reply could pass']);
  });

  it('is summarised with its unit and bounds, and never paragraph-local', () => {
    expect(occurrence.summary({ of: 'tokens', tokens: ['sorry'], max: { chat: 1, default: 2 } })).toBe('Counts matches of "sorry": at most 1 on chat, 2 on other channels.');
    expect(occurrence.summary({ of: 'questions', min: 1 })).toBe('Counts questions: at least 1.');
    expect(occurrence.paragraphLocal({ of: 'words', max: 3 })).toBe(false);
  });
});
