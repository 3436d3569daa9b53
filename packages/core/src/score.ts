import { CATEGORY_IDS } from './categories.js';
import type { Category, PreachMessage, ScoreCard, ScoringConfig, Severity } from './types.js';

export const DEFAULT_SCORING: ScoringConfig = {
  weights: { error: 1, warning: 0.35, suggestion: 0.1 },
  wordsPerUnit: 60,
  critical: [],
  categoryWeights: { proud: 1, responsible: 1, empathetic: 1, articulate: 1, concise: 1, human: 1 },
  passMark: 80,
};

/**
 * Score of a reply, 0-100 (see docs/scoring.md). Like Acrolinx, the penalty is set against the
 * reply's length in units of `wordsPerUnit` words (at least one unit), so a long reply is not
 * punished for being long:
 *
 *     units   = max(1, words / wordsPerUnit)                      (wordsPerUnit: 60)
 *     penalty = Σ weight(severity) × categoryWeight(category)     (error 1, warning 0.35, suggestion 0.1)
 *     score   = 100 × units / (units + penalty)
 *
 * So one error in a reply of up to 60 words halves its score; a suggestion costs 9 points. Each
 * PREACH category is scored the same way from its own messages (without the category weight,
 * which only says how much that category counts in the overall score; 0 leaves it out).
 *
 * A critical message (an auto-fail, like asking for a password) makes the reply's score 0 and is
 * named in `autoFail`. The category scores stay those of their own findings: an auto-fail says the
 * reply fails as a whole, while the breakdown still shows where its problems are (a password
 * request costs Responsible, not Concise).
 * `preach score` builds conversation, agent and team scores from these (docs/scoring.md).
 */
export function scoreReply(messages: readonly Pick<PreachMessage, 'severity' | 'category' | 'critical' | 'ruleId'>[], words: number, scoring: ScoringConfig = DEFAULT_SCORING): ScoreCard {
  const units = Math.max(1, words / scoring.wordsPerUnit);
  // Objects built key by key: Object.fromEntries took a microsecond for six keys, twice a reply.
  const perCategory = {} as Record<Category, number>;
  for (const c of CATEGORY_IDS) perCategory[c] = 0;
  let penalty = 0;
  const autoFail = new Set<string>();
  for (const message of messages) {
    const weight = scoring.weights[message.severity as Severity] ?? 0;
    penalty += weight * (scoring.categoryWeights[message.category] ?? 1);
    perCategory[message.category] += weight;
    if (message.critical) autoFail.add(message.ruleId);
  }
  const toScore = (p: number) => round(100 * units / (units + p));
  const categories = {} as Record<Category, number>;
  for (const c of CATEGORY_IDS) categories[c] = toScore(perCategory[c]);
  const critical = autoFail.size > 0;
  return { score: critical ? 0 : toScore(penalty), categories, words, penalty: round(penalty), critical, autoFail: [...autoFail].sort() };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
