import { categoryInfo, type PreachMessage } from '@preach/core';
import pc from 'picocolors';
import { totals, type FileReport } from '../report.js';

type Colors = ReturnType<typeof pc.createColors>;

const SEVERITY_LABEL = { error: 'error', warning: 'warning', suggestion: 'suggestion' } as const;

/** The default output, for people: ESLint's stylish layout plus the reply's score and situation. */
export function formatStylish(reports: readonly FileReport[], options: { color: boolean; quiet?: boolean }): string {
  const c = pc.createColors(options.color);
  const lines: string[] = [];
  for (const report of reports) {
    if (report.error) {
      lines.push(c.underline(report.file), `  ${c.red('error')}  ${report.error}`, '');
      continue;
    }
    const result = report.result!;
    const messages = options.quiet ? result.messages.filter((m) => m.severity === 'error') : result.messages;
    lines.push(c.underline(report.file));
    lines.push(`  ${c.dim(summaryLine(report, c))}`);
    if (report.fixed && report.fixed.applied > 0) lines.push(`  ${c.green(`fixed ${report.fixed.applied} problem${report.fixed.applied === 1 ? '' : 's'}`)}`);
    if (report.writeError) lines.push(`  ${c.red('error')}  not fixed: ${report.writeError}`);
    if (report.fixed && report.fixed.skipped > 0) {
      lines.push(`  ${c.yellow(`${report.fixed.skipped} fix${report.fixed.skipped === 1 ? '' : 'es'} overlapped another fix and ${report.fixed.skipped === 1 ? 'was' : 'were'} not applied; run --fix again`)}`);
    }
    if (messages.length === 0) lines.push(`  ${c.green('✔ no problems')}`);
    const width = Math.max(0, ...messages.map((m) => `${m.line}:${m.column}`.length));
    const messageWidth = Math.min(72, Math.max(0, ...messages.map((m) => m.reason.length)));
    for (const message of messages) {
      const position = `${message.line ?? 1}:${message.column ?? 1}`.padEnd(width);
      const severity = colorSeverity(message, c);
      lines.push(`  ${c.dim(position)}  ${severity}  ${message.reason.padEnd(messageWidth)}  ${c.dim(message.ruleId)}`);
      const indent = ' '.repeat(width + 2 + 2 + 10 + 2);
      if (message.expected?.length) lines.push(`${indent}${c.green('fix:')} ${message.expected.map((e) => JSON.stringify(e)).join(' or ')}`);
      if (message.note) lines.push(`${indent}${c.dim(message.note)}`);
    }
    lines.push('');
  }
  const sum = totals(reports);
  const problems = sum.errors + sum.warnings + (options.quiet ? 0 : sum.suggestions);
  if (problems === 0 && sum.inputErrors === 0 && sum.writeErrors === 0) {
    lines.push(c.green(`✔ ${reports.length} ${reports.length === 1 ? 'reply' : 'replies'} checked, no problems`));
  } else {
    const parts = [`${sum.errors} error${sum.errors === 1 ? '' : 's'}`, `${sum.warnings} warning${sum.warnings === 1 ? '' : 's'}`];
    if (!options.quiet) parts.push(`${sum.suggestions} suggestion${sum.suggestions === 1 ? '' : 's'}`);
    const mark = sum.errors > 0 || sum.inputErrors > 0 || sum.writeErrors > 0 ? c.red('✖') : c.yellow('⚠');
    const notChecked = sum.inputErrors ? `, ${sum.inputErrors} file${sum.inputErrors === 1 ? '' : 's'} not checked` : '';
    const notFixed = sum.writeErrors ? `, ${sum.writeErrors} file${sum.writeErrors === 1 ? '' : 's'} not fixed` : '';
    lines.push(`${mark} ${problems} problem${problems === 1 ? '' : 's'} (${parts.join(', ')})${notChecked}${notFixed}`);
    if (sum.fixable > 0) lines.push(c.dim(`  ${sum.fixable} of them can be fixed with --fix`));
  }
  return `${lines.join('\n')}\n`;
}

function summaryLine(report: FileReport, c: Colors): string {
  const { context, score } = report.result!;
  const situation = context.situation;
  const parts: string[] = [];
  if (situation.id) {
    parts.push(`situation ${c.bold(situation.id)} (${situation.source === 'given' ? 'given' : `${situation.source}: ${situation.reason}`}; ${situation.sensitivity} sensitivity)`);
  } else {
    parts.push(`situation unknown (${situation.reason})`);
  }
  if (context.language.id !== 'en') parts.push(`language ${context.language.id} (${context.language.source}${context.language.supported ? '' : ', no rules'})`);
  if (context.mood && context.mood.id !== 'calm') parts.push(`customer sounds ${context.mood.id}`);
  if (context.customerName) parts.push(`customer ${context.customerName.full}`);
  if (context.channel) parts.push(`channel ${context.channel}`);
  const scoreText = `score ${score.score}/100`;
  parts.push(score.score >= 80 ? c.green(scoreText) : score.score >= 60 ? c.yellow(scoreText) : c.red(scoreText));
  if (score.critical) {
    parts.push(c.red(`auto-fail: ${score.autoFail.join(', ')}`));
    return parts.join(' · ');
  }
  const weakest = Object.entries(score.categories)
    .filter(([, value]) => value < 100)
    .sort((a, b) => a[1] - b[1])
    .slice(0, 2)
    .map(([category, value]) => `${categoryInfo(category as never).label} ${value}`);
  if (weakest.length) parts.push(`lowest: ${weakest.join(', ')}`);
  return parts.join(' · ');
}

function colorSeverity(message: PreachMessage, c: Colors): string {
  const label = SEVERITY_LABEL[message.severity].padEnd(10);
  return message.severity === 'error' ? c.red(label) : message.severity === 'warning' ? c.yellow(label) : c.cyan(label);
}
