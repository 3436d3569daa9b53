import { hostname } from 'node:os';
import { DEFAULT_LIMITS } from '@preach/core';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { scoreAll, startPool } from '../pool.js';
import { createScorerOptions } from '../setup.js';
import type { Conversation, ImportedItem, ScoreOutcome } from '../types.js';
import { unpackConfig, type UnpackedConfig } from './bundle.js';
import { bullConnection, connectRedis } from './redis.js';
import { KEY_PREFIX, pack, QUEUE_NAME, runKey, unpack, type RunRecord, type ShardJob, type ShardResult } from './wire.js';

export interface QueueWorkerOptions {
  redisUrl: string;
  /** Where code packs are looked for (the folder the worker was started in). */
  cwd: string;
  /** This preach's version: a run made by another is refused. */
  preach: string;
  /** Scoring threads. */
  jobs: number;
  /** Shards scored at once, all on the same threads (2: one scores while the other's result travels). */
  concurrency?: number;
  /** How long a shard stays claimed without a sign of life from this worker (BullMQ's lock; default 30 s). */
  lockMs?: number;
  /** How often workers look for shards whose worker died (BullMQ's stalled check; default 30 s). */
  stalledIntervalMs?: number;
  /** One line per shard, and the worker's own news. */
  log(line: string): void;
}

/** A run's config loaded here, with its own scoring threads. */
interface PreparedRun {
  config: UnpackedConfig;
  pool: ReturnType<typeof startPool>;
  budgetMs: number;
}

/** Runs prepared at once on one worker: a new run's threads replace the oldest run's. */
const PREPARED_RUNS = 2;

export interface QueueWorker {
  name: string;
  /** Finishes the shards in hand, then stops. */
  close(): Promise<void>;
  /** Resolves when the worker has stopped. */
  closed: Promise<void>;
}

/**
 * `preach worker`: takes shards from the queue, scores each on this machine's threads with the
 * config its run carries, and returns the scored conversations. A worker that dies mid-shard
 * leaves the shard locked until the lock expires; BullMQ's stalled check then gives it to
 * another worker.
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const name = `${hostname()}:${process.pid}`;
  const redis = await connectRedis(options.redisUrl);
  const prepared = new Map<string, Promise<PreparedRun>>();

  const prepare = (record: RunRecord): Promise<PreparedRun> => {
    const key = record.bundle.fingerprint;
    let run = prepared.get(key);
    if (run) {
      // Most recently used last.
      prepared.delete(key);
      prepared.set(key, run);
      return run;
    }
    run = (async () => {
      const config = await unpackConfig(record.bundle, { cwd: options.cwd, preach: options.preach });
      try {
        const scorer = await createScorerOptions(config.setup);
        return { config, pool: startPool(options.jobs, config.setup), budgetMs: (scorer.config.limits ?? DEFAULT_LIMITS).timeBudgetMs };
      } catch (error) {
        config.remove();
        throw error;
      }
    })();
    prepared.set(key, run);
    run.catch(() => prepared.delete(key));
    // The least recently used runs that no shard in hand needs give their threads back.
    for (const [old, oldRun] of prepared) {
      if (prepared.size <= PREPARED_RUNS) break;
      if (old === key || (inUse.get(old) ?? 0) > 0) continue;
      prepared.delete(old);
      void oldRun.then(release, () => {});
    }
    return run;
  };
  const inUse = new Map<string, number>();

  /** Runs' records by id and config: a run id used again (`--run-id nightly`) may carry another config. */
  const records = new Map<string, RunRecord>();
  const recordOf = async (runId: string, fingerprint: string): Promise<RunRecord> => {
    const key = `${runId} ${fingerprint}`;
    const known = records.get(key);
    if (known) return known;
    const text = await redis.get(runKey(runId));
    if (!text) throw new Error(`run ${runId} is no longer in Redis (its report was written and the run removed)`);
    const record = JSON.parse(text) as RunRecord;
    if (record.bundle.fingerprint !== fingerprint) throw new Error(`run ${runId} in Redis carries another config than this shard was enqueued with`);
    records.set(key, record);
    if (records.size > 16) records.delete(records.keys().next().value!);
    return record;
  };

  const processShard = async (job: Job<ShardJob, ShardResult>): Promise<ShardResult> => {
    const started = performance.now();
    const { runId, shard } = job.data;
    let run: PreparedRun;
    const key = job.data.fingerprint;
    inUse.set(key, (inUse.get(key) ?? 0) + 1);
    try {
      try {
        run = await prepare(await recordOf(runId, key));
      } catch (error) {
        options.log(`run ${runId} shard ${shard + 1}: refused: ${(error as Error).message}`);
        throw new Error(`worker ${name} cannot score run ${runId}: ${(error as Error).message}`);
      }
      return await scoreShard(job, run, started);
    } finally {
      inUse.set(key, inUse.get(key)! - 1);
    }
  };

  const scoreShard = async (job: Job<ShardJob, ShardResult>, run: PreparedRun, started: number): Promise<ShardResult> => {
    const { runId, shard } = job.data;
    const items: ImportedItem[] = unpack<Conversation[]>(job.data.conversations).map((conversation) => ({ conversation }));
    const outcomes: ScoreOutcome[] = [];
    for await (const outcome of scoreAll(fromArray(items), { pool: run.pool, budgetMs: run.budgetMs })) outcomes.push(outcome);
    const replies = outcomes.reduce((sum, o) => sum + ('scored' in o ? o.scored.replies.length : 0), 0);
    const errors = outcomes.length - outcomes.filter((o) => 'scored' in o).length;
    const seconds = (performance.now() - started) / 1000;
    options.log(
      `run ${runId} shard ${shard + 1}: ${items.length} conversations, ${replies} replies${errors ? `, ${errors} not scored` : ''} in ${seconds.toFixed(1)} s (${Math.round(replies / Math.max(seconds, 0.001))} replies/s)${job.attemptsMade ? `, try ${job.attemptsMade + 1}` : ''}`,
    );
    return { outcomes: pack(outcomes), replies, worker: name };
  };

  const worker = new Worker<ShardJob, ShardResult>(QUEUE_NAME, processShard, {
    connection: bullConnection(options.redisUrl),
    prefix: KEY_PREFIX,
    concurrency: options.concurrency ?? 2,
    ...(options.lockMs !== undefined ? { lockDuration: options.lockMs } : {}),
    ...(options.stalledIntervalMs !== undefined ? { stalledInterval: options.stalledIntervalMs } : {}),
    // A shard whose worker died twice is more likely the cause than the victim.
    maxStalledCount: 2,
    autorun: false,
  });
  worker.on('error', (error) => options.log(`queue error: ${error.message}`));
  await worker.waitUntilReady();
  const running = worker.run();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await worker.close();
      await running.catch(() => {});
      for (const run of prepared.values()) await run.then(release, () => {});
      prepared.clear();
      redis.disconnect();
    })());
  const closed = running.then(
    () => close(),
    () => close(),
  );
  return { name, close, closed };
}

async function release(run: PreparedRun): Promise<void> {
  await run.pool.destroy();
  run.config.remove();
}

async function* fromArray<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}
