import type { Rule, RuleExample } from '@preach/core';

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

/** A rule's full docs as Markdown, for "show rule docs". */
export function ruleDocsMarkdown(rule: Rule): string {
  const { meta } = rule;
  const lines = [`# ${meta.id}`, '', `**${meta.category}** · ${meta.severity}${meta.fixable ? ' · fixable' : ''}${meta.critical ? ' · critical (zeroes the score)' : ''}`, '', meta.docs.description, ''];
  if (meta.docs.why) lines.push('## Why', '', meta.docs.why, '');
  const section = (title: string, examples: RuleExample[]) => {
    if (examples.length === 0) return;
    lines.push(`## ${title}`, '');
    for (const example of examples) {
      const context = example.context && Object.keys(example.context).length ? ` _(${Object.entries(example.context).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`).join('; ')})_` : '';
      lines.push(`- ${quote(example.text)}${context}`);
      if (example.fixed) lines.push(`  - fixed: ${quote(example.fixed)}`);
    }
    lines.push('');
  };
  section('Flagged', meta.docs.examples.bad);
  section('Fine', meta.docs.examples.good);
  if (meta.url) lines.push(`[Reference page](${meta.url})`, '');
  return lines.join('\n');
}

function quote(text: string): string {
  return `“${text.replace(/\n+/g, ' ⏎ ')}”`;
}
