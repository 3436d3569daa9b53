import { CATEGORY_IDS, draftSizeProblem, type Channel, lintDraft, movesOn, prepareDraft, resolveSituation, sensitivityAtLeast, stopMessage, type Category, type PreachMessage, type PreparedDraft, type ReplyContext, type ResolvedConfig, type ResolvedSituation, type ThreadTurn, type UserPattern } from '@preach/core';
import { signOffOf } from './agents.js';
import { htmlToText } from './input/html-text.js';
import type { AgentRef, Conversation, ConversationFacts, Finding, ImportedItem, LeftOut, ScoredConversation, ScoredReply, ScoreOutcome, TranscriptMessage } from './types.js';

export interface ScorerOptions {
  config: ResolvedConfig;
  /** A team's sign-off pattern: one group captures the agent's id (`agents.signature`). */
  signature?: UserPattern;
  /** Told which conversation of a batch is being scored, and after each reply is read and after it is checked (a heartbeat). */
  onConversation?: (index: number) => void;
  onReply?: () => void;
}

const NO_SITUATION: ScoredConversation['situation'] = { id: null, sensitivity: 'low', source: 'none', reason: 'no customer message to judge by' };

/**
 * Scores a batch in order; a conversation that breaks the scorer becomes an error, not a crash.
 *
 * In three passes over the batch: what each reply answers (planConversation), then the
 * replies' contexts read (prepareDraft: the situation and the customer's mood from the
 * customer-turn models, the language, the prose), then the replies checked by the rules. The
 * work is the same as scoring one conversation after another, in another order: each kind of
 * work runs with its own data still in the CPU's caches (the models' vocabulary and weights,
 * the rules' patterns), and a customer turn takes a third less time to read.
 */
export function scoreBatch(items: readonly ImportedItem[], options: ScorerOptions): ScoreOutcome[] {
  const plans = items.map((item) => ('error' in item ? undefined : planConversation(item.conversation, options)));
  // Read ahead up to a bound, so a batch of huge conversations holds no more at once than before.
  const readAhead = { chars: READ_AHEAD_CHARS };
  plans.forEach((plan, index) => {
    if (!plan || readAhead.chars <= 0) return;
    options.onConversation?.(index);
    prepareReplies(plan, options, readAhead);
  });
  return items.map((item, index) => {
    if ('error' in item) return item;
    options.onConversation?.(index);
    try {
      return { scored: finishConversation(plans[index]!, options) };
    } catch (error) {
      const { conversation } = item;
      return { error: { source: conversation.source, line: conversation.line, id: conversation.id, reason: `could not be scored: ${(error as Error).message}` } };
    }
  });
}

/** Characters of replies and customer messages a batch reads ahead of checking them. */
const READ_AHEAD_CHARS = 4 * 1024 * 1024;

/**
 * Lints every public agent reply in the context of the conversation so far: the customer's
 * messages since the previous reply, the turns before them (the thread), the customer's name,
 * the channel, and the situation given or mapped from tags for the whole conversation. Without
 * one, the core infers it from the latest customer turn and the thread, as it does for a draft.
 *
 * Bot messages are part of the thread the customer saw, but never an agent's reply: they are
 * scored only when the conversation asks for it (`--include-bots`), flagged, and kept out of the
 * conversation's score. System messages (events, merge notices, drafts, hidden threads) are left
 * out altogether; both are listed in `leftOut` with the reason.
 */
export function scoreConversation(conversation: Conversation, options: ScorerOptions): ScoredConversation {
  return finishConversation(planConversation(conversation, options), options);
}

/** A reply to check: what it answers and in which context, and once read, the draft the rules check. */
interface PlannedReply {
  message: TranscriptMessage;
  index: number;
  text: string;
  customerMessage: string | undefined;
  agent: AgentRef;
  context: ReplyContext;
  draft?: PreparedDraft;
}

/**
 * A conversation walked through once: its replies in order, each with its context, up to the
 * first thing that stops it from being scored (kept as an error and thrown when scoring gets
 * there, so the replies before it are checked first, as they always were).
 */
