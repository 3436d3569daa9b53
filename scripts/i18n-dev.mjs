#!/usr/bin/env node
// Situation, mood and "resolved" accuracy of the Thai, Korean and Chinese lexicons on their
// development sets (data/customer-messages-i18n/dev-<lang>.jsonl), with each miss. Needs `npm run build`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCustomerTurn } from '@preach/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function measure(language) {
  const lines = readFileSync(join(root, 'data', 'customer-messages-i18n', `dev-${language}.jsonl`), 'utf8').split('\n').filter((line) => line.trim());
  const misses = [];
  let situation = 0;
  let mood = 0;
  let resolved = 0;
  for (const line of lines) {
    const entry = JSON.parse(line);
    const turn = readCustomerTurn(entry.text);
    const got = turn.situation ?? 'none';
    if (got === entry.situation) situation++;
    else misses.push(`${entry.key}: situation ${got}, labelled ${entry.situation}: ${entry.text}`);
    if (turn.mood === entry.mood) mood++;
    if (turn.resolved === entry.resolved) resolved++;
  }
  return { language, messages: lines.length, situation: situation / lines.length, mood: mood / lines.length, resolved: resolved / lines.length, misses };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const language of ['th', 'ko', 'zh']) {
    const result = measure(language);
    const pct = (value) => `${Math.round(value * 100)}%`;
    console.log(`${language}: ${result.messages} messages, situation ${pct(result.situation)}, mood ${pct(result.mood)}, resolved ${pct(result.resolved)}`);
    for (const miss of result.misses) console.log(`  ${miss}`);
  }
}
