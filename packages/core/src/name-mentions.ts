import { compromiseLexicon } from './generated/compromise-lexicon.js';
import { foldName } from './names.js';
import type { RuleContext, Span } from './types.js';

/**
 * Names that are also everyday words. A lower-case "will" is never a name, and a capitalised
 * "Will" at the start of a sentence is a name only when it reads as an address ("Will, …").
 */
const NAMES_THAT_ARE_WORDS = new Set(
  'will bill may june april august grace hope joy faith mark rose pat sue jack frank drew chase art dawn sky summer autumn ray rich jean rob bob sunny max amber ruby iris violet holly ivy lily daisy heather ginger crystal destiny harmony honey jewel melody autumn river stone hunter taylor gene guy don ken sandy dusty rusty penny buck cliff dale glen wade lane miles king earl duke prince chance lance van'
    .split(' '),
);

const ADDRESS_AFTER = /^\s*(?:[,!?:;—–-]|$)/;
const GREETING_BEFORE = /(?:\b(?:hi|hey|hello|dear|thanks|thank you|morning|afternoon|evening|welcome|sorry|cheers|bye)\s*,?\s*)$/i;

export function isWordLikeName(name: string): boolean {
  return NAMES_THAT_ARE_WORDS.has(foldName(name));
}

/** Where the reply uses the customer's name (first, last or full), with word-names handled. */
export function findNameMentions(context: RuleContext): Span[] {
  const name = context.reply.customerName;
  if (!name) return [];
  return findWordMentions(context.prose, name.accepted.filter((form) => !form.includes(' ')), context);
}

