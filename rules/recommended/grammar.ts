import { defineRule } from '@preach/core';
import { GRAMMAR_KINDS, plainMessage, rankedSuggestions, writingFindings } from '../src/writing/findings.js';

export default defineRule(
  {
    id: 'grammar',
    // Harper checks English; a reply in another language is not its business, whatever its script.
    languages: ['en'],
    category: 'articulate',
    severity: 'off',
    fixable: true,
    docs: {
      description: 'Grammar and usage slips ("their is", "Its a known issue", "a error", "the the"), checked offline by Harper, with its corrections as fixes.',
      why: 'QA scorecards check grammar next to spelling, and customers read a slip like "your" for "you\'re" as a reply written in a hurry. The checker is Harper, which runs inside preach with no network; its style advice is left out (preach\'s own rules cover style; closed compounds and British usage are style), as are text quoted from the customer, readings of a sentence across a link, a handle or a code Harper was not shown ("for DL1445 for" is no repeated word), and "you guys" read as a pronoun with a verb.',
      examples: {
        bad: [
          { text: 'Let me know if their is anything else I can do.', fixed: 'Let me know if there is anything else I can do.' },
          { text: 'Its a known issue and we are working on a fix.', fixed: "It's a known issue and we are working on a fix." },
          { text: 'I have checked the the settings on your account.', fixed: 'I have checked the settings on your account.' },
          { text: "Sorry, it don't show the refund yet.", fixed: "Sorry, it doesn't show the refund yet." },
          { text: 'The app freezed after the update.', fixed: 'The app froze after the update.' },
          { text: 'The screen has freezed twice today.', fixed: 'The screen has frozen twice today.', note: 'the participle after "has"' },
          { text: 'It is one of the worst support we had.', note: '"one of the" takes a plural' },
        ],
        good: [
          { text: 'Let me know if there is anything else I can do.' },
          { text: "It's a known issue and we are working on a fix." },
          { text: 'You said "their is no button" — it is under Settings, top right.', note: "the customer's words, quoted" },
          { text: 'You guys were right, the refund went out this morning.', note: '"you guys": the pronoun with a noun, not with a verb' },
          { text: 'You banks want us to sign up for autopay.', note: '"you banks": the pronoun with a noun' },
          { text: 'How is it that the branch near me and their ATM are closed?', note: '"their" before a name or an acronym is the possessive' },
          { text: 'The touch screen model takes a bank card too.', note: 'open or closed compounds are style' },
          { text: 'Playback stops when the app loses focus.', note: 'a compound noun, not a phrasal verb' },
          { text: 'Sorry you are fed up of waiting; your order ships today.', note: 'British usage' },
          { text: 'I just learned can\'t mirror it, and I forgot password yesterday.', note: 'no "to" is missing' },
          { text: 'I checked the standby list for DL1445 for tomorrow.', note: 'a flight number between two words: not a repeated word' },
          { text: 'Grab a coffee for $3 for the trip.', note: 'an amount between two words' },
          { text: "Hey, it's #boorito time!", note: 'a hashtag after "it\'s"' },
          { text: 'Bring it to the store so w/ your receipt we can swap it.', note: '"w/" is an abbreviation, not a word to merge' },
          { text: 'Unli data comes with the new plan.', note: 'a capitalised word the dictionary lacks is a name, not a negative' },
        ],
      },
    },
  },
  (context) => {
    for (const finding of writingFindings(context, GRAMMAR_KINDS)) {
      const suggestions = rankedSuggestions(finding, context.prose).slice(0, 3);
      context.report({
        message: plainMessage(finding.message),
        start: finding.start,
        end: finding.end,
        ...(suggestions.length ? { fix: suggestions } : {}),
      });
    }
  },
);
