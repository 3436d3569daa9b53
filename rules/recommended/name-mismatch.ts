import { defineRule, findGreeting, findVocatives, foldName, isKnownName, isKnownWord, selfNames, type CustomerName, type RuleContext, type Span } from '@preach/core';
import levenshtein from 'damerau-levenshtein';

/**
 * How far a spelling may drift and still be the customer's name misspelt, by name length. In a
 * greeting a name is expected, so two slips count; elsewhere a capitalised word is more likely
 * a product or a place ("Prius" is not "Priya"), so one does, unless the name is long.
 */
function maxTypos(length: number, where: Candidate['where']): number {
  if (length < 4) return 0;
  if (where === 'text') return length >= 8 ? 2 : 1;
  return length >= 5 ? 2 : 1;
}

interface Candidate extends Span {
  /** Where the name was found: the greeting, a vocative ("John, …"), or anywhere else. */
  where: 'greeting' | 'vocative' | 'text';
  /** The name follows an honorific or a first name, so it is a surname ("Dear Ms Smith"). */
  surname: boolean;
}

export default defineRule(
  {
    id: 'name-mismatch',
    languages: ['en'],
    category: 'human',
    severity: 'error',
    fixable: true,
    docs: {
      description: "The reply greets or addresses someone else, or misspells the customer's name.",
      why: 'A wrong name is usually a macro or a draft left over from another ticket, and it tells the customer nobody read their message. A misspelt name says the same thing more quietly. Names the customer signs with ("Thanks, Bob") count as theirs.',
      examples: {
        bad: [
          { text: 'Hi John, your refund is on its way.', context: { customerName: 'Priya Raman' }, fixed: 'Hi Priya, your refund is on its way.' },
          { text: 'Hi Pryia, your refund is on its way.', context: { customerName: 'Priya Raman' }, fixed: 'Hi Priya, your refund is on its way.' },
          { text: 'Dear Ms Smith,\n\nYour refund is on its way.', context: { customerName: 'Priya Raman' }, fixed: 'Dear Ms Raman,\n\nYour refund is on its way.' },
          { text: 'Sarah, your refund is on its way.', context: { customerName: 'Priya Raman' } },
          { text: 'Hi Priya, your refund is on its way. Thanks for your patience, Priyah!', context: { customerName: 'Priya Raman' }, count: 1 },
          {
            text: "I've moved your booking to Friday, so let me know if that works for you, Carlos.",
            context: { customerName: 'Lucia Fernández' },
            fixed: "I've moved your booking to Friday, so let me know if that works for you, Lucia.",
            note: 'a name addressed at the end of a sentence',
          },
          { text: 'Thanks, Carlos! Your booking is now on Friday.', context: { customerName: 'Lucia Fernández' }, fixed: 'Thanks, Lucia! Your booking is now on Friday.' },
          { text: 'Hi Lucia, your booking is now on Friday. Sorry again for the wait, Carlos!', context: { customerName: 'Lucia Fernández' }, count: 1 },
        ],
        good: [
          { text: 'Hi Priya, your refund is on its way.', context: { customerName: 'Priya Raman' } },
          { text: 'Hi Jose, your refund is on its way.', context: { customerName: 'José Álvarez' } },
          { text: 'Hello Álvarez, your refund is on its way.', context: { customerName: 'José Álvarez' } },
          { text: 'Hi Bob, your refund is on its way.', context: { customerName: 'Robert King', customerMessage: 'Where is my refund?\nThanks, Bob' }, note: 'the customer signs as Bob' },
          { text: 'Hi Will, your refund is on its way. Grace from billing will confirm it.', context: { customerName: 'Will Turner' } },
          { text: 'Hi, Sam here from billing. Your refund is on its way, Priya.', context: { customerName: 'Priya Raman' } },
          { text: 'Hi Priya and Tom, the refund for your team account is on its way.', context: { customerName: 'Priya Raman' }, note: 'two people on the thread' },
          { text: 'Hi John, your refund is on its way.', context: {}, note: 'no customer name to compare with' },
          { text: 'Hi Priya, the Prius you rented is booked for Friday.', context: { customerName: 'Priya Raman' }, note: 'a word two letters away from the name, outside the greeting' },
          { text: 'Hi Lucia, Carlos from our billing team will call you tomorrow.', context: { customerName: 'Lucia Fernández' }, note: 'a colleague mentioned, not addressed' },
          { text: 'Hi Lucia, the refund is being handled by my colleague, Carlos.', context: { customerName: 'Lucia Fernández' }, note: 'a name in apposition to a colleague' },
          { text: 'Hi Lucia, your booking is now on Friday.\n\nThanks,\nCarlos', context: { customerName: 'Lucia Fernández' }, note: "the agent's sign-off" },
          { text: 'Hi Lucia, your booking is now on Friday.\n\nBest, Carlos', context: { customerName: 'Lucia Fernández' }, note: "the agent's sign-off on one line" },
          { text: 'Your booking is now on Friday. Thanks for your patience, Lucia!', context: { customerName: 'Lucia Fernández' } },
        ],
      },
    },
  },
  (context) => {
    const name = context.reply.customerName;
    if (!name || !context.prose.trim()) return;
    const accepted = new Set(name.accepted.map(foldName));
    const theirs = selfNames(context.reply.customerMessage);
    const agent = new Set((context.reply.agentName ?? '').split(/\s+/).filter(Boolean).map(foldName));
    const isTheirs = (word: string) => {
      const folded = foldName(word);
      return accepted.has(folded) || theirs.has(folded) || agent.has(folded) || context.vocabulary.has(word.toLowerCase());
    };
    const candidates = addressedNames(context);
    // Several people greeted and the customer among them: the others are on the thread too.
    if (candidates.some((candidate) => candidate.where === 'greeting' && isTheirs(candidate.text))) {
      candidates.splice(0, candidates.length, ...candidates.filter((candidate) => candidate.where !== 'greeting'));
    }
    for (const candidate of candidates) {
      if (isTheirs(candidate.text)) continue;
      const intended = closestForm(name, candidate);
      if (intended) {
        context.report({ message: `"${candidate.text}" looks like a misspelling of ${intended}.`, start: candidate.start, end: candidate.end, fix: intended });
      } else if (candidate.where !== 'text') {
        const right = candidate.surname && name.last ? name.last : name.first;
        context.report({
          message: `The reply addresses "${candidate.text}", but the customer is ${name.full}.`,
          start: candidate.start,
          end: candidate.end,
          fix: right,
          note: 'A name from another ticket or a macro? Check before sending.',
        });
      }
    }
  },
);

