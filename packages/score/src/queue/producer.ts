import { randomBytes } from 'node:crypto';
import { Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Conversation, ImportedItem, ScoreOutcome } from '../types.js';
import type { ConfigBundle } from './bundle.js';
import { bullConnection, connectRedis, shownUrl } from './redis.js';
import { jobIdOf, KEY_PREFIX, manifestKey, pack, QUEUE_NAME, runKey, SHARD_ATTEMPTS, unpack, type RunEvent, type RunRecord, type ShardJob, type ShardManifest, type ShardResult } from './wire.js';

/** Shards enqueued ahead of the one being collected: bounds what a run holds in Redis at once. */
const DEFAULT_AHEAD = 64;
/** How often a producer looks at a shard it waits on, should a completion event be missed. */
const RECHECK_MS = 2000;

/** A problem with the run itself (not found, not the same input), said in words. */
export class RunProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunProblem';
  }
}

/** What the producer's caller hears as shards come back, in input order. */
export interface CollectHooks {
  /** An input opened, a notice or a file problem, at its place between the conversations. */
  event(event: RunEvent): void;
  /** A shard was collected: its replies, the input bytes it covers, shards done and (once known) in all. */
  shard(progress: { replies: number; bytesAt: number; done: number; total?: number }): void;
}

export interface StartRunOptions {
  redisUrl: string;
  /** A run to resume; a new id otherwise. */
  runId?: string;
  shardSize: number;
  bundle: ConfigBundle;
  inputs: RunRecord['inputs'];
  totalBytes?: number;
  /** Shards enqueued ahead of the collector (default 64). */
  ahead?: number;
}

/**
 * A run on the queue: the producer splits the conversations it is given into shards and
 * enqueues them, while it collects the scored shards in input order.
 */
export class QueueRun {
  private bytes = 0;
  private current: ShardManifest;
  private readonly pendingConversations: Conversation[] = [];
  private enqueued = 0;
  private collected = 0;
  private enqueueDone = false;
  private enqueueError: Error | undefined;
  private closing = false;
  private wakeEnqueuer: (() => void) | undefined;
  private wakeCollector: (() => void) | undefined;

  private constructor(
    private readonly redis: Redis,
    private readonly queue: Queue,
    private readonly events: QueueEvents,
    readonly record: RunRecord,
    /** The run was found in Redis (a resumed or collected run). */
    readonly resumed: boolean,
    private readonly ahead: number,
  ) {
    this.current = { shard: 0, conversations: 0, entries: [], bytesAt: 0 };
  }

  /** Starts a run, or picks up the run named by `runId` when it is the same input and config. */
  static async start(options: StartRunOptions): Promise<QueueRun> {
    const redis = await connectRedis(options.redisUrl);
    try {
      const id = options.runId ?? newRunId();
      const stored = await redis.get(runKey(id));
      let record: RunRecord;
      if (stored) {
        record = JSON.parse(stored) as RunRecord;
        const same = JSON.stringify(record.inputs) === JSON.stringify(options.inputs) && record.bundle.fingerprint === options.bundle.fingerprint && record.shardSize === options.shardSize;
        if (!same) throw new RunProblem(`run ${id} was started on other inputs, another config or another --shard-size; resume it with the same ones, or collect it with preach score --collect ${id}`);
      } else {
        if (options.runId !== undefined && !/^[\w-]{1,80}$/.test(options.runId)) throw new RunProblem(`--run-id takes letters, digits, - and _ (at most 80), got "${options.runId}"`);
        record = { id, createdAt: new Date().toISOString(), bundle: options.bundle, shardSize: options.shardSize, inputs: options.inputs, ...(options.totalBytes !== undefined ? { totalBytes: options.totalBytes } : {}) };
        await redis.set(runKey(id), JSON.stringify(record));
      }
      return await QueueRun.open(redis, options.redisUrl, record, Boolean(stored), options.ahead ?? DEFAULT_AHEAD);
    } catch (error) {
      redis.disconnect();
      throw error;
    }
  }

  /** The run named `runId`, for collecting only: every shard must have been enqueued. */
  static async collect(redisUrl: string, runId: string): Promise<QueueRun> {
    const redis = await connectRedis(redisUrl);
    try {
      const stored = await redis.get(runKey(runId));
      if (!stored) throw new RunProblem(`there is no run ${runId} on ${shownUrl(redisUrl)}: it was never started there, or its report was written and the run removed`);
      const record = JSON.parse(stored) as RunRecord;
      if (record.shards === undefined) throw new RunProblem(`run ${runId} was not fully enqueued (its producer stopped while reading the input); finish it with preach score INPUT --queue ${shownUrl(redisUrl)} --run-id ${runId}, on the same input`);
      const run = await QueueRun.open(redis, redisUrl, record, true, DEFAULT_AHEAD);
      run.enqueueDone = true;
      run.enqueued = record.shards;
      return run;
    } catch (error) {
      redis.disconnect();
      throw error;
    }
  }

