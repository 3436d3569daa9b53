import { defineRule } from '@preach/core';
import emojiRegex from 'emoji-regex';
import { apologyStart } from '../src/helpers/acknowledgement.js';
import { noBadNewsOfOurs } from '../src/helpers/customer.js';
import { findAll } from '../src/helpers/sentences.js';

const EMOJI = emojiRegex();
/** Anything emoji-regex could match starts outside ASCII; plain text skips the big expression. */
const NON_ASCII = /[^\x00-\x7F]/;
/**
 * Text emoticons, standing alone: ":)", ":-)", ";)", ":D", ":P", ":(", "<3", "xD", "^_^".
 * Bounded by spaces or punctuation so times ("3:30"), lists ("a) b)") and code stay out.
 */
const EMOTICON = /(?<![\p{L}\p{N}:;=/])(?:[:;][-']?[)(]{2,}|[:;=][-'o^]?[)(\]\[DPpO3*|\\/]|[:;][-']?[)(]{2,}|<3+|\^[_.-]?\^|[xX][Dd]\b|:'\()(?![\p{L}\p{N}])/gu;

/**
 * Pictographs that point the way to a channel ("drop us a DM ✉️", "call us 📞", "tap here 👇"):
 * a signpost sets no tone.
 */
const SIGNPOST = /^(?:[✉📧📩📨📤📥📞☎📱💬👉👇👆➡⬇🔗📍🔎🔍])\uFE0F?$/u;

export default defineRule(
  {
    id: 'emoji-in-sensitive-situation',
    languages: ['en', 'th', 'ko', 'zh'],
    category: 'empathetic',
    severity: 'error',
    fixable: true,
    // The whole reply: an emoji after a sorry in an earlier paragraph is reported as a suggestion,
    // so a finding depends on more than its own paragraph.
    scope: 'reply',
    when: { sensitivity: 'high' },
    docs: {
      description: 'Emoji and emoticons (":)", ";-)", ":D") when the situation is sensitive.',
      why: 'The same emoji that is charming on a thank-you note is insulting on a failed payment, an outage or a bereavement. Every support guide keeps emoji out of bad news. An emoji after the reply has said sorry ("sorry to hear this :(") is reported as a suggestion: the care is there, and reviewers differ on whether the emoji spoils it. A pictograph that points to a channel ("DM us ✉️", "call us 📞") sets no tone and is left alone.',
      examples: {
        bad: [
          { text: "We're looking into the outage 🙏 should be back shortly 😅", context: { situation: 'outage' }, count: 2 },
          { text: 'Your card was declined, please try another one :)', context: { customerMessage: 'My card was declined and now my account is locked.' }, fixed: 'Your card was declined, please try another one' },
          { text: "I've closed the account ;-) let me know if you need anything else", context: { situation: 'bereavement' } },
          { text: '서버 장애는 복구 중입니다 😅 잠시만 기다려 주세요.', context: { customerMessage: '앱이 두 시간째 접속이 안 돼요. 서버 다운인가요?' } },
          { text: '您的银行卡被拒了，请换一张卡试试 😊', context: { situation: 'billing-failure' } },
          { text: 'ระบบล่มอยู่ค่ะ กำลังแก้ไขนะคะ ^^', context: { situation: 'outage' } },
          {
            text: "Hi there, sorry to hear this :( I'll be sure to pass on your feedback :)",
            context: { situation: 'complaint' },
            count: 2,
            severity: 'suggestion',
            note: 'A sad face on a sorry, and a smile after it: the reply has met the bad news with care, so these are suggestions.',
          },
        ],
        good: [
          { text: 'So glad you like it 😊 thanks for telling us!', context: { customerMessage: 'Your team is amazing, thank you!' } },
          { text: '칭찬해 주셔서 감사합니다 😊 팀원들에게 꼭 전하겠습니다.', context: { situation: 'praise' } },
          { text: "Thanks for the feedback, we'll pass it on 💚", context: { customerMessage: 'In other news, I should probably upgrade from my crappy 12GB phone' } },
          { text: 'Your card was declined at 10:30; please try again or use another card.', context: { situation: 'billing-failure' } },
          { text: 'So happy that worked out! :D', context: { customerMessage: 'THANK YOU!!! YOU ARE A REAL LIFESAVER!!!' } },
          {
            text: 'Never too often, Sam. We love seeing you for all your sports gear 🏀',
            context: { customerMessage: 'Someone at the checkout just recognised me as the guy who always fills a cart with sports gear. Maybe I come here too often!!!' },
            note: 'A joke about shopping often, not a security scare.',
          },
          {
            text: 'Hey James! Home Internet is only in some areas for now; join the waiting list and we will tell you when it reaches you :)',
            context: { customerMessage: 'When will the home internet option be available in Alexandria VA? The only option we have now is Comcast, it’s awful' },
            note: 'The customer is fed up with another provider and asks about ours.',
          },
          { text: 'Run `echo ":)"` to test the terminal, then choose option a) or b) below.', context: { situation: 'outage' } },
          {
            text: "Can you check the Bolt Ons page and let us know? Feel free to drop us a DM ✉️ https://example.com/dm or call us 📞 on 0800 123 456.",
            context: { situation: 'complaint' },
            note: 'An envelope or a phone beside the way to reach us points the way; it sets no tone.',
          },
        ],
      },
    },
  },
  (context) => {
    // Someone else's abuse reported, or anger at a provider the customer is leaving for us: no bad news of ours.
    if (noBadNewsOfOurs(context)) return;
    const { prose } = context;
    const found = [...findAll(EMOTICON, prose)];
    if (NON_ASCII.test(prose)) found.push(...findAll(EMOJI, prose));
    // A reply that has already said sorry has met the bad news with care: an emoji after it (a sad
    // face on the sorry, a smile on the next step) is weaker evidence of a flippant tone.
    const caredFrom = apologyStart(prose, context.reply.situation.id);
    for (const span of found.sort((a, b) => a.start - b.start)) {
      if (SIGNPOST.test(span.text)) continue;
      // Remove the emoji with the space before it, so "try again :)" becomes "try again".
      const start = /\s/.test(prose[span.start - 1] ?? '') && !/\S/.test(prose.slice(span.end, span.end + 1)) ? span.start - 1 : span.start;
      const afterSorry = span.start > caredFrom;
      context.report({
        message: afterSorry
          ? `"${span.text}" in a ${context.reply.situation.id} conversation may read as flippant, even after the sorry; consider leaving it out.`
          : `"${span.text}" in a ${context.reply.situation.id} conversation reads as flippant; leave it out.`,
        start,
        end: span.end,
        fix: '',
        ...(afterSorry ? { severity: 'suggestion' as const } : {}),
      });
    }
  },
);
