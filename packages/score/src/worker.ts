import { prepareWritingCheckerFor } from '@preach/rules';
import { workerData } from 'piscina';
import type { ScoreTask } from './pool.js';
import { scoreBatch } from './scorer.js';
import { createScorerOptions, type ScoreSetup } from './setup.js';
import type { ScoreOutcome } from './types.js';

/**
 * Loaded once per thread, as soon as the thread starts, while the main thread gets going too. The
 * spelling checker loads here too, before the first reply and outside the watch on silent threads
 * (which starts with the first reply), so a slow load never leaves a reply unchecked.
 */
const ready = createScorerOptions(workerData as ScoreSetup).then(async (options) => {
  await prepareWritingCheckerFor(options.config.rules);
  return options;
});
ready.catch(() => {
  // Reported by the first batch; the main thread has already checked the same config.
});

/**
 * A scoring thread: scores batch after batch with the config it loaded, ticking the task's
 * shared counter after every reply so the main thread can tell a slow batch from a stuck one.
 */
export default async function scoreInWorker({ items, progress }: ScoreTask): Promise<ScoreOutcome[]> {
  const options = await ready;
  const counter = new Int32Array(progress);
  Atomics.add(counter, 0, 1);
  return scoreBatch(items, {
    ...options,
    onConversation: (index) => Atomics.store(counter, 1, index),
    onReply: () => Atomics.add(counter, 0, 1),
  });
}
