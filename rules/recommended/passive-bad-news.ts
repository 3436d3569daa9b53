import { defineRule, type RuleContext, type Span } from '@preach/core';
import retextEnglish from 'retext-english';
import retextPassive from 'retext-passive';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { clauseAt, findAll, sentenceAt } from '../src/helpers/sentences.js';

/**
 * A past passive: "was deleted", "were accidentally charged", "has been lost", "got cancelled".
 * Present and future passives ("will be charged on the 1st") state policy, not what went wrong.
 */
const PAST_PASSIVE = /\b(?:was|were|been|got|gotten)\s+(?:(?:\w+ly|also|just|then|already|mistakenly)\s+)?([a-z]+)\b/gi;

/** Things done to a customer's account, data or order that are bad news whoever reads them. */
const BAD_NEWS_VERBS = /^(?:delet|remov|wip|eras|purg|overwrit|corrupt|suspend|terminat|disabl|deactivat|banned|block|withh?eld|revok|deni|refus|downgrad|misplac|mislai|lost|misdirect|mishandl|missed|ignor|overlook|forgot|delay|postpon|damag|broke|leak|expos|dropp|cancel|clos)/i;
/** Charging is routine; it is bad news only when it went wrong ("charged twice", "billed in error"). */
const MONEY_VERBS = /^(?:charg|overcharg|bill|debit|invoic)/i;
const WENT_WRONG = /\b(?:twice|again|double|two\s+times|wrong(?:ly)?|incorrect(?:ly)?|by\s+mistake|in\s+error|mistakenly|accidentally|extra|after\s+(?:you\s+)?cancel\w*|overcharg\w*)\b/i;

