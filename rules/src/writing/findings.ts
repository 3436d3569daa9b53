import { isKnownWord, type RuleContext } from '@preach/core';
import { checkWriting, type HarperFinding } from './checker.js';

/** Harper's categories that are misspellings: unknown words and known slips ("teh"). */
export const SPELLING_KINDS: ReadonlySet<string> = new Set(['Spelling', 'Typo']);

/**
 * Harper's categories that are grammar and usage mistakes a QA reviewer marks down. Its style
 * categories (Style, Enhancement, Readability, Redundancy, Regionalism, Formatting, Miscellaneous)
 * are left out: other preach rules cover style, and Formatting reacts to the spaces that stand in
 * for links and code in the prose preach checks.
 */
export const GRAMMAR_KINDS: ReadonlySet<string> = new Set(['Agreement', 'BoundaryError', 'Eggcorn', 'Grammar', 'Malapropism', 'Punctuation', 'Repetition', 'Usage', 'WordChoice', 'Nonstandard']);

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
  'chatbot', 'hashtag', 'livestream', 'walkthrough',
  // Chat shorthand: written on purpose, and judged for tone by other rules, not as misspellings.
  'lol', 'lmao', 'lmfao', 'rofl', 'omg', 'omfg', 'btw', 'fyi', 'imo', 'imho', 'tbh', 'idk', 'smh', 'wtf', 'wth', 'ffs', 'irl', 'asap',
  'pls', 'plz', 'thx', 'np', 'ty', 'dm', 'dms', 'ok', 'okay', 'recs', 'rec', 'convo', 'convos', 'info', 'deets', 'vid', 'vids',
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
  const known = knownWords(context);
  const kept: WritingFinding[] = [];
  for (const finding of checkWriting(prose)) {
    if (!kinds.has(finding.kind)) continue;
    const text = prose.slice(finding.start, finding.end);
    if (!text.trim()) continue;
    if (quoted.some(([start, end]) => finding.start < end && start < finding.end)) continue;
    if (SPELLING_KINDS.has(finding.kind) && !isMisspelling(text, finding, prose, known, context.vocabulary)) continue;
    if (finding.kind === 'Repetition' && !SLIP_REPEATS.test(text.trim())) continue;
    kept.push({ ...finding, text });
  }
  return kept;
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
  // A capitalised unknown word is a name far more often than a slip; Harper's list of known
  // slips ("Teh") still counts.
  if (finding.kind === 'Spelling' && /^\p{Lu}/u.test(text)) return false;
  // One- and two-letter "words" are initials and abbreviations ("bc", "o"), not slips worth a flag.
  if (finding.kind === 'Spelling' && [...text].length < 3) return false;
  // A letter held for emphasis ("sooo", "meeeee") and a dropped g written as such ("sayin'",
  // "geekin") are how people talk in chat, not slips.
  if (/(\p{L})\1\1/u.test(text) || (/\p{L}{2,}in['’]?$/u.test(word) && isKnownWord(`${word.replace(/['’]$/, '')}g`))) return false;
  return true;
}

/**
 * British spellings are not misspellings: Harper checks American English, so "cancelled",
 * "apologise", "colour" and "centre" come back with the American form among the corrections.
 */
const BRITISH_TO_AMERICAN: ReadonlyArray<[RegExp, string]> = [
  [/ll(ed|ing|er|ation)$/, 'l$1'],
  [/our(s|ed|ing|ite|ites|able|ful)?$/, 'or$1'],
  [/is(e|es|ed|ing|ation|ations|ational|er|ers|able)$/, 'iz$1'],
  [/ys(e|es|ed|ing)$/, 'yz$1'],
  [/tre(s)?$/, 'ter$1'],
  [/ogue(s)?$/, 'og$1'],
  [/ence(s)?$/, 'ense$1'],
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

/** Harper's suggestions, one-word ones first for a one-word slip ("adress": "address" before "a dress"). */
export function rankedSuggestions(finding: WritingFinding): string[] {
  const unique = [...new Set(finding.suggestions)].filter((suggestion) => suggestion !== finding.text);
  if (/\s/.test(finding.text)) return unique;
  return [...unique.filter((s) => !/\s/.test(s)), ...unique.filter((s) => /\s/.test(s))];
}

/** Harper writes code spans in its messages (`there`); preach's messages quote words. */
export function plainMessage(message: string): string {
  return message.replace(/`([^`]*)`/g, '"$1"');
}
