// `preach lint` engine throughput and latency over real agent replies, every built-in rule on.
import { lint } from '@preach/core';
import { defaultConfig } from '@preach/config';
import { loadReplies } from './corpus.mjs';

const { source, replies } = await loadReplies();
const { config } = defaultConfig();
const context = (reply) => ({ customerMessage: reply.customerMessage, channel: 'social' });

// Warm up: JIT and lazy data (compromise lexicon, sentiment lists).
for (const reply of replies.slice(0, 300)) lint(reply.text, context(reply), config);

const rounds = Math.max(1, Math.ceil(5000 / replies.length));
const latencies = [];
const started = process.hrtime.bigint();
for (let round = 0; round < rounds; round++) {
  for (const reply of replies) {
    const t = process.hrtime.bigint();
    lint(reply.text, context(reply), config);
    latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
console.log(`corpus: ${replies.length} agent replies from ${source}, ${rounds} round(s), ${config.rules.size} rules on`);
console.log(`lint: ${(latencies.length / seconds).toFixed(0)} replies/s on one core`);
console.log(`latency per reply: p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms, max ${at(1).toFixed(1)} ms`);
console.log(`reference (same machine, from the issue): alex ~100 replies/s (~10 ms each); naive unified + retext-sentiment + compromise p95 ~13 ms`);
