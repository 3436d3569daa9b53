#!/usr/bin/env node
// `npm run bench -- html-report`: the HTML report of `preach score` with 100,000 conversations in
// Chromium. Builds 100,000 synthetic scored conversations (agents, tags, channels, situations,
// dates, ratings, findings with fixes), writes the page through the real HTML sink, opens it in
// headless Chromium and prints: the file's size, the time until the page is ready (data parsed,
// charts drawn, first lists rendered), the time of a few filters, and of opening a conversation.
// Figures are printed, never asserted.
//
// `node scripts/bench/html-report.mjs --screenshots` instead renders the real transcripts
// (../shared/data/transcripts/twcs-sample.jsonl) with the CLI and saves the report at 1280 and
// 390 px wide into docs/images/.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORK = join(ROOT, '.bench');
const CHROMIUM = '/usr/bin/chromium';
const CONVERSATIONS = Number(process.env.PREACH_BENCH_HTML_CONVERSATIONS ?? 100_000);
const TARGET = { loadMs: 3000, filterMs: 250 };

if (!existsSync(CHROMIUM)) {
  console.log(`html-report: skipped, ${CHROMIUM} not found (apt-get install -y chromium)`);
  process.exit(0);
}
mkdirSync(WORK, { recursive: true });
const { chromium } = await import(pathToFileURL(join(ROOT, 'node_modules', 'playwright-core', 'index.mjs')).href);
const score = await import(pathToFileURL(join(ROOT, 'packages', 'score', 'dist', 'index.js')).href);

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A small seeded generator: the same corpus on every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORY_IDS = ['proud', 'responsible', 'empathetic', 'articulate', 'concise', 'human'];
const RULES = [
  ['formal-word', 'articulate', 'suggestion', 'utilize', 'use'],
  ['missing-acknowledgement', 'empathetic', 'warning', 'We disagree', undefined],
  ['vague-timeline', 'responsible', 'warning', 'as soon as possible', 'by 3 pm today'],
  ['apology-boilerplate', 'human', 'suggestion', 'We apologize for any inconvenience', "I'm sorry"],
  ['wordy-phrase', 'concise', 'suggestion', 'in order to', 'to'],
  ['opens-with-unfortunately', 'proud', 'warning', 'Unfortunately', ''],
  ['exclamation-in-sensitive-situation', 'empathetic', 'error', '!', ''],
  ['asks-for-secret', 'responsible', 'error', 'send me your password', undefined],
];
const OPENINGS = ['Hi {name}, thanks for reaching out.', 'Hello {name},', 'Hey {name}!', 'Good morning {name},'];
const MIDDLES = [
  'I have checked your account and {phrase} the refund has been issued to the card ending 4242.',
  'Please {phrase} the reset link on the sign-in page; it works for the next 24 hours.',
  'I looked into the order and {phrase} it left our warehouse this morning with tracking.',
  '{phrase} we had an outage on the payments service, which is now fixed.',
  'Could you tell me which device you use? {phrase} I can then send the right steps.',
];
const CLOSINGS = ['Let me know if anything else comes up.', 'Have a great day.', 'I will follow up by Friday.', '— Support team'];
const CUSTOMER = ['My card was declined and my account is locked.', 'Where is my order? It has been a week.', "I can't log in since the update.", 'I was charged twice this month, please fix it.'];
const TAGS = Array.from({ length: 40 }, (_, i) => `tag-${i + 1}`);
const CHANNELS = ['email', 'chat', 'social', 'sms'];
const SITUATIONS = ['billing-failure', 'delivery-delay', 'login-problem', 'outage', 'refund-request', 'security', 'cancellation', 'general'];
const AGENTS = Array.from({ length: 240 }, (_, i) => ({ id: `agent-${i + 1}`, name: `Agent ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) + 1}` }));

