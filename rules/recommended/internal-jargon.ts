import weakMemoize from '@emotion/weak-memoize';
import { compileMatcher, defineRule, type Span } from '@preach/core';
import { longestFirst } from '../src/helpers/spans.js';

/**
 * Words support teams use among themselves: tiers, process names, metrics, tracker names.
 * Each maps to what to say instead ("" when the sentence needs rewording, not a swap).
 * Team words that customers do know go in the config's `vocabulary` and are never flagged.
 */
const DEFAULT_TERMS: Record<string, string> = {
  T1: 'our support team',
  T2: 'our specialist team',
  T3: 'our engineers',
  L1: 'our support team',
  L2: 'our specialist team',
  L3: 'our engineers',
  'tier 1': 'our support team',
  'tier-1': 'our support team',
  'tier 2': 'our specialist team',
  'tier-2': 'our specialist team',
  'tier 3': 'our engineers',
  'tier-3': 'our engineers',
  'per the SOP': 'as our process says',
  SOP: 'our process',
  'KB article': 'help article',
  'internal ticket': '',
  'bug ticket': 'bug report',
  'Jira ticket': '',
  'dev ticket': '',
  'eng ticket': '',
  'escalation queue': '',
  CSAT: 'satisfaction survey',
  NPS: '',
  AHT: '',
  FCR: '',
  EOD: 'end of day',
  COB: 'end of the business day',
  PFA: "I've attached",
  repro: 'reproduce',
  'repro steps': 'steps to reproduce',
  backend: 'our systems',
  'back end': 'our systems',
  'back-end': 'our systems',
  'P1 incident': 'urgent incident',
  'P2 incident': 'incident',
  sev1: 'urgent incident',
  'sev 1': 'urgent incident',
  'sev-1': 'urgent incident',
  sev2: 'incident',
  'sev 2': 'incident',
};

type Terms = Record<string, string> | string[];

interface Options {
  terms?: Terms;
  extra_terms?: Terms;
}

interface Compiled {
  /** Abbreviations in capitals ("SOP", "T2") match as written; "sop" and "t2" are other words. */
  exact: ReturnType<typeof compileMatcher>;
  loose: ReturnType<typeof compileMatcher>;
  plain: Map<string, string>;
}

const termsSchema = {
  anyOf: [
    { type: 'object', additionalProperties: { type: 'string' } },
    { type: 'array', items: { type: 'string' } },
  ],
};

export default defineRule(
  {
    id: 'internal-jargon',
    languages: ['en'],
    category: 'articulate',
    severity: 'warning',
    fixable: true,
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        terms: { ...termsSchema, description: 'The jargon list, replacing the built-in one: {term: what to say instead} or a list of terms' },
        extra_terms: { ...termsSchema, description: 'Terms added to the list ("ticket", "SLA", your tracker, your tiers)' },
      },
    },
    defaultOptions: { terms: DEFAULT_TERMS, extra_terms: {} },
    renamedOptions: { extraTerms: 'extra_terms' },
    docs: {
      description: 'Internal jargon from the support team ("escalate to T2", "per the SOP", "L1", "Jira ticket") that customers do not speak.',
      why: 'Tiers, process names and tracker names mean something inside the team and nothing to the customer, who is left wondering what "T2" is and whether it is good news. Say what happens instead: "I\'ve passed this to our specialist team". Words in the team vocabulary (config `vocabulary`) are never flagged, so a team whose customers do say "SOP" or "backend" can keep them; add your own terms ("ticket", "SLA", your tracker) with `extra_terms`.',
      examples: {
        bad: [
          { text: "I've escalated this to T2 and they will reply by 5 pm.", fixed: "I've escalated this to our specialist team and they will reply by 5 pm." },
          { text: 'Per the SOP we cannot refund after 30 days.', fixed: 'As our process says we cannot refund after 30 days.' },
          { text: 'Our L1 team opened a Jira ticket for this.', count: 2 },
          { text: 'Your ticket is now with the dev team.', options: { extra_terms: ['ticket'] } },
        ],
        good: [
          { text: "I've passed this to our specialist team and they will reply by 5 pm." },
          { text: 'I can see your support ticket 48213; I have replied there as well.' },
          { text: 'Your t2.micro instance restarted at 3 pm.', note: 'abbreviations match only in capitals' },
        ],
      },
    },
  },
  (context) => {
    const { exact, loose, plain } = compile(context.options as Options);
    const found = [...exact.find(context.prose), ...loose.find(context.prose)];
    for (const span of longestFirst(found)) {
      const key = span.text.toLowerCase().replace(/\s+/g, ' ');
      if (context.vocabulary.has(key)) continue;
      const instead = plain.get(key);
      context.report({
        message: instead ? `"${span.text}" is team jargon; say "${instead}".` : `"${span.text}" is team jargon the customer may not know; say what happens instead.`,
        start: span.start,
        end: span.end,
        fix: instead ? matchStart(instead, span, context.prose) : undefined,
      });
    }
  },
);

/** The terms compiled once per options object, not once per reply. */
const compile = weakMemoize((options: Options): Compiled => {
  const terms = { ...asTable(options.terms ?? DEFAULT_TERMS), ...asTable(options.extra_terms ?? {}) };
  const keys = Object.keys(terms);
  const isAbbreviation = (term: string) => /\p{Lu}/u.test(term) && term === term.toUpperCase();
  return {
    exact: compileMatcher({ tokens: keys.filter(isAbbreviation), ignorecase: false }),
    loose: compileMatcher({ tokens: keys.filter((term) => !isAbbreviation(term)) }),
    plain: new Map(keys.map((term) => [term.toLowerCase(), terms[term]!])),
  };
});

function asTable(terms: Terms): Record<string, string> {
  return Array.isArray(terms) ? Object.fromEntries(terms.map((term) => [term, ''])) : terms;
}

/** Capitalises the replacement at the start of a sentence ("Per the SOP" → "As our process says"). */
function matchStart(replacement: string, span: Span, prose: string): string {
  const sentenceStart = /(?:^|[.!?]\s+|\n\s*)$/.test(prose.slice(0, span.start));
  return sentenceStart ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
}
