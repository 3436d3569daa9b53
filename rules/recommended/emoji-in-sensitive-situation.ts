import { defineRule } from '@preach/core';
import emojiRegex from 'emoji-regex';
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

export default defineRule(
  {
    id: 'emoji-in-sensitive-situation',
    languages: ['en', 'th', 'ko', 'zh'],
    category: 'empathetic',
    severity: 'error',
    fixable: true,
    // What it finds in a sentence never depends on the rest of the reply.
    scope: 'paragraph',
    when: { sensitivity: 'high' },
    docs: {
      description: 'Emoji and emoticons (":)", ";-)", ":D") when the situation is sensitive.',
      why: 'The same emoji that is charming on a thank-you note is insulting on a failed payment, an outage or a bereavement. Every support guide keeps emoji out of bad news.',
      examples: {
        bad: [
          { text: "We're looking into the outage 🙏 should be back shortly 😅", context: { situation: 'outage' }, count: 2 },
          { text: 'Your card was declined, please try another one :)', context: { customerMessage: 'My card was declined and now my account is locked.' }, fixed: 'Your card was declined, please try another one' },
          { text: "I've closed the account ;-) let me know if you need anything else", context: { situation: 'bereavement' } },
          { text: '서버 장애는 복구 중입니다 😅 잠시만 기다려 주세요.', context: { customerMessage: '앱이 두 시간째 접속이 안 돼요. 서버 다운인가요?' } },
          { text: '您的银行卡被拒了，请换一张卡试试 😊', context: { situation: 'billing-failure' } },
          { text: 'ระบบล่มอยู่ค่ะ กำลังแก้ไขนะคะ ^^', context: { situation: 'outage' } },
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
    for (const span of found.sort((a, b) => a.start - b.start)) {
      // Remove the emoji with the space before it, so "try again :)" becomes "try again".
      const start = /\s/.test(prose[span.start - 1] ?? '') && !/\S/.test(prose.slice(span.end, span.end + 1)) ? span.start - 1 : span.start;
      context.report({
        message: `"${span.text}" in a ${context.reply.situation.id} conversation reads as flippant; leave it out.`,
        start,
        end: span.end,
        fix: '',
      });
    }
  },
);
