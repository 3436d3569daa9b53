/**
 * The bounds on one check, so no draft and no rule can freeze an editor or stall a batch:
 * a size past which a draft is not checked at all, and a time budget past which the check stops
 * between rules and says so. Hosts that run checks in a thread (the language server, `preach
 * score`) also stop a thread whose single rule runs past the budget.
 */
export interface CheckLimits {
  /** Drafts larger than this (UTF-8 bytes) are not checked. */
  maxDraftBytes: number;
  /** Time for one check, in milliseconds; rules not run by then are skipped and reported. */
  timeBudgetMs: number;
}

export const DEFAULT_LIMITS: CheckLimits = {
  maxDraftBytes: 1024 * 1024,
  timeBudgetMs: 10_000,
};

/** The id of the message that says a check was cut short or not made (not a rule). */
export const LIMIT_RULE_ID = 'check-limit';

/** UTF-8 length without building the bytes. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    // A surrogate pair is two code units and four bytes; a lone one is written as three bytes.
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** "980 KB", "1.5 MB": sizes as people read them. */
export function formatSize(bytes: number): string {
  if (bytes < 10 * 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
  return `${(Math.round((bytes / (1024 * 1024)) * 10) / 10).toLocaleString('en')} MB`;
}

/** "2 s", "0.5 s", "0.001 s". */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${seconds >= 10 ? Math.round(seconds) : Number(seconds.toPrecision(2))} s`;
}

/**
 * Why a draft is too large to check, or undefined. Said the same way by every host: the CLI
 * shows it as the file's error, the editor as one diagnostic, `preach score` as the record's error.
 */
export function draftSizeProblem(text: string, limits: Pick<CheckLimits, 'maxDraftBytes'> = DEFAULT_LIMITS): string | undefined {
  // Every UTF-16 code unit is at most 3 bytes: short drafts are never counted.
  if (text.length * 3 <= limits.maxDraftBytes) return undefined;
  const bytes = utf8Length(text);
  if (bytes <= limits.maxDraftBytes) return undefined;
  return `too large to check: it is ${formatSize(bytes)}, over the limit of ${formatSize(limits.maxDraftBytes)} for one draft (limits.max_draft_kb in .preachrc, or --max-draft-kb); split it, or raise the limit if a reply this long is really meant to be sent`;
}

/** A clock and a budget shared by every part of one check (the editor checks a draft in pieces). */
export interface Deadline {
  readonly budgetMs: number;
  /** Milliseconds since the check started. */
  elapsed(): number;
}

export function createDeadline(budgetMs: number, now: () => number = () => performance.now()): Deadline {
  const start = now();
  return { budgetMs, elapsed: () => now() - start };
}

/** What a check that ran out of time did, for the message and for hosts. */
export interface CheckStop {
  elapsedMs: number;
  budgetMs: number;
  /** The slowest rule that ran, and its time. */
  ruleId: string;
  ruleMs: number;
  /** Rules that were not run. */
  skipped: number;
}

export function stopMessage(stop: CheckStop, what = 'draft'): string {
  return `preach stopped checking this ${what} after ${formatSeconds(stop.elapsedMs)}: rule "${stop.ruleId}" took too long (${formatSeconds(stop.ruleMs)}); ${stop.skipped} ${stop.skipped === 1 ? 'rule was' : 'rules were'} not run`;
}

export const STOP_NOTE = 'The time budget for one check is limits.time_budget in .preachrc (seconds) or --time-budget. Turn the slow rule off, or make its patterns simpler, so every rule runs.';
