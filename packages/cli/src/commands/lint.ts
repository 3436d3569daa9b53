import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { applyFixes, CHANNELS, draftSizeProblem, FRONT_MATTER_RULE_ID, LANGUAGE_PATTERN, lint, parseThreadSource, PreachInputError, limitsLayer, type Channel, type ReplyContext, type Rule, type ThreadTurn } from '@preach/core';
import { loadConfigFor, type LoadConfigOptions } from '@preach/config';
import { prepareWritingCheckerFor } from '@preach/rules';
import { printConfigWarnings } from '../config-warnings.js';
import { EXIT, UsageError } from '../exit.js';
import { formatJson } from '../formatters/json.js';
import { formatSarif } from '../formatters/sarif.js';
import { formatStylish } from '../formatters/stylish.js';
import { decodeDraft, encodeDraft, expandInputs, readDraft, readStdin } from '../inputs.js';
import { parseLimitFlags, type LimitFlags } from '../limits.js';
import { totals, type FileReport } from '../report.js';
import { refuseInputAsOutput, WriteFailure, writeFileSafely } from '../safe-write.js';

export interface LintCommandOptions {
  customerName?: string;
  customerMessage?: string;
  customerMessageFile?: string;
  threadFile?: string;
  situation?: string;
  channel?: string;
  language?: string;
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
  if (options.language && !new RegExp(LANGUAGE_PATTERN).test(options.language)) throw new UsageError(`--language needs a language tag such as en, th, ko or zh (or auto), got "${options.language}"`);
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new UsageError(`--max-warnings needs a whole number, got "${options.maxWarnings}"`);
  const limits = parseLimitFlags(options);
  if (patterns.length === 0) throw new UsageError('no drafts given: pass files, folders, globs, or - to read standard input (try `preach lint --help`)');

  const context = await contextFromFlags(options, io.cwd);
  const configOptions: LoadConfigOptions = { configFile: options.config && resolve(io.cwd, options.config), noConfig: options.noConfig, layers: limitsLayer(limits) };
  const reports: FileReport[] = [];
  /** Rules enabled for any checked file, for SARIF's rule table. */
  const enabledRules = new Map<string, Rule>();
  let inputProblem = false;

  const usesStdin = patterns.includes('-');
  const { files, missing, loops } = await expandInputs(patterns.filter((p) => p !== '-'), io.cwd);
  for (const { pattern, reason } of missing) {
    inputProblem = true;
    reports.push({ file: pattern, error: reason });
  }
  for (const loop of loops) io.stderr.write(`preach: ${shown(loop.link, io.cwd)} is a symbolic link back to ${shown(loop.target, io.cwd)}, a folder above it; its drafts were checked once, not again through the link\n`);

  const outputPath = options.output ? resolve(io.cwd, options.output) : undefined;
  if (outputPath) {
    // Before anything is read or fixed: a report written over a draft would replace it.
    const inputs = files.map((path) => ({ path, shown: shown(path, io.cwd) }));
    if (options.customerMessageFile) inputs.push({ path: resolve(io.cwd, options.customerMessageFile), shown: options.customerMessageFile });
    if (configOptions.configFile) inputs.push({ path: configOptions.configFile, shown: options.config! });
    await refuseInputAsOutput(outputPath, options.output!, inputs);
  }

  let fixedStdin: string | undefined;
  if (usesStdin) {
    const decoded = decodeDraft(await readStdin(io.stdin));
    const display = options.stdinFilename ?? '<stdin>';
    if (!decoded.ok) {
      inputProblem = true;
      reports.push({ file: display, error: decoded.reason });
    } else {
      const checked = await check(decoded.text, display, resolve(io.cwd, options.stdinFilename ?? 'stdin.md'));
      if (options.fix) fixedStdin = checked.fixedText ?? decoded.text;
      reports.push(checked.fixedText === undefined ? checked.report : checked.recheck());
    }
  }

