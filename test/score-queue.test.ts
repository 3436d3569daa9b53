/**
 * `preach score --queue` and `preach worker` as separate processes on a real redis-server: the
 * report is byte for byte the report of a run on one machine, a worker killed with SIGKILL
 * mid-shard loses nothing, a producer that dies can be resumed or collected, and a worker that
 * cannot reproduce the run's config has its shards reported, conversation by conversation.
 *
 * The Redis is named by PREACH_TEST_REDIS_URL (`.ci/run` starts one and sets it); the tests
 * empty the database it names. Without it they are skipped, with the reason printed.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PREACH_BIN, ROOT, runPreach } from './helpers/cli.js';
import { teamProject } from './helpers/custom-rules.js';
import { HANG_GUARD_MS } from './helpers/hang-guard.mjs';

const REDIS_URL = process.env.PREACH_TEST_REDIS_URL;
/** CI always has a Redis (.ci/run starts one): there a missing one is a failure, not a skip. */
const IN_CI = Boolean(process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0');
if (!REDIS_URL && !IN_CI) console.warn('score-queue: skipped, PREACH_TEST_REDIS_URL is not set (start redis-server and set it, e.g. redis://127.0.0.1:6391/1; .ci/run does)');

describe.runIf(!REDIS_URL && IN_CI)('preach score --queue in CI', () => {
  it('has a Redis to run against', () => {
    expect.fail('PREACH_TEST_REDIS_URL is not set: .ci/run starts redis-server and sets it');
  });
});

/**
 * Stalled checks every half second, so a killed worker's shard comes back soon (not a speed
 * limit). Every worker here has them: BullMQ runs the check once per interval across all workers
 * of a queue, so one worker with the default 30 s interval holds the others' check back as long.
 */
const FAST_STALL_CHECK = ['--stalled-interval-ms', '500'];
/**
 * A short lock for the worker that will be killed, so its shard is free soon after. Only for it: a
 * live worker on a busy machine may miss renewing a lock this short, and its shard is then scored
 * twice (counted once, but logged twice).
 */
const SHORT_LOCK = ['--lock-ms', '2000'];

/** A process that keeps running (a worker, a producer), with its output as it comes. */
class Running {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;
  private waiters: Array<() => void> = [];

  constructor(args: string[], cwd: string) {
    this.child = spawn(process.execPath, [PREACH_BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdin.end();
    this.child.stdout.on('data', (chunk) => {
      this.stdout += chunk;
      this.wake();
    });
    this.child.stderr.on('data', (chunk) => {
      this.stderr += chunk;
      this.wake();
    });
    this.exited = new Promise((resolve) => this.child.on('close', (code) => (this.wake(), resolve(code))));
  }

  /** Waits until the output matches, never longer than the hang guard. */
  async waitFor(pattern: RegExp, stream: 'stdout' | 'stderr' = 'stdout'): Promise<RegExpMatchArray> {
    const deadline = Date.now() + HANG_GUARD_MS;
    for (;;) {
      const match = this[stream].match(pattern);
      if (match) return match;
      if (this.child.exitCode !== null) throw new Error(`the process ended (${this.child.exitCode}) before printing ${pattern}:\n${this.stdout}\n${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`waited ${HANG_GUARD_MS / 1000} s for ${pattern}; output so far:\n${this.stdout}\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, HANG_GUARD_MS);
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** Conversations with replies that break rules in different ways, and agents to tell apart. */
function transcripts(count: number): string {
  const replies = [
    'Hi {name}, I am sorry about the delay. Your refund of ORD-12354 went out today and reaches your bank by Friday.',
    'Please utilise the form prior to the call, asap.',
    'Per our policy, that is not possible. Kindly refer to the FAQ.',
    'lol no worries!!! we will fix it eventually :)',
    'Thanks for waiting, {name}. I have reset the password; you can log in now.',
  ];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = ['Priya', 'Tom', 'Lee', 'Ana'][i % 4]!;
    const messages = [
      { role: 'customer', author: `c-${i}`, text: i % 3 === 0 ? 'Where is my order ORD-12345? This is the third time I ask.' : 'Can you help me with my account?' },
      { role: 'agent', author: `a-${i % 5}`, author_name: `Agent ${i % 5}`, text: replies[i % replies.length]!.replace('{name}', name) },
    ];
    if (i % 4 === 1) messages.push({ role: 'customer', author: `c-${i}`, text: 'Still broken.' }, { role: 'agent', author: `a-${(i + 1) % 5}`, author_name: `Agent ${(i + 1) % 5}`, text: replies[(i + 2) % replies.length]!.replace('{name}', name) });
    lines.push(JSON.stringify({ id: `t-${i}`, channel: i % 2 ? 'chat' : 'email', customer_name: name, tags: i % 7 === 0 ? ['billing_declined'] : [], messages }));
  }
  return `${lines.join('\n')}\n`;
}

describe.skipIf(!REDIS_URL)('preach score --queue with preach worker, on redis-server', () => {
  let producer: { dir: string; cleanup: () => void };
  let workerHome: { dir: string; cleanup: () => void };
  let redis: Redis;
  let inputs: string[];
  let local: { code: number | null; report: string };
  const started: Running[] = [];

  const worker = (extra: string[] = [], cwd = workerHome.dir) => {
    const running = new Running(['worker', '--queue', REDIS_URL!, '--jobs', '1', ...FAST_STALL_CHECK, ...extra], cwd);
    started.push(running);
    return running;
  };
  const reportOf = (name: string) => readFileSync(join(producer.dir, name), 'utf8');

  beforeAll(async () => {
    redis = new Redis(REDIS_URL!);
    await redis.flushdb();
    // The team's project: built-in rules, a folder pack, and an npm pack with a code rule.
    producer = teamProject();
    writeFileSync(join(producer.dir, 'calls.jsonl'), transcripts(45));
    writeFileSync(join(producer.dir, 'malformed.jsonl'), readFileSync(join(ROOT, 'test', 'fixtures', 'transcripts', 'malformed.jsonl')));
    // Inputs as a reviewer gives them: one that is not there, records that cannot be read.
    inputs = ['calls.jsonl', 'gone.jsonl', 'malformed.jsonl'];
    // A worker's machine has the packs installed, not the team's config: that travels with the run.
    workerHome = teamProject();
    rmSync(join(workerHome.dir, '.preachrc.yaml'));
    rmSync(join(workerHome.dir, 'team-rules'), { recursive: true });
    const run = await runPreach(['score', ...inputs, '--format', 'json', '--jobs', '1', '-o', 'local.json'], { cwd: producer.dir });
    local = { code: run.code, report: reportOf('local.json') };
    // The run is worth comparing: every kind of thing a report holds is in it.
    const report = JSON.parse(local.report);
    expect(report.summary.conversations).toBeGreaterThan(45);
    expect(report.summary.errors).toBeGreaterThan(1);
    expect(report.rules.map((r: { ruleId: string }) => r.ruleId)).toEqual(expect.arrayContaining(['acme/order-number', 'kit/plain-words']));
    expect(local.code).toBe(2);
  });

  afterEach(async () => {
    for (const running of started.splice(0)) {
      running.kill('SIGTERM');
      await running.exited;
    }
  });

  afterAll(async () => {
    await redis?.quit();
    producer?.cleanup();
    workerHome?.cleanup();
  });

  it('writes the same report, byte for byte, as a run on one machine, and leaves nothing in Redis', async () => {
    worker();
    worker();
    const run = await runPreach(['score', ...inputs, '--format', 'json', '--queue', REDIS_URL!, '--shard-size', '7', '-o', 'queue.json'], { cwd: producer.dir });
    expect(run.stderr).toMatch(/run \S+ on the queue/);
    expect(run.code).toBe(local.code);
    expect(reportOf('queue.json')).toBe(local.report);
    expect((await redis.keys('preach:run:*')).length).toBe(0);
    // Each worker logged its shards, one line each.
    const lines = started.flatMap((w) => w.stdout.split('\n').filter((line) => / shard \d+: /.test(line)));
    expect(lines.length).toBe(7);
  });

  it('loses nothing when a worker is killed with SIGKILL halfway through a shard', async () => {
    const doomed = worker(SHORT_LOCK);
    const producing = runPreach(['score', ...inputs, '--format', 'json', '--queue', REDIS_URL!, '--shard-size', '3', '-o', 'killed.json'], { cwd: producer.dir });
    await doomed.waitFor(/ shard \d+: /);
    doomed.kill('SIGKILL');
    await doomed.exited;
    const shardsBeforeDeath = doomed.stdout.split('\n').filter((line) => / shard \d+: /.test(line)).length;
    const rescuer = worker();
    const run = await producing;
    expect(run.stderr).not.toMatch(/^preach: (?!run )/m);
    expect(run.code).toBe(local.code);
    expect(reportOf('killed.json')).toBe(local.report);
    expect(shardsBeforeDeath).toBeLessThan(16);
    expect(rescuer.stdout).toMatch(/ shard \d+: /);
  });

  it('resumes a run whose producer died: by collecting it, or by running it again with --run-id', async () => {
    const first = new Running(['score', ...inputs, '--format', 'json', '--queue', REDIS_URL!, '--shard-size', '5', '--run-id', 'nightly-1', '-o', 'lost.json'], producer.dir);
    await first.waitFor(/shards enqueued/, 'stderr');
    first.kill('SIGKILL');
    await first.exited;
    worker();
    const collected = await runPreach(['score', '--collect', 'nightly-1', '--queue', REDIS_URL!, '--format', 'json', '-o', 'collected.json'], { cwd: producer.dir });
    expect(collected.code).toBe(local.code);
    expect(reportOf('collected.json')).toBe(local.report);
    // Collected once: the run is gone.
    const again = await runPreach(['score', '--collect', 'nightly-1', '--queue', REDIS_URL!, '--format', 'json'], { cwd: producer.dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('there is no run nightly-1');

    const second = new Running(['score', ...inputs, '--format', 'json', '--queue', REDIS_URL!, '--shard-size', '5', '--run-id', 'nightly-2', '-o', 'lost.json'], producer.dir);
    await second.waitFor(/shards enqueued/, 'stderr');
    second.kill('SIGKILL');
    await second.exited;
    const rerun = await runPreach(['score', ...inputs, '--format', 'json', '--queue', REDIS_URL!, '--shard-size', '5', '--run-id', 'nightly-2', '-o', 'rerun.json'], { cwd: producer.dir });
    expect(rerun.stderr).toContain('run nightly-2 (resumed)');
    expect(rerun.code).toBe(local.code);
    expect(reportOf('rerun.json')).toBe(local.report);
  });

  it('scores a run id used again with the config of the new run, not the one a worker saw before', async () => {
    worker();
    const first = await runPreach(['score', ...inputs, '--format', 'json', '--queue', REDIS_URL!, '--shard-size', '20', '--run-id', 'reused', '-o', 'reused-1.json'], { cwd: producer.dir });
    expect(first.code).toBe(local.code);
    expect(reportOf('reused-1.json')).toBe(local.report);
    // The same id the next night, on the built-in rules alone: the same worker, still running.
    const plain = await runPreach(['score', ...inputs, '--format', 'json', '--jobs', '1', '--no-config', '-o', 'plain-local.json'], { cwd: producer.dir });
    const second = await runPreach(['score', ...inputs, '--format', 'json', '--queue', REDIS_URL!, '--shard-size', '20', '--run-id', 'reused', '--no-config', '-o', 'reused-2.json'], { cwd: producer.dir });
    expect(second.code).toBe(plain.code);
    expect(reportOf('reused-2.json')).toBe(reportOf('plain-local.json'));
    expect(reportOf('reused-2.json')).not.toContain('acme/order-number');
  });

  it('reports the conversations of shards no worker could score, with the reason: here a code pack missing on the worker', async () => {
    const bare = teamProject();
    try {
      rmSync(join(bare.dir, 'node_modules', '@acme'), { recursive: true });
      const refusing = worker([], bare.dir);
      const run = await runPreach(['score', 'calls.jsonl', '--format', 'json', '--queue', REDIS_URL!, '--shard-size', '20'], { cwd: producer.dir });
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout);
      expect(report.summary).toMatchObject({ conversations: 45, scored: 0, errors: 45 });
      expect(report.errors.map((e: { id: string }) => e.id)).toEqual(Array.from({ length: 45 }, (_, i) => `t-${i}`));
      expect(report.errors[0].reason).toMatch(/failed on every try \(3\).*node_modules\/@acme\/preach-rules\/index\.js, which is not on this machine/);
      expect(refusing.stdout).toMatch(/refused: /);
    } finally {
      bare.cleanup();
    }
  });
});
