import { compromisePatternProblem, userPatternProblem } from '@preach/core';
import { describe, expect, it } from 'vitest';

/**
 * The safety checks behind rule files: hostile patterns are refused, and the patterns support
 * leads really write are not (a false alarm makes people give up on writing rules).
 */

describe('userPatternProblem', () => {
  it.each([
    ['(\\w)\\1+', /uses a backreference/],
    ['sorry(?!\\s+for)\\s+\\w+', /uses a lookahead/],
    ['[', /not a valid regular expression/],
    ['(?=a)+', /not a valid regular expression/],
    ['x'.repeat(2001), /longer than 2,000 characters/],
  ])('refuses %s', (pattern, reason) => {
    expect(userPatternProblem(pattern)).toMatch(reason);
  });

  // Patterns that backtrack catastrophically on RegExp run on the linear-time engine instead.
  it.each([
    '(a+)+$',
    '(a|aa)+$',
    '(\\w+\\s?)+$',
    '(.*a){12}',
    '\\bsorry\\b',
    '(?<!\\w)sorry',
    '\\p{L}+',
    '(?:very|really)+ sorry',
    '(?:\\w+\\s+){2,5}sorry',
    'we\\s+(?:really\\s+|truly\\s+)*apologi[sz]e',
    '.*foo.*',
    '\\d+\\s*(?:days|hours)',
    '\\b\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)\\b',
    '[\\w.+-]+@[\\w-]+\\.[\\w.-]+',
    '(?:https?://)?\\S+',
    '!{2,}',
    '(\\w)\\1{1,5}',
  ])('accepts %s', (pattern) => {
    expect(userPatternProblem(pattern)).toBeUndefined();
  });
});

describe('compromisePatternProblem', () => {
  it.each([
    ['#Modal (guarantee|promise', /unclosed "\("/],
    ['[#Value days', /unclosed "\["/],
    ['#Modal promise)', /"\)" without a matching "\("/],
    ['#Modl promise', /unknown tag "#Modl" \(did you mean "#Modal"\?\)/],
    ['(#Adverb|#Adjectiv) offer', /unknown tag "#Adjectiv"/],
    ['#Modal /(.)\\1+/', /regular expression \/\(\.\)\\1\+\/ that uses a backreference/],
    ['   ', /is empty/],
  ])('refuses %s', (pattern, reason) => {
    expect(compromisePatternProblem(pattern)).toMatch(reason);
  });

  it.each(['#Modal #Adverb? (guarantee|promise)', '[#Value] (days|hours)', '#modal #adverb', '{walk} to', '!not #Verb', '/colou?r/ scheme', '#Money+', '(definitely|certainly) #Verb+ (by|before) #Date'])(
    'accepts %s',
    (pattern) => {
      expect(compromisePatternProblem(pattern)).toBeUndefined();
    },
  );
});
