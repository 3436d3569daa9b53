import { defineRule } from '@preach/core';

/** A closing line: "Best,", "Kind regards", "Thanks again", "Cheers". */
const SIGN_OFF = /^(?:best|all the best|best wishes|kind regards|warm regards|warmest regards|regards|many thanks|thanks|thank you|cheers|warmly|sincerely|yours|take care|talk soon|speak soon|have a (?:great|good|lovely|nice) (?:day|week|weekend|evening))\b/i;
/** An e-mail that opens with a greeting is a whole e-mail, and a whole e-mail closes too; without one it is a part of one, or a pasted snippet. */
const GREETING = /^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b/i;
/** A signature: "— Sam", "-Sean", "^TM", "*Kat", "/NS". */
const SIGNATURE = /^[-–—~^*/]\s*\p{L}/u;
/** A line that is only a name or a team: "Sam", "Sam Lee", "The Acme Support Team". */
const NAME_LINE = /^(?:\p{Lu}[\p{L}'’.-]+)(?:\s+\p{Lu}[\p{L}'’.-]+){0,2}$|\bteam\b[.!]?$/u;

export default defineRule(
  {
    id: 'missing-sign-off',
    category: 'human',
    severity: 'off',
    fixable: false,
    when: { channel: ['email'] },
    docs: {
      description: 'An e-mail reply that opens with a greeting and ends without a sign-off or a name ("Best, Sam").',
      why: 'QA scorecards check the closing as well as the greeting. An e-mail that stops after the last instruction reads like an automated notice; a sign-off with a first name tells the customer a person wrote it and whom to ask for next time. Only e-mail is checked (chat and social replies carry the agent\'s name in the tool), and only a whole e-mail, one that opens with a greeting: a reply without one is a snippet or a part of a longer message. Off in preach:recommended: most help desks add the agent\'s signature to every e-mail, outside the text an agent writes and outside their exports, so a team whose help desk does not turns it on (`missing-sign-off: warning`).',
      examples: {
        bad: [
          { text: 'Hi Dana,\n\nYour refund is on its way and should reach your account in 5-10 business days.', context: { channel: 'email' } },
          { text: 'Hi Dana,\n\nI have reset your password. Let me know if the new one works.\n', context: { channel: 'email', agentName: 'Sam' } },
        ],
        good: [
          { text: 'Hi Dana,\n\nYour refund is on its way.\n\nBest,\nSam', context: { channel: 'email' } },
          { text: 'Hi Dana,\n\nYour refund is on its way. Thanks for your patience!', context: { channel: 'email' } },
          { text: 'Hi Dana,\n\nYour refund is on its way.\n\nSam Lee\nAcme Support', context: { channel: 'email', agentName: 'Sam Lee' } },
          { text: 'Hi Dana, your refund is on its way. ^TM', context: { channel: 'email' } },
          { text: 'Your refund is on its way.', context: { channel: 'chat' } },
          { text: 'Your refund is on its way and should reach your account in 5-10 business days.', context: { channel: 'email' }, note: 'no greeting: a snippet, not a whole e-mail' },
        ],
      },
    },
  },
  (context) => {
    if (!GREETING.test(context.prose)) return;
    const lines = context.prose.split('\n').map((line) => line.trim()).filter(Boolean);
    if (!lines.length) return;
    const closing = lines.slice(-3);
    const agent = context.reply.agentName?.trim().split(/\s+/)[0]?.toLowerCase();
    const last = lines[lines.length - 1]!;
    // The last sentence of the last line may carry the sign-off on the same line as the text ("… Thanks!").
    const lastSentence = last.split(/(?<=[.!?])\s+/).pop() ?? last;
    const signed = closing.some((line) => SIGN_OFF.test(line) || SIGNATURE.test(line) || NAME_LINE.test(line) || (agent && line.toLowerCase().includes(agent))) || SIGN_OFF.test(lastSentence) || /[\^*/]\p{Lu}{1,3}\s*$/u.test(last);
    if (signed) return;
    const end = context.prose.trimEnd().length;
    const start = end - last.length;
    context.report({ message: 'This e-mail ends without a sign-off; close with one and your name ("Best, Sam").', start, end });
  },
);
