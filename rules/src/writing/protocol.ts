/** What the rules send the writing checker's thread, and what it answers. */
export interface CheckRequest {
  id: number;
  text: string;
}

/** One finding of Harper's, with offsets in JavaScript string units. */
export interface HarperFinding {
  start: number;
  end: number;
  /** The Harper rule that found it: SpellCheck, PronounVerbAgreement, RepeatedWords, … */
  rule: string;
  /** Harper's category: Spelling, Typo, Grammar, Agreement, Punctuation, WordChoice, … */
  kind: string;
  message: string;
  suggestions: string[];
}

export type CheckResponse = { id: number; findings: HarperFinding[]; error?: undefined } | { id: number; error: string; findings?: undefined };
