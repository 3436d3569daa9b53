import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config/resolve.js';
import { defineRule } from '../src/define.js';
import { parseYamlSource } from '../src/yaml-source.js';

const rule = defineRule(
  {
    id: 'stacked',
    category: 'concise',
    severity: 'warning',
    fixable: false,
    optionsSchema: { type: 'object', additionalProperties: false, properties: { per_sentence: { type: 'integer' }, ignore: { type: 'array' } } },
    defaultOptions: { per_sentence: 3, ignore: [] },
    renamedOptions: { perSentence: 'per_sentence' },
    docs: { description: '', why: '', examples: { bad: [], good: [] } },
  },
  () => {},
);

function resolve(yaml: string) {
  const located = parseYamlSource(yaml, 'team.yaml');
  return resolveConfig({ rules: [rule], enabled: new Set(['stacked']), layers: [{ file: 'team.yaml', located, config: located.value as never }] });
}

describe('renamed options', () => {
  it('arrive under their current name, with a warning at the old key', () => {
    const config = resolve('rules:\n  stacked: [warning, {perSentence: 2}]\n');
    expect(config.rules.get('stacked')!.options).toEqual({ per_sentence: 2, ignore: [] });
    expect(config.warnings.map((w) => w.format())).toEqual(['team.yaml:2:23: rules.stacked.options.perSentence: is now called "per_sentence"; the old name still works for now\n  Rename it: per_sentence.']);
  });

  it('lose to the current name when both are given, and are still warned', () => {
    const config = resolve('rules:\n  stacked:\n    options: {perSentence: 2, per_sentence: 4}\n');
    expect(config.rules.get('stacked')!.options.per_sentence).toBe(4);
    expect(config.warnings).toHaveLength(1);
  });

  it('leave current names and unknown keys to the options schema', () => {
    expect(resolve('rules:\n  stacked: [warning, {per_sentence: 2}]\n').warnings).toEqual([]);
    expect(() => resolve('rules:\n  stacked: [warning, {constructor: 2}]\n')).toThrow(/unknown option "constructor"/);
  });
});
