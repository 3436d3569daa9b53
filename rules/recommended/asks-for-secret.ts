import { defineRule, type RuleContext, type Span } from '@preach/core';
import { clauseAt, findAll, sentenceAt } from '../src/helpers/sentences.js';

/**
 * Secrets no agent may ask for. "PIN" is matched case-sensitively so "pin the tab" stays out;
 * "card number" only when it is not the last four digits.
 */
const SECRET = new RegExp(
  [
    String.raw`\b(?:pass(?:word|code|phrase)s?|pw)\b`,
    String.raw`\bpin\s+(?:number|code)s?\b`,
    String.raw`\b(?:cvv2?|cvc2?|csc)\b|\b(?:security|verification)\s+(?:code|number)s?\s+(?:on|from)\s+(?:the\s+)?back\b|\bthree[\s-]digit\s+(?:security\s+)?code\b|\b3[\s-]digit\s+(?:security\s+)?code\b`,
    String.raw`\b(?:full\s+|whole\s+|complete\s+|long\s+)?(?:credit\s+|debit\s+)?card\s+(?:number|details|no\.?)s?\b|\b(?:16|sixteen)[\s-]digit\s+(?:card\s+)?number\b`,
    String.raw`\b(?:one[\s-]time|verification|security|authenti(?:cation|cator)|2fa|two[\s-]factor|sms|login|sign[\s-]in|otp)\s+(?:pass)?codes?\b|\bOTPs?\b|\b(?:6|six)[\s-]digit\s+code\b`,
    String.raw`\b(?:seed|recovery)\s+phrase\b|\bsecurity\s+(?:question\s+)?answers?\b|\bprivate\s+key\b|\bAPI\s+(?:key|secret)\b`,
  ].join('|'),
  'gi',
);
/** Upper case only: "pin the tab" is not a PIN. */
const PIN = /\bPINs?\b/g;
const CHEAP = /pass(?:word|code|phrase)|\bpw\b|pin\b|cvv|cvc|csc|card|code|otp|phrase|answer|key|digit/i;

/** Asking: "please send", "can you share", "what is your", "reply with", "I need your". */
const REQUEST =
  /\b(?:send|share|provide|give|tell|confirm|reply\s+with|respond\s+with|type|paste|dm|message|email|e-mail|include|forward|read\s+(?:out|me)|let\s+(?:me|us)\s+(?:know|have)|spell\s+out)\b|\bwhat(?:'|’)?s\s+(?:your|the)\b|\bwhat\s+(?:is|are)\s+(?:your|the)\b|\b(?:I|we)\s+(?:will\s+|'ll\s+|’ll\s+)?(?:need|require)\b|\bmay\s+I\s+(?:have|get|ask)\b|\bcould\s+I\s+(?:have|get)\b|\b(?:need|require)\s+(?:your|the)\b/i;
/** Advice: "never share", "don't send", "we will never ask", "no one from our team". */
const ADVICE =
  /\b(?:never|not|no\s+one|nobody|no\s+need|without)\b|n(?:'|’)t\b|\bkeep\s+(?:it|them|your|this)\b|\b(?:don(?:'|’)?t|do\s+not)\b|\bavoid\b|\bnot\s+to\b/i;
/** The last four digits identify a card without exposing it; asking for them is fine. */
const LAST_DIGITS = /\b(?:last|final|first)\s+(?:4|four|2|two|6|six)(?:\s+digits?|\s+numbers?)?\b|\b(?:ending|ends)\s+(?:in|with)\b|\bexpiry\b/i;
/** Using a secret in the product ("enter your password on the login page", "reset your password") is not sharing it. */
const OWN_USE = /\b(?:(?:enter|reset|change|update|create|choose|use|save|store|rotate|regenerate|remember|forget|forgot|receive|get|got)(?:s|d|ed)?|type\s+in|set|sign\s+in|log\s+in)\s+(?:(?:a|the|your|a\s+new|your\s+new)\s+)?(?:\w+\s+){0,2}$/i;

/**
 * Loyalty, gift and ID cards have numbers that are no secret: "your Nectar card number". A card
 * named by a capitalised word other than a payment network is one of those.
 */
const NOT_A_PAYMENT_CARD =
  /\b(?:loyalty|rewards?|membership|member|gift|club|points|sim|id|student|library|boarding|frequent\s+flyer|(?!Visa\b|Mastercard\b|MasterCard\b|Amex\b|American\b|Express\b|Discover\b|Maestro\b|Credit\b|Debit\b|Bank\b|Payment\b|Your\b|The\b|Full\b|My\b|Whole\b|Complete\b)[A-Z][a-z]+)\s+$/;