  for (const path of files) {
    const display = shown(path, io.cwd);
    const read = await readDraft(path);
    if (!read.ok) {
      inputProblem = true;
      reports.push({ file: display, error: read.reason });
      continue;
    }
    const checked = await check(read.text, display, path);
    if (checked.fixedText === undefined) {
      reports.push(checked.report);
      continue;
    }
    // A file that cannot be written is this file's problem: it stays as it was, the rest are still fixed.
    try {
      if (read.invalidUtf8) {
        const { line, column } = read.invalidUtf8;
        throw new WriteFailure(display, `the file is not valid UTF-8 (first bad byte at line ${line}, column ${column}), so rewriting it would replace those characters. Save it as UTF-8 and run --fix again`);
      }
      await writeFileSafely(path, encodeDraft(checked.fixedText, read), display);
      reports.push(checked.recheck());
    } catch (error) {
      if (!(error instanceof WriteFailure)) throw error;
      inputProblem = true;
      reports.push({ ...checked.report, fixed: undefined, writeError: error.reason });
    }
  }

  /**
   * Lints a draft. With --fix, one pass like `eslint --fix`: where fixes overlap the earliest wins
   * and the rest are reported, so the agent sees every change that was not made. `fixedText` is
   * set when a fix applies; `recheck` is the report once it is written.
   */
  async function check(text: string, display: string, path: string): Promise<{ report: FileReport; fixedText?: string; recheck: () => FileReport }> {
    const loaded = await loadConfigFor(path, configOptions);
    printConfigWarnings(loaded.warnings, io.stderr);
    const { config } = loaded;
    for (const [id, setting] of config.rules) enabledRules.set(id, setting.rule);
    const tooLarge = draftSizeProblem(text, config.limits);
    if (tooLarge) {
      inputProblem = true;
      const refused: FileReport = { file: display, error: tooLarge };
      return { report: refused, recheck: () => refused };
    }
    // The spelling checker loads before the check, not inside its time budget.
    await prepareWritingCheckerFor(config.rules);
    const result = lint(text, context, config, { path: display });
    const report: FileReport = { file: display, result };
    if (!options.fix) return { report, recheck: () => report };
    const outcome = applyFixes(text, result.messages);
    const fixed = { applied: outcome.applied.length, skipped: outcome.skipped.length };
    if (outcome.applied.length === 0) return { report: { ...report, fixed }, recheck: () => ({ ...report, fixed }) };
    return { report, fixedText: outcome.output, recheck: () => ({ file: display, result: lint(outcome.output, context, config, { path: display }), fixed }) };
  }

  const output = render(reports, enabledRules, options, io);
  if (outputPath) {
    try {
      await writeFileSafely(outputPath, output, options.output);
    } catch (error) {
      if (error instanceof WriteFailure) throw new UsageError(`cannot write the report to ${options.output}: ${error.reason}`);
      throw error;
    }
    if (fixedStdin !== undefined) io.stdout.write(fixedStdin);
  } else if (fixedStdin !== undefined) {
    // Fixing standard input: the fixed text is the output (for editors and pipes), the report goes aside.
    io.stdout.write(fixedStdin);
    io.stderr.write(output);
  } else {
    io.stdout.write(output);
  }

  const sum = totals(reports);
  // Bad front matter is bad input, like a broken config: the draft was checked with a context it did not mean.
  if (reports.some((report) => report.result?.messages.some((message) => message.ruleId === FRONT_MATTER_RULE_ID))) inputProblem = true;
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
  let thread: ThreadTurn[] | undefined;
  if (options.threadFile) {
    let source: string;
    try {
      source = await readFile(resolve(cwd, options.threadFile), 'utf8');
    } catch {
      throw new PreachInputError({ file: options.threadFile, message: 'thread file not found', hint: 'Give the path of a YAML or JSON file listing the earlier turns: `- customer: …` and `- agent: …`, oldest first.' });
    }
    thread = parseThreadSource(source, options.threadFile);
  }
  return {
    customerName: options.customerName,
    customerMessage,
    thread,
    situation: options.situation,
    channel: options.channel as Channel | undefined,
    language: options.language,
    agentName: options.agentName,
    tags: options.tag?.length ? options.tag : undefined,
  };
}

/** A path as the user reads it: relative to the working folder. */
function shown(path: string, cwd: string): string {
  return relative(cwd, path) || path;
}
