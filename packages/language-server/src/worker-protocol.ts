import type { ReplyContext, RuleGist } from '@preach/core';
import type { CheckOutcome } from './checker.js';
import type { DraftIgnores } from './protocol.js';

/** Messages between the server's main thread and the checker thread. */
export interface CheckJob {
  type: 'check';
  uri: string;
  version: number;
  text: string;
  /** The draft's file path (config lookup), or undefined for unsaved drafts. */
  path?: string;
  context: ReplyContext;
  settings: CheckSettings;
  /** Findings and rules the agent ignored in this draft, outside its text. */
  ignores?: DraftIgnores;
}

export interface CheckSettings {
  /** A config file to use instead of searching. */
  configFile?: string;
  /** Rule id → severity, from the editor's settings. */
  rules: Record<string, string>;
  /** The editor's reply language setting, over the config's `language:` (auto or absent: the config's, or detected). */
  language?: string;
  /** Where unsaved drafts look for a config (the workspace folder). */
  cwd: string;
  /** Import packs' code rules: only in a workspace the user trusts. */
  loadCode: boolean;
}

export interface ConfigProblem {
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface CheckResult {
  type: 'result';
  uri: string;
  version: number;
  /** Time from the job's arrival in the checker thread to its result (ms). */
  ms: number;
  outcome?: CheckOutcome;
  /** Docs of the rules that fired (for hovers). */
  docs: Record<string, RuleGist>;
  configFile?: string;
  /** Files to watch: the config and its presets, or the broken file. */
  configFiles: string[];
  configError?: ConfigProblem;
  /** Packs' code modules not imported because the workspace is not trusted. */
  skippedCode?: string[];
  /** Set by the main thread when it stopped the checker thread on this draft (a rule never returned). */
  stopped?: string;
  /** What still works but should change in the config files (a renamed option), with file, line and key. */
  configWarnings?: string[];
}

/** Sent around each check, so the main thread can stop a checker thread stuck in one rule. */
export interface CheckProgress {
  type: 'progress';
  stage: 'started' | 'finished';
  uri: string;
  version: number;
  /** limits.time_budget of the draft's config (ms); undefined before the config is known. */
  budgetMs?: number;
}

export type Query =
  | { kind: 'situations'; uri: string; path?: string; settings: CheckSettings }
  | { kind: 'rules'; uri: string; path?: string; settings: CheckSettings }
  | { kind: 'ruleDocs'; uri: string; path?: string; settings: CheckSettings; ruleId: string }
  | { kind: 'probeVocabulary'; uri: string; ruleId: string; start: number; end: number; word: string }
  | { kind: 'stats'; reset: boolean };

export type ToWorker =
  | CheckJob
  | { type: 'forget'; uri: string }
  | { type: 'reload' }
  | { type: 'query'; id: number; query: Query };

export type FromWorker = CheckResult | CheckProgress | { type: 'answer'; id: number; value: unknown; error?: string };
