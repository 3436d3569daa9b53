import { defineRule } from '@preach/core';
import { secretRequests } from '../../src/helpers/languages.js';

export default defineRule(
  {
    id: 'th/asks-for-secret',
    languages: ['th'],
    category: 'responsible',
    severity: 'error',
    critical: true,
    fixable: false,
    docs: {
      description: 'ขอให้ลูกค้าส่งรหัสผ่าน รหัส OTP เลขบัตรเต็ม CVV หรือรหัส PIN มาให้',
      why: 'เจ้าหน้าที่ไม่จำเป็นต้องรู้รหัสผ่านหรือรหัส OTP ของลูกค้าเลย มิจฉาชีพที่แอบอ้างเป็นเจ้าหน้าที่ขอ OTP คือกลโกงที่พบบ่อยที่สุด การขอข้อมูลเหล่านี้ในคำตอบผิดมาตรฐาน PCI DSS และสอนลูกค้าให้ยอมบอกรหัสกับ "เจ้าหน้าที่" การยืนยันตัวตนให้ใช้เลขบัตร 4 ตัวท้ายหรือเบอร์โทรที่ลงทะเบียนไว้',
      examples: {
        bad: [
          { text: 'รบกวนคุณสมชายแจ้งเลขบัตรและรหัส CVV เพื่อให้เราตัดเงินใหม่ค่ะ', context: { situation: 'billing-failure' } },
          { text: 'กรุณาส่งรหัส OTP ที่ได้รับทาง SMS มาให้เราด้วยนะคะ' },
          { text: 'รหัสผ่านของคุณ พิมพ์ส่งมาในแชทได้เลยครับ' },
          { text: 'ส่งรหัสผ่านมาให้หน่อยครับ เดี๋ยวแก้ให้' },
          { text: 'รบกวนส่งเลข 3 หลักหลังบัตรมาทางแชทนะคะ', context: { situation: 'billing-failure' }, note: 'The CVV described instead of named is still the CVV.' },
        ],
        good: [
          { text: 'ไม่ต้องส่งเลข 3 หลักหลังบัตรมานะคะ แจ้งแค่เลข 4 หลักสุดท้ายของบัตรก็พอค่ะ' },
          { text: 'ห้ามบอกรหัส OTP กับใครทั้งสิ้นนะคะ เจ้าหน้าที่จะไม่ขอรหัสจากคุณค่ะ' },
          { text: 'รบกวนแจ้งเลขบัตร 4 ตัวท้ายเพื่อให้เราตรวจสอบรายการค่ะ', context: { situation: 'billing-failure' } },
          { text: 'เพื่อความปลอดภัย กรุณาอย่าส่งรหัสผ่านหรือรหัส OTP มาในแชทนะคะ ทางเราไม่จำเป็นต้องใช้ค่ะ', context: { situation: 'security' } },
          { text: 'เราได้ส่งลิงก์ตั้งรหัสผ่านใหม่ไปที่อีเมลของคุณแล้วครับ' },
          { text: 'กรุณากรอกรหัส OTP ที่ได้รับทาง SMS ในแอปเพื่อยืนยันตัวตนค่ะ' },
        ],
      },
    },
  },
  (context) => {
    if (!/รหัส|บัตร|OTP|CVV|CVC|PIN/i.test(context.prose)) return;
    for (const secret of secretRequests(context, {
      secret: /รหัสผ่าน|รหัส\s*OTP|OTP|รหัสยืนยัน|รหัส\s*PIN|(?:เลข|หมายเลข)(?:หน้า)?บัตร(?:เครดิต|เดบิต)?|รหัส\s*CVV|CVV2?|CVC|รหัสหลังบัตร|รหัสความปลอดภัย|(?:ตัว)?เลข\s*(?:3|สาม)\s*(?:หลัก|ตัว)\s*(?:ด้าน)?หลังบัตร/,
      request: /(?:กรุณา|รบกวน|โปรด|ขอให้|ขอความกรุณา)\s*(?:คุณ\S{0,12})?\s*(?:ส่ง|แจ้ง|บอก|ระบุ|กรอก|พิมพ์|แนบ)|(?:ส่ง|แจ้ง|บอก|พิมพ์|ระบุ)[^\n]{0,40}?มา(?:ให้|ทาง|ใน|ที่)|(?:ขอ|ขอทราบ)\s*$/,
      refusal: /อย่า|ห้าม|ไม่ควร|ไม่ต้อง|จะไม่|ไม่มีนโยบาย|ไม่เคย|ระวัง/,
      ownScreen: /(?:ใน|บน)(?:แอป|หน้า|ระบบ|เว็บไซต์|หน้าจอ)/,
      partial: /(?:4|สี่)\s*ตัวท้าย|(?:4|สี่)\s*หลักท้าย|ท้าย\s*(?:4|สี่)\s*(?:ตัว|หลัก)/,
      requestAfter: 'either',
      distance: 30,
      line: true,
    })) {
      context.report({ message: `Asking the customer for their ${secret.text} in a reply: support never needs it, and scammers ask exactly this way.`, start: secret.start, end: secret.end, note: 'ยืนยันตัวตนด้วยเลขบัตร 4 ตัวท้ายหรือเบอร์โทรที่ลงทะเบียนไว้' });
    }
  },
);
