import { findNameMentions } from '../name-mentions.js';
import type { Channel, RuleContext, Span } from '../types.js';
import { compileMatcher, interpolate, matchCase, scopeRange, type MatcherSpec, type Scope } from './matchers.js';
import { parseCompromisePattern } from './expressions.js';
import { escapeRegex, phrasePattern } from './regex.js';
import { compileUserPattern, type UserPattern } from './user-regex.js';

/** A declarative rule's parameters (its kind-specific keys), after config options are merged in. */
export type Params = Record<string, any>;

export type Check = (context: RuleContext, params: Params, message: string) => void;

/** Placeholders each kind fills in its message; `context` ones are filled for every kind. */
export const KIND_PLACEHOLDERS: Record<string, readonly string[]> = {
  context: ['situation', 'channel', 'customer_name', 'agent_name'],
  existence: ['match'],
  substitution: ['match', 'replacement'],
  pattern: ['match'],
  occurrence: ['match', 'count', 'max', 'min', 'unit'],
  require: [],
  sentiment: ['match', 'reply', 'customer', 'value', 'max', 'min'],
};

/** Matchers are compiled once per parameter object, not once per reply. */
const matcherCache = new WeakMap<Params, ReturnType<typeof compileMatcher>>();

function matcherFor(params: Params) {
  let matcher = matcherCache.get(params);
  if (!matcher) matcherCache.set(params, (matcher = compileMatcher(params as MatcherSpec)));
  return matcher;
}

type Values = Record<string, string | number | undefined>;

function baseValues(context: RuleContext): Values {
  return {
    channel: context.reply.channel,
    situation: context.reply.situation.id ?? undefined,
    customer_name: context.reply.customerName?.first,
    agent_name: context.reply.agentName,
  };
}

/** What an unknown context value reads as in a message ("in a  conversation" is tidied below). */
const FALLBACKS: Values = { customer_name: 'the customer', situation: '', channel: '', agent_name: '' };

/** A rule's message with its placeholders filled; nothing unknown is shown as `{{…}}`. */
function messageText(template: string, values: Values): string {
  const filled = interpolate(template, { ...FALLBACKS, ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) });
  return filled.replace(/ {2,}/g, ' ').replace(/ ([,.;:!?])/g, '$1').trim();
}

const existence: Check = (context, params, message) => {
  const range = scopeRange(context, params.scope as Scope);
  if (!range) return;
  for (const span of matcherFor(params).find(range.text, range.from, range.to)) {
    context.report({ message: messageText(message, { ...baseValues(context), match: span.text }), start: span.start, end: span.end });
  }
};

interface SwapTable {
  matcher: ReturnType<typeof compileMatcher>;
  literal: Map<string, string>;
  regexes: Array<[UserPattern, string]>;
}

const swapCache = new WeakMap<Params, SwapTable>();

function swapTable(params: Params): SwapTable {
  let table = swapCache.get(params);
  if (table) return table;
  const swap = params.swap as Record<string, string>;
  const keys = Object.keys(swap);
  table = params.regex
    ? {
        matcher: compileMatcher({ patterns: keys, ignorecase: params.ignorecase, exceptions: params.exceptions }),
        literal: new Map(),
        regexes: keys.map((key) => [compileUserPattern(key, { ignoreCase: params.ignorecase !== false }), swap[key]!]),
      }
    : {
        matcher: compileMatcher({ tokens: keys, ignorecase: params.ignorecase, nonword: params.nonword, exceptions: params.exceptions }),
        literal: new Map(keys.map((key) => [normalise(key, params.ignorecase !== false), swap[key]!])),
        regexes: [],
      };
  swapCache.set(params, table);
  return table;
}

function normalise(phrase: string, ignoreCase: boolean): string {
  const collapsed = phrase.trim().replace(/\s+/g, ' ');
  return ignoreCase ? collapsed.toLowerCase() : collapsed;
}

/** The replacement options for a match: literal swaps as written, regex swaps with `$1` filled. */
function replacementsFor(table: SwapTable, text: string, ignoreCase: boolean): string[] | undefined {
  const literal = table.literal.get(normalise(text, ignoreCase));
  if (literal !== undefined) return literal.split('|').map((option) => option.trim());
  const entry = table.regexes.find(([regex]) => regex.testWhole(text));
  if (!entry) return undefined;
  const [regex, replacement] = entry;
  return replacement.split('|').map((option) => regex.replaceWhole(text, option.trim()));
}

const substitution: Check = (context, params, message) => {
  const range = scopeRange(context, params.scope as Scope);
  if (!range) return;
  const table = swapTable(params);
  for (const span of table.matcher.find(range.text, range.from, range.to)) {
    const options = replacementsFor(table, span.text, params.ignorecase !== false);
    if (options === undefined) continue;
    // A replacement may name the context ("Hi {{customer_name}}"); an option whose value is
    // unknown is dropped rather than offered with a placeholder in it.
    const values = baseValues(context);
    const fixes = options
      .map((option) => interpolate(option, values))
      .filter((option) => !/\{\{\s*\w+\s*\}\}/.test(option))
      .map((option) => matchCase(option, span.text));
    // Already one of the accepted forms (a swap that only fixes capitals, "Github: GitHub").
    if (fixes.includes(span.text)) continue;
    context.report({
      message: messageText(message, { ...values, match: span.text, replacement: fixes.join('” or “') }),
      start: span.start,
      end: span.end,
      fix: fixes.length ? fixes : undefined,
    });
  }
};

