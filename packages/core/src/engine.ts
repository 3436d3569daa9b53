import { VFile, type MessageOptions } from 'vfile';
import { conditionsHold } from './conditions.js';
import { prepareDraft, type PrepareOptions, type PreparedDraft } from './draft.js';
import { createDeadline, DEFAULT_LIMITS, LIMIT_RULE_ID, STOP_NOTE, stopMessage, type CheckStop, type Deadline } from './limits.js';
import { scoreReply } from './score.js';
import { languageName, LANGUAGE_RULE_ID, RULE_LANGUAGES, ruleSupports } from './language.js';
import { createAnalysis } from './text/analysis.js';
import { FRONT_MATTER_RULE_ID } from './text/front-matter.js';
import { buildProse } from './text/prose.js';
import type { LintResult, PreachMessage, ReplyContext, Report, ResolvedConfig, RuleContext, RuleSetting, Severity } from './types.js';

export { resolveContext } from './reply-context.js';

export interface LintOptions extends PrepareOptions, LintDraftOptions {}

export interface LintDraftOptions {
  /**
   * The time budget's clock, when a host checks one draft in several calls (the editor checks
   * it block by block) or wants its own clock; otherwise a new one with the config's budget.
   */
  deadline?: Deadline;
  /** Run only these rules of the config (the rest as if off); every rule when left out. */
  only?: ReadonlySet<string>;
  /**
   * Check only this part of the draft (offsets into it), as a reply of its own: for rules that
   * read one paragraph at a time (`ruleScopes`). Messages still carry the draft's offsets, lines
   * and columns. The front matter's own problems are reported only when the whole draft is checked.
   */
  within?: { start: number; end: number };
}

/**
 * Checks one draft reply against a resolved config, in the context of the conversation it
 * answers. Pure: no I/O. Context fields given here override the draft's front matter.
 */
export function lint(text: string, context: ReplyContext, config: ResolvedConfig, options: LintOptions = {}): LintResult {
  return lintDraft(prepareDraft(text, context, config, options), config, options);
}

/** Checks a prepared draft (`prepareDraft`) with the config it was prepared with, or some of its rules on some of its text. */
export function lintDraft(draft: PreparedDraft, config: ResolvedConfig, options: LintDraftOptions = {}): LintResult {
  const { text, reply, frontMatter } = draft;
  const file = new VFile({ value: text, path: draft.path });
  if (draft.tooLarge) return refuseLarge(file, draft, config);
  const deadline = options.deadline ?? createDeadline((config.limits ?? DEFAULT_LIMITS).timeBudgetMs);
  const base = options.within ? Math.min(Math.max(0, options.within.start), text.length) : 0;
  const checked = options.within ? text.slice(base, Math.max(base, options.within.end)) : text;
  const view = options.within ? buildProse(checked, 0) : draft.prose();
  const analysis = createAnalysis(view.prose, view.links, reply.customerMessage, reply.language.id);
  const add = (reason: string, start: number, end: number, ruleId: string): PreachMessage => {
    const from = draft.toPoint(start);
    const to = draft.toPoint(end);
    const message = fileMessage(file, reason, { place: from && to ? { start: from, end: to } : undefined, ruleId, source: 'preach' });
    message.startOffset = start;
    message.endOffset = end;
    return message;
  };

  // Front matter is input like a config file: its problems are errors at their lines.
  if (!options.within) {
    const frontMatterProblems = frontMatter.error
      ? [{ line: frontMatter.error.line, column: 1, message: `Front matter is not valid YAML: ${frontMatter.error.message}`, note: 'Fix the YAML between the two `---` lines.' }]
      : frontMatter.problems.map((problem) => ({ line: problem.line, column: problem.column, message: `Front matter: ${problem.key}: ${problem.message}`, note: problem.hint ?? 'Fix the value between the two `---` lines.' }));
    for (const problem of frontMatterProblems) {
      // From the key to the end of its line, so an editor underlines what to fix.
      const from = draft.toOffset({ line: problem.line, column: problem.column }) ?? 0;
      const lineEnd = text.indexOf('\n', from);
      const to = lineEnd < 0 ? text.length : text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
      const message = add(problem.message, from, to, FRONT_MATTER_RULE_ID);
      Object.assign(message, { fatal: true, severity: 'error', category: 'articulate', critical: false, note: problem.note });
    }
  }

  // Rules run only in the languages they declare; a language no built-in rule knows says so once,
  // when the whole draft is checked.
  if (!options.within && !reply.language.supported && !draft.disabled.has(LANGUAGE_RULE_ID)) languageMessage(file, reply.language.id);
  const rules: Array<[string, RuleSetting]> = [];
  for (const entry of config.rules) if ((!options.only || options.only.has(entry[0])) && ruleSupports(entry[1].rule.meta.languages, reply.language.id)) rules.push(entry);
  let slowest = { id: '', ms: -1 };
  let stopped: CheckStop | undefined;
  // One clock reading a rule: a rule's time runs from the end of the one before.
  let before = deadline.elapsed();
  for (let index = 0; index < rules.length; index++) {
    const [id, setting] = rules[index]!;
    if (draft.disabled.has(id)) continue;
    if (conditionsHold(setting.rule.meta.when, reply, analysis)) runRule(setting, checked, view.prose, reply, config.vocabulary, analysis, (report) => {
      const start = base + clamp(report.start, checked.length);
      const end = base + clamp(Math.max(report.end, report.start), checked.length);
      decorate(add(report.message, start, end, id), setting, report);
    });
    // Between rules is the one place a running check can stop by itself: a rule that runs away
    // on its own is stopped by the host's thread watchdog.
    const after = deadline.elapsed();
    if (after - before > slowest.ms) slowest = { id, ms: after - before };
    before = after;
    if (after >= deadline.budgetMs && index < rules.length - 1) {
      stopped = { elapsedMs: after, budgetMs: deadline.budgetMs, ruleId: slowest.id, ruleMs: slowest.ms, skipped: rules.length - 1 - index };
      limitMessage(file, draft, base, stopMessage(stopped), STOP_NOTE);
      break;
    }
  }

  const messages = (file.messages as PreachMessage[]).sort(byPlace);
  file.messages = messages;
  const words = analysis.wordCount();
  const critical = new Set(config.scoring.critical);
  for (const message of messages) if (critical.has(message.ruleId)) message.critical = true;
  const score = scoreReply(reply.language.supported ? messages : messages.filter((message) => message.ruleId !== LANGUAGE_RULE_ID), words, config.scoring);
  file.data.preach = { score, situation: reply.situation };
  return { file, messages, score, context: reply, frontMatter: frontMatter.context, ...(stopped ? { stopped } : {}) };
}

