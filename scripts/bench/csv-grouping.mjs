#!/usr/bin/env node
// `npm run bench` (or `node scripts/bench/csv-grouping.mjs`): memory and time of reading a large
// CSV export whose rows are sorted by time, so every conversation's rows are spread through the
// file, against the same rows grouped by conversation.
//
// 1. Writes two CSV files of PREACH_BENCH_CSV_MB megabytes (default 256; 1024 for a full gigabyte)
//    into .bench/: conversations interleaved (sorted by time) and grouped.
// 2. Reads each with preach's reader alone (readTranscripts from packages/cli/dist), in a process
//    of its own, and prints conversations read, seconds and peak RSS.
// Figures are printed, never asserted.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTranscriptFile } from './corpus.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORK = join(ROOT, '.bench');
const MB = Number(process.env.PREACH_BENCH_CSV_MB ?? 256);
/** Conversations open at once in the time-sorted file: each one's rows are this far apart. */
const OPEN = 5000;
const TURNS = 6;

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes) => `${fmt(bytes / 1024 / 1024)} MB`;

const customer = ['My card was declined when I tried to renew the plan.', 'Where is my refund? I returned the order two weeks ago.', 'How do I export my invoices to a spreadsheet?', 'The app logs me out every few minutes since the update.'];
const agent = [
  '"Hi, I\'m sorry about that. I\'ve retried the payment and your plan is renewed; you\'ll get a receipt by email."',
  '"Thanks for your patience. The refund left us today and reaches your card in 3-5 working days."',
  '"Open Billing, choose Invoices and pick Export; the file opens in any spreadsheet."',
  '"We fixed the logout bug in version 4.2.1, out today; updating the app solves it."',
];

function row(conversation, turn) {
  const at = new Date(Date.UTC(2024, 0, 1) + conversation * 1000 + turn * 60_000).toISOString();
  return turn % 2 === 0
    ? `c${conversation},${at},customer,Customer ${conversation % 997},${customer[(conversation + turn) % customer.length]}\n`
    : `c${conversation},${at},agent,Agent ${conversation % 41},${agent[(conversation + turn) % agent.length]}\n`;
}

/** Writes about `bytes` of CSV: batches of OPEN conversations, their turns interleaved or grouped. */
async function write(path, bytes, interleaved) {
  const out = createWriteStream(path);
  const put = (text) => (out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve)));
  let written = 0;
  let conversations = 0;
  await put('conversation_id,created_at,author_role,author_name,body\n');
  for (let batch = 0; written < bytes; batch += OPEN) {
    const order = interleaved ? Array.from({ length: TURNS }, (_, turn) => Array.from({ length: OPEN }, (_, i) => [batch + i, turn])).flat() : Array.from({ length: OPEN }, (_, i) => Array.from({ length: TURNS }, (_, turn) => [batch + i, turn])).flat();
    for (const [conversation, turn] of order) {
      const text = row(conversation, turn);
      written += Buffer.byteLength(text);
      await put(text);
    }
    conversations += OPEN;
  }
  await new Promise((resolve) => out.end(resolve));
  return conversations;
}

if (process.argv[2] === '--read') {
  console.log(JSON.stringify(await readTranscriptFile(process.argv[3])));
} else {
  mkdirSync(WORK, { recursive: true });
  for (const interleaved of [true, false]) {
    const path = join(WORK, `csv-${interleaved ? 'interleaved' : 'grouped'}-${MB}mb.csv`);
    if (!existsSync(path)) await write(path, MB * 1024 * 1024, interleaved);
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--read', path], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`reading ${path} failed: ${run.stderr}`);
    const result = JSON.parse(run.stdout);
    console.log(`CSV reader on ${mb(statSync(path).size)}, rows ${interleaved ? `sorted by time (${fmt(OPEN)} conversations open at once)` : 'grouped by conversation'}: ${fmt(result.conversations)} conversations in ${fmt(result.seconds, 1)} s, peak RSS ${mb(result.peak)}`);
  }
}
