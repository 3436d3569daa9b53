import weakMemoize from '@emotion/weak-memoize';
import type { ResolvedConfig, Rule, RuleSetting } from '../../types.js';
import { existence } from './existence.js';
import type { Params, RuleKind } from './kind.js';
import { occurrence } from './occurrence.js';
import { pattern } from './pattern.js';
import { requirement } from './require.js';
import { sentiment } from './sentiment.js';
import { substitution } from './substitution.js';

export type { Params, Refuse, RuleKind } from './kind.js';
export { CONTEXT_PLACEHOLDERS } from './message.js';
export { OCCURRENCE_UNITS } from './occurrence.js';

/** Every kind of declarative rule, in the order the docs list them. Adding a kind is adding it here. */
export const KINDS: readonly RuleKind[] = [existence, substitution, pattern, occurrence, requirement, sentiment];

/** The `kind:` values a rule file may use. */
export const RULE_KINDS: readonly string[] = KINDS.map((kind) => kind.name);

const byName = new Map(KINDS.map((kind) => [kind.name, kind]));

/** The kind a rule file names, or undefined (`code`, or a name that is not a kind). */
export function ruleKind(name: string | undefined): RuleKind | undefined {
  return name === undefined ? undefined : byName.get(name);
}

/**
 * One line saying what a declarative rule looks for, with the options in force (a team may have
 * changed them in `.preachrc`), so `preach explain` answers "why did this fire?" without opening
 * the rule file. Undefined for code rules.
 */
export function summariseCheck(rule: Rule, options: Params = rule.meta.defaultOptions ?? {}): string | undefined {
  return ruleKind(rule.meta.kind)?.summary(options);
}

/**
 * Whether a rule can be checked paragraph by paragraph: what it finds in one paragraph does not
 * depend on the rest of the reply. Code rules say so themselves with `meta.scope: 'paragraph'`
 * (without it their logic cannot be seen, so the whole reply is assumed); a declarative rule's
 * kind decides from its options. Everything else is checked on the whole reply, so an editor's
 * results stay exactly what `preach lint` reports.
 */
export function isParagraphLocal(setting: RuleSetting): boolean {
  const { kind, scope } = setting.rule.meta;
  if (scope) return scope === 'paragraph';
  return ruleKind(kind)?.paragraphLocal(setting.options ?? {}) ?? false;
}

/** A config's rule ids in two: those an editor may check block by block, and those it checks on the whole reply. */
export interface RuleScopes {
  paragraph: ReadonlySet<string>;
  document: ReadonlySet<string>;
}

/** The config's rules split by `isParagraphLocal`, once per config. */
export const ruleScopes = weakMemoize((config: ResolvedConfig): RuleScopes => {
  const paragraph = new Set<string>();
  const document = new Set<string>();
  for (const [id, setting] of config.rules) (isParagraphLocal(setting) ? paragraph : document).add(id);
  return { paragraph, document };
});