  private static async open(redis: Redis, redisUrl: string, record: RunRecord, resumed: boolean, ahead: number): Promise<QueueRun> {
    const connection = bullConnection(redisUrl);
    const queue = new Queue(QUEUE_NAME, { connection, prefix: KEY_PREFIX });
    const events = new QueueEvents(QUEUE_NAME, { connection, prefix: KEY_PREFIX });
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    const run = new QueueRun(redis, queue, events, record, resumed, ahead);
    run.warnings.push(...(await redisWarnings(redis)));
    return run;
  }

  /** What is wrong with the Redis for a run, said before the run starts (see docs/queue.md). */
  readonly warnings: string[] = [];

  get id(): string {
    return this.record.id;
  }

  /** Input bytes read so far (the reader's count). */
  readBytes(count: number): void {
    this.bytes += count;
  }

  /** An event at this point of the input (see RunEvent). */
  event(event: RunEvent): void {
    this.current.entries.push(event);
  }

  /**
   * Enqueues every item, shard by shard, then marks the run complete. Waits while the collector
   * is `ahead` shards behind, so a run's input never piles up in Redis all at once.
   */
  async enqueue(items: AsyncIterable<ImportedItem>): Promise<void> {
    try {
      for await (const item of items) {
        if ('error' in item) {
          this.current.entries.push({ error: item.error });
          continue;
        }
        // A full shard is closed when the next conversation comes, so what the reader says after
        // a shard's last conversation (an input's format, its notices) stays with that shard.
        if (this.current.conversations >= this.record.shardSize) await this.closeShard();
        this.pendingConversations.push(item.conversation);
        this.current.conversations++;
        const last = this.current.entries[this.current.entries.length - 1];
        if (typeof last === 'number') this.current.entries[this.current.entries.length - 1] = last + 1;
        else this.current.entries.push(1);
      }
      if (this.current.entries.length || this.enqueued === 0) await this.closeShard();
      this.record.shards = this.enqueued;
      this.record.conversations = await this.countConversations();
      await this.redis.set(runKey(this.id), JSON.stringify(this.record));
    } catch (error) {
      this.enqueueError = error as Error;
      throw error;
    } finally {
      this.enqueueDone = true;
      this.wakeCollector?.();
    }
  }

  private async countConversations(): Promise<number> {
    const manifests = await this.redis.hvals(manifestKey(this.id));
    return manifests.reduce((sum, text) => sum + (JSON.parse(text) as ShardManifest).conversations, 0);
  }

  private async closeShard(): Promise<void> {
    while (!this.closing && this.enqueued - this.collected >= this.ahead) await new Promise<void>((resolve) => (this.wakeEnqueuer = resolve));
    if (this.closing) throw new RunProblem('the run was closed before its input was enqueued');
    const manifest: ShardManifest = { ...this.current, bytesAt: this.bytes };
    const conversations = this.pendingConversations.splice(0);
    this.current = { shard: manifest.shard + 1, conversations: 0, entries: [], bytesAt: 0 };
    // On a resumed run, a shard with a manifest was enqueued before: its job is there already.
    const known = await this.redis.hexists(manifestKey(this.id), String(manifest.shard));
    if (!known) {
      if (conversations.length) {
        const data: ShardJob = { runId: this.id, shard: manifest.shard, fingerprint: this.record.bundle.fingerprint, conversations: pack(conversations) };
        // The job first, then the manifest: a producer that dies between the two adds the job
        // again on resume, and BullMQ keeps one job per id.
        await this.queue.add('shard', data, { jobId: jobIdOf(this.id, manifest.shard), attempts: SHARD_ATTEMPTS, backoff: { type: 'fixed', delay: 1000 }, removeOnComplete: false, removeOnFail: false });
      }
      await this.redis.hset(manifestKey(this.id), String(manifest.shard), JSON.stringify(manifest));
    }
    this.enqueued = manifest.shard + 1;
    this.wakeCollector?.();
  }

