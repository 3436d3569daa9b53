import { compileRuleSource, countCharacters, detectLanguage, lint, LANGUAGE_RULE_ID, readCustomerTurn, resolveConfig, resolveLanguage, segmentSentences, segmentWords, type ResolvedConfig, type Rule } from '@preach/core';
import { recommendedRules } from '@preach/rules';
import { describe, expect, it } from 'vitest';

/** Language per reply, text without spaces, and rules that run only in their languages: in-process. */

const rules = recommendedRules();
const recommended: ResolvedConfig = resolveConfig({ rules, enabled: new Set(rules.map((rule) => rule.meta.id)), layers: [] });
const fired = (text: string, context = {}, config = recommended) => lint(text, context, config).messages.map((message) => message.ruleId);

describe('detecting a reply’s language', () => {
  it.each([
    ['th', 'ทางเราได้คืนเงินให้แล้วค่ะ ขอบคุณที่รอนะคะ'],
    ['ko', '환불은 오늘 처리되었습니다. 감사합니다.'],
    ['zh', '您好，您的退款已经处理好了。'],
    ['zh', '您好，您的訂單已經出貨了。'],
    ['ja', 'ご注文ありがとうございます。明日発送いたします。'],
    ['en', 'Hi Priya, the refund is on its way.'],
    ['en', 'See you soon!'],
    ['fr', 'Bonjour, votre remboursement a été envoyé hier et arrivera bientôt.'],
    ['de', 'Du kannst die Anzeige auf deinem Konto verwalten. Klicke auf diesen Link für weitere Hilfe.'],
    // Short, or full of English words: English, however sure the detector is of something else.
    ['en', 'Please utilize the caf\uFFFD menu.'],
    ['en', 'Sorry to hear that you are not able to use your device properly. Did you restart it?'],
  ])('%s: %s', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('reads a Chinese reply with English product names as Chinese', () => {
    expect(detectLanguage('您好，您的 Netflix Premium 订阅已经续费成功，下次扣款日期是6月1日。')).toBe('zh');
  });

  it('takes the reply’s own language over the team’s, and the team’s over detection', () => {
    expect(resolveLanguage('ko-KR', 'th', '您好')).toEqual({ id: 'ko', source: 'given', supported: true });
    expect(resolveLanguage(undefined, 'th', '您好')).toEqual({ id: 'th', source: 'config', supported: true });
    expect(resolveLanguage('auto', 'auto', '您好')).toEqual({ id: 'zh', source: 'detected', supported: true });
    expect(resolveLanguage(undefined, undefined, '')).toEqual({ id: 'en', source: 'detected', supported: true });
  });
});

describe('words and sentences without spaces', () => {
  it('splits Chinese words with exact offsets', () => {
    const text = '请尽快提供您的卡号。';
    const words = segmentWords(text, 'zh');
    expect(words.map((word) => word.text)).toContain('尽快');
    for (const word of words) expect(text.slice(word.start, word.end)).toBe(word.text);
  });

  it('ends sentences at full-width marks and Thai phrases at spaces', () => {
    expect(segmentSentences('您好！请稍等。谢谢？', 'zh').map((s) => s.text)).toEqual(['您好！', '请稍等。', '谢谢？']);
    expect(segmentSentences('ได้รับเรื่องแล้วค่ะ จะคืนเงินภายในวันนี้ค่ะ', 'th').map((s) => s.text)).toEqual(['ได้รับเรื่องแล้วค่ะ', 'จะคืนเงินภายในวันนี้ค่ะ']);
  });

  it('counts characters without spaces', () => {
    expect(countCharacters('환불 완료')).toBe(4);
    expect(countCharacters('您好，谢谢')).toBe(5);
  });
});

describe('rules run only in their languages', () => {
  it('checks a Korean reply with Korean and language-independent rules, never English ones', () => {
    const ids = fired('비밀번호 알려 줘 ㅋㅋ!!', { customerMessage: '카드 결제가 실패했어요. 계정도 정지됐어요.' });
    expect(ids).toEqual(expect.arrayContaining(['ko/asks-for-secret', 'ko/register', 'ko/playful-in-sensitive-situation', 'exclamation-in-sensitive-situation']));
    const english = new Set(rules.filter((rule) => !rule.meta.languages?.includes('ko')).map((rule) => rule.meta.id));
    expect(ids.filter((id) => english.has(id))).toEqual([]);
  });

  it('finds the issue’s Chinese reply: card number, CVV and 尽快 to a customer whose payment failed', () => {
    const result = lint('请提供您的卡号和CVV，我们会尽快处理。', { customerMessage: '我的银行卡扣款失败了，会员也被停了。' }, recommended);
    expect(result.context.situation.id).toBe('billing-failure');
    expect(result.messages.map((message) => message.ruleId)).toEqual(expect.arrayContaining(['zh/asks-for-secret', 'zh/vague-timeline']));
    expect(result.score.score).toBe(0);
  });

  it('says once that a language has no rules, runs no English rule on it, and does not score the note', () => {
    const result = lint('Bonjour, votre remboursement a été envoyé hier. Utilisez le lien pour suivre le colis.', {}, recommended);
    expect(result.messages.map((message) => [message.ruleId, message.severity])).toEqual([[LANGUAGE_RULE_ID, 'suggestion']]);
    expect(result.messages[0]!.reason).toMatch(/French \(fr\)/);
    expect(result.score.score).toBe(100);
    expect(result.context.language).toEqual({ id: 'fr', source: 'detected', supported: false });
  });

  it('checks English exactly as before when the language is English', () => {
    expect(fired('Please utilize the export page.')).toContain('formal-word');
    expect(fired('Please utilize the export page.', { language: 'ko' })).not.toContain('formal-word');
  });

  it('runs a team rule that names no languages in every language', () => {
    const [rule] = compileRuleSource('id: acme/no-jargon\nkind: existence\ncategory: articulate\nmessage: no "{{match}}"\ntokens: [工单]\n', 'acme.yaml', { origin: 'test' }).rules as Rule[];
    const config = resolveConfig({ rules: [...rules, rule!], enabled: new Set([rule!.meta.id]), layers: [] });
    expect(fired('您的工单已经关闭。', {}, config)).toEqual(['acme/no-jargon']);
  });
});

describe('existence and substitution rules match segmented words', () => {
  const compile = (source: string): ResolvedConfig => {
    const compiled = compileRuleSource(source, 'team.yaml', { origin: 'test' }).rules as Rule[];
    return resolveConfig({ rules: compiled, enabled: new Set(compiled.map((rule) => rule.meta.id)), layers: [] });
  };

  it('finds a Chinese token inside a sentence with no spaces, but not part of a longer word', () => {
    const config = compile('id: acme/soon\nkind: existence\nlanguages: [zh]\ncategory: responsible\nmessage: vague "{{match}}"\ntokens: [尽快, 快]\n');
    const result = lint('请尽快处理，快递明天到。', {}, config);
    expect(result.messages.map((message) => message.reason)).toEqual(['vague "尽快"']);
    expect(result.messages[0]!.column).toBe(2);
  });

  it('finds a Thai token between words and a Korean noun before its particle', () => {
    // คุณ ("you") is also the start of ขอบคุณ ("thank you") and คุณภาพ ("quality"), which are other words.
    const thai = compile('id: acme/word\nkind: existence\ncategory: responsible\nmessage: "{{match}}"\ntokens: [คุณ]\n');
    expect(lint('ขอบคุณที่ใช้บริการ สินค้าคุณภาพดีค่ะ', {}, thai).messages).toHaveLength(0);
    expect(lint('พัสดุของคุณจะถึงพรุ่งนี้ค่ะ', {}, thai).messages).toHaveLength(1);
    const korean = compile('id: acme/word\nkind: existence\ncategory: responsible\nmessage: "{{match}}"\ntokens: [비밀번호]\n');
    expect(lint('비밀번호를 바꿔 주세요.', {}, korean).messages).toHaveLength(1);
    expect(lint('비밀번호찾기 메뉴를 이용해 주세요.', {}, korean).messages).toHaveLength(0);
  });

  it('substitutes a segmented Chinese word with its fix', () => {
    const config = compile('id: acme/you\nkind: substitution\ncategory: human\nmessage: "{{match}} → {{replacement}}"\nswap:\n  工单: 服务单\n');
    const result = lint('您的工单已关闭。', {}, config);
    expect(result.messages.map((message) => message.expected)).toEqual([['服务单']]);
  });
});

describe('customer messages in Thai, Korean and Chinese', () => {
  it.each([
    ['我的银行卡扣款失败了，会员也被停了。', 'billing-failure'],
    ['앱이 두 시간째 접속이 안 돼요. 서버 다운인가요?', 'outage'],
    ['บัญชีโดนแฮ็ก มีคนเข้าบัญชีของฉันค่ะ', 'security'],
    ['我父亲上个月去世了，想注销他的账户。', 'bereavement'],
  ])('%s → %s', (message, situation) => {
    expect(readCustomerTurn(message).situation).toBe(situation);
  });

  it('reads the mood too', () => {
    expect(readCustomerTurn('又扣款失败了！！垃圾服务，我要投诉！').mood).toBe('angry');
  });
});