/**
 * Words compromise can find in a contraction or a fused form that the raw text does not spell
 * out ("we'll" matches `will`, "can't" and "cannot" match `not`, "gonna" matches `going`), so a
 * pattern's literal words in this list cannot be used to skip the parse.
 */
const IMPLICIT_WORDS = new Set(
  'will shall would should could must might may not am is are was were has have had do does did us going to want got gotta of let me them you all can'.split(' '),
);

/** Literal words a compromise pattern cannot match without (for a cheap prefilter). */
export function requiredLiterals(pattern: string): string[][] {
  const groups: string[][] = [];
  const terms = pattern.match(/\((?:[^()]|\([^()]*\))*\)[?*+]?|\[[^\]]*\][?*+]?|\S+/g) ?? [];
  for (let term of terms) {
    if (/[?*]$/.test(term) || /^\[/.test(term)) continue;
    term = term.replace(/\+$/, '');
    const inner = term.startsWith('(') && term.endsWith(')') ? term.slice(1, -1) : term;
    const options = inner.split('|').map((option) => option.toLowerCase());
    // Plain ASCII words only: compromise folds apostrophes, accents and hyphens in its own ways.
    if (options.every((option) => /^[a-z0-9]+$/.test(option) && !IMPLICIT_WORDS.has(option))) groups.push(options);
  }
  return groups;
}

interface PatternPlan {
  patterns: string[];
  /** The patterns parsed once, their `/regex/` terms on the safe engine. */
  parsed: unknown[];
  prefilter?: UserPattern;
  literals: string[][];
  exceptions: UserPattern[];
}

const patternCache = new WeakMap<Params, PatternPlan>();

function patternPlan(params: Params): PatternPlan {
  let plan = patternCache.get(params);
  if (plan) return plan;
  const patterns: string[] = Array.isArray(params.match) ? params.match : [params.match];
  const literalSets = patterns.map(requiredLiterals);
  plan = {
    patterns,
    parsed: patterns.map(parseCompromisePattern),
    prefilter: params.prefilter ? compileUserPattern(params.prefilter) : undefined,
    // Only usable when every pattern has some required literal.
    literals: literalSets.every((set) => set.length > 0) ? literalSets.map((set) => set[0]!) : [],
    exceptions: (params.exceptions ?? []).map((e: string) => compileUserPattern(e)),
  };
  patternCache.set(params, plan);
  return plan;
}

interface CompromiseMatch {
  offset: { start: number; length: number };
  terms?: Array<{ offset: { start: number; length: number } }>;
}

/**
 * Where a match is in the prose, from its words: a word compromise reads into a contraction
 * ("will" in "we'll") has no length of its own and would shift the match's overall offset.
 */
function matchSpan(found: CompromiseMatch): [number, number] {
  const words = (found.terms ?? []).filter((term) => term.offset.length > 0);
  if (words.length === 0) return [found.offset.start, found.offset.start + found.offset.length];
  return [Math.min(...words.map((t) => t.offset.start)), Math.max(...words.map((t) => t.offset.start + t.offset.length))];
}

/** compromise counts a word's trailing punctuation in the match ("3 days,"); the reply's words do not. */
const TRAILING = /[\s,.;:!?…"'’”)\]]+$/u;

const pattern: Check = (context, params, message) => {
  const range = scopeRange(context, params.scope as Scope);
  if (!range) return;
  const plan = patternPlan(params);
  if (plan.prefilter && !plan.prefilter.test(context.prose)) return;
  if (plan.literals.length > 0) {
    const lower = context.prose.toLowerCase();
    if (!plan.literals.some((options) => options.some((literal) => lower.includes(literal)))) return;
  }
  const doc = context.analysis.nlp();
  const seen = new Set<number>();
  for (const p of plan.parsed) {
    for (const found of doc.match(p as string).json({ offset: true }) as CompromiseMatch[]) {
      const [start, rawEnd] = matchSpan(found);
      const raw = context.prose.slice(start, rawEnd);
      const text = raw.replace(TRAILING, '') || raw;
      const end = start + text.length;
      if (start < range.from || end > range.to) continue;
      if (seen.has(start) || plan.exceptions.some((exception) => exception.testWhole(text))) continue;
      seen.add(start);
      context.report({ message: messageText(message, { ...baseValues(context), match: text.trim() }), start, end });
    }
  }
};

function limitFor(value: unknown, channel: Channel | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  const table = value as Record<string, number>;
  return (channel && table[channel] !== undefined ? table[channel] : table.default) ?? undefined;
}

function paragraphs(context: RuleContext): Span[] {
  const spans: Span[] = [];
  const regex = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(context.prose))) spans.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  return spans;
}

