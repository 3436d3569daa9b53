#!/usr/bin/env node
// `npm run bench` (or `node scripts/bench/score.mjs`): throughput and memory of `preach score`.
//
// 1. Builds a corpus from the real agent replies in ../shared/data/transcripts/*.jsonl, repeated
//    to at least 20,000 replies (a synthetic corpus when that folder is absent).
// 2. Runs the real CLI on it with --jobs 1 and --jobs N: replies per second and peak RSS; and N
//    separate --jobs 1 processes side by side, each on 1/N of the corpus, which --jobs N should match.
// 3. Runs alex (a prose linter on the same parser) over the same reply texts on one core.
// 4. Memory: the CLI on a corpus four times larger, and the streaming reader alone on a ~1 GB
//    file (PREACH_BENCH_BIG_MB sets the size of the scored file; 1024 scores a full gigabyte).
// 5. Where the time goes: each rule, situation inference and the shared analyses, in-process
//    (`node scripts/bench/score.mjs --breakdown` prints only this).
// Figures are printed, never asserted.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConversations, readTranscriptFile } from './corpus.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORK = join(ROOT, '.bench');
const BIN = join(ROOT, 'packages', 'cli', 'bin', 'preach.js');
const MIN_REPLIES = 20_000;
const JOBS = availableParallelism();
const ALEX_SECONDS = Number(process.env.PREACH_BENCH_ALEX_SECONDS ?? 20);
const BIG_MB = Number(process.env.PREACH_BENCH_BIG_MB ?? 0);
const READ_MB = Number(process.env.PREACH_BENCH_READ_MB ?? 1024);
// One core should score 2,000 replies/s of real transcripts, ten times alex on the same replies.
const TARGET_PER_CORE = 2000;
const TARGET_TIMES_ALEX = 10;

mkdirSync(WORK, { recursive: true });
// A config of its own, so a .preachrc in the checkout never changes the figures.
writeFileSync(join(WORK, '.preachrc.yaml'), 'root: true\nextends: [preach:recommended]\n');

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes) => `${fmt(bytes / 1024 / 1024)} MB`;

/**
 * How much faster N threads finish N equal CPU-bound loops than one thread finishes one: the
 * machine's own ceiling for --jobs N (1.0 when the cores are shared or busy elsewhere).
 */
async function machineSpeedUp(threads) {
  const loop = "let x = 0; for (let i = 0; i < 3e8; i++) x = (x * 31 + i) | 0; require('node:worker_threads').parentPort.postMessage(x);";
  const run = (n) =>
    new Promise((resolve) => {
      const started = performance.now();
      let done = 0;
      for (let i = 0; i < n; i++) {
        const worker = new Worker(loop, { eval: true });
        worker.on('message', () => {
          void worker.terminate();
          if (++done === n) resolve(performance.now() - started);
        });
      }
    });
  const one = await run(1);
  const many = await run(threads);
  return (threads * one) / many;
}

/**
 * The same for scoring itself: threads that have loaded the config and warmed up score the
 * source conversations alone, then side by side. No reading, writing or start-up: the most
 * --jobs N can gain on this machine (scoring is memory-hungry, so cores that share caches gain
 * less than a CPU loop does).
 */
