import type { ResolvedConfig, RuleSetting, SeveritySetting } from '@preach/core';

/**
 * Which rules can be checked paragraph by paragraph. A rule is paragraph-local when what it finds
 * in one paragraph does not depend on the rest of the reply: declarative `existence`,
 * `substitution` and `pattern` rules over the prose, without anchors. Everything else (counts,
 * requirements, sentiment, opening/closing scopes) is checked on the whole reply, so the
 * results stay exactly what `preach lint` reports. Code rules say so themselves with
 * `meta.scope: 'paragraph'`; without it we cannot see their logic and assume the whole reply.
 */
export function isParagraphLocal(setting: RuleSetting): boolean {
  const { kind, scope } = setting.rule.meta;
  if (scope) return scope === 'paragraph';
  if (kind !== 'existence' && kind !== 'substitution' && kind !== 'pattern') return false;
  const options = setting.options ?? {};
  if ((options.scope ?? 'prose') !== 'prose') return false;
  const patterns: unknown[] = [options.patterns, options.match, options.prefilter, options.exceptions, options.regex ? Object.keys(options.swap ?? {}) : undefined]
    .flat()
    .filter((value) => typeof value === 'string');
  // `^`/`$` mean the start/end of the text, which differs between a paragraph and the reply.
  return !patterns.some((pattern) => /(?<!\\)\$|(?<![\\[])\^/.test(pattern as string));
}

export interface ConfigSplit {
  paragraph: ResolvedConfig;
  document: ResolvedConfig;
}

const splits = new WeakMap<ResolvedConfig, ConfigSplit>();

export function splitByScope(config: ResolvedConfig): ConfigSplit {
  let split = splits.get(config);
  if (split) return split;
  const paragraph = new Map<string, RuleSetting>();
  const document = new Map<string, RuleSetting>();
  for (const [id, setting] of config.rules) (isParagraphLocal(setting) ? paragraph : document).set(id, setting);
  split = { paragraph: { ...config, rules: paragraph }, document: { ...config, rules: document } };
  splits.set(config, split);
  return split;
}

const overridden = new WeakMap<ResolvedConfig, Map<string, ResolvedConfig>>();
const SEVERITIES = new Set(['error', 'warning', 'suggestion', 'off']);

/** The config with the editor's rule severity settings applied (unknown ids are ignored). */
export function withSeverityOverrides(config: ResolvedConfig, overrides: Record<string, string>): ResolvedConfig {
  const entries = Object.entries(overrides).filter(([id, severity]) => config.allRules.has(id) && SEVERITIES.has(severity));
  if (entries.length === 0) return config;
  const key = JSON.stringify(entries.sort());
  let byKey = overridden.get(config);
  if (!byKey) overridden.set(config, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;
  const rules = new Map(config.rules);
  for (const [id, severity] of entries as Array<[string, SeveritySetting]>) {
    if (severity === 'off') {
      rules.delete(id);
      continue;
    }
    const rule = config.allRules.get(id)!;
    const current = rules.get(id);
    rules.set(id, { rule: current?.rule ?? rule, severity, options: current?.options ?? rule.meta.defaultOptions ?? {} });
  }
  const result = { ...config, rules };
  byKey.set(key, result);
  return result;
}
