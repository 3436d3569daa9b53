#!/usr/bin/env node
// `npm run bench` (or `node scripts/bench/queue.mjs`): `preach score --queue` with 1, 2 and 3
// `preach worker` processes on this machine, through a redis-server of its own, against
// `preach score --jobs` on the same corpus; the queue's cost per shard; Redis's memory per
// conversation. Figures are printed, never asserted. Needs Debian's redis-server (skipped without).
//
// PREACH_BENCH_QUEUE_REPLIES sets the corpus size (default 10,000 agent replies).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConversations } from './corpus.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORK = join(ROOT, '.bench', 'queue');
const BIN = join(ROOT, 'packages', 'cli', 'bin', 'preach.js');
const REPLIES = Number(process.env.PREACH_BENCH_QUEUE_REPLIES ?? 10_000);
const JOBS = availableParallelism();
const PORT = 6300 + (process.pid % 600);
const URL = `redis://127.0.0.1:${PORT}`;

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

if (spawnSync('redis-server', ['--version']).status !== 0) {
  console.log('queue: skipped, redis-server is not installed (apt-get install redis-server)');
  process.exit(0);
}

mkdirSync(WORK, { recursive: true });
writeFileSync(join(WORK, '.preachrc.yaml'), 'root: true\nextends: [preach:recommended]\n');
const redisDir = mkdtempSync(join(tmpdir(), 'preach-bench-redis-'));
const redis = spawnSync('redis-server', ['--port', String(PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction', '--dir', redisDir, '--pidfile', join(redisDir, 'redis.pid'), '--daemonize', 'yes']);
if (redis.status !== 0) throw new Error(`redis-server did not start: ${redis.stderr}`);
const redisCli = (...args) => spawnSync('redis-cli', ['-p', String(PORT), ...args], { encoding: 'utf8' }).stdout.trim();
for (let i = 0; i < 50 && redisCli('ping') !== 'PONG'; i++) spawnSync('sleep', ['0.1']);
const usedMemory = () => Number(/used_memory:(\d+)/.exec(redisCli('info', 'memory'))[1]);
const peakMemory = () => Number(/used_memory_peak:(\d+)/.exec(redisCli('info', 'memory'))[1]);

/** Writes the source conversations again and again (ids made unique) up to `replies` agent replies. */
async function writeCorpus(path, conversations, replies) {
  const out = createWriteStream(path);
  let count = 0;
  let written = 0;
  for (let round = 0; written < replies; round++) {
    for (const conversation of conversations) {
      if (written >= replies) break;
      if (!out.write(`${JSON.stringify({ ...conversation, id: `${conversation.id}~${round}` })}\n`)) await new Promise((resolve) => out.once('drain', resolve));
      written += conversation.messages.filter((m) => m.role === 'agent').length;
      count++;
    }
  }
  await new Promise((resolve) => out.end(resolve));
  return { conversations: count, replies: written };
}

/** Runs the CLI; its wall time, and the CPU time of its main thread and threads (the producer's own cost on the queue). */
function run(args) {
  const cpuFile = join(WORK, 'cpu.txt');
  const hook = join(WORK, 'cpu-hook.mjs');
  writeFileSync(hook, `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); writeFileSync(${JSON.stringify(cpuFile)}, String((u.userCPUTime + u.systemCPUTime) / 1e6)); });\n`);
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, BIN, ...args], { cwd: WORK, encoding: 'utf8', env: { ...process.env, CI: '1' }, maxBuffer: 1 << 30 });
  if (child.status !== 0 && child.status !== 1) throw new Error(`preach ${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  return { seconds: (performance.now() - started) / 1000, cpu: Number(readFileSync(cpuFile, 'utf8')) };
}
const timed = (args) => run(args).seconds;

const running = new Set();

/** Starts `count` workers of one thread each and waits until each has scored a first shard (warm). */
async function startWorkers(count, warmPath) {
  const workers = Array.from({ length: count }, () => {
    const child = spawn(process.execPath, [BIN, 'worker', '--queue', URL, '--jobs', '1', '--concurrency', '2'], { cwd: WORK, stdio: ['ignore', 'pipe', 'inherit'] });
    child.lines = '';
    child.stdout.on('data', (chunk) => (child.lines += chunk));
    running.add(child);
    child.once('close', () => running.delete(child));
    return child;
  });
  // One tiny shard per worker warms each one's threads (config loaded, code compiled).
  for (let i = 0; i < count * 3 && !workers.every((w) => / shard /.test(w.lines)); i++) timed(['score', warmPath, '--queue', URL, '--shard-size', '1', '--format', 'json', '--output', '/dev/null']);
  return workers;
}

async function stopWorkers(workers) {
  await Promise.all(workers.map((w) => new Promise((resolve) => (w.once('close', resolve), w.kill('SIGTERM')))));
}

const stopRedis = () => {
  for (const child of running) child.kill('SIGKILL');
  spawnSync('redis-cli', ['-p', String(PORT), 'shutdown', 'nosave']);
  rmSync(redisDir, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (stopRedis(), process.exit(1)));

try {
  const { conversations, origin } = loadConversations();
  const corpusPath = join(WORK, 'queue-corpus.jsonl');
  const corpus = await writeCorpus(corpusPath, conversations, REPLIES);
  const warmPath = join(WORK, 'queue-warm.jsonl');
  await writeCorpus(warmPath, conversations.slice(0, 8), 4);
  console.log(`corpus: ${fmt(corpus.conversations)} conversations, ${fmt(corpus.replies)} agent replies, from ${origin}; ${JOBS} cores here`);

  // What a run costs before its first conversation (start-up, config), to leave out of CPU per reply.
  const emptyPath = join(ROOT, 'test', 'fixtures', 'transcripts', 'empty.jsonl');
  const baseline = run(['score', emptyPath, '--format', 'json', '--output', '/dev/null', '--jobs', '1']).cpu;
  const local = {};
  let scoringCpu = 0;
  for (const jobs of [...new Set([1, JOBS])]) {
    const { seconds, cpu } = run(['score', corpusPath, '--format', 'json', '--output', '/dev/null', '--jobs', String(jobs)]);
    local[jobs] = corpus.replies / seconds;
    if (jobs === 1) scoringCpu = cpu - baseline;
    console.log(`local  preach score --jobs ${jobs}: ${fmt(local[jobs])} replies/s (${fmt(seconds, 1)} s)`);
  }

  for (const count of [1, 2, 3]) {
    const workers = await startWorkers(count, warmPath);
    // The producer's own start (config bundled, Redis client loaded), to leave out of its CPU per reply.
    const producerBaseline = count === 1 ? run(['score', emptyPath, '--queue', URL, '--format', 'json', '--output', '/dev/null']).cpu : 0;
    const before = usedMemory();
    const { seconds, cpu } = run(['score', corpusPath, '--queue', URL, '--format', 'json', '--output', '/dev/null']);
    const rate = corpus.replies / seconds;
    console.log(`queue  ${count} ${count === 1 ? 'worker ' : 'workers'} (1 thread each): ${fmt(rate)} replies/s (${fmt(seconds, 1)} s); ${fmt((rate / local[1]) * 100)}% of local --jobs 1, ${fmt((rate / local[JOBS]) * 100)}% of local --jobs ${JOBS}`);
    if (count === 1) {
      console.log(`       Redis held at most ${fmt((peakMemory() - before) / 1024 / 1024, 1)} MB for the run: ${fmt((peakMemory() - before) / corpus.conversations / 1024, 1)} KB per conversation (its input and result, compressed, until the report is written)`);
      const producer = Math.max(0.001, cpu - producerBaseline);
      console.log(
        `       the producer (read, enqueue, collect, JSON report) used ${fmt(producer, 1)} CPU s past start-up, ${fmt((producer / corpus.replies) * 1e6)} µs per reply; a whole local run --jobs 1 used ${fmt(scoringCpu, 1)} s, so one producer keeps ${fmt(scoringCpu / producer, 1)} cores of workers busy (CPU times, which a busy machine changes less than wall times)`,
      );
    }
    await stopWorkers(workers);
  }

  // The cost of a shard: the same conversations in many small shards and in a few large ones.
  const small = join(WORK, 'queue-overhead.jsonl');
  const few = await writeCorpus(small, conversations, Math.min(2000, REPLIES));
  const workers = await startWorkers(1, warmPath);
  const sizes = { tiny: 5, large: 1000 };
  const tiny = timed(['score', small, '--queue', URL, '--shard-size', String(sizes.tiny), '--format', 'json', '--output', '/dev/null']);
  const large = timed(['score', small, '--queue', URL, '--shard-size', String(sizes.large), '--format', 'json', '--output', '/dev/null']);
  await stopWorkers(workers);
  const extraShards = Math.ceil(few.conversations / sizes.tiny) - Math.ceil(few.conversations / sizes.large);
  console.log(
    `overhead per shard: ${fmt(((tiny - large) / extraShards) * 1000, 1)} ms (${fmt(few.conversations)} conversations in shards of ${sizes.tiny}: ${fmt(tiny, 1)} s; of ${sizes.large}: ${fmt(large, 1)} s; one worker); a shard of 500 conversations of these takes some ${fmt((500 * few.replies) / few.conversations / local[1], 1)} s to score on one thread`,
  );
} finally {
  stopRedis();
}