function syntheticConversation(n, next) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  // A few busy agents, many occasional ones, some with a handful of conversations.
  const agent = AGENTS[Math.min(AGENTS.length - 1, Math.floor(AGENTS.length * next() ** 2.2))];
  const day = 19_723 + Math.floor(next() * 26 * 7); // 26 weeks from 2024-01-01
  const replies = [];
  const count = 1 + Math.floor(next() * 3);
  for (let r = 0; r < count; r++) {
    const findings = [];
    let text = `${pick(OPENINGS).replace('{name}', 'Sam')} `;
    const middle = pick(MIDDLES);
    const rule = next() < 0.55 ? pick(next() < 0.03 ? RULES : RULES.slice(0, 7)) : undefined;
    const phrase = rule ? rule[3] : 'I can confirm';
    const at = text.length + middle.indexOf('{phrase}');
    text += `${middle.replace('{phrase}', phrase)} ${pick(CLOSINGS)}`;
    if (rule) findings.push({ ruleId: rule[0], severity: rule[2], category: rule[1], message: `"${rule[3]}" reads badly here; ${rule[4] ? `say "${rule[4]}"` : 'rephrase it'}.`, critical: rule[0] === 'asks-for-secret', line: 1, column: at + 1, start: at, end: at + rule[3].length, excerpt: rule[3], ...(rule[4] !== undefined ? { fix: rule[4] } : {}) });
    const critical = findings.some((f) => f.critical);
    const base = critical ? 0 : Math.max(5, 100 - findings.length * (15 + next() * 40));
    const categories = Object.fromEntries(CATEGORY_IDS.map((c) => [c, findings.some((f) => f.category === c) ? base : 100]));
    replies.push({ index: r * 2 + 1, agent: { id: agent.id, name: agent.name }, text, customerMessage: pick(CUSTOMER), timestamp: new Date((day + r / 24) * 86_400_000).toISOString(), score: Math.round(base * 10) / 10, categories, words: text.split(/\s+/).length, critical, situation: null, mood: null, findings });
  }
  const critical = replies.some((r) => r.critical);
  const mean = (f) => Math.round((replies.reduce((sum, r) => sum + f(r), 0) / replies.length) * 10) / 10;
  return {
    id: `conv-${n + 1}`,
    source: 'synthetic.jsonl',
    line: n + 1,
    channel: pick(CHANNELS),
    situation: { id: pick(SITUATIONS), sensitivity: 'normal', source: 'tags', reason: '' },
    score: critical ? 0 : mean((r) => r.score),
    categories: Object.fromEntries(CATEGORY_IDS.map((c) => [c, mean((r) => r.categories[c])])),
    critical,
    agents: [{ id: agent.id, name: agent.name }],
    customerMessages: count,
    notes: 0,
    botMessages: 0,
    leftOut: [],
    facts: { createdAt: new Date(day * 86_400_000).toISOString(), tags: [pick(TAGS), ...(next() < 0.3 ? [pick(TAGS)] : [])], ...(next() < 0.3 ? { rating: { score: 1 + Math.floor(next() * 5) } } : {}) },
    replies,
  };
}

async function writeSyntheticReport(file) {
  const stream = createWriteStream(file);
  const out = score.textOut(stream);
  const sink = score.createReportSink(out, { format: 'html', minConversations: 10, openWorst: 20 });
  const aggregator = new score.Aggregator({ worst: 0, rows: 0 });
  aggregator.input('synthetic.jsonl', 'preach');
  const next = random(42);
  for (let n = 0; n < CONVERSATIONS; n++) {
    const scored = syntheticConversation(n, next);
    aggregator.add({ scored });
    await sink.conversation(scored);
  }
  await sink.finish(aggregator.report());
  await new Promise((resolve, reject) => stream.end((error) => (error ? reject(error) : resolve())));
}

/** A Node process that does nothing: what the machine's load does to a fixed piece of work. */
function nodeStartMs(runs = 7) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * CPU time of the page's main thread, in ms (Chromium's own ThreadTime metric): what the page
 * cost, apart from the time it waited for a core on a busy machine.
 */
async function rendererCpu(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ThreadTime').value * 1000;
}

async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}

async function measure(file) {
  const browser = await launch();
  try {
    const loads = [];
    let page;
    let cdpSession;
    for (let run = 0; run < 3; run++) {
      await page?.close();
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const cpuBefore = await rendererCpu(cdp);
      const started = performance.now();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 300_000 });
      await page.waitForSelector('html[data-ready="true"]', { timeout: 300_000 });
      const wall = performance.now() - started;
      const cpu = (await rendererCpu(cdp)) - cpuBefore;
      cdpSession = cdp;
      const report = await page.evaluate(() => window.preachReport);
      if (errors.length) throw new Error(`the page failed: ${errors.join('; ')}`);
      const t = report.timings;
      loads.push({ wall, cpu, inPage: report.ready, html: report.started, json: t.parse, columns: t.columns, prepare: t.prepare, first: report.ready - report.started - t.parse - t.columns - t.prepare });
    }
    const timeOf = (action, choice) =>
      page.evaluate(([what, choice]) => {
        const started = performance.now();
        const select = (id, index) => {
          const element = document.getElementById(id);
          element.selectedIndex = index;
          element.dispatchEvent(new Event('change'));
        };
        // A different choice each run: nothing is served from a cache.
        if (what === 'agent') select('filter-agent', choice);
        if (what === 'tag') select('filter-tag', choice);
        if (what === 'rule') select('filter-rule', choice);
        if (what === 'dates') {
          document.getElementById('filter-from').value = `2024-0${choice + 1}-01`;
          const to = document.getElementById('filter-to');
          to.value = `2024-0${choice + 1}-28`;
          to.dispatchEvent(new Event('change'));
        }
        if (what === 'open') document.querySelector('#conversations-list .conv-head[aria-expanded="false"]').click();
        if (what === 'reset') document.getElementById('filter-reset').click();
        void document.body.offsetHeight; // layout included
        return { ms: performance.now() - started, steps: window.preachReport.timings.update };
      }, [action, choice]);
    const filters = {};
    const filterCpu = {};
    for (const action of ['tag', 'agent', 'rule', 'dates', 'open', 'reset']) {
      const times = [];
      const cpus = [];
      for (let run = 0; run < 3; run++) {
        if (action !== 'open' && action !== 'reset') await timeOf('reset', 0);
        const cpuBefore = await rendererCpu(cdpSession);
        const time = await timeOf(action, run + 1);
        cpus.push((await rendererCpu(cdpSession)) - cpuBefore);
        times.push(time.ms);
        if (run === 2 && process.env.PREACH_BENCH_STEPS) console.log(action, JSON.stringify(time.steps, (k, v) => (typeof v === 'number' ? Math.round(v) : v)));
      }
      filters[action] = median(times);
      filterCpu[action] = median(cpus);
    }
    const shown = await page.evaluate(() => document.getElementById('filter-status').textContent);
    const load = Object.fromEntries(Object.keys(loads[0]).map((key) => [key, median(loads.map((l) => l[key]))]));
    return { load, filters, filterCpu, shown };
  } finally {
    await browser.close();
  }
}

