import { defineRule, type Span } from '@preach/core';
import { mentionsTime } from '../src/helpers/time.js';
import { clauseAt, findAll, sentenceAt } from '../src/helpers/sentences.js';

/** Words that promise certainty. Cheap to scan for; most replies have none. */
const TRIGGER = new RegExp(
  [
    String.raw`\b(?:I|we)\s+(?:can\s+|will\s+|do\s+)?(?:personally\s+)?guarantee\b`,
    String.raw`\bguaranteed?\s+to\b`,
    String.raw`\b(?:it(?:'|’)?s|that(?:'|’)?s|is|are|be)\s+guaranteed\b`,
    String.raw`\b100\s*(?:%|percent)\s+(?:sure|certain|guarantee\w*|fixed|resolved|safe|secure|working|reliable)\b|\b(?:I(?:'|’)?m|I\s+am|we(?:'|’)?re|we\s+are)\s+100\s*(?:%|percent)\b`,
    // "We will 100% have this fixed", "it's going to be 100% sorted": 100% as an adverb of a promise.
    String.raw`\b(?:will|(?:'|’)ll|going\s+to|gonna|shall)\s+(?:be\s+)?100\s*(?:%|percent)(?!\s+(?:of|refund\w*|off|cashback|back|discount|charge\w*)\b)`,
    String.raw`\b(?:won(?:'|’)?t|will\s+not|never|not\s+let\s+(?:this|that|it)|never\s+let\s+(?:this|that|it))\s+happen\s+again\b`,
    String.raw`\b(?:I|we)\s+(?:can\s+)?promise\b`,
    String.raw`\b(?:definitely|certainly|absolutely|surely|for\s+sure)\b`,
    String.raw`\brest\s+assured\b`,
    String.raw`\b(?:I|we)\s+(?:can\s+)?assure\s+you\b`,
    String.raw`\bwithout\s+fail\b`,
  ].join('|'),
  'gi',
);

/** Certainty words only promise an outcome when they go with one: a date, "will", "fixed". */
const CERTAINTY_WORD = /^(?:definitely|certainly|absolutely|surely|for\s+sure|rest\s+assured|(?:I|we)\s+(?:can\s+)?assure\s+you)$/i;
const OUTCOME = /\b(?:will|'ll|’ll|won(?:'|’)?t|going\s+to|gonna|be\s+(?:fixed|resolved|sorted|back|working|delivered|refunded|there|done|ready)|right\s+away|immediately|in\s+no\s+time|never|always|fixed|resolved|sorted|by\s+\w+|tomorrow|today|tonight)\b/i;

/**
 * The agent's own next step ("I'll update you", "your feedback will be passed on"): a promise the
 * agent can keep, whoever the sentence names as its subject.
 */
const OWN_ACTION =
  /\b(?:update|e-?mail|call|ring|text|message|reply|respond|write|follow(?:ing|ed)?\s+up|get(?:ting)?\s+back|check(?:ing)?|look(?:ing)?\s+into|take\s+a\s+look|keep\s+you|let\s+you\s+know|send\s+you|contact|reach\s+out|review|escalat\w*|investigat\w*|chase|monitor|pass(?:ed|ing)?\s+(?:\w+\s+)?(?:on|along|onto)|pass\s+(?:this|that|it|your)|shar(?:e|ed|ing)|flag(?:ged)?|rais(?:e|ed)|forward(?:ed)?|help(?:ing)?|assist(?:ed)?|dive|continue|note|listen|work\s+with\s+you)\b/i;
