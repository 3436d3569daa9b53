import type { ImportedItem, ScoreOutcome, ScoreSetup } from '@preach/score';
import type { QueueRun, RunEvent } from '@preach/score/queue';
import { UsageError } from '../exit.js';
import type { Io } from './lint.js';

/** `preach score --queue`: the options that send a run to the queue or collect one from it. */
export interface QueueFlags {
  queue?: string;
  shardSize?: string;
  runId?: string;
  collect?: string;
}

export interface CheckedQueue {
  url: string;
  shardSize: number;
  runId?: string;
  collect?: string;
}

/** Checks the queue flags; undefined for a run on this machine alone. */
export async function checkQueueFlags(flags: QueueFlags, patterns: string[]): Promise<CheckedQueue | undefined> {
  if (flags.queue === undefined) {
    for (const flag of ['shardSize', 'runId', 'collect'] as const) {
      if (flags[flag] !== undefined) throw new UsageError(`--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} works with --queue redis://HOST:PORT only`);
    }
    return undefined;
  }
  const { checkRedisUrl, DEFAULT_SHARD_SIZE } = await import('@preach/score/queue');
  let url: string;
  try {
    url = checkRedisUrl(flags.queue);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const shardSize = flags.shardSize === undefined ? DEFAULT_SHARD_SIZE : Number(flags.shardSize);
  if (!Number.isInteger(shardSize) || shardSize < 1) throw new UsageError(`--shard-size needs a whole number of conversations of at least 1, got "${flags.shardSize}"`);
  if (flags.collect !== undefined && patterns.length) throw new UsageError('--collect RUN assembles a run already on the queue: give it no transcripts');
  if (flags.collect !== undefined && flags.runId !== undefined) throw new UsageError('give --collect RUN or --run-id RUN, not both');
  return { url, shardSize, ...(flags.runId !== undefined ? { runId: flags.runId } : {}), ...(flags.collect !== undefined ? { collect: flags.collect } : {}) };
}

/** How the reader tells the report what it met besides conversations. */
export interface ReaderEvents {
  input(source: string, format: string): void;
  notice(source: string, message: string, count?: number): void;
  fileProblem(): void;
}

/** The reader's events go into the run, each at its place between the conversations. */
export function runEvents(run: QueueRun): ReaderEvents {
  return {
    input: (source, format) => run.event({ input: { source, format } }),
    notice: (source, message, count) => run.event({ notice: { source, message, ...(count ? { count } : {}) } }),
    fileProblem: () => run.event({ fileProblem: true }),
  };
}

/** Replays a run's event into the report, as the reader would have told it on one machine (records' errors come back as outcomes). */
export function replay(event: RunEvent, events: ReaderEvents): void {
  if ('input' in event) events.input(event.input.source, event.input.format);
  else if ('notice' in event) events.notice(event.notice.source, event.notice.message, event.notice.count);
  else if ('fileProblem' in event) events.fileProblem();
}

export interface QueueProgress {
  bytes(count: number): void;
  shard(done: number, total?: number): void;
}

/**
 * The scored conversations of a run on the queue, in input order: enqueues what the reader
 * yields (unless only collecting) while collecting what the workers return.
 */
export async function* queueOutcomes(run: QueueRun, items: AsyncIterable<ImportedItem> | undefined, local: ReaderEvents, progress: QueueProgress, io: Io): AsyncGenerator<ScoreOutcome> {
  for (const warning of run.warnings) io.stderr.write(`preach: warning: ${warning}\n`);
  io.stderr.write(`preach: run ${run.id}${run.resumed ? ' (resumed)' : ''} on the queue; if this command stops, finish it with preach score --collect ${run.id} --queue …\n`);
  const enqueuing = items ? run.enqueue(items) : Promise.resolve();
  enqueuing.then(
    () => {
      const { shards = 0, conversations = 0 } = run.record;
      if (items) io.stderr.write(`preach: run ${run.id}: all ${shards} shards enqueued (${conversations.toLocaleString('en-US')} conversations); the report follows as workers score them\n`);
    },
    () => {
      // Thrown again by run.outcomes(), which stops on it.
    },
  );
  let bytesAt = 0;
  yield* run.outcomes({
    event: (event) => replay(event, local),
    shard: ({ bytesAt: at, done, total }) => {
      progress.bytes(at - bytesAt);
      bytesAt = at;
      progress.shard(done, total);
    },
  });
  await enqueuing;
}

/** The setup a collecting producer reads the report's settings (agents) from: the run's own config. */
export async function collectSetup(run: QueueRun, io: Io): Promise<{ setup: ScoreSetup; remove(): void }> {
  const { unpackConfig } = await import('@preach/score/queue');
  const unpacked = await unpackConfig(run.record.bundle, { cwd: io.cwd, preach: io.version });
  return unpacked;
}
