#!/usr/bin/env node
// The built-in rules on real agent replies: how many replies get an error, a warning, only a
// suggestion, or nothing, and which rules fire most. A linter that flags most real replies is
// miscalibrated, so this is the false-positive check behind docs/evaluation.md.
//
//   node scripts/bench/rules-on-transcripts.mjs                 counts and top rules
//   node scripts/bench/rules-on-transcripts.mjs --sample 50     also 50 random flagged replies
//        [--seed 2024] [--rule ID]                              (fixed seed; handles and e-mails redacted)
//
// Each reply is linted with the customer message it answers and channel social (the transcripts
// are tweets). Transcripts: ../shared/data/transcripts/*.jsonl, or $PREACH_TRANSCRIPTS.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { lint } from '@preach/core';
import { defaultConfig } from '@preach/config';
import { TRANSCRIPTS } from './corpus.mjs';

const { values: args } = parseArgs({ options: { sample: { type: 'string' }, seed: { type: 'string', default: '2024' }, rule: { type: 'string' } } });

if (!existsSync(TRANSCRIPTS)) {
  console.log(`skipped: no transcripts at ${TRANSCRIPTS} (set PREACH_TRANSCRIPTS to the folder of *.jsonl files)`);
  process.exit(0);
}

/** Every agent reply with the customer message just before it. A bad line is reported and skipped. */
function loadReplies() {
  const replies = [];
  const problems = [];
  for (const name of readdirSync(TRANSCRIPTS).filter((file) => file.endsWith('.jsonl')).sort()) {
    readFileSync(join(TRANSCRIPTS, name), 'utf8').split('\n').forEach((line, index) => {
      if (!line.trim()) return;
      let conversation;
      try {
        conversation = JSON.parse(line);
      } catch (error) {
        problems.push(`${name}:${index + 1}: not valid JSON (${error.message})`);
        return;
      }
      let customerMessage;
      (conversation.messages ?? []).forEach((message, position) => {
        if (message.role === 'customer') customerMessage = message.text;
        else if (message.role === 'agent' && message.text?.trim()) {
          replies.push({ id: `${conversation.id}#${position}`, company: conversation.company, text: message.text, customerMessage });
        }
      });
    });
  }
  return { replies, problems };
}

const { replies, problems } = loadReplies();
for (const problem of problems) console.error(problem);
const { config } = defaultConfig();

const started = process.hrtime.bigint();
const results = replies.map((reply) => ({ reply, messages: lint(reply.text, { customerMessage: reply.customerMessage, channel: 'social' }, config).messages }));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const worst = (messages) => (messages.some((m) => m.severity === 'error') ? 'error' : messages.some((m) => m.severity === 'warning') ? 'warning' : messages.length ? 'suggestion' : 'nothing');
const tally = { error: 0, warning: 0, suggestion: 0, nothing: 0 };
const byRule = new Map();
for (const { messages } of results) {
  tally[worst(messages)]++;
  for (const id of new Set(messages.map((m) => m.ruleId))) {
    const entry = byRule.get(id) ?? { replies: 0, messages: 0, severity: messages.find((m) => m.ruleId === id).severity };
    entry.replies++;
    entry.messages += messages.filter((m) => m.ruleId === id).length;
    byRule.set(id, entry);
  }
}

const percent = (n) => `${((100 * n) / replies.length).toFixed(1)}%`;
console.log(`replies: ${replies.length} agent replies from ${readdirSync(TRANSCRIPTS).filter((f) => f.endsWith('.jsonl')).length} files, linted in ${seconds.toFixed(1)} s (${config.rules.size} rules, channel social)`);
console.log(`  with an error:          ${String(tally.error).padStart(5)}  ${percent(tally.error)}`);
console.log(`  with a warning (worst): ${String(tally.warning).padStart(5)}  ${percent(tally.warning)}`);
console.log(`  only suggestions:       ${String(tally.suggestion).padStart(5)}  ${percent(tally.suggestion)}`);
console.log(`  nothing:                ${String(tally.nothing).padStart(5)}  ${percent(tally.nothing)}`);
console.log('top rules (replies flagged, messages):');
for (const [id, entry] of [...byRule].sort((a, b) => b[1].replies - a[1].replies).slice(0, 15)) {
  console.log(`  ${id.padEnd(36)} ${String(entry.replies).padStart(5)} ${percent(entry.replies).padStart(6)}  ${String(entry.messages).padStart(5)}  ${entry.severity}`);
}

if (args.sample) {
  const flagged = results.filter(({ messages }) => messages.some((m) => !args.rule || m.ruleId === args.rule));
  const sample = shuffle(flagged, Number(args.seed)).slice(0, Number(args.sample));
  console.log(`\nsample: ${sample.length} of ${flagged.length} flagged replies (seed ${args.seed}${args.rule ? `, rule ${args.rule}` : ''}); handles and e-mail addresses redacted`);
  sample.forEach(({ reply, messages }, index) => {
    console.log(`\n[${index + 1}] ${reply.id} (${reply.company})`);
    console.log(`  customer: ${redact(reply.customerMessage ?? '(none)')}`);
    console.log(`  reply:    ${redact(reply.text)}`);
    for (const message of messages) {
      console.log(`  - ${message.ruleId} (${message.severity}): "${redact(reply.text.slice(message.startOffset, message.endOffset))}" ${message.reason}`);
    }
  });
}

/** Customer handles and e-mail addresses are personal data: never printed. */
function redact(text) {
  return text.replace(/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, '[e-mail]').replace(/(?<![\w@])@\w{1,30}/g, '@user').replace(/\s+/g, ' ').trim();
}

/** Fisher-Yates with a seeded generator (mulberry32), so the sample is the same on every run. */
function shuffle(items, seed) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
