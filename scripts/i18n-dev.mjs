#!/usr/bin/env node
// Situation, mood and "resolved" accuracy of the Thai, Korean and Chinese lexicons on their
// development sets, with each miss. Needs `npm run build`.
//   dev:   data/customer-messages-i18n/dev-<lang>.jsonl (written to tune the lexicons)
//   spent: test/fixtures/eval-i18n/<lang>/customer-messages.jsonl (once a blind test set, tuned on
//          since: development data now)
//   blind2: data/customer-messages-i18n/blind-2-<lang>.jsonl (the second blind set, measured once as
//          a test; tuned on since: development data now)
//   blind3: data/customer-messages-i18n/blind-3-<lang>.jsonl (the third blind set, likewise)
// The situation is the one the rules see (resolveContext: an angry message with no topic is a
// complaint; a solved problem is not a sensitive situation any more).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCustomerTurn, resolveConfig, resolveContext } from '@preach/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SETS = {
  dev: (language) => join(root, 'data', 'customer-messages-i18n', `dev-${language}.jsonl`),
  spent: (language) => join(root, 'test', 'fixtures', 'eval-i18n', language, 'customer-messages.jsonl'),
  blind2: (language) => join(root, 'data', 'customer-messages-i18n', `blind-2-${language}.jsonl`),
  blind3: (language) => join(root, 'data', 'customer-messages-i18n', `blind-3-${language}.jsonl`),
};

const config = resolveConfig({ rules: [], enabled: new Set(), layers: [] });

export function measure(language, set = 'dev', only = () => true) {
  const lines = readFileSync(SETS[set](language), 'utf8').split('\n').filter((line) => line.trim());
  const entries = lines.map((line) => JSON.parse(line)).filter(only);
  const misses = [];
  let situation = 0;
  let mood = 0;
  let resolved = 0;
  for (const entry of entries) {
    const turn = readCustomerTurn(entry.text);
    const got = resolveContext({ customerMessage: entry.text, language }, config).situation.id ?? 'none';
    if (got === entry.situation) situation++;
    else misses.push(`${entry.key}: situation ${got}, labelled ${entry.situation}: ${entry.text}`);
    if (turn.mood === entry.mood) mood++;
    else misses.push(`${entry.key}: mood ${turn.mood}, labelled ${entry.mood}: ${entry.text}`);
    if (turn.resolved === entry.resolved) resolved++;
  }
  const n = Math.max(1, entries.length);
  return { language, set, messages: entries.length, situation: situation / n, mood: mood / n, resolved: resolved / n, misses };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quiet = process.argv.includes('--quiet');
  const pct = (value) => `${(value * 100).toFixed(1)}%`;
  for (const set of Object.keys(SETS)) {
    for (const language of ['th', 'ko', 'zh']) {
      const result = measure(language, set);
      console.log(`${set} ${language}: ${result.messages} messages, situation ${pct(result.situation)}, mood ${pct(result.mood)}, resolved ${pct(result.resolved)}`);
      if (!quiet) for (const miss of result.misses) console.log(`  ${miss}`);
    }
  }
}
