import { defineRule } from '@preach/core';

/**
 * asks-for-secret: a reply that asks the customer for a secret. The rule reads the prose in one
 * pass for mentions of secrets, then decides for each mention whether the reply asks for it by
 * looking at a bounded stretch of text around it: the words that govern it ("send", "what is",
 * "we'll need"), what cancels that ("never", "don't"), and what makes it something else ("the
 * last four digits of", "enter it in the app", "password reset link"). Every stretch has a fixed
 * maximum length, so the work grows linearly with the reply, however many secrets it names.
 */

export type SecretKind =
  | 'card-number'
  | 'expiry'
  | 'cvv'
  | 'pin'
  | 'password'
  | 'one-time-code'
  | 'login'
  | 'security-answer'
  | 'national-id'
  | 'bank-account';

/** A request for one or more secrets in one sentence, reported at the first one. */
export interface SecretRequest {
  start: number;
  end: number;
  kinds: SecretKind[];
  message: string;
}

/** Counts the characters every regular expression in this rule is run over (for the linearity test). */
export interface ScanMeter {
  chars: number;
}

/** How far around a mention the rule looks. These bounds are what keep the rule linear. */
const LOOK_BEHIND = 200;
const LOOK_AHEAD = 120;
const LEAD_IN = 400;
/** Words between a request verb and the secret it asks for ("send us your full name, date of birth and card number"). */
const MAX_WALK = 16;

// ---------------------------------------------------------------------------------------------
// Mentions of secrets
// ---------------------------------------------------------------------------------------------

