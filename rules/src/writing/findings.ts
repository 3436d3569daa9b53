import { isKnownWord, lexiconTag, type RuleContext } from '@preach/core';
import levenshtein from 'damerau-levenshtein';
import { checkWriting, codeSpans, type HarperFinding } from './checker.js';

/** Harper's categories that are misspellings: unknown words and known slips ("teh"). */
export const SPELLING_KINDS: ReadonlySet<string> = new Set(['Spelling', 'Typo']);

/**
 * Harper's categories that are grammar and usage mistakes a QA reviewer marks down. Its style
 * categories (Style, Enhancement, Readability, Redundancy, Regionalism, Formatting, Miscellaneous)
 * are left out: other preach rules cover style, and Formatting reacts to the spaces that stand in
 * for links and code in the prose preach checks.
 */
export const GRAMMAR_KINDS: ReadonlySet<string> = new Set(['Agreement', 'BoundaryError', 'Eggcorn', 'Grammar', 'Malapropism', 'Punctuation', 'Repetition', 'Usage', 'WordChoice', 'Nonstandard']);

/**
 * Harper rules whose advice is not a slip a reviewer marks down: closed compounds ("touch screen"
 * → "touchscreen", "Playback" read as a phrasal verb) are style, "fed up of" is British usage,
 * and MissingTo guesses at a missing "to" where the sentence has none to miss ("I just learned
 * you can't", "I forgot password").
 */
const NOT_SLIPS: ReadonlySet<string> = new Set(['CompoundNouns', 'PhrasalVerbAsCompoundNoun', 'FedUpWith', 'MissingTo']);

/** Harper rules that flag a word its dictionary lacks, judged here as a possible misspelling. */
const UNKNOWN_WORD_RULES: ReadonlySet<string> = new Set(['SpellCheck', 'WrongNegative']);

const LETTERS = /[\p{L}\p{M}'’]+/gu;
/** Quotation of the customer's words, in straight or curly quotes, on one line. */
const QUOTED = /"[^"\n]{1,300}"|“[^”\n]{1,300}”|‘[^’\n]{1,300}’/g;
/** An e-mail's quoted history: "> …" lines, and everything after "On … wrote:". */
const QUOTED_LINE = /^[ \t]*>.*$/gm;
const QUOTED_HISTORY = /^[ \t]*On [^\n]{4,200} wrote:[ \t]*$/m;

/**
 * Words support replies use that Harper's dictionary lacks or splits ("signup" as a noun), and
 * chat shorthand other rules judge for tone ("lol").
 */
const SUPPORT_WORDS: ReadonlySet<string> = new Set([
  'signup', 'signups', 'login', 'logins', 'logout', 'checkout', 'dropdown', 'popup', 'setup', 'username', 'usernames', 'wifi',
  'screenshot', 'screenshots', 'unsubscribe', 'reinstall', 'uninstall', 'autopay', 'preorder', 'preorders', 'voicemail', 'inbox',
  'chatbot', 'hashtag', 'livestream', 'walkthrough', 'flyer', 'flyers',
  // Chat shorthand: written on purpose, and judged for tone by other rules, not as misspellings.
  'lol', 'lmao', 'lmfao', 'rofl', 'omg', 'omfg', 'btw', 'fyi', 'imo', 'imho', 'tbh', 'idk', 'smh', 'wtf', 'wth', 'ffs', 'irl', 'asap',
  'pls', 'plz', 'thx', 'np', 'ty', 'dm', 'dms', 'ok', 'okay', 'recs', 'rec', 'convo', 'convos', 'info', 'deets', 'vid', 'vids',
  // Chat contractions, spelt the way they are said.
  'imma', 'gonna', 'wanna', 'gotta', 'lemme', 'gimme', 'kinda', 'sorta', 'dunno', 'tho', 'cuz', 'prolly', 'yall',
]);

/** Words a writer repeats by mistake ("the the"); other doubles are usually meant ("bye bye", "womp womp"). */
const SLIP_REPEATS = /^(?:the|a|an|to|of|and|in|is|it|for|on|that|you|we|i|be|with|your|our|this|at|as|by|are|was|will|can|if|or|from|have|has)\b/i;

