import weakMemoize from '@emotion/weak-memoize';
import { isParagraphLocal, SEVERITIES, type ResolvedConfig, type RuleSetting, type SeveritySetting } from '@preach/core';

export interface ConfigSplit {
  paragraph: ResolvedConfig;
  document: ResolvedConfig;
}

/** The config's rules in two: those checked paragraph by paragraph (`isParagraphLocal`) and those checked on the whole reply. */
export const splitByScope = weakMemoize((config: ResolvedConfig): ConfigSplit => {
  const paragraph = new Map<string, RuleSetting>();
  const document = new Map<string, RuleSetting>();
  for (const [id, setting] of config.rules) (isParagraphLocal(setting) ? paragraph : document).set(id, setting);
  return { paragraph: { ...config, rules: paragraph }, document: { ...config, rules: document } };
});

/** Configs with the editor's overrides applied, per config and overrides. */
const overridden = weakMemoize((_config: ResolvedConfig) => new Map<string, ResolvedConfig>());
const SEVERITY_SETTINGS = new Set<string>([...SEVERITIES, 'off']);

/** The config with the editor's rule severity settings applied (unknown ids are ignored). */
export function withSeverityOverrides(config: ResolvedConfig, overrides: Record<string, string>): ResolvedConfig {
  const entries = Object.entries(overrides).filter(([id, severity]) => config.allRules.has(id) && SEVERITY_SETTINGS.has(severity));
  if (entries.length === 0) return config;
  const key = JSON.stringify(entries.sort());
  const byKey = overridden(config);
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
