import { defineRule } from '@preach/core';
import { boilerplateApologies } from '../../src/helpers/languages.js';

export default defineRule(
  {
    id: 'ko/apology-boilerplate',
    languages: ['ko'],
    category: 'empathetic',
    severity: 'warning',
    fixable: false,
    docs: {
      description: '"불편을 드려 죄송합니다" 같은 상투적인 사과만 있고, 무엇이 잘못됐고 무엇을 하고 있는지가 없는 답변.',
      why: '"이용에 불편을 드려 죄송합니다"는 어느 문의에나 붙는 문장이라, 고객은 자기 문제를 아무도 읽지 않았다고 느낍니다. 무엇이 잘못됐는지, 무엇을 했는지 말해 주세요. 같은 답변에 그 내용이 있다면 이 문장은 괜찮습니다.',
      examples: {
        bad: [
          { text: '불편을 드려 죄송합니다.' },
          { text: '고객님, 이용에 불편을 끼쳐 드려 대단히 죄송합니다. 너그러운 양해 부탁드립니다.', count: 2 },
          { text: '불편을 드려 죄송합니다. 더 나은 서비스를 위해 노력하겠습니다.', note: 'A promise to do better in general is no action on this problem.' },
        ],
        good: [
          { text: '시스템 오류로 결제가 두 번 청구되었습니다. 중복 청구된 29,000원은 오늘 환불 처리했습니다. 불편을 드려 죄송합니다.' },
          { text: '배송이 사흘이나 늦어져 죄송합니다. 택배사에 확인해 보니 내일 오전에 도착할 예정입니다.' },
          { text: '문의해 주셔서 감사합니다. 좋은 하루 보내세요.' },
          { text: '불편을 드려 죄송합니다. 어젯밤 점검 중 오류로 같은 금액이 두 번 결제되었습니다. 두 번째 결제는 오늘 오전에 취소했고, 3영업일 안에 카드사에 반영됩니다.', note: 'The stock apology beside what went wrong and what was done is fine.' },
          { text: '불편을 드려 죄송해요. 태풍으로 부산 물류센터 출고가 이틀 밀렸어요. 주문하신 상품은 오늘 출고됐고 목요일 도착 예정이에요.', context: { situation: 'shipping-delay' } },
        ],
      },
    },
  },
  (context) => {
    for (const span of boilerplateApologies(context, {
      stock: /(?:이용에\s*|이용\s*중\s*)?(?:많은\s*|큰\s*)?불편(?:을|함을)?\s*(?:드려|끼쳐\s*드려|끼쳐|드리게\s*되어|드린\s*점)\s*(?:대단히\s*|정말\s*|진심으로\s*|매우\s*|깊이\s*)?(?:죄송합니다|죄송해요|사과드립니다|사과의\s*말씀\s*드립니다)|(?:너그러운\s*)?양해\s*(?:부탁드립니다|부탁드려요|바랍니다|해\s*주시기\s*바랍니다)/,
      cause: /때문|원인|으로\s*인해|로\s*인해|탓에|오류로/,
      problem: /결제|청구|오류|장애|지연|늦어|늦게|밀렸|밀려|중복|실패|누락|파손|분실|접속|로그인|배송|끊겼|끊겨|중단|고장|불량|착오/,
      // Done or under way, in any ending: 취소했고, 오늘 출고됐고, 3영업일 안에 반영됩니다, 도착 예정이에요.
      action: /했습니다|했어요|했고|했으며|드렸습니다|드렸어요|드렸고|하겠습니다|드리겠습니다|할\s*예정|될\s*예정|도착\s*예정|예정입니다|예정이에요|진행\s*중|처리|조치|환불|복구|수정|재발송|교환|취소했|취소해\s*드|반영됩|반영될|출고됐|출고되었|발송했|발송됐|발송되었/,
    })) {
      context.report({ message: `"${span.text}" is a stock apology; say what went wrong and what you are doing about it.`, start: span.start, end: span.end });
    }
  },
);
