import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config/resolve.js';
import { defineRule } from '../src/define.js';
import { conditionsSchema, configSchema, frontMatterSchema, packFileSchema, ruleSchema } from '../src/schemas.js';
import { ajv } from '../src/yaml-source.js';

/**
 * The shared validator does not check a schema against JSON Schema when it compiles it (that
 * would compile the meta-schema at every start), so preach's own schemas are checked here.
 */
describe("preach's schemas", () => {
  it.each([
    ['config', configSchema],
    ['rule file', ruleSchema],
    ['pack file', packFileSchema],
    ['conditions', conditionsSchema],
    ['front matter', frontMatterSchema],
  ] as const)('the %s schema is valid JSON Schema', (_name, schema) => {
    const valid = ajv.validateSchema(schema);
    expect(valid ? '' : ajv.errorsText(ajv.errors)).toBe('');
  });

  it("still refuses a code rule's options schema that is not JSON Schema", () => {
    const rule = defineRule({ id: 'team/odd-options', category: 'human', optionsSchema: { type: 'object', properties: { max: { type: 'nmber' } } } } as never, () => undefined);
    const layers = [{ file: '.preachrc.yaml', config: { rules: { 'team/odd-options': ['warning', { max: 3 }] } } }] as never;
    expect(() => resolveConfig({ rules: [rule], enabled: new Set(), layers })).toThrow(/^schema is invalid: data\/properties\/max\/type must be equal to one of the allowed values/);
  });
});
