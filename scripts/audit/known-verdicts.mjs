#!/usr/bin/env node
// Development aid: which of today's warnings and errors earlier audits already judged, and how.
//   preach score ../shared/data/transcripts --format json --no-config -o /tmp/scored.json
//   node scripts/audit/known-verdicts.mjs /tmp/scored.json [--list unjustified|justified|unjudged] [--rule ID]
// Every audit in data/audits/ is development data once reported, so this is a tuning view, never a
// figure to report: a report needs a fresh sample (draw-flags.mjs with a new seed).
// A flag is known by conversation, reply and rule; the offset may move as rules change, so a verdict
// on the same rule in the same reply stands in when the exact offset is gone.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: known-verdicts.mjs SCORED.json [--list unjustified|justified|unjudged] [--rule ID]');
  process.exit(2);
}
const option = (name) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
const list = option('--list');
const onlyRule = option('--rule');

const audits = join(dirname(fileURLToPath(import.meta.url)), '../../data/audits');
// Later audits overrule earlier ones: files sort by seed as a number (audits 1 and 2 used small
// seeds, later ones the clock), not as text, where "seed-4040" would sort after "seed-1795…".
const seedOf = (name) => Number(/^seed-(\d+)/.exec(name)?.[1] ?? 0);
const exact = new Map();
const byReplyRule = new Map();
for (const name of readdirSync(audits).filter((n) => n.endsWith('-report.jsonl') || n.includes('-development')).sort((a, b) => seedOf(a) - seedOf(b))) {
  for (const line of readFileSync(join(audits, name), 'utf8').split('\n')) if (line.trim()) {
    const verdict = { ...JSON.parse(line), audit: name };
    exact.set(verdict.flag, verdict);
    byReplyRule.set(verdict.flag.replace(/:\d+$/, ''), verdict);
  }
}

const scored = JSON.parse(readFileSync(file, 'utf8'));
const rows = [];
for (const conversation of scored.conversations) {
  for (const reply of conversation.messages ?? []) {
    for (const finding of reply.findings) {
      if (finding.severity !== 'error' && finding.severity !== 'warning') continue;
      if (onlyRule && finding.ruleId !== onlyRule) continue;
      const flag = `${conversation.id}#${reply.index}:${finding.ruleId}:${finding.start}`;
      const verdict = exact.get(flag) ?? byReplyRule.get(flag.replace(/:\d+$/, ''));
      rows.push({ flag, ruleId: finding.ruleId, excerpt: finding.excerpt, situation: reply.situation, mood: reply.mood, verdict });
    }
  }
}

const perRule = new Map();
for (const row of rows) {
  const tally = perRule.get(row.ruleId) ?? { flags: 0, judged: 0, justified: 0 };
  tally.flags++;
  if (row.verdict) {
    tally.judged++;
    if (row.verdict.justified) tally.justified++;
  }
  perRule.set(row.ruleId, tally);
}
const total = [...perRule.values()].reduce((a, t) => ({ flags: a.flags + t.flags, judged: a.judged + t.judged, justified: a.justified + t.justified }), { flags: 0, judged: 0, justified: 0 });
const pct = (t) => (t.judged ? `${((100 * t.justified) / t.judged).toFixed(0)}%` : '-');
console.log('rule'.padEnd(40), 'flags judged justified');
for (const [rule, t] of [...perRule].sort((a, b) => b[1].flags - a[1].flags)) {
  console.log(rule.padEnd(40), String(t.flags).padStart(5), String(t.judged).padStart(6), `${t.justified} (${pct(t)})`.padStart(10));
}
console.log('all'.padEnd(40), String(total.flags).padStart(5), String(total.judged).padStart(6), `${total.justified} (${pct(total)})`.padStart(10));

if (list) {
  const wanted = rows.filter((r) => (list === 'unjudged' ? !r.verdict : r.verdict && r.verdict.justified === (list === 'justified')));
  for (const row of wanted) {
    console.log(`\n${row.flag}  [${row.situation ?? '-'} / ${row.mood ?? '-'}]  «${row.excerpt ?? ''}»`);
    if (row.verdict) console.log(`  ${row.verdict.why}`);
  }
}