/** Words after the secret that make it something else: "password reset link", "PIN settings". */
const NOT_THE_SECRET = /^\s*(?:reset|recovery|link|manager|field|page|policy|rules?|requirements?|strength|settings?|screen|form|box|generator|expir\w*|prompt|e-?mail|sms|text\s+message|was|is\s+(?:on|in)|will\s+be\s+sent)\b/i;
/** We send the code to them ("we'll text you a one-time code"): giving, not asking. */
const GIVING = /\b(?:I|we)(?:'ll|’ll|\s+will|\s+have|'ve|’ve|\s+just|\s+can)?\s+(?:\w+\s+)?(?:send|sent|e-?mail(?:ed)?|text(?:ed)?|message(?:d)?|give|gave|share|shared|resend|resent)\s+(?:you|it\s+to\s+you)\b/i;
/** "Did you share your password?" asks what happened, not for the password. */
const ASKS_WHAT_HAPPENED = /\b(?:did|have|has|had|whether|if)\s+(?:you|anyone|someone|they|somebody)\b/i;

function isRequest(context: RuleContext, secret: Span): boolean {
  const sentence = sentenceAt(context, secret.start);
  const clause = clauseAt(sentence, secret.start);
  const before = context.prose.slice(clause.start, secret.start);
  const after = context.prose.slice(secret.end, clause.end);
  if (LAST_DIGITS.test(before.slice(-30)) || LAST_DIGITS.test(after.slice(0, 20))) return false;
  if (/^card/i.test(secret.text) && NOT_A_PAYMENT_CARD.test(before)) return false;
  if (OWN_USE.test(before) || NOT_THE_SECRET.test(after) || GIVING.test(before) || ASKS_WHAT_HAPPENED.test(before)) return false;
  // "Enter the code in the app", "type your password into the login page": the product, not us.
  if (/^\s*(?:in|into|on)\s+(?:the\s+)?(?:app|login|sign-in|website|site|page|field|box|screen|form|settings)\b/i.test(after) && !/\b(?:reply|chat|here|this\s+(?:chat|thread|email))\b/i.test(after)) return false;
  // "Please check the card number you typed" asks them to look, not to tell us: a request needs a verb of telling.
  const asking = REQUEST.test(before) || (/\?\s*$/.test(sentence.text) && /\byour\b/i.test(before));
  if (!asking) return false;
  return !ADVICE.test(before);
}

export default defineRule(
  {
    id: 'asks-for-secret',
    category: 'responsible',
    severity: 'error',
    critical: true,
    fixable: false,
    // What it finds in a sentence never depends on the rest of the reply.
    scope: 'paragraph',
    docs: {
      description: 'Asking the customer for a password, full card number, CVV, PIN or one-time code. Advice like "never share your password" is not a request.',
      why: 'No support team needs a password, a full card number, a CVV or a one-time code, and asking for one teaches customers to hand them to phishers. PCI DSS forbids storing a CVV at all. Verify identity another way (the last four digits, an e-mail link); a reply that asks for a secret fails the review.',
      examples: {
        bad: [
          { text: 'To verify your identity, please send me your password.' },
          { text: "What's the CVV on the back of your card?" },
          { text: 'Could you reply with the 6-digit code we just texted you?' },
          { text: 'I need your full card number to look up the payment.' },
        ],
        good: [
          { text: 'Never share your password with anyone, including us.' },
          { text: 'Please confirm the last four digits of the card you paid with.' },
          { text: 'Enter the verification code in the app to finish signing in.' },
          { text: "We will never ask for your PIN or one-time code; don't send them to anyone." },
          { text: 'You can reset your password from the login page.' },
          { text: "I'll send you a password reset link and a one-time code by e-mail." },
          { text: 'Did you share your password with anyone before the login?' },
          { text: 'Can you DM us your booking confirmation code so I can find the flight?' },
          { text: 'Please check the card number you typed in the checkout form.' },
          { text: 'Please send your Nectar card number and we will add the points.' },
        ],
      },
    },
  },
  (context) => {
    if (!CHEAP.test(context.prose)) return;
    const seen = new Set<number>();
    const secrets = [...findAll(SECRET, context.prose), ...findAll(PIN, context.prose)].sort((a, b) => a.start - b.start);
    for (const secret of secrets) {
      if (!isRequest(context, secret)) continue;
      const sentence = sentenceAt(context, secret.start);
      if (seen.has(sentence.start)) continue;
      seen.add(sentence.start);
      context.report({
        message: `Never ask for a customer's ${secret.text.toLowerCase().trim()}: verify them another way (the last four digits, a link to their e-mail).`,
        start: secret.start,
        end: secret.end,
      });
    }
  },
);
