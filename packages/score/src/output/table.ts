import { CATEGORIES, type Category } from '@preach/core';
import pc from 'picocolors';
import type { ScoreReport } from '../aggregate.js';
import type { Agreement } from '../compare.js';
import { band } from './bands.js';
import type { ReportSink, TextOut } from './sink.js';

type Colors = ReturnType<typeof pc.createColors>;

const AGENT_ROWS = 10;
const RULE_ROWS = 10;
const ERROR_ROWS = 10;
const BAR_WIDTH = 40;

const plural = (n: number, word: string, many = `${word}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;

function colorScore(score: number | null, c: Colors): string {
  const text = score === null ? '–' : score.toFixed(1);
  const b = band(score);
  return b === 'good' ? c.green(text) : b === 'fair' ? c.yellow(text) : b === 'poor' ? c.red(text) : c.dim(text);
}

function categoryLine(categories: Record<Category, number> | null, c: Colors): string {
  if (!categories) return '';
  return CATEGORIES.map((info) => `${c.bold(info.letter)} ${colorScore(categories[info.id], c)}`).join('  ');
}

/** The terminal summary: totals, score distribution, agents ranked, the most frequent rules. */
export function formatScoreTable(report: ScoreReport, options: { color: boolean }): string {
  const c = pc.createColors(options.color);
  const { summary } = report;
  const lines: string[] = [];
  const counts = [
    `${summary.scored.toLocaleString('en-US')} scored`,
    summary.withoutAgentReply ? `${summary.withoutAgentReply.toLocaleString('en-US')} without an agent reply` : '',
    summary.errors ? c.red(`${plural(summary.errors, 'error')}`) : '',
  ].filter(Boolean);
  const bots = summary.botMessages ? `, ${plural(summary.botMessages, 'bot message')} ${summary.botReplies ? `(${plural(summary.botReplies, 'reply', 'replies')} scored apart)` : 'not scored'}` : '';
  lines.push(`${c.bold(plural(summary.conversations, 'conversation'))} (${counts.join(', ')}), ${plural(summary.agentReplies, 'agent reply', 'agent replies')}, ${plural(summary.internalNotes, 'internal note')} left out${bots}`);
  if (summary.score === null) lines.push(c.dim('Nothing to score: no agent replies were found.'));
  else lines.push(`${c.bold('Team score')} ${colorScore(summary.score, c)}/100   ${categoryLine(summary.categories, c)}`);
  if (summary.critical) lines.push(c.red(`${plural(summary.critical, 'conversation')} zeroed by a critical rule (auto-fail)`));
  lines.push(c.dim(`findings: ${plural(summary.findings.error, 'error')}, ${plural(summary.findings.warning, 'warning')}, ${plural(summary.findings.suggestion, 'suggestion')}`));

  if (summary.scored) lines.push('', c.bold('Score distribution (conversations)'));
  const most = Math.max(1, ...summary.distribution.map((b) => b.count));
  for (const bucket of summary.scored ? [...summary.distribution].reverse() : []) {
    const width = Math.round((bucket.count / most) * BAR_WIDTH);
    const bar = '█'.repeat(width) || (bucket.count ? '▏' : '');
    const label = `${bucket.from}-${bucket.to}`.padStart(6);
    const paint = bucket.from >= 80 ? c.green : bucket.from >= 60 ? c.yellow : c.red;
    lines.push(`  ${label} ${paint(bar)} ${bucket.count ? bucket.count.toLocaleString('en-US') : c.dim('0')}`);
  }

  if (report.agents.length) {
    lines.push('', c.bold(`Agents, best first (${report.agents.length})`));
    const shown = report.agents.length > AGENT_ROWS * 2 ? [...report.agents.slice(0, AGENT_ROWS), undefined, ...report.agents.slice(-AGENT_ROWS)] : report.agents;
    const nameWidth = Math.min(32, Math.max(5, ...report.agents.map((a) => a.name.length)));
    lines.push(c.dim(`  ${'#'.padStart(4)}  ${'agent'.padEnd(nameWidth)}  score  convs  replies  critical`));
    for (const agent of shown) {
      if (!agent) {
        lines.push(c.dim(`  ${'…'.padStart(4)}  ${report.agents.length - AGENT_ROWS * 2} more (--format csv --group-by agent lists them all)`));
        continue;
      }
      const rank = report.agents.indexOf(agent) + 1;
      const score = colorScore(agent.score, c) + ' '.repeat(Math.max(0, 5 - agent.score.toFixed(1).length));
      const name = agent.bot ? `${agent.name} (bot)` : agent.name;
      lines.push(`  ${String(rank).padStart(4)}  ${name.slice(0, nameWidth).padEnd(nameWidth)}  ${score}  ${String(agent.conversations).padStart(5)}  ${String(agent.replies).padStart(7)}  ${agent.critical ? c.red(String(agent.critical).padStart(8)) : c.dim('0'.padStart(8))}`);
    }
  }

  if (report.rules.length) {
    lines.push('', c.bold('Most frequent rules'));
    const idWidth = Math.max(...report.rules.slice(0, RULE_ROWS).map((r) => r.ruleId.length));
    for (const rule of report.rules.slice(0, RULE_ROWS)) {
      const category = CATEGORIES.find((info) => info.id === rule.category)!;
      const flag = rule.critical ? c.red(' critical') : '';
      lines.push(`  ${String(rule.count).padStart(6)}  ${rule.ruleId.padEnd(idWidth)}  ${c.dim(`${category.letter} ${rule.severity}, in ${plural(rule.conversations, 'conversation')}`)}${flag}`);
    }
  }

  if (report.errors.length) {
    lines.push('', c.bold(c.red(`Not scored (${report.errors.length})`)));
    for (const error of report.errors.slice(0, ERROR_ROWS)) lines.push(`  ${error.source}${error.line ? `:${error.line}` : ''}${error.id ? ` (${error.id})` : ''}: ${error.reason}`);
    if (report.errors.length > ERROR_ROWS) lines.push(c.dim(`  … ${report.errors.length - ERROR_ROWS} more (--format json lists them all under "errors")`));
  }

  const warnings = report.warnings.filter((w) => w.severity === 'warning');
  if (warnings.length) {
    lines.push('', c.bold(c.yellow(`Warnings (${warnings.length})`)));
    for (const warning of warnings) lines.push(`  ${warning.source}: ${warning.message}`);
  }
  if (report.agreement) lines.push('', ...agreementLines(report.agreement, c));
  const notices = report.warnings.filter((w) => w.severity === 'notice');
  if (notices.length) {
    lines.push('', c.bold('Notes'));
    for (const notice of notices) lines.push(c.dim(`  ${notice.source}: ${notice.message}${notice.conversations ? ` (${plural(notice.conversations, 'conversation')})` : ''}`));
  }
  return `${lines.join('\n')}\n`;
}

const DISAGREEMENT_ROWS = 10;
const UNKNOWN_IDS_SHOWN = 10;

/** How preach agrees with the team's human QA scores (`--compare`). */
function agreementLines(a: Agreement, c: Colors): string[] {
  const figure = (value: number | null, digits = 2) => (value === null ? c.dim('–') : value.toFixed(digits));
  const lines = [c.bold(`Agreement with human QA scores (${a.source})`)];
  lines.push(`  ${plural(a.compared, 'conversation')} compared (${a.withScores.toLocaleString('en-US')} with a 0-100 score), pass mark ${a.passMark}`);
  if (a.compared) {
    lines.push(`  Pearson r ${figure(a.pearson)}   Spearman ρ ${figure(a.spearman)}   mean |difference| ${figure(a.meanAbsoluteDifference, 1)}`);
    const share = a.passFailAgreement === null ? '–' : `${Math.round(a.passFailAgreement * 100)}%`;
    lines.push(`  pass/fail: Cohen's κ ${figure(a.kappa)}, same verdict in ${share}; human pass & preach fail ${a.passFail.humanOnlyPass}, human fail & preach pass ${a.passFail.preachOnlyPass}`);
  }
  if (a.disagreements.length) {
    lines.push(c.dim('  disagree most:   human  preach  agents'));
    for (const d of a.disagreements.slice(0, DISAGREEMENT_ROWS)) {
      const human = typeof d.human === 'number' ? d.human.toFixed(1) : d.human;
      lines.push(`  ${d.id.slice(0, 14).padEnd(14)}  ${human.padStart(6)}  ${' '.repeat(Math.max(0, 6 - d.preach.toFixed(1).length))}${colorScore(d.preach, c)}  ${d.agents.join(', ')}`);
    }
  }
  const notes: string[] = [];
  if (a.unknownIds.length) notes.push(`${plural(a.unknownIds.length, 'id')} of ${a.source} not found in the inputs${a.unknownIds.length ? `: ${a.unknownIds.slice(0, UNKNOWN_IDS_SHOWN).join(', ')}${a.unknownIds.length > UNKNOWN_IDS_SHOWN ? ', …' : ''}` : ''}`);
  if (a.notScored.length) notes.push(`${plural(a.notScored.length, 'conversation')} without an agent reply to score: ${a.notScored.slice(0, UNKNOWN_IDS_SHOWN).join(', ')}`);
  if (a.notReviewed) notes.push(`${plural(a.notReviewed, 'row')} with no human score yet`);
  for (const problem of a.problems.slice(0, UNKNOWN_IDS_SHOWN)) notes.push(`${a.source}:${problem.line}: ${problem.reason}`);
  if (a.problems.length > UNKNOWN_IDS_SHOWN) notes.push(`… ${a.problems.length - UNKNOWN_IDS_SHOWN} more rows not read (--format json lists them all)`);
  for (const note of notes) lines.push(c.dim(`  ${note}`));
  return lines;
}

export function tableSink(out: TextOut, options: { color: boolean }): ReportSink {
  return {
    async conversation() {},
    finish: (report) => out.write(formatScoreTable(report, options)),
  };
}