interface ConversationPlan {
  conversation: Conversation;
  steps: Array<{ reply: PlannedReply } | { error: unknown }>;
  /** The customer's turns after the last reply, with the thread before them, when any are left. */
  unanswered?: { customerMessage: string; thread: ThreadTurn[] };
  customerMessages: number;
  notes: number;
  botMessages: number;
  leftOut: LeftOut[];
}

function planConversation(conversation: Conversation, { config, signature }: ScorerOptions): ConversationPlan {
  const thread: ThreadTurn[] = [];
  const waiting: string[] = [];
  /** Where each waiting turn sits in the thread. */
  const waitingAt: number[] = [];
  let answered: string | undefined;
  let answeredAt = 0;
  const plan: ConversationPlan = { conversation, steps: [], customerMessages: 0, notes: 0, botMessages: 0, leftOut: [] };

  const reply = (message: TranscriptMessage, index: number, text: string, customerMessage: string | undefined, agent: AgentRef): PlannedReply => ({
    message,
    index,
    text,
    customerMessage,
    agent,
    context: {
      customerName: conversation.customerName,
      customerMessage,
      // The turns before the customer's message being answered, and the replies already made to
      // it: a second reply in a row is judged with the first in view.
      thread: [...thread.slice(0, answeredAt), ...thread.slice(answeredAt).filter((turn) => turn.role === 'agent')],
      situation: conversation.situation,
      channel: conversation.channel,
      language: message.language ?? conversation.language,
      agentName: agent.bot ? undefined : message.authorName,
      tags: conversation.tags.length ? conversation.tags : undefined,
    },
  });

  try {
    conversation.messages.forEach((message, index) => {
      if (message.role === 'note') {
        plan.notes++;
        return;
      }
      const author = message.authorName ?? message.authorId;
      if (message.role === 'system') {
        plan.leftOut.push({ index, role: 'system', reason: message.reason ?? 'system message', ...(author ? { author } : {}) });
        return;
      }
      const text = textOf(message);
      if (message.role === 'customer') {
        plan.customerMessages++;
        if (text.trim()) {
          if (waiting.length === 0) answeredAt = thread.length;
          waiting.push(text);
          waitingAt.push(thread.length);
          thread.push({ role: 'customer', text });
        }
        return;
      }
      if (!text.trim()) return;
      if (message.role === 'bot') {
        plan.botMessages++;
        plan.leftOut.push({ index, role: 'bot', reason: message.reason ?? 'bot', ...(author ? { author } : {}) });
        // The customer's question stays open for the agent who takes over from the bot.
        if (conversation.scoreBots) plan.steps.push({ reply: reply(message, index, text, waiting.length ? waiting.join('\n\n') : answered, botRef(message)) });
        thread.push({ role: 'agent', text });
        return;
      }
      // The customer's turns since the last reply are read together, as one message, unless the
      // last one moves on ("Sorted now, thanks!" after a complaint): the reply answers that one,
      // and the complaint is in the thread before it.
      if (waiting.length > 1 && movesOn(waiting[waiting.length - 1]!, waiting[waiting.length - 2]!)) {
        answeredAt = waitingAt[waitingAt.length - 1]!;
        waiting.splice(0, waiting.length - 1);
      }
      const customerMessage = waiting.length ? waiting.join('\n\n') : answered;
      // Each message is bounded like a draft in the editor, the customer's words it answers too.
      const replyTooLarge = draftSizeProblem(text, config.limits);
      if (replyTooLarge) throw new Error(`message ${index + 1} (an agent reply) is ${replyTooLarge}`);
      const customerTooLarge = customerMessage === undefined ? undefined : draftSizeProblem(customerMessage, config.limits);
      if (customerTooLarge) throw new Error(`the customer's messages before message ${index + 1} are ${customerTooLarge}`);
      waiting.length = 0;
      waitingAt.length = 0;
      answered = customerMessage;
      plan.steps.push({ reply: reply(message, index, text, customerMessage, identifyAgent(message, text, signature, conversation.channel)) });
      thread.push({ role: 'agent', text });
    });
    if (waiting.length) plan.unanswered = { customerMessage: waiting.join('\n\n'), thread: thread.slice(0, answeredAt) };
  } catch (error) {
    plan.steps.push({ error });
  }
  return plan;
}

