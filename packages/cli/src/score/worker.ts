import { workerData } from 'piscina';
import { scoreBatch, type ScorerOptions } from './scorer.js';
import { createScorerOptions, type ScoreSetup } from './setup.js';
import type { ImportedItem, ScoreOutcome } from './types.js';

let ready: Promise<ScorerOptions> | undefined;

/** A scoring thread: loads the config once, then scores batch after batch. */
export default async function scoreInWorker(batch: ImportedItem[]): Promise<ScoreOutcome[]> {
  ready ??= createScorerOptions(workerData as ScoreSetup);
  return scoreBatch(batch, await ready);
}
