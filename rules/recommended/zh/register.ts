import { defineRule } from '@preach/core';
import { insideQuote, quotedSpans } from '../../src/helpers/languages.js';
import { findAll } from '../../src/helpers/sentences.js';

/**
 * 你 (and 妳) speaking to the customer, where the team writes 您. 你们 / 你們 is "you (plural)",
 * often about others (a courier, a shop), and is left alone; 迷你 ("mini") is not a pronoun.
 */
const INFORMAL_YOU = /(?<!迷)[你妳](?![们們])/g;

export default defineRule(
  {
    id: 'zh/register',
    languages: ['zh'],
    category: 'human',
    severity: 'warning',
    fixable: true,
    docs: {
      description: '用“你”称呼客户：团队默认用敬称“您”（“你们”指多人，不算）。',
      why: '客服回复里，“您”是对客户的基本尊重，“你”在中文客服语境里显得随便，在投诉和扣款问题上更像是不耐烦。“你们”指的是第三方（快递、商家）时不受影响。',
      examples: {
        bad: [
          { text: '你好，你的退款已经处理好了。', count: 2, fixed: '您好，您的退款已经处理好了。' },
          { text: '麻烦你重新登录一下试试。' },
          { text: '妳的訂單已經出貨了。' },
        ],
        good: [
          { text: '您好，您的退款已经处理好了。' },
          { text: '我们已联系你们当地的快递网点，请您留意电话。' },
          { text: '这款迷你音箱目前有货，您可以直接下单。' },
          { text: '您在留言里说“你们到底什么时候发货？你说清楚”，这是我们的问题，包裹今天下午已发出。', note: 'The customer\'s own words, quoted.' },
        ],
      },
    },
  },
  (context) => {
    if (!/[你妳]/.test(context.prose)) return;
    const quotes = quotedSpans(context.prose);
    for (const you of findAll(INFORMAL_YOU, context.prose)) {
      if (insideQuote(quotes, you.start)) continue;
      context.report({ message: `"${you.text}" to a customer: the team writes 您.`, start: you.start, end: you.end, fix: '您' });
    }
  },
);
