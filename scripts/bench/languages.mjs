// Replies per second for each language with a rule set (English, Thai, Korean, Chinese), every
// built-in rule on. Each language is measured on its own replies: the built-in rules' examples
// written in it, with their conversation context, so the figures compare like with like.
import { detectLanguage, lint } from '@preach/core';
import { defaultConfig } from '@preach/config';
import { recommendedRules } from '@preach/rules';

const { config } = defaultConfig();
const byLanguage = new Map();
for (const rule of recommendedRules()) {
  for (const example of [...rule.meta.docs.examples.bad, ...rule.meta.docs.examples.good]) {
    const language = detectLanguage(example.text);
    if (!['en', 'th', 'ko', 'zh'].includes(language)) continue;
    if (!byLanguage.has(language)) byLanguage.set(language, []);
    byLanguage.get(language).push({ text: example.text, context: example.context ?? {} });
  }
}

const MIN_CHECKS = 3000;
for (const language of ['en', 'th', 'ko', 'zh']) {
  const replies = byLanguage.get(language) ?? [];
  if (!replies.length) continue;
  // Warm up: JIT, segmenters and lazy data.
  for (const reply of replies) lint(reply.text, reply.context, config);
  const rounds = Math.max(1, Math.ceil(MIN_CHECKS / replies.length));
  const latencies = [];
  const started = process.hrtime.bigint();
  for (let round = 0; round < rounds; round++) {
    for (const reply of replies) {
      const t = process.hrtime.bigint();
      lint(reply.text, reply.context, config);
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const p95 = latencies[Math.floor(0.95 * (latencies.length - 1))];
  const chars = Math.round(replies.reduce((sum, reply) => sum + reply.text.length, 0) / replies.length);
  console.log(`${language}: ${(latencies.length / seconds).toFixed(0)} replies/s on one core, p95 ${p95.toFixed(2)} ms (${replies.length} replies, ${chars} characters on average)`);
}
