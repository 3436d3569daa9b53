import { defineRule, type RuleContext, type Span } from '@preach/core';
import { findAll } from '../src/helpers/sentences.js';

/** Words that make a bracketed phrase a merge field rather than a remark ("[sic]", "[GIF]"). */
const FIELD_WORD = /\b(?:name|first|last|full|customer|client|user|agent|order|ticket|case|account|tracking|invoice|number|id|date|time|amount|price|email|e-mail|phone|address|company|product|plan|link|url|insert|placeholder|field|fname|lname|reference|ref|code|city|country)\b/i;
/** The same field words in Chinese (Simplified and Traditional), Korean and Thai, which have no \\b around them. */
const FIELD_WORD_CJK_THAI = /姓名|名字|称呼|稱呼|客户|客戶|顾客|顧客|用户|用戶|会员|會員|订单|訂單|单号|單號|日期|金额|金額|이름|고객|성함|주문|번호|날짜|금액|ชื่อ|ลูกค้า|หมายเลข|วันที่|คำสั่งซื้อ|จำนวนเงิน/;
/** Bracket contents that look like a field but are attachments or remarks help desks insert. */
const NOT_A_FIELD = /^(?:gif|image|img|photo|picture|screenshot|attachment|attached|video|link|sic|redacted|removed|edited|emoji|sticker|x| )$/i;
const HTML_TAG = /^\/?(?:a|b|i|u|p|s|br|hr|em|strong|span|div|ul|ol|li|img|table|tr|td|th|code|pre|sup|sub|small|blockquote|h[1-6])\b/i;

/**
 * Merge-field syntaxes of help desks and mail tools: Liquid and Handlebars (Zendesk, Intercom,
 * Freshdesk, Gorgias), Help Scout's {%…%}, Mailchimp's *|FNAME|*, printf-style %FIELD%, shell
 * ${field}, and the bracketed [Customer Name] / <NAME> that people type into macros.
 */
const PLACEHOLDER = new RegExp(
  [
    String.raw`\{\{[^{}\n]{1,80}\}\}`,
    String.raw`\{%[^%\n]{1,80}%\}`,
    String.raw`\*\|[A-Z0-9_:]{2,40}\|\*`,
    String.raw`\$\{[^{}\n]{1,60}\}`,
    String.raw`(?<![\w{])\{\s*[A-Za-z_][\w. -]{0,40}\}(?!\})`,
    String.raw`(?<![\w%])%[A-Za-z][A-Za-z_]{2,}[A-Za-z0-9_]*%(?![\w%])`,
    String.raw`(?<!\])\[\[?[^\[\]\n]{1,40}\]\]?(?![(\[:])`,
    String.raw`[【〔［][^【】〔〕［］\n]{1,40}[】〕］]`,
    String.raw`<(?![a-z]+:|/?[\w.+-]+@)[^<>\n]{1,40}>`,
  ].join('|'),
  'g',
);

/** A greeting whose merge field was filled with nothing: "Hi ,". */
const EMPTY_GREETING = /^[ \t]*(?:hi|hello|hey|dear)[ \t]+(?=[,!])/gim;

/**
 * A bracketed menu label or button, as help articles write them ("[설정] > [계정]", "ไปที่เมนู
 * [คำสั่งซื้อของฉัน]", "点击【申请开票】", "[주문 내역]으로 이동"): part of a path, or next to a word for
 * going, tapping or a place on the screen, or a label in the user's own words ("my orders").
 */
