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
      why: 'QA scorecards mark spelling down because customers do: a typo in a reply about their money or their data reads as carelessness about both. Words the team uses (config `vocabulary` or a pack\'s vocabulary.txt: product names, internal names customers know), the customer\'s and agent\'s names, words the customer wrote, text quoted from the customer, links, e-mail addresses, order numbers and code are never flagged; a capitalised word the dictionary does not know is taken for a name, and a lower-case one is flagged only when it reads as a slip of a known word (letters swapped, doubled or left out, a neighbouring key, a missing apostrophe) or a name in lower case ("uber" for "Uber"), so slang, brands and abbreviations ("tryna", "xfinity", "hdmi") are left alone. In the editor, "Add to the team vocabulary" silences a word for everyone.',
      examples: {
        bad: [
          { text: 'We recieved your refund request this morning.', fixed: 'We received your refund request this morning.' },
          { text: 'Sorry for teh wait, your order ships tomorow.', count: 2 },
          { text: 'Your refund was proccessed on Monday.', fixed: 'Your refund was processed on Monday.' },
          { text: 'Good news 🎉 we recieved it 👍🏽 and it ships tomorow.', count: 2, fixed: 'Good news 🎉 we received it 👍🏽 and it ships tomorrow.' },
          { text: 'Sorry, I forgott to attach the label.', fixed: 'Sorry, I forgot to attach the label.', note: 'a letter doubled by mistake' },
          { text: 'We havent received the parcel back yet.', fixed: "We haven't received the parcel back yet.", note: 'a contraction without its apostrophe' },
          { text: 'Your uber receipt is attached.', fixed: 'Your Uber receipt is attached.', note: 'a name written in lower case gets its capitals' },
          { text: 'We checked the accurancy of the invoice.', fixed: 'We checked the accuracy of the invoice.', note: 'a letter slipped into a longer word' },
          { text: 'The fee was a miscallenous charge.', fixed: 'The fee was a miscellaneous charge.', note: 'a long word a few letters off' },
        ],
        good: [
          { text: 'We received your refund request this morning.' },
          { text: 'Hola Ana, recibimos tu solicitud de reembolso y la revisamos hoy mismo por la tarde.', note: 'a reply in Spanish: not checked' },
          { text: "Sooo sorry, we're lookin into it now, smh. Any recs for the next update? Lmao.", note: 'chat shorthand, a held letter, a dropped g: written on purpose' },
          { text: 'The boorito deal is back, and the queso is on us this week.', note: "a promotion's word and a loanword: no ordinary word is a slip away" },
          { text: "We're tryna sort it now, fam.", note: 'slang: not a slip of any word' },
          { text: 'Imma check your frequent flyer miles now, gonna be quick.', note: 'chat contractions, and a spelling the dictionary lacks' },
          { text: 'Check the hdmi cable and the cpu fan, then try again.', note: 'short abbreviations in lower case' },
          { text: 'Never click login-chase[.]com or secur-accounts[.]com; they are phishing sites.', note: 'links written so they cannot be clicked' },
          { text: 'It was a non-fatal error, and the fix is live.', note: 'a hyphen after a prefix is not a misspelling' },
          { text: 'Our judgements on the two claims are attached, and the old card is still useable.', note: 'British spellings' },
          { text: 'Big shoutout to the night team for the quick fix.', note: 'a closed compound of a hyphenated word: style' },
          { text: 'We went to @Chipotle to get lunch.', note: 'a handle between two words: not a doubled "to"' },
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
      const suggestions = rankedSuggestions(finding, context.prose).slice(0, 3);
      const capitals = suggestions[0]?.toLowerCase() === finding.text.toLowerCase();
      context.report({
        message: capitals ? `"${finding.text}" is written "${suggestions[0]}".` : suggestions.length ? `"${finding.text}" looks misspelled; did you mean "${suggestions[0]}"?` : `"${finding.text}" looks misspelled.`,
        start: finding.start,
        end: finding.end,
        ...(suggestions.length ? { fix: suggestions } : {}),
      });
    }
  },
);
