import { createRequire } from 'node:module';
import type Compromise from 'compromise';

export type Nlp = typeof Compromise;

/**
 * Loads compromise's CommonJS build synchronously, so the engine's API can stay synchronous and
 * still pay for compromise only when a rule needs it. The bundles (scripts/bundle.mjs) replace
 * this module with a plain `require('compromise')`, which esbuild bundles and runs on first call.
 */
export function loadCompromise(): Nlp {
  return createRequire(import.meta.url)('compromise') as Nlp;
}
