import { defineRule } from '@preach/core';
import { NEEDS_A_TIME, vagueTimes } from '../../src/helpers/languages.js';

export default defineRule(
  {
    id: 'ko/vague-timeline',
    languages: ['ko'],
    category: 'responsible',
    severity: 'warning',
    fixable: false,
    when: { situation: NEEDS_A_TIME },
    docs: {
      description: '"빠른 시일 내에", "곧", "조만간" 같은 막연한 시간 표현. 고객에게 구체적인 시간이 필요한 상황(결제 실패, 장애, 보안, 환불, 배송 지연, 로그인 불가, 불만)에서.',
      why: '결제가 안 되거나 서비스가 멈춘 고객은 일정을 잡아야 합니다. "빠른 시일 내에 처리하겠습니다"는 아무 약속도 아닙니다. "오늘 오후 5시까지", "영업일 기준 3일 이내"처럼 구체적으로 말하고, 모르면 다음 안내 시각을 알려 주세요.',
      examples: {
        bad: [
          { text: '빠른 시일 내에 환불 처리해 드리겠습니다.', context: { situation: 'refund' } },
          { text: '곧 복구될 예정입니다.', context: { situation: 'outage' } },
          { text: '조만간 배송될 예정이니 조금만 기다려 주세요.', context: { customerMessage: '주문한 지 2주가 지났는데 아직도 배송이 안 왔어요.' } },
          { text: '며칠 안에 입금될 예정입니다. 환불 금액은 32,000원입니다.', context: { situation: 'refund' }, note: 'An amount is no time.' },
          { text: '금방 복구될 거예요. 문의는 1588-0000으로 주세요.', context: { situation: 'outage' }, note: 'A phone number is no time.' },
        ],
        good: [
          { text: '빠른 시일 내에, 늦어도 내일 오후 3시까지 환불 처리해 드리겠습니다.', context: { situation: 'refund' } },
          { text: '서비스는 오늘 밤 10시 전에 복구될 예정이며, 복구되면 바로 알려 드리겠습니다.', context: { situation: 'outage' } },
          { text: '환불은 영업일 기준 3~5일 이내에 카드사로 전달됩니다.', context: { situation: 'refund' } },
          { text: '곧 기사님이 방문하실 거예요. 오늘 오후 2시에서 4시 사이입니다.', context: { situation: 'outage' } },
          { text: '며칠 안에, 늦어도 6월 12일까지 입금됩니다.', context: { situation: 'refund' } },
        ],
      },
    },
  },
  (context) => {
    for (const vague of vagueTimes(context, {
      vague: /빠른\s*시일\s*(?:내에|안에|내로)|최대한\s*빨리|최대한\s*신속히|가능한\s*(?:한\s*)?빨리|조만간|곧(?=\s|$|[.!?,])|추후에?|나중에|머지않아|며칠\s*(?:안에|내에?|이내에?|뒤에?|후에?)|(?<![가-힣])금방/,
      // A number is a time only as a clock time, a date or a count of time units: not a phone number, an amount or a code.
      concrete: /\d{1,2}\s*:\s*\d{2}|\d+\s*(?:[-~]\s*\d+\s*)?(?:시|분|일|주|개월|월|영업일|시간|년)|오늘|내일|모레|이번\s*주|다음\s*주|주말|오전|오후|저녁|아침|밤|[월화수목금토일]요일|영업일|시간\s*(?:이내|안에|내)|분\s*(?:이내|안에|내)|[한두세네]\s*시간|하루|이틀|사흘/,
    })) {
      context.report({ message: `"${vague.text}" gives no time, and in a ${context.reply.situation.id} conversation the customer needs one: say by when (오늘 오후 5시까지, 영업일 기준 3일 이내).`, start: vague.start, end: vague.end });
    }
  },
);
