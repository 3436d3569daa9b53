#!/usr/bin/env node
// `npm run bench`: runs every benchmark in this folder, one after another, and prints figures;
// `npm run bench -- startup suite` runs only those.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
let failed = false;
for (const name of ['startup', 'lint', 'languages', 'spelling', 'customer-turn', 'large-drafts', 'rules-on-transcripts', 'score', 'queue', 'csv-grouping', 'html-report', 'lsp', 'browser', 'suite']) {
  if (only.length && !only.includes(name)) continue;
  const file = join(here, `${name}.mjs`);
  if (!existsSync(file)) continue;
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(process.execPath, ['--expose-gc', file], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
