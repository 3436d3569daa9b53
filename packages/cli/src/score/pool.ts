import { Piscina } from 'piscina';
import { scoreBatch, type ScorerOptions } from './scorer.js';
import type { ScoreSetup } from './setup.js';
import type { ImportedItem, ScoreOutcome } from './types.js';

/** Conversations per task: large enough to pay for the thread hop, small enough to spread work. */
const BATCH_SIZE = 24;
/** Batches in flight per thread; bounds memory whatever the input size. */
const IN_FLIGHT_PER_THREAD = 4;
/**
 * A thread's live heap is some 40 MB (rules, compromise, one batch), but V8 lets a busy heap
 * grow far past that before collecting. A cap makes it collect sooner: with two threads, peak
 * memory drops from about 480 to 400 MB at no measurable cost in speed.
 */
const THREAD_HEAP_MB = 128;

/** Tasks a worker holds at once: one running, one waiting inside the thread. */
const TASKS_PER_WORKER = 2;

/**
 * Starts the worker threads for `jobs` scoring threads at once (this thread is one of them), so
 * they load the config while this thread does too; undefined for one job.
 */
export function startPool(jobs: number, setup: ScoreSetup): Piscina | undefined {
  if (jobs <= 1) return undefined;
  return new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: jobs - 1,
    maxThreads: jobs - 1,
    workerData: setup,
    idleTimeout: Infinity,
    // The second task waits inside the thread, so it starts the moment the first ends instead
    // of when this thread, busy scoring too, gets round to handing it over.
    concurrentTasksPerWorker: TASKS_PER_WORKER,
    resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
  });
}

export interface RunOptions {
  /** Worker threads from `startPool`; without them everything runs in this thread. */
  pool?: Piscina;
  /** The config as loaded by this thread, which scores too. */
  local: ScorerOptions;
}

/**
 * Scores conversations and yields the outcomes in input order. Batches go to a worker while one
 * has room and are scored here otherwise, so this thread works between reading and writing
 * instead of waiting. Every thread runs the same code: `--jobs 1` and `--jobs N` agree.
 */
export async function* scoreAll(items: AsyncIterable<ImportedItem>, { pool, local }: RunOptions): AsyncGenerator<ScoreOutcome> {
  if (!pool) {
    for await (const batch of batches(items)) yield* scoreBatch(batch, local);
    return;
  }
  const workers = pool.options.maxThreads;
  const inFlight: Array<Promise<ScoreOutcome[]>> = [];
  const limit = (workers + 1) * IN_FLIGHT_PER_THREAD;
  let outstanding = 0;
  for await (const batch of batches(items)) {
    if (outstanding < workers * TASKS_PER_WORKER) {
      outstanding++;
      inFlight.push(run(pool, batch).finally(() => outstanding--));
    } else {
      inFlight.push(Promise.resolve(scoreBatch(batch, local)));
    }
    while (inFlight.length >= limit) yield* await inFlight.shift()!;
  }
  while (inFlight.length) yield* await inFlight.shift()!;
}

/** A batch whose thread failed comes back as one error per conversation, never a rejection. */
function run(pool: Piscina, batch: ImportedItem[]): Promise<ScoreOutcome[]> {
  return (pool.run(batch) as Promise<ScoreOutcome[]>).catch((error: Error) =>
    batch.map((item) => ('error' in item ? item : { error: { source: item.conversation.source, line: item.conversation.line, id: item.conversation.id, reason: `could not be scored: ${error.message}` } })),
  );
}

async function* batches(items: AsyncIterable<ImportedItem>): AsyncGenerator<ImportedItem[]> {
  let batch: ImportedItem[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= BATCH_SIZE) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
