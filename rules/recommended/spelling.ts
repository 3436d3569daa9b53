import { defineRule } from '@preach/core';
import { rankedSuggestions, SPELLING_KINDS, writingFindings } from '../src/writing/findings.js';

export default defineRule(
  {
    id: 'spelling',
    // Harper checks English; a reply in another language is not its business, whatever its script.
    languages: ['en'],
    category: 'articulate',
    severity: 'off',
    fixable: true,
    docs: {
      description: 'Misspelled words ("recieved", "teh", "tomorow"), checked offline by Harper, with its corrections as fixes.',
      why: 'QA scorecards mark spelling down because customers do: a typo in a reply about their money or their data reads as carelessness about both. Words the team uses (config `vocabulary` or a pack\'s vocabulary.txt: product names, internal names customers know), the customer\'s and agent\'s names, words the customer wrote, text quoted from the customer, links, e-mail addresses, order numbers and code are never flagged; a capitalised word the dictionary does not know is taken for a name. In the editor, "Add to the team vocabulary" silences a word for everyone.',
      examples: {
        bad: [
          { text: 'We recieved your refund request this morning.', fixed: 'We received your refund request this morning.' },
          { text: 'Sorry for teh wait, your order ships tomorow.', count: 2 },
          { text: 'Your refund was proccessed on Monday.', fixed: 'Your refund was processed on Monday.' },
          { text: 'Good news 🎉 we recieved it 👍🏽 and it ships tomorow.', count: 2, fixed: 'Good news 🎉 we received it 👍🏽 and it ships tomorrow.' },
        ],
        good: [
          { text: 'We received your refund request this morning.' },
          { text: 'Hola Ana, recibimos tu solicitud de reembolso y la revisamos hoy mismo por la tarde.', note: 'a reply in Spanish: not checked' },
          { text: "Sooo sorry, we're lookin into it now, smh. Any recs for the next update? Lmao.", note: 'chat shorthand, a held letter, a dropped g: written on purpose' },
          { text: 'The sign-in failed because the certificate was misconfigured.', note: 'a known word with a prefix' },
          { text: 'SyncBox will pick up the new folder on its next run.', note: 'a product name: capitalised, taken for a name' },
          { text: 'Hi Siobhan, your order #A7731-XK shipped; track it at https://track.example.com/A7731 or ask ops@example.com.' },
          { text: 'You wrote "the app keeps crashhing" — thanks, that helped us find it.', note: "the customer's words, quoted" },
          { text: 'Hi priyanka, the invoice is attached.', context: { customerName: 'Priyanka Shah' } },
          { text: 'The frobnicator setting is under Advanced.', context: { customerMessage: 'Where is the frobnicator setting?' }, note: 'a word the customer used' },
        ],
      },
    },
  },
  (context) => {
    for (const finding of writingFindings(context, SPELLING_KINDS)) {
      const suggestions = rankedSuggestions(finding).slice(0, 3);
      context.report({
        message: suggestions.length ? `"${finding.text}" looks misspelled; did you mean "${suggestions[0]}"?` : `"${finding.text}" looks misspelled.`,
        start: finding.start,
        end: finding.end,
        ...(suggestions.length ? { fix: suggestions } : {}),
      });
    }
  },
);
