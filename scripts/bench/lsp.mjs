#!/usr/bin/env node
// Language server latency: didChange → publishDiagnostics through the real server over stdio
// (`preach lsp --stdio`), for a typical 1,500-character draft and for a 50 KB document, plus
// the check itself in-process and how long the server's event loop was ever blocked.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '@preach/config';
import { DraftChecker } from '@preach/language-server';
import { LspClient, pathUri } from '../../test/lsp-client.mjs';

const DRAFT_EDITS = 200;
const LARGE_EDITS = 30;

const PARAGRAPHS = [
  'Hi Priya,',
  "I'm sorry your card was declined and that your account was locked while you were trying to pay. I can see two attempts on the 3rd, and both failed because the card had expired.",
  "I've unlocked your account, so you can sign in again right away. Please utilize the billing page to add the new card prior to Friday, when the next invoice is due.",
  'We apologize for any inconvenience this may have caused. If the payment fails again, reply to this email and I will look into it myself; you will not need to explain everything again.',
  'I will check back with you by 3 pm tomorrow to make sure the new card went through.',
  'Thanks for your patience,\nSam',
];

function typicalDraft() {
  const front = '---\ncustomer_name: Priya Raman\ncustomer_message: My card was declined and now my account is locked. Nobody answers my emails.\nchannel: email\n---\n';
  let body = PARAGRAPHS.join('\n\n');
  while ((front + body).length < 1500) body = body.replace('\n\nThanks', `\n\n${PARAGRAPHS[2]}\n\nThanks`);
  return (front + body).slice(0, 1500);
}

function largeDocument() {
  let text = '';
  let i = 0;
  while (text.length < 50_000) text += `${PARAGRAPHS[1 + (i++ % 4)]}\n\n`;
  return text;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;

/** Types one character at a time in the middle of a rotating paragraph, waiting for each result. */
async function measureEdits(client, uri, count) {
  const latencies = [];
  for (let i = 0; i < count; i++) {
    const text = client.textOf(uri);
    const paragraphs = [...text.matchAll(/\n\n/g)].map((m) => m.index);
    const at = paragraphs[i % paragraphs.length] ?? text.length;
    // Alternate typing a letter and deleting it, so the text stays the same size.
    const since = client.published.length;
    const start = performance.now();
    const version = i % 2 === 0 ? client.edit(uri, at, at, 'x') : client.edit(uri, at - 1, at, '');
    await client.diagnostics(uri, { version, since, timeoutMs: 30_000 });
    latencies.push(performance.now() - start);
  }
  return latencies;
}

async function inProcessCheckTimes(text, count) {
  const { config } = defaultConfig();
  const checker = new DraftChecker();
  const control = { isStale: () => false };
  await checker.check(text, {}, config, control);
  const times = [];
  let current = text;
  for (let i = 0; i < count; i++) {
    const at = [...current.matchAll(/\n\n/g)].map((m) => m.index)[i % 5] ?? current.length;
    current = i % 2 === 0 ? current.slice(0, at) + 'x' + current.slice(at) : current.slice(0, at - 1) + current.slice(at);
    const start = performance.now();
    await checker.check(current, {}, config, control);
    times.push(performance.now() - start);
  }
  return times;
}

const workspace = mkdtempSync(join(tmpdir(), 'preach-bench-lsp-'));
writeFileSync(join(workspace, '.preachrc.yaml'), 'extends: preach:recommended\n');
const client = await LspClient.start({ rootDir: workspace });
try {
  // The event-loop monitor also counts time the OS gave to other processes; measure that first.
  await client.request('preach/stats', { reset: true });
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const idle = await client.request('preach/stats', { reset: true });

  const draft = typicalDraft();
  const draftUri = pathUri(join(workspace, 'draft.reply.md'));
  client.open(draftUri, draft, 'preach-reply');
  const opened = await client.diagnostics(draftUri, { version: 1, timeoutMs: 30_000 });
  await client.request('preach/stats', { reset: true });
  const draftLatency = await measureEdits(client, draftUri, DRAFT_EDITS);
  const draftStats = await client.request('preach/stats', { reset: true });
  const inProcess = await inProcessCheckTimes(draft, DRAFT_EDITS);

  const large = largeDocument();
  const largeUri = pathUri(join(workspace, 'large.md'));
  const openStart = performance.now();
  client.open(largeUri, large);
  const largeOpened = await client.diagnostics(largeUri, { version: 1, timeoutMs: 60_000 });
  const largeOpenMs = performance.now() - openStart;
  const largeLatency = await measureEdits(client, largeUri, LARGE_EDITS);
  const largeStats = await client.request('preach/stats', { reset: true });

  console.log(`idle server for 3 s: event loop delayed at most ${fmt(idle.mainLoopMaxBlockMs)} (machine load ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores: the floor of the figures below)`);
  console.log(`typical draft: ${draft.length} characters, ${opened.length} diagnostics; ${DRAFT_EDITS} edits, one at a time`);
  console.log(`  didChange → publishDiagnostics  p50 ${fmt(percentile(draftLatency, 50))}  p95 ${fmt(percentile(draftLatency, 95))}  max ${fmt(Math.max(...draftLatency))}   (target: p95 < 100 ms, debounce ${25 + Math.floor(draft.length / 500)} ms included)`);
  console.log(`  check in the checker thread     p50 ${fmt(percentile(draftStats.checkMs, 50))}  p95 ${fmt(percentile(draftStats.checkMs, 95))}`);
  console.log(`  check itself, in-process        p50 ${fmt(percentile(inProcess, 50))}  p95 ${fmt(percentile(inProcess, 95))}   (target: < 10 ms)`);
  console.log(`  paragraph cache: ${draftStats.blocksReused} blocks reused, ${draftStats.blocksChecked} checked`);
  console.log(`  server main loop blocked at most ${fmt(draftStats.mainLoopMaxBlockMs)}; busy ${fmt(draftStats.mainLoopBusyMs)} in all over ${(draftStats.elapsedMs / 1000).toFixed(1)} s`);
  console.log(`50 KB document: ${large.length} characters, ${largeOpened.length} diagnostics; first check ${fmt(largeOpenMs)}; ${LARGE_EDITS} edits`);
  console.log(`  didChange → publishDiagnostics  p50 ${fmt(percentile(largeLatency, 50))}  p95 ${fmt(percentile(largeLatency, 95))}  max ${fmt(Math.max(...largeLatency))}   (debounce ${Math.min(200, 25 + Math.floor(large.length / 500))} ms included)`);
  console.log(`  check in the checker thread     p50 ${fmt(percentile(largeStats.checkMs, 50))}  p95 ${fmt(percentile(largeStats.checkMs, 95))}`);
  console.log(`  server main loop blocked at most ${fmt(largeStats.mainLoopMaxBlockMs)}   (target: never > 200 ms); busy ${fmt(largeStats.mainLoopBusyMs)} in all over ${(largeStats.elapsedMs / 1000).toFixed(1)} s`);
  console.log(`  longest uninterrupted stretch of checking work ${fmt(largeStats.checkerMaxSliceMs)} (in the checker thread)`);
} finally {
  await client.stop();
  rmSync(workspace, { recursive: true, force: true });
}