/** Finds whole-word occurrences of any of `forms` (lower-case) in `prose`. */
export function findWordMentions(prose: string, forms: readonly string[], context?: RuleContext): Span[] {
  if (forms.length === 0) return [];
  const folded = foldName(prose);
  const mentions: Span[] = [];
  const wanted = new Set(forms.map(foldName));
  // Accent folding can change length; fall back to the raw text then.
  const haystack = folded.length === prose.length ? folded : prose.toLowerCase();
  const word = /[\p{L}][\p{L}'’-]*/gu;
  let match: RegExpExecArray | null;
  while ((match = word.exec(haystack))) {
    const candidate = match[0].replace(/['’]s$/, '');
    if (!wanted.has(candidate)) continue;
    const start = match.index;
    const end = start + candidate.length;
    const original = prose.slice(start, end);
    if (isWordLikeName(candidate) && !readsAsName(prose, start, end, original, context)) continue;
    mentions.push({ start, end, text: original });
  }
  return mentions;
}

function readsAsName(prose: string, start: number, end: number, original: string, context?: RuleContext): boolean {
  if (!/^\p{Lu}/u.test(original)) return false;
  const before = prose.slice(Math.max(0, start - 40), start);
  const after = prose.slice(end, end + 3);
  if (GREETING_BEFORE.test(before) || ADDRESS_AFTER.test(after)) return true;
  // Shouting ("I WILL CHECK") capitalises every word; only an address makes it a name.
  if (original.length > 1 && original === original.toUpperCase()) return false;
  const sentenceStart = /(?:^|[.!?]\s+|\n)\s*$/.test(before);
  if (!sentenceStart) return true; // capitalised mid-sentence: a name
  // "Will you …" at a sentence start: ask the grammar whether it is a verb.
  if (!context) return false;
  // The occurrence at this offset: an earlier "Hi Will," must not decide for "Will you …".
  const terms = context.analysis.nlp().match(original).json({ offset: true, terms: true }) as Array<{ offset: { start: number }; terms: Array<{ tags: string[] }> }>;
  const term = terms.find((found) => found.offset.start === start) ?? terms[0];
  return !term?.terms[0]?.tags.includes('Verb');
}

/** How a reply's opening greeting addresses the reader. */
export type Addressee = 'none' | 'there' | 'group' | 'generic' | 'name' | 'placeholder' | 'other';

export interface Greeting {
  /** The greeting word(s): "Hi", "Good morning", "Dear". */
  start: number;
  end: number;
  addressee: Addressee;
  /** The name words addressed ("Priya"; "Raman" in "Dear Ms Raman"), when addressee is 'name'. */
  names: Span[];
  /** The "there" of "Hi there". */
  there?: Span;
}

const GREETING_WORD = /^(?:hi|hello|hey|hiya|howdy|greetings|dear|good (?:morning|afternoon|evening|day))(?![\p{L}'’])/iu;
const ADDRESS_WORD = /^[ \t]*([\p{L}][\p{L}'’/-]*)(\.?)/u;
/** What ends an address: punctuation, a dash, the end of the line. */
const ADDRESS_END = /^[ \t]*(?:[,!.:;?)]|[-—–](?:\s|$)|\n|$)/;
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof)$/i;
const GROUP_WORDS = new Set('there team all everyone everybody folks guys both again friend friends world you yall y’all y\'all'.split(' '));
const GENERIC_WORDS = new Set('valued dear customer customers sir madam sir/madam or user client member account holder guest shopper subscriber patron'.split(' '));
const NAME_TAG = /Name|Person/;

/**
 * The greeting that opens a reply ("Hi Priya,", "Hello there!", "Dear valued customer") and
 * whom it addresses. Undefined when the reply does not open with a greeting.
 */
export function findGreeting(prose: string): Greeting | undefined {
  const start = prose.length - prose.trimStart().length;
  const match = GREETING_WORD.exec(prose.slice(start));
  if (!match) return undefined;
  const end = start + match[0].length;
  const greeting = { start, end, names: [] as Span[] };
  // "Hi ," and "Hi {{first_name}}": a merge field, empty or unfilled.
  if (/^(?:[ \t]+[,!]|[ \t]*,?[ \t]*(?:\{|\[|<|%|\*\|))/.test(prose.slice(end))) return { ...greeting, addressee: 'placeholder' };
  let at = end;
  const comma = /^[ \t]*,/.exec(prose.slice(at));
  if (comma) at += comma[0].length; // "Hi, Priya!"
  const words: Span[] = [];
  let ended = ADDRESS_END.test(prose.slice(at));
  while (!ended && words.length < 5) {
    const word = ADDRESS_WORD.exec(prose.slice(at));
    if (!word) break;
    const wordStart = at + word[0].length - word[1]!.length - word[2]!.length;
    words.push({ start: wordStart, end: wordStart + word[1]!.length, text: word[1]! });
    at = wordStart + word[1]!.length + (word[2] && HONORIFIC.test(word[1]!) ? 1 : 0);
    ended = ADDRESS_END.test(prose.slice(at));
  }
  if (words.length === 0) return { ...greeting, addressee: 'none' };
  const addressee = ended ? classifyAddress(words) : { kind: 'other' as const, names: [], there: undefined };
  if (addressee.kind === 'other' && comma) return { ...greeting, addressee: 'none' }; // "Hi, thank you for …"
  return { ...greeting, addressee: addressee.kind, names: addressee.names, there: addressee.there };
}

function classifyAddress(words: Span[]): { kind: Addressee; names: Span[]; there?: Span } {
  const lower = words.map((word) => word.text.toLowerCase());
  if (lower.every((word) => GENERIC_WORDS.has(word))) return { kind: 'generic', names: [] };
  const there = lower[0] === 'there' ? words[0] : undefined;
  const rest = (there ? words.slice(1) : words).filter((word) => !/^(?:and|&)$/i.test(word.text) && !HONORIFIC.test(word.text));
  if (rest.length === 0) return { kind: there ? 'there' : 'other', names: [], there };
  if (!there && GROUP_WORDS.has(lower[0]!)) return { kind: 'group', names: [] };
  if (rest.every((word) => looksLikeName(word.text))) return { kind: 'name', names: rest, there };
  return { kind: 'other', names: [] };
}

let lexicon: Map<string, string> | undefined;

/**
 * compromise's tags for a word ("FirstName MaleName"), from a copy of its lexicon made at build
 * time: asking compromise would load it, for every greeting that names someone.
 */
export function lexiconTag(word: string): string | undefined {
  if (!lexicon) {
    lexicon = new Map();
    for (const [tags, words] of Object.entries(compromiseLexicon)) for (const known of words.split('\n')) lexicon.set(known, tags);
  }
  return lexicon.get(word.toLowerCase()) ?? lexicon.get(foldName(word));
}

/** A capitalised word that is a name or could be one: unknown to the lexicon, or known as a name. */
export function looksLikeName(word: string): boolean {
  if (!/^\p{Lu}/u.test(word)) return false;
  const lower = word.toLowerCase();
  if (GROUP_WORDS.has(lower) || GENERIC_WORDS.has(lower)) return false;
  const tag = lexiconTag(word);
  return tag === undefined || NAME_TAG.test(tag) || isWordLikeName(word);
}

/** A word the lexicon knows as a first or last name ("John", "Garcia"). */
export function isKnownName(word: string): boolean {
  const tag = lexiconTag(word);
  return tag !== undefined && NAME_TAG.test(tag);
}

/** A word the lexicon knows as something other than a name ("Market", "Sorry"). */
export function isKnownWord(word: string): boolean {
  const tag = lexiconTag(word);
  return tag !== undefined && !NAME_TAG.test(tag);
}

/**
 * Names the customer uses for themselves in their message: a sign-off on the last line
 * ("Thanks, Bob") or an introduction ("I'm Bob", "my name is Bob"). An agent who greets
 * "Bob" when the help desk says "Robert" is following the customer's lead.
 */
export function selfNames(customerMessage: string | undefined): Set<string> {
  const names = new Set<string>();
  if (!customerMessage) return names;
  const introduction = /\b(?:I'?m|I am|my name is|my name's|this is|it's|it is)\s+(\p{Lu}[\p{L}'’-]+)/gu;
  for (const match of customerMessage.matchAll(introduction)) names.add(foldName(match[1]!));
  const lines = customerMessage.trim().split(/\n/);
  const last = lines[lines.length - 1]!;
  const signOff = /^(?:[-—–~]\s*)?(?:(?:thanks|thank you|cheers|regards|best|kind regards|best regards|sincerely)[,!.]?\s+)?(\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+)?\s*[.!]?$/u.exec(last.trim());
  if (signOff) names.add(foldName(signOff[1]!));
  const trailing = /(?:thanks|thank you|cheers|regards)[,!.]?\s+(\p{Lu}[\p{L}'’-]+)\s*[.!]?\s*$/iu.exec(customerMessage.trim());
  if (trailing) names.add(foldName(trailing[1]!));
  return names;
}

/**
 * Sentences that open by addressing someone by a known first name ("Sarah, your refund …"),
 * outside the greeting. Only names the lexicon knows count, so "Great, …" and "Ahh, …" never do.
 */
export function findVocatives(context: RuleContext): Span[] {
  const found: Span[] = [];
  for (const sentence of context.analysis.sentences()) {
    const vocative = /^(\p{Lu}[\p{L}'’-]+)\s*,/u.exec(sentence.text);
    if (vocative && isKnownName(vocative[1]!)) found.push({ start: sentence.start, end: sentence.start + vocative[1]!.length, text: vocative[1]! });
  }
  return found;
}
