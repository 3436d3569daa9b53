import { defineRule, UPSET_POLARITY, type RuleContext } from '@preach/core';

/**
 * Ways a reply owns up to what happened or names how it feels. An apology counts even when it is
 * boilerplate (apology-boilerplate speaks to that); so does thanking the customer for reporting.
 */
const ACKNOWLEDGEMENT = new RegExp(
  [
    String.raw`\bsorry\b`,
    String.raw`\bapolog(?:y|ies|i[sz]e[sd]?|i[sz]ing)\b`,
    String.raw`\bregret\b`,
    String.raw`\bcondolences?\b`,
    String.raw`\b(?:understand(?:able|ably)?|i\s+hear\s+you|(?:i|totally|completely|we)\s+get\s+(?:it|why|that)|i\s+know\s+(?:how|this|that|it)|i\s+can\s+(?:only\s+)?imagine|i\s+can\s+see\s+(?:why|how|that|this))\b`,
    String.raw`\b(?:frustrat\w*|annoy\w*|embarrass\w*|upsett\w*|upset|stress\w*|(?<!\bno\s|\bnot\s|n't\s|n’t\s|\bnot\s+to\s)worr(?:y|ying|ied|ies)|concern(?:ed|ing)|disappoint\w*|inconvenien\w*|alarming|scary|unsettling|painful|difficult\s+time|hard\s+time|a\s+pain|hassle)\b`,
    String.raw`\bmust\s+(?:be|have\s+been|feel)\b`,
    String.raw`\b(?:shouldn(?:'|’)?t|should\s+not|should\s+never)\s+have\s+happened\b`,
    String.raw`\b(?:that(?:'|’)?s|that\s+is|this\s+is|it(?:'|’)?s|it\s+is)\s+(?:not|never)\s+(?:ok(?:ay)?|acceptable|good\s+enough|what\s+you|the\s+experience)\b`,
    String.raw`\byou(?:'|’)?re\s+(?:right|absolutely\s+right|completely\s+right)\b|\byou\s+are\s+(?:right|absolutely\s+right)\b`,
    String.raw`\b(?:our|my)\s+(?:mistake|fault|error|bad|mix-?up)\b`,
    String.raw`\b(?:we|i)\s+(?:messed\s+up|got\s+(?:it|this|that)\s+wrong|made\s+a\s+mistake|dropped\s+the\s+ball|let\s+you\s+down)\b`,
    String.raw`\bthank(?:s|\s+you)\s+(?:so\s+much\s+|very\s+much\s+)?for\s+(?:letting\s+(?:us|me)\s+know|flagging|reporting|raising|telling\s+(?:us|me)|your\s+patience|bearing\s+with|being\s+patient|your\s+understanding|the\s+heads[\s-]up|sharing)\b`,
    String.raw`\bfor\s+your\s+loss\b|\bthinking\s+of\s+you\b|\bour\s+thoughts\b`,
    String.raw`\boh\s+no+\b|\bouch\b|\b(?:does(?:n(?:'|’)?t|\s+not)|doesn(?:'|’)?t)\s+sound\s+(?:good|right|great|fun)\b|\bnot\s+(?:good|great|ideal|fun|what\s+we\s+want)\b`,
    String.raw`\bshould(?:n(?:'|’)?t|\s+not)\s+(?:be\s+)?(?:happen(?:ing)?|the\s+case)\b|\b(?:that(?:'|’)?s|that\s+is|this\s+is)\s+not\s+right\b|\bsad(?:ly)?,?\s+indeed\b`,
    String.raw`\b(?:hate|sad|saddened|sorry)\s+to\s+(?:hear|see|read|learn)\b|\bwe\s+hear\s+you\b|\bfeel\s+this\s+way\b|\b(?:make|set|put)\s+(?:this|it|things)\s+right\b|\bturn\s+(?:this|it|things)\s+around\b`,
  ].join('|'),
  'i',
);

/** A reply in another language cannot be judged with English phrases. */
const ENGLISH = /\b(?:the|you|your|we|to|and|is|for|it|this|i)\b/i;

