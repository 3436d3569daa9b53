import { BoundedCache } from '../bounded-cache.js';
import { boundaryFirst } from '../declarative/regex.js';
import { BUILT_IN_SITUATIONS, SHOUTED_PHRASE, showsFeeling } from '../situations.js';
import { polarity } from '../text/analysis.js';
import type { KnownFeatures } from './linear-model.js';

/**
 * What the customer-turn model sees of a message: its words and word pairs (normalised so that
 * handles, links and numbers do not become vocabulary), and a few lexicon features that carry
 * what a small labelled set cannot teach on its own: the built-in situations' signal phrases,
 * AFINN sentiment, signs of feeling, questions and resolution words.
 *
 * Training (scripts/model/train.mjs) and inference read a message with this one walk
 * (`readFeatures`), so the two can never disagree about a feature's name or order: training
 * gets the names (`messageFeatures`), inference the rows of the ones its model knows
 * (`turnFeatures`), without spelling out a name per word.
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
const REPEATED = /\b(?:again|still|third|3rd|second|2nd|another|yet|days|weeks|hours|months)\b/i;

interface CompiledSignal {
  feature: string;
  /** The feature of the same signal in the customer's turn before. */
  earlier: string;
  situation: string;
  weight: number;
  regex: RegExp;
}

let compiledSignals: CompiledSignal[] | undefined;
/** Compiled on first use: situations.ts imports this module, so the list is not ready at load. */
function signals(): CompiledSignal[] {
  return (compiledSignals ??= BUILT_IN_SITUATIONS.flatMap((situation) =>
    // Without the u flag: the signal patterns are ASCII and V8 runs them four times as fast.
    (situation.signals ?? []).map((signal, index) => ({
      feature: `sig:${situation.id}:${index}`,
      earlier: `earlier:sig:${situation.id}:${index}`,
      situation: situation.id,
      weight: signal.weight ?? 1,
      regex: new RegExp(boundaryFirst(signal.pattern), 'i'),
    })),
  ));
}


/** Signals strong enough to name a situation alone (weight 3 or more in BUILT_IN_SITUATIONS). */
const STRONG_SIGNAL = 3;

/**
 * The strongest built-in signal a message matched (`matched`: per signal, the words it matched,
 * as `TurnFeatures.signals`), the first listed on a tie, of one situation when `situation` is given.
 */
export function strongestSignal(matched: ReadonlyArray<string | undefined>, situation?: string): { situation: string; words: string } | undefined {
  const all = signals();
  let best = -1;
  for (let i = 0; i < all.length; i++) {
    const signal = all[i]!;
    if (situation && signal.situation !== situation) continue;
    if (signal.weight >= STRONG_SIGNAL && matched[i] !== undefined && (best < 0 || signal.weight > all[best]!.weight)) best = i;
  }
  return best < 0 ? undefined : { situation: all[best]!.situation, words: matched[best]! };
}

/** Whether a message matched a built-in signal of `situation`. */
export function matchesSignalOf(matched: ReadonlyArray<string | undefined>, situation: string): boolean {
  const all = signals();
  for (let i = 0; i < all.length; i++) if (matched[i] !== undefined && all[i]!.situation === situation) return true;
  return false;
}

let anySignal: RegExp | null | undefined;
/**
 * Every built-in signal in one pattern: most messages match none, and one pass over them says so
 * where a pass per signal took four times as long. (An alternation matches where any of its parts
 * does; a back-reference would not survive the joining, so patterns with one go without.)
 */
function anySignalPattern(): RegExp | null {
  if (anySignal === undefined) {
    const sources = BUILT_IN_SITUATIONS.flatMap((situation) => (situation.signals ?? []).map((signal) => signal.pattern));
    anySignal = sources.some((source) => /\\[1-9k]/.test(source)) ? null : new RegExp(boundaryFirst(sources.join('|')), 'i');
  }
  return anySignal;
}

const signalMatches = new BoundedCache<string, ReadonlyArray<string | undefined>>(1000);
const NO_SIGNAL: ReadonlyArray<string | undefined> = [];

/**
 * Per built-in signal, the words it matched in `text` (trimmed), or undefined. Remembered for
 * recent texts: a customer's turn is read again as the turn before the next one.
 */
