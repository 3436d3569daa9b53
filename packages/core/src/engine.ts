import { VFile } from 'vfile';
import { location } from 'vfile-location';
import { conditionsHold } from './conditions.js';
import { createDeadline, DEFAULT_LIMITS, draftSizeProblem, LIMIT_RULE_ID, STOP_NOTE, stopMessage, type CheckStop, type Deadline } from './limits.js';
import { parseCustomerName } from './names.js';
import { scoreReply } from './score.js';
import { readCustomerTurn } from './customer/read-turn.js';
import { languageName, LANGUAGE_RULE_ID, resolveLanguage, RULE_LANGUAGES, ruleSupports } from './language.js';
import { resolveSituation } from './situations.js';
import { createAnalysis } from './text/analysis.js';
import { FRONT_MATTER_RULE_ID, readFrontMatter } from './text/front-matter.js';
import { buildProse } from './text/prose.js';
import type {
  Channel,
  LintResult,
  PreachMessage,
  ReplyContext,
  Report,
  ResolvedConfig,
  ResolvedMood,
  ResolvedReplyContext,
  RuleContext,
  RuleSetting,
  ThreadTurn,
} from './types.js';

export interface LintOptions {
  /** Path shown in messages (the core never reads it). */
  path?: string;
  /** Rule ids to skip for this draft, on top of front matter `disable`. */
  disable?: readonly string[];
  /**
   * The time budget's clock, when a host checks one draft in several calls (the editor checks
   * it block by block) or wants its own clock; otherwise a new one with the config's budget.
   */
  deadline?: Deadline;
}

const INLINE_DISABLE = /<!--\s*preach-disable\s+([\w\-/@:. ]+?)\s*-->/g;

/**
 * Checks one draft reply against a resolved config, in the context of the conversation it
 * answers. Pure: no I/O. Context fields given here override the draft's front matter.
 */
