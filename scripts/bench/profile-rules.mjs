// Where the time goes: runs the lint benchmark corpus with each rule's check timed separately,
// plus the shared analyses (parse, sentiment, compromise) they trigger. For finding hot rules.
import { lint } from '@preach/core';
import { defaultConfig } from '@preach/config';
import { loadReplies } from './corpus.mjs';

const { replies } = await loadReplies();
const { config } = defaultConfig();
const spent = new Map();
for (const [id, setting] of config.rules) {
  const check = setting.rule.check;
  setting.rule = { ...setting.rule, check: (context) => {
    const t = process.hrtime.bigint();
    try { check(context); } finally { spent.set(id, (spent.get(id) ?? 0n) + (process.hrtime.bigint() - t)); }
  } };
}
const context = (reply) => ({ customerMessage: reply.customerMessage, channel: 'social' });
for (const reply of replies.slice(0, 300)) lint(reply.text, context(reply), config);
spent.clear();
const started = process.hrtime.bigint();
for (const reply of replies) lint(reply.text, context(reply), config);
const total = Number(process.hrtime.bigint() - started) / 1e6;
const rows = [...spent].map(([id, ns]) => [id, Number(ns) / 1e6]).sort((a, b) => b[1] - a[1]);
const inRules = rows.reduce((sum, [, ms]) => sum + ms, 0);
console.log(`${replies.length} replies in ${total.toFixed(0)} ms (${(replies.length / total * 1000).toFixed(0)}/s); rules ${inRules.toFixed(0)} ms, engine and shared parsing outside rules ${(total - inRules).toFixed(0)} ms`);
for (const [id, ms] of rows) console.log(`${id.padEnd(40)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / replies.length * 1000).toFixed(1).padStart(7)} µs/reply`);
