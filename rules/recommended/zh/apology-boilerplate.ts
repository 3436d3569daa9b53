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
          { text: '非常抱歉给您带来的不便，我们会继续改进服务，感谢您的反馈。', context: { situation: 'shipping-delay' }, note: 'The apology first, and a general promise to improve is no action on this problem.' },
          { text: '造成您的不便，敬請見諒，謝謝您的耐心。', context: { situation: 'billing-failure' } },
          { text: '对此给您造成的困扰，我们深表歉意。', context: { situation: 'complaint' } },
        ],
        good: [
          { text: '由于系统故障，您的订单被重复扣款，我们已为您退回多扣的199元，给您带来不便，敬请谅解。' },
          { text: '很抱歉您的包裹延误了三天。快递已于今天上午重新派送，预计明天送达。' },
          { text: '感谢您的耐心，问题已经解决。' },
          { text: '非常抱歉给您带来不便。您的包裹因暴雨在杭州中转站滞留了两天，今天已经发出，预计周四送达。', context: { situation: 'shipping-delay' } },
          { text: '您好，服务已于今天上午10:15恢复，您的数据没有丢失。给您带来不便，敬请谅解。', context: { situation: 'outage' } },
        ],
      },
    },
  },
  (context) => {
    for (const span of boilerplateApologies(context, {
      // 给您带来（的）不便，敬请谅解 / 造成您的不便，敬請見諒 / 对此给您造成的困扰，深表歉意; and the apology first: 非常抱歉给您带来的不便.
      stock: /(?:(?:对|對)(?:此|于|於)?)?(?:给|給|为|為)?您?(?:带来|帶來|造成)(?:了)?(?:您)?(?:的)?(?:任何|诸多|諸多|一些)?(?:不便|困扰|困擾|麻烦|麻煩)(?:之处|之處)?[，,、]?\s*(?:我们|我們)?(?:在此)?(?:敬请谅解|敬請諒解|敬请见谅|敬請見諒|请见谅|請見諒|深表歉意|深感抱歉|深感歉意|非常抱歉|十分抱歉|尽请谅解|請諒解|请谅解|表示歉意|致以歉意|致歉)|(?:非常|十分|很|深感|实在|實在)?(?:抱歉|对不起|對不起)[，,]?\s*(?:给|給|为|為)您?(?:带来|帶來|造成)(?:了)?(?:的)?(?:任何)?(?:不便|困扰|困擾|麻烦|麻煩)|(?:如有|若有)不便[，,、]?\s*(?:敬请谅解|敬請諒解|请见谅|請見諒)|不便之处[，,、]?\s*(?:敬请谅解|敬請諒解|请见谅|請見諒)|不便之處[，,、]?\s*(?:敬請諒解|請見諒)/,
      // 因 alone as in 因暴雨, but not 因此 (therefore).
      cause: /因(?!此)|由于|由於|原因|导致|導致|造成了/,
      problem: /扣款|多扣|重复|重複|延误|延誤|延迟|延遲|滞留|滯留|耽误|耽誤|故障|错误|錯誤|失败|失敗|过期|過期|丢失|遺失|丢件|破损|破損|损坏|損壞|宕机|中断|中斷|断网|斷網|无法|無法|异常|異常|漏发|错发|超时/,
      action: /已经|已經|已为您|已為您|已(?:退|补|補|修|恢复|恢復|处理|處理|重新|安排|更换|更換|解决|解決)|正在|将于|將於|会在|會在|预计|預計|为您(?:退|补|重新|安排)|恢复|恢復|修复|修復|退回|补发|補發|重新发|催促|加急/,
    })) {
      context.report({ message: `"${span.text}" is a stock apology; say what went wrong and what you are doing about it.`, start: span.start, end: span.end });
    }
  },
);
