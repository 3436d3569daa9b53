/**
 * Styles for the HTML report: readable on screen and on paper, no external fonts, and no
 * sideways scroll at 390 px (tables scroll inside their own box; everything else wraps).
 */
export const REPORT_CSS = `
:root { --good: #1a7f37; --fair: #9a6700; --poor: #cf222e; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; --link: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
header p, .conv-head .id, .conv-head .meta, .facts, .findings, figcaption, .filters p { overflow-wrap: anywhere; }
main { max-width: 1180px; margin: 0 auto; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 0; }
.muted { color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: flex-end; margin: 16px 0 0; padding: 10px 12px; background: var(--bg); border: 1px solid var(--line); border-radius: 8px; }
.filters label, label.sort { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); min-width: 0; }
.filters select, .filters input, label.sort select { font: inherit; font-size: 14px; color: var(--ink); padding: 4px 6px; border: 1px solid var(--line); border-radius: 6px; background: #fff; max-width: 100%; }
.filters select { width: 170px; }
.filters p { flex-basis: 100%; margin: 0; }
button { font: inherit; font-size: 14px; padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--ink); cursor: pointer; }
button.link { border: 0; padding: 0; background: none; color: var(--link); text-align: left; text-decoration: underline; }
button.more { margin-top: 8px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin-top: 16px; }
.card { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.card .value { font-size: 26px; font-weight: 600; }
.card .label { color: var(--muted); font-size: 13px; }
.good { color: var(--good); } .fair { color: var(--fair); } .poor { color: var(--poor); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 340px), 1fr)); gap: 20px; }
.chart { position: relative; height: 280px; min-width: 0; }
.chart.tall { height: var(--height, 420px); }
figure { margin: 0; min-width: 0; } figcaption { font-weight: 600; margin-bottom: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th { white-space: nowrap; background: var(--bg); position: sticky; top: 0; }
th button { border: 0; background: none; padding: 0; font-weight: 600; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
.table-wrap { max-height: 640px; overflow: auto; border: 1px solid var(--line); border-radius: 6px; max-width: 100%; content-visibility: auto; contain-intrinsic-size: auto 640px; }
.badge { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 10px; border: 1px solid currentColor; margin-left: 6px; white-space: nowrap; }
.badge.critical { color: #fff; background: var(--poor); border-color: var(--poor); }
.badge.few { color: var(--muted); }
.chips { display: flex; flex-wrap: wrap; gap: 4px; }
.chip { white-space: nowrap; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; }
.agent-panel h2 { display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; }
ol.conversations { list-style: none; margin: 8px 0 0; padding: 0; }
.conv { border: 1px solid var(--line); border-radius: 8px; margin: 8px 0; content-visibility: auto; contain-intrinsic-size: auto 90px; }
.conv-head { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; width: 100%; text-align: left; border: 0; border-radius: 8px; background: var(--bg); padding: 8px 12px; }
.conv-head[aria-expanded="true"] { border-radius: 8px 8px 0 0; border-bottom: 1px solid var(--line); }
.conv-head .score { font-weight: 700; font-size: 17px; min-width: 3.2em; }
.conv-head .id { font-weight: 600; }
.conv-head .meta { color: var(--muted); font-size: 13px; }
.conv-head .chips { flex-basis: 100%; }
.conv-body { padding: 4px 12px 12px; }
.conv-body .facts { font-size: 13px; color: var(--muted); margin: 6px 0; }
.thread { list-style: none; margin: 0; padding: 0; }
.thread > li { margin: 10px 0; }
.who { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.text { white-space: pre-wrap; margin: 2px 0 0; padding: 8px 10px; border-radius: 6px; overflow-wrap: anywhere; }
.customer .text { background: var(--bg); color: var(--muted); }
.agent .text { border: 1px solid var(--line); }
mark { border-radius: 3px; padding: 0 1px; }
mark.suggestion { background: #ddf4ff; border-bottom: 2px solid #0969da; }
mark.warning { background: #fff8c5; border-bottom: 2px solid #bf8700; }
mark.error { background: #ffebe9; border-bottom: 2px solid var(--poor); }
mark.critical { background: var(--poor); color: #fff; }
mark.point { background: none; color: var(--poor); font-weight: 700; }
sup.ref { font-size: 10px; color: var(--muted); font-weight: 600; }
.findings { margin: 6px 0 0; padding-left: 22px; font-size: 14px; }
.findings li { margin: 4px 0; }
.findings .rule { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
.findings .sev { font-size: 12px; text-transform: uppercase; font-weight: 600; }
.findings .sev-error .sev, .findings .sev-critical .sev { color: var(--poor); } .findings .sev-warning .sev { color: var(--fair); } .findings .sev-suggestion .sev { color: #0969da; }
.findings .fix { color: var(--good); }
.findings .note { color: var(--muted); }
footer { margin: 40px 0 0; color: var(--muted); font-size: 13px; }
@media (max-width: 640px) {
  main { padding: 12px; }
  h1 { font-size: 22px; }
  .filters select { width: 150px; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .card .value { font-size: 22px; }
  .wide { display: none; }
  /* The agents table becomes one card per agent: name on top, figures and rules below it. */
  #agents-table thead tr { display: flex; flex-wrap: wrap; gap: 4px 10px; padding: 6px 8px; background: var(--bg); }
  #agents-table thead th { padding: 0; border: 0; position: static; }
  #agents-table tbody tr { display: flex; flex-wrap: wrap; gap: 2px 12px; padding: 8px; border-bottom: 1px solid var(--line); }
  #agents-table tbody td { border: 0; padding: 0; }
  #agents-table tbody td:first-child, #agents-table tbody td:last-child { flex-basis: 100%; }
  #agents-table tbody td[data-label]::before { content: attr(data-label) " "; color: var(--muted); font-size: 12px; }
}
@media print { .table-wrap { max-height: none; overflow: visible; } th { position: static; } .filters, button.more { display: none; } }
`;