const NUM = String.raw`(?:number|no\b\.?|num\b|#)`;
/** Mentions matched in any case, by kind; 'code' is a CVV or a one-time code, told apart by the words around it. */
const INSENSITIVE_PATTERNS: Array<[SecretKind | 'code', string]> = [
  // Online banking credentials before plain passwords and logins.
  ['bank-account', String.raw`online\s+banking\s+(?:password|passcode|pin|login|log-?in|user\s*name|credentials|details|info(?:rmation)?)(?:\s+(?:details|info))?`],
  ['bank-account', String.raw`iban|sort\s+codes?|routing\s+(?:and\s+account\s+)?${NUM}s?|bsb(?:\s+${NUM})?|bank\s+account(?:\s+(?:${NUM}|details|info(?:rmation)?)s?|\s+and\s+(?:routing|sort)\s+(?:numbers?|codes?))|bank(?:ing)?\s+details|account\s+and\s+(?:routing|sort)\s+(?:numbers?|codes?)`],
  // Card numbers: "card number", "card no.", "card details", "Mastercard number", "16 digits", "the number on the front of your card", a photo of the card.
  ['cvv', String.raw`card\s+(?:verification|security)\s+(?:code|value|number)s?`],
  ['card-number', String.raw`(?:credit\s+|debit\s+|payment\s+)?card(?:['’]s)?\s+(?:${NUM}|details?|info\b|information|digits)s?`],
  ['card-number', String.raw`(?:master\s?card|visa|amex|american\s+express|maestro|discover)\s+(?:${NUM}|details)`],
  ['card-number', String.raw`(?:16|sixteen)[\s-]digits?(?:\s+(?:card\s+)?numbers?)?`],
  ['card-number', String.raw`numbers?\s+(?:on|of|from)\s+(?:the\s+front\s+of\s+)?(?:the|your|ur)\s+(?:\w+\s+)?card\b`],
  ['card-number', String.raw`(?:photo|picture|pic|image|scan|screenshot|copy)\s+of\s+(?:the\s+(?:front|back)\s+(?:and\s+(?:the\s+)?back\s+)?of\s+)?(?:your|the|ur)\s+(?:credit\s+|debit\s+|bank\s+)?card\b`],
  // Expiry dates.
  ['expiry', String.raw`exp(?:iry|iration|\.|)\s*dates?|expiry\b|expiration\b|valid[\s-]+(?:thru|through)(?:\s+date)?|valid[\s-]+(?:until|to)\s+date|mm\s*\/\s*yy(?:yy)?`],
  // CVVs: "the 3 digits on the back", "three-digit number", "the code on the back of the card".
  ['cvv', String.raw`cvv2?|cvc2?|csc|(?:3|4|three|four)\s+(?:digits|numbers)\s+(?:on|at|from)\s+the\s+(?:back|front|reverse)|(?:code|number|digits)\s+(?:on|from)\s+the\s+(?:back|reverse)\b|(?:3|three)[\s-]digits?\s+(?:security\s+)?(?:code|number)s?`],
  // One-time codes before PINs and passwords: "one-time password", "6-digit code", "the code we just sent you".
  ['one-time-code', String.raw`one[\s-]?time\s+(?:pass(?:word|code)?|pin|pw|code|token)s?|otps?|(?:verification|verify|authenti(?:cation|cator)|auth|2fa|mfa|two[\s-]factor|2[\s-]?step|two[\s-]step|multi[\s-]factor|sms|login|log[\s-]?in|sign[\s-]?in|backup|recovery|reset)\s+(?:pass)?codes?|(?:5|five|6|six|8|eight)[\s-]digits?\s+(?:code|number|pin)s?`],
  ['code', String.raw`(?:security\s+(?:code|number)s?|(?:4|four)[\s-]digits?\s+(?:code|number)s?)`],
  [
    'one-time-code',
    String.raw`codes?(?=\s+(?:(?:that|which)\s+)?(?:(?:we|i|we['’]ve|i['’]ve)\s+(?:just\s+|have\s+just\s+|recently\s+)?(?:sent|texted|emailed|e-mailed|messaged)|(?:you|u)\s+(?:just\s+|have\s+just\s+|should\s+have\s+|['’]ve\s+just\s+)?(?:received|got(?:ten)?|get)|(?:just\s+)?(?:arrived|came\s+through|came\s+in)|(?:sent|texted)\s+to\s+your|(?:in|from)\s+(?:the|your|our)\s+(?:text|sms|e-?mail|message|authenticator)))`,
  ],
  ['one-time-code', String.raw`(?<=\b(?:sent|texted|emailed|e-mailed)\s+(?:you\s+)?(?:a|the|your)\s+(?:new\s+)?)code`],
  // PINs written in lower case need a possessive or a compound: "your pin", "pin number", "card pin".
  ['pin', String.raw`pin\s*(?:number|code|no\b\.?)s?|(?:card|bank|atm|debit|sim)\s+pins?\b|(?:4|four)[\s-]digit\s+pins?\b|(?<=\b(?:your|ur|yr)\s)pin\b|(?<=\bthe\s)pin(?=\s+(?:for|of|to|on)\s+(?:your|the|ur)\s+(?:\w+\s+)?(?:card|account|phone|bank)\b)`],
  // Passwords, typos included: "pasword", "passwrd", "pass word", "pwd".
  ['password', String.raw`pas{1,2}(?:w(?:or|ro|r|o)?d|code|phrase)s?|pass\s+word|pwd|(?<=\b(?:your|ur|the|my)\s)pw\b|p\/w`],
  // Login details: "login details", "sign-in info", "credentials", "your login".
  ['login', String.raw`(?:log|sign)(?:-|\s)?in\s+(?:details|info|information|credentials|creds|data)|(?:account\s+|user\s+)?credentials|creds\b|(?<=\b(?:your|ur)\s)log-?in\b(?!\s*(?:page|screen|issue|problem|attempt|e-?mail|link|button|details|method|history|activity|alert|notification))`],
  // Security answers.
  [
    'security-answer',
    String.raw`security\s+(?:question\s+)?answers?|answers?\s+to\s+(?:your|the|ur)\s+security\s+questions?|memorable\s+(?:word|information|info|date|name|place|phrase)|(?:(?:mother|mom|mum)(?:['’]?s)?\s+)?maiden\s+names?|name\s+of\s+(?:your|ur|the)\s+first\s+(?:pet|school|teacher|car|street|boss|employer)|first\s+(?:pet|school|teacher|car)(?:['’]s)?\s+name`,
  ],
  // National ID numbers.
  ['national-id', String.raw`social\s+(?:security|insurance)\s+${NUM}s?|national\s+insurance\s+${NUM}s?|national\s+id(?:entity|entification)?(?:\s+card)?\s+${NUM}s?|tax\s+file\s+numbers?|aadhaa?r(?:\s+${NUM})?`],
];
/** Upper case only, so "pin the tab", "sin" and "ni" in other words stay out. */
const SENSITIVE_PATTERNS: Array<[SecretKind | 'code', string]> = [
  ['pin', String.raw`PINs?(?:-?code)?`],
  ['national-id', String.raw`SSNs?|SINs?|NI\s+(?:number|no\b\.?)|NINO|TFN`],
  ['card-number', String.raw`PAN`],
];

/**
 * One expression per case, each pattern a capture group. Runs of spaces and letters are capped
 * (`\s{1,9}`, `\w{1,30}`), so the work at each position of the prose is bounded. The guard
 * before the patterns is shared, not repeated in each: V8 then checks it once per position
 * rather than once per pattern, several times faster for the same matches.
 */