/** Names the reply addresses, and capitalised words elsewhere that might be the name misspelt. */
function addressedNames(context: RuleContext): Candidate[] {
  const found: Candidate[] = [];
  const taken = new Set<number>();
  const greeting = findGreeting(context.prose);
  if (greeting?.addressee === 'name') {
    greeting.names.forEach((span, index) => {
      const afterHonorific = /\b(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s*$/i.test(context.prose.slice(greeting.end, span.start));
      found.push({ ...span, where: 'greeting', surname: afterHonorific || index > 0 });
      taken.add(span.start);
    });
  }
  const opening = findVocatives(context);
  for (const vocative of [...opening, ...laterVocatives(context.prose, found.length + opening.length > 0)]) {
    if (taken.has(vocative.start) || (greeting && vocative.start <= greeting.end)) continue;
    found.push({ surname: false, ...vocative, where: 'vocative' });
    taken.add(vocative.start);
  }
  // Elsewhere only words no dictionary knows are candidates: "Priyah", never "Sarah" or "Market".
  for (const word of context.analysis.words()) {
    if (taken.has(word.start) || !/^\p{Lu}\p{Ll}/u.test(word.text) || isKnownName(word.text) || isKnownWord(word.text)) continue;
    found.push({ ...word, where: 'text', surname: false });
  }
  return found;
}

const NAME = String.raw`(?:(?<honorific>Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+)?(?<name>\p{Lu}[\p{Ll}'’-]+)`;
/** What may follow a name someone is addressed by: punctuation, a dash, the end of the line. */
const ADDRESS_END = String.raw`(?=[ \t]*(?:[,!.?:;)]|[-—–](?:\s|$)|\n|$))`;
/**
 * Words that address the reader before a name: "Thanks, Carlos!", "Sorry Carlos,", "Great news,
 * Carlos:". Matched in any case; the name itself must be capitalised.
 */
const AFTER_OPENER = new RegExp(
  String.raw`(?<![\p{L}])(?:thanks(?:\s+(?:again|so\s+much|a\s+lot))?|thank\s+you(?:\s+(?:so\s+much|again))?|thx|cheers|sorry|apologies|hi|hello|hey|welcome(?:\s+back)?|no\s+problem|no\s+worries|of\s+course|sure|okay|ok|great\s+news|good\s+news|congrats|congratulations|absolutely|bye|goodbye|good\s+(?:morning|afternoon|evening)|take\s+care)[ \t]*[,!]?[ \t]+${NAME}${ADDRESS_END}`,
  'giud',
);
/** A name after a comma that ends the sentence: "…if that works for you, Carlos." */
const SENTENCE_END_NAME = new RegExp(String.raw`,[ \t]+${NAME}(?:[ \t]+\p{Lu}[\p{Ll}'’-]+)?[ \t]*(?=[.!?]+(?:\s|$)|\n|$)`, 'gud');
/** People a name can stand in apposition to: "my colleague, Carlos." is not said to Carlos. */
const PERSON_BEFORE_COMMA =
  /\b(?:colleagues?|manager|supervisor|agent|teammates?|team|specialist|rep|representative|technician|engineer|courier|driver|lead|advisor|adviser|expert|partner|friend|contact|coordinator|owner|director|head|member|assistant|analyst|officer|consultant|developer|designer|neighbou?r|husband|wife|son|daughter|brother|sister|father|mother|mom|mum|dad|boss|landlord|landlady|host|guide|instructor|trainer|doctor|nurse|called|named|me|is|was|am|name|by|from|with|to|cc|and|or)\s*$/i;
/**
 * A closing at the very end of the reply: "Thanks,\nCarlos", "Best, Carlos", "Thanks, Rahul - HP
 * Support", "^Carlos", after a sentence, a line break or a masked link. Matched in any case; the
 * name must be capitalised.
 */
const CLOSING_AT_END =
  /(?:^|[.!?][ \t]+|[ \t]{2,}|\n)[ \t]*(?:[-—–~^][ \t]*)?(?:(?<closing>(?:many\s+)?thanks(?:\s+again)?|thank\s+you|cheers|regards|best(?:\s+(?:regards|wishes))?|kind\s+regards|warm(?:est)?\s+regards|all\s+the\s+best|sincerely|take\s+care|speak\s+soon|talk\s+soon)[ \t]*[,!.]?(?<gap>\s*))?(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+)?(?<name>\p{Lu}[\p{L}'’-]+)(?:[ \t]+\p{Lu}[\p{L}'’-]+)?[ \t]*[.!]?(?<tail>[ \t]*[-–—^~|/][^\n]{0,60})?\s*$/iu;

/**
 * Where the agent's sign-off starts, if the reply ends with one. A name alone on the last line,
 * or after a closing on its own line or with a team tail, signs off. "…Thanks, James." at the end
 * signs off when the reply has already addressed someone by name; otherwise it may be said to
 * the customer, and is checked.
 */
function signOffStart(prose: string, addressedElsewhere: boolean): number {
  const from = Math.max(0, prose.length - 200);
  const match = CLOSING_AT_END.exec(prose.slice(from));
  if (!match || !/^\p{Lu}/u.test(match.groups!.name!)) return Infinity;
  const { closing, gap, tail } = match.groups!;
  const ownLine = match[0].startsWith('\n') || from + match.index === 0;
  const signs = ownLine || (Boolean(closing) && (Boolean(tail) || (gap ?? '').includes('\n') || addressedElsewhere));
  return signs ? from + match.index : Infinity;
}

/**
 * Names addressed after the opening of a sentence: after a word that speaks to the reader
 * ("Thanks, Carlos!") or after a comma at the end of a sentence ("…works for you, Carlos.").
 * Only names the lexicon knows count, and not a colleague in apposition or the agent's sign-off.
 */
function laterVocatives(prose: string, addressedElsewhere: boolean): Array<Span & { surname: boolean }> {
  const found: Array<Span & { surname: boolean }> = [];
  const signOff = signOffStart(prose, addressedElsewhere);
  for (const [regex, apposition] of [
    [AFTER_OPENER, false],
    [SENTENCE_END_NAME, true],
  ] as const) {
    for (const match of prose.matchAll(regex)) {
      const { name, honorific } = match.groups!;
      const [start] = match.indices!.groups!.name!;
      if (start >= signOff || !/^\p{Lu}/u.test(name!) || !isKnownName(name!)) continue;
      if (apposition && PERSON_BEFORE_COMMA.test(prose.slice(Math.max(0, match.index - 40), match.index))) continue;
      found.push({ start, end: start + name!.length, text: name!, surname: Boolean(honorific) });
    }
  }
  return found;
}

/** The accepted form `word` is a misspelling of (cased as the customer writes it), if any. */
function closestForm(name: CustomerName, candidate: Candidate): string | undefined {
  const folded = foldName(candidate.text);
  for (const part of [name.first, name.last]) {
    if (!part) continue;
    const target = foldName(part);
    const allowed = maxTypos(target.length, candidate.where);
    if (allowed === 0 || (folded[0] !== target[0] && allowed < 2)) continue;
    const { steps } = levenshtein(folded, target);
    if (steps > 0 && steps <= allowed && steps < target.length / 2) return part;
  }
  return undefined;
}
