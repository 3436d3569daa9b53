import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config/resolve.js';
import { defineRule } from '../src/define.js';
import { lint } from '../src/engine.js';
import { runRuleExamples } from '../src/examples.js';
import type { RuleExample, SeveritySetting } from '../src/types.js';

/** A rule sure of "wrong" and unsure of "maybe": the unsure finding is reported as a suggestion. */
function unsureRule(bad: RuleExample[] = [{ text: 'wrong' }]) {
  return defineRule(
    {
      id: 'unsure',
      category: 'human',
      severity: 'warning',
      fixable: false,
      docs: { description: 'd', why: 'w', examples: { bad, good: [{ text: 'fine' }] } },
    },
    (context) => {
      for (const match of context.prose.matchAll(/\b(wrong|maybe)\b/g)) {
        context.report({ message: match[1]!, start: match.index!, end: match.index! + match[0].length, severity: match[1] === 'maybe' ? 'suggestion' : undefined });
      }
    },
  );
}

const configWith = (severity: SeveritySetting) => resolveConfig({ rules: [unsureRule()], enabled: new Set(['unsure']), layers: [{ file: 'team.yaml', config: { rules: { unsure: severity } } as never }] });

describe('a finding reported at a lower severity', () => {
  it('takes the lower severity, and the rule keeps its own for what it is sure of', () => {
    const messages = lint('wrong and maybe', {}, configWith('error')).messages;
    expect(messages.map((m) => [m.reason, m.severity, m.fatal])).toEqual([
      ['wrong', 'error', true],
      ['maybe', 'suggestion', undefined],
    ]);
  });

  it('never rises above the severity the team set for the rule', () => {
    const rule = defineRule({ id: 'unsure', category: 'human', severity: 'suggestion', fixable: false, docs: { description: 'd', why: 'w', examples: { bad: [], good: [] } } }, (context) =>
      context.report({ message: 'sure', start: 0, end: 4, severity: 'error' }),
    );
    const config = resolveConfig({ rules: [rule], enabled: new Set(['unsure']), layers: [] });
    expect(lint('text', {}, config).messages.map((m) => m.severity)).toEqual(['suggestion']);
  });

  it('is checked in a bad example that names its severity', () => {
    const outcomes = runRuleExamples(unsureRule([{ text: 'maybe', severity: 'suggestion' }, { text: 'wrong', severity: 'suggestion' }]));
    expect(outcomes.filter((o) => o.kind === 'bad').map((o) => [o.passed, o.problem])).toEqual([
      [true, undefined],
      [false, 'expected every message at severity suggestion, got warning'],
    ]);
  });
});
