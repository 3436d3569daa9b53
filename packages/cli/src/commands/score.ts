import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { CHANNELS, DEFAULT_LIMITS, isInputError, LANGUAGE_PATTERN, PreachInputError } from '@preach/core';
import { printConfigWarnings } from '../config-warnings.js';
import { EXIT, UsageError } from '../exit.js';
import { expandInputs } from '../inputs.js';
import { openPendingFile, refuseInputAsOutput, WriteFailure, writeFailureReason, type PendingFile } from '../safe-write.js';
import { parseLimitFlags } from '../limits.js';
import {
  AgentDirectory,
  Aggregator,
  AgreementCollector,
  DEFAULT_MIN_CONVERSATIONS,
  checkCsvMapping,
  ConversationFilter,
  filterNote,
  ReviewSampler,
  type HumanScores,
  createReportSink,
  createScorerOptions,
  GROUP_BY,
  INPUT_FORMATS,
  readTranscripts,
  SCORE_FORMATS,
  scoreAll,
  startPool,
  textOut,
  type ImportedItem,
  type InputFormat,
  type RecordError,
  type ReportWarning,
  type ScoreSetup,
} from '@preach/score';
import { createProgress, wantsProgress } from '../progress.js';
import { checkFilters, checkSample, openSampleFile, parseCompareColumns, readCompareFile, writeSample, type ReviewFlags, type SampleSettings } from './score-review.js';
import { checkQueueFlags, collectSetup, queueOutcomes, runEvents, type CheckedQueue, type QueueFlags, type ReaderEvents } from './score-queue.js';
import type { QueueRun } from '@preach/score/queue';

type ScorePool = ReturnType<typeof startPool>;
import type { Io } from './lint.js';

export interface ScoreCommandOptions extends ReviewFlags, QueueFlags {
  inputFormat?: string;
  format: string;
  groupBy: string;
  output?: string;
  jobs?: string;
  strict?: boolean;
  config?: string;
  noConfig?: boolean;
  language?: string;
  agentSignature?: string;
  csvColumn?: string[];
  includeBots?: boolean;
  worst?: string;
  minConversations?: string;
  progress?: boolean;
  color: boolean;
  timeBudget?: string;
  maxDraftKb?: string;
}

/** What a folder given to `preach score` is searched for. */
const TRANSCRIPT_EXTENSIONS = ['jsonl', 'ndjson', 'json', 'csv', 'tsv'];
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
  const queue = await checkQueueFlags(options, patterns);
  const settings = checkOptions(patterns, options, queue);
  const setup: ScoreSetup = {
    lookup: io.cwd,
    configFile: options.config && resolve(io.cwd, options.config),
    noConfig: options.noConfig,
    signature: options.agentSignature,
    limits: parseLimitFlags(options),
  };
  // Threads start first: they load the config while this thread does the same and starts reading.
  // On the queue, the workers' threads score.
  const pool = queue ? undefined : startPool(settings.jobs, setup);
  try {
    return await scoreInputs(patterns, options, io, settings, setup, pool, queue);
  } finally {
    await pool?.destroy();
  }
}

async function scoreInputs(patterns: string[], options: ScoreCommandOptions, io: Io, settings: CheckedOptions, setup: ScoreSetup, pool: ScorePool | undefined, queue: CheckedQueue | undefined): Promise<number> {
  // Collecting a run: its report's settings come from the config the run carries.
  const { QueueRun } = queue ? await import('@preach/score/queue') : { QueueRun: undefined };
  const collecting = queue?.collect !== undefined ? await QueueRun!.collect(queue.url, queue.collect) : undefined;
  const collected = collecting ? await collectSetup(collecting, io).catch(async (error: unknown) => {
    await collecting.close();
    throw error;
  }) : undefined;
  try {
    return await scoreInputsWith(patterns, options, io, settings, collected?.setup ?? setup, pool, queue, collecting);
  } finally {
    collected?.remove();
    await collecting?.close();
  }
}

