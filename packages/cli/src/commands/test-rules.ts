import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { compileRuleSource, isInputError, runRuleExamples, type ExampleOutcome, type ResolvedConfig, type Rule } from '@preach/core';
import { loadPack, ruleFilesIn } from '@preach/config';
import pc from 'picocolors';

export interface TestRulesResult {
  files: number;
  rules: number;
  outcomes: ExampleOutcome[];
  /** Rule files that failed to load, with their error text. */
  loadErrors: string[];
  /** Rules without any example (reported, since an untested rule proves nothing). */
  untested: string[];
}

/**
 * `preach test-rules [paths]`: runs every rule's own examples. Paths are rule files, pack folders
 * or package names; with none, the built-in rules and the configured packs are tested.
 */
export async function testRules(paths: string[], cwd: string, fallback: () => Promise<ResolvedConfig>): Promise<TestRulesResult> {
  const rules: Rule[] = [];
  const loadErrors: string[] = [];
  let files = 0;
  if (paths.length === 0) {
    const config = await fallback();
    rules.push(...config.allRules.values());
  }
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    try {
      if (existsSync(absolute) && statSync(absolute).isFile()) {
        files++;
        rules.push(...compileRuleSource(readFileSync(absolute, 'utf8'), relative(cwd, absolute) || absolute, { origin: path }).rules);
      } else {
        if (existsSync(absolute)) files += ruleFilesIn(absolute).length;
        rules.push(...(await loadPack(path, cwd, '(command line)')).rules);
      }
    } catch (error) {
      if (isInputError(error)) loadErrors.push(error.format());
      else throw error;
    }
  }
  const outcomes = rules.flatMap((rule) => runRuleExamples(rule));
  const untested = rules.filter((rule) => rule.meta.docs.examples.bad.length + rule.meta.docs.examples.good.length === 0).map((r) => r.meta.id);
  return { files, rules: rules.length, outcomes, loadErrors, untested };
}

export function formatTestRules(result: TestRulesResult, options: { color: boolean; format: string }): string {
  if (options.format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const c = pc.createColors(options.color);
  const lines: string[] = [];
  for (const error of result.loadErrors) lines.push(`${c.red('✖')} ${error}`);
  const byRule = new Map<string, ExampleOutcome[]>();
  for (const outcome of result.outcomes) byRule.set(outcome.ruleId, [...(byRule.get(outcome.ruleId) ?? []), outcome]);
  for (const [ruleId, outcomes] of byRule) {
    const failed = outcomes.filter((o) => !o.passed);
    if (failed.length === 0) {
      lines.push(`${c.green('✔')} ${ruleId} ${c.dim(`(${outcomes.length} example${outcomes.length === 1 ? '' : 's'})`)}`);
      continue;
    }
    lines.push(`${c.red('✖')} ${ruleId}`);
    for (const outcome of failed) {
      lines.push(`    ${outcome.kind} example ${outcome.index + 1}: ${JSON.stringify(truncate(outcome.example.text))}`);
      lines.push(`      ${c.red(outcome.problem!)}`);
    }
  }
  for (const id of result.untested) lines.push(`${c.yellow('⚠')} ${id} ${c.dim('has no examples')}`);
  const failed = result.outcomes.filter((o) => !o.passed).length;
  const summary = `${result.rules} rules, ${result.outcomes.length} examples, ${failed} failed${result.loadErrors.length ? `, ${result.loadErrors.length} rule file error${result.loadErrors.length === 1 ? '' : 's'}` : ''}`;
  lines.push('', failed || result.loadErrors.length ? c.red(summary) : c.green(summary));
  return `${lines.join('\n')}\n`;
}

function truncate(text: string): string {
  return text.length > 70 ? `${text.slice(0, 67)}…` : text;
}