async function scoringSpeedUp(threads, conversations) {
  const dist = (...parts) => pathToFileURL(join(ROOT, 'packages', 'score', 'dist', ...parts)).href;
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const { createScorerOptions } = await import(${JSON.stringify(dist('setup.js'))});
      const { scoreConversation } = await import(${JSON.stringify(dist('scorer.js'))});
      const { readRecord } = await import(${JSON.stringify(dist('importers', 'registry.js'))});
      const options = await createScorerOptions({ lookup: workerData.lookup });
      const parsed = workerData.conversations.map((c, i) => readRecord(c, { place: { source: 'bench', line: i + 1 }, people: new Map(), notice: () => {} }).result);
      for (const c of parsed) scoreConversation(c, options);
      parentPort.postMessage('ready');
      parentPort.once('message', () => {
        const started = performance.now();
        for (const c of parsed) scoreConversation({ ...c, messages: c.messages.map((m) => ({ ...m, text: m.text && m.text + ' ' })) }, options);
        parentPort.postMessage(performance.now() - started);
      });
    })();`;
  const run = async (n) => {
    const workers = Array.from({ length: n }, () => new Worker(code, { eval: true, workerData: { lookup: WORK, conversations } }));
    await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
    const times = await Promise.all(workers.map((w) => new Promise((resolve) => { w.once('message', resolve); w.postMessage('go'); })));
    await Promise.all(workers.map((w) => w.terminate()));
    return Math.max(...times);
  };
  const one = await run(1);
  const many = await run(threads);
  return (threads * one) / many;
}

const agentReplies = (conversation) => conversation.messages.filter((m) => m.role === 'agent').length;

/** Writes `conversations` repeated (ids made unique) until `minReplies` or `minBytes` is reached. */
async function writeCorpus(path, conversations, { minReplies = 0, minBytes = 0 }) {
  const out = createWriteStream(path);
  let replies = 0;
  let bytes = 0;
  let count = 0;
  for (let round = 0; replies < minReplies || bytes < minBytes; round++) {
    for (const conversation of conversations) {
      const line = `${JSON.stringify({ ...conversation, id: `${conversation.id}~${round}` })}\n`;
      if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
      replies += agentReplies(conversation);
      bytes += Buffer.byteLength(line);
      count++;
    }
  }
  await new Promise((resolve) => out.end(resolve));
  return { replies, bytes, conversations: count };
}

/** Runs the CLI and reports wall time and the process's peak RSS (worker threads included). */
function runCli(args) {
  const rssFile = join(WORK, 'rss.txt');
  const hook = join(WORK, 'rss-hook.mjs');
  writeFileSync(hook, `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS * 1024)));\n`);
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, BIN, ...args], { cwd: WORK, encoding: 'utf8', env: { ...process.env, CI: '1' }, maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0 && run.status !== 1) throw new Error(`preach ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return { seconds, rss: Number(readFileSync(rssFile, 'utf8')) };
}

/** The CLI in the background, to run several side by side: its wall time. */
function runCliAsync(args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, ...args], { cwd: WORK, env: { ...process.env, CI: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => (code === 0 || code === 1 ? resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9 }) : reject(new Error(`preach ${args.join(' ')} failed (${code}): ${stderr}`))));
  });
}

/** The corpus cut into `count` files of consecutive lines, about the same size each. */
async function splitCorpus(path, count) {
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  const size = Math.ceil(lines.length / count);
  return Array.from({ length: count }, (_, i) => {
    const part = join(WORK, `score-corpus-part-${i + 1}.jsonl`);
    writeFileSync(part, `${lines.slice(i * size, (i + 1) * size).join('\n')}\n`);
    return part;
  });
}

function scoreRun(file, replies, jobs) {
  const { seconds, rss } = runCli(['score', file, '--format', 'json', '--output', '/dev/null', '--jobs', String(jobs)]);
  return { jobs, seconds, rss, perSecond: replies / seconds };
}

async function alexRate(texts) {
  const { markdown, text } = await import('alex');
  const measure = (check) => {
    const budget = ALEX_SECONDS / 2;
    const started = performance.now();
    let done = 0;
    while (done < texts.length && (performance.now() - started) / 1000 < budget) check(texts[done++]);
    return { replies: done, perSecond: done / ((performance.now() - started) / 1000) };
  };
  for (const value of texts.slice(0, 50)) markdown(value);
  return { markdown: measure(markdown), text: measure(text) };
}

