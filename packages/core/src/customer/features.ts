import { BUILT_IN_SITUATIONS, showsFeeling } from '../situations.js';
import { polarity } from '../text/analysis.js';

/**
 * What the customer-turn model sees of a message: its words and word pairs (normalised so that
 * handles, links and numbers do not become vocabulary), and a few lexicon features that carry
 * what a small labelled set cannot teach on its own: the built-in situations' signal phrases,
 * AFINN sentiment, signs of feeling, questions and resolution words.
 *
 * Training (scripts/model/train.mjs) and inference use this one function, so the two can never
 * disagree about a feature's name.
 */
export interface MessageFeatures {
  /** Feature names present in the message (each counts once). */
  names: string[];
  /** For word features: the words as the customer wrote them, to show as evidence. */
  evidence: Map<string, string>;
}

const HANDLE = /(^|\s)[@＠][\w.]+/g;
const URL = /\bhttps?:\s?\/\/\S+|\bwww\.\S+/gi;
const ORDER_NUMBER = /#\s?\d[\d-]*/g;
const NUMBER = /\b\d[\d,.:/-]*\b/g;
const WORD = /[a-z][a-z'’]*[a-z]|[a-z]/g;

/** Words too common to tell situations apart; they still count inside word pairs. */
const STOP = new Set(['the', 'a', 'an', 'to', 'and', 'of', 'in', 'on', 'for', 'at', 'is', 'it', 'this', 'that', 'be', 'with', 'as', 'so', 'or']);

/** Words a reason should not quote as evidence: they tell a model something, a person nothing. */
const FUNCTION_WORDS = new Set([...STOP, 'num', 'url', 'i', 'my', 'me', 'we', 'our', 'you', 'your', 'he', 'his', 'she', 'her', 'they', 'their', 'them', 'was', 'are', 'were', 'been', 'has', 'have', 'had', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'not', 'no', 'but', 'if', 'from', 'by', 'about', 'just', 'now', 'get', 'got', 'what', 'how', 'why', 'when', 'where', 'who', 'which', 'there', 'here', 'all', 'any', 'some', 'up', 'out', 'im', "i'm", "it's", 'its', 'please', 'hi', 'hello', 'hey']);

/** The customer says the problem is over: "working again", "sorted", "got it, thanks". */
const RESOLUTION =
  /\b(?:(?:it'?s|is|all|now|back|finally|everything'?s?)\s+(?:working|fixed|sorted|resolved|good|fine|ok(?:ay)?)(?:\s+now|\s+again)?|works?\s+(?:now|again|fine now)|working\s+(?:now|again)|(?:got|get)\s+it\s+(?:sorted|fixed|working)|(?:problem|issue)\s+(?:is\s+)?(?:solved|resolved|fixed|sorted)|that\s+(?:did\s+(?:it|the\s+trick)|fixed\s+it|worked|helped)|(?:just\s+)?(?:received|got)\s+(?:it|my\s+(?:refund|order|package|parcel|card|money))|all\s+(?:good|set|sorted)|never\s?mind|nvm|back\s+(?:up|online)\s+now)\b/i;
const THANKS = /\b(?:thanks?|thank\s+you|thx|ty|cheers|appreciate)\b/i;
const QUESTION_OPENING = /^(?:how|what|where|when|why|which|who|can|could|would|will|is|are|do|does|did|should|any)\b/;
const SHOUTED = /\b(?=[A-Z ]{6})[A-Z]{2,}\s+[A-Z]{2,}\b/;
const REPEATED = /\b(?:again|still|third|3rd|second|2nd|another|yet|days|weeks|hours|months)\b/i;

interface CompiledSignal {
  feature: string;
  situation: string;
  weight: number;
  regex: RegExp;
}

let compiledSignals: CompiledSignal[] | undefined;
/** Compiled on first use: situations.ts imports this module, so the list is not ready at load. */
function signals(): CompiledSignal[] {
  return (compiledSignals ??= BUILT_IN_SITUATIONS.flatMap((situation) =>
    // Without the u flag: the signal patterns are ASCII and V8 runs them four times as fast.
    (situation.signals ?? []).map((signal, index) => ({ feature: `sig:${situation.id}:${index}`, situation: situation.id, weight: signal.weight ?? 1, regex: new RegExp(signal.pattern, 'i') })),
  ));
}

/** Signals strong enough to name a situation alone (weight 3 or more in BUILT_IN_SITUATIONS). */
const STRONG_SIGNAL = 3;

/**
 * The strongest built-in signal among a message's features (the first listed on a tie), of one
 * situation when `situation` is given.
 */
export function strongestSignal(names: readonly string[], situation?: string): { situation: string; feature: string } | undefined {
  let best: CompiledSignal | undefined;
  const present = new Set(names);
  for (const signal of signals()) {
    if (situation && signal.situation !== situation) continue;
    if (signal.weight >= STRONG_SIGNAL && present.has(signal.feature) && (!best || signal.weight > best.weight)) best = signal;
  }
  return best && { situation: best.situation, feature: best.feature };
}

/** The text the word features read: lower case, without handles, links or digits. */
export function normalise(message: string): string {
  return message
    .replace(URL, ' _url ')
    .replace(HANDLE, ' ')
    .replace(ORDER_NUMBER, ' _order ')
    .replace(NUMBER, ' _num ')
    .toLowerCase()
    .replace(/[’]/g, "'");
}

/**
 * `previous` is the customer's turn before this one, if any: a follow-up ("still nothing",
 * "DM sent") is about what the conversation was about, so its signal phrases count too, marked
 * as earlier.
 */
export function messageFeatures(message: string, previous?: string): MessageFeatures {
  const names = new Set<string>();
  const evidence = new Map<string, string>();
  if (previous) {
    for (const { feature, regex } of signals()) if (regex.test(previous)) names.add(`earlier:${feature}`);
    names.add('earlier:turn');
  }
  const text = normalise(message);
  const words: string[] = [];
  WORD.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = WORD.exec(text))) words.push(match[0]);
  if (text.includes(' _url ')) names.add('tok:_url');
  if (text.includes(' _order ')) names.add('tok:_order');
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!STOP.has(word)) {
      names.add(`w:${word}`);
      if (!FUNCTION_WORDS.has(word) && !word.startsWith('_')) evidence.set(`w:${word}`, word);
    }
    if (i + 1 < words.length) {
      const next = words[i + 1]!;
      const pair = `${word} ${next}`;
      names.add(`b:${pair}`);
      if (!FUNCTION_WORDS.has(word) && !FUNCTION_WORDS.has(next) && !STOP.has(next)) evidence.set(`b:${pair}`, pair);
    }
  }
  for (const { feature, regex } of signals()) {
    const found = regex.exec(message);
    if (found) {
      names.add(feature);
      evidence.set(feature, found[0].trim());
    }
  }
  const sentiment = polarity(message);
  if (sentiment <= -4) names.add('pol:very-negative');
  if (sentiment <= -2) names.add('pol:negative');
  if (sentiment < 0) names.add('pol:below-zero');
  if (sentiment > 0) names.add('pol:positive');
  if (sentiment >= 3) names.add('pol:warm');
  if (showsFeeling(message)) names.add('feel:shown');
  if (SHOUTED.test(message)) names.add('feel:shouted');
  if (/!{2,}|\?!|!\?/.test(message)) names.add('feel:marks');
  if (message.includes('?')) names.add('q:mark');
  const first = words[0];
  if (first && QUESTION_OPENING.test(first)) names.add('q:opening');
  if (RESOLUTION.test(message)) {
    names.add('res:cue');
    evidence.set('res:cue', RESOLUTION.exec(message)![0]);
  }
  if (THANKS.test(message)) names.add('res:thanks');
  if (REPEATED.test(message)) names.add('feel:repeated');
  if (words.length <= 4) names.add('len:short');
  else if (words.length >= 25) names.add('len:long');
  names.add('bias');
  return { names: [...names], evidence };
}
