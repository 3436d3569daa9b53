import { compileRuleSource, PreachInputErrors } from '@preach/core';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { declarativeSources } from '../src/generated/declarative.js';

/**
 * The built-in rule files are parsed when preach is built, so start-up skips the YAML parser.
 * A rule compiled from that parse must be the rule compiled from its text.
 */
describe('built-in rules parsed at build time', () => {
  it.each(declarativeSources.map((entry) => [entry.file, entry] as const))('%s compiles as from its YAML', (file, { source, parsed }) => {
    const ahead = compileRuleSource(source, file, { origin: 'preach:recommended', trusted: true, parsed });
    const fresh = compileRuleSource(source, file, { origin: 'preach:recommended', trusted: true });
    expect(ahead.rules.map((rule) => rule.meta)).toEqual(fresh.rules.map((rule) => rule.meta));
    expect(ahead.lines).toEqual(fresh.lines);
    expect(parsed).toEqual(parseDocument(source).toJS());
  });

  it('still names the lines of a problem, from the text', () => {
    const source = 'rules:\n  - id: twice\n    kind: existence\n    category: human\n    message: m\n    tokens: [a]\n  - id: twice\n    kind: existence\n    category: human\n    message: m\n    tokens: [b]\n';
    const parsed = parseDocument(source).toJS();
    let error: unknown;
    try {
      compileRuleSource(source, 'pack.yaml', { origin: 'test', trusted: true, parsed });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(PreachInputErrors);
    expect((error as PreachInputErrors).errors.map((e) => e.format())).toEqual(['pack.yaml:7:1: rules.1.id: "twice" is already defined on line 2\n  Each rule needs its own id.']);
  });
});
