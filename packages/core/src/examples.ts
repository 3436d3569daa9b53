import { resolveConfig } from './config/resolve.js';
import { unmetCondition } from './conditions.js';
import { lint } from './engine.js';
import { applyFixes } from './fix.js';
import { createAnalysis } from './text/analysis.js';
import type { ResolvedConfig, Rule, RuleExample, Severity } from './types.js';

export interface ExampleOutcome {
  ruleId: string;
  kind: 'bad' | 'good';
  index: number;
  example: RuleExample;
  passed: boolean;
  /** Why it failed, in words a support lead can act on. */
  problem?: string;
  messages: string[];
}

/**
 * Runs a rule's own examples: each bad example must be flagged (exactly `count` times when
 * given, and fixed to `fixed` when given), each good example must pass untouched. The rule runs
 * alone, so another rule's opinion never hides a broken example.
 */
export function runRuleExamples(rule: Rule, base?: Pick<ResolvedConfig, 'vocabulary' | 'situations' | 'tagSituations'>): ExampleOutcome[] {
  const severity: Severity = rule.meta.severity === 'off' ? 'warning' : rule.meta.severity;
  const config = resolveConfig({ rules: [rule], enabled: new Set([rule.meta.id]), layers: [] });
  if (base) Object.assign(config, { vocabulary: base.vocabulary, situations: base.situations, tagSituations: base.tagSituations });
  const defaults = rule.meta.defaultOptions ?? {};
  const outcomes: ExampleOutcome[] = [];
  for (const kind of ['bad', 'good'] as const) {
    rule.meta.docs.examples[kind].forEach((example, index) => {
      const options = example.options ? { ...defaults, ...example.options } : defaults;
      config.rules.set(rule.meta.id, { rule, severity, options });
      const result = lint(example.text, example.context ?? {}, config);
      const own = result.messages.filter((m) => m.ruleId === rule.meta.id);
      const texts = own.map((m) => `${m.line}:${m.column} ${m.reason}`);
      let problem: string | undefined;
      if (kind === 'good' && own.length > 0) {
        problem = `good example was flagged: ${texts.join('; ')}`;
      } else if (kind === 'bad' && own.length === 0) {
        const unmet = unmetCondition(rule.meta.when, result.context, createAnalysis('', [], result.context.customerMessage));
        problem = unmet
          ? `bad example was not flagged: the rule's \`when\` does not hold (${unmet}); give the example a context that meets it`
          : `bad example was not flagged (situation: ${result.context.situation.id ?? 'none'}, ${result.context.situation.reason})`;
      } else if (kind === 'bad' && example.count !== undefined && own.length !== example.count) {
        problem = `expected ${example.count} message(s), got ${own.length}: ${texts.join('; ')}`;
      } else if (kind === 'bad' && example.severity !== undefined && own.some((m) => m.severity !== example.severity)) {
        problem = `expected every message at severity ${example.severity}, got ${own.filter((m) => m.severity !== example.severity).map((m) => m.severity).join(', ')}`;
      } else if (kind === 'bad' && example.fixed !== undefined) {
        const { output } = applyFixes(example.text, own);
        if (output !== example.fixed) problem = `fix produced ${JSON.stringify(output)}, expected ${JSON.stringify(example.fixed)}`;
      }
      outcomes.push({ ruleId: rule.meta.id, kind, index, example, passed: !problem, problem, messages: texts });
    });
  }
  return outcomes;
}
