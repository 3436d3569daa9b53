import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { compileRuleSource, packFileSchema, ruleSchema } from '@preach/core';
// Loading the built-in rules marks their regular expressions as ours: they may use lookahead and
// run on RegExp, while a team's own patterns are held to the linear-time engine's rules.
import { recommendedRules } from '@preach/rules';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers/cli.js';

/**
 * The JSON Schemas written by `npm run build` are what an editor (the YAML language server)
 * validates rule files with. Every shipped rule file names its schema on its first line and is
 * valid against it, as an editor sees it: a plain ajv, ignoring preach's own keywords.
 */

recommendedRules();

const SCHEMA_DIR = join(ROOT, 'packages', 'core', 'schema');
const MODELINE = /^# yaml-language-server: \$schema=(\S+)$/m;

const ruleFiles = [
  ...readdirSync(join(ROOT, 'rules', 'examples')).filter((name) => /\.ya?ml$/.test(name)).map((name) => join(ROOT, 'rules', 'examples', name)),
  ...readdirSync(join(ROOT, 'rules', 'recommended')).filter((name) => /\.ya?ml$/.test(name)).map((name) => join(ROOT, 'rules', 'recommended', name)),
].sort();

function editorValidator(schemaFile: string) {
  // A fresh ajv per schema: the pack schema embeds the rule schema under the same $id.
  const ajv = new Ajv({ strict: false, allErrors: true });
  return ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
}

const validators = {
  'rule.schema.json': editorValidator(join(SCHEMA_DIR, 'rule.schema.json')),
  'pack.schema.json': editorValidator(join(SCHEMA_DIR, 'pack.schema.json')),
};

describe('generated schemas', () => {
  it('are up to date with the schemas preach validates with', () => {
    const onDisk = (name: string) => JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8'));
    expect(onDisk('rule.schema.json')).toEqual(JSON.parse(JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...ruleSchema })));
    expect(onDisk('pack.schema.json')).toEqual(JSON.parse(JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...packFileSchema })));
  });

  it('reject what preach rejects: an unknown key, a wrong category, a missing message, an unknown kind', () => {
    const rule = validators['rule.schema.json'];
    const good = { id: 'team/no-sorry', kind: 'existence', category: 'empathetic', message: 'x', tokens: ['sorry'] };
    expect(rule(good)).toBe(true);
    expect(rule({ ...good, tokenz: ['sorry'] })).toBe(false);
    expect(rule({ ...good, category: 'humane' })).toBe(false);
    expect(rule({ ...good, message: undefined })).toBe(false);
    expect(rule({ ...good, kind: 'existance' })).toBe(false);
    expect(rule({ ...good, examples: { bad: [{ text: 'x', options: { tokenz: [] } }] } })).toBe(false);
    expect(validators['pack.schema.json']({ rules: [good, { ...good, of: 'words' }] })).toBe(false);
  });
});

describe.each(ruleFiles.map((file) => [relative(ROOT, file), file]))('%s', (_, file) => {
  const source = readFileSync(file, 'utf8');

  it('names its schema on the first line, and the schema exists', () => {
    const modeline = MODELINE.exec(source.split('\n')[0]!);
    expect(modeline, 'first line: # yaml-language-server: $schema=…').not.toBeNull();
    const target = resolve(dirname(file), modeline![1]!);
    expect(existsSync(target), target).toBe(true);
    expect(['rule.schema.json', 'pack.schema.json']).toContain(relative(SCHEMA_DIR, target));
  });

  it('is valid against it, as an editor sees it', () => {
    const schema = relative(SCHEMA_DIR, resolve(dirname(file), MODELINE.exec(source)![1]!)) as keyof typeof validators;
    const validate = validators[schema];
    expect(validate(parse(source)), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("passes preach's own checks (regex safety, compromise patterns, placeholders)", () => {
    expect(() => compileRuleSource(source, relative(ROOT, file), { origin: 'test' })).not.toThrow();
  });
});
