import { defineRule } from '@preach/core';
import { NEEDS_A_TIME, vagueTimes } from '../../src/helpers/languages.js';

export default defineRule(
  {
    id: 'th/vague-timeline',
    languages: ['th'],
    category: 'responsible',
    severity: 'warning',
    fixable: false,
    when: { situation: NEEDS_A_TIME },
    docs: {
      description: 'เวลาแบบกว้างๆ ("เร็วๆ นี้", "โดยเร็วที่สุด", "อีกสักพัก") ในสถานการณ์ที่ลูกค้าต้องรู้เวลา (ชำระเงินไม่สำเร็จ ระบบล่ม ความปลอดภัย คืนเงิน พัสดุล่าช้า เข้าบัญชีไม่ได้ ร้องเรียน)',
      why: 'ลูกค้าที่จ่ายเงินไม่ได้หรือใช้บริการไม่ได้ต้องวางแผนต่อ "จะดำเนินการให้โดยเร็วที่สุด" ไม่ได้บอกอะไรเลย ให้บอกเวลาหรือวันที่ชัดเจน ("ภายในวันนี้ 17.00 น.", "ภายใน 3 วันทำการ") ถ้ายังไม่รู้ ให้บอกว่าจะแจ้งความคืบหน้าอีกครั้งเมื่อไร',
      examples: {
        bad: [
          { text: 'ทางเราจะคืนเงินให้โดยเร็วที่สุดค่ะ', context: { situation: 'refund' } },
          { text: 'ระบบจะกลับมาใช้งานได้เร็วๆ นี้ครับ', context: { situation: 'outage' } },
          { text: 'พัสดุจะถึงในไม่ช้านี้ค่ะ รบกวนรออีกนิดนะคะ', context: { customerMessage: 'สั่งของไปสองอาทิตย์แล้วยังไม่ได้ของเลยค่ะ พัสดุล่าช้ามาก' } },
          { text: 'สินค้าเข้าคลังแล้วและจะถึงมือคุณภายในไม่กี่วันนี้ค่ะ', context: { situation: 'shipping-delay' }, note: '"Within a few days" answers "when?" with no date.' },
          { text: 'รีเซ็ตบัญชีให้แล้วค่ะ รหัสผ่านชั่วคราวคือ Kp7x92Lm อีกสักพักลองเข้าสู่ระบบใหม่นะคะ', context: { situation: 'account-access' }, note: 'The digits of a code are no time.' },
          { text: 'ระบบจะกลับมาใช้งานได้ในอีกสักครู่ครับ', context: { situation: 'outage' } },
          { text: 'เงินคืนจะเข้าบัญชีในเร็ววันค่ะ ยอด 1,250 บาทค่ะ', context: { situation: 'refund' }, note: 'An amount is no time.' },
        ],
        good: [
          { text: 'ทางเราจะคืนเงินให้โดยเร็วที่สุด ไม่เกินพรุ่งนี้ 15.00 น. ค่ะ', context: { situation: 'refund' } },
          { text: 'ระบบจะกลับมาใช้งานได้ภายในคืนนี้ 22.00 น. ครับ', context: { situation: 'outage' } },
          { text: 'เงินคืนจะเข้าบัญชีภายใน 3-5 วันทำการค่ะ', context: { situation: 'refund' } },
          { text: 'ช่างจะเข้าไปแก้ไขให้เร็วๆ นี้ค่ะ คือพรุ่งนี้ช่วง 9.00-12.00 น. ค่ะ', context: { situation: 'outage' } },
          { text: 'พัสดุจะถึงภายในไม่กี่วันนี้ค่ะ คือไม่เกินวันที่ 7 มิ.ย. ค่ะ', context: { situation: 'shipping-delay' } },
          { text: 'กรุณารอสักครู่นะคะ ดิฉันกำลังตรวจสอบรายการให้ค่ะ', context: { situation: 'billing-failure' }, note: 'A moment on hold while the agent checks is no promised time.' },
          { text: 'เงินคืนจะเข้าบัญชีโดยเร็วที่สุด ภายใน 3-5 วันทำการค่ะ', context: { situation: 'refund' } },
        ],
      },
    },
  },
  (context) => {
    for (const vague of vagueTimes(context, {
      vague: /เร็ว\s*ๆ\s*นี้|โดยเร็วที่สุด|เร็วที่สุด|โดยเร็ว|ในเร็ววัน|ในไม่ช้า(?:นี้)?|อีกสักพัก|อีกสักครู่|อีกไม่นาน|(?:ภายใน|อีก|ใน)?ไม่กี่(?:วัน|ชั่วโมง|สัปดาห์|อาทิตย์|นาที)(?:นี้)?|ในเวลาอันใกล้|ภายหลัง|ในภายหลัง/,
      // A number is a time only as a clock time, a date or a count of time units: not a code, an amount or a phone number.
      concrete: /[\d๐-๙]{1,2}[:.][\d๐-๙]{2}\s*(?:น\.|นาฬิกา|-)|[\d๐-๙]{1,2}:[\d๐-๙]{2}|[\d๐-๙]+\s*(?:[-–]\s*[\d๐-๙]+\s*)?(?:น\.|นาฬิกา|โมง|ทุ่ม|นาที|ชั่วโมง|ชม\.|วัน|สัปดาห์|อาทิตย์|เดือน|ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค|มกรา|กุมภา|มีนา|เมษา|พฤษภา|มิถุนา|กรกฎา|สิงหา|กันยา|ตุลา|พฤศจิกา|ธันวา)|(?:วันที่|ภายใน|ก่อน|เวลา|ไม่เกิน)\s*[\d๐-๙]|(?<!กี่)วันนี้|พรุ่งนี้|มะรืน|คืนนี้|เช้านี้|บ่ายนี้|เย็นนี้|สัปดาห์นี้|สัปดาห์หน้า|อาทิตย์นี้|อาทิตย์หน้า|วัน(?:จันทร์|อังคาร|พุธ|พฤหัส|ศุกร์|เสาร์|อาทิตย์)|วันทำการ|ชั่วโมง|นาที|เที่ยง|สิ้นเดือน/,
    })) {
      context.report({ message: `"${vague.text}" gives no time, and in a ${context.reply.situation.id} conversation the customer needs one: say by when (ภายในวันนี้ 17.00 น., ภายใน 3 วันทำการ).`, start: vague.start, end: vague.end });
    }
  },
);
