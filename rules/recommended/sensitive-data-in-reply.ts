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
const LABELLED_SECRET = /\b(?:(?:temporary\s+|temp\s+|new\s+)?password|passcode|PIN|CVV2?|CVC|security\s+code|one[\s-]time\s+code|verification\s+code)\s*(?:is|:|=|-)?\s*["'`“]?((?![*•xX]+(?:\s|$))(?!\d+[\s-](?:digits?|characters?|chars?|numbers?)\b|\d+\s*(?:자리|位|หลัก|ตัว))(?=[^\s"'`”]*[\d!@#$%^&*])[^\s"'`”]{3,40})/gi;
/** Order, tracking and ticket numbers labelled in Chinese, Korean or Thai. */
const OTHER_LABEL_CJK_THAI = /(?:订单|訂單|单号|單號|运单|快递|快遞|物流|工单|工單|电话|電話|手机|주문|송장|운송장|접수|전화|คำสั่งซื้อ|พัสดุ|เลขที่|โทร)[^\d]{0,14}$/;
/**
 * The same written out in Chinese, Korean or Thai: 您的临时密码是：Abc12345, 임시 비밀번호는 48213입니다,
 * รหัสผ่านชั่วคราวคือ Abc12345; Thai may put ชั่วคราว or ของคุณ after the label (รหัส PIN ชั่วคราวคือ
 * 552193). "请勿透露验证码" names a code without giving one, and is left alone.
 */
const LABELLED_SECRET_CJK_THAI = /(?:临时密码|臨時密碼|新密码|新密碼|密码|密碼|验证码|驗證碼|安全码|安全碼|PIN\s*码|임시\s*비밀번호|새\s*비밀번호|비밀번호|인증번호|보안\s*코드|รหัสผ่านชั่วคราว|รหัสผ่านใหม่|รหัสผ่าน|รหัส\s*OTP|รหัสยืนยัน|รหัส\s*PIN)(?:\s*(?:ชั่วคราว|ใหม่))?(?:\s*ของ(?:คุณ|ท่าน|ลูกค้า))?\s*(?:是|为|為|는|은|คือ|=)?\s*[:：]?\s*["'“「]?((?=[A-Za-z0-9!@#$%^&*._-]*[\d!@#$%^&*])[A-Za-z0-9!@#$%^&*._-]{4,40})/g;

/**
 * The word for a payment card right before a full-length number (บัตรเครดิตหมายเลข 4532 7811 2209 5566,
 * 카드 5412 7534 9821 0046, 银行卡6222 0212 3456 7890, card number 4532…): a reviewer reads that as the
 * card whether or not the digits pass the Luhn check. Only 15-16 digits, written whole or in the
 * groups cards print (4-4-4-4, Amex 4-6-5), and not a store's membership or gift card.
 */
const CARD_WORD_BEFORE = /(?:\b(?:(?:credit|debit|bank|payment)\s+)?(?<!member(?:ship)?\s|loyalty\s|gift\s|reward\s)card(?:\s+(?:number|no\.?|#))?|(?:银行|銀行|信用|借记|借記|储蓄|儲蓄)?(?<!会员|會員|积分|積分|购物|購物|礼品|禮品|储值|儲值)卡(?:号|號)?(?:码|碼)?|(?:신용|체크|직불)?\s?(?<!멤버십\s?|포인트\s?|기프트\s?)카드(?:\s?번호)?|บัตร(?:เครดิต|เดบิต|ATM)?(?:\s*(?:หมายเลข|เลขที่|เลข))?)\s*[:：]?\s*$/i;
const CARD_SHAPE = /^(?:\d{4}([ -]?)\d{4}\1\d{4}\1\d{4}|\d{4}([ -]?)\d{6}\2\d{5})$/;

/**
 * A password given as what to sign in with, a sentence or two after the word for it: "임시 비밀번호
 * 만들어 놨어요. abc12345로 로그인하세요", "临时密码设好了，用Qx7k2m9p登录". Letters and digits both,
 * so a plain word is not taken for one.
 */
const SIGN_IN_WITH_CJK_THAI = /(?:비밀번호|密码|密碼|รหัสผ่าน)[^\n]{0,40}?(?<![A-Za-z0-9!@#$%^&*._-])((?=[A-Za-z0-9!@#$%^&*._-]*\d)(?=[A-Za-z0-9!@#$%^&*._-]*[A-Za-z])[A-Za-z0-9!@#$%^&*._-]{6,40})(?:\s*(?:으로|로)\s*(?:로그인|접속)|\s*(?:登录|登入|登錄|登陆|登陸)|\s*(?:เพื่อ)?\s*(?:เข้าสู่ระบบ|ล็อกอิน))/g;

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
      description: 'A full card number (12-19 digits passing the Luhn check, or 15-16 digits in card groups right after the word for a payment card: "card 4532 7811 2209 5566", 银行卡6222 …), a password, PIN or API key pasted into the reply. The last four digits are fine; order, tracking, membership and gift card numbers are not cards.',
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
          { text: 'ทางธนาคารได้อายัดบัตรเครดิตหมายเลข 4532 7811 2209 5566 ของคุณเรียบร้อยแล้วครับ', fixed: 'ทางธนาคารได้อายัดบัตรเครดิตหมายเลข •••• 5566 ของคุณเรียบร้อยแล้วครับ', note: 'The word for card right before a full 16-digit number: the card, Luhn-valid or not.' },
          { text: '도용 신고하신 카드 5412 7534 9821 0046은 오늘 사용 정지했습니다.', fixed: '도용 신고하신 카드 •••• 0046은 오늘 사용 정지했습니다.' },
          { text: '您挂失的银行卡6222 0212 3456 7890已于今天15:12冻结。', fixed: '您挂失的银行卡•••• 7890已于今天15:12冻结。' },
          { text: '임시 비밀번호 만들어 드렸습니다. abc12345로 로그인하신 뒤 바로 변경해 주세요.', note: 'The password given as what to sign in with.' },
          { text: '临时密码已经设好了，请用Qx7k2m9p登录后立即修改。' },
          { text: 'We have blocked card 4532-7811-2209-5566 as you asked.', fixed: 'We have blocked card •••• 5566 as you asked.' },
        ],
        good: [
          { text: '请勿向任何人透露验证码，我们的客服不会索要您的密码。' },
          { text: '결제에 사용하신 카드 끝자리 4242를 확인했습니다.' },
          { text: 'เลขพัสดุของคุณคือ 4111111111111111 ค่ะ' },
          { text: 'รหัส PIN ชั่วคราวจะส่งทาง SMS ภายใน 5 นาทีค่ะ กรุณาอย่าแจ้งรหัสนี้กับใครนะคะ' },
          { text: 'I can see the charge on the card ending in 1111 from 2 May.' },
          { text: 'Your order number is 4000 1234 5678 9017 and it ships today.' },
          { text: '주문번호 5412 7534 9821 0046으로 결제가 확인되었습니다.', note: 'An order number, even beside a card-like prefix.' },
          { text: 'เลขพัสดุ 4532 7811 2209 5566 ส่งถึงภายในวันพรุ่งนี้ค่ะ' },
          { text: '您的会员卡6222 0212 3456 7890已激活，积分可直接抵扣。', note: 'A shop\'s membership card is not a payment card.' },
          { text: '您的快递单号是4532781122095566，今天已发出。' },
          { text: 'Your gift card 4532 7811 2209 5566 has been topped up.' },
          { text: '카드 뒷면 CVC 3자리는 누구에게도 알려 주지 마세요.', note: 'A count of digits is not the code.' },
          { text: '아이디 kim1234로 로그인하신 뒤 비밀번호를 재설정해 주세요.', note: 'A user name is no secret.' },
          { text: '密码重置后，请用您的手机号13800138000登录。' },
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
        if (digits.length < 12 || digits.length > 19 || !CARD_PREFIX.test(digits)) continue;
        const before = text.slice(Math.max(0, run.start - 40), run.start);
        if (OTHER_LABEL.test(before) || OTHER_LABEL_CJK_THAI.test(before)) continue;
        if (!passesLuhn(digits) && !(CARD_SHAPE.test(run.text) && CARD_WORD_BEFORE.test(before))) continue;
        context.report({
          message: 'A full card number is in the reply; refer to the card by its last four digits.',
          start: run.start,
          end: run.end,
          fix: mask(digits),
        });
      }
    }
    const labelled = context.reply.language.id === 'en' ? [LABELLED_SECRET] : [LABELLED_SECRET, LABELLED_SECRET_CJK_THAI, SIGN_IN_WITH_CJK_THAI];
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
