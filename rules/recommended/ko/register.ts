import { defineRule, type Span } from '@preach/core';
import { insideQuote, quotedSpans } from '../../src/helpers/languages.js';

/** The sentence's last word, with what trails it (punctuation, ㅋㅋ, emoji, ^^) left off. */
const LAST_WORD = /([가-힣]+)[^가-힣]*$/;
/**
 * 반말 endings: plain-speech forms an agent never uses to a customer (해, 줘, 거야, 했어, 알겠어,
 * 할게, ~냐). 니/지 only as a question (했니? 맞지?); 올해 ("this year") is not 해.
 */
const BANMAL = /(?:(?<![올작매새])해|줘|봐|돼|꿔|춰|둬|뤄|(?<![배우고염])려|켜|꺼|써|거야|이야|잖아|거든|할게|줄게|볼게|드릴게|할래|알아|몰라|맞아|그래|좋아|싫어|[가-힣]냐)$/;
/** 놨어, 샀어, 했어, 없어: a past or existence stem (final ㅆ) with a bare 어/아 is plain speech. */
const HANGUL_FINAL_SS = 20;
function pastBanmal(ending: string): boolean {
  if (ending.length < 2 || !/[어아]$/.test(ending)) return false;
  const code = ending.charCodeAt(ending.length - 2) - 0xac00;
  return code >= 0 && code < 11172 && code % 28 === HANGUL_FINAL_SS;
}
const BANMAL_QUESTION = /(?:니|지|냐|어|아)$/;
/** 해요체 ends in 요 (…해요, …세요, …죠); 합쇼체 in 니다 / 니까. */
const HAEYO = /(?:요|죠)$/;
const HAPSYO = /(?:니다|니까)$/;
/**
 * A request or a warning (…해 주세요, …하지 마세요, …해 주십시오) sits in either style: a reply in
 * 합쇼체 asks "확인해 주세요" as naturally as one in 해요체, so these are not counted as a mix.
 */
const REQUEST = /(?:주세요|마세요|주십시오|마십시오|십시오)$/;
/** Set phrases that sit in either style: the greeting, the closing wish, a thank-you on its own. */
const FORMULA = /^(?:[가-힣]+\s*님?,?\s*)?안녕하세요|(?:좋은|행복한|즐거운|편안한)\s*(?:하루|주말|저녁|시간)\s*(?:보내|되)세요|수고하세요|^(?:[가-힣]+\s*)?(?:대단히\s*|정말\s*|진심으로\s*)?(?:감사합니다|고맙습니다|감사드립니다)$/;

export default defineRule(
  {
    id: 'ko/register',
    languages: ['ko'],
    category: 'human',
    severity: 'warning',
    fixable: false,
    docs: {
      description: '고객에게 반말 어미(해, 줘, 거야, 했어, 알겠어, ~냐)를 쓰거나, 한 답변 안에서 해요체(…해요, …세요)와 합쇼체(…습니다, …습니까)를 섞어 쓰는 경우. 부탁과 당부(…해 주세요, …하지 마세요)는 어느 쪽에도 어울려 세지 않습니다.',
      why: '고객에게 반말은 무례하게 들리고, 특히 결제 실패나 불만 상황에서는 분노를 키웁니다. 해요체와 합쇼체를 오가면 여러 사람이 쓴 글처럼 어색하니 한 답변 안에서는 한 가지로 통일하세요. "안녕하세요", "좋은 하루 보내세요" 같은 인사말은 어느 쪽에도 어울려 세지 않습니다.',
      examples: {
        bad: [
          { text: '비밀번호 다시 입력해 봐. 그래도 안 되면 알려 줘.', count: 2 },
          { text: '결제 오류는 확인했어. 내일까지 처리할게.', count: 2 },
          { text: '환불은 오늘 처리했어요. 영업일 기준 3일 이내에 입금됩니다.' },
          { text: '왜 아직도 로그인이 안 되냐?' },
          { text: '임시 비밀번호 만들어 놨어. 로그인하고 바로 바꿔.', count: 2 },
          { text: '주문은 어제 취소됐고 환불도 벌써 넣었어.', count: 1 },
        ],
        good: [
          { text: '안녕하세요, 김민준 고객님. 환불은 오늘 처리되었습니다. 영업일 기준 3일 이내에 입금됩니다. 감사합니다.' },
          { text: '안녕하세요! 주문하신 상품은 내일 도착해요. 궁금한 점이 있으면 언제든 말씀해 주세요.' },
          { text: '카드 정보를 변경해 주시면 바로 결제됩니다. 좋은 하루 보내세요.' },
          { text: '올해 요금제는 작년과 같습니다.' },
          { text: '환불은 오늘 처리해 드렸어요. 3일 안에 입금될 거예요. 감사합니다.' },
          { text: '인증번호는 누구에게도 알려 주지 마세요. 저희는 인증번호를 요청하지 않습니다.' },
          { text: '고객님께서 "왜 아직도 안 와?"라고 남기신 주문은 오늘 오후에 출발했습니다. 내일 도착합니다.', note: 'The customer\'s own words, quoted.' },
          { text: '해당 상품은 \'교환·환불 불가\' 상품입니다. 대신 적립금으로 보상해 드리겠습니다.' },
        ],
      },
    },
  },
  (context) => {
    if (!/[가-힣]/.test(context.prose)) return;
    const haeyo: Span[] = [];
    const hapsyo: Span[] = [];
    const quotes = quotedSpans(context.prose);
    for (const sentence of context.analysis.sentences()) {
      const word = LAST_WORD.exec(sentence.text);
      if (!word) continue;
      const ending = word[1]!;
      const at = sentence.start + word.index!;
      if (insideQuote(quotes, at)) continue;
      const question = /[?？]\s*$/.test(sentence.text);
      if (BANMAL.test(ending) || pastBanmal(ending) || (question && BANMAL_QUESTION.test(ending) && !HAEYO.test(ending) && !HAPSYO.test(ending))) {
        context.report({ message: `"${ending}" is 반말 (plain speech) to a customer; use 해요체 or 합쇼체 (…해요 / …합니다).`, start: at, end: at + ending.length });
        continue;
      }
      if (FORMULA.test(sentence.text.replace(/[\s\p{P}\p{S}ㄱ-ㅎㅏ-ㅣ]+$/u, '')) || REQUEST.test(ending)) continue;
      if (HAPSYO.test(ending)) hapsyo.push({ start: at, end: at + ending.length, text: ending });
      else if (HAEYO.test(ending)) haeyo.push({ start: at, end: at + ending.length, text: ending });
    }
    if (haeyo.length === 0 || hapsyo.length === 0) return;
    // Point at the style used less: that is the one to change.
    const odd = haeyo.length <= hapsyo.length ? haeyo[0]! : hapsyo[0]!;
    const style = haeyo.length <= hapsyo.length ? '해요체' : '합쇼체';
    context.report({ message: `This reply mixes 해요체 (${haeyo.length}) and 합쇼체 (${hapsyo.length}); "${odd.text}" is ${style}: keep to one style.`, start: odd.start, end: odd.end });
  },
);
