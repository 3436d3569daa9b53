import { ruleMarkdown, ruleText, suggestRule, type ResolvedConfig } from '@preach/core';
import pc from 'picocolors';
import { UsageError } from '../exit.js';

/** `preach explain RULE`: what a rule checks, why, and its examples (rendered by the core). */
export function explainRule(config: ResolvedConfig, id: string, options: { color: boolean; format?: string }): string {
  const rule = config.allRules.get(id);
  if (!rule) throw new UsageError(`unknown rule "${id}". ${suggestRule(id, [...config.allRules.keys()])}`);
  if (options.format === 'markdown') return ruleMarkdown(rule);
  return ruleText(rule, config.rules.get(id), pc.createColors(options.color));
}
