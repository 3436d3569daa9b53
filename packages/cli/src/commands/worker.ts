import { availableParallelism } from 'node:os';
import { UsageError } from '../exit.js';
import type { Io } from './lint.js';

export interface WorkerCommandOptions {
  queue?: string;
  jobs?: string;
  concurrency?: string;
  lockMs?: string;
  stalledIntervalMs?: string;
}

/**
 * `preach worker --queue redis://…`: scores shards of the runs `preach score --queue` enqueues,
 * on every core of this machine, until stopped (SIGINT or SIGTERM: the shards in hand are
 * finished first). One line per shard on standard output.
 */
export async function workerCommand(options: WorkerCommandOptions, io: Io, signals: NodeJS.EventEmitter = process): Promise<number> {
  if (options.queue === undefined) throw new UsageError('worker needs --queue redis://HOST:PORT, the Redis the producer (preach score --queue) uses; see docs/queue.md');
  const { checkRedisUrl, shownUrl, startQueueWorker } = await import('@preach/score/queue');
  let url: string;
  try {
    url = checkRedisUrl(options.queue);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const jobs = wholeNumber(options.jobs, '--jobs', availableParallelism());
  const concurrency = wholeNumber(options.concurrency, '--concurrency', 2);
  const lockMs = options.lockMs === undefined ? undefined : wholeNumber(options.lockMs, '--lock-ms', 0);
  const stalledIntervalMs = options.stalledIntervalMs === undefined ? undefined : wholeNumber(options.stalledIntervalMs, '--stalled-interval-ms', 0);
  const log = (line: string) => io.stdout.write(`${new Date().toISOString()} ${line}\n`);
  const worker = await startQueueWorker({ redisUrl: url, cwd: io.cwd, preach: io.version, jobs, concurrency, lockMs, stalledIntervalMs, log });
  log(`worker ${worker.name} scoring on ${jobs} ${jobs === 1 ? 'thread' : 'threads'}, ${concurrency} ${concurrency === 1 ? 'shard' : 'shards'} at a time, from ${shownUrl(url)}`);
  const stop = (signal: string) => {
    log(`worker ${worker.name}: ${signal}: finishing the shards in hand, then stopping`);
    void worker.close();
  };
  signals.once('SIGINT', () => stop('SIGINT'));
  signals.once('SIGTERM', () => stop('SIGTERM'));
  await worker.closed;
  log(`worker ${worker.name} stopped`);
  return 0;
}

function wholeNumber(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a whole number of at least 1, got "${value}"`);
  return n;
}
