import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { CHANNELS, DEFAULT_LIMITS, isInputError, LANGUAGE_PATTERN, PreachInputError, type Channel } from '@preach/core';
import type { Piscina } from 'piscina';
import { printConfigWarnings } from '../config-warnings.js';
import { EXIT, UsageError } from '../exit.js';
import { expandInputs } from '../inputs.js';
import { openPendingFile, refuseInputAsOutput, WriteFailure, writeFailureReason, type PendingFile } from '../safe-write.js';
import { parseLimitFlags } from '../limits.js';
import { AgentDirectory } from '../score/agents.js';
import { Aggregator, type ReportWarning } from '../score/aggregate.js';
import { checkCsvMapping } from '../score/importers/csv.js';
import { INPUT_FORMATS } from '../score/importers/registry.js';
import { readTranscripts } from '../score/input/index.js';
import { csvAgentSink, csvConversationSink } from '../score/output/csv.js';
import { htmlSink } from '../score/output/html.js';
import { jsonSink } from '../score/output/json.js';
import { textOut, type ReportSink, type TextOut } from '../score/output/sink.js';
import { tableSink } from '../score/output/table.js';
import { scoreAll, startPool } from '../score/pool.js';
import { createProgress, wantsProgress } from '../score/progress.js';
import { createScorerOptions, type ScoreSetup } from '../score/setup.js';
import { GROUP_BY, SCORE_FORMATS, type ImportedItem, type InputFormat, type RecordError } from '../score/types.js';
import type { Io } from './lint.js';

export interface ScoreCommandOptions {
  inputFormat?: string;
  format: string;
  groupBy: string;
  output?: string;
  jobs?: string;
  strict?: boolean;
  config?: string;
  noConfig?: boolean;
  channel?: string;
  language?: string;
  agentSignature?: string;
  csvColumn?: string[];
  includeBots?: boolean;
  worst?: string;
  progress?: boolean;
  color: boolean;
  timeBudget?: string;
  maxDraftKb?: string;
}

/** What a folder given to `preach score` is searched for. */
const TRANSCRIPT_EXTENSIONS = ['jsonl', 'ndjson', 'json', 'csv', 'tsv'];
/** Conversations listed in the HTML report's table; CSV and JSON list every one. */
const HTML_TABLE_ROWS = 5000;

interface Input {
  source: string;
  path?: string;
}

/** A record that `--strict` refuses to skip. */
class StrictStop extends Error {
  constructor(readonly record: RecordError) {
    super(record.reason);
  }
}

/**
 * `preach score`: reads transcripts (JSONL, help-desk JSON exports, CSV) as a stream, scores
 * every agent reply in context on a pool of threads, and writes a scorecard. Exit 0 when every
 * conversation was read, 1 when some records could not be (they are listed under errors), 2 for
 * usage, config or unreadable-file problems, and for any bad record under `--strict`.
 */
export async function scoreCommand(patterns: string[], options: ScoreCommandOptions, io: Io): Promise<number> {
  const settings = checkOptions(patterns, options);
  const setup: ScoreSetup = {
    lookup: io.cwd,
    configFile: options.config && resolve(io.cwd, options.config),
    noConfig: options.noConfig,
    signature: options.agentSignature,
    limits: parseLimitFlags(options),
  };
  // Threads start first: they load the config while this thread does the same and starts reading.
  const pool = startPool(settings.jobs, setup);
  try {
    return await scoreInputs(patterns, options, io, settings, setup, pool);
  } finally {
    await pool.destroy();
  }
}

