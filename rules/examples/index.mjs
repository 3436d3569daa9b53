// Code rules: for logic a rule file cannot express. This one compares the reply with the
// customer's message, which no list of words can do. Same metadata and examples as YAML rules;
// `preach test-rules` runs the examples.
import { defineRule } from '@preach/core';

/** Bramble case references look like BR-20417. */
const REFERENCE = /\bBR-\d{4,8}\b/g;

export default [
  defineRule(
    {
      id: 'bramble/wrong-case-reference',
      category: 'articulate',
      severity: 'error',
      fixable: true,
      docs: {
        description: "A case reference (BR-12345) in the reply that is not the one in the customer's message.",
        why: 'A reply quoting another case number was written for someone else, or copied from the wrong ticket. Either way the customer stops trusting the rest of it.',
        examples: {
          bad: [
            {
              text: "I've updated case BR-20471 for you.",
              context: { customerMessage: 'Any news on BR-20417? It has been a week.' },
              fixed: "I've updated case BR-20417 for you.",
            },
          ],
          good: [
            { text: "I've updated case BR-20417 for you.", context: { customerMessage: 'Any news on BR-20417? It has been a week.' } },
            { text: "I've opened case BR-30001 for you.", context: { customerMessage: 'My payroll failed.' } },
          ],
        },
      },
    },
    (context) => {
      const theirs = [...new Set(context.reply.customerMessage?.match(REFERENCE) ?? [])];
      if (theirs.length === 0) return;
      for (const match of context.prose.matchAll(REFERENCE)) {
        if (theirs.includes(match[0])) continue;
        context.report({
          message: `${match[0]} is not the case in the customer's message (${theirs.join(', ')}); check you are answering the right ticket.`,
          start: match.index,
          end: match.index + match[0].length,
          fix: theirs.length === 1 ? theirs[0] : undefined,
        });
      }
    },
  ),
];