function compile(patterns: Array<[SecretKind | 'code', string]>, flags: string): RegExp {
  const bounded = (source: string) => source.replace(/\\s\+/g, String.raw`\s{1,9}`).replace(/\\w\+/g, String.raw`\w{1,30}`);
  return new RegExp(String.raw`(?<![\w-])(?:${patterns.map(([, source]) => String.raw`(${bounded(source)})(?![\w])`).join('|')})`, flags);
}
const INSENSITIVE = compile(INSENSITIVE_PATTERNS, 'gi');
const SENSITIVE = compile(SENSITIVE_PATTERNS, 'g');

interface Mention {
  start: number;
  end: number;
  kind: SecretKind | 'code';
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

const words = (list: string): Set<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Verbs that ask the customer to hand something over. */
const REQUEST_VERBS = words(`
  send sending resend dm dming pm message messaging text texting txt email emailing e-mail e-mailing share sharing
  provide providing supply supplying confirm confirming tell telling give giving include including post posting
  forward forwarding paste pasting read reading spell list submit submitting reply replying respond mention furnish`);
/** Verbs that put something somewhere: a request only when it goes to us ("type it here", "drop us"). */
const PLACING_VERBS = words(`type typing enter entering re-enter key input write writing put putting pop popping drop dropping add adding fill jot leave upload uploading attach`);
/** Verbs that ask only after "can I", "could we", "let me": "can I have", "could I get", "let me know". */
const ASKING_AFTER_MODAL = words(`have get grab take see borrow know`);
/** "we need", "I'll require": a request unless the customer is the one who needs it. */
const NEEDING = words(`need require`);
/** Verbs with another object in mind: the secret is kept, changed, used or looked at, not handed over. */
const OTHER_VERBS = words(`
  keep keeping store storing stored save saved saving remember memorise memorize forget forgot forgotten protect
  change changed changing reset resetting update updated updating use used using set setting create created choose
  chose chosen pick receive received receiving got gotten check checked checking find found saw seen look looking
  lose lost expire expired expires arrive arrived arrives cover covering hide blur mask redact remove delete erase
  obscure omit recover recovered regain log logging logged sign signing signed try tried trying asks asked asking
  requires required needs needed accept accepts verify verified activate block freeze cancel report reported
  stolen steal compromised leaked leak is are was were has had did does do done be been being show shows
  recognise recognize guess guessed type typed entered changes updates resets`);
/** Words that start a different clause: what follows them is not the object of the verb before. */
const CLAUSE_WORDS = words(`which whether if when whenever how why where because since after before until unless once while that what who whose`);
/** A subject other than the customer or us: "anyone who asks for your PIN", "scammers may ask". */
const THIRD_PARTY = words(`anyone anybody someone somebody scammers scammer fraudsters fraudster criminals hackers they nobody people phishers caller callers bank banks`);
const SUBJECTS = words(`you you're youre you've you'll you'd u i i'm i'll i'd i've we we're we'll we'd we've he she they`);
const PREPOSITIONS = words(`from to for with of by about`);
/** Prepositions that tie a secret to another noun ("our guide on passwords"), unless they follow the verb ("type in"). */
const PLACES = words(`on about regarding in at into under onto around concerning re`);
const OURSELVES = words(`i we i'll we'll i'd we'd i've we've i'm we're`);
const WANTING = words(`need like want have`);
const PAST_QUESTION = words(`did do does have has had whether`);
const ADVERBS = words(`just also only then now again still really simply quickly already`);
/** Words that join the items of a list of secrets. */
const LIST_WORDS = words(`and or plus also & + n as well along together with both just so ok okay`);
const MODALS = words(`can could may might would will`);
const NEGATORS = words(`never not no nobody without avoid avoiding refrain instead rather stop cannot dont cant wont didnt doesnt isnt arent shouldnt mustnt wouldnt neednt`);
/** "Don't forget to send", "don't hesitate to share": the negation is not about sending. */
const NEGATION_EXCEPTIONS = words(`forget hesitate worry mind wait delay be afraid`);
const COPULAS = words(`is are was were 's`);
const WHAT_IS = words(`what's whats what're wats wat's`);
const POLITE = words(`please pls plz kindly thanks thank thx ta`);
const DETERMINERS = words(`the a an your ur yr my our this these those its their his her any`);
/** Words after which a verb form is a noun: "a DM", "which e-mail", "no post". */
const NOUN_BEFORE = new Set([...DETERMINERS, ...words(`which what whose no every some that`)]);

const isNegator = (word: string): boolean => NEGATORS.has(word) || /n['’]t$/.test(word);

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’-]*|[,?&+]|\u0000/gu;
/** A mention inside a window is replaced by this character, which the walk treats as one skippable word. */
const SECRET_MARK = '\u0000';

// ---------------------------------------------------------------------------------------------
// Context around a mention
// ---------------------------------------------------------------------------------------------

/** Where a sentence or clause ends inside a window: sentence ends, colons, semicolons, dashes, line breaks. */
const BOUNDARY = /[.…]+[)"'’”\]]*(?=\s+[("'“‘[]?[\p{Lu}\p{N}•*-])|[!?]+[)"'’”\]]*(?=\s)|[;:—–]|\s-\s|\n/gu;
const LIST_ITEM = /^[ \t]*(?:[-*•+]|\d{1,2}[.)])[ \t]+/;
/** Where the sentence a mention sits in ends, looking ahead. */
const SENTENCE_END = /[.!?](?=\s|$)|\n/;
/** A sentence end between two mentions: a full stop, or a line break that does not start a list item. */
const SENTENCE_BETWEEN = /(?<!\b\d{1,2})[.!?]+(?:\s|$)|\n(?![ \t]*(?:[-*•+]|\d{1,2}[.)])[ \t])/;
/** Around a "PIN code": words that make it an Indian postal code. */
const POSTAL = /\b(?:deliver\w*|address|area|postal|courier|serviceable|locality|city|district|shipping|pincode)\b/i;
/**
 * The first place named after a secret: ours ("here", "below", "in the chat", "in a DM", "in your
 * reply") or the product's ("in the app", "on the checkout page"). "Not into this chat" is not ours.
 */