  /**
   * The scored conversations and the reader's events, in input order, shard by shard, each shard
   * once: a shard retried after a worker died is collected from its one finished job. A shard
   * that failed on every try comes back as one error per conversation, with the reason.
   */
  async *outcomes(hooks: CollectHooks): AsyncGenerator<ScoreOutcome> {
    for (let shard = 0; ; shard++) {
      while (shard >= this.enqueued && !this.enqueueDone) await new Promise<void>((resolve) => (this.wakeCollector = resolve));
      if (this.enqueueError) throw this.enqueueError;
      if (shard >= this.enqueued) break;
      const text = await this.redis.hget(manifestKey(this.id), String(shard));
      if (!text) throw new RunProblem(`run ${this.id} has lost the record of its shard ${shard} in Redis (was Redis restarted without persistence, or its keys evicted? see maxmemory-policy in docs/queue.md)`);
      const manifest = JSON.parse(text) as ShardManifest;
      const scored = manifest.conversations ? await this.shardOutcomes(shard) : [];
      let next = 0;
      let replies = 0;
      for (const entry of manifest.entries) {
        if (typeof entry === 'number') {
          for (let i = 0; i < entry; i++) {
            const outcome = scored[next++]!;
            if ('scored' in outcome) replies += outcome.scored.replies.length;
            yield outcome;
          }
        } else if ('error' in entry) yield { error: entry.error };
        else hooks.event(entry);
      }
      this.collected = shard + 1;
      this.wakeEnqueuer?.();
      hooks.shard({ replies, bytesAt: manifest.bytesAt, done: shard + 1, ...(this.enqueueDone ? { total: this.enqueued } : {}) });
    }
  }

  private async shardOutcomes(shard: number): Promise<ScoreOutcome[]> {
    const id = jobIdOf(this.id, shard);
    for (;;) {
      const finished = this.finishedEvent(id);
      // The state first, then the job: a job read first could finish in between, without its result.
      const state = await this.queue.getJobState(id);
      if (state === 'unknown') throw new RunProblem(`shard ${shard + 1} of run ${this.id} is missing from the queue (were its jobs removed by hand?)`);
      if (state === 'completed' || state === 'failed') {
        finished.cancel();
        const job = (await Job.fromId(this.queue, id)) as Job<ShardJob, ShardResult> | undefined;
        if (!job) throw new RunProblem(`shard ${shard + 1} of run ${this.id} is missing from the queue (were its jobs removed by hand?)`);
        if (state === 'completed') return unpack<ScoreOutcome[]>(job.returnvalue.outcomes);
        const conversations = unpack<Conversation[]>(job.data.conversations);
        const reason = `could not be scored: its shard (${shard + 1} of run ${this.id}) failed on every try (${job.attemptsMade}): ${job.failedReason}`;
        return conversations.map((c) => ({ error: { source: c.source, line: c.line, id: c.id, reason } }));
      }
      await finished.promise;
    }
  }

  /** Resolves when the job finishes, or after a while in case the event was missed. */
  private finishedEvent(jobId: string): { promise: Promise<void>; cancel(): void } {
    let cancel = () => {};
    const promise = new Promise<void>((resolve) => {
      const listener = (event: { jobId: string }) => {
        if (event.jobId === jobId) done();
      };
      const timer = setTimeout(() => done(), RECHECK_MS);
      const done = () => {
        clearTimeout(timer);
        this.events.off('completed', listener);
        this.events.off('failed', listener);
        resolve();
      };
      this.events.on('completed', listener);
      this.events.on('failed', listener);
      cancel = done;
    });
    return { promise, cancel };
  }

  /** Removes the run's jobs and records from Redis, once its report is written. */
  async remove(): Promise<void> {
    const shards = this.record.shards ?? this.enqueued;
    for (let shard = 0; shard < shards; shard++) {
      const job = await Job.fromId(this.queue, jobIdOf(this.id, shard));
      await job?.remove().catch(() => {
        // A job a worker still holds (the run was collected while a retry ran): it expires with the queue's cleaning.
      });
    }
    await this.redis.del(runKey(this.id), manifestKey(this.id));
  }

  async close(): Promise<void> {
    this.closing = true;
    this.wakeEnqueuer?.();
    await Promise.allSettled([this.queue.close(), this.events.close()]);
    this.redis.disconnect();
  }
}

/**
 * A Redis that evicts keys when full loses shards and their results silently; BullMQ needs
 * `noeviction`. A managed Redis may not allow CONFIG: then nothing is said.
 */
async function redisWarnings(redis: Redis): Promise<string[]> {
  try {
    const reply = (await redis.call('CONFIG', 'GET', 'maxmemory-policy')) as string[];
    const policy = reply[1];
    if (policy && policy !== 'noeviction') return [`Redis evicts keys when full (maxmemory-policy ${policy}): a run can lose shards; set maxmemory-policy noeviction (see docs/queue.md)`];
  } catch {
    // CONFIG is turned off on some hosted Redis services.
  }
  return [];
}

/** A run id people can read back and type: the date and time, then a few random letters. */
function newRunId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}
