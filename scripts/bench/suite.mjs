#!/usr/bin/env node
// The test suite's wall time (`vitest run`, what `npm test` runs after building), with the
// slowest files. The machine may be busy: the figure is printed next to `node -e 0` measured
// just before and just after, so a run on a loaded machine can be told from a slower suite.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from '../../test/lsp-client.mjs';

function nodeStartMs(runs = 7) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const dir = mkdtempSync(join(tmpdir(), 'preach-suite-'));
const report = join(dir, 'vitest.json');
try {
  const before = nodeStartMs();
  const start = performance.now();
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=json', `--outputFile=${report}`], { cwd: ROOT, encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  const after = nodeStartMs();
  const result = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`vitest run: ${seconds.toFixed(0)} s wall, ${result.numPassedTests} passed, ${result.numFailedTests} failed, ${result.numPendingTests} skipped (exit ${run.status})`);
  console.log(`baseline, node -e 0: ${before.toFixed(0)} ms before, ${after.toFixed(0)} ms after`);
  const files = result.testResults.map((file) => ({ name: relative(ROOT, file.name), seconds: (file.endTime - file.startTime) / 1000 })).sort((a, b) => b.seconds - a.seconds);
  console.log('slowest files:');
  for (const file of files.slice(0, 8)) console.log(`  ${file.seconds.toFixed(1).padStart(6)} s  ${file.name}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
