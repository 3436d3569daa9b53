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
      why: 'QA scorecards check grammar next to spelling, and customers read a slip like "your" for "you\'re" as a reply written in a hurry. The checker is Harper, which runs inside preach with no network; its style advice is left out (preach\'s own rules cover style) and so is text quoted from the customer.',
      examples: {
        bad: [
          { text: 'Let me know if their is anything else I can do.', fixed: 'Let me know if there is anything else I can do.' },
          { text: 'Its a known issue and we are working on a fix.', fixed: "It's a known issue and we are working on a fix." },
          { text: 'I have checked the the settings on your account.', fixed: 'I have checked the settings on your account.' },
        ],
        good: [
          { text: 'Let me know if there is anything else I can do.' },
          { text: "It's a known issue and we are working on a fix." },
          { text: 'You said "their is no button" — it is under Settings, top right.', note: "the customer's words, quoted" },
        ],
      },
    },
  },
  (context) => {
    for (const finding of writingFindings(context, GRAMMAR_KINDS)) {
      const suggestions = rankedSuggestions(finding).slice(0, 3);
      context.report({
        message: plainMessage(finding.message),
        start: finding.start,
        end: finding.end,
        ...(suggestions.length ? { fix: suggestions } : {}),
      });
    }
  },
);
