import { workerData } from 'piscina';
import { scoreBatch } from './scorer.js';
import { createScorerOptions, type ScoreSetup } from './setup.js';
import type { ImportedItem, ScoreOutcome } from './types.js';

/** Loaded once per thread, as soon as the thread starts, while the main thread gets going too. */
const ready = createScorerOptions(workerData as ScoreSetup);
ready.catch(() => {
  // Reported by the first batch; the main thread has already checked the same config.
});

/** A scoring thread: scores batch after batch with the config it loaded. */
export default async function scoreInWorker(batch: ImportedItem[]): Promise<ScoreOutcome[]> {
  return scoreBatch(batch, await ready);
}
