import { findNameMentions } from '../name-mentions.js';
import type { Channel, RuleContext, Span } from '../types.js';
import { compileMatcher, interpolate, matchCase, scopeRange, type MatcherSpec, type Scope } from './matchers.js';
import { escapeRegex, phrasePattern } from './regex.js';

/** A declarative rule's parameters (its kind-specific keys), after config options are merged in. */
export type Params = Record<string, any>;

export type Check = (context: RuleContext, params: Params, message: string) => void;

/** Matchers are compiled once per parameter object, not once per reply. */
const matcherCache = new WeakMap<Params, ReturnType<typeof compileMatcher>>();

function matcherFor(params: Params) {
  let matcher = matcherCache.get(params);
  if (!matcher) matcherCache.set(params, (matcher = compileMatcher(params as MatcherSpec)));
  return matcher;
}

function baseValues(context: RuleContext): Record<string, string | undefined> {
  return {
    channel: context.reply.channel,
    situation: context.reply.situation.id ?? undefined,
    customer_name: context.reply.customerName?.first,
  };
}

const existence: Check = (context, params, message) => {
  const range = scopeRange(context, params.scope as Scope);
  if (!range) return;
  for (const span of matcherFor(params).find(range.text, range.from, range.to)) {
    context.report({ message: interpolate(message, { ...baseValues(context), match: span.text }), start: span.start, end: span.end });
  }
};

interface SwapTable {
  matcher: ReturnType<typeof compileMatcher>;
  literal: Map<string, string>;
  regexes: Array<[RegExp, string]>;
}

const swapCache = new WeakMap<Params, SwapTable>();