async function screenshots() {
  const transcripts = join(ROOT, '..', 'shared', 'data', 'transcripts', 'twcs-sample.jsonl');
  const input = existsSync(transcripts) ? transcripts : join(ROOT, '..', '..', 'shared', 'data', 'transcripts', 'twcs-sample.jsonl');
  if (!existsSync(input)) throw new Error(`${transcripts} not found: the screenshots show the real transcripts`);
  writeFileSync(join(WORK, '.preachrc.yaml'), 'root: true\nextends: [preach:recommended]\n');
  const file = join(WORK, 'report-real.html');
  const run = spawnSync(process.execPath, [join(ROOT, 'packages', 'cli', 'bin', 'preach.js'), 'score', input, '-f', 'html', '-o', file, '--worst', '1', '--no-progress'], { cwd: WORK, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`preach score failed (${run.status}): ${run.stderr}`);
  const browser = await launch();
  try {
    for (const [width, height] of [[1280, 1500], [390, 1700]]) {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('html[data-ready="true"]');
      await page.screenshot({ path: join(ROOT, 'docs', 'images', `score-report-${width}.png`) });
      // A reviewer's path: the lowest agent, then their worst conversation, open.
      const lowest = await page.evaluate(() => window.Chart.getChart(document.getElementById('chart-agents')).data.labels[0].replace(/ \(\d[\d,]*\)$/, ''));
      await page.locator('#agents-table button.link', { hasText: lowest }).first().click();
      await page.evaluate(() => document.getElementById('conversations-title').scrollIntoView());
      await page.screenshot({ path: join(ROOT, 'docs', 'images', `score-report-agent-${width}.png`) });
      console.log(`wrote docs/images/score-report-${width}.png and score-report-agent-${width}.png (${lowest})`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

if (process.argv.includes('--screenshots')) {
  await screenshots();
} else {
  const file = join(WORK, 'report-100k.html');
  const started = performance.now();
  await writeSyntheticReport(file);
  console.log(`${fmt(CONVERSATIONS)} synthetic scored conversations → ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB page in ${fmt((performance.now() - started) / 1000, 1)} s`);
  const { load, filters, filterCpu, shown } = await measure(file);
  const before = nodeStartMs();
  console.log(`page ready in Chromium: ${fmt(load.wall)} ms from navigation to first render (${fmt(load.inPage)} ms by the page's clock); target ${fmt(TARGET.loadMs)} ms`);
  console.log(`  of which: reading the HTML ${fmt(load.html)} ms, parsing the index ${fmt(load.json)} ms, typed columns ${fmt(load.columns)} ms, orders and filter lists ${fmt(load.prepare)} ms, first totals, charts and lists ${fmt(load.first)} ms`);
  console.log(`filter by tag ${fmt(filters.tag)} ms, by agent ${fmt(filters.agent)} ms, by rule ${fmt(filters.rule)} ms, by a month of dates ${fmt(filters.dates)} ms, reset ${fmt(filters.reset)} ms; target ${fmt(TARGET.filterMs)} ms (medians of 3, layout included)`);
  console.log(`main-thread CPU time: load ${fmt(load.cpu)} ms; filter by tag ${fmt(filterCpu.tag)} ms, by agent ${fmt(filterCpu.agent)} ms, by rule ${fmt(filterCpu.rule)} ms, by dates ${fmt(filterCpu.dates)} ms, reset ${fmt(filterCpu.reset)} ms, open a conversation ${fmt(filterCpu.open)} ms`);
  console.log(`open a conversation down to the reply: ${fmt(filters.open, 1)} ms; last filter state: ${shown}`);
  // The machine may be shared: its load says how much of that was waiting for a core.
  console.log(`load average during the run: ${loadavg().map((n) => n.toFixed(1)).join(', ')}; baseline, node -e 0: ${fmt(before)} ms`);
}
