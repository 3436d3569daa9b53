import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileRuleSource, isInputError, runRuleExamples, type ExampleOutcome, type ReplyContext, type ResolvedConfig, type Rule } from '@preach/core';
import { displayPath, loadPack } from '@preach/config';
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
 * or package names; with none, the built-in rules and the configured packs are tested. Examples
 * run with the situations, help-desk tags and vocabulary of the config found from `cwd`, so a
 * team's own situations ("chargeback") work in its examples.
 */
export async function testRules(paths: string[], cwd: string, loadConfig: () => Promise<ResolvedConfig>): Promise<TestRulesResult> {
  const rules: Rule[] = [];
  const loadErrors: string[] = [];
  const vocabulary: string[] = [];
  let files = 0;
  let config: ResolvedConfig | undefined;
  if (paths.length === 0) {
    config = await loadConfig();
    rules.push(...config.allRules.values());
  } else {
    try {
      config = await loadConfig();
    } catch (error) {
      if (!isInputError(error)) throw error;
      loadErrors.push(...error.format().split(/\n(?=\S)/));
    }
  }
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    try {
      if (existsSync(absolute) && statSync(absolute).isFile()) {
        files++;
        rules.push(...compileRuleSource(readFileSync(absolute, 'utf8'), displayPath(absolute), { origin: path }).rules);
      } else {
        // An existing folder is a folder, even when its name could also be a package name.
        const pack = await loadPack(existsSync(absolute) ? absolute : path, cwd, '(command line)');
        files += pack.files;
        rules.push(...pack.rules);
        vocabulary.push(...pack.vocabulary);
      }
    } catch (error) {
      if (!isInputError(error)) throw error;
      loadErrors.push(...error.format().split(/\n(?=\S)/));
    }
  }
  const base = config && {
    situations: config.situations,
    tagSituations: config.tagSituations,
    vocabulary: new Set([...config.vocabulary, ...vocabulary.map((word) => word.toLowerCase())]),
  };
  const outcomes = rules.flatMap((rule) => runRuleExamples(rule, base));
  const untested = rules.filter((rule) => rule.meta.docs.examples.bad.length + rule.meta.docs.examples.good.length === 0).map((r) => r.meta.id);
  return { files, rules: rules.length, outcomes, loadErrors: [...new Set(loadErrors)], untested };
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
    lines.push(`${c.red('✖')} ${ruleId} ${c.dim(`(${failed.length} of ${outcomes.length} examples failed)`)}`);
    for (const outcome of failed) {
      const context = describeContext(outcome.example.context);
      lines.push(`    ${outcome.kind} example ${outcome.index + 1}: ${JSON.stringify(truncate(outcome.example.text))}${context ? c.dim(` (${context})`) : ''}`);
      lines.push(`      ${c.red(outcome.problem!)}`);
    }
  }
  for (const id of result.untested) lines.push(`${c.yellow('⚠')} ${id} ${c.dim('has no examples: add examples.bad and examples.good to prove it works')}`);
  const failed = result.outcomes.filter((o) => !o.passed).length;
  const errors = result.loadErrors.length;
  const summary = `${result.rules} rules, ${result.outcomes.length} examples, ${failed} failed${errors ? `, ${errors} rule file error${errors === 1 ? '' : 's'}` : ''}`;
  lines.push('', failed || errors ? c.red(summary) : c.green(summary));
  return `${lines.join('\n')}\n`;
}

function describeContext(context: ReplyContext | undefined): string {
  if (!context) return '';
  return Object.entries({ situation: context.situation, channel: context.channel, customer: context.customerName, tags: context.tags?.join(', '), 'customer message': context.customerMessage && truncate(context.customerMessage) })
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}: ${value}`)
    .join('; ');
}

function truncate(text: string): string {
  return text.length > 70 ? `${text.slice(0, 67)}…` : text;
}
