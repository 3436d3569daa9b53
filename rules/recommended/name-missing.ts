import { defineRule, findNameMentions } from '@preach/core';

const GREETING = /^\s*(hi|hello|hey|dear|good (?:morning|afternoon|evening))(\s+there|\s+team|\s+friend)?\b/i;

export default defineRule(
  {
    id: 'name-missing',
    category: 'human',
    severity: 'warning',
    fixable: true,
    docs: {
      description: "The customer's name is known but the reply never uses it.",
      why: 'Using the name once tells the customer a person read their message. A reply without it reads like a macro.',
      examples: {
        bad: [{ text: 'Hi there, your refund is on its way.', context: { customerName: 'Priya Raman' }, fixed: 'Hi Priya, your refund is on its way.' }],
        good: [
          { text: 'Hi Priya, your refund is on its way.', context: { customerName: 'Priya Raman' } },
          { text: 'Your refund is on its way.', context: {} },
        ],
      },
    },
  },
  (context) => {
    const name = context.reply.customerName;
    if (!name || !context.prose.trim()) return;
    if (findNameMentions(context).length > 0) return;
    const greeting = GREETING.exec(context.prose);
    if (greeting) {
      // Insert the name after "Hi", or swap it for "there" in "Hi there".
      const start = greeting.index + greeting[0].length - (greeting[2]?.length ?? 0);
      context.report({ message: `Greet ${name.first} by name.`, start, end: start + (greeting[2]?.length ?? 0), fix: ` ${name.first}` });
      return;
    }
    const first = context.analysis.sentences()[0];
    context.report({ message: `The reply never uses ${name.first}'s name; use it once, in the greeting or the first line.`, start: first?.start ?? 0, end: first?.end ?? 0 });
  },
);