async function scoreInputsWith(patterns: string[], options: ScoreCommandOptions, io: Io, settings: CheckedOptions, setup: ScoreSetup, pool: ScorePool | undefined, queue: CheckedQueue | undefined, collecting: QueueRun | undefined): Promise<number> {
  const local = await createScorerOptions(setup);
  printConfigWarnings(local.config.warnings, io.stderr);
  checkCsvMapping(local.settings.csv ?? {}, local.file ?? '.preachrc.yaml');
  const agents = AgentDirectory.from(local.settings.agents, local.file ?? '.preachrc.yaml');
  const csvColumns = { ...local.settings.csv, ...parseColumns(options.csvColumn ?? []) };
  const human = options.compare ? await readCompareFile(options.compare, settings.compareColumns, io) : undefined;

  const inputs: Input[] = [];
  const unreadable: RecordError[] = [];
  const { files, missing, loops } = await expandInputs(patterns.filter((p) => p !== '-'), io.cwd, TRANSCRIPT_EXTENSIONS);
  for (const { pattern, reason } of missing) unreadable.push({ source: pattern, reason, file: true });
  for (const loop of loops) io.stderr.write(`preach: ${relative(io.cwd, loop.link) || loop.link} is a symbolic link back to ${relative(io.cwd, loop.target) || loop.target}, a folder above it; its transcripts were read once, not again through the link\n`);
  for (const pattern of patterns) if (pattern === '-') inputs.push({ source: '<stdin>' });
  for (const path of files) inputs.push({ source: relative(io.cwd, path) || path, path });
  if (options.strict && unreadable.length) throw new PreachInputError({ file: unreadable[0]!.source, message: unreadable[0]!.reason });

  const outputPath = options.output ? resolve(io.cwd, options.output) : undefined;
  const read = inputs.flatMap((input) => (input.path ? [{ path: input.path, shown: input.source }] : []));
  if (setup.configFile) read.push({ path: setup.configFile, shown: options.config! });
  // A review file filled in and compared is an input too: a new sample must not overwrite it.
  if (options.compare) read.push({ path: resolve(io.cwd, options.compare), shown: options.compare });
  if (outputPath) await refuseInputAsOutput(outputPath, options.output!, read);
  if (settings.sample) {
    const samplePath = resolve(io.cwd, settings.sample.output);
    await refuseInputAsOutput(samplePath, settings.sample.output, [...read, ...(outputPath ? [{ path: outputPath, shown: options.output! }] : [])], '--sample-output');
  }
  // The report goes to a temporary file, renamed over the old one only once it is complete: on an
  // error or Ctrl-C the previous report stays as it was.
  const pending = outputPath ? await openReport(outputPath, options.output!) : undefined;
  // The review file too is opened before any work (a bad path fails at once) and appears whole.
  const sampleFile = settings.sample ? await openSampleFile(resolve(io.cwd, settings.sample.output), settings.sample.output).catch(async (error: unknown) => {
    await pending?.discard();
    throw error;
  }) : undefined;
  let run = collecting;
  try {
    run ??= queue ? await startQueueRun(queue, setup, inputs, io) : undefined;
    const code = await scoreTo(pending?.stream ?? io.stdout, { inputs, unreadable, csvColumns, local, agents, pool, run, settings, options, io, toFile: Boolean(outputPath), human, sampleFile });
    await pending?.commit().catch((error: unknown) => {
      throw error instanceof WriteFailure ? new UsageError(`cannot write the report to ${options.output}: ${error.reason}`) : error;
    });
    // The report is written: the run's shards leave Redis.
    await run?.remove();
    return code;
  } catch (error) {
    // The report's own stream failed midway (a full disk): say so in words; the old report stays.
    if (pending && (error as NodeJS.ErrnoException).syscall === 'write') throw new UsageError(`cannot write the report to ${options.output}: ${writeFailureReason(error)}`);
    throw error;
  } finally {
    await pending?.discard();
    await sampleFile?.discard();
    if (run !== collecting) await run?.close();
  }
}

/** Sends the run to the queue with its config, or picks up the run named by --run-id. */
async function startQueueRun(queue: CheckedQueue, setup: ScoreSetup, inputs: Input[], io: Io): Promise<QueueRun> {
  const { bundleConfig, QueueRun } = await import('@preach/score/queue');
  const bundle = await bundleConfig(setup, io.version);
  const sized = await Promise.all(inputs.map(async (input) => ({ source: input.source, ...(input.path ? { bytes: (await stat(input.path).catch(() => undefined))?.size ?? 0 } : {}) })));
  return QueueRun.start({ redisUrl: queue.url, runId: queue.runId, shardSize: queue.shardSize, bundle, inputs: sized, totalBytes: await sizeOf(inputs) });
}

