import { defineRule } from '@preach/core';
import { boilerplateApologies } from '../../src/helpers/languages.js';

export default defineRule(
  {
    id: 'zh/apology-boilerplate',
    languages: ['zh'],
    category: 'empathetic',
    severity: 'warning',
    fixable: false,
    docs: {
      description: '套话式道歉（“给您带来不便，敬请谅解”）单独出现，回复里没有说清出了什么问题、正在怎么处理。',
      why: '“给您带来不便，敬请谅解”谁都会说，客户读到的是“没人看过我的问题”。道歉要具体：说出哪里出了错、我们做了什么。同一封回复里已经说清楚了，这句客套话就无妨。',
      examples: {
        bad: [
          { text: '给您带来不便，敬请谅解。' },
          { text: '您好，对于给您造成的不便我们深表歉意，感谢您的理解与支持。' },
          { text: '不便之处，敬請諒解。' },
        ],
        good: [
          { text: '由于系统故障，您的订单被重复扣款，我们已为您退回多扣的199元，给您带来不便，敬请谅解。' },
          { text: '很抱歉您的包裹延误了三天。快递已于今天上午重新派送，预计明天送达。' },
          { text: '感谢您的耐心，问题已经解决。' },
          { text: '您好，服务已于今天上午10:15恢复，您的数据没有丢失。给您带来不便，敬请谅解。', context: { situation: 'outage' } },
        ],
      },
    },
  },
  (context) => {
    for (const span of boilerplateApologies(context, {
      stock: /(?:(?:对|對)(?:此|于|於)?)?(?:给|給)?您?(?:带来|帶來|造成)(?:的|了)?(?:任何)?不便[，,、]?\s*(?:我们|我們)?(?:敬请谅解|敬請諒解|深表歉意|深感抱歉|非常抱歉|十分抱歉|尽请谅解|请谅解|請諒解|表示歉意|致以歉意)|(?:如有|若有)不便[，,、]?\s*(?:敬请谅解|敬請諒解|请见谅|請見諒)|不便之处[，,、]?\s*(?:敬请谅解|敬請諒解|请见谅|請見諒)|不便之處[，,、]?\s*(?:敬請諒解|請見諒)/,
      cause: /因为|因為|由于|由於|原因|导致|導致|造成了/,
      problem: /扣款|重复|重複|延误|延誤|延迟|延遲|故障|错误|錯誤|失败|失敗|过期|過期|丢失|遺失|丢件|破损|破損|宕机|无法|無法|异常|異常|漏发|错发|超时/,
      action: /已经|已經|已为您|已為您|已(?:退|补|補|修|恢复|恢復|处理|處理|重新|安排|更换|更換|解决|解決)|正在|将于|將於|会在|會在|预计|預計|为您(?:退|补|重新|安排)|恢复|恢復|修复|修復|退回|补发|補發|重新发|催促|加急/,
    })) {
      context.report({ message: `"${span.text}" is a stock apology; say what went wrong and what you are doing about it.`, start: span.start, end: span.end });
    }
  },
);