async function scoreInputs(patterns: string[], options: ScoreCommandOptions, io: Io, settings: CheckedOptions, setup: ScoreSetup, pool: Piscina): Promise<number> {
  const local = await createScorerOptions(setup);
  printConfigWarnings(local.config.warnings, io.stderr);
  checkCsvMapping(local.settings.csv ?? {}, local.file ?? '.preachrc.yaml');
  const agents = AgentDirectory.from(local.settings.agents, local.file ?? '.preachrc.yaml');
  const csvColumns = { ...local.settings.csv, ...parseColumns(options.csvColumn ?? []) };

  const inputs: Input[] = [];
  const unreadable: RecordError[] = [];
  const { files, missing, loops } = await expandInputs(patterns.filter((p) => p !== '-'), io.cwd, TRANSCRIPT_EXTENSIONS);
  for (const { pattern, reason } of missing) unreadable.push({ source: pattern, reason, file: true });
  for (const loop of loops) io.stderr.write(`preach: ${relative(io.cwd, loop.link) || loop.link} is a symbolic link back to ${relative(io.cwd, loop.target) || loop.target}, a folder above it; its transcripts were read once, not again through the link\n`);
  for (const pattern of patterns) if (pattern === '-') inputs.push({ source: '<stdin>' });
  for (const path of files) inputs.push({ source: relative(io.cwd, path) || path, path });
  if (options.strict && unreadable.length) throw new PreachInputError({ file: unreadable[0]!.source, message: unreadable[0]!.reason });

  const outputPath = options.output ? resolve(io.cwd, options.output) : undefined;
  if (outputPath) {
    const read = inputs.flatMap((input) => (input.path ? [{ path: input.path, shown: input.source }] : []));
    if (setup.configFile) read.push({ path: setup.configFile, shown: options.config! });
    await refuseInputAsOutput(outputPath, options.output!, read);
  }
  // The report goes to a temporary file, renamed over the old one only once it is complete: on an
  // error or Ctrl-C the previous report stays as it was.
  const pending = outputPath ? await openReport(outputPath, options.output!) : undefined;
  try {
    const code = await scoreTo(pending?.stream ?? io.stdout, { inputs, unreadable, csvColumns, local, agents, pool, settings, options, io, toFile: Boolean(outputPath) });
    await pending?.commit().catch((error: unknown) => {
      throw error instanceof WriteFailure ? new UsageError(`cannot write the report to ${options.output}: ${error.reason}`) : error;
    });
    return code;
  } catch (error) {
    // The report's own stream failed midway (a full disk): say so in words; the old report stays.
    if (pending && (error as NodeJS.ErrnoException).syscall === 'write') throw new UsageError(`cannot write the report to ${options.output}: ${writeFailureReason(error)}`);
    throw error;
  } finally {
    await pending?.discard();
  }
}

interface ScoreRun {
  inputs: Input[];
  unreadable: RecordError[];
  csvColumns: Record<string, string>;
  local: Awaited<ReturnType<typeof createScorerOptions>>;
  agents: AgentDirectory;
  pool: Piscina;
  settings: CheckedOptions;
  options: ScoreCommandOptions;
  io: Io;
  toFile: boolean;
}

/** Scores every conversation of the inputs and writes the report to `outputStream`; resolves to the exit code. */
async function scoreTo(outputStream: NodeJS.WritableStream, run: ScoreRun): Promise<number> {
  const { inputs, unreadable, csvColumns, local, agents, pool, settings, options, io } = run;
  const out = textOut(outputStream);
  const sink = createSink(options, out, options.color && !run.toFile);
  const aggregator = new Aggregator({ worst: settings.worst, rows: options.format === 'html' ? HTML_TABLE_ROWS : 0 });
  for (const problem of unreadable) aggregator.add({ error: problem });
  const totalBytes = await sizeOf(inputs);
  const progress = createProgress({ enabled: options.progress !== false && wantsProgress(io, run.toFile), totalBytes, stderr: io.stderr });
  let fileProblem = unreadable.length > 0;

  async function* everyConversation(): AsyncGenerator<ImportedItem> {
    for (const input of inputs) {
      try {
        const stream = input.path ? createReadStream(input.path) : io.stdin;
        const read = await readTranscripts(stream, { source: input.source, path: input.path, format: settings.inputFormat, csvColumns, onBytes: progress.bytes });
        aggregator.input(input.source, read.container);
        for await (const item of read.items) {
          if ('conversation' in item) {
            if (settings.channel && !item.conversation.channel) item.conversation.channel = settings.channel;
            if (settings.language && !item.conversation.language) item.conversation.language = settings.language;
            if (options.includeBots) item.conversation.scoreBots = true;
          }
          yield item;
        }
        if (read.formats.size) aggregator.input(input.source, [...read.formats].join('+'));
        for (const [text, count] of read.notices) aggregator.notice(input.source, text, count);
      } catch (error) {
        if (error instanceof StrictStop) throw error;
        fileProblem = true;
        yield { error: fileError(input, error) };
      }
    }
  }

  try {
    for await (const outcome of scoreAll(everyConversation(), { pool, budgetMs: (local.config.limits ?? DEFAULT_LIMITS).timeBudgetMs })) {
      if ('error' in outcome) {
        if (options.strict) throw new StrictStop(outcome.error);
        aggregator.add(outcome);
        progress.scored(0);
        continue;
      }
      agents.apply(outcome.scored);
      aggregator.add(outcome);
      await sink.conversation(outcome.scored);
      progress.scored(outcome.scored.replies.length);
    }
  } catch (error) {
    progress.stop();
    if (!(error instanceof StrictStop)) throw error;
    const { record } = error;
    throw new PreachInputError({
      file: record.source,
      line: record.line,
      message: `${record.id ? `conversation ${record.id}: ` : ''}${record.reason}`,
      hint: '--strict stops at the first record that cannot be scored; without it the record is listed under errors and the rest is scored.',
    });
  }
  progress.stop();
  const report = aggregator.report();
  await sink.finish(report);
  // The terminal table shows them already; every other report also says them on standard error.
  if (options.format !== 'table' || run.toFile) for (const warning of report.warnings) io.stderr.write(warningLine(warning));
  if (fileProblem) return EXIT.usage;
  return report.errors.length || report.warnings.some((w) => w.severity === 'warning') ? EXIT.problems : EXIT.ok;
}

