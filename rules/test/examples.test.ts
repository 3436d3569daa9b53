import { runRuleExamples } from '@preach/core';
import { recommendedRules } from '@preach/rules';
import { describe, expect, it } from 'vitest';

/** Every built-in rule's documented examples are its tests: bad ones flagged, good ones left alone. */
const rules = recommendedRules();

describe('built-in rule examples', () => {
  it('has rules to check', () => {
    expect(rules.length).toBeGreaterThan(0);
  });

  it.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s documents at least one bad and one good example', (_id, rule) => {
    expect(rule.meta.docs.examples.bad.length, 'bad examples').toBeGreaterThanOrEqual(1);
    expect(rule.meta.docs.examples.good.length, 'good examples').toBeGreaterThanOrEqual(1);
    expect(rule.meta.docs.description.trim(), 'description').not.toBe('');
    expect(rule.meta.docs.why.trim(), 'why').not.toBe('');
  });

  it.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s passes its own examples', (_id, rule) => {
    const failures = runRuleExamples(rule)
      .filter((outcome) => !outcome.passed)
      .map((outcome) => `${outcome.kind} example ${outcome.index + 1} ${JSON.stringify(outcome.example.text)}: ${outcome.problem}`);
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
