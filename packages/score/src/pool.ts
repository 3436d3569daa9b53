import { formatSeconds } from '@preach/core';
import { Piscina } from 'piscina';
import type { ScoreSetup } from './setup.js';
import type { Conversation, ImportedItem, ScoreOutcome } from './types.js';

/**
 * Conversations per task: large enough to pay for the thread hop, small enough to spread work.
 * A thread runs one task at a time (see startPool) and waits for the next while this thread hands
 * it over: at 24 that wait was 4% of a scoring thread's time, at 64 it is 2%.
 */
const BATCH_SIZE = 64;
/** Batches in flight per thread; bounds memory whatever the input size. */
const IN_FLIGHT_PER_THREAD = 4;
/**
 * A thread's live heap is some 40 MB (rules, compromise, one batch), but V8 lets a busy heap
 * grow far past that before collecting, so a cap makes it collect sooner. It must still hold
 * the largest reply preach checks (limits.max_draft_kb, 1 MB by default) with room to spare.
 */
export const THREAD_HEAP_MB = 256;

/** What a scoring thread is sent: conversations, and a counter it ticks as it goes. */
export interface ScoreTask {
  items: ImportedItem[];
  /**
   * Two Int32s shared with this thread: [0] counts replies checked (a heartbeat), [1] is the
   * index of the conversation being scored (the suspect when the thread dies).
   */
  progress: SharedArrayBuffer;
}

/**
 * A pool of up to `jobs` scoring threads. Every conversation is scored in one of them, never in
 * this thread, which reads and writes: a conversation that exhausts a thread's memory or never
 * finishes costs that thread, not the run, and `--jobs 1` and `--jobs N` score every
 * conversation under the same limits, so they agree.
 *
 * One thread starts at once; the others as batches wait for one (at once for any input of more
 * than a batch): a few conversations do not pay for loading the rules in every core's thread.
 */
export function startPool(jobs: number, setup: ScoreSetup): Piscina {
  return new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: 1,
    maxThreads: jobs,
    workerData: setup,
    idleTimeout: Infinity,
    maxQueue: Infinity,
    // Every task is abortable (the watchdog in runWatched stops a silent thread), and Piscina
    // runs one abortable task per thread at a time: a second task per thread would never start
    // early, so none is asked for.
    resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
  });
}

export interface RunOptions {
  pool: Piscina;
  /** limits.time_budget for one reply; a thread silent for longer than this and as long again is stopped. */
  budgetMs: number;
}

/**
 * Scores conversations on the pool and yields the outcomes in input order. A batch whose thread
 * dies (out of memory) or goes silent (a rule that never returns) is split: the conversation it
 * was on is reported as its own error (after a try alone, when memory ran out), the others are
 * scored together, so a bad conversation costs only itself.
 */
export async function* scoreAll(items: AsyncIterable<ImportedItem>, { pool, budgetMs }: RunOptions): AsyncGenerator<ScoreOutcome> {
  const inFlight: Array<Promise<ScoreOutcome[]>> = [];
  const limit = pool.options.maxThreads * IN_FLIGHT_PER_THREAD;
  const silenceMs = budgetMs + Math.max(1000, budgetMs);
  for await (const batch of batches(items)) {
    inFlight.push(scoreIsolating(pool, batch, silenceMs));
    while (inFlight.length >= limit) yield* await inFlight.shift()!;
  }
  while (inFlight.length) yield* await inFlight.shift()!;
}

async function scoreIsolating(pool: Piscina, batch: ImportedItem[], silenceMs: number, retried = false): Promise<ScoreOutcome[]> {
  const conversations = batch.filter((item) => 'conversation' in item);
  if (conversations.length === 0) return batch as ScoreOutcome[];
  const progress = new Int32Array(new SharedArrayBuffer(8));
  let failure: ThreadFailure;
  try {
    const scored = await runWatched(pool, conversations, progress, silenceMs);
    let next = 0;
    return batch.map((item) => ('error' in item ? item : scored[next++]!));
  } catch (error) {
    failure = error as ThreadFailure;
  }
  if (conversations.length === 1) return batch.map((item) => ('error' in item ? item : unscored(item, failure)));
  const started = Atomics.load(progress, 0) > 0;
  if (!started) {
    // The thread died under another task before starting this one: this batch is innocent.
    if (retried) return batch.map((item) => ('error' in item ? item : unscored(item, failure)));
    return scoreIsolating(pool, batch, silenceMs, true);
  }
  const suspect = conversations[Atomics.load(progress, 1)]!;
  const [alone, others] = await Promise.all([
    // A thread that went silent was on this conversation for the whole wait: that is the proof,
    // and scoring it alone would only wait as long again. Memory runs out over a whole batch, so
    // that conversation is tried alone before it is blamed.
    failure.stuckAfterMs !== undefined ? [unscored(suspect, failure)] : scoreIsolating(pool, [suspect], silenceMs),
    scoreIsolating(pool, batch.filter((item) => item !== suspect), silenceMs),
  ]);
  let next = 0;
  return batch.map((item) => (item === suspect ? alone[0]! : others[next++]!));
}

type ThreadFailure = Error & { code?: string; stuckAfterMs?: number };

/** Runs a task, stopping its thread when the heartbeat stops for `silenceMs`. */
async function runWatched(pool: Piscina, items: ImportedItem[], progress: Int32Array, silenceMs: number): Promise<ScoreOutcome[]> {
  const controller = new AbortController();
  let beats = 0;
  let since = performance.now();
  const watchdog = setInterval(
    () => {
      const now = Atomics.load(progress, 0);
      if (now !== beats) {
        beats = now;
        since = performance.now();
      } else if (now > 0 && performance.now() - since > silenceMs) {
        controller.abort();
      }
    },
    Math.max(10, Math.min(500, silenceMs / 4)),
  );
  try {
    return (await pool.run({ items, progress: progress.buffer as SharedArrayBuffer } satisfies ScoreTask, { signal: controller.signal })) as ScoreOutcome[];
  } catch (error) {
    if (controller.signal.aborted) throw Object.assign(new Error('stuck'), { stuckAfterMs: silenceMs });
    throw error;
  } finally {
    clearInterval(watchdog);
  }
}

/** The record's error when its thread failed on it even alone. */
function unscored(item: ImportedItem, failure: ThreadFailure): ScoreOutcome {
  const { conversation } = item as { conversation: Conversation };
  const why =
    failure.stuckAfterMs !== undefined
      ? `preach stopped checking it after ${formatSeconds(failure.stuckAfterMs)}: a rule did not finish within limits.time_budget (or --time-budget), so its thread was stopped`
      : failure.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory/i.test(failure.message)
        ? `checking it needed more memory than a scoring thread has (${THREAD_HEAP_MB} MB), so the thread was stopped; a reply this large or this unusual is best checked on its own with preach lint`
        : `its scoring thread failed: ${failure.message}`;
  return { error: { source: conversation.source, line: conversation.line, id: conversation.id, reason: `could not be scored: ${why}` } };
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