/**
 * An acknowledgement is expected when the situation was named for the reply (given or tagged),
 * when the customer's words say something went wrong ("worst", "hacked", "passed away"), or when
 * they sound upset. A calm request in a situation like cancellation needs none.
 */
function acknowledgementExpected(context: RuleContext, onlyWhenUpset: string[]): boolean {
  const { situation, customerMessage } = context.reply;
  const sentiment = customerMessage ? context.analysis.customerSentiment() : 0;
  if (situation.id && onlyWhenUpset.includes(situation.id)) return sentiment <= UPSET_POLARITY;
  if (situation.source !== 'inferred') return true;
  // Inferred from the mood alone: only a clearly upset message calls for it.
  if (situation.matched.length === 0) return sentiment <= UPSET_POLARITY - 1;
  // "Is the site down?" asked calmly checks a status; it is not a grievance.
  const calmQuestion = sentiment >= 0 && customerMessage!.includes('?') && !customerMessage!.includes('!');
  return !(calmQuestion && situation.id === 'outage');
}

/**
 * One part of a thread ("2/2 …", "… 1/3"): the acknowledgement may be in another part, so
 * this one cannot be judged alone.
 */
const THREAD_PART = /^\s*(?:\(?[1-9]\/[2-9]\)?\s|\.{2,}|…)|(?:^|[\s(])[1-9]\/[2-9]\)?\.?\s*(?:\S+\s*){0,2}$/;

export default defineRule(
  {
    id: 'missing-acknowledgement',
    category: 'empathetic',
    severity: 'warning',
    fixable: false,
    when: { sensitivity: 'high' },
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        only_when_upset: {
          type: 'array',
          items: { type: 'string' },
          description: 'Situations where an acknowledgement is expected only when the customer sounds upset; default [cancellation]',
        },
      },
    },
    defaultOptions: { only_when_upset: ['cancellation'] },
    docs: {
      description: 'A sensitive situation where the reply never acknowledges what happened or how it feels.',
      why: 'When something went wrong, a customer wants to know we noticed before they read the fix. One line ("I\'m sorry your card was declined twice", "I can see why that\'s worrying") shows a person read their message; without it the fix reads like a macro.',
      examples: {
        bad: [
          {
            text: 'Please update your card under Billing and try again.',
            context: { customerMessage: 'My card was declined and now my account is locked.' },
          },
          { text: 'The service is back up. Reload the page to continue.', context: { situation: 'outage' } },
          { text: "I've closed the account.", context: { customerMessage: 'My father passed away last month; how do I close his account?' } },
          { text: 'No worries, we can close that account for you.', context: { situation: 'bereavement' } },
          {
            text: 'Your subscription is cancelled and you will not be charged again.',
            context: { customerMessage: 'This is the worst service ever. Cancel my subscription right now.' },
          },
        ],
        good: [
          {
            text: "I'm sorry your card was declined. I've unlocked your account; please try the payment again.",
            context: { customerMessage: 'My card was declined and now my account is locked.' },
          },
          { text: 'Thanks for flagging this. The service is back up since 10:15; reload the page to continue.', context: { situation: 'outage' } },
          { text: 'Your subscription is cancelled and you will not be charged again.', context: { customerMessage: 'Please cancel my subscription.' } },
          { text: 'Click Export under Settings → Invoices.', context: { customerMessage: 'How do I export my invoices?' } },
          { text: 'No, all our systems are up. Try reloading the page.', context: { customerMessage: 'Is the app down right now?' } },
        ],
      },
    },
  },
  (context) => {
    const { reply, analysis, options } = context;
    if (!context.prose.trim() || ACKNOWLEDGEMENT.test(context.prose) || !ENGLISH.test(context.prose) || THREAD_PART.test(context.prose)) return;
    if (!acknowledgementExpected(context, options.only_when_upset ?? ['cancellation'])) return;
    const first = analysis.sentences()[0];
    context.report({
      message: `The reply never acknowledges the ${reply.situation.id?.replace(/-/g, ' ')}; say in one line that you see what happened (e.g. "I'm sorry …", "I can see why …").`,
      start: first?.start ?? 0,
      end: first?.end ?? 0,
    });
  },
);
