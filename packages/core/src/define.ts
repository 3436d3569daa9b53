import type { Rule, RuleContext, RuleMeta } from './types.js';

/**
 * Declares a code rule: metadata, docs with runnable examples, and the check. Use this where a
 * declarative rule file cannot express the logic; it has the same metadata and API.
 */
export function defineRule(meta: RuleMeta, check: (context: RuleContext) => void): Rule {
  return { meta: { kind: 'code', ...meta }, check };
}

/** What a rule id looks like: lower-case words joined by hyphens, optionally after a pack name ("acme/no-sorry"). */
export const RULE_ID_PATTERN = '^[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)?$';