/**
 * A message on the file. A VFileMessage is an Error, so V8 walks the call stack to record it,
 * and vfile-message then sets `stack` to '' all the same: with nothing to record, making a
 * message takes a seventh of the time (the message is the same, `stack` included).
 */
function fileMessage(file: VFile, reason: string, options: MessageOptions): PreachMessage {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return file.message(reason, options) as PreachMessage;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A draft past the size limit: one message, nothing else read or run. */
function refuseLarge(file: VFile, draft: PreparedDraft, config: ResolvedConfig): LintResult {
  limitMessage(file, draft, 0, `This draft is ${draft.tooLarge}.`);
  const messages = file.messages as PreachMessage[];
  const score = scoreReply(messages, 0, config.scoring);
  file.data.preach = { score, situation: draft.reply.situation };
  return { file, messages, score, context: draft.reply, frontMatter: {}, tooLarge: draft.tooLarge };
}

/** A message about the check itself, at the start of what was checked. */
function limitMessage(file: VFile, draft: PreparedDraft, offset: number, reason: string, note?: string): void {
  const point = draft.toPoint(offset) ?? { line: 1, column: 1 };
  const message = fileMessage(file, reason, { place: { line: point.line, column: point.column }, ruleId: LIMIT_RULE_ID, source: 'preach' });
  Object.assign(message, { fatal: true, severity: 'error', category: 'articulate', critical: false, startOffset: offset, endOffset: offset, ...(note ? { note } : {}) });
}

/** The one message a reply in a language without rules gets: information, not counted in the score. */
function languageMessage(file: VFile, language: string): void {
  const message = fileMessage(file, `This reply looks ${languageName(language)} (${language}), which preach has no rules for: only rules written for every language were run.`, {
    place: { line: 1, column: 1 },
    ruleId: LANGUAGE_RULE_ID,
    source: 'preach',
  });
  Object.assign(message, {
    severity: 'suggestion',
    category: 'articulate',
    critical: false,
    startOffset: 0,
    endOffset: 0,
    note: `Rule sets: ${RULE_LANGUAGES.map((id) => `${languageName(id)} (${id})`).join(', ')}. If the language is wrong, set it with \`language:\` in front matter, config or --language.`,
  });
}

function runRule(
  setting: RuleSetting,
  text: string,
  prose: string,
  reply: RuleContext['reply'],
  vocabulary: RuleContext['vocabulary'],
  analysis: RuleContext['analysis'],
  report: (report: Report) => void,
): void {
  // Built property by property: an object spread here (`{ ...base, options }`) cost V8 some
  // microseconds a rule, a quarter of all scoring time over a year of replies.
  const context: RuleContext = { text, prose, reply, vocabulary, analysis, options: setting.options, severity: setting.severity, report };
  try {
    setting.rule.check(context);
  } catch (error) {
    report({
      message: `Rule "${setting.rule.meta.id}" failed on this text: ${(error as Error).message}`,
      start: 0,
      end: 0,
      note: 'This is a bug in the rule, not in the reply. Report it with the text that triggered it.',
    });
  }
}

/** Severities from the mildest up: a finding may be reported lower than its rule, never higher. */
const SEVERITY_RANK: Record<Severity, number> = { suggestion: 0, warning: 1, error: 2 };

function decorate(message: PreachMessage, setting: RuleSetting, report: Report): void {
  const { meta } = setting.rule;
  const severity = report.severity && SEVERITY_RANK[report.severity] < SEVERITY_RANK[setting.severity] ? report.severity : setting.severity;
  message.severity = severity;
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  message.category = meta.category;
  message.critical = Boolean(meta.critical);
  message.url = meta.url;
  if (report.fix !== undefined) message.expected = Array.isArray(report.fix) ? report.fix : [report.fix];
  if (report.note) message.note = report.note;
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(0, offset), length);
}

function byPlace(a: PreachMessage, b: PreachMessage): number {
  // Ids compared as text: localeCompare's collator would cost every `preach lint` its set-up.
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