interface ScoreRun {
  inputs: Input[];
  unreadable: RecordError[];
  csvColumns: Record<string, string>;
  local: Awaited<ReturnType<typeof createScorerOptions>>;
  agents: AgentDirectory;
  pool?: ScorePool;
  /** The run on the queue, when the workers score. */
  run?: QueueRun;
  settings: CheckedOptions;
  options: ScoreCommandOptions;
  io: Io;
  toFile: boolean;
  /** Human QA scores to compare with (`--compare`). */
  human?: HumanScores;
  /** The review file of `--sample`, opened and not yet in place. */
  sampleFile?: PendingFile;
}

/** Scores every conversation of the inputs and writes the report to `outputStream`; resolves to the exit code. */
async function scoreTo(outputStream: NodeJS.WritableStream, run: ScoreRun): Promise<number> {
  const { inputs, unreadable, csvColumns, local, agents, pool, settings, options, io } = run;
  const queueRun = run.run;
  // Filters apply before anything is counted, so every format reports the same conversations.
  const filter = new ConversationFilter(settings.filters);
  const defaultChannel = filter.defaultChannel();
  const sampler = settings.sample && new ReviewSampler({ n: settings.sample.n, seed: settings.sample.seed, by: settings.sample.by });
  const agreement = run.human && new AgreementCollector(run.human, local.config.scoring.passMark);
  const out = textOut(outputStream);
  const minConversations = settings.minConversations ?? local.settings.report?.min_conversations ?? DEFAULT_MIN_CONVERSATIONS;
  const sink = createReportSink(out, { format: options.format, groupBy: options.groupBy, color: options.color && !run.toFile, minConversations, openWorst: settings.worst });
  // The HTML report keeps every conversation itself; the totals are all it needs from here.
  const aggregator = new Aggregator({ worst: 0, rows: 0 });
  const totalBytes = queueRun ? queueRun.record.totalBytes : await sizeOf(inputs);
  const progress = createProgress({ enabled: options.progress !== false && wantsProgress(io, run.toFile), totalBytes, stderr: io.stderr, shards: Boolean(queueRun) });
  let fileProblem = false;
  /** What the reader met besides conversations: told to the report at once, or sent with the run. */
  const told: ReaderEvents = { input: (source, format) => aggregator.input(source, format), notice: (source, text, count) => aggregator.notice(source, text, count), fileProblem: () => (fileProblem = true) };
  const heard = queueRun ? runEvents(queueRun) : told;
  if (!queueRun) {
    for (const problem of unreadable) aggregator.add({ error: problem });
    fileProblem = unreadable.length > 0;
  }

  async function* everyConversation(): AsyncGenerator<ImportedItem> {
    // On the queue they travel with the run, first, as they come first here.
    if (queueRun) {
      for (const problem of unreadable) {
        heard.fileProblem();
        yield { error: problem };
      }
    }
    for (const input of inputs) {
      let opened = false;
      try {
        const stream = input.path ? createReadStream(input.path) : io.stdin;
        const read = await readTranscripts(stream, { source: input.source, path: input.path, format: settings.inputFormat, csvColumns, onBytes: queueRun ? (count) => queueRun.readBytes(count) : progress.bytes });
        heard.input(input.source, read.container);
        opened = true;
        for await (const item of read.items) {
          if ('conversation' in item) {
            if (!filter.beforeScoring(item.conversation)) continue;
            if (defaultChannel && !item.conversation.channel) item.conversation.channel = defaultChannel;
            if (settings.language && !item.conversation.language) item.conversation.language = settings.language;
            if (options.includeBots) item.conversation.scoreBots = true;
          }
          yield item;
        }
        if (read.formats.size) heard.input(input.source, [...read.formats].join('+'));
        for (const [text, count] of read.notices) heard.notice(input.source, text, count);
      } catch (error) {
        if (error instanceof StrictStop) throw error;
        heard.fileProblem();
        // Listed among the inputs where it was met, however far the reading has run ahead.
        if (!opened) heard.input(input.source, 'unknown');
        yield { error: fileError(input, error) };
      }
    }
  }

  try {
    const outcomes = queueRun
      ? queueOutcomes(queueRun, options.collect === undefined ? everyConversation() : undefined, told, progress, io)
      : scoreAll(everyConversation(), { pool: pool!, budgetMs: (local.config.limits ?? DEFAULT_LIMITS).timeBudgetMs });
    for await (const outcome of outcomes) {
      if ('error' in outcome) {
        if (options.strict) throw new StrictStop(outcome.error);
        aggregator.add(outcome);
        progress.scored(0);
        continue;
      }
      agents.apply(outcome.scored);
      progress.scored(outcome.scored.replies.length);
      if (!filter.afterScoring(outcome.scored)) continue;
      aggregator.add(outcome);
      sampler?.add(outcome.scored);
      agreement?.add(outcome.scored);
      await sink.conversation(outcome.scored);
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
  // Every format says which filters applied: a note in the report, and `filters` in JSON.
  if (filter.active) aggregator.notice('filters', filterNote(filter.summary()));
  const report = aggregator.report();
  if (filter.active) report.filters = filter.summary();
  if (agreement) report.agreement = agreement.result();
  await sink.finish(report);
  if (sampler && settings.sample && run.sampleFile) await writeSample(sampler, settings.sample, run.sampleFile, io);
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
  filters: ReturnType<typeof checkFilters>;
  sample?: SampleSettings;
  compareColumns: ReturnType<typeof parseCompareColumns>;
  minConversations?: number;
  language?: string;
}

function checkOptions(patterns: string[], options: ScoreCommandOptions, queue?: CheckedQueue): CheckedOptions {
  if (!SCORE_FORMATS.includes(options.format)) throw new UsageError(`unknown format "${options.format}"; use one of: ${SCORE_FORMATS.join(', ')}`);
  if (!GROUP_BY.includes(options.groupBy)) throw new UsageError(`unknown --group-by "${options.groupBy}"; use one of: ${GROUP_BY.join(', ')}`);
  if (options.groupBy !== 'conversation' && options.format !== 'csv') throw new UsageError('--group-by applies to --format csv only (the other formats show conversations and agents together)');
  const inputFormat = options.inputFormat && options.inputFormat !== 'auto' ? options.inputFormat : undefined;
  if (inputFormat && !(INPUT_FORMATS as readonly string[]).includes(inputFormat)) throw new UsageError(`unknown --input-format "${inputFormat}"; use one of: auto, ${INPUT_FORMATS.join(', ')}`);
  if (options.channel !== undefined && !options.channel.trim()) throw new UsageError(`--channel needs a channel (${CHANNELS.join(', ')}) or the export's own channel name (twitter, whatsapp, …)`);
  if (options.language && !new RegExp(LANGUAGE_PATTERN).test(options.language)) throw new UsageError(`--language needs a language tag such as en, th, ko or zh (or auto), got "${options.language}"`);
  const jobs = options.jobs === undefined ? availableParallelism() : Number(options.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs needs a whole number of at least 1, got "${options.jobs}"`);
  const worst = options.worst === undefined ? 20 : Number(options.worst);
  if (!Number.isInteger(worst) || worst < 0) throw new UsageError(`--worst needs a whole number, got "${options.worst}"`);
  const minConversations = options.minConversations === undefined ? undefined : Number(options.minConversations);
  if (minConversations !== undefined && (!Number.isInteger(minConversations) || minConversations < 1)) throw new UsageError(`--min-conversations needs a whole number of at least 1, got "${options.minConversations}"`);
  if (patterns.length === 0 && queue?.collect === undefined) throw new UsageError('no transcripts given: pass JSONL, JSON or CSV files, folders, globs, or - to read standard input (try `preach score --help`)');
  if (patterns.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be given once');
  return { inputFormat: inputFormat as InputFormat | undefined, jobs, worst, filters: checkFilters(options), sample: checkSample(options), compareColumns: parseCompareColumns(options), minConversations, language: options.language };
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
