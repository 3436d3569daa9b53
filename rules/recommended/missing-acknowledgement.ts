import { defineRule, UPSET_POLARITY } from '@preach/core';

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
    String.raw`\b(?:understand(?:able|ably)?|i\s+hear\s+you|i\s+get\s+(?:it|why|that)|i\s+know\s+(?:how|this|that|it)|i\s+can\s+(?:only\s+)?imagine|i\s+can\s+see\s+(?:why|how|that|this))\b`,
    String.raw`\b(?:frustrat\w*|annoy\w*|upsett\w*|upset|stress\w*|worr(?:y|ying|ied|ies)|concern(?:ed|ing)|disappoint\w*|inconvenien\w*|alarming|scary|unsettling|painful|difficult\s+time|hard\s+time|a\s+pain|hassle)\b`,
    String.raw`\bmust\s+(?:be|have\s+been|feel)\b`,
    String.raw`\b(?:shouldn(?:'|’)?t|should\s+not|should\s+never)\s+have\s+happened\b`,
    String.raw`\b(?:that(?:'|’)?s|that\s+is|this\s+is|it(?:'|’)?s|it\s+is)\s+(?:not|never)\s+(?:ok(?:ay)?|acceptable|good\s+enough|what\s+you|the\s+experience)\b`,
    String.raw`\byou(?:'|’)?re\s+(?:right|absolutely\s+right|completely\s+right)\b|\byou\s+are\s+(?:right|absolutely\s+right)\b`,
    String.raw`\b(?:our|my)\s+(?:mistake|fault|error|bad|mix-?up)\b`,
    String.raw`\b(?:we|i)\s+(?:messed\s+up|got\s+(?:it|this|that)\s+wrong|made\s+a\s+mistake|dropped\s+the\s+ball|let\s+you\s+down)\b`,
    String.raw`\bthank(?:s|\s+you)\s+(?:so\s+much\s+|very\s+much\s+)?for\s+(?:letting\s+(?:us|me)\s+know|flagging|reporting|raising|telling\s+(?:us|me)|your\s+patience|bearing\s+with|being\s+patient|your\s+understanding|the\s+heads[\s-]up|sharing)\b`,
    String.raw`\bfor\s+your\s+loss\b|\bthinking\s+of\s+you\b|\bour\s+thoughts\b`,
  ].join('|'),
  'i',
);

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
        ],
      },
    },
  },
  (context) => {
    const { reply, analysis, options } = context;
    if (!context.prose.trim() || ACKNOWLEDGEMENT.test(context.prose)) return;
    if ((options.only_when_upset ?? []).includes(reply.situation.id) && !(reply.customerMessage && analysis.customerSentiment() <= UPSET_POLARITY)) return;
    const first = analysis.sentences()[0];
    context.report({
      message: `The reply never acknowledges the ${reply.situation.id?.replace(/-/g, ' ')}; say in one line that you see what happened (e.g. "I'm sorry …", "I can see why …").`,
      start: first?.start ?? 0,
      end: first?.end ?? 0,
    });
  },
);
