import { countWords, defineRule, limitFor, paragraphs, type Channel, type PerChannel, type RuleContext, type Span } from '@preach/core';
import { perChannelSchema, readerSentences } from '../src/helpers/units.js';

/** Lines this short are greetings and sign-offs ("Hi Priya,", "Thanks, Sam"), not content. */
const MIN_SENTENCE_WORDS = 3;
const MIN_PARAGRAPH_WORDS = 5;
const WHERE: Record<Channel, string> = { chat: 'a chat reply', email: 'an e-mail', social: 'a social post', sms: 'an SMS' };

export default defineRule(
  {
    id: 'reply-too-long',
    category: 'concise',
    severity: 'warning',
    fixable: false,
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        sentences: perChannelSchema('Most sentences (greetings and sign-offs not counted), per channel; a table replaces the built-in one'),
        paragraphs: perChannelSchema('Most paragraphs (greeting and sign-off lines not counted), per channel'),
        words: perChannelSchema('Most words, per channel'),
      },
    },
    defaultOptions: {
      sentences: { chat: 4, sms: 3 },
      paragraphs: { email: 5 },
      words: { chat: 80, sms: 50, social: 70, email: 250, default: 250 },
    },
    docs: {
      description: 'Longer than the channel allows: chat 1-4 sentences, SMS 3, e-mail a few short paragraphs (limits per channel, configurable).',
      why: 'A chat reply is read in a small window while the customer waits; more than four sentences becomes a wall to scroll. An e-mail can carry more, but past a few short paragraphs the answer gets lost. Split the rest into a follow-up, a help-centre link, or a second message.',
      examples: {
        bad: [
          {
            text: 'Hi Priya! Thanks for waiting. I checked your account. The card on file expired last month. Your bank declined the renewal because of that. You can add a new card under Billing.',
            context: { channel: 'chat' },
          },
          {
            text: 'Hi Priya,\n\nThanks for your message about the export.\n\nThe export covers the last 12 months of invoices.\n\nOlder invoices are kept in the archive for seven years.\n\nYou can request them from the billing page at any time.\n\nEach request takes about a day to process.\n\nYou will get an e-mail with a download link when it is ready.\n\nBest,\nSam',
            context: { channel: 'email' },
          },
        ],
        good: [
          { text: 'Hi Priya! The card on file expired last month, so the renewal failed. Add a new card under Billing and it will go through.', context: { channel: 'chat' } },
          {
            text: 'Hi Priya,\n\nThe export covers the last 12 months of invoices.\n\nOlder invoices are in the archive: request them from the billing page and you will get a download link within a day.\n\nBest,\nSam',
            context: { channel: 'email' },
          },
          {
            text: 'Hi Priya! Thanks for waiting. I checked your account. The card on file expired last month. Your bank declined the renewal because of that. You can add a new card under Billing.',
            context: { channel: 'chat' },
            options: { sentences: { chat: 6 } },
          },
        ],
      },
    },
  },
  (context) => {
    const channel = context.reply.channel;
    const limits = context.options as Record<string, PerChannel>;
    const where = channel ? WHERE[channel] : 'a reply';
    const maxSentences = limitFor(limits.sentences, channel);
    // A reply with no more sentence breaks than the limit cannot pass it: skip the parse.
    if (maxSentences && (context.prose.match(/[.!?\n]+/g)?.length ?? 0) >= maxSentences) {
      const sentences = readerSentences(context).filter((sentence) => sentence.words >= MIN_SENTENCE_WORDS);
      if (sentences.length > maxSentences) return overflow(context, sentences, maxSentences, `${sentences.length} sentences is long for ${where} (limit ${maxSentences}); send the rest as a follow-up.`);
    }
    const maxParagraphs = limitFor(limits.paragraphs, channel);
    if (maxParagraphs) {
      const blocks = paragraphs(context.prose).filter((block) => countWords(block.text) >= MIN_PARAGRAPH_WORDS);
      if (blocks.length > maxParagraphs) return overflow(context, blocks, maxParagraphs, `${blocks.length} paragraphs is long for ${where} (limit ${maxParagraphs}); keep to a few short ones.`);
    }
    const maxWords = limitFor(limits.words, channel);
    if (maxWords && context.analysis.wordCount() * 1.1 >= maxWords) {
      const words = context.analysis.words();
      if (words.length > maxWords) overflow(context, words, maxWords, `${words.length} words is long for ${where} (limit ${maxWords}); cut it or link to an article.`);
    }
  },
);

/** One message from where the limit is passed to the end of the reply. */
function overflow(context: RuleContext, units: Span[], max: number, message: string): void {
  context.report({ message, start: units[max]!.start, end: units[units.length - 1]!.end });
}
