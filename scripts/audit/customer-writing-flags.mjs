#!/usr/bin/env node
// The spelling and grammar rules' flags on customer-written English, each customer message of the
// transcripts checked as a reply on its own (both rules on, no other context). Real agent replies
// raise almost none, so this is where the rules' precision can be measured.
//
// The conversations are split in two halves by the FNV-1a 32-bit hash of their id: even is the
// development half (tune the filters on it), odd the test half (audit it, never tune on it).
//   npm run build
//   node scripts/audit/customer-writing-flags.mjs ../shared/data/transcripts --half dev > dev-flags.jsonl
//   node scripts/audit/customer-writing-flags.mjs ../shared/data/transcripts --half test --seed N --count 50 > worksheet.jsonl
// Without --seed every flag is printed; with it the flags are shuffled with the seed
// (scripts/seeded-shuffle.mjs) and the first --count printed as a worksheet, leaving out the
// messages judged in an earlier audit (--exclude, by default data/audits/seed-1795973312-writing-customers.jsonl).
// Flag ids are those of the audit files: `<conversation>~c<message index>#0:<rule>:<offset>`.
// The output holds transcript text: keep it out of the repo, record only ids and verdicts.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { lint } from '@preach/core';
import { defaultConfig } from '@preach/config';
import { seededShuffle } from '../seeded-shuffle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const usage = 'usage: customer-writing-flags.mjs TRANSCRIPTS-FOLDER --half dev|test [--seed N --count 50] [--exclude AUDIT.jsonl]';

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      half: { type: 'string' },
      seed: { type: 'string' },
      count: { type: 'string', default: '50' },
      exclude: { type: 'string', default: join(root, 'data/audits/seed-1795973312-writing-customers.jsonl') },
    },
  });
} catch (error) {
  fail(error.message);
}
const { values, positionals } = parsed;
const [folder] = positionals;
const seed = values.seed === undefined ? undefined : Number(values.seed);
const count = Number(values.count);
if (!folder || (values.half !== 'dev' && values.half !== 'test')) fail('give the transcripts folder and --half dev or --half test');
if (seed !== undefined && !Number.isInteger(seed)) fail(`--seed must be an integer, not "${values.seed}"`);
if (!Number.isInteger(count) || count < 1) fail(`--count must be a positive integer, not "${values.count}"`);

/** FNV-1a, 32 bits, over the UTF-8 bytes of `text`. */
function fnv1a32(text) {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}
const inHalf = (id) => (fnv1a32(id) % 2 === 0 ? 'dev' : 'test') === values.half;

const conversations = [];
let names;
try {
  names = readdirSync(folder).filter((name) => name.endsWith('.jsonl')).sort();
} catch (error) {
  fail(`cannot read the transcripts folder ${folder}: ${error.message}`);
}
for (const name of names) {
  const lines = readFileSync(join(folder, name), 'utf8').split('\n');
  lines.forEach((line, n) => {
    if (!line.trim()) return;
    let conversation;
    try {
      conversation = JSON.parse(line);
    } catch (error) {
      console.error(`${join(folder, name)}:${n + 1}: not JSON (${error.message}); skipped`);
      return;
    }
    if (typeof conversation.id !== 'string' || !Array.isArray(conversation.messages)) {
      console.error(`${join(folder, name)}:${n + 1}: no "id" string or "messages" list; skipped`);
      return;
    }
    if (inHalf(conversation.id)) conversations.push(conversation);
  });
}

const { config } = defaultConfig();
const writing = new Map(['spelling', 'grammar'].map((id) => [id, { ...config.rules.get(id) ?? { rule: config.allRules.get(id), options: {} }, severity: 'warning' }]));
const checked = { ...config, rules: writing, limits: { ...config.limits, timeBudgetMs: 600_000 } };

const excluded = new Set();
if (seed !== undefined) {
  try {
    for (const line of readFileSync(values.exclude, 'utf8').split('\n')) if (line.trim()) {
      const match = /^(.*)~c(\d+)#/.exec(JSON.parse(line).flag ?? '');
      if (match) excluded.add(`${match[1]}#${match[2]}`);
    }
  } catch (error) {
    fail(`cannot read the earlier audit ${values.exclude}: ${error.message}`);
  }
}

const flags = [];
let messages = 0;
let english = 0;
let failures = 0;
for (const conversation of conversations) {
  conversation.messages.forEach((message, index) => {
    if (message?.role !== 'customer' || typeof message.text !== 'string' || !message.text.trim()) return;
    messages++;
    const result = lint(message.text, {}, checked);
    if (result.context.language.id !== 'en') return;
    english++;
    if (result.stopped) console.error(`${conversation.id}#${index}: the check stopped at its time budget in ${result.stopped.ruleId}`);
    for (const finding of result.messages) {
      if (finding.ruleId !== 'spelling' && finding.ruleId !== 'grammar') continue;
      if (/^Rule "[^"]+" failed on this text/.test(finding.reason)) {
        // The checker failing (a time-out on a loaded machine) is no judgement of the text: not a flag.
        failures++;
        console.error(`${conversation.id}#${index}: ${finding.reason}`);
        continue;
      }
      const start = finding.startOffset ?? 0;
      const end = finding.endOffset ?? start;
      flags.push({
        flag: `${conversation.id}~c${index}#0:${finding.ruleId}:${start}`,
        conversation: conversation.id,
        index,
        ruleId: finding.ruleId,
        excerpt: message.text.slice(start, end),
        message: finding.reason,
        marked: `${message.text.slice(0, start)}⟦${message.text.slice(start, end)}⟧${message.text.slice(end)}`,
      });
    }
  });
}

const byRule = (rule) => flags.filter((flag) => flag.ruleId === rule).length;
console.error(`${values.half} half: ${conversations.length} conversations, ${messages} customer messages, ${english} in English checked; ${flags.length} flags (spelling ${byRule('spelling')}, grammar ${byRule('grammar')})${failures ? `; the check failed ${failures} times` : ''}`);
if (seed === undefined) {
  for (const flag of flags) console.log(JSON.stringify(flag));
} else {
  const fresh = flags.filter((flag) => !excluded.has(`${flag.conversation}#${flag.index}`));
  seededShuffle(fresh, seed);
  console.error(`${flags.length - fresh.length} flags on messages judged in ${values.exclude} left out; drew ${Math.min(count, fresh.length)} of ${fresh.length} with seed ${seed}`);
  for (const flag of fresh.slice(0, count)) console.log(JSON.stringify(flag));
}

function fail(problem) {
  console.error(`customer-writing-flags: ${problem}\n${usage}`);
  process.exit(2);
}
