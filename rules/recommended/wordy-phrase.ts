import weakMemoize from '@emotion/weak-memoize';
import { compileMatcher, defineRule, matchCase, type RuleContext, type Span } from '@preach/core';
import { simplifyPatterns } from '../src/generated/simplify-patterns.js';
import { longestFirst } from '../src/helpers/spans.js';

/**
 * retext-simplify's phrases that are fine in a support reply, or that other rules own:
 * "pass away" is the gentle way to speak of a death, "in the near future" is vague-timeline's,
 * "prior to" is formal-word's, "please be advised" robotic-phrase's, and "there is", "it is",
 * "in addition" or "all of" are ordinary English a reviewer would never mark.
 */
const NOT_WORDY_IN_SUPPORT = [
  'pass away',
  'in the near future',
  'prior to',
  'be advised',
  'addressees are requested',
  'there is',
  'there are',
  'it is',
  'it appears',
  'in addition',
  'all of',
  'as to',
  'in between',
  'in terms of',
  'failed to',
  'benefit from',
  'similar to',
  'relative to',
  'is responsible for',
  'has no effect',
  'not many',
  'not often',
  'on the contrary',
  'on the other hand',
  'limited number',
  'took advantage of',
  'take action to',
  'the use of',
  'the month of',
  'your office',
  'arrive onboard',
  'combat environment',
  'factual evidence',
  'put simply',
  'comply with',
  'in many cases',
];

/** Padding support replies use that retext-simplify does not list. */
const SUPPORT_PHRASES: Record<string, string> = {
  'at this point in time': 'now',
  'at this moment in time': 'now',
  'at the present time': 'now',
  'in the event that': 'if',
  'a large number of': 'many',
  'the majority of': 'most',
  'on a daily basis': 'daily',
  'on a regular basis': 'regularly',
  'despite the fact that': 'although',
  'in spite of the fact that': 'although',
  'for the reason that': 'because',
  'has the ability to': 'can',
  'have the ability to': 'can',
  'is able to': 'can',
  'are able to': 'can',
  'give consideration to': 'consider',
  'take into consideration': 'consider',
  'make a decision': 'decide',
  'as a result of': 'because of',
  'at all times': 'always',
  'end result': 'result',
  'final outcome': 'outcome',
  'please find attached': "I've attached",
  'please find below': 'here is',
};

interface Options {
  ignore?: string[];
  phrases?: Record<string, string>;
}

interface Finding extends Span {
  fixes: string[];
}

export default defineRule(
  {
    id: 'wordy-phrase',
    languages: ['en'],
    category: 'concise',
    severity: 'suggestion',
    fixable: true,
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ignore: { type: 'array', items: { type: 'string' }, description: 'More phrases not to flag (lower case), on top of those the rule already leaves alone' },
        phrases: { type: 'object', additionalProperties: { type: 'string' }, description: 'More phrases to flag, each with its short form ("" to remove it)' },
      },
    },
    defaultOptions: { ignore: [], phrases: {} },
    docs: {
      description: 'Padded phrases with a shorter form: "in order to", "at this point in time", "due to the fact that" …',
      why: 'Padding makes a reply longer without making it kinder, and customers skim. The phrase list is retext-simplify\'s plain-English list (multi-word phrases; single formal words are formal-word\'s job), tuned for support: gentle phrases such as "passed away" and ordinary ones such as "there is" are left alone.',
      examples: {
        bad: [
          { text: 'In order to reset your password, open Settings.', fixed: 'To reset your password, open Settings.' },
          { text: 'At this point in time the export is not available.', fixed: 'Now the export is not available.' },
          { text: 'The delay is due to the fact that the courier lost the parcel.', fixed: 'The delay is because the courier lost the parcel.' },
          { text: 'We are in the process of checking your order.', fixed: 'We are checking your order.' },
          { text: 'Your refund is delayed at this time.', fixed: 'Your refund is delayed now.' },
        ],
        good: [
          { text: 'To reset your password, open Settings.' },
          { text: "I'm so sorry your father passed away. I've closed his account." },
          { text: 'There is a new export button under Settings.' },
          { text: 'Run `git log --since "at this point in time"` to see it.' },
        ],
      },
    },
  },
  (context) => {
    const options = context.options as Options;
    const { matcher, table } = phraseTable(options);
    const findings: Finding[] = [];
    for (const span of matcher.find(context.prose)) {
      const fixes = table.get(normalise(span.text));
      if (fixes) findings.push({ ...span, fixes });
    }
    for (const finding of longestFirst(findings)) report(context, finding);
  },
);

function normalise(phrase: string): string {
  return phrase.toLowerCase().replace(/\s+/g, ' ');
}

/**
 * retext-simplify's multi-word phrases (single formal words are formal-word's job) less those
 * fine in support, plus the support phrases and the team's own, compiled once per options.
 */
const phraseTable = weakMemoize((options: Options) => {
  const ignored = new Set([...NOT_WORDY_IN_SUPPORT, ...(options.ignore ?? [])].map(normalise));
  const table = new Map<string, string[]>();
  for (const [phrase, pattern] of Object.entries(simplifyPatterns)) {
    if (phrase.includes(' ') && !ignored.has(phrase)) table.set(phrase, [...pattern.replace]);
  }
  for (const [phrase, fix] of Object.entries({ ...SUPPORT_PHRASES, ...(options.phrases ?? {}) })) {
    if (!ignored.has(normalise(phrase))) table.set(normalise(phrase), fix.split('|'));
  }
  return { matcher: compileMatcher({ tokens: [...table.keys()] }), table };
});

function report(context: RuleContext, finding: Finding): void {
  const text = context.prose.slice(finding.start, finding.end);
  if (finding.fixes.length === 0 || finding.fixes.every((fix) => fix === '')) {
    // Remove the phrase and one space, so "are in the process of checking" → "are checking".
    const end = context.prose[finding.end] === ' ' ? finding.end + 1 : finding.end;
    context.report({ message: `"${text}" adds nothing; remove it.`, start: finding.start, end, fix: '' });
    return;
  }
  const fixes = finding.fixes.filter(Boolean).map((fix) => matchCase(fix, text));
  context.report({ message: `Say "${fixes.join('" or "')}" instead of "${text}".`, start: finding.start, end: finding.end, fix: fixes });
}
