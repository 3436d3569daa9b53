import type { ConfigLayer } from '@preach/core';
import { UsageError } from './exit.js';

/** `--time-budget` and `--max-draft-kb`, as given on the command line. */
export interface LimitFlags {
  timeBudget?: string;
  maxDraftKb?: string;
}

/** The flags in `.preachrc` terms (`limits:`), checked; empty when none is given. */
export function parseLimitFlags(flags: LimitFlags): { time_budget?: number; max_draft_kb?: number } {
  const limits: { time_budget?: number; max_draft_kb?: number } = {};
  if (flags.timeBudget !== undefined) {
    const seconds = Number(flags.timeBudget);
    if (flags.timeBudget.trim() === '' || !Number.isFinite(seconds) || seconds < 0) throw new UsageError(`--time-budget needs a number of seconds (e.g. 5 or 0.5), got "${flags.timeBudget}"`);
    limits.time_budget = seconds;
  }
  if (flags.maxDraftKb !== undefined) {
    const kb = Number(flags.maxDraftKb);
    if (!Number.isInteger(kb) || kb < 1) throw new UsageError(`--max-draft-kb needs a whole number of KB of at least 1, got "${flags.maxDraftKb}"`);
    limits.max_draft_kb = kb;
  }
  return limits;
}

type LimitSettings = { time_budget?: number; max_draft_kb?: number };

/** The flags as a config layer over the files, resolved like `limits:` in `.preachrc`; none without a flag. */
export function limitLayers(limits: LimitSettings): ConfigLayer[] {
  if (limits.time_budget === undefined && limits.max_draft_kb === undefined) return [];
  return [{ file: 'the command line (--time-budget, --max-draft-kb)', config: { limits } }];
}