/** Naming who did it ("by the carrier", "by our team") does not hide it; "by mistake" does. */
const AGENT_NAMED = /^\s*(?:\w+\s+){0,3}by\s+(?!mistake|accident|error|default)\w/i;
const FIRST_PERSON_SUBJECT = /\b(?:I|we)\s+(?:\w+\s+)?$/i;
/** "Has not been delivered" reports something that did not happen; "if it was sent in error" is a guess. */
const NEGATED_OR_CONDITIONAL = /(?:\bnot|n't|n’t|\bnever)\s+(?:\w+\s+)?$|\b(?:if|unless|whether|once|when|in\s+case)\b/i;
/** "Delayed due to a fault on the line" names the cause; nothing is hidden. */
const CAUSE_NAMED = /^\s*(?:\w+\s+){0,4}(?:due\s+to|because\s+of|caused\s+by|as\s+a\s+result\s+of)\b/i;
/**
 * Bad news that is the customer's: "your data", "you were charged", "the order", "mistakes", "the
 * wrong amount". "This has been removed", said of a post the customer reported, is not their loss.
 */
const CUSTOMER_SUBJECT =
  /\b(?:you|your|mistakes?|errors?|the\s+(?:(?:wrong|incorrect)\s+\w+|order|parcel|package|delivery|shipment|item|data|files?|account|payment|charge|refund|subscription|booking|reservation|card|ticket|request|e-?mail|message|photos?|backup|project|invoice|amount|fee|sum|total|balance|money|funds))\b[^,;.]*$/i;
/**
 * "It" or "they" as the subject of the passive itself ("It has been cancelled"): the order or the
 * booking the reply is about. Not "It appears this has been removed", where "it" is another verb's.
 */
const PRONOUN_SUBJECT = /\b(?:it|they)\s+(?:(?:has|have|had)\s+)?(?:(?:\w+ly|just|already|now|also|since|then)\s+)?$/i;
/** What the customer asked for is not bad news: "your account was closed, as you asked". */
const AS_REQUESTED = /\b(?:as\s+(?:you\s+)?(?:requested|asked)|at\s+your\s+request|as\s+per\s+your\s+request)\b/i;

const passiveProcessor = unified().use(retextEnglish).use(retextPassive).freeze();

/** Irregular participles ("lost", "made", "sent") that retext-passive's list finds after a form of "be". */
function irregularParticiples(sentence: string): Set<string> {
  const file = new VFile(sentence);
  passiveProcessor.runSync(passiveProcessor.parse(file), file);
  return new Set(file.messages.map((message) => String(message.actual).toLowerCase()));
}

function isBadNews(context: RuleContext, sentence: Span, participle: string, at: number): boolean {
  if (AS_REQUESTED.test(sentence.text)) return false;
  if (BAD_NEWS_VERBS.test(participle)) return !requestedByCustomer(context, participle);
  if (MONEY_VERBS.test(participle)) return WENT_WRONG.test(sentence.text);
  // "Mistakes were made", "the wrong size was sent": a neutral verb in a negative clause. The
  // clause, not the sentence: "…, but rest assured, …" must not cheer the bad news away.
  return context.analysis.sentimentOf(participle) === 0 && context.analysis.sentimentOf(clauseAt(sentence, at).text) <= -2;
}

/** "Please cancel my subscription" → "your subscription was cancelled" is the answer, not bad news. */
function requestedByCustomer(context: RuleContext, participle: string): boolean {
  const message = context.reply.customerMessage;
  if (!message) return false;
  const stem = participle.replace(/(?:ed|d)$/, '').replace(/(.)\1$/, '$1').slice(0, 5);
  return stem.length >= 4 && new RegExp(`\\b${stem}`, 'i').test(message);
}

export default defineRule(
  {
    id: 'passive-bad-news',
    languages: ['en'],
    category: 'responsible',
    severity: 'warning',
    fixable: false,
    // What it finds in a sentence never depends on the rest of the reply.
    scope: 'paragraph',
    docs: {
      description: 'Passive voice that hides who did it in bad news ("mistakes were made", "your data was deleted").',
      why: 'The passive voice makes bad news sound like weather: it happened, nobody did it. Customers read it as dodging. Own it in the active voice ("we deleted your data by mistake"), then say what you are doing about it.',
      examples: {
        bad: [
          { text: 'Mistakes were made, and your order was cancelled.', count: 2 },
          { text: 'Mistakes were made with your invoice, but rest assured, we have a great team on it.' },
          { text: 'Your data was accidentally deleted during the migration.' },
          { text: 'Unfortunately the parcel has been lost in transit.' },
          { text: "I've looked into your order. It has been cancelled." },
          { text: 'The wrong amount was charged to your card.' },
        ],
        good: [
          { text: 'We deleted your data by mistake during the migration, and we are restoring it from last night\'s backup.' },
          { text: 'Your refund has been processed and was sent to your bank this morning.' },
          { text: 'Your order was cancelled by our warehouse team because the size ran out; I\'ve reordered it.' },
          { text: 'Your data will be deleted 30 days after you close the account.' },
          { text: 'Your subscription was cancelled and you will not be charged again.', context: { customerMessage: 'Please cancel my subscription.' } },
          { text: 'You were charged $12 on 1 May for the monthly plan.' },
          { text: 'I was worried the export would fail, but it worked.' },
          { text: 'I apologise if the parcel was sent to the wrong address; can you send me a photo of the label?' },
          { text: 'Your flight was delayed due to a late incoming aircraft.' },
          { text: "It has been cancelled as you asked, and you won't be charged again." },
          { text: 'It has been shipped and arrives on Friday.' },
          { text: 'The right amount was charged to your card on 1 May.' },
          { text: 'It appears this has been removed. Thanks for letting me know.', context: { customerMessage: 'This post is spam.' }, note: "'it' is the subject of 'appears'" },
        ],
      },
    },
  },
  (context) => {
    if (!/\b(?:was|were|been|got|gotten)\b/i.test(context.prose)) return;
    const irregular = new Map<number, Set<string>>();
    for (const match of findAll(PAST_PASSIVE, context.prose)) {
      const participle = /(\w+)$/.exec(match.text)![1]!.toLowerCase();
      const sentence = sentenceAt(context, match.start);
      const before = context.prose.slice(sentence.start, match.start);
      if (FIRST_PERSON_SUBJECT.test(before) || NEGATED_OR_CONDITIONAL.test(before) || !(CUSTOMER_SUBJECT.test(before) || PRONOUN_SUBJECT.test(before))) continue;
      if (!/ed$/.test(participle)) {
        if (!irregular.has(sentence.start)) irregular.set(sentence.start, irregularParticiples(sentence.text));
        if (!irregular.get(sentence.start)!.has(participle)) continue;
      }
      if (!isBadNews(context, sentence, participle, match.start)) continue;
      const after = context.prose.slice(match.end, sentence.end);
      if (AGENT_NAMED.test(after) || CAUSE_NAMED.test(after)) continue;
      context.report({
        message: `"${match.text}" hides who did it; own the bad news in the active voice ("we ${participle} …").`,
        start: match.start,
        end: match.end,
      });
    }
  },
);