function warningLine(warning: ReportWarning): string {
  const count = warning.conversations && warning.severity === 'notice' ? ` (${warning.conversations.toLocaleString('en-US')} ${warning.conversations === 1 ? 'conversation' : 'conversations'})` : '';
  return `preach: ${warning.severity === 'warning' ? 'warning' : 'note'}: ${warning.source}: ${warning.message}${count}\n`;
}

interface CheckedOptions {
  inputFormat?: InputFormat;
  jobs: number;
  worst: number;
  channel?: Channel;
  language?: string;
}

function checkOptions(patterns: string[], options: ScoreCommandOptions): CheckedOptions {
  if (!SCORE_FORMATS.includes(options.format)) throw new UsageError(`unknown format "${options.format}"; use one of: ${SCORE_FORMATS.join(', ')}`);
  if (!GROUP_BY.includes(options.groupBy)) throw new UsageError(`unknown --group-by "${options.groupBy}"; use one of: ${GROUP_BY.join(', ')}`);
  if (options.groupBy !== 'conversation' && options.format !== 'csv') throw new UsageError('--group-by applies to --format csv only (the other formats show conversations and agents together)');
  const inputFormat = options.inputFormat && options.inputFormat !== 'auto' ? options.inputFormat : undefined;
  if (inputFormat && !(INPUT_FORMATS as readonly string[]).includes(inputFormat)) throw new UsageError(`unknown --input-format "${inputFormat}"; use one of: auto, ${INPUT_FORMATS.join(', ')}`);
  if (options.channel && !CHANNELS.includes(options.channel as Channel)) throw new UsageError(`unknown channel "${options.channel}"; use one of: ${CHANNELS.join(', ')}`);
  if (options.language && !new RegExp(LANGUAGE_PATTERN).test(options.language)) throw new UsageError(`--language needs a language tag such as en, th, ko or zh (or auto), got "${options.language}"`);
  const jobs = options.jobs === undefined ? availableParallelism() : Number(options.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs needs a whole number of at least 1, got "${options.jobs}"`);
  const worst = options.worst === undefined ? 20 : Number(options.worst);
  if (!Number.isInteger(worst) || worst < 0) throw new UsageError(`--worst needs a whole number, got "${options.worst}"`);
  if (patterns.length === 0) throw new UsageError('no transcripts given: pass JSONL, JSON or CSV files, folders, globs, or - to read standard input (try `preach score --help`)');
  if (patterns.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be given once');
  return { inputFormat: inputFormat as InputFormat | undefined, jobs, worst, channel: options.channel as Channel | undefined, language: options.language };
}

/** `--csv-column body=Comment` → `{body: 'Comment'}`. */
function parseColumns(pairs: string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1) throw new UsageError(`--csv-column needs FIELD=COLUMN, got "${pair}"`);
    mapping[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  checkCsvMapping(mapping, '--csv-column');
  return mapping;
}

function createSink(options: ScoreCommandOptions, out: TextOut, color: boolean): ReportSink {
  switch (options.format) {
    case 'json':
      return jsonSink(out);
    case 'csv':
      return options.groupBy === 'agent' ? csvAgentSink(out) : csvConversationSink(out);
    case 'html':
      return htmlSink(out);
    default:
      return tableSink(out, { color });
  }
}

function fileError(input: Input, error: unknown): RecordError {
  if (error instanceof PreachInputError) return { source: input.source, line: error.line, reason: error.hint ? `${error.message}. ${error.hint}` : error.message, file: true };
  if (isInputError(error)) return { source: input.source, reason: error.format(), file: true };
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : `cannot read: ${(error as Error).message}`;
  return { source: input.source, reason, file: true };
}

async function sizeOf(inputs: readonly Input[]): Promise<number | undefined> {
  let total = 0;
  for (const input of inputs) {
    if (!input.path) return undefined;
    total += (await stat(input.path).catch(() => undefined))?.size ?? 0;
  }
  return total;
}

/** Opens the report before any work, so a bad path fails at once with a clear message. */
async function openReport(path: string, shown: string): Promise<PendingFile> {
  try {
    return await openPendingFile(path, shown);
  } catch (error) {
    if (error instanceof WriteFailure) throw new UsageError(`cannot write the report to ${shown}: ${error.reason}`);
    throw error;
  }
}
