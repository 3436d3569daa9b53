import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { pathToFileURL } from 'node:url';
import { HANG_GUARD_MS } from './hang-guard.mjs';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const PREACH_BIN = join(ROOT, 'packages', 'cli', 'bin', 'preach.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  input?: string | Buffer;
  env?: Record<string, string>;
  uid?: number;
  gid?: number;
  /**
   * Start a `preach` process, as a shell would: for what only a process shows (another user,
   * signals, output to a closed pipe, a team's code pack imported into a fresh process).
   */
  process?: boolean;
}

/**
 * Runs `preach` with these arguments and collects its output. By default the command runs in
 * this test process, through the same bundle and `main` the binary runs (bin/preach.js): starting
 * Node and loading the bundle for each of some two hundred runs was half the suite's CPU time. It
 * runs in the arguments' folder, with their environment and standard input, one run at a time.
 * `process: true` (and another user's uid) starts the real binary instead.
 */
export function runPreach(args: string[], options: RunOptions = {}): Promise<CliRun> {
  if (options.process || options.uid !== undefined || options.gid !== undefined) return runPreachProcess(args, options);
  const run = inProcessQueue.then(() => runInProcess(args, options));
  inProcessQueue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

let inProcessQueue: Promise<unknown> = Promise.resolve();
let command: { main(argv: string[], io: object): Promise<number> } | undefined;

async function runInProcess(args: string[], options: RunOptions): Promise<CliRun> {
  command ??= (await import(pathToFileURL(join(ROOT, 'packages', 'cli', 'bin', 'load-command.js')).href)).loadCommand().exports;
  const cwd = options.cwd ?? ROOT;
  const env: Record<string, string> = { NO_COLOR: '1', FORCE_COLOR: '0', ...options.env };
  const saved = new Map(Object.keys(env).map((key) => [key, process.env[key]]));
  const before = process.cwd();
  const stdout = collector();
  const stderr = collector();
  process.chdir(cwd);
  Object.assign(process.env, env);
  try {
    const code = await command!.main(['node', PREACH_BIN, ...args], { stdout: stdout.stream, stderr: stderr.stream, stdin: Readable.from([Buffer.from(options.input ?? '')]), cwd });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } catch (error) {
    // What would reach a user as Node's own crash report, as the process would end.
    return { code: 1, stdout: stdout.text(), stderr: `${stderr.text()}${(error as Error)?.stack ?? String(error)}\n` };
  } finally {
    process.chdir(before);
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function collector(): { stream: Writable; text(): string } {
  const decoder = new StringDecoder('utf8');
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += typeof chunk === 'string' ? chunk : decoder.write(chunk);
      done();
    },
  });
  return { stream, text: () => text + decoder.end() };
}

/** Runs the real `preach` binary, as a user would, and collects its output. */
export function runPreachProcess(args: string[], options: RunOptions = {}): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [PREACH_BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      uid: options.uid,
      gid: options.gid,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`preach ${args.join(' ')} seems hung: it did not finish within ${HANG_GUARD_MS / 1000} s`));
    }, HANG_GUARD_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A scratch folder removed after the test. */
export function scratchDir(prefix = 'preach-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a file under `dir`, making its folders; returns the full path. */
export function writeUnder(dir: string, path: string, content: string | Buffer): string {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  return full;
}
