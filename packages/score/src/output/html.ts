import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CATEGORIES, categoryInfo } from '@preach/core';
import type { AgentSummary, ConversationRow, ScoreReport } from '../aggregate.js';
import type { ScoredConversation, ScoredReply } from '../types.js';
import { REPORT_CSS, REPORT_SCRIPT } from './html-assets.js';
import { escapeHtml, highlightReply } from './highlight.js';
import type { ReportSink, TextOut } from './sink.js';
import { band } from './bands.js';

/** Agents drawn in the chart: the busiest ones; the table lists every agent. */
const CHART_AGENTS = 25;

let chartBundle: string | undefined;

/** Chart.js's UMD bundle, inlined so the report opens offline. */
function chartJs(): string {
  if (chartBundle) return chartBundle;
  const dist = dirname(createRequire(import.meta.url).resolve('chart.js'));
  for (const name of ['chart.umd.min.js', 'chart.umd.js']) {
    try {
      chartBundle = readFileSync(join(dist, name), 'utf8');
      return chartBundle;
    } catch {
      // Older Chart.js 4 releases ship only one of the two names.
    }
  }
  throw new Error(`Chart.js's browser bundle is missing from ${dist}; reinstall preach`);
}

/** JSON safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const fmt = (n: number) => n.toLocaleString('en-US');
const scoreText = (score: number | null) => (score === null ? '–' : score.toFixed(1));
const scoreCell = (score: number | null) => `<td class="num ${band(score)}" data-sort="${score ?? ''}">${scoreText(score)}</td>`;
const anchor = (id: string) => `c-${encodeURIComponent(id).replace(/%/g, '_')}`;

export interface HtmlOptions {
  title?: string;
}

/** One self-contained page: charts, agents, rules, the worst conversations, a sortable table. */
export function formatScoreHtml(report: ScoreReport, options: HtmlOptions = {}): string {
  const { summary } = report;
  const title = options.title ?? 'Reply quality report';
  const busiest = [...report.agents].sort((a, b) => b.replies - a.replies || a.id.localeCompare(b.id)).slice(0, CHART_AGENTS).sort((a, b) => b.score - a.score);
  const data = {
    distribution: summary.distribution,
    categories: CATEGORIES.map((c) => ({ id: c.id, letter: c.letter, label: c.label, score: summary.categories?.[c.id] ?? 0 })),
    agents: busiest.map((a) => ({ name: a.name, score: a.score, replies: a.replies, conversations: a.conversations })),
  };
  const worstIds = new Set(report.worst.map((c) => c.id));
  const inputs = summary.inputs.map((i) => `${escapeHtml(i.source)} (${escapeHtml(i.format)})`).join(', ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="preach score">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="muted">${inputs || 'no input'} · scored by preach against the PREACH tone guide (Proud, Responsible, Empathetic, Articulate, Concise, Human)</p>
</header>
${cards(report)}
<section>
<h2>Scores</h2>
<div class="charts">
<figure><figcaption>Score distribution (conversations)</figcaption><div class="chart"><canvas id="chart-distribution" role="img" aria-label="Histogram of conversation scores"></canvas></div></figure>
<figure><figcaption>Team average per PREACH category</figcaption><div class="chart"><canvas id="chart-categories" role="img" aria-label="Average score per PREACH category"></canvas></div></figure>
</div>
</section>
<section>
<h2>Agents</h2>
${report.agents.length ? `<figure><figcaption>Score of the ${busiest.length === report.agents.length ? '' : `${busiest.length} busiest of ${fmt(report.agents.length)} `}agents</figcaption><div class="chart tall" style="--height:${Math.max(200, busiest.length * 26 + 60)}px"><canvas id="chart-agents" role="img" aria-label="Score per agent"></canvas></div></figure>
${agentTable(report.agents)}` : '<p class="muted">No agent replies were scored.</p>'}
</section>
<section>
<h2>Most frequent rules</h2>
${ruleTable(report)}
</section>
<section>
<h2>Lowest-scoring conversations</h2>
${report.worst.length ? `<p class="muted">Each flagged phrase is highlighted; hover over it for the rule and the reason.</p>${report.worst.map(conversationCard).join('\n')}` : '<p class="muted">Every scored conversation scored 100.</p>'}
</section>
<section>
<h2>All conversations</h2>
${conversationTable(report.rows, summary.conversations - summary.errors, worstIds)}
</section>
${errorSection(report)}
${warningSection(report)}
<footer>Scores: 100 × length ÷ (length + penalty) per reply; a conversation is the mean of its replies, 0 when a critical rule fired. See docs/scoring.md.</footer>
</main>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>${chartJs()}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

function cards(report: ScoreReport): string {
  const { summary } = report;
  const card = (value: string, label: string, cls = '') => `<div class="card"><div class="value ${cls}">${value}</div><div class="label">${label}</div></div>`;
  const categories = CATEGORIES.map((c) => card(scoreText(summary.categories?.[c.id] ?? null), `${c.letter} · ${c.label}`, band(summary.categories?.[c.id] ?? null))).join('');
  return `<div class="cards">
${card(scoreText(summary.score), 'team score (mean of conversations)', band(summary.score))}
${card(fmt(summary.conversations), `conversations (${fmt(summary.scored)} scored)`)}
${card(fmt(summary.agentReplies), 'agent replies scored')}
${card(fmt(summary.critical), 'zeroed by a critical rule', summary.critical ? 'poor' : '')}
${card(fmt(summary.withoutAgentReply), 'without an agent reply')}
${card(fmt(summary.errors), 'not scored (errors)', summary.errors ? 'poor' : '')}
</div>
<div class="cards">${categories}</div>`;
}

function agentTable(agents: readonly AgentSummary[]): string {
  const head = `<tr><th>agent</th><th class="num">score</th>${CATEGORIES.map((c) => `<th class="num" title="${c.label}">${c.letter}</th>`).join('')}<th class="num">conversations</th><th class="num">replies</th><th class="num">findings</th><th class="num">critical</th></tr>`;
  const rows = agents
    .map((a) => `<tr><td>${escapeHtml(a.name)}${a.bot ? ' <span class="badge">bot</span>' : ''}</td>${scoreCell(a.score)}${CATEGORIES.map((c) => scoreCell(a.categories[c.id])).join('')}<td class="num">${a.conversations}</td><td class="num">${a.replies}</td><td class="num">${a.findings}</td><td class="num${a.critical ? ' poor' : ''}">${a.critical}</td></tr>`)
    .join('\n');
  return `<div class="table-wrap"><table class="sortable" id="agents-table"><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
}

function ruleTable(report: ScoreReport): string {
  if (!report.rules.length) return '<p class="muted">No rule fired.</p>';
  const head = '<tr><th>rule</th><th>category</th><th>severity</th><th class="num">findings</th><th class="num">conversations</th></tr>';
  const rows = report.rules
    .map((r) => `<tr><td><code>${escapeHtml(r.ruleId)}</code>${r.critical ? '<span class="badge critical">critical</span>' : ''}</td><td>${categoryInfo(r.category).label}</td><td>${r.severity}</td><td class="num">${r.count}</td><td class="num">${r.conversations}</td></tr>`)
    .join('\n');
  return `<div class="table-wrap"><table class="sortable" id="rules-table"><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
}

function conversationCard(c: ScoredConversation): string {
  const situation = c.situation.id ? `${escapeHtml(c.situation.id)} <span class="muted">(${escapeHtml(c.situation.source)})</span>` : '<span class="muted">unknown</span>';
  const header = `<header><h3>${escapeHtml(c.id)}</h3><span class="score ${band(c.score)}">${scoreText(c.score)}</span>${c.critical ? '<span class="badge critical">critical: auto-fail</span>' : ''}<span>situation ${situation}</span>${c.channel ? `<span class="muted">${escapeHtml(c.channel)}</span>` : ''}<span class="muted">${escapeHtml(c.source)}:${c.line}</span></header>`;
  const items = c.replies.map((reply) => replyItems(reply)).join('\n');
  return `<article class="conversation" id="${anchor(c.id)}">${header}<ol class="thread">${items}</ol></article>`;
}

function replyItems(reply: ScoredReply): string {
  const customer = reply.customerMessage ? `<li class="customer"><div class="who">customer</div><p class="text">${escapeHtml(reply.customerMessage)}</p></li>` : '';
  const findings = reply.findings.length
    ? `<ul class="findings">${reply.findings.map((f) => `<li class="sev-${f.severity}"><span class="rule">${escapeHtml(f.ruleId)}</span> ${escapeHtml(f.message)}${f.critical ? ' <strong>(critical)</strong>' : ''}${f.fix !== undefined ? ` <span class="muted">→ ${escapeHtml(JSON.stringify(f.fix))}</span>` : ''}</li>`).join('')}</ul>`
    : '';
  return `${customer}<li class="agent"><div class="who">${escapeHtml(reply.agent.name)}${reply.bot ? " (bot)" : ""} · score <span class="${band(reply.score)}">${scoreText(reply.score)}</span></div><p class="text">${highlightReply(reply.text, reply.findings)}</p>${findings}</li>`;
}

function conversationTable(rows: readonly ConversationRow[], total: number, linked: ReadonlySet<string>): string {
  if (!rows.length) return '<p class="muted">No conversations.</p>';
  const note = rows.length < total ? `<p class="muted">The ${fmt(rows.length)} lowest-scoring of ${fmt(total)} conversations; <code>--format csv</code> lists them all.</p>` : '';
  const head = `<tr><th>conversation</th><th class="num">score</th>${CATEGORIES.map((c) => `<th class="num" title="${c.label}">${c.letter}</th>`).join('')}<th class="num">replies</th><th class="num">findings</th><th>agents</th><th>situation</th><th>channel</th><th>source</th></tr>`;
  const body = rows
    .map((r) => {
      const id = linked.has(r.id) ? `<a href="#${anchor(r.id)}">${escapeHtml(r.id)}</a>` : escapeHtml(r.id);
      return `<tr><td>${id}${r.critical ? '<span class="badge critical">critical</span>' : ''}</td>${scoreCell(r.score)}${CATEGORIES.map((c) => scoreCell(r.categories?.[c.id] ?? null)).join('')}<td class="num">${r.replies}</td><td class="num">${r.findings}</td><td>${escapeHtml(r.agents.join(', '))}</td><td>${escapeHtml(r.situation ?? '')}</td><td>${escapeHtml(r.channel ?? '')}</td><td data-sort="${escapeHtml(r.source)}:${String(r.line).padStart(12, '0')}">${escapeHtml(r.source)}:${r.line}</td></tr>`;
    })
    .join('\n');
  return `${note}<input class="filter" type="search" placeholder="Filter conversations…" data-table="conversations-table" aria-label="Filter conversations"><div class="table-wrap"><table class="sortable" id="conversations-table"><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}

function errorSection(report: ScoreReport): string {
  if (!report.errors.length) return '';
  const rows = report.errors.map((e) => `<tr><td>${escapeHtml(e.source)}</td><td class="num">${e.line ?? ''}</td><td>${escapeHtml(e.id ?? '')}</td><td>${escapeHtml(e.reason)}</td></tr>`).join('\n');
  return `<section><h2>Not scored (${fmt(report.errors.length)})</h2><div class="table-wrap"><table class="sortable" id="errors-table"><thead><tr><th>source</th><th class="num">line</th><th>conversation</th><th>reason</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

function warningSection(report: ScoreReport): string {
  if (!report.warnings.length) return '';
  const rows = report.warnings.map((w) => `<tr><td>${w.severity}</td><td>${escapeHtml(w.source)}</td><td>${escapeHtml(w.message)}</td><td class="num">${w.conversations ?? ''}</td></tr>`).join('\n');
  return `<section><h2>Warnings and notes (${fmt(report.warnings.length)})</h2><div class="table-wrap"><table class="sortable" id="warnings-table"><thead><tr><th>kind</th><th>source</th><th>message</th><th class="num">conversations</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

export function htmlSink(out: TextOut, options: HtmlOptions = {}): ReportSink {
  return {
    async conversation() {},
    finish: (report) => out.write(formatScoreHtml(report, options)),
  };
}
