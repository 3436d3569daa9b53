import { defineRule } from '@preach/core';
import { secretRequests } from '../../src/helpers/languages.js';

export default defineRule(
  {
    id: 'zh/asks-for-secret',
    languages: ['zh'],
    category: 'responsible',
    severity: 'error',
    critical: true,
    fixable: false,
    docs: {
      description: '请客户发送密码、验证码、完整卡号、安全码（CVV）或 PIN：Chinese replies that ask for a secret.',
      why: '客服从不需要客户的密码或验证码；有人冒充客服骗取验证码是最常见的诈骗。回复里索要这些信息，既违反 PCI DSS，也在教客户把秘密交给"客服"。核实身份请用卡号后四位、注册手机号或重置链接。',
      examples: {
        bad: [
          { text: '王先生您好，请提供您的银行卡号和安全码，我们帮您重新扣款。', context: { situation: 'billing-failure' } },
          { text: '麻烦您把收到的短信验证码发给我们，我这边帮您登录核实。' },
          { text: '為了核實身份，請告訴我們您的登入密碼。' },
          { text: '请回复您的支付密码，以便我们完成退款。' },
          { text: '您的卡号和CVV发我一下，我帮您查。', count: 1 },
          { text: '亲，扣款失败的话，把卡背面那三位数字发我，我帮您再试一次。', context: { situation: 'billing-failure' }, note: 'The CVV described instead of named is still the CVV.' },
          { text: '麻烦把信用卡背面的3位数发给我们核对一下。' },
        ],
        good: [
          { text: '麻烦您提供一下付款银行卡的后4位，我帮您查一下被拒的原因。不需要发送完整卡号或安全码。', context: { situation: 'billing-failure' }, note: 'Saying what is NOT needed asks for nothing.' },
          { text: '在登录页点击【忘记密码】，重置链接会发到您的注册邮箱，30分钟内有效。新密码请自己妥善保管，不需要告诉我们。', context: { situation: 'account-access' } },
          { text: '卡背面的三位安全码无需提供给任何人，包括我们。' },
          { text: '请勿向任何人透露验证码，我们的客服不会索要您的密码。' },
          { text: '请提供您银行卡的后四位，方便我们查询这笔扣款。', context: { situation: 'billing-failure' } },
          { text: '为了您的资金安全，客服不会索要验证码，请不要把验证码发给任何人，包括我们。', context: { situation: 'security' } },
          { text: '我们已向您的手机发送验证码，请在页面上填写验证码完成验证。' },
          { text: '您可以点击“忘记密码”重新设置密码。' },
        ],
      },
    },
  },
  (context) => {
    if (!/密|码|碼|卡号|卡號|背面|CVV|CVC|PIN/i.test(context.prose)) return;
    for (const secret of secretRequests(context, {
      secret: /(?:支付|登录|登入|账户|帳戶|银行卡|銀行卡|取款)?(?:密码|密碼)|(?:短信|手机|动态|簡訊|手機)?(?:验证码|驗證碼|动态码|校验码)|(?:完整的?)?(?:银行卡|銀行卡|信用卡|卡)(?:号|號)(?:码|碼)?|安全(?:码|碼)|CVV2?|CVC|PIN\s*(?:码|碼)?|(?:卡片?|卡的)?背面(?:的|那)?(?:三|3)位(?:数字|數字|数|數|码|碼)?/,
      request: /(?:请|請|麻烦|麻煩|需要|劳烦|勞煩|烦请|煩請)(?:您)?(?:把|將|将)?(?:提供|发送|發送|发给|發給|发一下|告诉|告訴|告知|回复|回覆|填写|填寫|提交|私信|报一下|說一下|说一下|发)|(?:提供|发|發|告诉|告訴|报|說|说)(?:一下|给我们|給我們|给客服|給客服)|(?:发|發|给|給|告诉|告訴|报给|報給)(?:我|我们|我們|客服)/,
      refusal: /请勿|請勿|不要|切勿|别|別|绝不会|絕不會|不会索要|不會索要|不会向您|从不|從不|不得|谨防|謹防|保管好|妥善保管|以免|不需要|不需|不用|无需|無需|无须|無須|不必|没必要|沒必要/,
      ownScreen: /(?:在|于|於)(?:页面|頁面|网页|網頁|APP|App|app|应用|應用|界面|登录页|登錄頁|手机上|手機上)/,
      partial: /后四位|後四位|末四位|尾号|尾號|最后四位|最後四位|前六位/,
      requestAfter: 'either',
      distance: 24,
    })) {
      context.report({ message: `Asking the customer for their ${secret.text} in a reply: support never needs it, and scammers ask exactly this way.`, start: secret.start, end: secret.end, note: '核实身份请用卡号后四位、注册手机号或重置链接。' });
    }
  },
);
