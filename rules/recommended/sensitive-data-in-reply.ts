import { defineRule } from '@preach/core';
import { findAll } from '../src/helpers/sentences.js';

/** 12-19 digits, optionally grouped by spaces or dashes, as card numbers are written. */
const DIGIT_RUN = /(?<![\w/=.#?&:%-])\d(?:[ -]?\d){11,18}(?![\w/=?&%-]|\.\w)/g;
/** Digits inside a link are an article or record id, not a card. */
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
/** Card networks' leading digits: Visa 4, Mastercard 2/5, Amex 34/37, Discover and UnionPay 6, JCB and Diners 3. */
const CARD_PREFIX = /^(?:4|5[1-5]|2[2-7]|3[47]|3[0568]|6)/;
/** A number labelled as something else is not a card: order, tracking and ticket numbers. */
const OTHER_LABEL = /\b(?:order|tracking|ticket|case|reference|ref|invoice|account|acct|transaction|confirmation|booking|phone|tel|iban|imei|serial|customer|member)(?:\s+(?:number|no\.?|id))?\s*(?:#|:|=|\bis\b|\bwas\b)?\s*$/i;
/**
 * A secret written out: "your password is hunter2", "PIN: 4821", "CVV 123". The value must look
 * like a secret (digits or symbols), so "your password is case-sensitive" stays out.
 */
const LABELLED_SECRET = /\b(?:(?:temporary\s+|temp\s+|new\s+)?password|passcode|PIN|CVV2?|CVC|security\s+code|one[\s-]time\s+code|verification\s+code)\s*(?:is|:|=|-)?\s*["'`“]?((?![*•xX]+(?:\s|$))(?!\d+[\s-](?:digits?|characters?|chars?|numbers?)\b)(?=[^\s"'`”]*[\d!@#$%^&*])[^\s"'`”]{3,40})/gi;
/** Order, tracking and ticket numbers labelled in Chinese, Korean or Thai. */
const OTHER_LABEL_CJK_THAI = /(?:订单|訂單|单号|單號|运单|快递|快遞|物流|工单|工單|电话|電話|手机|주문|송장|운송장|접수|전화|คำสั่งซื้อ|พัสดุ|เลขที่|โทร)[^\d]{0,14}$/;
/**
 * The same written out in Chinese, Korean or Thai: 您的临时密码是：Abc12345, 임시 비밀번호는 48213입니다,
 * รหัสผ่านชั่วคราวคือ Abc12345; Thai may put ชั่วคราว or ของคุณ after the label (รหัส PIN ชั่วคราวคือ
 * 552193). "请勿透露验证码" names a code without giving one, and is left alone.
 */
const LABELLED_SECRET_CJK_THAI = /(?:临时密码|臨時密碼|新密码|新密碼|密码|密碼|验证码|驗證碼|安全码|安全碼|PIN\s*码|임시\s*비밀번호|새\s*비밀번호|비밀번호|인증번호|보안\s*코드|รหัสผ่านชั่วคราว|รหัสผ่านใหม่|รหัสผ่าน|รหัส\s*OTP|รหัสยืนยัน|รหัส\s*PIN)(?:\s*(?:ชั่วคราว|ใหม่))?(?:\s*ของ(?:คุณ|ท่าน|ลูกค้า))?\s*(?:是|为|為|는|은|คือ|=)?\s*[:：]?\s*["'“「]?((?=[A-Za-z0-9!@#$%^&*._-]*[\d!@#$%^&*])[A-Za-z0-9!@#$%^&*._-]{4,40})/g;

/** Secret-looking API keys: Stripe, AWS, GitHub, Slack. */
const API_KEY = /\b(?:sk|rk)_live_[A-Za-z0-9]{10,}|\bAKIA[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{30,}\b|\bxox[abprs]-[A-Za-z0-9-]{10,}/g;

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function mask(digits: string): string {
  return `•••• ${digits.slice(-4)}`;
}

export default defineRule(
  {
    id: 'sensitive-data-in-reply',
    languages: ['en', 'th', 'ko', 'zh'],
    category: 'responsible',
    severity: 'error',
    critical: true,
    fixable: true,
    // What it finds in a sentence never depends on the rest of the reply.
    scope: 'paragraph',
    docs: {
      description: 'A full card number (12-19 digits passing the Luhn check), a password, PIN or API key pasted into the reply. The last four digits are fine.',
      why: 'A reply is stored in the help desk, forwarded and read on lock screens. A full card number in it breaks PCI DSS; a password or key in it is as good as leaked. Refer to cards by their last four digits.',
      examples: {
        bad: [
          { text: '王先生您好，您的临时密码是：Abc12345，请登录后立即修改。' },
          { text: '고객님의 카드 번호 4111 1111 1111 1111로 결제가 확인되었습니다.', fixed: '고객님의 카드 번호 •••• 1111로 결제가 확인되었습니다.' },
          { text: 'คุณสมชายคะ รหัสผ่านชั่วคราวคือ Pass2024! กรุณาเปลี่ยนหลังเข้าสู่ระบบค่ะ' },
          { text: 'รหัสผ่านใหม่ของท่านคือ Kp4471xz ค่ะ', note: 'ของท่าน / ของคุณ (your) between the label and คือ.' },
          { text: 'บัตรใหม่ส่งแล้วครับ รหัส PIN ชั่วคราว: 804412 กรุณาเปลี่ยนที่ตู้ ATM ครับ' },
          { text: 'I can see the charge on card 4111 1111 1111 1111 from 2 May.', fixed: 'I can see the charge on card •••• 1111 from 2 May.' },
          { text: 'Your temporary password is Spring2024! and you can change it after logging in.' },
          { text: 'Use this key: sk_live_51HxYzAbCdEfGhIjKlMn to call the API.' },
        ],
        good: [
          { text: '请勿向任何人透露验证码，我们的客服不会索要您的密码。' },
          { text: '결제에 사용하신 카드 끝자리 4242를 확인했습니다.' },
          { text: 'เลขพัสดุของคุณคือ 4111111111111111 ค่ะ' },
          { text: 'รหัส PIN ชั่วคราวจะส่งทาง SMS ภายใน 5 นาทีค่ะ กรุณาอย่าแจ้งรหัสนี้กับใครนะคะ' },
          { text: 'I can see the charge on the card ending in 1111 from 2 May.' },
          { text: 'Your order number is 4000 1234 5678 9017 and it ships today.' },
          { text: 'Your password is case-sensitive, so check Caps Lock.' },
          { text: 'Call us on 0800 123 4567 8901 any time.' },
          { text: 'The steps are in https://support.example.com/articles/360024008433/connection-troubleshooting' },
          { text: 'Try these tips: https://help.example.com/kb/account/reset-password-sln27051.html' },
        ],
      },
    },
  },
  (context) => {
    const { text } = context;
    // Code blocks and URLs are not prose, but a card number pasted there is leaked all the same.
    if (/\d{4}/.test(text) || /\d[ -]\d/.test(text)) {
      const links = /https?:|www\./i.test(text) ? findAll(URL, text) : [];
      for (const run of findAll(DIGIT_RUN, text)) {
        if (links.some((link) => link.start <= run.start && run.end <= link.end)) continue;
        const digits = run.text.replace(/\D/g, '');
        if (digits.length < 12 || digits.length > 19 || !CARD_PREFIX.test(digits) || !passesLuhn(digits)) continue;
        const before = text.slice(Math.max(0, run.start - 40), run.start);
        if (OTHER_LABEL.test(before) || OTHER_LABEL_CJK_THAI.test(before)) continue;
        context.report({
          message: 'A full card number is in the reply; refer to the card by its last four digits.',
          start: run.start,
          end: run.end,
          fix: mask(digits),
        });
      }
    }
    const labelled = context.reply.language.id === 'en' ? [LABELLED_SECRET] : [LABELLED_SECRET, LABELLED_SECRET_CJK_THAI];
    for (const match of labelled.flatMap((pattern) => [...text.matchAll(pattern)])) {
      const start = match.index!;
      // The label must be prose, not part of a link such as ".../reset-password-123.html".
      if (context.prose[start] !== text[start] || /\/|^https?:|^www\./i.test(match[1]!)) continue;
      context.report({ message: 'A password, PIN or code is written out in the reply; send a reset link instead.', start, end: start + match[0].length });
    }
    if (/_live_|AKIA|gh[pousr]_|xox/.test(text)) {
      for (const match of findAll(API_KEY, text)) {
        context.report({ message: 'A secret key is in the reply; revoke it and never send keys by e-mail or chat.', start: match.start, end: match.end });
      }
    }
  },
);
