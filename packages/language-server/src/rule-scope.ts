import { isParagraphLocal, SEVERITIES, type ResolvedConfig, type RuleSetting, type SeveritySetting } from '@preach/core';

export interface ConfigSplit {
  paragraph: ResolvedConfig;
  document: ResolvedConfig;
}

const splits = new WeakMap<ResolvedConfig, ConfigSplit>();

/** The config's rules in two: those checked paragraph by paragraph (`isParagraphLocal`) and those checked on the whole reply. */
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
const SEVERITY_SETTINGS = new Set<string>([...SEVERITIES, 'off']);

/** The config with the editor's rule severity settings applied (unknown ids are ignored). */
export function withSeverityOverrides(config: ResolvedConfig, overrides: Record<string, string>): ResolvedConfig {
  const entries = Object.entries(overrides).filter(([id, severity]) => config.allRules.has(id) && SEVERITY_SETTINGS.has(severity));
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