function matchSignals(text: string): ReadonlyArray<string | undefined> {
  const cached = signalMatches.get(text);
  if (cached) return cached;
  if (anySignalPattern()?.test(text) === false) return signalMatches.set(text, NO_SIGNAL);
  const all = signals();
  const matched = new Array<string | undefined>(all.length);
  for (let i = 0; i < all.length; i++) matched[i] = all[i]!.regex.exec(text)?.[0].trim();
  return signalMatches.set(text, matched);
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

/** Where `readFeatures` reports a message's features, in the order of `MessageFeatures.names`. */
interface FeatureSink {
  /** A feature named outright; `quote`: the customer's words behind it, when they may be shown. */
  named(name: string, quote?: string): void;
  /** The built-in signal at `index` (in `signals()`) matched `quote` in the message. */
  signal(index: number, quote: string): void;
  /**
   * The message's words, in order: each one not a stop word is a feature (`w:`), each with the
   * next a pair (`b:`); words a person learns nothing from (FUNCTION_WORDS) are never quoted.
   */
  words(words: readonly string[]): void;
}

/**
 * `previous` is the customer's turn before this one, if any: a follow-up ("still nothing",
 * "DM sent") is about what the conversation was about, so its signal phrases count too, marked
 * as earlier.
 */
function readFeatures(message: string, previous: string | undefined, sink: FeatureSink): void {
  const all = signals();
  if (previous) {
    const before = matchSignals(previous);
    for (let i = 0; i < all.length; i++) if (before[i] !== undefined) sink.named(all[i]!.earlier);
    sink.named('earlier:turn');
  }
  const text = normalise(message);
  const words: string[] = [];
  WORD.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = WORD.exec(text))) words.push(match[0]);
  if (text.includes(' _url ')) sink.named('tok:_url');
  if (text.includes(' _order ')) sink.named('tok:_order');
  sink.words(words);
  const matched = matchSignals(message);
  for (let i = 0; i < all.length; i++) if (matched[i] !== undefined) sink.signal(i, matched[i]!);
  const sentiment = polarity(message);
  if (sentiment <= -4) sink.named('pol:very-negative');
  if (sentiment <= -2) sink.named('pol:negative');
  if (sentiment < 0) sink.named('pol:below-zero');
  if (sentiment > 0) sink.named('pol:positive');
  if (sentiment >= 3) sink.named('pol:warm');
  // One look for a shouted phrase serves both features.
  const shouted = SHOUTED_PHRASE.test(message);
  if (showsFeeling(message, shouted)) sink.named('feel:shown');
  if (shouted) sink.named('feel:shouted');
  if (/!{2,}|\?!|!\?/.test(message)) sink.named('feel:marks');
  if (message.includes('?')) sink.named('q:mark');
  const first = words[0];
  if (first && QUESTION_OPENING.test(first)) sink.named('q:opening');
  const resolution = RESOLUTION.exec(message);
  if (resolution) sink.named('res:cue', resolution[0]);
  if (THANKS.test(message)) sink.named('res:thanks');
  if (REPEATED.test(message)) sink.named('feel:repeated');
  if (words.length <= 4) sink.named('len:short');
  else if (words.length >= 25) sink.named('len:long');
  sink.named('bias');
}

/** Every feature of a message by name, with the words that may be quoted for them: what training sees. */
export function messageFeatures(message: string, previous?: string): MessageFeatures {
  const names = new Set<string>();
  const evidence = new Map<string, string>();
  const all = signals();
  readFeatures(message, previous, {
    named(name, quote) {
      names.add(name);
      if (quote !== undefined) evidence.set(name, quote);
    },
    signal(index, quote) {
      names.add(all[index]!.feature);
      evidence.set(all[index]!.feature, quote);
    },
    words(words) {
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
    },
  });
  return { names: [...names], evidence };
}

/** What a model's vocabulary holds for one word: its feature, the pairs it starts, and how it may be quoted. */
interface WordEntry {
  /** Row of its `w:` feature (none for a stop word or a word the model does not know). */
  row: number | undefined;
  /** Quoted as evidence for its own feature. */
  quotable: boolean;
  /** Next word → row of the pair's `b:` feature. */
  pairs: Map<string, number> | undefined;
  /** In FUNCTION_WORDS: a pair starting with it is never quoted. */
  functionWord: boolean;
  /** In STOP (or FUNCTION_WORDS): a pair ending with it is never quoted. */
  endsNoQuote: boolean;
}

/**
 * A model's feature index arranged for reading a message without spelling out its features'
 * names: one look-up per word finds all the model knows of it.
 */
