/**
 * preach's own LSP messages, shared by the server and the editor clients. Plain types only, so the
 * VS Code extension can import them without pulling in the engine.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** What an editor watches to reload the config (the core's one list of config file names). */
export { CONFIG_FILES_GLOB } from '@preach/core/config-files';

/** Context an agent gives for one draft. `null` clears a field; an absent field keeps it. */
export interface DraftContext {
  customerName?: string | null;
  customerMessage?: string | null;
  situation?: string | null;
  channel?: 'chat' | 'email' | 'social' | 'sms' | null;
  agentName?: string | null;
  tags?: string[] | null;
  /** Earlier turns of the conversation, oldest first. */
  thread?: Array<{ role: 'customer' | 'agent'; text: string }> | null;
  /** The reply's language (en, th, ko, zh, …; auto to detect). */
  language?: string | null;
  customerTitle?: 'mr' | 'ms' | null;
}

export interface SetContextParams {
  uri: string;
  context: DraftContext;
}

/** Sets (merges) the context of one open draft; it wins over the draft's front matter. */
export const SetContextRequest = new RequestType<SetContextParams, { context: DraftContext }, void>('preach/setContext');

export interface SituationInfo {
  id: string | null;
  sensitivity: 'high' | 'medium' | 'low';
  /** How it was chosen: given (front matter or set by the agent), tags, inferred, none. */
  source: 'given' | 'tags' | 'inferred' | 'none';
  reason: string;
}

export interface ScoreParams {
  uri: string;
  version: number;
  /** 0-100; `null` when the draft could not be checked (a broken config). */
  score: number | null;
  critical: boolean;
  categories: Record<string, number>;
  words: number;
  situation: SituationInfo | null;
  /** Context in force: front matter merged with what the agent set. */
  context: DraftContext;
  problems: number;
  /** The config file in use, if any. */
  configFile?: string;
  configError?: string;
  /** Set when the team's code rules were not run because the workspace is not trusted. */
  codeRulesPaused?: CodeRulesPaused;
}

/** Why some of the team's rules did not run, for a status bar or a message. */
export interface CodeRulesPaused {
  /** One line for people: {@link CODE_RULES_PAUSED}. */
  reason: string;
  /** The packs' code modules that were not imported, as paths. */
  modules: string[];
}

export const CODE_RULES_PAUSED = 'preach: team code rules paused — workspace not trusted';

/** Sent after every check, for status bars. */
export const ScoreNotification = new NotificationType<ScoreParams>('preach/score');

export interface SituationChoice {
  id: string;
  sensitivity: 'high' | 'medium' | 'low';
  description?: string;
}

/** The situations known for a draft (built-in plus the team's), for a picker. */
export const SituationsRequest = new RequestType<{ uri: string }, SituationChoice[], void>('preach/situations');

export interface RuleSummary {
  id: string;
  category: string;
  severity: string;
  description: string;
}

/** Rules known for a draft (with config applied), for a picker. */
export const RulesRequest = new RequestType<{ uri: string }, RuleSummary[], void>('preach/rules');

/** A rule's docs as Markdown: what it checks, why, bad and good examples. */
export const RuleDocsRequest = new RequestType<{ uri: string; ruleId: string }, { markdown: string; url?: string } | null, void>('preach/ruleDocs');

export interface ServerStats {
  /** Longest time the server's main event loop was blocked since the last reset (ms). */
  mainLoopMaxBlockMs: number;
  /** Time the main thread spent running code since the last reset, and the time elapsed (ms). */
  mainLoopBusyMs: number;
  elapsedMs: number;
  /** Longest synchronous stretch of checking work in the checker thread (ms). */
  checkerMaxSliceMs: number;
  /** Durations of finished checks (ms), most recent last, at most 1,000. */
  checkMs: number[];
  /** Paragraph cache: blocks reused and blocks checked since the last reset. */
  blocksReused: number;
  blocksChecked: number;
}

export const StatsRequest = new RequestType<{ reset?: boolean }, ServerStats, void>('preach/stats');

/** Server-side commands (workspace/executeCommand). */
export const Commands = {
  fixAll: 'preach.server.fixAll',
  /** `[uri, ruleId]`: stop showing a rule in one draft, without touching its text. */
  ignoreRule: 'preach.server.ignoreRule',
  /** `[uri, IgnoredFinding]`: stop showing one finding in one draft, without touching its text. */
  ignoreFinding: 'preach.server.ignoreFinding',
  /** `[uri]` clears one draft's ignores; `[]` clears every draft's. */
  clearIgnores: 'preach.server.clearIgnores',
} as const;

/**
 * One finding the agent chose to ignore: its rule, the flagged text and a little of the text
 * around it on the same line, so it stays ignored while the rest of the draft is edited.
 */
export interface IgnoredFinding {
  ruleId: string;
  text: string;
  before: string;
  after: string;
}

/** What is ignored in one draft, kept outside its text (the text goes to the customer). */
export interface DraftIgnores {
  /** Rules not shown in this draft ("Disable … for this draft" on a draft without front matter). */
  rules: string[];
  findings: IgnoredFinding[];
}

/** Server → client: a draft's ignores changed; a client may keep them and give them back at start. */
export const IgnoresNotification = new NotificationType<{ uri: string; ignores: DraftIgnores }>('preach/ignores');

/** Settings under the `preach` section (VS Code settings, or initializationOptions). */
export interface PreachSettings {
  enable: boolean;
  /** Rule id → severity (`error`, `warning`, `suggestion`, `off`), over the config file. */
  rules: Record<string, string>;
  /** A config file to use instead of searching (absolute, or relative to the workspace folder). */
  configPath: string;
  /** The reply language for drafts that do not say (en, th, ko, zh, …); empty or auto detects it per draft. */
  language: string;
}

export const DEFAULT_SETTINGS: PreachSettings = { enable: true, rules: {}, configPath: '', language: '' };

/**
 * What a client sends as `initializationOptions`: the settings, plus what only the editor knows.
 * Trust is never read from settings (a folder's own settings file could claim it).
 */
export interface PreachInitializationOptions extends Partial<PreachSettings> {
  /**
   * Whether the user trusts the workspace folder. JavaScript in the team's packs (code rules) is
   * imported only when this is true; config, presets and rule files apply either way. Absent
   * means not trusted.
   */
  trustedWorkspace?: boolean;
  /** Ignores per document URI, as the client kept them from `preach/ignores`. */
  ignores?: Record<string, DraftIgnores>;
}

/** The client tells the server that the user now trusts (or no longer trusts) the workspace. */
export const WorkspaceTrustNotification = new NotificationType<{ trusted: boolean }>('preach/workspaceTrust');
