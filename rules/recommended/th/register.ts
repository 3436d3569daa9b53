import { defineRule, type Span } from '@preach/core';
import { insideQuote, quotedSpans } from '../../src/helpers/languages.js';

/** Polite particles, as segmented words: a male agent ends with ครับ, a female one with ค่ะ / คะ. */
const MALE = new Set(['ครับ', 'คับ', 'ครับผม', 'ฮะ', 'ขอรับ']);
const FEMALE = new Set(['ค่ะ', 'คะ', 'ค่า', 'ค๊ะ', 'นะคะ']);
/**
 * ค่า is also "fee" and "value" (ค่าบริการ, ค่าส่ง; ตั้งค่า "settings", มูลค่า, คุณค่า): it is the
 * drawn-out ค่ะ only as the last word of a phrase and not the end of one of those words.
 */
const ALSO_A_NOUN = new Set(['ค่า']);
const PHRASE_END = /^(?:$|[\s\p{P}\p{S}]|นะ)/u;
const ENDS_A_WORD = /(?:ตั้ง|มูล|คุณ|ล้ำ|ไร้|มี|ทรง|ราคา)$/;

function particleOfItsOwn(prose: string, word: Span): boolean {
  return PHRASE_END.test(prose.slice(word.end, word.end + 3)) && !ENDS_A_WORD.test(prose.slice(Math.max(0, word.start - 4), word.start));
}

export default defineRule(
  {
    id: 'th/register',
    languages: ['th'],
    category: 'human',
    severity: 'warning',
    fixable: false,
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        formal_channels: { type: 'array', items: { enum: ['chat', 'email', 'social', 'sms'] }, description: 'Channels where a reply needs a polite particle (ครับ / ค่ะ); default [email]' },
      },
    },
    defaultOptions: { formal_channels: ['email'] },
    docs: {
      description: 'คำตอบที่ไม่มีคำลงท้ายสุภาพ (ครับ/ค่ะ/คะ) เลยในช่องทางที่เป็นทางการ (อีเมลโดยค่าเริ่มต้น) หรือใช้ทั้ง ครับ และ ค่ะ/คะ ปนกันในคำตอบเดียว',
      why: 'คำลงท้ายสุภาพคือความสุภาพพื้นฐานของภาษาไทย อีเมลที่ไม่มี ครับ/ค่ะ เลยอ่านแล้วห้วนและเย็นชา ส่วนคำตอบที่มีทั้ง ครับ และ ค่ะ ทำให้ลูกค้าสงสัยว่าใครตอบ หรือรู้ว่าคัดลอกมาจากหลายที่ เจ้าหน้าที่หนึ่งคนใช้คำลงท้ายแบบเดียว',
      examples: {
        bad: [
          { text: 'เรียนคุณสมชาย\n\nทางเราได้รับเรื่องแล้ว และจะคืนเงินภายใน 3 วันทำการ\n\nทีมบริการลูกค้า', context: { channel: 'email' } },
          { text: 'สวัสดีครับ ทางเราคืนเงินให้แล้วนะคะ', count: 1 },
          { text: 'ได้รับเรื่องแล้วค่า ทางเราจะโทรกลับภายใน 1 ชั่วโมงครับ', count: 1, note: 'ค่า at the end of a phrase is the drawn-out ค่ะ.' },
        ],
        good: [
          { text: 'เรียนคุณสมชาย\n\nทางเราได้รับเรื่องแล้ว และจะคืนเงินภายใน 3 วันทำการค่ะ\n\nทีมบริการลูกค้า', context: { channel: 'email' } },
          { text: 'ได้รับเรื่องแล้ว จะแจ้งกลับภายใน 1 ชั่วโมง', context: { channel: 'chat' } },
          { text: 'สวัสดีค่ะ คุณสมชายคะ ทางเราคืนเงินให้แล้วนะคะ', context: { channel: 'email' } },
          { text: 'คะแนนสะสมของคุณจะเข้าบัญชีภายในวันนี้ครับ', context: { channel: 'email' } },
          { text: 'ค่าบริการเดือนนี้ลดให้ 50% แล้วครับ ส่วนค่าส่งทางเราออกให้ครับ', note: 'ค่า at the start of a noun (ค่าบริการ, ค่าส่ง) is a fee, not the particle ค่ะ.' },
          { text: 'ทางเราจะไม่เรียกเก็บค่าธรรมเนียมรายปี และคืนค่าใช้จ่ายให้ภายใน 7 วันครับ', context: { channel: 'email' } },
          { text: 'เปิดการยืนยันสองขั้นตอนได้ที่เมนู "ตั้งค่า > ความปลอดภัย" ครับ', note: 'ตั้งค่า (settings) ends with ค่า.' },
          { text: 'ที่คุณแจ้งมาว่า “สั่งตั้งแต่วันที่ 2 ยังไม่ได้ของเลยครับ” ดิฉันตรวจสอบให้แล้วค่ะ พัสดุจะถึงภายในวันศุกร์นี้ค่ะ', note: 'ครับ is in the customer\'s quoted words; the agent writes ค่ะ.' },
          { text: 'ลูกค้าพิมพ์มาว่า "ขอบคุณค่ะ" แล้วแชทก็ปิดไปครับ ผมจึงเปิดเรื่องใหม่ให้ครับ' },
        ],
      },
    },
  },
  (context) => {
    if (!/\p{Script=Thai}/u.test(context.prose)) return;
    const male: Span[] = [];
    const female: Span[] = [];
    const quotes = quotedSpans(context.prose);
    for (const word of context.analysis.words()) {
      if (insideQuote(quotes, word.start)) continue;
      if (MALE.has(word.text)) male.push(word);
      else if (FEMALE.has(word.text) && (!ALSO_A_NOUN.has(word.text) || particleOfItsOwn(context.prose, word))) female.push(word);
    }
    const channel = context.reply.channel;
    if (male.length === 0 && female.length === 0) {
      if (!channel || !(context.options.formal_channels ?? ['email']).includes(channel)) return;
      const first = context.analysis.sentences()[0];
      if (first) context.report({ message: `No polite particle (ครับ / ค่ะ) anywhere in this ${channel === 'email' ? 'e-mail' : `${channel} reply`}: it reads curt; end your sentences politely.`, start: first.start, end: first.end });
      return;
    }
    if (male.length && female.length) {
      const odd = male.length <= female.length ? male[0]! : female[0]!;
      context.report({ message: `This reply uses both ครับ (${male.length}) and ค่ะ/คะ (${female.length}); one agent writes with one: "${odd.text}" is the odd one.`, start: odd.start, end: odd.end });
    }
  },
);
