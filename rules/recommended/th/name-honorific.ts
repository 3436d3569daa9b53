import { defineRule } from '@preach/core';
import { occurrences } from '../../src/helpers/languages.js';

/** What may come before the customer's name: คุณ (with เรียน, "Dear", before it in an e-mail). */
const HONORIFIC_BEFORE = /(?:คุณ|คุณลูกค้า|K\.|Khun)\s*$/;

export default defineRule(
  {
    id: 'th/name-honorific',
    languages: ['th'],
    category: 'human',
    severity: 'warning',
    fixable: true,
    docs: {
      description: 'เรียกชื่อลูกค้าห้วนๆ โดยไม่มี "คุณ" นำหน้า (สมชาย แทน คุณสมชาย)',
      why: 'ในภาษาไทย การเรียกชื่อลูกค้าต้องมี "คุณ" นำหน้าชื่อจริงเสมอ เช่น "คุณสมชาย" การเรียกชื่อเปล่าๆ ฟังเหมือนเรียกเพื่อนหรือผู้ใต้บังคับบัญชา และไม่สุภาพกับลูกค้า คำตอบที่ไม่ได้เรียกชื่อเลยไม่ถือว่าผิด',
      examples: {
        bad: [
          { text: 'สมชาย ทางเราคืนเงินให้แล้วค่ะ', context: { customerName: 'สมชาย ใจดี' }, fixed: 'คุณสมชาย ทางเราคืนเงินให้แล้วค่ะ' },
          { text: 'สวัสดีค่ะ สมชาย ใจดี ทางเราได้รับเรื่องแล้วค่ะ', context: { customerName: 'สมชาย ใจดี' }, fixed: 'สวัสดีค่ะ คุณสมชาย ใจดี ทางเราได้รับเรื่องแล้วค่ะ' },
          { text: 'Somchai คะ ทางเราได้รับเรื่องแล้วค่ะ', context: { customerName: 'Somchai Jaidee' } },
        ],
        good: [
          { text: 'คุณสมชายคะ ทางเราคืนเงินให้แล้วค่ะ', context: { customerName: 'สมชาย ใจดี' } },
          { text: 'เรียนคุณ สมชาย ใจดี\n\nทางเราได้รับเรื่องแล้วครับ', context: { customerName: 'สมชาย ใจดี' } },
          { text: 'ทางเราคืนเงินให้แล้วค่ะ', context: { customerName: 'สมชาย ใจดี' } },
          { text: 'คุณสมชายคะ ทางเราคืนเงินให้แล้วค่ะ', context: { customerName: 'คุณสมชาย ใจดี' } },
          { text: 'คุณ Somchai คะ ทางเราคืนเงินให้แล้วค่ะ', context: { customerName: 'Somchai Jaidee' } },
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
  },
);