export function lint(text: string, context: ReplyContext, config: ResolvedConfig, options: LintOptions = {}): LintResult {
  const file = new VFile({ value: text, path: options.path });
  const limits = config.limits ?? DEFAULT_LIMITS;
  const tooLarge = draftSizeProblem(text, limits);
  if (tooLarge) return refuseLarge(file, tooLarge, context, config);
  const deadline = options.deadline ?? createDeadline(limits.timeBudgetMs);
  const frontMatter = readFrontMatter(text);
  const merged: ReplyContext = { ...frontMatter.context, ...definedFields(context) };
  const view = buildProse(text, frontMatter.end);
  const reply = resolveContext(merged, config, view.prose);
  const analysis = createAnalysis(view.prose, view.links, reply.customerMessage, reply.language.id);
  const { toPoint, toOffset } = location(file);
  const disabled = new Set([...frontMatter.disable, ...(options.disable ?? []), ...inlineDisables(text)]);

  // Front matter is input like a config file: its problems are errors at their lines.
  const frontMatterProblems = frontMatter.error
    ? [{ line: frontMatter.error.line, column: 1, message: `Front matter is not valid YAML: ${frontMatter.error.message}`, note: 'Fix the YAML between the two `---` lines.' }]
    : frontMatter.problems.map((problem) => ({ line: problem.line, column: problem.column, message: `Front matter: ${problem.key}: ${problem.message}`, note: problem.hint ?? 'Fix the value between the two `---` lines.' }));
  for (const problem of frontMatterProblems) {
    // From the key to the end of its line, so an editor underlines what to fix.
    const from = toOffset({ line: problem.line, column: problem.column }) ?? 0;
    const lineEnd = text.indexOf('\n', from);
    const start = toPoint(from);
    const end = toPoint(lineEnd < 0 ? text.length : text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd);
    const message = file.message(problem.message, {
      place: start && end ? { start, end } : { line: problem.line, column: problem.column },
      ruleId: FRONT_MATTER_RULE_ID,
      source: 'preach',
    }) as PreachMessage;
    Object.assign(message, { fatal: true, severity: 'error', category: 'articulate', critical: false, note: problem.note });
  }

  // Rules run only in the languages they declare; a language no built-in rule knows says so once.
  if (!reply.language.supported && !disabled.has(LANGUAGE_RULE_ID)) languageMessage(file, reply.language.id);
  const rules = [...config.rules].filter(([, setting]) => ruleSupports(setting.rule.meta.languages, reply.language.id));
  let slowest = { id: '', ms: -1 };
  let stopped: CheckStop | undefined;
  for (let index = 0; index < rules.length; index++) {
    const [id, setting] = rules[index]!;
    if (disabled.has(id)) continue;
    const before = deadline.elapsed();
    if (conditionsHold(setting.rule.meta.when, reply, analysis)) runRule(setting, { text, prose: view.prose, reply, vocabulary: config.vocabulary, analysis }, (report) => {
      const start = toPoint(clamp(report.start, text.length));
      const end = toPoint(clamp(Math.max(report.end, report.start), text.length));
      const message = file.message(report.message, {
        place: start && end ? { start, end } : undefined,
        ruleId: id,
        source: 'preach',
      }) as PreachMessage;
      decorate(message, setting, report);
    });
    // Between rules is the one place a running check can stop by itself: a rule that runs away
    // on its own is stopped by the host's thread watchdog.
    const after = deadline.elapsed();
    if (after - before > slowest.ms) slowest = { id, ms: after - before };
    if (after >= deadline.budgetMs && index < rules.length - 1) {
      stopped = { elapsedMs: after, budgetMs: deadline.budgetMs, ruleId: slowest.id, ruleMs: slowest.ms, skipped: rules.length - 1 - index };
      limitMessage(file, stopMessage(stopped), STOP_NOTE);
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

/** A draft past the size limit: one message, nothing else read or run. */
function refuseLarge(file: VFile, problem: string, context: ReplyContext, config: ResolvedConfig): LintResult {
  limitMessage(file, `This draft is ${problem}.`);
  const messages = file.messages as PreachMessage[];
  const score = scoreReply(messages, 0, config.scoring);
  const reply = resolveContext(definedFields(context), config);
  file.data.preach = { score, situation: reply.situation };
  return { file, messages, score, context: reply, frontMatter: {}, tooLarge: problem };
}

/** The one message a reply in a language without rules gets: information, not counted in the score. */
function languageMessage(file: VFile, language: string): void {
  const message = file.message(`This reply looks ${languageName(language)} (${language}), which preach has no rules for: only rules written for every language were run.`, {
    place: { line: 1, column: 1 },
    ruleId: LANGUAGE_RULE_ID,
    source: 'preach',
  }) as PreachMessage;
  Object.assign(message, {
    severity: 'suggestion',
    category: 'articulate',
    critical: false,
    note: `Rule sets: ${RULE_LANGUAGES.map((id) => `${languageName(id)} (${id})`).join(', ')}. If the language is wrong, set it with \`language:\` in front matter, config or --language.`,
  });
}

function limitMessage(file: VFile, reason: string, note?: string): void {
  const message = file.message(reason, { place: { line: 1, column: 1 }, ruleId: LIMIT_RULE_ID, source: 'preach' }) as PreachMessage;
  Object.assign(message, { fatal: true, severity: 'error', category: 'articulate', critical: false, ...(note ? { note } : {}) });
}

function runRule(
  setting: RuleSetting,
  base: Omit<RuleContext, 'options' | 'severity' | 'report'>,
  report: (report: Report) => void,
): void {
  const context: RuleContext = { ...base, options: setting.options, severity: setting.severity, report };
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

function decorate(message: PreachMessage, setting: RuleSetting, report: Report): void {
  const { meta } = setting.rule;
  message.severity = setting.severity;
  message.fatal = setting.severity === 'error' ? true : setting.severity === 'warning' ? false : undefined;
  message.category = meta.category;
  message.critical = Boolean(meta.critical);
  message.url = meta.url;
  if (report.fix !== undefined) message.expected = Array.isArray(report.fix) ? report.fix : [report.fix];
  if (report.note) message.note = report.note;
}

/** The context rules see. `prose` (the reply's prose) is what the language is detected from when none is given. */
export function resolveContext(context: ReplyContext, config: Pick<ResolvedConfig, 'situations' | 'tagSituations' | 'defaultChannel' | 'language'>, prose = ''): ResolvedReplyContext {
  const customerMessage = context.customerMessage?.trim() || undefined;
  return {
    language: resolveLanguage(context.language, config.language, prose),
    ...(context.customerTitle ? { customerTitle: context.customerTitle } : {}),
    customerName: parseCustomerName(context.customerName),
    customerMessage,
    situation: resolveSituation({ context, situations: config.situations, tagSituations: config.tagSituations }),
    channel: (context.channel ?? config.defaultChannel) as Channel | undefined,
    agentName: context.agentName,
    tags: context.tags ?? [],
    mood: customerMessage ? readMood(customerMessage, previousCustomerTurn(context.thread)) : undefined,
    thread: context.thread ?? [],
  };
}

function readMood(message: string, previous: string | undefined): ResolvedMood {
  const turn = readCustomerTurn(message, previous);
  return { id: turn.mood, reason: turn.moodEvidence.length ? turn.moodEvidence.map((w) => `"${w}"`).join(', ') : 'no strong sign', confidence: Math.round(turn.moodConfidence * 100) / 100 };
}

function previousCustomerTurn(thread: readonly ThreadTurn[] | undefined): string | undefined {
  return thread?.findLast((turn) => turn.role === 'customer' && turn.text.trim())?.text;
}

function definedFields(context: ReplyContext): ReplyContext {
  return Object.fromEntries(Object.entries(context).filter(([, value]) => value !== undefined && value !== '')) as ReplyContext;
}

function inlineDisables(text: string): string[] {
  if (!text.includes('preach-disable')) return [];
  const ids: string[] = [];
  for (const match of text.matchAll(INLINE_DISABLE)) ids.push(...match[1]!.split(/\s+/));
  return ids;
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(0, offset), length);
}

function byPlace(a: PreachMessage, b: PreachMessage): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.ruleId.localeCompare(b.ruleId);
}

