import { countWords, defineRule, findGreeting, findNameMentions, findVocatives } from '@preach/core';

export default defineRule(
  {
    id: 'name-missing',
    languages: ['en'],
    category: 'human',
    severity: 'warning',
    fixable: true,
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        min_words: { type: 'integer', minimum: 0, description: 'Replies shorter than this (in words) without a greeting are left alone ("Done!", "One moment, please.")' },
      },
    },
    defaultOptions: { min_words: 8 },
    renamedOptions: { minWords: 'min_words' },
    docs: {
      description: "The customer's name is known but the reply never uses it.",
      why: 'Using the name once tells the customer a person read their message. A reply without it reads like a macro. A greeting with no name ("Hi there,") is the easiest place to add it.',
      examples: {
        bad: [
          { text: 'Hi there, your refund is on its way.', context: { customerName: 'Priya Raman' }, fixed: 'Hi Priya, your refund is on its way.' },
          { text: 'Hello, thanks for waiting. Your refund is on its way.', context: { customerName: 'José Álvarez' }, fixed: 'Hello José, thanks for waiting. Your refund is on its way.' },
          { text: 'Your refund of $40 is on its way and should reach your card by Friday.', context: { customerName: 'Priya Raman' } },
        ],
        good: [
          { text: 'Hi Priya, your refund is on its way.', context: { customerName: 'Priya Raman' } },
          { text: 'Hi Jose, your refund is on its way.', context: { customerName: 'José Álvarez' }, note: 'accents may be dropped' },
          { text: 'Thanks, Will! Your refund is on its way.', context: { customerName: 'Will Turner' }, note: 'a name that is also a word, used as a name' },
          { text: 'Dear Ms Raman, your refund is on its way.', context: { customerName: 'Priya Raman' } },
          { text: 'Hi team, the refund for your account is on its way.', context: { customerName: 'Priya Raman' }, note: 'addressed to a group' },
          { text: 'Done! Anything else?', context: { customerName: 'Priya Raman' }, note: 'a short follow-up in a running chat' },
          { text: 'Your refund is on its way.', context: {} },
        ],
      },
    },
  },
  (context) => {
    const name = context.reply.customerName;
    if (!name || !context.prose.trim()) return;
    if (findNameMentions(context).length > 0) return;
    const greeting = findGreeting(context.prose);
    if (greeting?.addressee === 'none' || greeting?.addressee === 'there') {
      // "Hi there" → "Hi Priya"; "Hello," → "Hello Priya,".
      const at = greeting.there ?? { start: greeting.end, end: greeting.end };
      context.report({ message: `Greet ${name.first} by name.`, start: at.start, end: at.end, fix: greeting.there ? name.first : ` ${name.first}` });
      return;
    }
    // Someone else's name, a generic "Dear customer" or a group: other rules speak to those.
    if (greeting && greeting.addressee !== 'other') return;
    if (findVocatives(context).length > 0) return;
    if (!greeting && countWords(context.prose) < (context.options.min_words ?? 8)) return;
    const first = context.analysis.sentences()[0];
    context.report({ message: `The reply never uses ${name.first}'s name; use it once, in the greeting or the first line.`, start: first?.start ?? 0, end: first?.end ?? 0 });
  },
);