/** The streaming reader alone on a large file, in a process of its own, so nothing else counts. */
function readerMemory(path) {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--read', path], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`reading ${path} failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/**
 * Per-reply cost of each part of scoring, measured in-process on the source conversations: every
 * rule's check (including the first use of a shared analysis it triggers), situation inference
 * on the customer's turns, and each shared analysis run alone on every reply.
 */
async function breakdown(conversations) {
  const dist = (...parts) => pathToFileURL(join(ROOT, ...parts)).href;
  const { createScorerOptions } = await import(dist('packages', 'score', 'dist', 'setup.js'));
  const { scoreBatch } = await import(dist('packages', 'score', 'dist', 'scorer.js'));
  const { readRecord } = await import(dist('packages', 'score', 'dist', 'importers', 'registry.js'));
  const core = await import(dist('packages', 'core', 'dist', 'index.js'));
  const { default: nlp } = await import('compromise');
  const { unified } = await import('unified');
  const { default: retextEnglish } = await import('retext-english');
  const options = await createScorerOptions({ lookup: WORK });
  const spent = new Map();
  for (const [id, setting] of options.config.rules) {
    const check = setting.rule.check;
    setting.rule = { ...setting.rule, check: (context) => {
      const started = performance.now();
      try { check(context); } finally { spent.set(id, (spent.get(id) ?? 0) + performance.now() - started); }
    } };
  }
  const parsed = conversations.map((record, i) => readRecord(record, { place: { source: 'bench', line: i + 1 }, people: new Map(), notice: () => {} }).result);
  const turns = [];
  const replies = [];
  for (const c of parsed) {
    let waiting = [];
    for (const m of c.messages) {
      if (m.role === 'customer' && m.text?.trim()) waiting.push(m.text);
      if (m.role === 'agent' && m.text?.trim()) {
        replies.push(m.text);
        if (waiting.length) turns.push(waiting.join('\n\n'));
        waiting = [];
      }
    }
  }
  const time = (fn) => { const started = performance.now(); fn(); return performance.now() - started; };
  // In batches of 64 conversations, as a scoring thread gets them (BATCH_SIZE in pool.ts).
  const scoreAll = (list) => { for (let i = 0; i < list.length; i += 64) scoreBatch(list.slice(i, i + 64).map((conversation) => ({ conversation })), options); };
  scoreAll(parsed.slice(0, 200));
  spent.clear();
  const total = time(() => scoreAll(parsed));
  // Inference and analyses alone, on texts the caches have not seen (a suffix makes them new).
  const inference = time(() => { for (const text of turns) core.inferSituation(`${text} `, options.config.situations); });
  const english = unified().use(retextEnglish).freeze();
  const analyses = {
    'parse (retext-english)': time(() => { for (const text of replies) english.parse(text); }),
    'compromise nlp()': time(() => { for (const text of replies) nlp(text); }),
    'sentiment (polarity)': time(() => { for (const text of replies) core.polarity(`${text}  `); }),
  };
  const inRules = [...spent.values()].reduce((a, b) => a + b, 0);
  const us = (ms) => `${fmt((ms / replies.length) * 1000).padStart(6)} µs/reply`;
  console.log(`\nwhere the time goes (in-process, ${fmt(replies.length)} replies, ${fmt(replies.length / (total / 1000))} replies/s on one core):`);
  console.log(`  ${'all of scoring'.padEnd(38)} ${us(total)}`);
  console.log(`  ${'rules (incl. shared analyses they start)'.padEnd(38)} ${us(inRules)}`);
  console.log(`  ${'situation inference on customer turns'.padEnd(38)} ${us(inference)}  (${fmt(turns.length)} turns; compromise reads questions with no signal word)`);
  console.log(`  ${'engine, context, HTML, bookkeeping'.padEnd(38)} ${us(Math.max(0, total - inRules - inference))}`);
  console.log('  shared analyses alone, per reply:');
  for (const [name, ms] of Object.entries(analyses)) console.log(`    ${name.padEnd(36)} ${us(ms)}`);
  console.log('  rules, most expensive first:');
  for (const [id, ms] of [...spent].sort((a, b) => b[1] - a[1])) console.log(`    ${id.padEnd(36)} ${us(ms)}`);
}

if (process.argv[2] === '--read') {
  console.log(JSON.stringify(await readTranscriptFile(process.argv[3])));
  process.exit(0);
}

const { conversations, origin } = loadConversations();
if (process.argv[2] === '--breakdown') {
  await breakdown(conversations);
  process.exit(0);
}
const corpusPath = join(WORK, 'score-corpus.jsonl');
const corpus = await writeCorpus(corpusPath, conversations, { minReplies: MIN_REPLIES });
const texts = [];
for (const c of conversations) for (const m of c.messages) if (m.role === 'agent') texts.push(m.text);
const corpusTexts = Array.from({ length: corpus.replies }, (_, i) => texts[i % texts.length]);

console.log(`corpus: ${fmt(corpus.conversations)} conversations, ${fmt(corpus.replies)} agent replies (${mb(corpus.bytes)}), from ${origin}`);
const startup = runCli(['score', join(ROOT, 'test', 'fixtures', 'transcripts', 'empty.jsonl'), '--format', 'json', '--output', '/dev/null', '--jobs', '1']);
console.log(`start-up (empty input): ${fmt(startup.seconds, 2)} s, ${mb(startup.rss)} RSS`);

const one = scoreRun(corpusPath, corpus.replies, 1);
const many = scoreRun(corpusPath, corpus.replies, JOBS);
const steady = (run) => corpus.replies / Math.max(0.001, run.seconds - startup.seconds);
console.log(`preach score --jobs 1:  ${fmt(one.perSecond)} replies/s (${fmt(steady(one))} without start-up), ${fmt(one.seconds, 1)} s, peak RSS ${mb(one.rss)}`);
console.log(`preach score --jobs ${JOBS}:  ${fmt(many.perSecond)} replies/s (${fmt(steady(many))} without start-up), ${fmt(many.seconds, 1)} s, peak RSS ${mb(many.rss)}`);
// What --jobs N should match: N separate --jobs 1 processes, each on 1/N of the same input, side by side.
const parts = await splitCorpus(corpusPath, JOBS);
const apart = await Promise.all(parts.map((part) => runCliAsync(['score', part, '--format', 'json', '--output', '/dev/null', '--jobs', '1'])));
const apartSeconds = Math.max(...apart.map((r) => r.seconds));
console.log(`${JOBS} separate --jobs 1 processes, each on 1/${JOBS} of the corpus: ${fmt(corpus.replies / apartSeconds)} replies/s (${fmt(apartSeconds, 1)} s); --jobs ${JOBS} reaches ${fmt((many.perSecond / (corpus.replies / apartSeconds)) * 100)}% of it (target 90%)`);
const ceiling = await machineSpeedUp(JOBS);
const scoringCeiling = await scoringSpeedUp(JOBS, conversations);
console.log(`speed-up with ${JOBS} jobs: ${fmt(many.perSecond / one.perSecond, 2)}× (target 1.8×)`);
console.log(`  ceiling on this machine, measured now: ${JOBS} threads run a CPU loop ${fmt(ceiling, 2)}× as fast as one, and score warmed-up in memory ${fmt(scoringCeiling, 2)}× as fast`);
console.log(`per core: ${fmt(one.perSecond)} replies/s; target ${fmt(TARGET_PER_CORE)}: ${one.perSecond >= TARGET_PER_CORE ? 'met' : 'MISSED'}`);

const alex = await alexRate(corpusTexts);
console.log(`alex (markdown API, 1 core): ${fmt(alex.markdown.perSecond)} replies/s over ${fmt(alex.markdown.replies)} replies; preach --jobs 1 is ${fmt(one.perSecond / alex.markdown.perSecond, 1)}× alex (target ${TARGET_TIMES_ALEX}×)`);
console.log(`alex (text API, 1 core):     ${fmt(alex.text.perSecond)} replies/s over ${fmt(alex.text.replies)} replies; preach --jobs 1 is ${fmt(one.perSecond / alex.text.perSecond, 1)}× alex (target ${TARGET_TIMES_ALEX}×)`);

// Memory: constant memory means peak RSS does not grow with the input.
const bigMb = BIG_MB || Math.max(50, Math.round((corpus.bytes * 4) / 1024 / 1024));
const bigPath = join(WORK, 'score-big.jsonl');
const big = await writeCorpus(bigPath, conversations, { minBytes: bigMb * 1024 * 1024 });
const bigRun = scoreRun(bigPath, big.replies, JOBS);
console.log(`memory, scoring ${mb(big.bytes)} (${fmt(big.replies)} replies, --jobs ${JOBS}): peak RSS ${mb(bigRun.rss)} in ${fmt(bigRun.seconds, 1)} s (${fmt(bigRun.perSecond)} replies/s); ${mb(corpus.bytes)} peaked at ${mb(many.rss)}`);
const growth = (bigRun.rss - many.rss) / Math.max(1, big.bytes - corpus.bytes);
const projected = bigRun.rss + growth * Math.max(0, 1024 * 1024 * 1024 - big.bytes);
console.log(
  `peak RSS for a 1 GB input: ${bigRun.rss < 500 * 1024 * 1024 ? 'under' : 'OVER'} 500 MB at ${mb(big.bytes)}; if it went on growing as between the two runs above, ${mb(Math.max(bigRun.rss, projected))} at 1 GB (an upper bound: threads' heaps are capped; PREACH_BENCH_BIG_MB=1024 measures it)`,
);

const readPath = join(WORK, 'score-read.jsonl');
if (!existsSync(readPath) || statSync(readPath).size < READ_MB * 1024 * 1024 * 0.99) await writeCorpus(readPath, conversations, { minBytes: READ_MB * 1024 * 1024 });
const reader = readerMemory(readPath);
console.log(`streaming reader alone on ${mb(statSync(readPath).size)}: ${fmt(reader.conversations)} conversations in ${fmt(reader.seconds, 1)} s, peak RSS ${mb(reader.peak)}`);

await breakdown(conversations);
