import { compromisePatternProblem, unsafeRegexReason } from '@preach/core';
import { describe, expect, it } from 'vitest';

/**
 * The safety checks behind rule files: hostile patterns are refused, and the patterns support
 * leads really write are not (a false alarm makes people give up on writing rules).
 */

describe('unsafeRegexReason', () => {
  it.each([
    ['(a+)+$', /exponential/],
    ['(a|aa)+$', /exponential/],
    ['(x+x+)+y', /exponential/],
    ['^(a|a?)+$', /exponential/],
    ['(\\w+\\s?)+$', /exponential/],
    ['(\\w+\\s*)*x', /exponential/],
    ['([a-z]+)*@', /exponential/],
    ['(.|\\s)*x', /exponential/],
    ['(a|b|ab)*c', /exponential/],
    ['(\\d+|\\d+\\.\\d+)*x', /exponential/],
    ['(?:(?:a|b)+)+c', /exponential/],
    ['(\\s*,\\s*)+$', /exponential/],
    ['(.*a){12}', /polynomial/],
    ['a*a*a*a*a*a*b', /polynomial/],
    ['\\s*\\s*\\s*$', /polynomial/],
    ['[', /not a valid regular expression/],
    ['(?=a)+', /not a valid regular expression/],
    ['x'.repeat(2001), /longer than 2,000 characters/],
  ])('refuses %s', (pattern, reason) => {
    expect(unsafeRegexReason(pattern)).toMatch(reason);
  });

  it.each([
    '\\bsorry\\b',
    '(?<!\\w)sorry',
    '\\p{L}+',
    '(?:very|really)+ sorry',
    '(?:[a-z]|\\d)+x',
    '(?:\\w+\\s+){2,5}sorry',
    '\\b(?:\\w+\\s+){1,3}\\w+ed\\b',
    'we\\s+(?:really\\s+|truly\\s+)*apologi[sz]e',
    '.*foo.*',
    'sorry.*inconvenience',
    '\\d+\\s*(?:days|hours)',
    '\\b\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)\\b',
    '[\\w.+-]+@[\\w-]+\\.[\\w.-]+',
    '(?:https?://)?\\S+',
    '!{2,}',
    '(\\w)\\1+',
  ])('accepts %s', (pattern) => {
    expect(unsafeRegexReason(pattern)).toBeUndefined();
  });
});

describe('compromisePatternProblem', () => {
  it.each([
    ['#Modal (guarantee|promise', /unclosed "\("/],
    ['[#Value days', /unclosed "\["/],
    ['#Modal promise)', /"\)" without a matching "\("/],
    ['#Modl promise', /unknown tag "#Modl" \(did you mean "#Modal"\?\)/],
    ['(#Adverb|#Adjectiv) offer', /unknown tag "#Adjectiv"/],
    ['#Modal /(a+)+$/', /regular expression \/\(a\+\)\+\$\/ that can take exponential time/],
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