const exclamationMatchers = new WeakMap<Params, ReturnType<typeof compileMatcher>>();

function occurrences(context: RuleContext, params: Params): Span[] {
  switch (params.of) {
    case 'exclamation': {
      let matcher = exclamationMatchers.get(params);
      if (!matcher) exclamationMatchers.set(params, (matcher = compileMatcher({ patterns: ['!+'], nonword: true })));
      return matcher.find(context.prose);
    }
    case 'customer-name':
      return findNameMentions(context);
    case 'sentences':
      return context.analysis.sentences();
    case 'words':
      return context.analysis.words();
    case 'paragraphs':
      return paragraphs(context);
    case 'questions':
      return context.analysis.sentences().filter((s) => s.text.trimEnd().endsWith('?'));
    default:
      return matcherFor(params).find(context.prose);
  }
}

/** What an occurrence rule counts, in words, by its `of`. */
export const OCCURRENCE_UNITS: Record<string, string> = {
  exclamation: 'exclamation marks',
  'customer-name': "uses of the customer's name",
  sentences: 'sentences',
  words: 'words',
  paragraphs: 'paragraphs',
  questions: 'questions',
  tokens: 'matches',
};

/** Counts that make one message for the whole overflow rather than one per extra item. */
const SPAN_UNITS = new Set(['sentences', 'words', 'paragraphs']);

const occurrence: Check = (context, params, message) => {
  const max = limitFor(params.max, context.reply.channel);
  const min = limitFor(params.min, context.reply.channel);
  if (max === undefined && min === undefined) return;
  // Nothing to count in an empty draft, and no name to count when it is not known.
  if (!context.prose.trim()) return;
  if (params.of === 'customer-name' && !context.reply.customerName) return;
  const found = occurrences(context, params);
  const values = { ...baseValues(context), count: found.length, max, min, unit: OCCURRENCE_UNITS[params.of] ?? 'matches' };
  if (max !== undefined && found.length > max) {
    const extra = found.slice(max);
    if (SPAN_UNITS.has(params.of)) {
      // One message for the overflow, from where the limit is passed to the end.
      const first = extra[0]!;
      const last = found[found.length - 1]!;
      context.report({ message: messageText(message, { ...values, match: first.text }), start: first.start, end: last.end });
    } else {
      for (const span of extra) context.report({ message: messageText(message, { ...values, match: span.text }), start: span.start, end: span.end });
    }
  }
  if (min !== undefined && found.length < min) {
    const anchor = context.analysis.sentences()[0];
    context.report({ message: messageText(message, { ...values, match: '' }), start: anchor?.start ?? 0, end: anchor?.end ?? 0 });
  }
};

const requirement: Check = (context, params, message) => {
  if (!context.prose.trim()) return;
  const range = scopeRange(context, params.scope as Scope);
  if (range && matcherFor(params).find(range.text, range.from, range.to).length > 0) return;
  // Point at where the missing words belong: the last sentence for a closing, else the first.
  const sentences = context.analysis.sentences();
  const anchor = params.scope === 'closing' ? sentences[sentences.length - 1] : sentences[0];
  context.report({ message: messageText(message, baseValues(context)), start: anchor?.start ?? 0, end: anchor?.end ?? 0 });
};

const sentiment: Check = (context, params, message) => {
  if (!context.prose.trim()) return;
  // A bound relative to the customer means nothing without the customer's message.
  if (params.relative_to_customer && !context.reply.customerMessage) return;
  const reply = context.analysis.replySentiment();
  const customer = context.analysis.customerSentiment();
  const value = params.relative_to_customer ? reply - customer : reply;
  const tooHigh = params.max !== undefined && value > params.max;
  const tooLow = params.min !== undefined && value < params.min;
  if (!tooHigh && !tooLow) return;
  // Point at the sentence that pulls furthest in the offending direction.
  let anchor: Span | undefined;
  let extreme = -Infinity;
  for (const sentence of context.analysis.sentences()) {
    const polarity = context.analysis.sentimentOf(sentence.text);
    const pull = tooHigh ? polarity : -polarity;
    if (pull > extreme) {
      extreme = pull;
      anchor = sentence;
    }
  }
  context.report({
    message: messageText(message, { ...baseValues(context), match: anchor?.text.trim(), reply, customer, value, max: params.max, min: params.min }),
    start: anchor?.start ?? 0,
    end: anchor?.end ?? 0,
  });
};

export const KIND_CHECKS: Record<string, Check> = { existence, substitution, pattern, occurrence, require: requirement, sentiment };

/** Keys that belong to a rule's identity and docs, not to its parameters. */
export const META_KEYS = new Set(['$schema', 'id', 'kind', 'category', 'severity', 'critical', 'message', 'description', 'why', 'url', 'note', 'when', 'examples']);

export { escapeRegex, phrasePattern };
