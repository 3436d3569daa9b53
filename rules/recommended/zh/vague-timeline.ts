import { defineRule } from '@preach/core';
import { NEEDS_A_TIME, vagueTimes } from '../../src/helpers/languages.js';

export default defineRule(
  {
    id: 'zh/vague-timeline',
    languages: ['zh'],
    category: 'responsible',
    severity: 'warning',
    fixable: false,
    when: { situation: NEEDS_A_TIME },
    docs: {
      description: '“尽快”“稍后”“很快”这类模糊时间，而客户需要一个确切时间（扣款失败、故障、安全、退款、物流延误、无法登录、投诉）。',
      why: '扣款失败或服务中断的客户要安排自己的事，“我们会尽快处理”等于没说。给出具体的时间或日期（“今天下午5点前”“1-3个工作日内”），做不到就说明下次何时更新进展。',
      examples: {
        bad: [
          { text: '您好，我们会尽快为您处理退款。', context: { situation: 'refund' } },
          { text: '技术团队正在排查，稍后恢复。', context: { situation: 'outage' } },
          { text: '您的包裹很快就会送到，请耐心等待。', context: { customerMessage: '我的快递已经延迟一周了，到底什么时候能到？' } },
          { text: '书桌因原材料到货延迟还在生产中，过几天就会发出了。', context: { situation: 'shipping-delay' }, note: '"In a few days" answers "when?" with no date.' },
          { text: '网络将于稍后恢复，给您带来的不便深表歉意。如有疑问请拨打客服热线10010转3号键。', context: { situation: 'outage' }, note: 'A phone number is no time.' },
          { text: '退款会在近日内退回，金额为128元。', context: { situation: 'refund' } },
        ],
        good: [
          { text: '我们会尽快处理，最晚明天下午3点前给您答复。', context: { situation: 'refund' } },
          { text: '服务预计在今晚20:00前恢复，届时我会再通知您。', context: { situation: 'outage' } },
          { text: '退款将在1-3个工作日内退回您的原支付账户。', context: { situation: 'refund' } },
          { text: '工程师很快就到，预计今天下午两点前上门。', context: { situation: 'outage' } },
          { text: '请尽快修改密码，并开启两步验证。', context: { situation: 'security' }, note: '“请尽快”是请客户行动，不是我们答应的时间。' },
          { text: '过几天就能发出，最晚6月12日前发货。', context: { situation: 'shipping-delay' } },
          { text: '我们会尽快处理，24小时内给您回复。', context: { situation: 'complaint' } },
        ],
      },
    },
  },
  (context) => {
    for (const vague of vagueTimes(context, {
      vague: /(?<!请|請|请您|請您|建议您|建議您)(?:尽快|盡快|尽早|盡早|稍后|稍後|很快(?![乐樂活])|马上就|馬上就|过一阵|過一陣|近期|近日|不久|改天|晚些时候|晚些時候|晚点|晚點|回头|回頭|第一时间|第一時間|过(?:几|两|一两)天|過(?:幾|兩|一兩)天|(?:这|這)(?:几|幾)天|(?:几|幾)天(?:内|內|后|後|之内|之內)|过段时间|過段時間|过一段时间|過一段時間|过些天|過些天|日内|日內)/,
      // A number is a time only as a clock time, a date or a count of time units: not a phone number, an amount or a code.
      concrete: /\d{1,2}\s*[:：]\s*\d{2}|\d+\s*(?:[-~～至到]\s*\d+\s*)?(?:点|點|时(?!间)|時(?!間)|分钟|分鐘|小时|小時|天|日|号(?![键鍵线線楼樓码碼])|號(?![鍵線樓碼])|月|周|週|个工作日|個工作日|工作日|星期|h\b)|[一二两三四五六七八九十半]+\s*(?:个|個)?\s*(?:小时|小時|分钟|分鐘|天|日|工作日|周|週|星期)|今天|今日|今晚|明天|明日|后天|後天|周[一二三四五六日末]|週[一二三四五六日末]|星期[一二三四五六日天]|上午|下午|中午|晚上|早上|月底|本周|本週|下周|下週/,
    })) {
      context.report({ message: `"${vague.text}" gives no time, and in a ${context.reply.situation.id} conversation the customer needs one: say by when (今天下午5点前, 1-3个工作日内).`, start: vague.start, end: vague.end });
    }
  },
);
