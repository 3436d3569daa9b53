import { defineRule } from '@preach/core';

/** Someone will do something: "I'll check", "the warehouse will call you", "a fix is coming". */
const FUTURE = /\b(?:will|shall|going to|gonna)\b|['’]ll\b|\b(?:is|are)\s+coming\b|\bshould (?:be|reach|arrive|land|show|go)\b|(?<!nothing )(?<!nothing that )\b(?:i|we) can\b(?!not|['’]t)/i;
/** The agent has acted: "I've closed the account", "we just refunded", "I have signed you out". */
const DONE = /\b(?:i|we)(?:['’]ve| have| just| already)?\s+(?:(?:\w+ly|also|now|just|already)\s+)?(?:\w+ed|sent|put|set|made|got|taken|given|written|done|shut|cut|paid|found|kept|let|run|told|withdrawn)\b|\b(?:went|gone|go) through\b/i;
/** The problem is dealt with: "your plan is cancelled", "we're back up", "the charge was refunded". */
const SETTLED = /(?:\b(?:is|are|was|were|has been|have been|had been)|['’](?:s|re))\s+(?:(?:now|already|all|\w+ly)\s+)?(?:\w+ed|done|back|active|live|over|safe|sorted|fixed|on (?:its|the) way|working)\b/i;
/** The customer is asked or told what to do: "please send", "could you", "Enter the code". */
const REQUEST = /\b(?:please|pls|plz|kindly|could you|can you|would you|let (?:us|me) know|feel free|reach out|you can|you['’]ll need|you need to|you would need|you'd need|you should|you may want|you might want|i need (?:your|you to)|we need (?:your|you to)|may we|can we|could we|we recommend|i recommend|we suggest|i suggest|we advise|i advise|recommend|suggest|advise)\b|(?:^|[.!?:]\s+|\n\s*|\p{Extended_Pictographic}\s*)(?:just\s+|simply\s+|then\s+|if \S.{0,80}?,\s*)?(?:try|go|head|click|tap|press|hold|put|turn|switch|plug|unplug|connect|disconnect|power|reset|open|select|visit|call|contact|reply|sign|log|update|restart|reboot|reinstall|clear|check|enter|send|dm|follow|use|add|remove|choose|make sure|keep|wait|look|see|find|pick|tell|give|let)\b/imu;
/** A time or a date the customer can plan around. */
const WHEN = /\b(?:today|tonight|tomorrow|within|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end|end of|noon|\d)|in \d+|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|next (?:week|month)|\d{1,2}(?::\d\d)?\s*(?:am|pm)|hours?|days?)\b/i;

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * Whether at least half of the text's letters are Latin script. Counted code point by code
 * point, ASCII at a glance: matching every letter with a /g regex built a string for each one.
 */
function mostlyLatin(text: string): boolean {
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
        letters++;
        latin++;
      }
      continue;
    }
    const point = text.codePointAt(i)!;
    if (point > 0xffff) i++;
    const character = String.fromCodePoint(point);
    if (LETTER.test(character)) letters++;
    if (LATIN.test(character)) latin++;
  }
  return latin >= letters / 2;
}

export default defineRule(
  {
    id: 'missing-next-step',
    category: 'responsible',
    severity: 'suggestion',
    fixable: false,
    when: { sensitivity: 'medium' },
    docs: {
      description: 'A reply to an open problem (a bug, a refund, a late order, a declined card) that says neither what happens next nor what the customer should do.',
      why: 'QA scorecards ask whether the reply ends with a clear next step: who does what, by when. A customer whose problem is still open and who gets only sympathy ("Sorry to hear that, that must be frustrating.") has to write again, and every extra contact costs satisfaction. Any commitment ("I\'ll check with billing"), action taken ("I\'ve refunded the charge"), request ("could you send a screenshot?"), question, link or time counts; a problem the customer says is solved, a pleased customer, one part of a reply split over several messages ("1/2") and low-stakes situations (how-to, praise, feature requests) are not checked. It is a suggestion, not a warning: whether the problem is still open is read from the customer\'s words, and that reading is often wrong on short social-media threads.',
      examples: {
        bad: [
          { text: 'Sorry to hear about the double charge, that must be really frustrating.', context: { customerMessage: 'You charged me twice this month!', situation: 'complaint' } },
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
    if (context.reply.situation.resolved || context.reply.mood?.id === 'pleased') return;
    const prose = context.prose;
    // One part of a reply split over several messages ("1/2") is judged with the others, not alone.
    if (/(?:^|\s)\d\s*\/\s*\d(?:\s|$)/.test(context.text)) return;
    // Written in another script: this rule reads English only.
    if (!mostlyLatin(prose)) return;
    if (context.analysis.wordCount() < 5) return;
    if (/\?/.test(prose) || /https?:\/\/|www\./i.test(context.text)) return;
    if ([FUTURE, DONE, SETTLED, REQUEST, WHEN].some((signal) => signal.test(prose))) return;
    const sentences = context.analysis.sentences();
    const last = sentences[sentences.length - 1];
    context.report({
      message: "The customer's problem is still open and this reply gives no next step; say who does what by when (\"I'll check with billing and reply by 3 pm\").",
      start: last?.start ?? 0,
      end: last?.end ?? 0,
    });
  },
);
