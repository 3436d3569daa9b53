/** Styles for the HTML report: readable on screen and on paper, no external fonts. */
export const REPORT_CSS = `
:root { --good: #1a7f37; --fair: #9a6700; --poor: #cf222e; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 0; }
.muted { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin-top: 16px; }
.card { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.card .value { font-size: 26px; font-weight: 600; }
.card .label { color: var(--muted); font-size: 13px; }
.good { color: var(--good); } .fair { color: var(--fair); } .poor { color: var(--poor); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 20px; }
.chart { position: relative; height: 280px; }
.chart.tall { height: var(--height, 420px); }
figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.sortable th { cursor: pointer; user-select: none; white-space: nowrap; background: var(--bg); position: sticky; top: 0; }
table.sortable th::after { content: " ↕"; color: var(--muted); font-size: 11px; }
table.sortable th[aria-sort="ascending"]::after { content: " ▲"; }
table.sortable th[aria-sort="descending"]::after { content: " ▼"; }
.table-wrap { max-height: 640px; overflow: auto; border: 1px solid var(--line); border-radius: 6px; }
.badge { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 10px; border: 1px solid currentColor; margin-left: 6px; }
.badge.critical { color: #fff; background: var(--poor); border-color: var(--poor); }
.conversation { border: 1px solid var(--line); border-radius: 8px; margin: 16px 0; }
.conversation > header { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: baseline; padding: 10px 14px; background: var(--bg); border-bottom: 1px solid var(--line); border-radius: 8px 8px 0 0; }
.conversation .score { font-weight: 700; font-size: 18px; }
.thread { list-style: none; margin: 0; padding: 8px 14px 14px; }
.thread li { margin: 10px 0; }
.who { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.text { white-space: pre-wrap; margin: 2px 0 0; padding: 8px 10px; border-radius: 6px; overflow-wrap: anywhere; }
.customer .text { background: var(--bg); color: var(--muted); }
.agent .text { border: 1px solid var(--line); }
mark { border-radius: 3px; padding: 0 1px; cursor: help; }
mark.suggestion { background: #ddf4ff; border-bottom: 2px solid #0969da; }
mark.warning { background: #fff8c5; border-bottom: 2px solid #bf8700; }
mark.error { background: #ffebe9; border-bottom: 2px solid var(--poor); }
mark.critical { background: var(--poor); color: #fff; }
mark.point { background: none; color: var(--poor); font-weight: 700; }
.findings { margin: 6px 0 0; padding-left: 18px; font-size: 13px; }
.findings .rule { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
.findings .sev-error { color: var(--poor); } .findings .sev-warning { color: var(--fair); } .findings .sev-suggestion { color: #0969da; }
.filter { margin: 0 0 8px; padding: 6px 10px; width: min(100%, 360px); border: 1px solid var(--line); border-radius: 6px; font: inherit; }
footer { margin: 40px 0 0; color: var(--muted); font-size: 13px; }
@media print { .table-wrap { max-height: none; overflow: visible; } table.sortable th { position: static; } }
`;

/** Draws the charts with Chart.js and makes tables sortable; reads the data embedded in the page. */
export const REPORT_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var colors = { good: '#1a7f37', fair: '#bf8700', poor: '#cf222e' };
  function band(score) { return score >= 80 ? colors.good : score >= 60 ? colors.fair : colors.poor; }
  Chart.defaults.animation = false;
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  Chart.defaults.maintainAspectRatio = false;
  function percentAxis() { return { beginAtZero: true, max: 100, ticks: { stepSize: 20 } }; }

  new Chart(document.getElementById('chart-distribution'), {
    type: 'bar',
    data: {
      labels: data.distribution.map(function (b) { return b.from + '–' + b.to; }),
      datasets: [{ label: 'conversations', data: data.distribution.map(function (b) { return b.count; }), backgroundColor: data.distribution.map(function (b) { return band(b.from); }) }]
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'conversations' } }, x: { title: { display: true, text: 'score' } } } }
  });

  new Chart(document.getElementById('chart-categories'), {
    type: 'bar',
    data: {
      labels: data.categories.map(function (c) { return c.letter + ' · ' + c.label; }),
      datasets: [{ label: 'team average', data: data.categories.map(function (c) { return c.score; }), backgroundColor: data.categories.map(function (c) { return band(c.score); }) }]
    },
    options: { plugins: { legend: { display: false } }, scales: { y: percentAxis() } }
  });

  if (data.agents.length) {
    new Chart(document.getElementById('chart-agents'), {
      type: 'bar',
      data: {
        labels: data.agents.map(function (a) { return a.name; }),
        datasets: [{ label: 'score', data: data.agents.map(function (a) { return a.score; }), backgroundColor: data.agents.map(function (a) { return band(a.score); }) }]
      },
      options: {
        indexAxis: 'y',
        plugins: { legend: { display: false }, tooltip: { callbacks: { afterLabel: function (item) { var a = data.agents[item.dataIndex]; return a.replies + ' replies in ' + a.conversations + ' conversations'; } } } },
        scales: { x: percentAxis(), y: { ticks: { autoSkip: false } } }
      }
    });
  }

  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    var raw = cell.getAttribute('data-sort');
    var text = raw !== null ? raw : cell.textContent.trim();
    if (!numeric) return text.toLowerCase();
    var number = parseFloat(text);
    return isNaN(number) ? -Infinity : number;
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.setAttribute('role', 'columnheader');
      th.tabIndex = 0;
      function sort() {
        var numeric = th.classList.contains('num');
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var keyed = Array.prototype.map.call(body.rows, function (row, position) { return { row: row, key: cellValue(row, index, numeric), position: position }; });
        keyed.sort(function (a, b) {
          var order = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
          return order === 0 ? a.position - b.position : order * (ascending ? 1 : -1);
        });
        var fragment = document.createDocumentFragment();
        keyed.forEach(function (item) { fragment.appendChild(item.row); });
        body.appendChild(fragment);
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (event) { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); sort(); } });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('input.filter'), function (input) {
    var table = document.getElementById(input.getAttribute('data-table'));
    input.addEventListener('input', function () {
      var needle = input.value.toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) { row.hidden = needle !== '' && row.textContent.toLowerCase().indexOf(needle) === -1; });
    });
  });
})();
`;