const DESTINATION =
  /\b(?:(?<not>not\s+)?(?:in|into|on|to|via|over|through)\s+(?:(?:this|the|a|your|our|ur)\s+)?(?<chat>chat|reply|response|message|dm|dms|pm|thread|comments?|conversation|e-?mail|tweet|inbox)\b|(?<here>here|below)\b|(?:in|into|on|at|under)\s+(?:(?:the|your|our|any|a)\s+)?(?:[\w-]+\s+){0,2}?(?:app|site|website|page|screen|field|form|box|settings|terminal|machine|atm|portal|browser|device)\b)/i;
/** Words after a secret that make it something else: "password reset link", "PIN reader", "card number field". */
const NOT_THE_SECRET =
  /^(?:[ \t]*|-)(?:reset|resets|recovery|link|manager|field|box|page|screen|form|prompt|policy|rules?|requirements?|strength|settings?|generator|hint|protected|protection|reader|readers|pad|machine|terminal|entry|sentry|mailer|letter|expir\w*|lock|feature|option|issue|problem|error|change|update|request|ending|ends|e-?mails?)\b/i;
/** "the last four digits of your card number", "the last 4 of your SSN". */
const LAST_DIGITS =
  /\b(?:last|final|first)\s+(?:\d{1,2}|two|three|four|five|six)(?:\s*(?:digits?|numbers?|characters?)?\s+(?:of|on|from|for|in)\s+(?:(?:the|your|ur|this|that)\s+)?(?:[\w'’-]+\s+){0,2})?\s*$/i;
/** A card whose number is no secret: loyalty, gift, ID cards, or a brand other than a payment network ("Nectar card"). */
const NOT_A_PAYMENT_CARD =
  /(?:\b(?:loyalty|rewards?|membership|member|gift|club|points|sim|id|identity|student|library|boarding|frequent\s+flyer|insurance|health|store|discount|oyster|transit|travel|bus|metro|parking|access|key)|\b(?!(?:Visa|Mastercard|MasterCard|Amex|American|Express|Discover|Maestro|Credit|Debit|Bank|Payment|Your|The|Full|My|Whole|Complete|Long|Chase|Barclays|HSBC|Citi|Santander|Lloyds|NatWest|Monzo|Revolut|Wells|Capital|Halifax|Nationwide)\b)\p{Lu}\p{Ll}+)\s+$/u;
/** An expiry date of something other than a card: "the expiry date of your voucher". */
const OTHER_EXPIRY_AFTER = /^\s+(?:of|for|on)\s+(?:(?:your|the|this|that|ur)\s+)?(?:[\w-]+\s+)?(?:subscription|plan|trial|voucher|coupon|offer|promo(?:tion)?|code|link|passport|licen[cs]e|domain|membership|contract|warranty|gift|points|miles|credits?|token|certificate|visa|id|policy|insurance|booking|reservation|quote|invitation|funds|balance|account)\b/i;
const OTHER_EXPIRY_BEFORE = /\b(?:subscription|plan|trial|voucher|coupon|offer|passport|licen[cs]e|domain|membership|contract|warranty|points|miles|credit|token|certificate|policy|password|link|code|booking|session)(?:['’]s)?\s+$/i;
/** "Send it over", "DM them", "read it back to me": a request for a secret named earlier in the sentence. */
const PRONOUN_REQUEST =
  /\b(send|share|dm|pm|give|tell|read|confirm|post|forward|provide|paste|text|email|e-mail|message|include|type|enter|write|pop|drop|put)\s+((?:us|me)\s+)?(?:it|them|those|these|both)(?![\w'’])/i;
const CARD_CONTEXT = /\b(?:card|back|front|reverse|signature|strip|visa|mastercard|amex|cvv|cvc)\b/i;
const CODE_SENT_CONTEXT = /\b(?:sent|send|texted|text|sms|e-?mail(?:ed)?|app|received|phone|mobile|authenticator)\b/i;

/** Everything the rule reads around one mention. */
class Reader {
  constructor(
    private readonly prose: string,
    private readonly mentions: Mention[],
    private readonly meter?: ScanMeter,
  ) {}

  /** Runs `regex` over `text`, counting the characters scanned. */
  test(regex: RegExp, text: string): boolean {
    if (this.meter) this.meter.chars += text.length;
    regex.lastIndex = 0;
    return regex.test(text);
  }

  exec(regex: RegExp, text: string): RegExpExecArray | null {
    if (this.meter) this.meter.chars += text.length;
    regex.lastIndex = 0;
    return regex.exec(text);
  }

  /** The text from `from` to `to` with other mentions replaced by one marker each. */
  masked(from: number, to: number, first: number): string {
    if (this.meter) this.meter.chars += to - from;
    let text = '';
    let at = from;
    for (let i = first; i < this.mentions.length; i++) {
      const mention = this.mentions[i]!;
      if (mention.start >= to) break;
      if (mention.end <= from) continue;
      if (mention.start > at) text += this.prose.slice(at, mention.start);
      text += ` ${SECRET_MARK} `;
      at = Math.max(at, mention.end);
    }
    if (at < to) text += this.prose.slice(at, to);
    return text;
  }

  tokens(text: string): string[] {
    if (this.meter) this.meter.chars += text.length;
    return (text.match(TOKEN) ?? []).map((token) => token.toLowerCase().replace(/’/g, "'"));
  }

  /** The last boundary in `text`: its end offset in `text` and what it is. */
  lastBoundary(text: string): { end: number; mark: string } | undefined {
    if (this.meter) this.meter.chars += text.length;
    BOUNDARY.lastIndex = 0;
    let last: RegExpExecArray | null = null;
    let match: RegExpExecArray | null;
    while ((match = BOUNDARY.exec(text))) last = match;
    return last ? { end: last.index + last[0].length, mark: last[0].trim() || '\n' } : undefined;
  }
}

type Verdict = 'request' | 'not' | 'open';

/**
 * Walks back from a secret over the words of its clause to the word that governs it. `request`:
 * a verb that asks for it; `not`: a verb with another meaning, a negation, a different clause;
 * `open`: the clause start came first (a bare list, "Your password, please.").
 */
function governingVerb(reader: Reader, tokens: string[], after: string): Verdict {
  let walked = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const word = tokens[i]!;
    const previous = tokens[i - 1] ?? '';
    if (word === ',' || word === SECRET_MARK || word === '?') continue;
    if (++walked > MAX_WALK) return 'not';
    // A verb after a determiner is a noun: "a DM with", "the post with", "your email and".
    if (NOUN_BEFORE.has(previous) && (REQUEST_VERBS.has(word) || PLACING_VERBS.has(word))) continue;
    if (isNegator(word)) return 'not';
    if (WHAT_IS.has(word)) return asks(tokens, i, false);
    if (COPULAS.has(word)) return previous === 'what' || previous === 'which' ? asks(tokens, i - 1, false) : 'not';
    if (REQUEST_VERBS.has(word)) return asks(tokens, i, true);
    if (PLACING_VERBS.has(word)) {
      // "Drop us your card number" goes to us; "type your card number" goes where the reply says.
      if (tokens[i + 1] === 'us' || tokens[i + 1] === 'me') return asks(tokens, i, true);
      const place = reader.exec(DESTINATION, after);
      return place && !place.groups!.not && (place.groups!.chat || place.groups!.here) ? asks(tokens, i, true) : 'not';
    }
    if (NEEDING.has(word)) return SUBJECTS.has(previous) && !OURSELVES.has(previous) ? 'not' : asks(tokens, i, false);
    if (ASKING_AFTER_MODAL.has(word)) {
      const beforePrevious = tokens[i - 2] ?? '';
      const byUs = (previous === 'i' || previous === 'we') && MODALS.has(beforePrevious);
      const letUs = (previous === 'me' || previous === 'us') && (beforePrevious === 'let' || beforePrevious === 'lemme');
      const wantTo = previous === 'to' && WANTING.has(beforePrevious);
      return byUs || letUs || wantTo ? asks(tokens, i, false) : 'not';
    }
    if (word === 'ask') return OURSELVES.has(previous) || MODALS.has(previous) || previous === 'to' || previous === 'must' || isNegator(previous) ? asks(tokens, i, false) : 'not';
    if (OTHER_VERBS.has(word) || CLAUSE_WORDS.has(word) || THIRD_PARTY.has(word)) return 'not';
    // "guide on your password": the secret belongs to another noun. "Type in your password" is a particle.
    if (PLACES.has(word) && !REQUEST_VERBS.has(previous) && !PLACING_VERBS.has(previous)) return 'not';
    if (SUBJECTS.has(word)) {
      // "a couple of things from you" is an object, not the subject of another clause.
      if ((word === 'you' || word === 'u') && PREPOSITIONS.has(previous)) continue;
      return 'not';
    }
  }
  return 'open';
}

/**
 * The verb at `index` asks for the secret unless it is negated ("never share"), someone else asks
 * ("scammers may ask"), we are the ones giving ("we will send a code"), or it asks about the past
 * ("did you share").
 */
function asks(tokens: string[], index: number, handingOver: boolean): Verdict {
  let subjectChecked = !handingOver;
  for (let i = index - 1, seen = 0; i >= 0 && seen < 5; i--, seen++) {
    const word = tokens[i]!;
    if (word === ',') break;
    if (isNegator(word) && !NEGATION_EXCEPTIONS.has(tokens[i + 1] ?? '')) return 'not';
    if (THIRD_PARTY.has(word)) return 'not';
    if ((word === 'you' || word === 'u') && PAST_QUESTION.has(tokens[i - 1] ?? '')) return 'not';
    if (!subjectChecked) {
      if (OURSELVES.has(word)) return 'not';
      if (word === 'to' && (tokens[i - 1] === 'us' || tokens[i - 1] === 'me')) return 'not';
      if (!MODALS.has(word) && !ADVERBS.has(word)) subjectChecked = true;
    }
  }
  return 'request';
}

/**
 * A list of secrets with no verb before it: a request when "please" or "thanks" follows ("Your
 * password and e-mail address, please."), or a question mark when nothing but the list precedes
 * ("Your password?").
 */
function bareRequest(before: string[], after: string[]): boolean {
  for (const word of after) {
    if (POLITE.has(word)) return true;
    if (word === '?') return before.every((token) => token === ',' || token === SECRET_MARK || LIST_WORDS.has(token) || DETERMINERS.has(token));
    if (word === ',' || word === SECRET_MARK || LIST_WORDS.has(word) || DETERMINERS.has(word)) continue;
    if (OTHER_VERBS.has(word) || COPULAS.has(word) || SUBJECTS.has(word) || CLAUSE_WORDS.has(word) || isNegator(word) || PREPOSITIONS.has(word) || word === 'so') return false;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

const LABEL: Record<SecretKind, string> = {
  'card-number': 'full card number',
  expiry: 'card expiry date',
  cvv: 'CVV',
  pin: 'PIN',
  password: 'password',
  'one-time-code': 'one-time code',
  login: 'login details',
  'security-answer': 'security answers',
  'national-id': 'national ID number',
  'bank-account': 'bank account details',
};
const CARD: ReadonlySet<SecretKind> = new Set(['card-number', 'expiry', 'cvv']);
const IDENTITY: ReadonlySet<SecretKind> = new Set(['national-id', 'bank-account']);

/** How a mention is named in the message: its kind's label, or "passcode" for a passcode. */
function labelFor(kind: SecretKind, text: string): string {
  return kind === 'password' && /code|phrase/i.test(text) ? 'passcode' : LABEL[kind];
}

function messageFor(kinds: ReadonlySet<SecretKind>, labels: ReadonlySet<string>): string {
  const list = [...labels];
  const named = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;
  if ([...kinds].some((kind) => CARD.has(kind))) {
    return `Never ask for a customer's ${named}: take card details only through the secure payment page (PCI DSS forbids collecting them in a reply); the last four digits are enough to find a payment.`;
  }
  if ([...kinds].every((kind) => IDENTITY.has(kind))) {
    return `Never ask for a customer's ${named}: collect it only through a secure form, never in a reply; to verify them, use the last four digits or a link to their e-mail.`;
  }
  return `Never ask for a customer's ${named}: verify them another way (the last four digits, a link to their e-mail).`;
}

// ---------------------------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------------------------

function scan(regex: RegExp, patterns: Array<[SecretKind | 'code', string]>, prose: string, meter?: ScanMeter): Mention[] {
  if (meter) meter.chars += prose.length;
  const found: Mention[] = [];
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(prose))) {
    const group = match.findIndex((value, index) => index > 0 && value !== undefined);
    found.push({ start: match.index, end: match.index + match[0].length, kind: patterns[group - 1]![0], text: match[0] });
  }
  return found;
}

/** Mentions in order, from both scans merged; where two overlap ("PIN" in "card PIN"), the earlier, longer one. */
function findMentions(prose: string, meter?: ScanMeter): Mention[] {
  const insensitive = scan(INSENSITIVE, INSENSITIVE_PATTERNS, prose, meter);
  const sensitive = scan(SENSITIVE, SENSITIVE_PATTERNS, prose, meter);
  const mentions: Mention[] = [];
  let i = 0;
  let j = 0;
  while (i < insensitive.length || j < sensitive.length) {
    const a = insensitive[i];
    const b = sensitive[j];
    const next = !b || (a && (a.start < b.start || (a.start === b.start && a.end >= b.end))) ? insensitive[i++]! : sensitive[j++]!;
    if (!mentions.length || next.start >= mentions.at(-1)!.end) mentions.push(next);
  }
  return mentions;
}

/** What kind of secret "security code" or "4-digit code" is: the card's CVV or a code we sent. */
function resolveKind(reader: Reader, mention: Mention, around: string): SecretKind {
  if (mention.kind !== 'code') return mention.kind;
  if (reader.test(CARD_CONTEXT, around)) return 'cvv';
  return 'one-time-code';
}

/** A mention that names something other than the secret, or only part of it. */
function notASecret(reader: Reader, mention: Mention, kind: SecretKind, before: string, after: string): boolean {
  if (reader.test(NOT_THE_SECRET, after)) return true;
  if (reader.test(LAST_DIGITS, before)) return true;
  if (kind === 'card-number' || kind === 'cvv') {
    const card = mention.text.search(/card\b/i);
    const leading = card > 0 ? before + mention.text.slice(0, card) : card === 0 ? before : '';
    if (leading && reader.test(NOT_A_PAYMENT_CARD, leading.slice(-40))) return true;
  }
  if (kind === 'expiry' && (reader.test(OTHER_EXPIRY_AFTER, after) || reader.test(OTHER_EXPIRY_BEFORE, before.slice(-40)))) return true;
  // In India a "PIN code" is a postal code.
  if (kind === 'pin' && /code/i.test(mention.text) && reader.test(POSTAL, before.slice(-60) + after.slice(0, 60))) return true;
  return false;
}

/**
 * The line that introduces a list ("Please DM us the following:"), when the text before `lineStart`
 * is list items under it. Looks back at most LEAD_IN characters.
 */
function listLeadIn(reader: Reader, prose: string, lineStart: number): string | undefined {
  const from = Math.max(0, lineStart - LEAD_IN);
  const lines = prose.slice(from, Math.max(from, lineStart - 1)).split('\n');
  if (from > 0) lines.shift(); // cut mid-line
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (!line.trim() || reader.test(LIST_ITEM, line)) continue;
    return reader.test(/:\s*$/, line) ? line : undefined;
  }
  return undefined;
}

/** The clause before a colon: "Just need a couple of things from you: …". */
function colonLeadIn(reader: Reader, prose: string, colon: number): string {
  const from = Math.max(0, colon - LOOK_BEHIND);
  const text = prose.slice(from, colon);
  const boundary = reader.lastBoundary(text);
  return boundary ? text.slice(boundary.end) : text;
}

/**
 * Every request for a secret in the prose, one per sentence. Linear in the prose: two scans for
 * mentions, then a bounded window around each (LOOK_BEHIND, LOOK_AHEAD, LEAD_IN characters).
 */
export function findSecretRequests(prose: string, meter?: ScanMeter): SecretRequest[] {
  const mentions = findMentions(prose, meter);
  if (mentions.length === 0) return [];
  const reader = new Reader(prose, mentions, meter);
  const found: Array<{ start: number; end: number; kinds: Set<SecretKind>; labels: Set<string>; lastEnd: number }> = [];
  let firstNearby = 0;

  mentions.forEach((mention, index) => {
    const windowStart = Math.max(0, mention.start - LOOK_BEHIND);
    while (mentions[firstNearby]!.end <= windowStart) firstNearby++;
    const rawBefore = prose.slice(windowStart, mention.start);
    const rawAfter = prose.slice(mention.end, Math.min(prose.length, mention.end + LOOK_AHEAD));
    const kind = resolveKind(reader, mention, rawBefore.slice(-60) + mention.text + rawAfter.slice(0, 60));
    if (notASecret(reader, mention, kind, rawBefore, rawAfter)) return;

    // The clause the mention sits in, and the rest of its sentence.
    const boundary = reader.lastBoundary(rawBefore + prose.charAt(mention.start));
    const clauseStart = boundary ? windowStart + Math.min(boundary.end, rawBefore.length) : windowStart;
    const sentenceEnd = reader.exec(SENTENCE_END, rawAfter);
    const after = sentenceEnd ? rawAfter.slice(0, sentenceEnd.index) : rawAfter;
    const before = reader.tokens(reader.masked(clauseStart, mention.start, firstNearby));

    let verdict = governingVerb(reader, before, after);
    if (verdict === 'open' && boundary) {
      // A list item or the words after a colon continue the line that introduces them.
      const newline = rawBefore.lastIndexOf('\n');
      const lineStart = newline === -1 ? -1 : windowStart + newline + 1;
      const intro =
        lineStart >= 0 && reader.test(LIST_ITEM, prose.slice(lineStart, mention.start))
          ? listLeadIn(reader, prose, lineStart)
          : boundary.mark === ':'
            ? colonLeadIn(reader, prose, clauseStart - 1)
            : undefined;
      if (intro !== undefined) verdict = governingVerb(reader, reader.tokens(intro.replace(/:\s*$/, '')), '') === 'request' ? 'request' : 'not';
    }
    if (verdict === 'open') verdict = bareRequest(before, reader.tokens(reader.masked(mention.end, mention.end + after.length, index + 1))) ? 'request' : 'not';
    if (verdict !== 'request' && pronounRequest(reader, after)) verdict = 'request';
    if (verdict !== 'request') return;

    // One message per sentence: a later secret joins the last one when no sentence ends in between.
    const label = labelFor(kind, mention.text);
    const last = found.at(-1);
    if (last && !reader.test(SENTENCE_BETWEEN, prose.slice(last.lastEnd, mention.start))) {
      last.kinds.add(kind);
      last.labels.add(label);
      last.lastEnd = mention.end;
      return;
    }
    found.push({ start: mention.start, end: mention.end, kinds: new Set([kind]), labels: new Set([label]), lastEnd: mention.end });
  });
  return found.map(({ start, end, kinds, labels }) => ({ start, end, kinds: [...kinds], message: messageFor(kinds, labels) }));
}

/** "…without the CVV - please send it over": a verb later in the sentence asks for the secret by pronoun. */
function pronounRequest(reader: Reader, after: string): boolean {
  const match = reader.exec(PRONOUN_REQUEST, after);
  if (!match) return false;
  const verb = match[1]!.toLowerCase();
  const rest = after.slice(match.index + match[0].length);
  if (PLACING_VERBS.has(verb) && !match[2]) {
    const place = reader.exec(DESTINATION, rest);
    if (!place || place.groups!.not || !(place.groups!.chat || place.groups!.here)) return false;
  }
  const lead = reader.tokens(after.slice(Math.max(0, match.index - 60), match.index + match[1]!.length));
  return asks(lead, lead.length - 1, true) === 'request';
}

export default defineRule(
  {
    id: 'asks-for-secret',
    languages: ['en'],
    category: 'responsible',
    severity: 'error',
    critical: true,
    fixable: false,
    // A list of secrets can sit under a lead-in in the paragraph above ("Please DM us:\n\n- …"),
    // so the whole reply is read; the rule is linear and cheap.
    scope: 'reply',
    docs: {
      description:
        'Asking the customer for a full card number, expiry date, CVV, PIN, password, one-time code, login details, security answers, a national ID number or bank account details. Advice like "never share your password", the last four digits and "enter the code in the app" are not requests.',
      why: 'No support team needs these, and asking for one teaches customers to hand them to phishers. PCI DSS forbids collecting card numbers and CVVs outside a secure payment flow, and storing a CVV at all. Verify identity another way (the last four digits, an e-mail link); a reply that asks for a secret fails the review.',
      examples: {
        bad: [
          { text: 'Please DM us the full card number, the expiry date and the 3 digits on the back.', count: 1, note: 'One message names all three.' },
          { text: 'Could you send me your login details so I can check?' },
          { text: 'Could you reply with the 6-digit code we just texted you?' },
          { text: "What's your mother's maiden name?" },
          { text: 'Please DM us with the following:\n\n- full card number\n- expiry date\n- CVV', count: 1, note: 'List items under a lead-in that asks.' },
          { text: "We're unable to verify you without the CVV - please send it over." },
        ],
        good: [
          { text: 'Never share your password with anyone, including us.' },
          { text: 'Please confirm the last four digits of the card you paid with.' },
          { text: 'Enter the code we texted you in the app to finish signing in.' },
          { text: 'You can reset your password from the login page.' },
          { text: 'Please send your Nectar card number and we will add the points.' },
          { text: 'Your password was reset a few minutes ago.' },
        ],
      },
    },
  },
  (context) => {
    for (const request of findSecretRequests(context.prose)) context.report({ message: request.message, start: request.start, end: request.end });
  },
);
