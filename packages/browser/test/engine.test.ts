import { describe, expect, it } from 'vitest';
import { checkReply, prepareSetup, testRuleSource } from '../src/index.js';

/** The browser's setup from texts: what loads, and what it says about what does not. */

const RULE = `id: team/no-asap
kind: existence
category: responsible
message: Say when, not "{{match}}"
tokens: [asap]
examples:
  bad: [We will fix it asap.]
  good: [We will fix it by noon.]
`;

describe('prepareSetup', () => {
  it('is preach:recommended with nothing given', () => {
    const { config, problems } = prepareSetup();
    expect(problems).toEqual([]);
    expect(config.rules.has('over-promise')).toBe(true);
  });

  it("turns a team's pack on and applies the config's rule settings", () => {
    const { config, problems, packRules } = prepareSetup({ config: { name: 'team.yaml', source: 'extends: preach:recommended\nrules:\n  vague-timeline: off\n' }, packs: [{ name: 'team-rules.yaml', source: RULE }] });
    expect(problems).toEqual([]);
    expect(packRules).toBe(1);
    const ids = checkReply('We will look into it asap.', {}, config).findings.map((f) => f.ruleId);
    expect(ids).toContain('team/no-asap');
    expect(ids).not.toContain('vague-timeline');
  });

  it('without extends: preach:recommended, only the pack runs, as with the command line', () => {
    const { config } = prepareSetup({ config: { name: 'team.yaml', source: 'rules: {}\n' }, packs: [{ name: 'team-rules.yaml', source: RULE }] });
    expect([...config.rules.keys()]).toEqual(['team/no-asap']);
  });

  it('names the file, line and fix of every problem, and still loads the rest', () => {
    const { config, problems } = prepareSetup({
      config: { name: 'team.yaml', source: 'extends: [preach:recommended, ./base.yaml]\npacks: [./team-rules]\n' },
      packs: [
        { name: 'rules.js', source: 'export default [];' },
        { name: 'pasted.yaml', source: "import { defineRule } from '@preach/core';\n" },
        { name: 'broken.yaml', source: 'id: team/x\nkind: existence\ncategory: responsible\nmessage: m\ntokenz: [a]\n' },
        { name: 'team-rules.yaml', source: RULE },
      ],
    });
    expect(problems.map((p) => p.text.split('\n')[0])).toEqual([
      'team.yaml:1:31: extends: preset "./base.yaml" cannot be read in the browser',
      'team.yaml:2:1: packs: packs named in the config are not read in the browser',
      'rules.js:1:1: is JavaScript or TypeScript: code rules are not run in the browser',
      'pasted.yaml:1:1: is JavaScript or TypeScript: code rules are not run in the browser',
      'broken.yaml:5:1: tokenz: is not a known key',
    ]);
    expect(problems[2]!.hint).toContain('Code rules run in the command line and the editors only');
    expect(config.rules.has('team/no-asap')).toBe(true);
    expect(config.rules.has('over-promise')).toBe(true);
  });

  it('reports a rule setting the config gets wrong, and runs the rules at their defaults', () => {
    const { config, problems } = prepareSetup({ config: { name: 'team.yaml', source: 'extends: preach:recommended\nrules:\n  over-promis: error\n' } });
    expect(problems[0]!.text).toMatch(/^team\.yaml:3:3: rules\.over-promis: is not a known rule/);
    expect(config.rules.has('over-promise')).toBe(true);
  });
});

describe('testRuleSource', () => {
  it("runs a rule file's examples and says which fail and why", () => {
    const report = testRuleSource({ name: 'r.yaml', source: RULE.replace('We will fix it by noon.', 'We will fix it asap or by noon.') });
    expect(report.examples.map((e) => [e.kind, e.passed])).toEqual([
      ['bad', true],
      ['good', false],
    ]);
    expect(report.examples[1]!.problem).toContain('good example was flagged');
  });
});
