import { defineRule } from '@preach/core';
import { occurrences } from '../../src/helpers/languages.js';

/** What may come before the customer's name: คุณ (with เรียน, "Dear", before it in an e-mail); not the คุณ of ขอบคุณ / ขอบพระคุณ (thank you) or บุญคุณ. */
const HONORIFIC_BEFORE = /(?:(?<!ขอบ|พระ|บุญ)คุณ|คุณลูกค้า|K\.|Khun)\s*$/;
/**
 * คุณ + a name where a reply addresses someone: at the start of a line, alone or after เรียน / ถึง
 * or a greeting, and followed by a particle, a comma, the end of the line or a space ("คุณมานพครับ",
 * "เรียน คุณมานพ แก้วมณี", "สวัสดีค่ะ คุณมานพ ทางเรา…").
 */
const VOCATIVE = /(?:^|\n)[ \t]*(?:(?:เรียน|ถึง|สวัสดี(?:ครับ|ค่ะ|คะ)?|ขอบคุณ(?:ครับ|ค่ะ)?)[ \t]*)?คุณ[ \t]?(\p{Script=Thai}{2,15}?)(?=[ \t]*(?:นะ)?(?:ครับ|คะ|ค่ะ|ขา|จ้ะ|จ้า)(?:[\s,，.]|$)|[ \t]*[,，:：]|[ \t]*(?:\n|$)|[ \t]+\p{Script=Thai})/gu;
/** What follows คุณ but is no name: family and roles (คุณแม่, คุณลูกค้า), and the words of a sentence where คุณ is "you". */
const NOT_A_NAME = /^(?:ลูกค้า|แม่|พ่อ|ป้า|ลุง|น้า|อา|ตา|ยาย|ปู่|ย่า|พี่|น้อง|ครู|หมอ|ท่าน|ผู้)|สามารถ|ต้อง|ได้|จะ|ไม่|ให้|ที่|เป็น|มี|ช่วย|กรุณา|รอ|ใช้|ลอง|แจ้ง|ส่ง|เปลี่ยน|เข้า|ทำ|กด|เลือก|ติดต่อ|ตรวจสอบ|ยัง|เคย|อยาก|ควร|แล้ว|เลย|ด้วย|นะ|เอง|ก็|จึง|อาจ|คง|ไหม|มั้ย|หรือ|โอเค|คิด|รู้|ชอบ|พอใจ/;

