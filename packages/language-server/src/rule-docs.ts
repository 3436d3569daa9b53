import type { Rule } from '@preach/core';

/** What a hover needs about a rule, as plain data. */
export interface RuleDocSummary {
  id: string;
  category: string;
  description: string;
  why: string;
  good?: string;
  url?: string;
}

export function summarizeRule(rule: Rule): RuleDocSummary {
  const { meta } = rule;
  const summary: RuleDocSummary = { id: meta.id, category: meta.category, description: meta.docs.description, why: meta.docs.why };
  const good = meta.docs.examples.good[0];
  if (good) summary.good = good.text;
  if (meta.url) summary.url = meta.url;
  return summary;
}