/**
 * Reads the planned replies' contexts ahead (prepareDraft), while `readAhead` lasts. A reply
 * whose context cannot be read ends the plan there with the error, thrown when scoring gets to
 * it, after the replies before it are checked, as when each reply was read just before its check.
 */
function prepareReplies(plan: ConversationPlan, { config, onReply }: ScorerOptions, readAhead: { chars: number }): void {
  for (const [at, step] of plan.steps.entries()) {
    if (!('reply' in step) || readAhead.chars <= 0) return;
    const { reply } = step;
    try {
      reply.draft = prepareReply(plan, reply, config);
    } catch (error) {
      plan.steps.splice(at, plan.steps.length - at, { error });
      return;
    }
    readAhead.chars -= reply.text.length + (reply.customerMessage?.length ?? 0);
    onReply?.();
  }
}

function prepareReply(plan: ConversationPlan, reply: PlannedReply, config: ResolvedConfig): PreparedDraft {
  return prepareDraft(reply.text, reply.context, config, { path: `${plan.conversation.id}#${reply.index + 1}` });
}

/** Checks the planned replies in order and puts together the conversation's scores. */
function finishConversation(plan: ConversationPlan, { config, onReply }: ScorerOptions): ScoredConversation {
  const { conversation } = plan;
  /** What the conversation is about, for the report: the most sensitive situation met. */
  let headline: ResolvedSituation | undefined;
  const replies: ScoredReply[] = [];
  for (const step of plan.steps) {
    if ('error' in step) throw step.error;
    const { message, index, text, customerMessage, agent } = step.reply;
    const result = lintDraft(step.reply.draft ?? prepareReply(plan, step.reply, config), config);
    step.reply.draft = undefined;
    onReply?.();
    if (result.stopped) throw new Error(`message ${index + 1}: ${stopMessage(result.stopped, 'reply')}`);
    headline = moreSensitive(headline, result.context.situation);
    // Built field by field, in the report's order: a spread of an optional field (`...(x ? { x } : {})`)
    // cost V8 about two microseconds a reply.
    const reply = { index, agent, text, customerMessage } as ScoredReply;
    if (message.timestamp) reply.timestamp = message.timestamp;
    if (agent.bot) reply.bot = true;
    reply.score = result.score.score;
    reply.categories = result.score.categories;
    reply.words = result.score.words;
    reply.critical = result.score.critical;
    reply.autoFail = result.score.autoFail;
    reply.situation = result.context.situation.id;
    reply.mood = result.context.mood?.id ?? null;
    if (result.context.situation.resolved) reply.resolved = true;
    reply.findings = result.messages.map((m) => toFinding(m, text));
    replies.push(reply);
  }
  if (plan.unanswered) {
    const context = { ...plan.unanswered, situation: conversation.situation, tags: conversation.tags };
    headline = moreSensitive(headline, resolveSituation({ context, situations: config.situations, tagSituations: config.tagSituations }));
  }
  const agentReplies = replies.filter((r) => !r.bot);
  const critical = agentReplies.some((r) => r.critical);
  const autoFail = [...new Set(agentReplies.flatMap((r) => r.autoFail))].sort();
  const agents = uniqueAgents(replies);
  const shownSituation = headline ? { id: headline.id, sensitivity: headline.sensitivity, source: headline.source, reason: headline.reason } : NO_SITUATION;
  const scored: ScoredConversation = {
    id: conversation.id,
    source: conversation.source,
    line: conversation.line,
    channel: conversation.channelName ?? conversation.channel,
    situation: shownSituation,
    critical,
    autoFail,
    agents,
    customerMessages: plan.customerMessages,
    notes: plan.notes,
    botMessages: plan.botMessages,
    leftOut: plan.leftOut,
    facts: factsOf(conversation),
    replies,
    score: null,
    categories: null,
  };
  if (agentReplies.length === 0) scored.note = 'no agent reply to score';
  else {
    scored.score = critical ? 0 : round(mean(agentReplies.map((r) => r.score)));
    scored.categories = meanCategories(agentReplies.map((r) => r.categories));
  }
  return scored;
}
/** A bot's reply, known by the bot's name: "Answer Bot", a trigger's title, "Gorgias rules". */
function botRef(message: TranscriptMessage): AgentRef {
  const name = message.authorName ?? message.reason ?? 'bot';
  const id = message.authorId ?? name;
  // Kept apart from people's ids: a bot's account id can be any number.
  return { id: id.startsWith('bot:') ? id : `bot:${id}`, name, bot: true };
}

