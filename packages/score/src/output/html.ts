import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CATEGORIES } from '@preach/core';
import type { ScoreReport } from '../aggregate.js';
import { REPORT_CSS } from './html-assets.js';
import { DETAIL_CHUNK, ReportPageData } from './html-data.js';
import { REPORT_SCRIPT } from './html-script.js';
import { escapeHtml } from './highlight.js';
import type { ReportSink, TextOut } from './sink.js';

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
  return scriptSafe(JSON.stringify(value));
}

/** JSON text made safe inside a <script> element: no "</script>", no line separators. */
function scriptSafe(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Agents with fewer conversations than this are marked as too few to judge and left out of rankings. */
export const DEFAULT_MIN_CONVERSATIONS = 10;

export interface HtmlOptions {
  title?: string;
  /** Conversations an agent needs before the report ranks them (default DEFAULT_MIN_CONVERSATIONS). */
  minConversations?: number;
  /** The lowest conversations of the list shown open, down to the reply (`--worst`). */
  openWorst?: number;
}

function pageHead(title: string): string {
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
`;
}

/** A block of conversation texts; the page parses it when one of its conversations is opened. */
function detailBlock(block: { chunk: number; json: string }): string {
  return `<script type="application/json" id="d-${block.chunk}">${scriptSafe(block.json)}</script>\n`;
}

/** The visible page: filters, cards, charts and lists, filled in by the page's script. */
function pageBody(report: ScoreReport, data: ReportPageData, title: string, minConversations: number): string {
  const inputs = report.summary.inputs.map((i) => `${escapeHtml(i.source)} (${escapeHtml(i.format)})`).join(', ');
  const select = (id: string, label: string) => `<label>${label}<select id="filter-${id}"><option value="-1">all</option></select></label>`;
  const dates = data.hasDates ? '<label>from<input type="date" id="filter-from"></label><label>to<input type="date" id="filter-to"></label>' : '';
  const trend = data.hasDates ? '<figure><figcaption>Weekly trend: mean score and conversations per week</figcaption><div class="chart"><canvas id="chart-trend" role="img" aria-label="Mean score and conversations per week"></canvas></div></figure>' : '';
  const rating = data.hasRatings ? "<figure><figcaption>Score against the customer's rating</figcaption><div class=\"chart\"><canvas id=\"chart-rating\" role=\"img\" aria-label=\"Mean score per customer rating\"></canvas></div></figure>" : '';
  return `<main>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="muted">${inputs || 'no input'} · scored by preach against the PREACH tone guide (Proud, Responsible, Empathetic, Articulate, Concise, Human)</p>
</header>
<section class="filters" aria-label="Filters">
${select('agent', 'agent')}${select('tag', 'tag')}${select('channel', 'channel')}${select('situation', 'situation')}${select('rule', 'rule')}${dates}
<button type="button" id="filter-reset">show everything</button>
<p id="filter-status" class="muted" aria-live="polite"></p>
</section>
<div class="cards" id="summary-cards"></div>
<div class="cards" id="category-cards"></div>
<section>
<h2>Who needs coaching</h2>
<figure><figcaption>Lowest-scoring agents with at least ${fmt(minConversations)} conversations</figcaption><div class="chart tall" id="chart-agents-box"><canvas id="chart-agents" role="img" aria-label="Lowest-scoring agents"></canvas></div><p class="muted" id="chart-agents-empty" hidden></p></figure>
</section>
<section>
<h2>Scores</h2>
<div class="charts">
<figure><figcaption>Score distribution: conversations per band (log scale, so small bands show)</figcaption><div class="chart"><canvas id="chart-distribution" role="img" aria-label="Conversations per score band"></canvas></div></figure>
<figure><figcaption>Average per PREACH category</figcaption><div class="chart"><canvas id="chart-categories" role="img" aria-label="Average score per PREACH category"></canvas></div></figure>
${trend}
${rating}
</div>
</section>
<section>
<h2>Agents</h2>
<p class="muted">Lowest first. Agents with fewer than ${fmt(minConversations)} conversations are marked <span class="badge few">too few to judge</span> and left out of the rankings. Choose an agent for their conversations, worst first.</p>
<p class="muted wide">${CATEGORIES.map((c) => `<strong>${c.letter}</strong> ${c.label}`).join(' · ')}</p>
<div class="table-wrap"><table id="agents-table"><thead></thead><tbody></tbody></table></div>
<button type="button" class="more" id="agents-more" hidden></button>
</section>
<section id="agent-panel" hidden></section>
<section>
<h2>Most frequent rules</h2>
<div class="table-wrap"><table id="rules-table"><thead></thead><tbody></tbody></table></div>
<button type="button" class="more" id="rules-more" hidden></button>
</section>
<section>
<h2 id="conversations-title">Conversations</h2>
<label class="sort">order<select id="conversation-sort"><option value="worst">worst first</option><option value="best">best first</option><option value="findings">most findings first</option>${data.hasDates ? '<option value="newest">newest first</option><option value="oldest">oldest first</option>' : ''}</select></label>
<p class="muted">Open a conversation for the replies, the flagged words and each finding's reason and fix.</p>
<ol class="conversations" id="conversations-list"></ol>
<button type="button" class="more" id="conversations-more" hidden></button>
</section>
${errorSection(report)}
${warningSection(report)}
<footer>Scores: 100 × length ÷ (length + penalty) per reply; a conversation is the mean of its replies, 0 when a critical rule fired. See docs/scoring.md.</footer>
</main>
`;
}

/** The data the page's script reads: the index of every conversation and the shared strings. */
function pageData(data: ReportPageData, options: { minConversations: number; openWorst: number }): string {
  const meta = {
    strings: data.strings.list,
    categories: CATEGORIES.map((c) => ({ id: c.id, letter: c.letter, label: c.label })),
    agents: data.agents,
    rules: data.rules,
    minConversations: options.minConversations,
    openWorst: options.openWorst,
    chunk: DETAIL_CHUNK,
    hasDates: data.hasDates,
    hasRatings: data.hasRatings,
  };
  return scriptJson({ ...meta, index: data.index });
}

function errorSection(report: ScoreReport): string {
  if (!report.errors.length) return '';
  const rows = report.errors.map((e) => `<tr><td>${escapeHtml(e.source)}</td><td class="num">${e.line ?? ''}</td><td>${escapeHtml(e.id ?? '')}</td><td>${escapeHtml(e.reason)}</td></tr>`).join('\n');
  return `<section><h2>Not scored (${fmt(report.errors.length)})</h2><div class="table-wrap"><table id="errors-table"><thead><tr><th>source</th><th class="num">line</th><th>conversation</th><th>reason</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

function warningSection(report: ScoreReport): string {
  if (!report.warnings.length) return '';
  const rows = report.warnings.map((w) => `<tr><td>${w.severity}</td><td>${escapeHtml(w.source)}</td><td>${escapeHtml(w.message)}</td><td class="num">${w.conversations ?? ''}</td></tr>`).join('\n');
  return `<section><h2>Warnings and notes (${fmt(report.warnings.length)})</h2><div class="table-wrap"><table id="warnings-table"><thead><tr><th>kind</th><th>source</th><th>message</th><th class="num">conversations</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}


/**
 * The HTML report: one self-contained page. The texts of the conversations are written as they
 * are scored, in blocks the page opens on demand; the index, charts and lists follow at the end.
 */
export function htmlSink(out: TextOut, options: HtmlOptions = {}): ReportSink {
  const title = options.title ?? 'Reply quality report';
  const minConversations = options.minConversations ?? DEFAULT_MIN_CONVERSATIONS;
  const openWorst = options.openWorst ?? 20;
  const data = new ReportPageData();
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    await out.write(pageHead(title));
  };
  return {
    async conversation(c) {
      await start();
      const block = data.add(c);
      if (block) await out.write(detailBlock(block));
    },
    async finish(report) {
      await start();
      const block = data.flush();
      if (block) await out.write(detailBlock(block));
      await out.write(pageBody(report, data, title, minConversations));
      await out.write(`<script type="application/json" id="report-data">${pageData(data, { minConversations, openWorst })}</script>\n`);
      await out.write(`<script>${chartJs()}</script>\n<script>${REPORT_SCRIPT}</script>\n</body>\n</html>\n`);
    },
  };
}
