import { loadConfigFor } from '@preach/config';
import { compileUserPattern, PreachInputError, limitsLayer, type UserPattern } from '@preach/core';
import type { ScorerOptions } from './scorer.js';

/** What a scoring thread needs to load the config itself: paths and flags, never compiled rules. */
export interface ScoreSetup {
  /** Where to look for `.preachrc.*` (the working folder). */
  lookup: string;
  configFile?: string;
  noConfig?: boolean;
  /** A sign-off pattern from `--agent-signature`, over the config's `agents.signature`. */
  signature?: string;
  /** `--time-budget` and `--max-draft-kb`, over the config's `limits`. */
  limits?: { time_budget?: number; max_draft_kb?: number };
}

/** Loads the config and compiles the sign-off pattern: once per thread. */
export async function createScorerOptions(setup: ScoreSetup): Promise<ScorerOptions & { settings: Awaited<ReturnType<typeof loadConfigFor>>['settings']; file?: string }> {
  const loaded = await loadConfigFor(setup.lookup, { configFile: setup.configFile, noConfig: setup.noConfig, layers: limitsLayer(setup.limits ?? {}) });
  const pattern = setup.signature ?? loaded.settings.agents?.signature;
  return { config: loaded.config, signature: pattern ? compileSignature(pattern, setup.signature ? '--agent-signature' : loaded.file ?? 'config') : undefined, settings: loaded.settings, file: loaded.file };
}

/** The pattern runs on every reply, so it is held to the same engine rules as a rule's patterns. */
function compileSignature(pattern: string, where: string): UserPattern {
  let regex: UserPattern;
  try {
    regex = compileUserPattern(pattern, { ignoreCase: false });
  } catch (error) {
    throw new PreachInputError({ file: where, key: 'agents.signature', message: `pattern ${JSON.stringify(pattern)} ${(error as Error).message}` });
  }
  if (!/\((?!\?)|\(\?<\w+>/.test(pattern)) {
    throw new PreachInputError({ file: where, key: 'agents.signature', message: 'needs one capturing group for the agent id', hint: 'For sign-offs like "^JK", use "\\^(\\w+)\\s*$".' });
  }
  return regex;
}
