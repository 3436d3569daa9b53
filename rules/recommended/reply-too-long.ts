import { countWords, defineRule, limitFor, paragraphs, type Channel, type PerChannel, type RuleContext, type Span } from '@preach/core';
import { perChannelSchema, readerSentences } from '../src/helpers/units.js';

/** Lines this short are greetings and sign-offs ("Hi Priya,", "Thanks, Sam"), not content. */
const MIN_SENTENCE_WORDS = 3;
const MIN_PARAGRAPH_WORDS = 5;
const WHERE: Record<Channel, string> = { chat: 'a chat reply', email: 'an e-mail', social: 'a social post', sms: 'an SMS' };

/**
 * Thai, Korean and Chinese are measured in characters (letters, digits and punctuation; no
 * spaces), as their readers and their SMS limits count. The same message takes about a third as
 * many Chinese characters as English letters, more in Korean, and more again in Thai, which
 * writes vowels as letters: so each has its own limits.
 */
const CHARACTER_LIMITS: Record<string, PerChannel> = {
  zh: { chat: 300, sms: 140, social: 280, email: 1000, default: 1000 },
  ko: { chat: 350, sms: 160, social: 300, email: 1200, default: 1200 },
  th: { chat: 450, sms: 220, social: 400, email: 1500, default: 1500 },
};

export default defineRule(
  {
    id: 'reply-too-long',
    languages: ['en', 'th', 'ko', 'zh'],
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
        characters: perChannelSchema('Most characters (no spaces), per channel, for Thai, Korean and Chinese replies; replaces the built-in limits of each (zh chat 300, sms 140, social 280, email 1000; ko 350/160/300/1200; th 450/220/400/1500)'),
      },
    },
    defaultOptions: {
      sentences: { chat: 4, sms: 3 },
      paragraphs: { email: 5 },
      words: { chat: 80, sms: 50, social: 70, email: 250, default: 250 },
    },
    docs: {
      description: 'Longer than the channel allows: chat 1-4 sentences, SMS 3, e-mail a few short paragraphs; Thai, Korean and Chinese replies in characters (limits per channel, configurable).',
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
          { text: `王先生您好，${'感谢您的耐心等待。我们已经查看了您的账户，发现自动续费失败是因为银行卡已过期。'.repeat(10)}`, context: { channel: 'chat' } },
          { text: `고객님, ${'결제가 실패한 원인은 카드 유효기간 만료입니다. 결제 페이지에서 카드 정보를 변경해 주세요. '.repeat(5)}`, context: { channel: 'sms' } },
          { text: `คุณสมชายคะ ${'บัตรของคุณหมดอายุแล้ว ระบบจึงตัดเงินอัตโนมัติไม่สำเร็จ กรุณาอัปเดตข้อมูลบัตรที่หน้าการชำระเงินค่ะ '.repeat(9)}`, context: { channel: 'chat' } },
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
          { text: '王先生您好，您的银行卡已过期，所以自动续费没有成功。请在“账单”页面更新卡片信息，更新后系统会自动重新扣款。', context: { channel: 'chat' } },
          { text: '김민준 님, 카드 유효기간이 지나 자동 결제가 되지 않았습니다. 결제 페이지에서 카드 정보를 변경해 주시면 바로 다시 결제됩니다.', context: { channel: 'sms' } },
        ],
      },
    },
  },
  (context) => {
    const channel = context.reply.channel;
    const limits = context.options as Record<string, PerChannel>;
    const where = channel ? WHERE[channel] : 'a reply';
    const byLanguage = CHARACTER_LIMITS[context.reply.language.id];
    if (byLanguage) return tooManyCharacters(context, limitFor(limits.characters ?? byLanguage, channel), where);
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

/** A Thai, Korean or Chinese reply past its channel's character limit: one message from where it is passed. */
function tooManyCharacters(context: RuleContext, max: number | undefined, where: string): void {
  if (!max || context.analysis.characterCount() <= max) return;
  const { prose } = context;
  let counted = 0;
  let at = 0;
  for (const { segment, index } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(prose)) {
    if (/\S/.test(segment) && ++counted > max) {
      at = index;
      break;
    }
  }
  const end = prose.trimEnd().length;
  context.report({ message: `${context.analysis.characterCount()} characters is long for ${where} (limit ${max}); send the rest as a follow-up or link to an article.`, start: at, end: Math.max(end, at + 1) });
}

/** One message from where the limit is passed to the end of the reply. */
function overflow(context: RuleContext, units: Span[], max: number, message: string): void {
  context.report({ message, start: units[max]!.start, end: units[units.length - 1]!.end });
}
