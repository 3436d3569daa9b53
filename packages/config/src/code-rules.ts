import type { ValidateFunction } from 'ajv';
import { ajv, CATEGORY_IDS, conditionsSchema, isCategory, RULE_ID_PATTERN, SEVERITIES, type Rule } from '@preach/core';

const ID = new RegExp(RULE_ID_PATTERN);
let validateConditions: ValidateFunction | undefined;

/**
 * Why a pack's exported value is not a usable code rule, or undefined. Code rules are checked as
 * carefully as rule files: a JavaScript author gets no type checker to catch a misspelt
 * category, and one broken rule must not crash every lint later.
 */
export function codeRuleProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return 'is not a rule (expected an object made with defineRule)';
  const rule = value as Partial<Rule>;
  if (typeof rule.check !== 'function') return 'has no check(context) function';
  const meta = rule.meta as Partial<Rule['meta']> | undefined;
  if (!meta || typeof meta !== 'object') return 'has no meta';
  if (typeof meta.id !== 'string' || !ID.test(meta.id)) return `meta.id ${JSON.stringify(meta.id)} must be lower-case words joined by hyphens, optionally prefixed by a pack name ("acme/no-sorry")`;
  if (!isCategory(meta.category)) return `meta.category ${JSON.stringify(meta.category)} must be one of: ${CATEGORY_IDS.join(', ')}`;
  if (meta.severity !== undefined && meta.severity !== 'off' && !SEVERITIES.includes(meta.severity)) return `meta.severity ${JSON.stringify(meta.severity)} must be one of: ${[...SEVERITIES, 'off'].join(', ')}`;
  if (meta.docs !== undefined) {
    if (typeof meta.docs !== 'object' || meta.docs === null) return 'meta.docs must be an object with description, why and examples';
    for (const group of ['bad', 'good'] as const) {
      const examples = meta.docs.examples?.[group];
      if (examples !== undefined && (!Array.isArray(examples) || examples.some((e) => !e || typeof e.text !== 'string'))) {
        return `meta.docs.examples.${group} must be a list of { text, context? } objects`;
      }
    }
  }
  if (meta.when !== undefined) {
    validateConditions ??= ajv.compile(conditionsSchema);
    if (!validateConditions(meta.when)) {
      const error = validateConditions.errors![0]!;
      return `meta.when${error.instancePath.replace(/\//g, '.')} ${error.message}`;
    }
  }
  return undefined;
}