/** What the export says about the conversation besides its messages, for the report. */
function factsOf(conversation: Conversation): ConversationFacts {
  const times = conversation.messages.map((m) => m.timestamp).filter((t): t is string => t !== undefined && !Number.isNaN(Date.parse(t)));
  const sorted = times.map((t) => ({ t, at: Date.parse(t) })).sort((a, b) => a.at - b.at);
  // Field by field in the report's order, without spreads (see the replies in finishConversation).
  const facts = {} as ConversationFacts;
  if (conversation.createdAt) facts.createdAt = conversation.createdAt;
  if (sorted.length) {
    facts.firstMessageAt = sorted[0]!.t;
    facts.lastMessageAt = sorted[sorted.length - 1]!.t;
  }
  facts.tags = conversation.tags;
  if (conversation.group) facts.group = conversation.group;
  if (conversation.brand) facts.brand = conversation.brand;
  if (conversation.rating) facts.rating = conversation.rating;
  return facts;
}

function textOf(message: TranscriptMessage): string {
  if (message.text !== undefined) return message.text;
  return message.html ? htmlToText(message.html) : '';
}

/** The more sensitive of two situations; the earlier one on a tie. */
function moreSensitive(current: ResolvedSituation | undefined, next: ResolvedSituation): ResolvedSituation | undefined {
  if (!next.id) return current ?? next;
  if (!current?.id) return next;
  return sensitivityAtLeast(current.sensitivity, next.sensitivity) ? current : next;
}

/**
 * Who wrote a reply: the export's sign-off initials, a team's sign-off pattern, on a social
 * channel the sign-off a reply ends with (`^TM`, `*Kat`, `/NS`, `-Dana`: one brand account, many
 * agents), then the author.
 */
export function identifyAgent(message: TranscriptMessage, text: string, signature?: UserPattern, channel?: Channel): AgentRef {
  const account = message.authorName ?? message.authorId;
  let initials = message.signature;
  if (!initials && signature) initials = signature.first(text)?.groups[0];
  if (!initials && channel === 'social') initials = signOffOf(text);
  if (initials) return { id: account ? `${message.authorId ?? account}/${initials}` : initials, name: account ? `${initials} (${account})` : initials };
  if (message.authorId) return { id: message.authorId, name: message.authorName ?? message.authorId };
  if (message.authorName) return { id: message.authorName, name: message.authorName };
  return { id: 'unknown', name: 'unknown agent' };
}

function uniqueAgents(replies: readonly ScoredReply[]): AgentRef[] {
  const seen = new Map<string, AgentRef>();
  for (const reply of replies) if (!seen.has(reply.agent.id)) seen.set(reply.agent.id, reply.agent);
  return [...seen.values()];
}

function toFinding(message: PreachMessage, text: string): Finding {
  const { startOffset: start, endOffset: end } = message;
  const finding: Finding = {
    ruleId: message.ruleId,
    severity: message.severity,
    category: message.category,
    message: message.reason,
    critical: Boolean(message.critical),
    line: message.line ?? 1,
    column: message.column ?? 1,
    start,
    end,
    excerpt: text.slice(start, end),
  };
  if (message.note) finding.note = message.note;
  if (message.expected?.length) finding.fix = message.expected[0];
  if (message.url) finding.url = message.url;
  return finding;
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return values.length ? sum / values.length : 0;
}

export function meanCategories(cards: ReadonlyArray<Record<Category, number>>): Record<Category, number> {
  const means = {} as Record<Category, number>;
  for (const c of CATEGORY_IDS) means[c] = round(mean(cards.map((card) => card[c])));
  return means;
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