export interface WritingFinding extends HarperFinding {
  text: string;
}

/**
 * Harper's findings of the given kinds on the reply's prose, without what a reviewer would never
 * count against the agent: words the team, the customer or the thread already use (product names,
 * people's names, the customer's own spelling) and text quoted from the customer.
 */
export function writingFindings(context: RuleContext, kinds: ReadonlySet<string>): WritingFinding[] {
  const prose = context.prose;
  if (!/\p{L}{2}/u.test(prose)) return [];
  const quoted = quotedSpans(prose);
  const hidden = hiddenText(context.text, prose);
  const known = knownWords(context);
  const kept: WritingFinding[] = [];
  for (const finding of checkWriting(prose)) {
    if (!kinds.has(finding.kind) || NOT_SLIPS.has(finding.rule)) continue;
    const text = prose.slice(finding.start, finding.end);
    if (!text.trim()) continue;
    if (quoted.some(([start, end]) => finding.start < end && start < finding.end)) continue;
    if (readsAcrossHiddenText(finding, prose, hidden)) continue;
    // "w/", "b/c": a letter or two before a slash is an abbreviation, not a word to merge or fix.
    if (/(?:^|[^\p{L}])\p{L}{1,2}$/u.test(text) && prose[finding.end] === '/') continue;
    if ((SPELLING_KINDS.has(finding.kind) || UNKNOWN_WORD_RULES.has(finding.rule)) && !isMisspelling(text, finding, prose, known, context.vocabulary)) continue;
    if (finding.kind === 'Repetition' && !SLIP_REPEATS.test(text.trim())) continue;
    // "non-fatal", "re-enter": a hyphen after a prefix is a spelling dictionaries accept, not a slip.
    if (finding.rule === 'DisjointPrefixes' && text.includes('-')) continue;
    // "their ATM", "their Amazon account": before a name or an acronym "their" is the possessive.
    if (finding.rule === 'TheirToTheyre' && /^\s+\p{Lu}/u.test(prose.slice(finding.end))) continue;
    if (finding.rule === 'PronounVerbAgreement' && isPronounWithNoun(prose, finding.start, text)) continue;
    kept.push({ ...finding, text });
  }
  return kept;
}

/**
 * What preach hid from Harper, true per character: links, handles and e-mail addresses (blank in
 * the prose), and codes, hashtags and amounts (blanked before the check, see `withoutCodes`).
 */
function hiddenText(text: string, prose: string): boolean[] {
  const hidden = [...prose].map(() => false);
  hidden.length = prose.length;
  for (let i = 0; i < prose.length; i++) hidden[i] = prose[i] === ' ' && text[i] !== undefined && !/\s/.test(text[i]!);
  for (const [start, end] of codeSpans(prose)) for (let i = start; i < end; i++) hidden[i] = true;
  return hidden;
}

/**
 * Whether Harper read the sentence around hidden text as if it were not there: "for DL1445 for"
 * as a repeated word, "to @ChipotleTweets w/" as words to merge, "it's #boorito time" as a
 * possessive. A finding over hidden text, or (for grammar) right next to it, is about words that
 * were never side by side.
 */
function readsAcrossHiddenText(finding: HarperFinding, prose: string, hidden: readonly boolean[]): boolean {
  for (let i = finding.start; i < finding.end; i++) if (hidden[i]) return true;
  if (SPELLING_KINDS.has(finding.kind) && finding.rule !== 'RepeatedWords') return false;
  let after = finding.end;
  while (after < prose.length && prose[after] === ' ' && !hidden[after]) after++;
  let before = finding.start - 1;
  while (before >= 0 && prose[before] === ' ' && !hidden[before]) before--;
  return Boolean(hidden[after] || (before >= 0 && hidden[before]));
}

/**
 * "you guys were", "you banks want": after "you" or "we", a noun stands beside the pronoun, and
 * Harper's agreement check takes it for the verb.
 */
