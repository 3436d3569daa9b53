import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isParagraphLocal, KINDS, RULE_KINDS, ruleKind, summariseCheck } from '../../src/declarative/kinds/index.js';
import { ruleSchema } from '../../src/schemas.js';
import { compileKind } from './run.js';

describe('the list of rule kinds', () => {
  it('is what the rule schema offers, one branch per kind with its parameters', () => {
    expect(ruleSchema.properties.kind.enum).toEqual(RULE_KINDS);
    expect(ruleSchema.allOf.map((branch) => branch.if.properties.kind.const)).toEqual(RULE_KINDS);
    for (const [index, kind] of KINDS.entries()) {
      const branch = ruleSchema.allOf[index]!;
      for (const name of Object.keys(kind.parameters)) expect(branch.then.properties).toHaveProperty(name);
      expect(branch.then.required).toEqual(expect.arrayContaining(kind.required ?? []));
      // An editor shows each kind's own placeholders on `message`.
      for (const name of kind.placeholders) expect(branch.then.properties.message.description).toContain(`{{${name}}}`);
    }
  });

  it('gives each compiled rule its kind, fixability and option schema', () => {
    const rule = compileKind('substitution', { swap: { a: 'b' } });
    expect(rule.meta.kind).toBe('substitution');
    expect(rule.meta.fixable).toBe(true);
    expect(Object.keys((rule.meta.optionsSchema as { properties: object }).properties)).toEqual(Object.keys(ruleKind('substitution')!.parameters));
  });

  it('answers for declarative rules only; code rules say their own scope', () => {
    const rule = compileKind('existence', { tokens: ['kindly'] });
    expect(summariseCheck(rule)).toBe('Looks for "kindly".');
    expect(summariseCheck(rule, { tokens: ['please'] })).toBe('Looks for "please".');
    const code = (scope?: 'paragraph' | 'reply') => ({ rule: { meta: { id: 'x', kind: 'code', scope }, check() {} }, severity: 'warning', options: {} }) as any;
    expect(summariseCheck(code().rule)).toBeUndefined();
    expect(isParagraphLocal(code())).toBe(false);
    expect(isParagraphLocal(code('paragraph'))).toBe(true);
    expect(isParagraphLocal({ rule, severity: 'warning', options: rule.meta.defaultOptions! })).toBe(true);
  });

  it('has a unit test beside each kind', () => {
    const tests = readdirSync(fileURLToPath(new URL('.', import.meta.url)));
    for (const kind of KINDS) expect(tests).toContain(`${kind.name}.test.ts`);
  });
});
