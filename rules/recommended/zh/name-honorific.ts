import { defineRule } from '@preach/core';
import { occurrences, splitEastAsianName } from '../../src/helpers/languages.js';

const COMPOUND_SURNAMES = ['欧阳', '歐陽', '司马', '司馬', '诸葛', '諸葛', '上官', '东方', '東方', '皇甫', '尉迟', '尉遲', '公孙', '公孫', '慕容', '令狐', '夏侯', '长孙', '長孫', '宇文', '司徒', '澹台', '端木'];
const MALE = /^(?:先生)/;
const FEMALE = /^(?:女士|小姐)/;
const TITLE = /^\s*(?:先生|女士|小姐|老师|老師|经理|經理|总|總|同学|同學)/;
/** Where an address opens: the start of the reply or a line, or after a greeting (您好，). */
const ADDRESS_BEFORE = /(?:^|\n|[。！？!?]|(?:您好|你好|亲爱的|親愛的|尊敬的)[，,]?)[ \t]*$/;
/** And what ends it: a comma, a colon or an exclamation mark. */
const ADDRESS_AFTER = /^[ \t]*[，,：:！!]/;
/** An SMS opens with the sender's tag (【速达】小红，…): the address comes right after it. */
const SENDER_TAG = /^[ \t]*[【［\[][^】］\]\n]{1,15}[】］\]][ \t]*$/;
/** A surname with a title, to find someone else's name: 李先生 when the customer is 王伟. */
const TITLED = /([\u4e00-\u9fff]{1,2})(先生|女士|小姐)/g;

export default defineRule(
  {
    id: 'zh/name-honorific',
    languages: ['zh'],
    category: 'human',
    severity: 'warning',
    fixable: true,
    docs: {
      description: '称呼客户时直呼全名（“王伟，”）、用错称谓（给女士称“先生”），或称呼成了别人的姓。',
      why: '中文客服称呼客户用“姓 + 先生/女士”或“您”。直呼全名像点名，性别称谓弄错、姓写错，客户会觉得我们连他是谁都没看清。只有在上下文给出 customer_title（mr / ms）时才检查先生/女士。',
      examples: {
        bad: [
          { text: '王伟，您的退款已经处理好了。', context: { customerName: '王伟' } },
          { text: '王丽，您好。您的发票已寄出。', context: { customerName: '王丽', customerTitle: 'ms' }, fixed: '王女士，您好。您的发票已寄出。' },
          { text: '王先生您好，您的订单已发货。', context: { customerName: '王丽', customerTitle: 'ms' }, fixed: '王女士您好，您的订单已发货。' },
          { text: '李先生您好，您的订单已发货。', context: { customerName: '王伟' } },
          { text: '志明，您的快递明天上午送到。', context: { customerName: '陈志明' }, note: 'The given name alone, as a friend would say it.' },
          { text: '您好，秀英：退款已经原路退回。', context: { customerName: '张秀英' } },
          { text: '【速达】小红，您的包裹在途中延误，预计明天18点前派送。', context: { customerName: '陈小红', customerTitle: 'ms' }, fixed: '【速达】陈女士，您的包裹在途中延误，预计明天18点前派送。', note: 'An SMS opens with the sender\'s tag; the name right after it is the address.' },
        ],
        good: [
          { text: '王先生您好，您的退款已经处理好了。', context: { customerName: '王伟' } },
          { text: '您好，您的订单已发货。', context: { customerName: '王伟' } },
          { text: '王伟先生，您好。您的发票已寄出。', context: { customerName: '王伟' } },
          { text: '【速达】陈女士，您的包裹在途中延误，预计明天18点前派送。', context: { customerName: '陈小红', customerTitle: 'ms' } },
          { text: '欧阳女士您好，退款已原路返回。', context: { customerName: '欧阳娜娜', customerTitle: 'ms' } },
          { text: '王女士您好，您的发票已寄出。', context: { customerName: '王丽女士' } },
          { text: '刘先生，建国路的网点今天照常营业。', context: { customerName: '刘建国' }, note: 'The given name inside a word, not as an address.' },
        ],
      },
    },
  },
  (context) => {
    const customer = context.reply.customerName;
    if (!customer || !/[\u4e00-\u9fff]/.test(customer.full)) return;
    // A name given with its title ("王丽女士", "王先生") says how to address the customer.
    const given = /^(.+?)\s*(先生|女士|小姐)$/.exec(customer.full.replace(/\s+/g, ''));
    const name = splitEastAsianName(given ? given[1]! : customer.full, COMPOUND_SURNAMES);
    const title = context.reply.customerTitle ?? (given ? (given[2] === '先生' ? 'mr' : 'ms') : undefined);
    const prose = context.prose;
    const proper = title === 'ms' ? '女士' : title === 'mr' ? '先生' : undefined;
    const address = proper ? `${name.surname}${proper}` : `${name.surname}先生 / ${name.surname}女士`;
    // A surname alone ("王") is too short to find as a name.
    for (const at of name.given ? occurrences(prose, name.full) : []) {
      if (TITLE.test(prose.slice(at + name.full.length))) continue;
      context.report({ message: `"${name.full}" on its own is a roll call; address the customer as ${address} or 您.`, start: at, end: at + name.full.length, fix: proper && `${name.surname}${proper}` });
    }
    // The given name alone where the reply addresses the customer ("志明，…", "您好，秀英："): how friends
    // and family talk. Inside other words (建国路) it is no address.
    for (const at of name.given.length >= 2 ? occurrences(prose, name.given) : []) {
      if (prose.slice(Math.max(0, at - name.surname.length), at) === name.surname) continue;
      const opensTheReply = ADDRESS_BEFORE.test(prose.slice(Math.max(0, at - 8), at)) || SENDER_TAG.test(prose.slice(0, at));
      if (!opensTheReply || !ADDRESS_AFTER.test(prose.slice(at + name.given.length))) continue;
      context.report({ message: `"${name.given}" alone is how friends talk; address the customer as ${address} or 您.`, start: at, end: at + name.given.length, fix: proper && `${name.surname}${proper}` });
    }
    for (const match of prose.matchAll(TITLED)) {
      const [whole, before, honorific] = match as unknown as [string, string, string];
      const isCustomer = before.endsWith(name.surname) || before.endsWith(name.full);
      if (!isCustomer) {
        // One character before the title is the surname (王先生); two may be a word and a surname (您好李先生).
        const surname = before.slice(-Math.min(before.length, name.surname.length));
        if (!/[您你我他她们們的好是为為给給和与與位]/.test(surname)) context.report({ message: `"${surname}${honorific}" is not this customer (${name.full}): check the name.`, start: match.index! + before.length - surname.length, end: match.index! + whole.length, fix: `${name.surname}${honorific}` });
        continue;
      }
      if ((title === 'ms' && MALE.test(honorific)) || (title === 'mr' && FEMALE.test(honorific))) report(match.index! + before.length, honorific);
    }

    function report(start: number, honorific: string): void {
      context.report({ message: `"${honorific}" for a customer known to be ${title === 'ms' ? 'a woman' : 'a man'}: use ${proper}.`, start, end: start + honorific.length, fix: proper! });
    }
  },
);
