import { defineRule, UPSET_POLARITY, type Span } from '@preach/core';

/**
 * Courtesy words score as positive in AFINN ("help" +2, "thanks" +2, "glad to" +3) but carry no
 * cheer in a support reply; left in, every polite answer to an angry customer would look cheerful.
 */
const COURTESY = /\b(?:help(?:ing|ed|ful)?|thanks?|thank\s+you|please|appreciated?|welcome|hope|(?:glad|happy|pleased)\s+to|feel\s+free|no\s+worries)\b/gi;

function cheer(polarityOf: (text: string) => number, text: string): number {
  return polarityOf(text.replace(COURTESY, ' '));
}

export default defineRule(
  {
    id: 'sentiment-mismatch',
    category: 'empathetic',
    severity: 'warning',
    fixable: false,
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        min_cheer: { type: 'number', description: 'Sentiment (AFINN, courtesy words left out) at which a sentence reads as cheerful; default 3' },
        upset_situations: { type: 'array', items: { type: 'string' }, description: 'Situations that mean an upset customer even without their message; default [complaint]' },
      },
    },
    defaultOptions: { min_cheer: 3, upset_situations: ['complaint'] },
    docs: {
      description: 'Cheerful sentiment ("Great news!", "Have a fantastic day!") answering an upset customer.',
      why: "Cheer in reply to anger reads as mockery. Match the customer's mood first: acknowledge the problem, then give the fix. Courtesy (thanks, happy to help) is fine; what jars is a reply that is happier than the news.",
      examples: {
        bad: [
          {
            text: 'Great news! Your refund is done. Have a wonderful day!',
            context: { customerMessage: 'This is ridiculous, I was charged twice and nobody answers.' },
          },
          { text: "Awesome, we love hearing from you! We'll sort it out.", context: { situation: 'complaint' } },
        ],
        good: [
          {
            text: "I'm sorry we charged you twice; that's frustrating. I've refunded the second charge, and you'll see it in 3-5 days. Have a great day.",
            context: { customerMessage: 'This is ridiculous, I was charged twice and nobody answers.' },
          },
          { text: 'Thanks so much for your patience, happy to help. The refund is on its way.', context: { situation: 'complaint' } },
          { text: 'Great news! The export is live. Have a wonderful day!', context: { customerMessage: 'Your team is amazing, thank you!' } },
        ],
      },
    },
  },
  (context) => {
    const { analysis, reply, options } = context;
    const upset = reply.customerMessage
      ? analysis.customerSentiment() <= UPSET_POLARITY || (options.upset_situations ?? []).includes(reply.situation.id)
      : (options.upset_situations ?? []).includes(reply.situation.id);
    if (!upset || !context.prose.trim()) return;
    // A cheerful line balanced by an apology or an acknowledgement is not a mismatch.
    if (cheer(analysis.sentimentOf, context.prose) <= 0) return;
    let loudest: Span | undefined;
    let loudestCheer = -Infinity;
    for (const sentence of analysis.sentences()) {
      const value = cheer(analysis.sentimentOf, sentence.text) + (sentence.text.includes('!') ? 1 : 0);
      if (value > loudestCheer) {
        loudestCheer = value;
        loudest = sentence;
      }
    }
    if (!loudest || loudestCheer < (options.min_cheer ?? 3)) return;
    context.report({
      message: `"${loudest.text.trim()}" sounds cheerful to a customer who is upset; acknowledge the problem first, then give the fix.`,
      start: loudest.start,
      end: loudest.end,
    });
  },
);
