/**
 * The HTML report's script. It reads the compact data of html-data.ts, applies the filters over
 * every conversation, redraws the charts with Chart.js, and renders lists a page at a time; a
 * conversation's replies are built only when it is opened, from its block of texts, which is
 * parsed then (and kept for the next one). Written as plain browser JavaScript (no template
 * literals: this is one).
 */
export const REPORT_SCRIPT = String.raw`
(function () {
  'use strict';
  var started = performance.now();
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var S = data.strings, X = data.index, N = X.id.length, CATS = data.categories, NC = CATS.length, MIN = data.minConversations;
  var AGENTS = data.agents, RULES = data.rules;
  var parsed = performance.now();
  // The columns of html-data.ts as typed arrays; lists get their start offsets.
  function column(values, Type) { return Type.from(values); }
  function starts(counts) { var out = new Int32Array(counts.length + 1); for (var i = 0; i < counts.length; i++) out[i + 1] = out[i] + counts[i]; return out; }
  var score = column(X.score, Float64Array), convCats = column(X.categories, Float64Array), critical = column(X.critical, Uint8Array);
  var day = column(X.day, Int32Array), channel = column(X.channel, Int32Array), situation = column(X.situation, Int32Array), rating = column(X.rating, Int32Array), agentReplies = column(X.agentReplies, Int32Array);
  var tagStart = starts(X.tagCount), tags = column(X.tags, Int32Array);
  var reviewStart = starts(X.reviewCount), reviewAgent = column(X.reviewAgent, Int32Array), reviewScore = column(X.reviewScore, Float64Array), reviewCritical = column(X.reviewCritical, Uint8Array), reviewReplies = column(X.reviewReplies, Int32Array), reviewCats = column(X.reviewCategories, Float64Array);
  var findingStart = starts(X.findingCount), findingRule = column(X.findingRule, Int32Array), findingAgent = column(X.findingAgent, Int32Array);
  var columns = performance.now();
  var SEVERITY = ['error', 'warning', 'suggestion'];
  var PAGE = 50, AGENT_PAGE = 50, RULE_PAGE = 50, LOWEST = 15;
  var COLORS = { good: '#1a7f37', fair: '#bf8700', poor: '#cf222e' };

  function $(id) { return document.getElementById(id); }
  function esc(text) { return String(text).replace(/[&<>"']/g, function (ch) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch]; }); }
  // One formatter: toLocaleString builds a new one on every call, which is slow by the thousand.
  var NUMBER = new Intl.NumberFormat('en-US');
  function fmt(n) { return NUMBER.format(n); }
  function scoreText(s) { return s === null || s === undefined || isNaN(s) ? '–' : s.toFixed(1); }
  function band(s) { return s === null || s === undefined || isNaN(s) ? 'none' : s >= 80 ? 'good' : s >= 60 ? 'fair' : 'poor'; }
  function color(s) { return COLORS[band(s)] || '#8c959f'; }
  function dayText(day) { return new Date(day * 86400000).toISOString().slice(0, 10); }
  function agentName(a) { return S[AGENTS[a][0]]; }
  function isBot(a) { return AGENTS[a][1] === 1; }
  function ruleName(r) { return S[RULES[r][0]]; }
  /** The position of an agent's review in conversation i, or -1. */
  function reviewOf(i, agent) { for (var r = reviewStart[i]; r < reviewStart[i + 1]; r++) if (reviewAgent[r] === agent) return r; return -1; }

  // ---- filters ----
  var filter = { agent: -1, tag: -1, channel: -1, situation: -1, rule: -1, from: null, to: null };
  function hasRule(i, rule, agent) {
    for (var f = findingStart[i]; f < findingStart[i + 1]; f++) if (findingRule[f] === rule && (agent < 0 || findingAgent[f] === agent)) return true;
    return false;
  }
  function hasTag(i, tag) {
    for (var t = tagStart[i]; t < tagStart[i + 1]; t++) if (tags[t] === tag) return true;
    return false;
  }
  function matches(i) {
    if (filter.channel >= 0 && channel[i] !== filter.channel) return false;
    if (filter.situation >= 0 && situation[i] !== filter.situation) return false;
    if (filter.from !== null && (day[i] < 0 || day[i] < filter.from)) return false;
    if (filter.to !== null && (day[i] < 0 || day[i] > filter.to)) return false;
    if (filter.tag >= 0 && !hasTag(i, filter.tag)) return false;
    if (filter.agent >= 0 && reviewOf(i, filter.agent) < 0) return false;
    if (filter.rule >= 0 && !hasRule(i, filter.rule, filter.agent)) return false;
    return true;
  }

  // Orders of every conversation, computed once per sort key; a filter keeps the order. Each
  // conversation's key and position are packed in one number (key × M + position), so the
  // browser's native numeric sort does the work, with ties kept in input order.
  var M = 1;
  while (M < N) M *= 2;
  function packedSort(positions, keyOf) {
    var keys = new Float64Array(positions.length);
    for (var o = 0; o < positions.length; o++) keys[o] = keyOf(positions[o]) * M + positions[o];
    keys.sort();
    var out = new Int32Array(positions.length);
    for (o = 0; o < keys.length; o++) out[o] = keys[o] % M;
    return out;
  }
  var NO_KEY = 1 << 25;
  var KEYS = {
    worst: function (i) { return score[i] < 0 ? NO_KEY : Math.round(score[i] * 10); },
    best: function (i) { return score[i] < 0 ? NO_KEY : 1000 - Math.round(score[i] * 10); },
    findings: function (i) { return Math.max(0, 1e6 - (findingStart[i + 1] - findingStart[i])); },
    newest: function (i) { return day[i] < 0 ? NO_KEY : (1 << 24) - day[i]; },
    oldest: function (i) { return day[i] < 0 ? NO_KEY : day[i]; }
  };
  var orders = {};
  function order(key) {
    if (!orders[key]) {
      var all = new Int32Array(N);
      for (var i = 0; i < N; i++) all[i] = i;
      orders[key] = packedSort(all, KEYS[key]);
    }
    return orders[key];
  }

  // ---- totals over the filtered conversations ----
  // The unfiltered totals, per order, are kept: "show everything" is the view most returned to.
  var unfiltered = {};
  function compute() {
    var sortKey = $('conversation-sort').value;
    var none = filter.agent < 0 && filter.tag < 0 && filter.channel < 0 && filter.situation < 0 && filter.rule < 0 && filter.from === null && filter.to === null;
    if (none && unfiltered[sortKey]) return unfiltered[sortKey];
    var view = totals(sortKey);
    if (none) unfiltered[sortKey] = view;
    return view;
  }
  function totals(sortKey) {
    var ord = order(sortKey);
    var nA = AGENTS.length, nR = RULES.length, nC = CATS.length;
    var t = { conversations: 0, scored: 0, scoreSum: 0, critical: 0, replies: 0, findings: 0, buckets: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], cats: new Float64Array(nC), weeks: {}, ratings: {} };
    var aCount = new Int32Array(nA), aSum = new Float64Array(nA), aCrit = new Int32Array(nA), aReplies = new Int32Array(nA), aFindings = new Int32Array(nA), aCats = new Float64Array(nA * nC), aRules = new Int32Array(nA * nR);
    var rCount = new Int32Array(nR), rConvs = new Int32Array(nR), rSeen = new Int32Array(nR).fill(-1);
    var list = new Int32Array(N), shownCount = 0;
    var any = filter.agent >= 0 || filter.tag >= 0 || filter.channel >= 0 || filter.situation >= 0 || filter.rule >= 0 || filter.from !== null || filter.to !== null;
    for (var o = 0; o < N; o++) {
      var i = ord[o];
      if (any && !matches(i)) continue;
      list[shownCount++] = i;
      t.conversations++;
      t.replies += agentReplies[i];
      var s = score[i];
      if (s >= 0) {
        t.scored++; t.scoreSum += s;
        if (critical[i]) t.critical++;
        t.buckets[Math.min(9, Math.floor(s / 10))]++;
        for (var k = 0; k < nC; k++) t.cats[k] += convCats[i * nC + k];
        if (day[i] >= 0) {
          var week = day[i] - ((day[i] + 3) % 7);
          var w = t.weeks[week] || (t.weeks[week] = { sum: 0, n: 0 });
          w.sum += s; w.n++;
        }
        if (rating[i] >= 0) {
          var r = t.ratings[rating[i]] || (t.ratings[rating[i]] = { sum: 0, n: 0 });
          r.sum += s; r.n++;
        }
      }
      for (var v = reviewStart[i]; v < reviewStart[i + 1]; v++) {
        var a = reviewAgent[v];
        aCount[a]++; aSum[a] += reviewScore[v]; aCrit[a] += reviewCritical[v]; aReplies[a] += reviewReplies[v];
        for (k = 0; k < nC; k++) aCats[a * nC + k] += reviewCats[v * nC + k];
      }
      for (var j = findingStart[i]; j < findingStart[i + 1]; j++) {
        var rule = findingRule[j], by = findingAgent[j];
        aFindings[by]++;
        aRules[by * nR + rule]++;
        if (isBot(by) || (filter.agent >= 0 && by !== filter.agent)) continue;
        t.findings++;
        rCount[rule]++;
        if (rSeen[rule] !== i) { rSeen[rule] = i; rConvs[rule]++; }
      }
    }
    list = list.subarray(0, shownCount);
    var agents = [];
    for (a = 0; a < nA; a++) {
      if (!aCount[a]) continue;
      var cats = [];
      for (k = 0; k < nC; k++) cats.push(aCats[a * nC + k] / aCount[a]);
      var counts = {};
      for (r = 0; r < nR; r++) if (aRules[a * nR + r]) counts[r] = aRules[a * nR + r];
      agents.push({ agent: a, name: agentName(a), bot: isBot(a), conversations: aCount[a], score: aSum[a] / aCount[a], categories: cats, critical: aCrit[a], replies: aReplies[a], findings: aFindings[a], rules: counts, enough: !isBot(a) && aCount[a] >= MIN });
    }
    var rules = [];
    for (r = 0; r < nR; r++) if (rCount[r]) rules.push({ rule: r, count: rCount[r], conversations: rConvs[r] });
    rules.sort(function (x, y) { return y.count - x.count || y.conversations - x.conversations || (ruleName(x.rule) < ruleName(y.rule) ? -1 : 1); });
    if (filter.agent >= 0 && sortKey === 'worst') {
      // An agent's conversations, worst first by their own part in each.
      list = packedSort(list, function (idx) { return Math.round(reviewScore[reviewOf(idx, filter.agent)] * 10); });
    }
    return { totals: t, list: list, agents: agents, rules: rules };
  }

  // ---- charts ----
  Chart.defaults.animation = false;
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  Chart.defaults.maintainAspectRatio = false;
  var percentAxis = function () { return { beginAtZero: true, max: 100, ticks: { stepSize: 20 } }; };
  var charts = {};
  charts.agents = new Chart($('chart-agents'), {
    type: 'bar',
    data: { labels: [], datasets: [{ label: 'score', data: [], backgroundColor: [] }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: percentAxis(), y: { ticks: { autoSkip: false } } } }
  });
  charts.distribution = new Chart($('chart-distribution'), {
    type: 'bar',
    data: { labels: [], datasets: [{ label: 'conversations', data: [], backgroundColor: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90].map(color) }] },
    options: {
      plugins: { legend: { display: false } },
      scales: {
        y: { type: 'logarithmic', min: 0.5, title: { display: true, text: 'conversations (log scale)' }, ticks: { callback: function (value) { var e = Math.pow(10, Math.floor(Math.log10(value))); var m = value / e; return value >= 1 && (m === 1 || m === 2 || m === 5) ? fmt(value) : ''; } } },
        x: { title: { display: true, text: 'score band, with its number of conversations' } }
      }
    }
  });
  charts.categories = new Chart($('chart-categories'), {
    type: 'bar',
    data: { labels: CATS.map(function (c) { return c.letter + ' · ' + c.label; }), datasets: [{ label: 'average', data: [], backgroundColor: [] }] },
    options: { plugins: { legend: { display: false } }, scales: { y: percentAxis() } }
  });
  if ($('chart-trend')) {
    charts.trend = new Chart($('chart-trend'), {
      data: { labels: [], datasets: [
        { type: 'line', label: 'mean score', data: [], borderColor: '#0969da', backgroundColor: '#0969da', yAxisID: 'y', spanGaps: true },
        { type: 'bar', label: 'conversations', data: [], backgroundColor: 'rgba(140,149,159,0.35)', yAxisID: 'count' }
      ] },
      options: { scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: 'mean score' } }, count: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { precision: 0 }, title: { display: true, text: 'conversations' } }, x: { title: { display: true, text: 'week starting (Monday)' }, ticks: { sampleSize: 12, maxRotation: 45 } } } }
    });
  }
  if ($('chart-rating')) {
    charts.rating = new Chart($('chart-rating'), {
      type: 'bar',
      data: { labels: [], datasets: [{ label: 'mean score', data: [], backgroundColor: [] }] },
      options: { plugins: { legend: { display: false } }, scales: { y: percentAxis(), x: { title: { display: true, text: "customer's rating, with its number of conversations" } } } }
    });
  }
  function ratingOrder(x, y) {
    var words = ['bad', 'not-good', 'not good', 'poor', 'okay', 'ok', 'neutral', 'good', 'great', 'excellent'];
    var a = S[x], b = S[y], na = parseFloat(a), nb = parseFloat(b);
    if (!isNaN(na) && !isNaN(nb)) return na - nb;
    var wa = words.indexOf(a.toLowerCase()), wb = words.indexOf(b.toLowerCase());
    if (wa >= 0 && wb >= 0) return wa - wb;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  // A chart is redrawn only when what it shows changed.
  var drawn = {};
  function redraw(name) {
    var chart = charts[name];
    var key = JSON.stringify([chart.data.labels, chart.data.datasets.map(function (d) { return d.data; })]);
    if (drawn[name] === key) return;
    drawn[name] = key;
    chart.update('none');
  }
  function drawCharts(view) {
    var t = view.totals;
    var lowest = view.agents.filter(function (a) { return a.enough; }).sort(function (x, y) { return x.score - y.score || y.conversations - x.conversations; }).slice(0, LOWEST);
    var box = $('chart-agents-box'), empty = $('chart-agents-empty');
    box.hidden = lowest.length === 0;
    empty.hidden = lowest.length > 0;
    empty.textContent = 'No agent has ' + fmt(MIN) + ' or more conversations' + (t.conversations < N ? ' among the filtered ones' : '') + ': too few to rank anyone.';
    box.style.setProperty('--height', Math.max(160, lowest.length * 28 + 50) + 'px');
    charts.agents.data.labels = lowest.map(function (a) { return a.name + ' (' + fmt(a.conversations) + ')'; });
    charts.agents.data.datasets[0].data = lowest.map(function (a) { return Math.round(a.score * 10) / 10; });
    charts.agents.data.datasets[0].backgroundColor = lowest.map(function (a) { return color(a.score); });
    redraw('agents');
    charts.distribution.data.labels = t.buckets.map(function (n, i) { return [i * 10 + '–' + (i === 9 ? 100 : i * 10 + 9), fmt(n)]; });
    charts.distribution.data.datasets[0].data = t.buckets.slice();
    redraw('distribution');
    var catMeans = Array.prototype.map.call(t.cats, function (sum) { return t.scored ? Math.round(sum / t.scored * 10) / 10 : 0; });
    charts.categories.data.datasets[0].data = catMeans;
    charts.categories.data.datasets[0].backgroundColor = catMeans.map(color);
    redraw('categories');
    if (charts.trend) {
      var weeks = Object.keys(t.weeks).map(Number).sort(function (a, b) { return a - b; });
      var labels = [], means = [], counts = [];
      if (weeks.length) {
        var first = weeks[0], last = weeks[weeks.length - 1];
        var all = (last - first) / 7 <= 520;
        (all ? (function () { var ws = []; for (var d = first; d <= last; d += 7) ws.push(d); return ws; })() : weeks).forEach(function (wk) {
          var w = t.weeks[wk];
          labels.push(dayText(wk)); means.push(w ? Math.round(w.sum / w.n * 10) / 10 : null); counts.push(w ? w.n : 0);
        });
      }
      charts.trend.data.labels = labels;
      charts.trend.data.datasets[0].data = means;
      charts.trend.data.datasets[1].data = counts;
      redraw('trend');
    }
    if (charts.rating) {
      var ratings = Object.keys(t.ratings).map(Number).sort(ratingOrder);
      charts.rating.data.labels = ratings.map(function (r) { return [S[r], 'n = ' + fmt(t.ratings[r].n)]; });
      var rm = ratings.map(function (r) { return Math.round(t.ratings[r].sum / t.ratings[r].n * 10) / 10; });
      charts.rating.data.datasets[0].data = rm;
      charts.rating.data.datasets[0].backgroundColor = rm.map(color);
      redraw('rating');
    }
  }

  // ---- cards ----
  function card(value, label, cls) { return '<div class="card"><div class="value ' + (cls || '') + '">' + value + '</div><div class="label">' + label + '</div></div>'; }
  function drawCards(view) {
    var t = view.totals, mean = t.scored ? t.scoreSum / t.scored : null;
    var ranked = view.agents.filter(function (a) { return a.enough; }).length;
    $('summary-cards').innerHTML =
      card(scoreText(mean), 'score (mean of conversations)', band(mean)) +
      card(fmt(t.conversations), 'conversations (' + fmt(t.scored) + ' scored)') +
      card(fmt(t.replies), 'agent replies scored') +
      card(fmt(t.critical), 'zeroed by a critical rule', t.critical ? 'poor' : '') +
      card(fmt(t.findings), 'findings') +
      card(fmt(ranked), 'agents with ' + fmt(MIN) + '+ conversations');
    $('category-cards').innerHTML = CATS.map(function (c, k) { var m = t.scored ? t.cats[k] / t.scored : null; return card(scoreText(m), c.letter + ' · ' + c.label, band(m)); }).join('');
  }

  // ---- agents table ----
  var agentSort = { key: 'score', ascending: true }, agentLimit = AGENT_PAGE;
  var AGENT_COLUMNS = [{ key: 'name', label: 'agent' }, { key: 'score', label: 'score', num: true }]
    .concat(CATS.map(function (c, k) { return { key: 'c' + k, label: c.letter, num: true, wide: true, title: c.label }; }))
    .concat([{ key: 'conversations', label: 'conversations', num: true }, { key: 'critical', label: 'critical', num: true }, { key: 'rules', label: 'most frequent rules' }]);
  function topRules(counts, n) {
    return Object.keys(counts).map(Number).sort(function (x, y) { return counts[y] - counts[x] || x - y; }).slice(0, n);
  }
  function ruleChips(counts, n) {
    var top = topRules(counts, n);
    return top.length ? '<span class="chips">' + top.map(function (r) { return '<span class="chip">' + esc(ruleName(r)) + ' ×' + counts[r] + '</span>'; }).join('') + '</span>' : '<span class="muted">none</span>';
  }
  function agentValue(a, key) {
    if (key === 'name') return a.name.toLowerCase();
    if (key.charAt(0) === 'c' && key.length === 2) return a.categories[Number(key.charAt(1))];
    if (key === 'rules') return a.findings;
    return a[key];
  }
  function drawAgents(view) {
    var rows = view.agents.slice().sort(function (x, y) {
      // Agents too few to judge always come after the ranked ones.
      if (x.enough !== y.enough) return x.enough ? -1 : 1;
      var a = agentValue(x, agentSort.key), b = agentValue(y, agentSort.key);
      var o = a < b ? -1 : a > b ? 1 : 0;
      return (agentSort.ascending ? o : -o) || y.conversations - x.conversations || (x.name < y.name ? -1 : 1);
    });
    var table = $('agents-table');
    table.tHead.innerHTML = '<tr>' + AGENT_COLUMNS.map(function (col) {
      var sort = agentSort.key === col.key ? ' aria-sort="' + (agentSort.ascending ? 'ascending' : 'descending') + '"' : '';
      return '<th class="' + (col.num ? 'num' : '') + (col.wide ? ' wide' : '') + '"' + sort + '><button type="button" data-sort="' + col.key + '">' + esc(col.label) + '</button></th>';
    }).join('') + '</tr>';
    table.tBodies[0].innerHTML = rows.slice(0, agentLimit).map(function (a) {
      return '<tr data-agent="' + a.agent + '"' + (a.enough ? '' : ' class="few"') + '><td><button type="button" class="link" data-agent="' + a.agent + '">' + esc(a.name) + '</button>' + (a.bot ? '<span class="badge">bot</span>' : '') + (a.enough ? '' : '<span class="badge few">too few to judge</span>') + '</td>' +
        '<td class="num ' + band(a.score) + '" data-label="score">' + scoreText(a.score) + '</td>' +
        a.categories.map(function (s) { return '<td class="num wide ' + band(s) + '">' + scoreText(s) + '</td>'; }).join('') +
        '<td class="num" data-label="conversations">' + fmt(a.conversations) + '</td><td class="num' + (a.critical ? ' poor' : '') + '" data-label="critical">' + fmt(a.critical) + '</td><td>' + ruleChips(a.rules, 3) + '</td></tr>';
    }).join('');
    var more = $('agents-more');
    more.hidden = rows.length <= agentLimit;
    more.textContent = 'show all ' + fmt(rows.length) + ' agents';
  }
  $('agents-table').addEventListener('click', function (event) {
    var target = event.target.closest('button');
    if (!target) return;
    if (target.hasAttribute('data-sort')) {
      var key = target.getAttribute('data-sort');
      agentSort = { key: key, ascending: agentSort.key === key ? !agentSort.ascending : key !== 'conversations' && key !== 'critical' && key !== 'rules' };
      drawAgents(current);
    } else if (target.hasAttribute('data-agent')) {
      chooseAgent(Number(target.getAttribute('data-agent')));
    }
  });
  $('agents-more').addEventListener('click', function () { agentLimit = Infinity; drawAgents(current); });

  // ---- the chosen agent ----
  function drawAgentPanel(view) {
    var panel = $('agent-panel');
    if (filter.agent < 0) { panel.hidden = true; panel.innerHTML = ''; return; }
    var a = view.agents.filter(function (x) { return x.agent === filter.agent; })[0];
    panel.hidden = false;
    panel.className = 'agent-panel';
    if (!a) { panel.innerHTML = '<h2>' + esc(agentName(filter.agent)) + '</h2><p class="muted">No conversation of this agent matches the other filters.</p>'; return; }
    var top = topRules(a.rules, 5);
    panel.innerHTML = '<h2>' + esc(a.name) + (a.bot ? '<span class="badge">bot</span>' : '') + (a.enough ? '' : '<span class="badge few">too few to judge: ' + fmt(a.conversations) + ' of ' + fmt(MIN) + ' conversations</span>') + '</h2>' +
      '<div class="cards">' + card(scoreText(a.score), 'their score (mean of their conversations)', band(a.score)) + card(fmt(a.conversations), 'conversations') + card(fmt(a.replies), 'replies') + card(fmt(a.critical), 'with a critical finding', a.critical ? 'poor' : '') + '</div>' +
      '<div class="cards">' + CATS.map(function (c, k) { return card(scoreText(a.categories[k]), c.letter + ' · ' + c.label, band(a.categories[k])); }).join('') + '</div>' +
      '<h3 style="margin-top:16px">Their most frequent rules</h3>' +
      (top.length ? '<ol class="top-rules">' + top.map(function (r) { return '<li><code>' + esc(ruleName(r)) + '</code> ×' + fmt(a.rules[r]) + ' <span class="muted">(' + esc(CATS[RULES[r][1]].label) + ', ' + SEVERITY[RULES[r][2]] + ')</span></li>'; }).join('') + '</ol>' : '<p class="muted">No finding.</p>') +
      '<p class="muted">Their conversations are listed below, worst first by their own replies.</p>';
  }

  // ---- rules table ----
  var ruleLimit = RULE_PAGE;
  function drawRules(view) {
    var table = $('rules-table');
    table.tHead.innerHTML = '<tr><th>rule</th><th class="wide">category</th><th>severity</th><th class="num">findings</th><th class="num">conversations</th></tr>';
    table.tBodies[0].innerHTML = view.rules.length ? view.rules.slice(0, ruleLimit).map(function (r) {
      var meta = RULES[r.rule];
      return '<tr data-rule="' + r.rule + '"><td><button type="button" class="link" data-rule="' + r.rule + '"><code>' + esc(ruleName(r.rule)) + '</code></button></td><td class="wide">' + esc(CATS[meta[1]].label) + '</td><td>' + SEVERITY[meta[2]] + '</td><td class="num">' + fmt(r.count) + '</td><td class="num">' + fmt(r.conversations) + '</td></tr>';
    }).join('') : '<tr><td colspan="5" class="muted">No rule fired.</td></tr>';
    var more = $('rules-more');
    more.hidden = view.rules.length <= ruleLimit;
    more.textContent = 'show all ' + fmt(view.rules.length) + ' rules';
  }
  $('rules-table').addEventListener('click', function (event) {
    var target = event.target.closest('button[data-rule]');
    if (!target) return;
    filter.rule = Number(target.getAttribute('data-rule'));
    $('filter-rule').value = String(filter.rule);
    update();
  });
  $('rules-more').addEventListener('click', function () { ruleLimit = Infinity; drawRules(current); });

  // ---- conversations ----
  var shown = 0;
  function conversationItem(i) {
    var shownScore = score[i] < 0 ? null : score[i];
    if (filter.agent >= 0) shownScore = reviewScore[reviewOf(i, filter.agent)];
    var names = [];
    for (var r = reviewStart[i]; r < reviewStart[i + 1]; r++) names.push(agentName(reviewAgent[r]));
    var meta = [names.join(', ') || 'no agent reply'];
    if (day[i] >= 0) meta.push(dayText(day[i]));
    if (situation[i] >= 0) meta.push(S[situation[i]]);
    if (channel[i] >= 0) meta.push(S[channel[i]]);
    var counts = {};
    for (var j = findingStart[i]; j < findingStart[i + 1]; j++) counts[findingRule[j]] = (counts[findingRule[j]] || 0) + 1;
    var chips = topRules(counts, 6);
    return '<li class="conv" data-i="' + i + '"><button type="button" class="conv-head" aria-expanded="false">' +
      '<span class="score ' + band(shownScore) + '">' + scoreText(shownScore) + '</span><span class="id">' + esc(X.id[i]) + '</span>' +
      (critical[i] ? '<span class="badge critical">critical: auto-fail</span>' : '') +
      '<span class="meta">' + esc(meta.join(' · ')) + '</span>' +
      (chips.length ? '<span class="chips">' + chips.map(function (r) { return '<span class="chip">' + esc(ruleName(r)) + (counts[r] > 1 ? ' ×' + counts[r] : '') + '</span>'; }).join('') + '</span>' : '') +
      '</button><div class="conv-body" hidden></div></li>';
  }
  function drawConversations(view, more) {
    var list = $('conversations-list');
    var title = filter.agent >= 0 ? 'Conversations of ' + agentName(filter.agent) : 'Conversations';
    $('conversations-title').textContent = title + ' (' + fmt(view.list.length) + ')';
    var from = more ? shown : 0;
    shown = Math.min(view.list.length, (more ? shown : 0) + PAGE);
    var html = '';
    for (var o = from; o < shown; o++) html += conversationItem(view.list[o]);
    if (more) list.insertAdjacentHTML('beforeend', html);
    else list.innerHTML = html || '<li class="muted">No conversation matches the filters.</li>';
    var button = $('conversations-more');
    button.hidden = shown >= view.list.length;
    button.textContent = 'show ' + fmt(Math.min(PAGE, view.list.length - shown)) + ' more of ' + fmt(view.list.length - shown);
    if (!more) for (o = 0; o < Math.min(data.openWorst, shown); o++) openConversation(list.children[o]);
  }
  $('conversations-more').addEventListener('click', function () { drawConversations(current, true); });

  var blocks = new Map();
  function detailOf(i) {
    var chunk = Math.floor(i / data.chunk);
    var block = blocks.get(chunk);
    if (!block) {
      block = JSON.parse($('d-' + chunk).textContent);
      if (blocks.size >= 64) blocks.delete(blocks.keys().next().value);
      blocks.set(chunk, block);
    }
    return block[i % data.chunk];
  }
  function highlight(text, fs) {
    var L = text.length, cuts = {};
    cuts[0] = true; cuts[L] = true;
    fs.forEach(function (f) { cuts[Math.min(f[1], L)] = true; cuts[Math.min(f[2], L)] = true; });
    var edges = Object.keys(cuts).map(Number).sort(function (a, b) { return a - b; });
    function strongest(ks) {
      var best = ks[0];
      ks.forEach(function (k) { if (fs[k][4] > fs[best][4] || (fs[k][4] === fs[best][4] && fs[k][3] < fs[best][3])) best = k; });
      return fs[best][4] ? 'critical' : SEVERITY[fs[best][3]];
    }
    function refs(ks) { return '<sup class="ref">' + ks.map(function (k) { return k + 1; }).join(',') + '</sup>'; }
    var html = '';
    for (var e = 0; e < edges.length; e++) {
      var at = edges[e], ending = [], pointing = [];
      fs.forEach(function (f, k) {
        var s = Math.min(f[1], L), end = Math.min(f[2], L);
        if (end > s && end === at) ending.push(k);
        else if (end <= s && s === at) pointing.push(k);
      });
      if (ending.length) html += refs(ending);
      if (pointing.length) html += '<mark class="point ' + strongest(pointing) + '">⁁</mark>' + refs(pointing);
      if (e + 1 >= edges.length) break;
      var next = edges[e + 1], covering = [];
      fs.forEach(function (f, k) { if (f[2] > f[1] && Math.min(f[1], L) <= at && Math.min(f[2], L) >= next) covering.push(k); });
      var segment = esc(text.slice(at, next));
      html += covering.length ? '<mark class="' + strongest(covering) + '">' + segment + '</mark>' : segment;
    }
    return html;
  }
  function findingItem(f, text) {
    var words = text.slice(f[1], f[2]);
    var sev = f[4] ? 'critical' : SEVERITY[f[3]];
    var fix = f[6] < 0 ? '' : '<div class="fix">Fix: ' + (words ? 'replace “' + esc(words) + '” with ' : 'insert ') + (S[f[6]] === '' ? 'nothing (remove it)' : '“' + esc(S[f[6]]) + '”') + '</div>';
    var note = f[7] < 0 ? '' : '<div class="note">' + esc(S[f[7]]) + '</div>';
    return '<li class="sev-' + sev + '"><span class="sev">' + (f[4] ? 'critical: auto-fail' : sev) + '</span> <span class="rule">' + esc(ruleName(f[0])) + '</span> ' + esc(S[f[5]]) + (words ? ' <span class="muted">(“' + esc(words) + '”)</span>' : '') + fix + note + '</li>';
  }
  function conversationBody(i) {
    var replies = detailOf(i);
    var facts = [S[X.source[i]] + ':' + X.line[i]];
    var tagNames = [];
    for (var t = tagStart[i]; t < tagStart[i + 1]; t++) tagNames.push(S[tags[t]]);
    if (tagNames.length) facts.push('tags: ' + tagNames.join(', '));
    if (rating[i] >= 0) facts.push("customer's rating: " + S[rating[i]]);
    var html = '<p class="facts">' + esc(facts.join(' · ')) + '</p><ol class="thread">';
    replies.forEach(function (r) {
      if (r[3] !== null) html += '<li class="customer"><div class="who">customer</div><p class="text">' + esc(r[3]) + '</p></li>';
      html += '<li class="agent"><div class="who">' + esc(agentName(r[0])) + (isBot(r[0]) ? ' (bot)' : '') + ' · reply score <span class="' + band(r[1]) + '">' + scoreText(r[1]) + '</span></div>' +
        '<p class="text">' + highlight(r[4], r[5]) + '</p>' +
        (r[5].length ? '<ol class="findings">' + r[5].map(function (f) { return findingItem(f, r[4]); }).join('') + '</ol>' : '<p class="muted">No finding in this reply.</p>') + '</li>';
    });
    if (!replies.length) html += '<li class="muted">No agent reply to score.</li>';
    return html + '</ol>';
  }
  function openConversation(item) {
    if (!item || !item.hasAttribute('data-i')) return;
    var head = item.firstElementChild, body = item.lastElementChild;
    if (!body.hasChildNodes()) body.innerHTML = conversationBody(Number(item.getAttribute('data-i')));
    body.hidden = false;
    head.setAttribute('aria-expanded', 'true');
  }
  $('conversations-list').addEventListener('click', function (event) {
    var head = event.target.closest('.conv-head');
    if (!head) return;
    var item = head.parentElement;
    if (head.getAttribute('aria-expanded') === 'true') { item.lastElementChild.hidden = true; head.setAttribute('aria-expanded', 'false'); }
    else openConversation(item);
  });

  // ---- filter controls ----
  function fillSelect(id, entries) {
    var select = $(id);
    if (!select) return;
    select.insertAdjacentHTML('beforeend', entries.map(function (e) { return '<option value="' + e[0] + '">' + esc(e[1]) + '</option>'; }).join(''));
  }
  (function () {
    var aN = new Int32Array(AGENTS.length), tagN = {}, chans = {}, sits = {}, rules = new Int32Array(RULES.length), minDay = Infinity, maxDay = -Infinity, k;
    for (k = 0; k < reviewAgent.length; k++) aN[reviewAgent[k]]++;
    for (k = 0; k < tags.length; k++) tagN[tags[k]] = (tagN[tags[k]] || 0) + 1;
    for (k = 0; k < findingRule.length; k++) rules[findingRule[k]]++;
    for (var i = 0; i < N; i++) {
      if (channel[i] >= 0) chans[channel[i]] = (chans[channel[i]] || 0) + 1;
      if (situation[i] >= 0) sits[situation[i]] = (sits[situation[i]] || 0) + 1;
      if (day[i] >= 0) { minDay = Math.min(minDay, day[i]); maxDay = Math.max(maxDay, day[i]); }
    }
    var byName = function (x, y) { return x[1].toLowerCase() < y[1].toLowerCase() ? -1 : 1; };
    var counted = function (counts) { return Object.keys(counts).map(Number).sort(function (x, y) { return counts[y] - counts[x] || x - y; }).map(function (k) { return [k, S[k] + ' (' + fmt(counts[k]) + ')']; }); };
    fillSelect('filter-agent', AGENTS.map(function (a, k) { return [k, S[a[0]] + ' (' + fmt(aN[k]) + (isBot(k) ? ', bot' : '') + ')']; }).sort(byName));
    fillSelect('filter-tag', counted(tagN));
    fillSelect('filter-channel', counted(chans));
    fillSelect('filter-situation', counted(sits));
    fillSelect('filter-rule', RULES.map(function (r, k) { return [k, S[r[0]] + ' (' + fmt(rules[k]) + ')']; }).sort(byName));
    ['filter-from', 'filter-to'].forEach(function (id) { if ($(id) && minDay <= maxDay) { $(id).min = dayText(minDay); $(id).max = dayText(maxDay); } });
  })();
  function readDay(id) { var input = $(id); if (!input || !input.value) return null; var ms = Date.parse(input.value + 'T00:00:00Z'); return isNaN(ms) ? null : Math.floor(ms / 86400000); }
  function readFilters() {
    ['agent', 'tag', 'channel', 'situation', 'rule'].forEach(function (name) { filter[name] = Number($('filter-' + name).value); });
    filter.from = readDay('filter-from');
    filter.to = readDay('filter-to');
  }
  ['agent', 'tag', 'channel', 'situation', 'rule', 'from', 'to'].forEach(function (name) {
    var control = $('filter-' + name);
    if (control) control.addEventListener('change', function () { readFilters(); update(); });
  });
  $('conversation-sort').addEventListener('change', update);
  $('filter-reset').addEventListener('click', function () {
    Array.prototype.forEach.call(document.querySelectorAll('.filters select'), function (s) { s.value = '-1'; });
    Array.prototype.forEach.call(document.querySelectorAll('.filters input'), function (i) { i.value = ''; });
    readFilters();
    update();
  });
  function chooseAgent(agent) {
    $('filter-agent').value = String(agent);
    readFilters();
    update();
    $('agent-panel').scrollIntoView();
  }

  var current;
  function update() {
    var began = performance.now();
    current = compute();
    var active = [];
    if (filter.agent >= 0) active.push('agent ' + agentName(filter.agent));
    if (filter.tag >= 0) active.push('tag ' + S[filter.tag]);
    if (filter.channel >= 0) active.push('channel ' + S[filter.channel]);
    if (filter.situation >= 0) active.push('situation ' + S[filter.situation]);
    if (filter.rule >= 0) active.push('rule ' + ruleName(filter.rule));
    if (filter.from !== null) active.push('from ' + dayText(filter.from));
    if (filter.to !== null) active.push('to ' + dayText(filter.to));
    $('filter-status').textContent = (active.length ? fmt(current.list.length) + ' of ' + fmt(N) + ' conversations: ' + active.join(', ') : 'All ' + fmt(N) + ' conversations');
    agentLimit = AGENT_PAGE;
    ruleLimit = RULE_PAGE;
    var steps = { compute: performance.now() - began }, last = performance.now();
    [['cards', drawCards], ['charts', drawCharts], ['agents', drawAgents], ['agent', drawAgentPanel], ['rules', drawRules], ['conversations', drawConversations]].forEach(function (step) {
      step[1](current, false);
      var now = performance.now();
      steps[step[0]] = now - last;
      last = now;
    });
    // Where the time of the last update went, for the benchmark.
    timings.update = steps;
  }
  var timings = {};
  var prepared = performance.now();
  update();
  timings.parse = parsed - started;
  timings.columns = columns - parsed;
  timings.prepare = prepared - columns;
  window.preachReport = { ready: performance.now(), started: started, timings: timings };
  document.documentElement.setAttribute('data-ready', 'true');
})();
`;
