import { showsFeeling, type RuleContext } from '@preach/core';

/** A message this warm is not upset, whatever its punctuation. */
const WARM = 3;
/** "Hi!", "Thanks in advance!", "Cheers!": an exclamation of courtesy, not of feeling. */
const COURTESY_EXCLAMATION = /\b(?:hi|hey|hello|hiya|greetings|thanks?|thank\s*you|cheers|ty)\b[\w\s,]{0,20}!/gi;

/**
 * Whether the customer's message is upset: a feeling in words or signs ("so annoying", "!!",
 * "WTF", 😡), or an exclamation in a message that is not warm.
 */
export function customerUpset(context: RuleContext): boolean {
  const message = context.reply.customerMessage;
  if (!message) return false;
  if (showsFeeling(message)) return true;
  return context.analysis.customerSentiment() < WARM && message.replace(COURTESY_EXCLAMATION, ' ').includes('!');
}

/**
 * Situations a team lists as sensitive only when the customer is upset (a calm "please cancel
 * my plan" is routine): whether this reply's situation is one of them and the customer is calm.
 */
export function calmInUpsetOnlySituation(context: RuleContext, onlyWhenUpset: readonly string[]): boolean {
  const id = context.reply.situation.id;
  return id !== null && onlyWhenUpset.includes(id) && !customerUpset(context);
}

export const ONLY_WHEN_UPSET_SCHEMA = {
  type: 'array',
  items: { type: 'string' },
  description: 'Situations that call for care only when the customer sounds upset; default [cancellation]',
} as const;

/**
 * Someone else's abuse reported or warned about (a dot inside an address is no sentence end) ("How do I report this account sending phishing
 * e-mails?", "Scammers: … WARNING! DO NOT CLICK"), for us to act on.
 */
const ABUSE_REPORT =
  /\breport(?:ing)?\b(?:[^.?!\n]|\.(?=\S)){0,60}?\b(?:spam\w*|phish\w*|scam\w*|abuse)\b|\b(?:spam\w*|phish\w*|scam\w*)\b(?:[^.?!\n]|\.(?=\S)){0,80}?\breport\b|\bscam+ers?\b|\bwarning\b\W{0,3}(?:do\s+not|don(?:'|’)t)\s+click\b/i;
/** The abuse is done to the customer: their account, card or money ("someone got into my account"). */
const DONE_TO_THEM =
  /\b(?:my|our)\s+(?:[\w-]+\s+)?(?:account|password|card|money|bank|profile|login|channel|page|phone|number|identity|details)\b|\bhack(?:ed|ing)?\s+(?:me|us|my|our|into\s+(?:my|our))\b|\b(?:i|we)\s+(?:was|were|got|have\s+been)\s+(?:scammed|hacked|phished|charged)\b/i;

/**
 * Whether the customer reports someone else's spam, phishing or scam for us to act on, with no
 * word of feeling (a shouted warning to others is not one): nothing was done to them, by us or
 * anyone, so there is no bad news to meet with care. The development audits judged calm reports
 * of a scam site, a phishing account and a spammer this way.
 */
export function reportsSomeoneElsesAbuse(message: string | undefined): boolean {
  if (!message || !ABUSE_REPORT.test(message) || DONE_TO_THEM.test(message)) return false;
  return !showsFeeling(message, false);
}

/** Another provider the customer has, had or is leaving: "my ISP", "my old carrier", "the only option we have now is …". */
const OTHER_PROVIDER =
  /\bmy\s+(?:old|previous|former|current|last|present)?\s*(?:isp|provider|carrier|bank|phone\s+company|internet\s+company|network)\b|\bthe\s+only\s+(?:option|choice|provider)\s+(?:we|I)\s+(?:have|had|got)\b/i;
/** …and they turn to us: "I switched to @brand", "I'm switching to you guys", "when will your home internet be available here?". */
const TURNS_TO_US =
  /\b(?:switch(?:ed|ing)?|mov(?:ed|ing)|came|coming|chang(?:ed|ing)|port(?:ed|ing)|go(?:ing)?)\s+(?:over\s+)?to\s+(?:@\w+|you(?:\s+guys)?)\b|\bwhen\s+will\s+(?:the\s+|your\s+)?(?:[\w-]+\s+){0,4}be\s+available\b/i;

/**
 * Whether the customer's anger is at another provider they are leaving for us ("my ISP screwed me
 * over, so I switched to @brand"): no bad news of ours to meet with care. Without the turn to us,
 * "my ISP" may well be us.
 */
export function angryAtProviderTheyLeave(message: string | undefined): boolean {
  return Boolean(message && OTHER_PROVIDER.test(message) && TURNS_TO_US.test(message));
}

/** Someone trying to get into the account: "keep trying to sign into my account", "was trying to access", "nice try for hacking". */
const ATTEMPT =
  /\b(?:try(?:ing)?|tried|tries|attempt(?:ed|ing|s)?)\s+(?:to\s+)?(?:(?:sign|log)\s*(?:in|into|on)|get\s+into|break\s+into|hack|access)\w*\b|\bnice\s+try\b|\b(?:sign|log)[\s-]?in\s+attempts?\b/i;
/** What was tried on: the customer's account, not a phone line or a booking. */
const ACCOUNT = /\b(?:account|login|password|profile|e-?mail|gmail|inbox)s?\b/i;
/** …and it worked: the password changed, they got in, the customer is locked out. */
const ATTEMPT_WORKED =
  /\b(?:changed|reset|got\s+in|got\s+into|broke\s+in|took\s+over|taken\s+over|locked\s+(?:me\s+)?out|stole|stolen|compromised|(?:was|been|got)\s+hacked|hacked\s+(?:me|my|into|in)|no\s+longer|can(?:'|’)?t|cannot|unable|lost)\b/i;

/**
 * Whether the customer tells of a failed attempt on their account ("Someone in Georgia was trying
 * to access my account", "Nice try for hacking my account 😜😂") with no word of feeling: nothing
 * was done to them, so there is no bad news to meet with care. An attempt that worked, or one that
 * upsets them ("… trying to sign into my account.. wtf"), still is.
 */
export function tellsOfFailedAttempt(message: string | undefined): boolean {
  return Boolean(message && ATTEMPT.test(message) && ACCOUNT.test(message) && !ATTEMPT_WORKED.test(message) && !showsFeeling(message));
}

/**
 * Nothing in the customer's message is bad news of ours: someone else's abuse reported, a provider
 * they are leaving, or an attempt on their account that failed.
 */
export function noBadNewsOfOurs(context: RuleContext): boolean {
  const message = context.reply.customerMessage;
  return (
    context.reply.situation.source === 'inferred' &&
    context.reply.situation.id !== 'bereavement' &&
    (reportsSomeoneElsesAbuse(message) || angryAtProviderTheyLeave(message) || tellsOfFailedAttempt(message))
  );
}
