import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { COMPARE_FIELDS, formatReviewFile, newSeed, parseDateBound, readHumanScores, SAMPLE_BY, textOut, type CompareField, type FilterSpec, type HumanScores, type ReviewSampler, type SampleBy } from '@preach/score';
import { UsageError } from '../exit.js';
import { openPendingFile, WriteFailure, writeFailureReason, type PendingFile } from '../safe-write.js';
import type { Io } from './lint.js';

/** The flags of `preach score` that choose conversations and tie it to human review. */
export interface ReviewFlags {
  since?: string;
  until?: string;
  agent?: string[];
  tag?: string[];
  channel?: string;
  sample?: string;
  sampleBy?: string;
  sampleOutput?: string;
  seed?: string;
  compare?: string;
  compareColumn?: string[];
}

export interface SampleSettings {
  n: number;
  by: SampleBy;
  seed: number;
  seedGiven: boolean;
  output: string;
}

export function checkFilters(options: ReviewFlags): FilterSpec {
  const bound = (flag: '--since' | '--until', value: string | undefined) => {
    if (value === undefined) return undefined;
    const at = parseDateBound(value, flag === '--since' ? 'since' : 'until');
    if (at === undefined) throw new UsageError(`${flag} needs a date as YYYY-MM-DD or an ISO 8601 time such as 2024-05-01T09:00Z, got "${value}"`);
    return at;
  };
  const since = bound('--since', options.since);
  const until = bound('--until', options.until);
  if (since !== undefined && until !== undefined && since > until) throw new UsageError(`--since ${options.since} is after --until ${options.until}: no conversation can match`);
  for (const [flag, values] of [['--agent', options.agent], ['--tag', options.tag]] as const) {
    if (values?.some((value) => !value.trim())) throw new UsageError(`${flag} needs a value`);
  }
  return { since: options.since, until: options.until, agents: options.agent, tags: options.tag, channel: options.channel };
}

export function checkSample(options: ReviewFlags): SampleSettings | undefined {
  if (options.sample === undefined) {
    for (const [flag, value] of [['--sample-by', options.sampleBy], ['--sample-output', options.sampleOutput], ['--seed', options.seed]] as const) {
      if (value !== undefined) throw new UsageError(`${flag} applies to --sample N only`);
    }
    return undefined;
  }
  const n = Number(options.sample);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--sample needs a whole number of conversations of at least 1, got "${options.sample}"`);
  const by = (options.sampleBy ?? 'conversation') as SampleBy;
  if (!SAMPLE_BY.includes(by)) throw new UsageError(`unknown --sample-by "${options.sampleBy}"; use one of: ${SAMPLE_BY.join(', ')}`);
  if (!options.sampleOutput) throw new UsageError('--sample needs --sample-output FILE: the review file to write (.csv, or .jsonl for JSON lines)');
  const seed = options.seed === undefined ? newSeed() : Number(options.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) throw new UsageError(`--seed needs a whole number from 0 to ${2 ** 31 - 1}, got "${options.seed}"`);
  return { n, by, seed, seedGiven: options.seed !== undefined, output: options.sampleOutput };
}

/** `--compare-column score=QA Score` → `{score: 'QA Score'}`. */
export function parseCompareColumns(options: ReviewFlags): Partial<Record<CompareField, string>> {
  const pairs = options.compareColumn ?? [];
  if (pairs.length && !options.compare) throw new UsageError('--compare-column applies to --compare FILE only');
  const mapping: Partial<Record<CompareField, string>> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1) throw new UsageError(`--compare-column needs FIELD=COLUMN, got "${pair}"`);
    const field = pair.slice(0, at).trim();
    if (!(field in COMPARE_FIELDS)) throw new UsageError(`--compare-column: unknown field "${field}"; use one of: ${Object.keys(COMPARE_FIELDS).join(', ')}`);
    mapping[field as CompareField] = pair.slice(at + 1).trim();
  }
  return mapping;
}

/** Reads the human QA scores before any scoring: a file that cannot be used stops the run at once. */
export async function readCompareFile(file: string, columns: Partial<Record<CompareField, string>>, io: Io): Promise<HumanScores> {
  const path = resolve(io.cwd, file);
  try {
    return await readHumanScores(createReadStream(path), { source: file, columns });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`--compare: ${file}: file not found`);
    if (code === 'EISDIR') throw new UsageError(`--compare: ${file}: is a folder; give the CSV or JSONL file of human QA scores`);
    if (code === 'EACCES') throw new UsageError(`--compare: ${file}: permission denied`);
    throw new UsageError(`--compare: ${(error as Error).message}`);
  }
}

/** Writes the review file (temporary file, then rename) and says how to draw the same sample again. */
export async function writeSample(sampler: ReviewSampler, sample: SampleSettings, file: PendingFile, io: Io): Promise<void> {
  const rows = sampler.rows();
  try {
    await textOut(file.stream).write(formatReviewFile(rows, sample.output));
    await file.commit();
  } catch (error) {
    if (error instanceof WriteFailure) throw new UsageError(`cannot write the review sample to ${sample.output}: ${error.reason}`);
    if ((error as NodeJS.ErrnoException).syscall === 'write') throw new UsageError(`cannot write the review sample to ${sample.output}: ${writeFailureReason(error)}`);
    throw error;
  }
  const what = sample.by === 'agent' ? `up to ${sample.n.toLocaleString('en-US')} per agent` : `${sample.n.toLocaleString('en-US')} at random`;
  io.stderr.write(`preach: review sample: ${rows.length.toLocaleString('en-US')} ${rows.length === 1 ? 'conversation' : 'conversations'} (${what}) written to ${sample.output}; seed ${sample.seed}${sample.seedGiven ? '' : ` (--seed ${sample.seed} draws the same sample again)`}\n`);
}

export async function openSampleFile(path: string, shown: string): Promise<PendingFile> {
  try {
    return await openPendingFile(path, shown);
  } catch (error) {
    if (error instanceof WriteFailure) throw new UsageError(`cannot write the review sample to ${shown}: ${error.reason}`);
    throw error;
  }
}
