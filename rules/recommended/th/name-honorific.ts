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
        ],
        good: [
          { text: 'คุณสมชายคะ ทางเราคืนเงินให้แล้วค่ะ', context: { customerName: 'สมชาย ใจดี' } },
          { text: 'เรียนคุณ สมชาย ใจดี\n\nทางเราได้รับเรื่องแล้วครับ', context: { customerName: 'สมชาย ใจดี' } },
          { text: 'ทางเราคืนเงินให้แล้วค่ะ', context: { customerName: 'สมชาย ใจดี' } },
        ],
      },
    },
  },
  (context) => {
    const customer = context.reply.customerName;
    if (!customer || !/\p{Script=Thai}/u.test(customer.first)) return;
    const prose = context.prose;
    const boundaries = context.analysis.wordBoundaries();
    for (const at of occurrences(prose, customer.first)) {
      // The name as a word of its own (สมชาย, not part of another word), with no คุณ before it.
      if (!boundaries.has(at) && !/[\s\p{P}]/u.test(prose[at - 1] ?? ' ')) continue;
      if (HONORIFIC_BEFORE.test(prose.slice(Math.max(0, at - 12), at))) continue;
      context.report({ message: `"${customer.first}" without คุณ: address the customer as คุณ${customer.first}.`, start: at, end: at + customer.first.length, fix: `คุณ${customer.first}` });
    }
  },
);