const PATH_BEFORE = /[\]】］〕][ \t]*(?:>|›|»|→|＞|\/)[ \t]*$/;
const PATH_AFTER = /^[ \t]*(?:>|›|»|→|＞|\/)[ \t]*[[【［〔]/;
const GO_BEFORE = /(?:\b(?:go\s+to|open|click(?:\s+on)?|tap(?:\s+on)?|select|choose|press|under)|เมนู|ปุ่ม|แท็บ|หน้า|ไปที่|กด(?:ที่)?|คลิก(?:ที่)?|แตะ(?:ที่)?|เลือก|เข้า(?:ไป)?(?:ที่)?|点击|點擊|点|點|进入|進入|打开|打開|选择|選擇|前往|切换到|切換到)[ \t]*["“「]?$/i;
const GO_AFTER = /^[ \t]*(?:(?:을|를|으로|로|에서|에|의)?[ \t]*(?:메뉴|버튼|탭|화면|페이지|항목|이동|누르|눌러|클릭|선택|터치|들어가)|(?:页面|頁面|菜单|菜單|按钮|按鈕|栏目|欄目|选项|選項|标签|標籤|页|頁|里|裡)|(?:menu|tab|button|page|screen|section)\b)/i;
/** "My orders", 我的订单, คำสั่งซื้อของฉัน, 내 정보: a merge field never says "my". */
const MY = /^(?:my\s|我的|내\s)|ของฉัน$/i;
/** A link or a person's name is filled in, never tapped: "click [tracking link]", "กด [ชื่อลูกค้า]". */
const FILLED_IN = /\b(?:link|url|name)\b|링크|ลิงก์|ลิงค์|链接|鏈結|网址|網址|ชื่อ|이름|성함|고객명|姓名|名字|称呼|稱呼/i;

function isInterfaceLabel(text: string, before: string, after: string): boolean {
  const inner = text.slice(1, -1).trim();
  if (!inner || /[_{}%|]/.test(inner) || /^[A-Z][A-Z0-9 ]+$/.test(inner) || FILLED_IN.test(inner)) return false;
  return PATH_BEFORE.test(before) || PATH_AFTER.test(after) || MY.test(inner) || GO_BEFORE.test(before) || GO_AFTER.test(after);
}

type Field = 'first' | 'last' | 'full' | 'agent' | 'other';

export default defineRule(
  {
    id: 'template-placeholder',
    languages: ['en', 'th', 'ko', 'zh'],
    category: 'articulate',
    severity: 'error',
    fixable: true,
    docs: {
      description: 'Unfilled macro fields: {{first_name}}, {name}, [Customer Name], %ORDER_ID%, <NAME> and the like.',
      why: 'A placeholder the customer can see says "you are a mail merge". It usually means a macro was sent before its fields were filled, so other details (an order number, a date) may be missing too. When the field is a name and the name is known, the fix fills it in.',
      examples: {
        bad: [
          { text: '{{客户姓名}}您好，您的退款已经处理完毕。' },
          { text: '[고객명] 님, 문의해 주셔서 감사합니다.' },
          { text: '【客户姓名】先生，您好。' },
          { text: 'เรียนคุณ %FIRST_NAME% ค่ะ ทางเราได้รับเรื่องแล้ว' },
          { text: 'Hi {{first_name}}, your refund is on its way.', context: { customerName: 'Priya Raman' }, fixed: 'Hi Priya, your refund is on its way.' },
          { text: 'Dear [Customer Name],\n\nYour order %ORDER_ID% has shipped.', context: { customerName: 'Priya Raman' }, count: 2, fixed: 'Dear Priya,\n\nYour order %ORDER_ID% has shipped.' },
          { text: 'Hi <NAME>, thanks for your patience.' },
          { text: 'Hi *|FNAME|*, your invoice is attached.' },
          { text: 'Hi , your refund is on its way.', context: { customerName: 'Priya Raman' }, fixed: 'Hi Priya, your refund is on its way.' },
          { text: 'Track it here: https://example.com/track/{{tracking_number}}' },
          { text: 'กด [ชื่อลูกค้า] เพื่อยืนยันค่ะ', note: 'A field name stays a field after a tap verb: no menu is called "customer name".' },
          { text: '점검이 끝나면 [주문번호]로 다시 연락드리겠습니다.', note: 'A field word with a particle but no menu verb after it.' },
          { text: 'Click [tracking link] to follow your parcel.', note: 'A link is filled in, not tapped as a label.' },
        ],
        good: [
          { text: '王先生您好，您的订单【2024-1188】已发货。' },
          { text: '김민준 님, 주문하신 상품이 오늘 출고되었습니다.' },
          { text: 'Hi Priya, your order 12345 has shipped.', context: { customerName: 'Priya Raman' } },
          { text: 'In your email template, type `{{first_name}}` where the name should go.' },
          { text: '```\n{"name": "{customer}"}\n```\nThat is the payload our API expects.' },
          { text: 'See [the billing guide](https://example.com/billing) for details. [GIF]' },
          { text: 'Prices went up 20% on Monday; 50% of plans are unaffected.' },
          { text: 'Open https://example.com/search?q=%E2%80%99 to see it.' },
          { text: 'Hi @priya, your refund is on its way. <3' },
          { text: '[설정] > [계정] > [비밀번호 변경] 순서로 들어가시면 바로 바꾸실 수 있어요.', note: 'A menu path: the brackets are labels on the screen.' },
          { text: '홈페이지에 로그인한 뒤 [주문 내역]으로 이동해 [세금계산서 신청]을 누르세요.' },
          { text: 'เข้าสู่ระบบแล้วไปที่เมนู [คำสั่งซื้อของฉัน] จากนั้นกด [ขอใบกำกับภาษี] ค่ะ' },
          { text: 'กดที่ [คำสั่งซื้อของฉัน] > [ขอเปลี่ยนสินค้า] ได้เลยค่ะ' },
          { text: '登录官网，进入【我的订单】，找到订单后点击【申请开票】。' },
          { text: '您可以在App【我的】>【客户服务】里查看工单进度。' },
          { text: '请打开“我的订单”页面，选择[订单详情]按钮查看物流。' },
          { text: 'Go to [Settings] > [Account] > [Customer details] to change it.' },
        ],
      },
    },
  },
  (context) => {
    if (!/[{}[\]<>%|$【〔［]|^\s*(?:hi|hello|hey|dear)\s+[,!]/im.test(context.text)) return;
    const code = codeRanges(context);
    const inCode = (span: Span) => code.some(([start, end]) => span.start >= start && span.end <= end);
    for (const span of findAll(PLACEHOLDER, context.text)) {
      if (inCode(span) || !isPlaceholder(span.text)) continue;
      if (/^[[【［〔]/.test(span.text) && isInterfaceLabel(span.text, context.text.slice(Math.max(0, span.start - 12), span.start), context.text.slice(span.end, span.end + 12))) continue;
      const fill = fillFor(context, fieldOf(span.text));
      context.report({ message: `Unfilled placeholder "${span.text}": fill it in before sending.`, start: span.start, end: span.end, fix: fill });
    }
    for (const span of findAll(EMPTY_GREETING, context.text)) {
      if (inCode(span)) continue;
      const at = span.start + span.text.trimEnd().length;
      const fill = fillFor(context, 'first');
      context.report({ message: 'The greeting has an empty name: a merge field was filled with nothing.', start: at, end: span.end, fix: fill && ` ${fill}` });
    }
  },
);

function isPlaceholder(text: string): boolean {
  if (/^[【〔［]/.test(text)) return FIELD_WORD_CJK_THAI.test(text);
  if (text.startsWith('[') || text.startsWith('<')) {
    const inner = text.replace(/^[[<]+|[\]>]+$/g, '').trim();
    if (!inner || NOT_A_FIELD.test(inner) || /^\d+$/.test(inner)) return false;
    if (text.startsWith('<') && (HTML_TAG.test(inner) || /^[\d\s.,:;=-]/.test(inner))) return false;
    // [ORDER ID], <NAME>, [Customer Name], [insert date]: capitals or a field word.
    return FIELD_WORD.test(inner.replace(/_/g, ' ')) || FIELD_WORD_CJK_THAI.test(inner) || (/^[A-Z][A-Z0-9_ ]+$/.test(inner) && inner.length > 1);
  }
  if (text.startsWith('{') && !text.startsWith('{{') && !text.startsWith('{%')) {
    return FIELD_WORD.test(text.replace(/_/g, ' ')) || /^\{\s*[a-z]+_[a-z_]+\s*\}$/i.test(text);
  }
  return true;
}

function fieldOf(text: string): Field {
  const words = text.toLowerCase().replace(/[_.-]/g, ' ');
  if (/\b(?:agent|assignee|my name|your name|signature)\b/.test(words)) return 'agent';
  if (/\b(?:id|number|email|e mail|phone|address|company|date)\b/.test(words)) return 'other';
  if (/\b(?:last ?name|lname|surname)\b/.test(words)) return 'last';
  if (/\bfull ?name\b/.test(words)) return 'full';
  if (/\b(?:first ?name|firstname|fname|name|customer|requester|user|client)\b/.test(words)) return 'first';
  return 'other';
}

function fillFor(context: RuleContext, field: Field): string | undefined {
  const name = context.reply.customerName;
  switch (field) {
    case 'first':
      return name?.first;
    case 'last':
      return name?.last;
    case 'full':
      return name?.full;
    case 'agent':
      return context.reply.agentName;
    default:
      return undefined;
  }
}

/**
 * Front matter, code spans and fenced blocks: front matter is not sent, and a placeholder in
 * code is being explained ("type `{{first_name}}` in your template"), not left unfilled.
 */
function codeRanges(context: RuleContext): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const frontMatter = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(context.text);
  if (frontMatter) ranges.push([0, frontMatter[0].length]);
  if (!context.text.includes('`') && !context.text.includes('~~~')) return ranges;
  for (const span of findAll(/^(```|~~~)[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))|`[^`\n]+`/gm, context.text)) ranges.push([span.start, span.end]);
  return ranges;
}
