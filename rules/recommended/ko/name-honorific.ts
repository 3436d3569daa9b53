import { defineRule } from '@preach/core';
import { occurrences, splitEastAsianName } from '../../src/helpers/languages.js';

const COMPOUND_SURNAMES = ['남궁', '제갈', '선우', '황보', '독고', '사공', '서문', '동방'];
/** What may follow the customer's name: 님 or 고객님 (김민준 님, 민준 고객님). */
const HONORIFIC_AFTER = /^\s*(?:고객\s*)?님/;
const SSI_AFTER = /^\s*씨/;
/**
 * Someone the reply speaks of, not to: the late (고(故) 김영호 님, 故 김영호 님), or the holder an
 * account or line is in the name of (김영호 님 명의의 회선). A bereaved family's reply names both.
 */
const THIRD_PARTY_BEFORE = /(?:고\s*\(故\)|故|(?<![가-힣])고)\s*$/;
const THIRD_PARTY_AFTER = /^\s?님?\s*(?:의\s*)?명의/;
/** A full name with 님, to catch another person's name: 이서연 님 to 김민준. */
const NAMED = /(?<![가-힣])([김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부][가-힣]{2})\s?님/g;

export default defineRule(
  {
    id: 'ko/name-honorific',
    languages: ['ko'],
    category: 'human',
    severity: 'warning',
    fixable: true,
    docs: {
      description: '고객 이름을 님 없이 부르거나(김민준, / 민준아), 씨를 붙이거나(민준 씨), 다른 사람 이름으로 부르는 경우.',
      why: '상담 답변에서 고객은 "김민준 님", "민준 님" 또는 "고객님"으로 부릅니다. 이름만 부르면 반말처럼, "씨"는 동등하거나 아랫사람을 부르는 말처럼 들립니다. 다른 고객의 이름이 들어간 답변은 복사·붙여넣기 실수를 그대로 보여 줍니다.',
      examples: {
        bad: [
          { text: '김민준, 환불 처리가 완료되었습니다.', context: { customerName: '김민준' }, fixed: '김민준 님, 환불 처리가 완료되었습니다.' },
          { text: '민준 씨, 주문하신 상품이 출고되었습니다.', context: { customerName: '김민준' }, fixed: '민준 님, 주문하신 상품이 출고되었습니다.' },
          { text: '이서연 님, 환불 처리가 완료되었습니다.', context: { customerName: '김민준' } },
        ],
        good: [
          { text: '김민준 님, 환불 처리가 완료되었습니다.', context: { customerName: '김민준' } },
          { text: '민준 고객님, 주문하신 상품이 출고되었습니다.', context: { customerName: '김민준' } },
          { text: '고객님, 결제가 정상적으로 완료되었습니다.', context: { customerName: '김민준' } },
          { text: '김민준님께서 요청하신 환불이 처리되었습니다.', context: { customerName: '김민준' } },
          { text: '김수연 님, 아버님의 별세에 깊은 애도를 표합니다. 고(故) 김영호 님 명의의 휴대폰 회선은 방문 없이 해지하실 수 있습니다.', context: { customerName: '김수연', situation: 'bereavement' }, note: 'The late father is spoken of, not to.' },
          { text: '김수연 님, 이영자 님 명의로 가입된 인터넷은 명의자 동의서가 있으면 바로 이전해 드립니다.', context: { customerName: '김수연' }, note: 'The account holder is someone else, named as such.' },
        ],
      },
    },
  },
  (context) => {
    const customer = context.reply.customerName;
    if (!customer || !/[가-힣]/.test(customer.full)) return;
    // A name given with its honorific ("김민준 님", "김민준 고객님") is the name without it.
    const name = splitEastAsianName(customer.full.replace(/\s*(?:고객\s*)?(?:님|씨)$/, ''), COMPOUND_SURNAMES);
    if (name.full.length < 2) return;
    const prose = context.prose;
    const fullAt = occurrences(prose, name.full);
    const givenAt = name.given.length >= 2 ? occurrences(prose, name.given).filter((at) => !fullAt.some((full) => at >= full && at < full + name.full.length)) : [];
    for (const [at, written] of [...fullAt.map((at) => [at, name.full] as const), ...givenAt.map((at) => [at, name.given] as const)]) {
      const after = prose.slice(at + written.length);
      if (HONORIFIC_AFTER.test(after)) continue;
      const ssi = SSI_AFTER.exec(after);
      if (ssi) {
        const start = at + written.length;
        context.report({ message: `"${written} 씨" to a customer sounds like a colleague or a junior; write ${written} 님.`, start, end: start + ssi[0].length, fix: ' 님' });
        continue;
      }
      // 민준아 / 민준이: a bare name with a vocative or a subject particle is plain speech.
      const end = at + written.length + (/^[아야이]/.test(after) && !/^[아야이][가-힣]/.test(after.slice(1)) ? 1 : 0);
      context.report({ message: `"${prose.slice(at, end)}" without 님 is how friends call each other; write ${written} 님 or 고객님.`, start: at, end, fix: `${written} 님` });
    }
    for (const match of prose.matchAll(NAMED)) {
      const named = match[1]!;
      if (named === name.full || (name.surname.length === 2 && named.startsWith(name.surname))) continue;
      if (THIRD_PARTY_BEFORE.test(prose.slice(Math.max(0, match.index! - 6), match.index!)) || THIRD_PARTY_AFTER.test(prose.slice(match.index! + match[0].length))) continue;
      context.report({ message: `"${named} 님" is not this customer (${name.full}): check the name.`, start: match.index!, end: match.index! + named.length, fix: name.full });
    }
  },
);
