import weakMemoize from '@emotion/weak-memoize';
import { compileMatcher, defineRule, type Span } from '@preach/core';
import { fillers } from 'fillers';
import { hedges } from 'hedges';
import retextIntensify from 'retext-intensify';
import { weasels } from 'weasels';
import { sentenceAt } from '../src/helpers/sentences.js';
import { retextRunner } from '../src/helpers/retext.js';

/**
 * The words of retext-intensify's filler, hedge and weasel lists that pad or hedge a support
 * reply. The rest of those lists are ordinary in support: modal verbs ("can", "will", "may"),
 * quantities ("some", "many", "about"), time words ("often", "already"), verbs of reporting
 * ("found", "noticed"), and words other rules own ("obviously", "definitely", "clearly").
 */
const PADDING = new Set([
  'actually', 'basically', 'just', 'really', 'very', 'quite', 'pretty', 'rather', 'somewhat', 'maybe', 'perhaps',
  'possibly', 'probably', 'kind of', 'sort of', 'literally', 'totally', 'truly', 'simply', 'essentially', 'seriously',
  'hopefully', 'apparently', 'fairly', 'relatively', 'a bit', 'somehow', 'seem', 'seems', 'seemed', 'supposedly',
  'presumably', 'conceivably', 'guess', 'think', 'suppose', 'frankly', 'anyway', 'extremely', 'exceedingly', 'arguably',
  'interestingly', 'surprisingly', 'remarkably', 'more or less', 'in my opinion', 'in my view', 'my impression',
  'my thinking is', 'unsure', 'practically', 'virtually', 'might',
]);

const LISTED = [...new Set([...fillers, ...hedges, ...weasels])];

interface Options {
  per_sentence?: number;
  ignore?: string[];
}

/** The words to count, as a cheap matcher and as retext-intensify configured to find only them. */
const compiled = weakMemoize((options: Options) => {
  const ignored = new Set(options.ignore ?? []);
  const counted = new Set(LISTED.filter((word) => PADDING.has(word) && !ignored.has(word)));
  return {
    prefilter: compileMatcher({ tokens: [...counted] }),
    runner: retextRunner(retextIntensify, { ignore: LISTED.filter((word) => !counted.has(word)) }),
  };
});

export default defineRule(
  {
    id: 'filler-words',
    languages: ['en'],
    category: 'proud',
    severity: 'suggestion',
    fixable: false,
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        per_sentence: { type: 'integer', minimum: 2, description: 'How many hedges and fillers in one sentence make a stack (default 3)' },
        ignore: { type: 'array', items: { type: 'string' }, description: 'Words not to count (lower case)' },
      },
    },
    defaultOptions: { per_sentence: 3, ignore: [] },
    renamedOptions: { perSentence: 'per_sentence' },
    docs: {
      description: 'Stacks of hedges and fillers in one sentence ("just really basically think maybe").',
      why: 'One "just" is harmless. Three hedges in a sentence make the agent sound unsure of the product and of the answer, which PREACH\'s "Proud" asks agents to avoid: say what you know plainly. The words come from retext-intensify\'s filler, hedge and weasel lists, keeping those that pad a support reply.',
      examples: {
        bad: [
          { text: 'I just really think the sync should maybe work now.' },
          { text: 'It basically seems like the export is probably fine, honestly.' },
        ],
        good: [
          { text: 'The sync works again: I tested it on your account at 3 pm.' },
          { text: 'I just checked, and your refund is on its way.' },
          { text: 'You might see a pending charge for a day or two; it drops off by itself.' },
          { text: 'Some of the older invoices may take about a day to appear.' },
        ],
      },
    },
  },
  (context) => {
    const options = context.options as Options;
    const limit = options.per_sentence ?? 3;
    const { prefilter, runner } = compiled(options);
    // Most replies hold fewer padding words than a stack; counting them is cheaper than parsing.
    if (prefilter.find(context.prose).length < limit) return;
    const bySentence = new Map<number, Span[]>();
    for (const hit of runner(context.prose)) {
      const line = lineWithin(sentenceAt(context, hit.start), hit.start);
      const spans = bySentence.get(line) ?? [];
      spans.push({ start: hit.start, end: hit.end, text: hit.actual });
      bySentence.set(line, spans);
    }
    for (const spans of bySentence.values()) {
      if (spans.length < limit) continue;
      const words = spans.map((span) => `"${span.text.toLowerCase()}"`).join(', ');
      context.report({
        message: `${spans.length} hedges and fillers in one sentence (${words}); say it plainly.`,
        start: spans[0]!.start,
        end: spans[spans.length - 1]!.end,
      });
    }
  },
);

/** Sentences run across line breaks in chat and lists; a line is the unit a reader sees. */
function lineWithin(sentence: Span, offset: number): number {
  const newline = sentence.text.lastIndexOf('\n', offset - sentence.start);
  return newline === -1 ? sentence.start : sentence.start + newline + 1;
}