interface FeatureVocabulary {
  index: ReadonlyMap<string, number>;
  /** Feature names by row. */
  names: string[];
  /** Every word the model has a feature for, starts a pair with, or must not quote. */
  words: Map<string, WordEntry>;
  /** Row of each built-in signal's feature (in `signals()`), when the model knows it. */
  signalRows: Array<number | undefined>;
  /** Rows already listed for the message being read: a feature counts once. */
  listed: Uint32Array;
  reading: number;
}

const vocabularies = new WeakMap<ReadonlyMap<string, number>, FeatureVocabulary>();

function vocabularyOf(index: ReadonlyMap<string, number>): FeatureVocabulary {
  let vocabulary = vocabularies.get(index);
  if (vocabulary) return vocabulary;
  const names: string[] = [];
  const words = new Map<string, WordEntry>();
  const entry = (word: string): WordEntry => {
    let found = words.get(word);
    if (!found) {
      const functionWord = FUNCTION_WORDS.has(word);
      const row = STOP.has(word) ? undefined : index.get(`w:${word}`);
      found = { row, quotable: !functionWord && !word.startsWith('_'), pairs: undefined, functionWord, endsNoQuote: functionWord || STOP.has(word) };
      words.set(word, found);
    }
    return found;
  };
  for (const [name, row] of index) {
    names[row] = name;
    if (name.startsWith('w:')) entry(name.slice(2));
    else if (name.startsWith('b:')) {
      // A pair's words never hold a space: the first one parts them.
      const space = name.indexOf(' ');
      if (space >= 0) (entry(name.slice(2, space)).pairs ??= new Map()).set(name.slice(space + 1), row);
    }
  }
  for (const word of FUNCTION_WORDS) entry(word);
  const signalRows = signals().map((signal) => index.get(signal.feature));
  vocabulary = { index, names, words, signalRows, listed: new Uint32Array(names.length), reading: 0 };
  vocabularies.set(index, vocabulary);
  return vocabulary;
}

/** What the customer-turn models need of a message. */
export interface TurnFeatures extends KnownFeatures {
  /** Per known feature: the customer's words behind it when they may be shown as evidence (as `MessageFeatures.evidence`). */
  quotes: Array<string | undefined>;
  /** Per built-in signal: the words it matched in the message, or undefined (for `strongestSignal`). */
  signals: Array<string | undefined>;
  /** The customer's own words say the problem is over (the `res:cue` feature). */
  resolutionCue: boolean;
}

/**
 * The features of `messageFeatures(message, previous)` that `index` knows, in the same order,
 * as names and rows: `knownFeatures(index, messageFeatures(…).names)`, read without building a
 * name for every word and word pair of the message.
 */
export function turnFeatures(message: string, previous: string | undefined, index: ReadonlyMap<string, number>): TurnFeatures {
  const vocabulary = vocabularyOf(index);
  const { listed } = vocabulary;
  if (++vocabulary.reading === 0xffffffff) {
    listed.fill(0);
    vocabulary.reading = 1;
  }
  const reading = vocabulary.reading;
  const features: TurnFeatures = { names: [], rows: [], quotes: [], signals: [], resolutionCue: false };
  const list = (row: number | undefined, quote: string | undefined) => {
    if (row === undefined || listed[row] === reading) return;
    listed[row] = reading;
    features.names.push(vocabulary.names[row]!);
    features.rows.push(row);
    features.quotes.push(quote);
  };
  readFeatures(message, previous, {
    named(name, quote) {
      if (name === 'res:cue') features.resolutionCue = true;
      list(index.get(name), quote);
    },
    signal(at, quote) {
      features.signals[at] = quote;
      list(vocabulary.signalRows[at], quote);
    },
    words(words) {
      let entry = words.length ? vocabulary.words.get(words[0]!) : undefined;
      for (let i = 0; i < words.length; i++) {
        if (entry?.row !== undefined) list(entry.row, entry.quotable ? words[i] : undefined);
        if (i + 1 < words.length) {
          const next = vocabulary.words.get(words[i + 1]!);
          const row = entry?.pairs?.get(words[i + 1]!);
          // The pair as messageFeatures quotes it: its name without the `b:`.
          if (row !== undefined) list(row, !entry!.functionWord && !next?.endsNoQuote ? vocabulary.names[row]!.slice(2) : undefined);
          entry = next;
        }
      }
    },
  });
  return features;
}
