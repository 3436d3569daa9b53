import { CATEGORIES, type ResolvedConfig } from '@preach/core';
import pc from 'picocolors';

/** `preach rules`: every known rule with its category, severity and where it comes from. */
export function formatRuleList(config: ResolvedConfig, options: { format: string; color: boolean }): string {
  const rows = [...config.allRules.values()]
    .map((rule) => ({
      id: rule.meta.id,
      category: rule.meta.category,
      severity: config.rules.get(rule.meta.id)?.severity ?? 'off',
      defaultSeverity: rule.meta.severity,
      fixable: rule.meta.fixable,
      critical: Boolean(rule.meta.critical) || config.scoring.critical.includes(rule.meta.id),
      origin: rule.meta.origin ?? '',
      kind: rule.meta.kind ?? 'code',
      description: rule.meta.docs.description,
      url: rule.meta.url,
    }))
    .sort((a, b) => CATEGORIES.findIndex((c) => c.id === a.category) - CATEGORIES.findIndex((c) => c.id === b.category) || a.id.localeCompare(b.id));
  if (options.format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const c = pc.createColors(options.color);
  const lines: string[] = [];
  for (const category of CATEGORIES) {
    const inCategory = rows.filter((row) => row.category === category.id);
    if (inCategory.length === 0) continue;
    lines.push(c.bold(`${category.letter} · ${category.label}`) + c.dim(`  ${category.summary}`));
    const width = Math.max(...inCategory.map((row) => row.id.length));
    for (const row of inCategory) {
      const severity = row.severity === 'error' ? c.red(row.severity.padEnd(10)) : row.severity === 'warning' ? c.yellow(row.severity.padEnd(10)) : row.severity === 'off' ? c.dim(row.severity.padEnd(10)) : c.cyan(row.severity.padEnd(10));
      const flags = [row.fixable ? 'fix' : '', row.critical ? 'critical' : '', row.origin && row.origin !== 'preach:recommended' ? row.origin : ''].filter(Boolean).join(', ');
      lines.push(`  ${row.id.padEnd(width)}  ${severity}  ${row.description}${flags ? c.dim(` [${flags}]`) : ''}`);
    }
    lines.push('');
  }
  lines.push(c.dim(`${rows.length} rules, ${rows.filter((r) => r.severity !== 'off').length} on. \`preach explain RULE\` shows a rule's docs and examples.`));
  return `${lines.join('\n')}\n`;
}