export default defineRule(
  {
    id: 'th/name-honorific',
    languages: ['th'],
    category: 'human',
    severity: 'warning',
    fixable: true,
    docs: {
      description: 'เรียกชื่อลูกค้าห้วนๆ โดยไม่มี "คุณ" นำหน้า (สมชาย แทน คุณสมชาย) หรือเรียกด้วยชื่อของคนอื่น',
      why: 'ในภาษาไทย การเรียกชื่อลูกค้าต้องมี "คุณ" นำหน้าชื่อจริงเสมอ เช่น "คุณสมชาย" การเรียกชื่อเปล่าๆ ฟังเหมือนเรียกเพื่อนหรือผู้ใต้บังคับบัญชา และไม่สุภาพกับลูกค้า คำตอบที่มีชื่อลูกค้าคนอื่น (คัดลอกมาจากแชทก่อนหน้า) ทำให้ลูกค้ารู้ว่าเราไม่ได้ตั้งใจอ่าน คำตอบที่ไม่ได้เรียกชื่อเลยไม่ถือว่าผิด',
      examples: {
        bad: [
          { text: 'สมชาย ทางเราคืนเงินให้แล้วค่ะ', context: { customerName: 'สมชาย ใจดี' }, fixed: 'คุณสมชาย ทางเราคืนเงินให้แล้วค่ะ' },
          { text: 'สวัสดีค่ะ สมชาย ใจดี ทางเราได้รับเรื่องแล้วค่ะ', context: { customerName: 'สมชาย ใจดี' }, fixed: 'สวัสดีค่ะ คุณสมชาย ใจดี ทางเราได้รับเรื่องแล้วค่ะ' },
          { text: 'Somchai คะ ทางเราได้รับเรื่องแล้วค่ะ', context: { customerName: 'Somchai Jaidee' } },
          { text: 'ขอบคุณ สมชาย มากค่ะ ที่แนะนำเพื่อนมาใช้บริการ', context: { customerName: 'สมชาย ใจดี' }, note: 'The คุณ of ขอบคุณ (thank you) is not an honorific.' },
          { text: 'คุณวิชัยครับ พัสดุของคุณจะถึงพรุ่งนี้ครับ', context: { customerName: 'สมชาย ใจดี' }, note: "Another customer's name, pasted from an earlier chat." },
          { text: 'เรียน คุณมานพ แก้วมณี\n\nทางเราได้รับเรื่องแล้วค่ะ', context: { customerName: 'ธนพล แก้วมณี' } },
          { text: 'สวัสดีค่ะ คุณปิยะนุช ทางเราคืนเงินให้แล้วค่ะ', context: { customerName: 'ศิริพร ทองดี' } },
        ],
        good: [
          { text: 'คุณสมชายคะ ทางเราคืนเงินให้แล้วค่ะ', context: { customerName: 'สมชาย ใจดี' } },
          { text: 'เรียนคุณ สมชาย ใจดี\n\nทางเราได้รับเรื่องแล้วครับ', context: { customerName: 'สมชาย ใจดี' } },
          { text: 'ทางเราคืนเงินให้แล้วค่ะ', context: { customerName: 'สมชาย ใจดี' } },
          { text: 'คุณสมชายคะ ทางเราคืนเงินให้แล้วค่ะ', context: { customerName: 'คุณสมชาย ใจดี' } },
          { text: 'คุณ Somchai คะ ทางเราคืนเงินให้แล้วค่ะ', context: { customerName: 'Somchai Jaidee' } },
          { text: 'ขอบพระคุณ คุณสมชาย มากค่ะ', context: { customerName: 'สมชาย ใจดี' } },
          { text: 'คุณลูกค้าคะ ทางเราคืนเงินให้แล้วค่ะ', context: { customerName: 'สมชาย ใจดี' } },
          { text: 'คุณรอได้เลยครับ ช่างจะเข้าไปพรุ่งนี้ 10 โมงครับ', context: { customerName: 'สมชาย ใจดี' }, note: 'คุณ as "you" before a verb is not a name.' },
          { text: 'คุณสามารถเปลี่ยนที่อยู่ได้ที่เมนูบัญชีของฉันค่ะ', context: { customerName: 'สมชาย ใจดี' } },
          { text: 'คุณแม่ของคุณสมชายติดต่อมาแล้วค่ะ ทางเราปิดบัญชีให้เรียบร้อยค่ะ', context: { customerName: 'สมชาย ใจดี' } },
          { text: 'เรียน คุณธนพล แก้วมณี\n\nทางเราได้รับเรื่องแล้วค่ะ', context: { customerName: 'ธนพล แก้วมณี' } },
        ],
      },
    },
  },
  (context) => {
    const customer = context.reply.customerName;
    if (!customer) return;
    // A name given with its honorific ("คุณสมชาย ใจดี") is the name after it.
    const first = customer.first.replace(/^(?:คุณ|K\.|Khun)\s*/i, '') || customer.last;
    if (!first || first.length < 2) return;
    const prose = context.prose;
    const thai = /\p{Script=Thai}/u.test(first);
    const boundaries = context.analysis.wordBoundaries();
    for (const at of occurrences(prose, first)) {
      const end = at + first.length;
      // The name as a word of its own (สมชาย, not part of another word; Somchai, not Somchaiya), with no คุณ before it.
      if (thai ? !boundaries.has(at) && !/[\s\p{P}]/u.test(prose[at - 1] ?? ' ') : /\p{L}/u.test(prose[at - 1] ?? '') || /\p{L}/u.test(prose[end] ?? '')) continue;
      if (HONORIFIC_BEFORE.test(prose.slice(Math.max(0, at - 12), at))) continue;
      context.report({ message: `"${first}" without คุณ: address the customer as คุณ${first}.`, start: at, end, fix: `คุณ${first}` });
    }
    // Another person's name: คุณมานพ in a reply to คุณธนพล, pasted from an earlier conversation.
    if (!thai) return;
    const last = (customer.last ?? '').replace(/^(?:คุณ|K\.|Khun)\s*/i, '');
    for (const match of prose.matchAll(VOCATIVE)) {
      const named = match[1]!;
      if (named.startsWith(first) || first.startsWith(named) || (last && named.startsWith(last)) || NOT_A_NAME.test(named)) continue;
      const start = match.index! + match[0].length - named.length;
      context.report({ message: `"คุณ${named}" is not this customer (คุณ${first}): check the name.`, start, end: start + named.length, fix: first });
    }
  },
);
