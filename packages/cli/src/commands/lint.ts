import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { applyFixes, CHANNELS, draftSizeProblem, lint, PreachInputError, type Channel, type ReplyContext, type Rule } from '@preach/core';
import { loadConfigFor, type LoadConfigOptions } from '@preach/config';
import { EXIT, UsageError } from '../exit.js';
import { formatJson } from '../formatters/json.js';
import { formatSarif } from '../formatters/sarif.js';
import { formatStylish } from '../formatters/stylish.js';
import { decodeDraft, expandInputs, readDraft, readStdin } from '../inputs.js';
import { parseLimitFlags, withLimits, type LimitFlags } from '../limits.js';
import { totals, type FileReport } from '../report.js';

export interface LintCommandOptions {
  customerName?: string;
  customerMessage?: string;
  customerMessageFile?: string;
  situation?: string;
  channel?: string;
  agentName?: string;
  tag?: string[];
  format: string;
  fix?: boolean;
  maxWarnings?: string;
  config?: string;
  noConfig?: boolean;
  quiet?: boolean;
  output?: string;
  stdinFilename?: string;
  color: boolean;
}

export type LintCommandFlags = LintCommandOptions & LimitFlags;

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  cwd: string;
  version: string;
}

const FORMATS = ['stylish', 'json', 'sarif'];

export async function lintCommand(patterns: string[], options: LintCommandFlags, io: Io): Promise<number> {
  if (!FORMATS.includes(options.format)) throw new UsageError(`unknown format "${options.format}"; use one of: ${FORMATS.join(', ')}`);
  if (options.channel && !CHANNELS.includes(options.channel as Channel)) throw new UsageError(`unknown channel "${options.channel}"; use one of: ${CHANNELS.join(', ')}`);
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new UsageError(`--max-warnings needs a whole number, got "${options.maxWarnings}"`);
  const limits = parseLimitFlags(options);
  if (patterns.length === 0) throw new UsageError('no drafts given: pass files, folders, globs, or - to read standard input (try `preach lint --help`)');

  const context = await contextFromFlags(options, io.cwd);
  const configOptions: LoadConfigOptions = { configFile: options.config && resolve(io.cwd, options.config), noConfig: options.noConfig };
  const reports: FileReport[] = [];
  /** Rules enabled for any checked file, for SARIF's rule table. */
  const enabledRules = new Map<string, Rule>();
  let inputProblem = false;

  const usesStdin = patterns.includes('-');
  const { files, missing } = await expandInputs(patterns.filter((p) => p !== '-'), io.cwd);
  for (const pattern of missing) {
    inputProblem = true;
    reports.push({ file: pattern, error: 'file not found (no file or folder matches this path or pattern)' });
  }

  let fixedStdin: string | undefined;
  if (usesStdin) {
    const decoded = decodeDraft(await readStdin(io.stdin));
    const display = options.stdinFilename ?? '<stdin>';
    if (!decoded.ok) {
      inputProblem = true;
      reports.push({ file: display, error: decoded.reason });
    } else {
      const report = await check(decoded.text, display, resolve(io.cwd, options.stdinFilename ?? 'stdin.md'));
      reports.push(report.report);
      if (options.fix) fixedStdin = report.text;
    }
  }

  for (const path of files) {
    const display = relative(io.cwd, path) || path;
    const read = await readDraft(path);
    if (!read.ok) {
      inputProblem = true;
      reports.push({ file: display, error: read.reason });
      continue;
    }
    const { report, text } = await check(read.text, display, path);
    if (options.fix && report.fixed && report.fixed.applied > 0) await writeFile(path, text);
    reports.push(report);
  }

  async function check(text: string, display: string, path: string): Promise<{ report: FileReport; text: string }> {
    const config = withLimits((await loadConfigFor(path, configOptions)).config, limits);
    for (const [id, setting] of config.rules) enabledRules.set(id, setting.rule);
    const tooLarge = draftSizeProblem(text, config.limits);
    if (tooLarge) {
      inputProblem = true;
      return { report: { file: display, error: tooLarge }, text };
    }
    let result = lint(text, context, config, { path: display });
    if (!options.fix) return { report: { file: display, result }, text };
    // One pass, like `eslint --fix` per file: where fixes overlap the earliest wins and the rest
    // are reported, so the agent sees every change that was not made.
    const outcome = applyFixes(text, result.messages);
    if (outcome.applied.length > 0) result = lint(outcome.output, context, config, { path: display });
    return { report: { file: display, result, fixed: { applied: outcome.applied.length, skipped: outcome.skipped.length } }, text: outcome.output };
  }

  const output = render(reports, enabledRules, options, io);
  if (options.output) {
    await writeFile(resolve(io.cwd, options.output), output);
    if (fixedStdin !== undefined) io.stdout.write(fixedStdin);
  } else if (fixedStdin !== undefined) {
    // Fixing standard input: the fixed text is the output (for editors and pipes), the report goes aside.
    io.stdout.write(fixedStdin);
    io.stderr.write(output);
  } else {
    io.stdout.write(output);
  }

  const sum = totals(reports);
  if (inputProblem) return EXIT.usage;
  if (sum.errors > 0) return EXIT.problems;
  if (maxWarnings !== undefined && sum.warnings > maxWarnings) {
    io.stderr.write(`preach found ${sum.warnings} warnings; --max-warnings allows ${maxWarnings}.\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}

function render(reports: FileReport[], rules: ReadonlyMap<string, Rule>, options: LintCommandOptions, io: Io): string {
  switch (options.format) {
    case 'json':
      return formatJson(reports);
    case 'sarif':
      return formatSarif(reports, rules, io.version);
    default:
      return formatStylish(reports, { color: options.color && !options.output, quiet: options.quiet });
  }
}

async function contextFromFlags(options: LintCommandOptions, cwd: string): Promise<ReplyContext> {
  let customerMessage = options.customerMessage;
  if (options.customerMessageFile) {
    const path = resolve(cwd, options.customerMessageFile);
    try {
      customerMessage = await readFile(path, 'utf8');
    } catch {
      throw new PreachInputError({ file: options.customerMessageFile, message: 'customer message file not found', hint: 'Give the path of a text file holding the message the reply answers.' });
    }
  }
  return {
    customerName: options.customerName,
    customerMessage,
    situation: options.situation,
    channel: options.channel as Channel | undefined,
    agentName: options.agentName,
    tags: options.tag?.length ? options.tag : undefined,
  };
}
