import { describe, expect, it } from 'vitest';
import { sentiment } from '../../src/declarative/kinds/sentiment.js';
import { check, compileKind, refusals } from './run.js';

describe('sentiment', () => {
  const rule = compileKind('sentiment', { max: 2, relative_to_customer: true }, 'too cheerful: {{match}} ({{value}} over {{max}})');

  it("bounds the reply's sentiment against the customer's, at the sentence that pulls furthest", () => {
    const found = check(rule, 'Your card was declined. Great news, we love helping, awesome!', { customerMessage: 'This is terrible, I am furious.' });
    expect(found).toHaveLength(1);
    expect(found[0]!.text).toBe('Great news, we love helping, awesome!');
    expect(found[0]!.message).toMatch(/^too cheerful: Great news, we love helping, awesome! \(\d+ over 2\)$/);
  });

  it('says nothing without the customer message it is relative to', () => {
    expect(check(rule, 'Great news, we love helping, awesome!')).toEqual([]);
  });

  it('refuses missing or impossible bounds', () => {
    expect(refusals('sentiment', {})).toEqual(['kind: a sentiment rule needs `max` or `min`']);
    expect(refusals('sentiment', { min: 3, max: 1 })).toEqual(['min: is 3, more than max (1): no reply could pass']);
  });

  it('is summarised with its bounds, and never paragraph-local', () => {
    expect(sentiment.summary({ min: -2, relative_to_customer: true })).toBe("Keeps the reply's sentiment minus the customer's at least -2 (AFINN score, 0 is neutral).");
    expect(sentiment.paragraphLocal({ max: 2 })).toBe(false);
  });
});
