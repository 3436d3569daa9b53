#!/usr/bin/env node
// Start-up: how long a new `preach` process takes for `--version`, for `preach lint` of one short
// reply (with no config file and with a .preachrc.yaml), and how long the language server
// (`preach lsp --stdio`) takes from being started to its first diagnostics for an opened draft.
//
// The machine this runs on may be busy, so every figure is measured next to a baseline in the
// same run: `node -e 0`, a process that starts Node and does nothing. The runs take turns (one of
// each, then again), so a burst of load falls on all of them alike; the report gives medians,
// and each figure less the baseline, which is what preach itself adds.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient, pathUri, PREACH_BIN } from '../../test/lsp-client.mjs';

const RUNS = Number(process.env.STARTUP_RUNS ?? 15);
/** Another build's bin/preach.js, to compare with (e.g. a checkout of the main branch). */
const BIN = process.env.STARTUP_PREACH_BIN ?? PREACH_BIN;
const REPLY = 'Hi Sam,\n\nThanks for waiting. Your refund is on its way and should reach your card within five working days.\n\nBest,\nAlex\n';

const dir = mkdtempSync(join(tmpdir(), 'preach-startup-'));
const bare = join(dir, 'bare');
const configured = join(dir, 'configured');
for (const folder of [bare, configured]) {
  mkdirSync(folder);
  writeFileSync(join(folder, 'reply.md'), REPLY);
}
writeFileSync(join(configured, '.preachrc.yaml'), 'extends: preach:recommended\nrules:\n  formal-word: warning\n');
// A team's setup with its own rules: a pack folder with a rule file and a code rule.
const team = join(dir, 'team');
mkdirSync(join(team, 'team-rules'), { recursive: true });
writeFileSync(join(team, 'reply.md'), REPLY);
writeFileSync(join(team, '.preachrc.yaml'), 'extends: preach:recommended\npacks: [./team-rules]\n');
writeFileSync(
  join(team, 'team-rules', 'jargon.yaml'),
  "id: team/jargon\nkind: existence\ncategory: articulate\nseverity: warning\nmessage: '\"{{match}}\" is internal.'\ntokens: [ticket queue, P2]\ndescription: Internal words.\nwhy: Customers do not know them.\nexamples:\n  bad: [{ text: It is in the ticket queue. }]\n  good: [{ text: It is with our team. }]\n",
);
writeFileSync(
  join(team, 'team-rules', 'index.mjs'),
  [
    "import { defineRule } from '@preach/core';",
    'export default [',
    "  defineRule({ id: 'team/order', category: 'articulate', severity: 'error', docs: { description: 'Order numbers.', why: 'Right order.', examples: { bad: [{ text: 'ORD-1' }], good: [{ text: 'Your order' }] } } },",
    "    (context) => { for (const match of context.prose.matchAll(/ORD-\\d/g)) context.report({ message: 'Check the order.', start: match.index, end: match.index + 5 }); }),",
    '];',
    '',
  ].join('\n'),
);

const commands = {
  'node -e 0 (baseline)': { args: ['-e', '0'], cwd: dir },
  'preach --version': { args: [BIN, '--version'], cwd: dir },
  'preach lint reply.md, no config file': { args: [BIN, 'lint', 'reply.md', '--no-config'], cwd: bare },
  'preach lint reply.md, with .preachrc.yaml': { args: [BIN, 'lint', 'reply.md'], cwd: configured },
  'preach lint reply.md, with a team pack': { args: [BIN, 'lint', 'reply.md'], cwd: team },
};

/**
 * CPU time (user + system) of this process's finished children, in ms, from /proc (Linux): a
 * busy machine stretches wall time far more than CPU time. Undefined elsewhere.
 */
function childrenCpuMs() {
  try {
    // Fields after the command name; cutime and cstime are the 14th and 15th, in clock ticks.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

function timeProcess({ args, cwd }) {
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const wall = performance.now() - start;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
  const cpuAfter = childrenCpuMs();
  return { wall, cpu: cpuBefore === undefined ? undefined : cpuAfter - cpuBefore };
}

/** From starting the server to the first diagnostics for a draft opened as soon as it answers. */
async function timeFirstDiagnostics() {
  const start = performance.now();
  const client = await LspClient.start({ rootDir: configured, command: [process.execPath, BIN, 'lsp', '--stdio'] });
  try {
    const uri = pathUri(join(configured, 'draft.md'));
    client.open(uri, 'Please utilize the billing page.\n');
    await client.diagnostics(uri, { accept: (diagnostics) => diagnostics.length > 0, timeoutMs: 120_000 });
    return performance.now() - start;
  } finally {
    await client.stop();
  }
}

const LSP = 'preach lsp: start to first diagnostics';
const wall = Object.fromEntries([...Object.keys(commands), LSP].map((name) => [name, []]));
const cpu = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
const first = {};
try {
  for (let round = 0; round < RUNS; round++) {
    for (const [name, command] of Object.entries(commands)) {
      const time = timeProcess(command);
      if (round === 0) {
        first[name] = time.wall;
        continue;
      }
      wall[name].push(time.wall);
      if (time.cpu !== undefined) cpu[name].push(time.cpu);
    }
    const ms = await timeFirstDiagnostics();
    if (round === 0) first[LSP] = ms;
    else wall[LSP].push(ms);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const median = (values) => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const BASELINE = 'node -e 0 (baseline)';
const ms = (value, width = 8) => (value === undefined ? '' : `${Math.round(value)} ms`).padStart(width);
const baseWall = median(wall[BASELINE]);
const baseCpu = median(cpu[BASELINE]);

console.log(`Medians of ${RUNS - 1} runs after a first one; "+ preach" is a median less the baseline's.`);
console.log(`${''.padEnd(44)}${'wall'.padStart(8)}${'wall'.padStart(8)}${'wall'.padStart(10)}${'CPU'.padStart(8)}${'CPU'.padStart(10)}`);
console.log(`${'what'.padEnd(44)}${'first'.padStart(8)}${'median'.padStart(8)}${'+ preach'.padStart(10)}${'median'.padStart(8)}${'+ preach'.padStart(10)}`);
for (const name of Object.keys(wall)) {
  const isBaseline = name === BASELINE;
  const wallMedian = median(wall[name]);
  const cpuMedian = median(cpu[name] ?? []);
  console.log(
    `${name.padEnd(44)}${ms(first[name])}${ms(wallMedian)}${isBaseline ? ''.padStart(10) : ms(wallMedian - baseWall, 10)}` +
      `${ms(cpuMedian)}${isBaseline || cpuMedian === undefined || baseCpu === undefined ? '' : ms(cpuMedian - baseCpu, 10)}`,
  );
}
