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
  const sentenceStart = /(?:^|[.!?]\s+|\n)\s*$/.test(before);
  if (!sentenceStart) return true; // capitalised mid-sentence: a name
  // "Will you …" at a sentence start: ask the grammar whether it is a verb.
  if (!context) return false;
  const term = context.analysis.nlp().match(original).eq(0);
  return !term.has('#Verb');
}
