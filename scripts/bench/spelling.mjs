// The spelling and grammar rules: what loading Harper costs the first check, and what each reply
// costs after that (both rules share one check of the reply), over real agent replies.
import { lint } from '@preach/core';
import { defaultConfig } from '@preach/config';
import { recommendedRules } from '@preach/rules';
import { loadReplies } from './corpus.mjs';

const { source, replies } = await loadReplies();
const { config } = defaultConfig();
// Both rules are off in preach:recommended, so they are not in its config: turn them on here.
const only = (ids) => ({
  ...config,
  rules: new Map(recommendedRules().filter((rule) => ids.includes(rule.meta.id)).map((rule) => [rule.meta.id, { rule, severity: 'warning', options: rule.meta.defaultOptions ?? {} }])),
  limits: { ...config.limits, timeBudgetMs: 600_000 },
});
const writing = only(['spelling', 'grammar']);
const context = (reply) => ({ customerMessage: reply.customerMessage, channel: 'social' });

const loadStarted = process.hrtime.bigint();
const firstCheck = lint('We recieved your request.', {}, writing);
if (!firstCheck.messages.some((message) => message.ruleId === 'spelling')) throw new Error('the spelling rule did not run: this bench would measure nothing');
const loadMs = Number(process.hrtime.bigint() - loadStarted) / 1e6;

const sample = replies.slice(0, 2000);
const latencies = [];
const started = process.hrtime.bigint();
for (const reply of sample) {
  const t = process.hrtime.bigint();
  lint(reply.text, context(reply), writing);
  latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
console.log(`corpus: ${sample.length} agent replies from ${source}`);
console.log(`first check (starts the checker's thread and loads Harper's WebAssembly): ${(loadMs / 1000).toFixed(1)} s`);
console.log(`spelling + grammar: ${(sample.length / seconds).toFixed(0)} replies/s; per reply p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms, max ${at(1).toFixed(0)} ms`);
console.log(`memory after: ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB resident (the checker's thread included)`);
