#!/usr/bin/env node
// Cost of reading a customer turn (situation, mood, resolved) with the shipped models, per
// message, on the real customer messages of the transcripts (or synthetic ones without them).
// Budget: under 0.2 ms per message on one core.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The transcripts folder every bench reads: ../shared/data/transcripts, or $PREACH_TRANSCRIPTS.
import { TRANSCRIPTS as transcripts } from './corpus.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const core = await import(join(root, 'packages', 'core', 'dist', 'index.js'));
const messages = [];
for (const file of ['ibm-cdp-sample.jsonl', 'twcs-sample.jsonl']) {
  const path = join(transcripts, file);
  if (!existsSync(path)) continue;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    for (const m of JSON.parse(line).messages) if (m.role === 'customer' && m.text?.trim()) messages.push(m.text);
  }
}
if (messages.length === 0) {
  console.log('(transcripts not found: synthetic messages)');
  for (let i = 0; i < 4000; i++) messages.push(`My card ${i} was declined twice and now my account is locked, please help!`);
}

let started = process.hrtime.bigint();
core.readCustomerTurn('warm-up: unpacks the models');
const unpackMs = Number(process.hrtime.bigint() - started) / 1e6;
const rounds = 5;
const perRound = [];
for (let round = 0; round < rounds; round++) {
  // A suffix per round defeats the turn cache: every call reads the message afresh.
  const batch = messages.map((m) => `${m} ${round}`);
  started = process.hrtime.bigint();
  for (const message of batch) core.readCustomerTurn(message);
  perRound.push(Number(process.hrtime.bigint() - started) / 1e3 / batch.length);
}
perRound.sort((a, b) => a - b);
console.log(`customer turns: ${messages.length} messages × ${rounds} rounds`);
console.log(`models unpacked on first use in ${unpackMs.toFixed(1)} ms`);
console.log(`per message: median ${perRound[2].toFixed(1)} µs, best ${perRound[0].toFixed(1)} µs (budget 200 µs)`);
started = process.hrtime.bigint();
for (const message of messages) core.inferSituation(`${message} x`, core.BUILT_IN_SITUATIONS);
console.log(`inferSituation (team signals, model, back-off): ${(Number(process.hrtime.bigint() - started) / 1e3 / messages.length).toFixed(1)} µs per message`);

// Long messages: reading must grow with the length, not its square (a pattern that scans to the
// end of the message from every position once took 0.46 s on 11,000 Korean characters).
const LONG = {
  en: 'My order has not arrived and nobody answers my emails, I have waited two weeks now ',
  th: 'สั่งของไปสองอาทิตย์แล้วยังไม่ได้ของเลยค่ะ โทรไปก็ไม่มีใครรับสาย ',
  ko: '주문한 상품이 아직도 안 왔어요 고객센터는 연락도 안 되고 너무 답답합니다 ',
  zh: '我的订单一直没有发货，客服也不回复，已经等了两个星期了，真的很生气 ',
};
for (const [language, sentence] of Object.entries(LONG)) {
  core.readCustomerTurn(sentence.repeat(20)); // compiles the language's patterns first
  const figures = [5_000, 20_000].map((length) => {
    const text = `${sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length)}?`;
    started = process.hrtime.bigint();
    core.readCustomerTurn(text);
    return `${length.toLocaleString('en-US')} chars ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)} ms`;
  });
  console.log(`long ${language} message, no full stop: ${figures.join(', ')}`);
}
