import { BoundedCache, defineRule, limitFor, type PerChannel } from '@preach/core';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { perChannelSchema, readerSentences } from '../src/helpers/units.js';

/**
 * Syllables per word, remembered: counting runs a dozen patterns over a word, and replies use the
 * same few thousand words again and again. Bounded, so a long batch cannot grow it without end.
 */
const syllableCounts = new BoundedCache<string, number>(20_000);
function syllablesOf(word: string): number {
  return syllableCounts.get(word) ?? syllableCounts.set(word, syllable(word));
}

export default defineRule(
  {
    id: 'hard-to-read',
    category: 'articulate',
    severity: 'suggestion',
    fixable: false,
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        max_grade: perChannelSchema('Highest Flesch-Kincaid grade level a reply may have: a number, or per channel ({email: 10, default: 9})'),
        min_words: { type: 'integer', minimum: 1, description: 'Replies shorter than this are not graded (a formula over three sentences means little); default 40' },
      },
    },
    defaultOptions: { max_grade: { default: 10 }, min_words: 40 },
    docs: {
      description: 'Replies that read above a team-set school grade (Flesch-Kincaid grade level over 10 by default): long sentences of long words.',
      why: 'QA scorecards grade readability, and support writing guides aim at about grade 8: customers read replies on phones, often upset, sometimes in a second language. The grade comes from the average sentence length and syllables per word, so the fix is shorter sentences and plainer words. Short replies (under 40 words, or under three sentences, where long-sentence says it already) are not graded; teams set their own limit per channel with `max_grade`.',
      examples: {
        bad: [
          {
            text: 'Following comprehensive investigation of the synchronisation irregularities identified within your organisational workspace, our engineering department has determined the cause. The intermittent authentication failures originate from misconfigured federation certificates. Administrative intervention is necessary to regenerate the credentials associated with your identity provider integration.',
          },
        ],
        good: [
          {
            text: 'We found the cause of the sign-in errors. The certificate that links your company login to our app has expired. Your admin can make a new one in two minutes: open Settings, then Security, then Single sign-on, and click Renew. Sign-in will work again right after that.',
          },
          {
            text: 'Following comprehensive investigation, our engineering department determined that intermittent authentication failures originate from misconfigured federation certificates.',
            note: 'under 40 words: not graded',
          },
        ],
      },
    },
  },
  (context) => {
    const max = limitFor(context.options.max_grade as PerChannel, context.reply.channel);
    const minWords = (context.options.min_words as number) ?? 40;
    if (!max || context.analysis.wordCount() < minWords) return;
    const sentences = readerSentences(context);
    const words = context.analysis.words();
    // Over one or two sentences the grade only repeats what long-sentence says.
    if (words.length < minWords || sentences.length < 3) return;
    const syllables = words.reduce((sum, word) => sum + syllablesOf(word.text), 0);
    const grade = fleschKincaid({ sentence: sentences.length, word: words.length, syllable: syllables });
    if (grade <= max) return;
    const first = sentences[0]!;
    const last = sentences[sentences.length - 1]!;
    context.report({
      message: `This reply reads at grade ${grade.toFixed(1)} (over ${max}); use shorter sentences and plainer words.`,
      start: first.start,
      end: last.end,
      note: `${words.length} words in ${sentences.length} sentences, ${(syllables / words.length).toFixed(2)} syllables a word (Flesch-Kincaid grade level).`,
    });
  },
);
