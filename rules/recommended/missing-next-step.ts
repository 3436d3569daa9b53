import { defineRule } from '@preach/core';

/** The agent commits to an action: "I'll check", "we're going to", "we will refund". */
const COMMITMENT = /\b(?:i|we)(?:'ll|’ll| will| shall| am going to| are going to|'m going to|’m going to|'re going to|’re going to| can| could)\b/i;
/** The agent has acted: "I've escalated", "we have refunded", "it has been reset". */
const DONE =
  /\b(?:i|we)(?:'ve|’ve| have| just| already)?\s+(?:\w+ly\s+)?(?:sent|issued|escalated|passed|forwarded|raised|reset|refunded|cancell?ed|credited|updated|fixed|changed|added|removed|reactivated|unlocked|restored|processed|reported|opened|shared|created|arranged|booked|scheduled|e-?mailed|flagged|asked|contacted|submitted|applied|requested|placed|re-?sent|replied|followed up|looped|notified|informed|checked|confirmed|approved|extended|waived|activated|enabled|disabled|moved|merged|tagged|logged|noted)\b|\b(?:has|have|was|were) (?:now |just |already )?been \w+(?:ed|en|t)\b|\bis (?:now )?(?:on (?:its|the) way|fixed|resolved|live|back|working)\b/i;
/** The customer is asked or told to do something: "please send", "could you try", "go to Settings". */
const REQUEST =
  /\b(?:please|pls|plz|could you|can you|would you|will you|kindly|let (?:us|me) know|feel free|reach out|dm us|dm me|send us|send me|follow (?:us|the|these)|here's how|here is how|you can|you'll|you will|you may|you should|you need|you'd need|make sure|try|go to|head to|click|tap|open|select|visit|call|contact|reply|sign in|log in|update|restart|reinstall|clear|check)\b/i;
/** A time or a date the customer can plan around. */
const WHEN = /\b(?:today|tonight|tomorrow|within|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end|end of|noon|\d)|in \d+|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|next (?:week|month)|\d{1,2}(?::\d\d)?\s*(?:am|pm)|hours?|days?)\b/i;

export default defineRule(
  {
    id: 'missing-next-step',
    category: 'responsible',
    severity: 'warning',
    fixable: false,
    when: { sensitivity: 'medium' },
    docs: {
      description: 'A reply to an open problem (a bug, a refund, a late order, a declined card) that says neither what happens next nor what the customer should do.',
      why: 'QA scorecards ask whether the reply ends with a clear next step: who does what, by when. A customer whose problem is still open and who gets only sympathy ("Sorry to hear that, that must be frustrating.") has to write again, and every extra contact costs satisfaction. Any commitment ("I\'ll check with billing"), action taken ("I\'ve refunded the charge"), request ("could you send a screenshot?"), question, link or time counts; a problem the customer says is solved, and low-stakes situations (how-to, praise, feature requests) are not checked.',
      examples: {
        bad: [
          { text: 'Sorry to hear about the double charge, that must be really frustrating.', context: { customerMessage: 'You charged me twice this month!' } },
          { text: 'That is not the experience we want for you. We understand how annoying a late order is.', context: { customerMessage: 'My order is a week late and nobody tells me anything.', situation: 'shipping-delay' } },
        ],
        good: [
          { text: "Sorry about the double charge. I've refunded the second payment; it will show in 3-5 days.", context: { customerMessage: 'You charged me twice this month!' } },
          { text: 'Sorry about that! Could you send me a screenshot of the error?', context: { customerMessage: 'The sync keeps failing on my laptop.' } },
          { text: "Sorry for the wait. We'll look into it and update you by Friday.", context: { customerMessage: 'My order is a week late.' } },
          { text: "Glad to hear it's working again!", context: { customerMessage: "Thanks, it's working again now!" }, note: 'the customer says it is solved' },
          { text: 'Happy to help, have a great day.', context: { customerMessage: 'How do I export my invoices?' }, note: 'a how-to question: low stakes' },
        ],
      },
    },
  },
  (context) => {
    if (context.reply.situation.resolved) return;
    const prose = context.prose;
    if (context.analysis.wordCount() < 5) return;
    if (/\?/.test(prose) || /https?:\/\/|www\./i.test(context.text)) return;
    if (COMMITMENT.test(prose) || DONE.test(prose) || REQUEST.test(prose) || WHEN.test(prose)) return;
    const sentences = context.analysis.sentences();
    const last = sentences[sentences.length - 1];
    context.report({
      message: "The customer's problem is still open and this reply gives no next step; say who does what by when (\"I'll check with billing and reply by 3 pm\").",
      start: last?.start ?? 0,
      end: last?.end ?? 0,
    });
  },
);
