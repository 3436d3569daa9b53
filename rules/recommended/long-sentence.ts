import { defineRule, limitFor, type PerChannel } from '@preach/core';
import { perChannelSchema, readerSentences } from '../src/helpers/units.js';

export default defineRule(
  {
    id: 'long-sentence',
    languages: ['en'],
    category: 'articulate',
    severity: 'suggestion',
    fixable: false,
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { max: perChannelSchema('Most words in one sentence: a number, or per channel ({chat: 25, default: 30}); a table replaces the built-in one') },
    },
    defaultOptions: { max: { chat: 25, sms: 25, default: 30 } },
    docs: {
      description: 'Sentences a reader has to read twice (over 30 words; 25 in chat and SMS).',
      why: 'Customers read replies on phones, often while upset. GOV.UK keeps sentences to 25 words because comprehension drops sharply beyond that; a long sentence usually hides two steps or a condition that deserves its own line. Code, links and e-mail addresses are not counted.',
      examples: {
        bad: [
          {
            text: 'I have checked your account and can see that the payment was declined by your bank because the card on file expired last month, so you will need to add a new card under Billing before the subscription can renew again.',
          },
          {
            text: 'Thanks for waiting, I looked into the sync problem and it turns out the desktop app needs the latest update before it can talk to the new server again.',
            context: { channel: 'chat' },
          },
        ],
        good: [
          { text: 'Your bank declined the payment because the card on file expired last month. Add a new card under Billing and the subscription will renew.' },
          {
            text: 'Run this to check: `preach lint --customer-message "my card was declined and now my account is locked" --situation billing-failure reply.md` and send me what it prints.',
          },
          {
            text: 'I have checked your account and can see that the payment was declined by your bank because the card on file expired last month, so please add a new card under Billing.',
            options: { max: 40 },
          },
          {
            text: 'Please sign out of the app and back in. If the error comes back after that, or the app will not let you sign out at all, send us the exact wording of the message.',
            note: 'two sentences, though the parser reads "in." as inches',
          },
        ],
      },
    },
  },
  (context) => {
    const max = limitFor(context.options.max as PerChannel, context.reply.channel);
    if (!max) return;
    // No sentence can pass the limit when the whole reply is under it (with a margin for how
    // the cheap count and the parser differ): skip the parse.
    if (context.analysis.wordCount() * 1.1 < max) return;
    for (const sentence of readerSentences(context)) {
      if (sentence.words <= max) continue;
      context.report({ message: `This sentence has ${sentence.words} words (over ${max}); split it so it reads in one pass.`, start: sentence.start, end: sentence.end });
    }
  },
);