function isPronounWithNoun(prose: string, start: number, text: string): boolean {
  if (!/\b(?:you|we)\s+$/i.test(prose.slice(Math.max(0, start - 8), start))) return false;
  const tag = lexiconTag(text.trim());
  return tag !== undefined && /\b(?:Noun|Plural|Singular)\b/.test(tag) && !/\b(?:Verb|PresentTense|PastTense|Copula)\b/.test(tag);
}

/**
 * Whether an unknown word is a misspelling rather than a word the dictionary lacks: names,
 * brands and places (written with a capital), codes and handles (digits, inner capitals, a sign
 * before them), and words the team or the conversation already use are not.
 */
function isMisspelling(text: string, finding: HarperFinding, prose: string, known: ReadonlySet<string>, vocabulary: ReadonlySet<string>): boolean {
  const word = text.toLowerCase();
  if (vocabulary.has(word) || known.has(word) || SUPPORT_WORDS.has(word)) return false;
  if (isBritishSpelling(word, finding.suggestions) || isDerivedWord(word, finding.suggestions)) return false;
  if (/[\d_]/.test(text) || /\p{Lu}/u.test(text.slice(1))) return false;
  if (/[#^@/\\*~$%&+=<>|-]$/.test(prose.slice(Math.max(0, finding.start - 1), finding.start))) return false;
  if (/^[@_/\\]/.test(prose.slice(finding.end, finding.end + 1))) return false;
  // Harper's own list of known slips ("teh", "Teh") and its other spelling rules count as they are.
  if (!UNKNOWN_WORD_RULES.has(finding.rule)) return true;
  // A capitalised unknown word is a name far more often than a slip.
  if (/^\p{Lu}/u.test(text)) return false;
  // One- and two-letter "words" are initials and abbreviations ("bc", "o"), not slips worth a flag.
  if ([...text].length < 3) return false;
  // A letter held for emphasis ("sooo", "meeeee") and a dropped g written as such ("sayin'",
  // "geekin") are how people talk in chat, not slips.
  if (/(\p{L})\1\1/u.test(text) || (/\p{L}{2,}in['’]?$/u.test(word) && isKnownWord(`${word.replace(/['’]$/, '')}g`))) return false;
  // A closed compound of a word written with a hyphen ("shoutout", "followup") is style.
  if (finding.suggestions.some((suggestion) => suggestion.includes('-') && suggestion.replace(/-/g, '').toLowerCase() === word)) return false;
  // A known name or brand written in lower case ("spotify", "uber") is flagged with its capitals.
  if (finding.suggestions.some((suggestion) => suggestion !== text && suggestion.toLowerCase() === word)) return true;
  // Otherwise only a slip of a word Harper knows: a word it lacks and no slip away from one is
  // a brand, slang, a loanword or an abbreviation ("xfinity", "tryna", "queso", "mnths").
  return finding.suggestions.some((suggestion) => isSlipOf(word, suggestion.toLowerCase()));
}

const VOWELS = /[aeiouy]/;
/** Rows of a QWERTY keyboard, each shifted half a key right of the one above. */
const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const KEYS = new Map<string, [number, number]>(KEY_ROWS.flatMap((row, y) => [...row].map((key, x): [string, [number, number]] => [key, [y, x + y / 2]])));

/** Neighbouring keys, which a finger hits instead of the one meant. */
function nextKeys(a: string | undefined, b: string | undefined): boolean {
  const p = a && KEYS.get(a);
  const q = b && KEYS.get(b);
  return Boolean(p && q && a !== b && Math.abs(p[0] - q[0]) <= 1 && Math.abs(p[1] - q[1]) <= 1);
}

/**
 * Whether `typed` reads as `meant` typed in a hurry: two letters swapped ("recieve"), a letter
 * doubled or not ("forgott", "tomorow"), a neighbouring key hit too or instead ("qhole"), a
 * vowel for another ("definately"), a letter for one that sounds the same ("aktively"), a letter or
 * an apostrophe left out ("goverment", "dont").
 * A short word (four letters or fewer) needs the surest signs, swapped, doubled or missing
 * apostrophe: "acc", "trax" and "fam" are a slip away from many words, and written on purpose.
 * A word with no vowel ("mnths", "pls") is an abbreviation, and a word cut short ("insta") too.
 * A long word may be two or three changes away ("unnessacary"), the first letter kept.
 */
export function isSlipOf(typed: string, meant: string): boolean {
  const a = typed.replace(/’/g, "'");
  const b = meant.replace(/’/g, "'");
  if (a === b || !VOWELS.test(a.replace(/'/g, ''))) return false;
  const short = a.replace(/'/g, '').length <= 4;
  // A long word two or three changes from a word with its first letter ("unnessacary",
  // "miscallenous"): a misspelling; one change that is no slip ("useable", "rebooked") is a
  // variant or a derived word, and a shorter word two changes away is as often a brand ("booritos").
  const steps = a.length >= 9 && a[0] === b[0] ? levenshtein(a, b).steps : 0;
  if (steps >= 2 && steps <= (a.length >= 10 ? 3 : 2)) return true;
  if (a.length === b.length) {
    const diff = [...a].flatMap((char, i) => (char === b[i] ? [] : [i]));
    if (diff.length === 2 && diff[1] === diff[0]! + 1) return a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
    if (diff.length !== 1 || short) return false;
    const [x, y] = [a[diff[0]!]!, b[diff[0]!]!];
    return (VOWELS.test(x) && VOWELS.test(y)) || nextKeys(x, y) || soundAlike(x, y);
  }
  if (a.length === b.length + 1) return extraLetter(a, b, short);
  if (b.length === a.length + 1) {
    const i = [...a].findIndex((char, k) => char !== b[k]);
    const at = i === -1 ? a.length : i;
    if (a.slice(at) !== b.slice(at + 1)) return false;
    const dropped = b[at]!;
    if (dropped === "'") return true;
    // A hyphen left out ("shoutout") is a closed compound, style; a first letter is seldom missed.
    if (dropped === '-' || at === 0) return false;
    if (dropped === b[at - 1] || dropped === b[at + 1]) return true;
    return !short && at < a.length;
  }
  return false;
}

/** `typed` is `meant` with one letter more: a doubled letter, a neighbouring key hit too, any letter inside a longer word. */
function extraLetter(typed: string, meant: string, short: boolean): boolean {
  const i = [...meant].findIndex((char, k) => char !== typed[k]);
  const at = i === -1 ? meant.length : i;
  if (typed.slice(at + 1) !== meant.slice(at)) return false;
  const extra = typed[at];
  if (extra === typed[at - 1] || extra === typed[at + 1]) return true;
  if (short) return false;
  // In a longer word any letter slipped in inside it ("accurancy", "pidgeon") is a misspelling.
  return (typed.length >= 7 && at > 0) || nextKeys(extra, typed[at - 1]) || nextKeys(extra, typed[at + 1]);
}

/** Letters that spell the same sound ("aktively", "lisence"). */
const SOUND_ALIKE = ['ck', 'cs', 'sz'];

function soundAlike(a: string, b: string): boolean {
  return SOUND_ALIKE.some((pair) => pair === a + b || pair === b + a);
}

/**
 * British spellings are not misspellings: Harper checks American English, so "cancelled",
 * "apologise", "colour", "centre", "judgement" and "useable" come back with the American form
 * among the corrections.
 */
const BRITISH_TO_AMERICAN: ReadonlyArray<[RegExp, string]> = [
  [/ll(ed|ing|er|ation)$/, 'l$1'],
  [/our(s|ed|ing|ite|ites|able|ful)?$/, 'or$1'],
  [/is(e|es|ed|ing|ation|ations|ational|er|ers|able)$/, 'iz$1'],
  [/ys(e|es|ed|ing)$/, 'yz$1'],
  [/tre(s)?$/, 'ter$1'],
  [/ogue(s)?$/, 'og$1'],
  [/ence(s)?$/, 'ense$1'],
  [/dgement(s)?$/, 'dgment$1'],
  [/eable$/, 'able'],
  [/mme(s)?$/, 'm$1'],
  [/ae/, 'e'],
  [/oe/, 'e'],
];

function isBritishSpelling(word: string, suggestions: readonly string[]): boolean {
  const corrections = new Set(suggestions.map((s) => s.toLowerCase()));
  return BRITISH_TO_AMERICAN.some(([pattern, american]) => pattern.test(word) && corrections.has(word.replace(pattern, american)));
}

/** A known word with a prefix the dictionary lacks ("misconfigured", "reactivated"): Harper offers the bare word. */
const PREFIX = /^(?:mis|re|un|pre|non|over|under|co|de|dis|sub|super|multi|auto|anti|inter|cross|self)-?/;

function isDerivedWord(word: string, suggestions: readonly string[]): boolean {
  const stem = word.replace(PREFIX, '');
  return stem !== word && stem.length >= 4 && suggestions.some((s) => s.toLowerCase() === stem);
}

/** Lower-cased words the reply may use whatever the dictionary says. */
function knownWords(context: RuleContext): Set<string> {
  const known = new Set<string>(context.reply.customerName?.accepted ?? []);
  const add = (text: string | undefined) => {
    if (text) for (const [word] of text.matchAll(LETTERS)) known.add(word.toLowerCase());
  };
  add(context.reply.agentName);
  add(context.reply.customerMessage);
  for (const turn of context.reply.thread) if (turn.role === 'customer') add(turn.text);
  for (const entry of context.vocabulary) add(entry);
  return known;
}

function quotedSpans(prose: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const pattern of [QUOTED, QUOTED_LINE]) for (const match of prose.matchAll(pattern)) spans.push([match.index, match.index + match[0].length]);
  const history = QUOTED_HISTORY.exec(prose);
  if (history) spans.push([history.index, prose.length]);
  return spans;
}

/** Harper's suggestions, one-word ones first for a one-word slip ("adress": "address" before "a dress"); `prose` is the text the finding is in. */
export function rankedSuggestions(finding: WritingFinding, prose: string): string[] {
  const unique = [...new Set(finding.suggestions)].filter((suggestion) => suggestion !== finding.text);
  if (finding.rule === 'RegularIrregulars' && unique.length > 1) return verbFormsInContext(unique, prose.slice(Math.max(0, finding.start - 12), finding.start));
  // A name written in lower case: its capitals first ("uber": "Uber" before "umber").
  const capitals = unique.filter((s) => s.toLowerCase() === finding.text.toLowerCase());
  const rest = unique.filter((s) => !capitals.includes(s));
  if (/\s/.test(finding.text)) return [...capitals, ...rest];
  return [...capitals, ...rest.filter((s) => !/\s/.test(s)), ...rest.filter((s) => /\s/.test(s))];
}

/** A form of "have", "be" or "get" just before a verb: its past participle follows ("has frozen", "was taken"). */
const PARTICIPLE_BEFORE = /\b(?:have|has|had|having|is|are|was|were|be|been|being|get|gets|got|getting|['’]ve)\s+(?:(?:not|never|just|already|also|now)\s+)?$/i;

/**
 * "freezed": Harper offers the past tense and the past participle ("froze", "frozen") in an order
 * that varies with what it has checked before. The sentence decides: the participle after "has",
 * "was" or "got", the past tense otherwise ("The app froze").
 */
function verbFormsInContext(forms: string[], before: string): string[] {
  const wantsParticiple = PARTICIPLE_BEFORE.test(before);
  const isPast = (form: string) => /\bPastTense\b/.test(lexiconTag(form) ?? '');
  return [...forms].sort((a, b) => Number(isPast(b) !== wantsParticiple) - Number(isPast(a) !== wantsParticiple));
}

/** Harper writes code spans in its messages (`there`); preach's messages quote words. */
export function plainMessage(message: string): string {
  return message.replace(/`([^`]*)`/g, '"$1"');
}