/** Certainty about a feeling or an opinion ("we absolutely want you back") promises nothing. */
const FEELING_AFTER = /^\s*(?:\w+\s+)?(?:want|wanting|like|love|agree|understand|appreciate|hear|recommend|think|believe|feel|see\s+why|get\s+(?:it|that|why)|not)\b/i;
const NEGATED = /(?:\bnot|n't|n’t|\bnever|\bcannot|\bno\s+one|\bnobody)\s+(?:\w+\s+){0,2}$/i;
/** "I can't promise a date, but …" is the honest answer, not an over-promise. */
const HEDGED_BEFORE = /\b(?:can(?:'|’)?t|cannot|can\s+not|won(?:'|’)?t|don(?:'|’)?t|do\s+not|unable\s+to|wish\s+I\s+could|not\s+able\s+to)\s*$/i;

function isOverPromise(context: Parameters<Parameters<typeof defineRule>[1]>[0], match: Span): boolean {
  const sentence = sentenceAt(context, match.start);
  const clause = clauseAt(sentence, match.start);
  const before = context.prose.slice(Math.max(clause.start, match.start - 40), match.start);
  if (HEDGED_BEFORE.test(before) || NEGATED.test(before)) return false;
  const word = match.text.trim();
  if (/guarantee/i.test(word) && /\bmoney[\s-]*back\b|\bguarantee\s+(?:period|policy|covers)/i.test(clause.text)) return false;
  if (CERTAINTY_WORD.test(word)) {
    const after = context.prose.slice(match.end, clause.end);
    if (FEELING_AFTER.test(after)) return false;
    // "Absolutely, I can do that" and "Definitely!" answer a question; they promise nothing.
    if (/^\s*[,!.]/.test(after) && /^\s*$/.test(context.prose.slice(sentence.start, match.start)) && !/rest\s+assured/i.test(word)) return false;
    // "Absolutely, happy to help" is agreement, not a promise.
    if (!OUTCOME.test(after) && !OUTCOME.test(context.prose.slice(clause.start, match.start))) return false;
  }
  if (/promise/i.test(word) && !OUTCOME.test(context.prose.slice(match.end, clause.end))) return false;
  // A commitment to the agent's own next step is what we want agents to write.
  const rest = context.prose.slice(match.end, clause.end);
  if (OWN_ACTION.test(rest) && !/\bhappen\s+again\b/i.test(clause.text)) {
    if (mentionsTime(sentence.text) || !/guarantee|100/i.test(word)) return false;
  }
  return true;
}

export default defineRule(
  {
    id: 'over-promise',
    languages: ['en'],
    category: 'responsible',
    severity: 'warning',
    fixable: false,
    // What it finds in a sentence never depends on the rest of the reply.
    scope: 'paragraph',
    docs: {
      description: 'Promises of outcomes the agent does not control: "I guarantee", "100%", "this will never happen again", "definitely by tomorrow", "rest assured … right away".',
      why: 'A broken promise costs more trust than an honest range. Promise what you control: your own next step and when ("I\'ll update you by 3 pm"), not the outcome ("it will definitely be fixed tomorrow").',
      examples: {
        bad: [
          { text: 'I guarantee this will never happen again.', count: 1 },
          { text: 'Your parcel will definitely arrive by tomorrow.' },
          { text: "Rest assured, we'll fix it right away." },
          { text: "I'm 100% sure the update solves it." },
          { text: 'I promise the refund will be there on Monday.' },
          { text: 'We will 100% have this fixed by Friday.' },
        ],
        good: [
          { text: "I'll update you by 3 pm with what the carrier says." },
          { text: "I can't promise a date yet, but I'll check with the warehouse and reply by Friday." },
          { text: 'We refunded 100% of the charge this morning.' },
          { text: "Absolutely, happy to help with that. I'll definitely email you by 5 pm." },
          { text: 'Absolutely, I can move your plan to yearly billing today.' },
          { text: 'Rest assured, your feedback will be passed on to the product team.' },
          { text: 'We absolutely want you back, so here is 20% off your next month.' },
          { text: 'Does it use 100% CPU all the time or only while exporting?' },
          { text: 'Every plan comes with our 30-day money-back guarantee.' },
          { text: "We'll 100% keep you posted: I'll update you by 3 pm." },
        ],
      },
    },
  },
  (context) => {
    if (!/guarantee|100|happen\s+again|promise|definitely|certainly|absolutely|surely|for\s+sure|assure|without\s+fail/i.test(context.prose)) return;
    let lastEnd = -1;
    for (const match of findAll(TRIGGER, context.prose)) {
      if (match.start < lastEnd || !isOverPromise(context, match)) continue;
      const sentence = sentenceAt(context, match.start);
      lastEnd = sentence.end;
      context.report({
        message: `"${match.text.trim()}" promises an outcome you may not control; promise your next step and when instead ("I'll update you by 3 pm").`,
        start: match.start,
        end: match.end,
      });
    }
  },
);