function swapTable(params: Params): SwapTable {
  let table = swapCache.get(params);
  if (table) return table;
  const swap = params.swap as Record<string, string>;
  const keys = Object.keys(swap);
  const flags = params.ignorecase === false ? 'u' : 'iu';
  table = params.regex
    ? {
        matcher: compileMatcher({ patterns: keys, ignorecase: params.ignorecase, exceptions: params.exceptions }),
        literal: new Map(),
        regexes: keys.map((key) => [new RegExp(`^(?:${key})$`, flags), swap[key]!]),
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

const substitution: Check = (context, params, message) => {
  const range = scopeRange(context, params.scope as Scope);
  if (!range) return;
  const table = swapTable(params);
  for (const span of table.matcher.find(range.text, range.from, range.to)) {
    const replacement =
      table.literal.get(normalise(span.text, params.ignorecase !== false)) ?? table.regexes.find(([regex]) => regex.test(span.text))?.[1];
    if (replacement === undefined) continue;
    // A replacement may name the context ("Hi {{customer_name}}"); an option whose value is
    // unknown is dropped rather than offered with a placeholder in it.
    const values = baseValues(context);
    const fixes = replacement
      .split('|')
      .map((option) => interpolate(option.trim(), values))
      .filter((option) => !/\{\{\s*\w+\s*\}\}/.test(option))
      .map((option) => matchCase(option, span.text));
    context.report({
      message: interpolate(message, { ...values, match: span.text, replacement: fixes.join('” or “') }),
      start: span.start,
      end: span.end,
      fix: fixes.length ? fixes : undefined,
    });
  }
};

/** Literal words a compromise pattern cannot match without (for a cheap prefilter). */
export function requiredLiterals(pattern: string): string[][] {
  const groups: string[][] = [];
  const terms = pattern.match(/\((?:[^()]|\([^()]*\))*\)[?*+]?|\[[^\]]*\][?*+]?|\S+/g) ?? [];
  for (let term of terms) {
    if (/[?*]$/.test(term) || /^\[/.test(term)) continue;
    term = term.replace(/\+$/, '');
    const inner = term.startsWith('(') && term.endsWith(')') ? term.slice(1, -1) : term;
    const options = inner.split('|');
    if (options.every((option) => /^[\p{L}\p{N}'’-]+$/u.test(option))) groups.push(options.map((o) => o.toLowerCase()));
  }
  return groups;
}

interface PatternPlan {
  patterns: string[];
  prefilter?: RegExp;
  literals: string[][];
  exceptions: RegExp[];
}

const patternCache = new WeakMap<Params, PatternPlan>();

function patternPlan(params: Params): PatternPlan {
  let plan = patternCache.get(params);
  if (plan) return plan;
  const patterns = Array.isArray(params.match) ? params.match : [params.match];
  const literalSets = patterns.map(requiredLiterals);
  plan = {
    patterns,
    prefilter: params.prefilter ? new RegExp(params.prefilter, 'iu') : undefined,
    // Only usable when every pattern has some required literal.
    literals: literalSets.every((set: string[][]) => set.length > 0) ? literalSets.map((set: string[][]) => set[0]!) : [],
    exceptions: (params.exceptions ?? []).map((e: string) => new RegExp(`^(?:${e})$`, 'iu')),
  };
  patternCache.set(params, plan);
  return plan;
}

const pattern: Check = (context, params, message) => {
  const plan = patternPlan(params);
  if (plan.prefilter && !plan.prefilter.test(context.prose)) return;
  if (plan.literals.length > 0) {
    const lower = context.prose.toLowerCase();
    if (!plan.literals.some((options) => options.some((literal) => lower.includes(literal)))) return;
  }
  const doc = context.analysis.nlp();
  const seen = new Set<number>();
  for (const p of plan.patterns) {
    for (const found of doc.match(p).json({ offset: true, text: true }) as Array<{ text: string; offset: { start: number; length: number } }>) {
      const start = found.offset.start;
      const text = context.prose.slice(start, start + found.offset.length);
      if (seen.has(start) || plan.exceptions.some((exception) => exception.test(text))) continue;
      seen.add(start);
      context.report({ message: interpolate(message, { ...baseValues(context), match: text.trim() }), start, end: start + found.offset.length });
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

function occurrences(context: RuleContext, params: Params): Span[] {
  switch (params.of) {
    case 'exclamation':
      return compileCached(params, () => compileMatcher({ patterns: ['!+'], nonword: true })).find(context.prose);
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

const occurrenceMatchers = new WeakMap<Params, ReturnType<typeof compileMatcher>>();

function compileCached(params: Params, make: () => ReturnType<typeof compileMatcher>) {
  let matcher = occurrenceMatchers.get(params);
  if (!matcher) occurrenceMatchers.set(params, (matcher = make()));
  return matcher;
}

const UNIT: Record<string, string> = {
  exclamation: 'exclamation marks',
  'customer-name': "uses of the customer's name",
  sentences: 'sentences',
  words: 'words',
  paragraphs: 'paragraphs',
  questions: 'questions',
  tokens: 'matches',
};

const occurrence: Check = (context, params, message) => {
  const max = limitFor(params.max, context.reply.channel);
  const min = limitFor(params.min, context.reply.channel);
  if (max === undefined && min === undefined) return;
  const found = occurrences(context, params);
  const values = { ...baseValues(context), count: found.length, max, min, unit: UNIT[params.of] ?? 'matches' };
  if (max !== undefined && found.length > max) {
    const extra = found.slice(max);
    if (params.of === 'sentences' || params.of === 'words' || params.of === 'paragraphs') {
      // One message for the overflow, from where the limit is passed to the end.
      const first = extra[0]!;
      const last = found[found.length - 1]!;
      context.report({ message: interpolate(message, { ...values, match: first.text }), start: first.start, end: last.end });
    } else {
      for (const span of extra) context.report({ message: interpolate(message, { ...values, match: span.text }), start: span.start, end: span.end });
    }
  }
  if (min !== undefined && found.length < min) {
    const anchor = context.analysis.sentences()[0];
    context.report({ message: interpolate(message, values), start: anchor?.start ?? 0, end: anchor?.end ?? 0 });
  }
};

const requirement: Check = (context, params, message) => {
  const range = scopeRange(context, params.scope as Scope);
  if (!range) return;
  if (!context.prose.trim()) return;
  if (matcherFor(params).find(range.text, range.from, range.to).length > 0) return;
  const anchor = context.analysis.sentences()[0];
  context.report({ message: interpolate(message, baseValues(context)), start: anchor?.start ?? 0, end: anchor?.end ?? 0 });
};

const sentiment: Check = (context, params, message) => {
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
    message: interpolate(message, { ...baseValues(context), match: anchor?.text.trim(), reply, customer, value }),
    start: anchor?.start ?? 0,
    end: anchor?.end ?? 0,
  });
};

export const KIND_CHECKS: Record<string, Check> = { existence, substitution, pattern, occurrence, require: requirement, sentiment };

/** Keys that belong to a rule's identity and docs, not to its parameters. */
export const META_KEYS = new Set(['$schema', 'id', 'kind', 'category', 'severity', 'critical', 'message', 'description', 'why', 'url', 'note', 'when', 'examples']);

export { escapeRegex, phrasePattern };
