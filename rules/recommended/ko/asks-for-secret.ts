import { defineRule } from '@preach/core';
import { secretRequests } from '../../src/helpers/languages.js';

export default defineRule(
  {
    id: 'ko/asks-for-secret',
    languages: ['ko'],
    category: 'responsible',
    severity: 'error',
    critical: true,
    fixable: false,
    docs: {
      description: '고객에게 비밀번호, 인증번호(OTP), 카드 번호 전체, CVC/CVV, PIN을 보내 달라고 요청하는 답변.',
      why: '상담원은 고객의 비밀번호나 인증번호가 필요 없습니다. 상담원을 사칭해 인증번호를 받아 가는 것이 가장 흔한 사기 수법이고, 답변에서 이를 요청하면 PCI DSS 위반이자 고객에게 "상담원에게는 알려 줘도 된다"고 가르치는 셈입니다. 본인 확인은 카드 끝 4자리나 가입 휴대폰 번호로 하세요.',
      examples: {
        bad: [
          { text: '김민준 님, 확인을 위해 비밀번호를 알려 주세요.' },
          { text: '문자로 받으신 인증번호를 채팅창에 입력해 주시면 바로 처리해 드리겠습니다.' },
          { text: '카드 번호와 CVC 번호를 보내 주시겠어요?', note: 'One message per sentence, however many secrets it asks for.' },
          { text: '본인 확인을 위해 로그인 비밀번호가 필요합니다. 채팅으로 보내 주세요.', note: 'The request in the next sentence, with the secret understood.' },
          { text: '출금 제한을 풀려면 계좌 비밀번호 4자리를 확인해야 해요. 답장으로 회신 부탁드려요.' },
          { text: '확인을 위해 카드 번호와 비밀번호 앞 두 자리를 알려 주세요.', note: 'Part of a password is still the password; only a card number may be asked for in part.' },
          { text: '결제를 다시 하려면 카드 뒷면 숫자 3자리를 채팅으로 보내 주세요.', context: { situation: 'billing-failure' }, note: 'The CVC described instead of named is still the CVC.' },
        ],
        good: [
          { text: '카드 뒷면 3자리는 저희 상담원에게도 알려 주시면 안 됩니다.' },
          { text: '인증번호는 누구에게도 알려 주지 마세요. 저희는 절대 요청하지 않습니다.' },
          { text: '결제하신 카드의 끝 4자리를 알려 주시면 바로 확인해 드리겠습니다.' },
          { text: '비밀번호 재설정 링크를 이메일로 보내 드렸습니다.' },
          { text: '앱 로그인 화면에서 문자로 받은 인증번호를 입력해 주세요.' },
          { text: '확인을 위해 카드 번호 뒤 4자리만 알려 주세요.' },
          { text: '카드 번호 전체는 보내지 마시고, 뒷자리 네 개만 알려 주세요.' },
          { text: 'CVC 번호는 저희 상담원에게도 알려 주시면 안 됩니다.' },
          { text: '인증번호는 누구에게도 알려 주지 마세요. 의심스러운 문자는 캡처해서 보내 주세요.' },
          { text: '비밀번호를 재설정하신 뒤 다시 로그인되는지 알려 주세요.', note: 'The customer changes the password and tells us the result.' },
          { text: '인증번호 문자가 5분 넘게 오지 않으면 채팅으로 알려 주세요.' },
          { text: '비밀번호 재설정 링크를 메일로 보내 드렸습니다. 확인 후 알려 주세요.' },
        ],
      },
    },
  },
  (context) => {
    if (!/비밀|인증|카드|CVC|CVV|PIN|OTP|보안/i.test(context.prose)) return;
    for (const secret of secretRequests(context, {
      secret: /(?:결제\s*|로그인\s*|계정\s*|일회용\s*)?비밀\s*번호|인증\s*번호|인증\s*코드|OTP(?:\s*번호)?|(?:신용\s*)?카드\s*번호(?:\s*전체)?|CVC(?:\s*번호)?|CVV2?(?:\s*번호)?|보안\s*코드|PIN(?:\s*번호)?|카드\s*뒷면(?:의|에\s*있는)?\s*(?:숫자\s*)?(?:3|세)\s*자리(?:\s*숫자)?/,
      request: /(?:알려|보내|말씀해|회신해|적어|전달해|남겨|공유해|불러)\s*(?:주(?:세요|시|십|실)|줘|줄래|달라)|(?:채팅|채팅창|여기|답장|메시지|답변)에?\s*(?:[가-힣]+\s*)?입력해\s*(?:주|줘)|(?:알려|보내|입력|회신|전달|공유)\s*(?:부탁|바랍니다|요청)/,
      refusal: /마세요|마십시오|마시고|마시길|마시기|말고|말아|면\s*안\s*(?:됩|돼|되)|않습니다|않아요|않으니|금지|주의하|삼가|요청하지|요구하지|묻지|여쭙지/,
      ownScreen: /(?:앱|화면|페이지|사이트|홈페이지|로그인\s*창)(?:에서|에|의)/,
      // 끝 4자리, 뒤 4자리, 뒷자리 네 개, 마지막 네 자리, 앞 6자리: only part of a card number.
      partial: /(?:끝|뒤|뒷|마지막|앞)\s*(?:자리\s*)?(?:\d{1,2}|두|세|네|여섯)\s*(?:자리|개|글자)/,
      partialOf: /카드\s*번호/,
      // "…확인해야 합니다. 답장으로 보내 주세요.": the next sentence asks, with the secret understood.
      requestNext: /^(?:[가-힣]+(?:으로|로|에)\s*)?(?:지금\s*|바로\s*)?(?:알려|보내|회신|말씀해|전달해|남겨|적어)\s*(?:주|줘|부탁|바랍)|^(?:[가-힣]+(?:으로|로)\s*)?회신\s*(?:부탁|바랍)/,
      doneToIt: /(?:변경|재설정|바꾸|바꿔|초기화|새로\s*설정)(?:하신|하시고|해\s*보신|해\s*보시고|한)|(?:오지|도착하지|수신되지|전송되지)\s*않|받지\s*못하|안\s*(?:오|와)|만료되/,
      requestAfter: true,
      distance: 30,
    })) {
      context.report({ message: `Asking the customer for their ${secret.text} in a reply: support never needs it, and scammers ask exactly this way.`, start: secret.start, end: secret.end, note: '본인 확인은 카드 끝 4자리나 가입 휴대폰 번호로 하세요.' });
    }
  },
);
