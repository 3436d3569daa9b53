import type { Finding } from '../types.js';

const SEVERITY_RANK = { error: 3, warning: 2, suggestion: 1 } as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/**
 * A reply as HTML with every flagged span in a `<mark>`: overlapping findings split the text
 * into segments, each marked with its most severe finding and titled with all of them.
 * Findings with no width get a caret where they point.
 */
export function highlightReply(text: string, findings: readonly Finding[]): string {
  const spans = findings.filter((f) => f.end > f.start);
  const points = findings.filter((f) => f.end <= f.start);
  const cuts = new Set<number>([0, text.length]);
  for (const f of spans) {
    cuts.add(Math.min(f.start, text.length));
    cuts.add(Math.min(f.end, text.length));
  }
  for (const f of points) cuts.add(Math.min(f.start, text.length));
  const edges = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i < edges.length; i++) {
    const at = edges[i]!;
    const pointed = points.filter((f) => Math.min(f.start, text.length) === at);
    if (pointed.length) html += `<mark class="point ${worst(pointed)}" title="${escapeHtml(titleOf(pointed))}">⁁</mark>`;
    const next = edges[i + 1];
    if (next === undefined) break;
    const segment = escapeHtml(text.slice(at, next));
    const covering = spans.filter((f) => f.start <= at && f.end >= next);
    html += covering.length ? `<mark class="${worst(covering)}" title="${escapeHtml(titleOf(covering))}">${segment}</mark>` : segment;
  }
  return html;
}

function worst(findings: readonly Finding[]): string {
  const top = findings.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] || (b.critical && !a.critical) ? b : a));
  return top.critical ? 'critical' : top.severity;
}

function titleOf(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n');
}
