import { stringify } from 'yaml';
import { compileRuleSource } from '../../src/declarative/compile.js';
import { PreachInputErrors } from '../../src/errors.js';
import { lint } from '../../src/engine.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { ReplyContext, Rule } from '../../src/types.js';

/** A rule file for one kind: the given parameters with an id, category and message. */
export function ruleFile(kind: string, parameters: Record<string, unknown>, message = 'flagged: {{match}}'): string {
  return stringify({ id: `test/${kind}`, kind, category: 'articulate', message, ...parameters });
}

/** Compiles a rule of one kind from its parameters, as a pack's rule file would be. */
export function compileKind(kind: string, parameters: Record<string, unknown>, message?: string): Rule {
  return compileRuleSource(ruleFile(kind, parameters, message), 'rule.yaml', { origin: 'test' }).rules[0]!;
}

/** The messages a rule refuses a definition with (empty when it compiles). */
export function refusals(kind: string, parameters: Record<string, unknown>, message?: string): string[] {
  try {
    compileKind(kind, parameters, message);
    return [];
  } catch (error) {
    if (error instanceof PreachInputErrors) return error.errors.map((e) => `${e.key}: ${e.message}`);
    throw error;
  }
}

/** What a rule reports on a draft: message, the flagged text and its fixes. */
export function check(rule: Rule, text: string, context: ReplyContext = {}, options?: Record<string, unknown>) {
  const config = resolveConfig({
    rules: [rule],
    enabled: new Set([rule.meta.id]),
    layers: options ? [{ file: '.preachrc.yaml', config: { rules: { [rule.meta.id]: ['warning', options] } } }] : [],
  });
  return lint(text, context, config).messages.map((m) => ({ message: m.reason, text: text.slice(m.startOffset, m.endOffset), fix: m.expected }));
}
