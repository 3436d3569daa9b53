#!/usr/bin/env node
// Draws a hand-audit sample of warnings and errors from `preach score` JSON over real transcripts.
//   preach score ../shared/data/transcripts --format json -o /tmp/scored.json
//   node scripts/audit/draw-flags.mjs /tmp/scored.json ../shared/data/transcripts --seed N --count 100 > worksheet.jsonl
//   … --rules spelling,grammar draws only those rules' flags.
// Write the seed down (docs/evaluation.md) before drawing; draw a fresh sample for each report.
// The worksheet holds transcript text: keep it out of the repo, record only ids and verdicts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededShuffle } from '../seeded-shuffle.mjs';

const [file, transcripts, ...rest] = process.argv.slice(2);
const option = (name, fallback) => (rest.includes(name) ? Number(rest[rest.indexOf(name) + 1]) : fallback);
const seed = option('--seed', NaN);
const count = option('--count', 100);
const onlyRules = rest.includes('--rules') ? new Set(rest[rest.indexOf('--rules') + 1].split(',')) : undefined;
if (!file || !transcripts || !Number.isInteger(seed)) {
  console.error('usage: draw-flags.mjs SCORED.json TRANSCRIPTS-FOLDER --seed N [--count 100] [--rules id,id]');
  process.exit(2);
}

const scored = JSON.parse(readFileSync(file, 'utf8'));
const conversations = scored.conversations;
// The conversation as it was, for the turns before each reply.
const sources = new Map();
for (const name of readdirSync(transcripts).filter((n) => n.endsWith('.jsonl'))) {
  for (const line of readFileSync(join(transcripts, name), 'utf8').split('\n')) if (line.trim()) {
    const conversation = JSON.parse(line);
    sources.set(conversation.id, conversation.messages);
  }
}
const flags = [];
for (const conversation of conversations) {
  for (const reply of conversation.messages ?? []) {
    for (const finding of reply.findings) {
      if (finding.severity !== 'error' && finding.severity !== 'warning') continue;
      if (onlyRules && !onlyRules.has(finding.ruleId)) continue;
      flags.push({
        flag: `${conversation.id}#${reply.index}:${finding.ruleId}:${finding.start}`,
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        excerpt: finding.excerpt,
        situation: reply.situation,
        mood: reply.mood,
        before: (sources.get(conversation.id) ?? []).slice(Math.max(0, reply.index - 4), reply.index).map((m) => `${m.role}: ${m.text}`),
        reply: reply.text,
      });
    }
  }
}
seededShuffle(flags, seed);
console.error(`${flags.length} warnings and errors; drew ${Math.min(count, flags.length)} with seed ${seed}`);
for (const flag of flags.slice(0, count)) console.log(JSON.stringify(flag));
