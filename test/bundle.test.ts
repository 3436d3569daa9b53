import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { THREAD_HEAP_MB } from '@preach/score';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { LspClient, pathUri } from './lsp-client.mjs';

/**
 * The command is one script (scripts/bundle.mjs) run from V8's code cache (bin/load-command.js,
 * scripts/code-cache.mjs): what keeps a short `preach lint` fast must hold for every build.
 */
describe('the command bundle', () => {
  const bundle = join(ROOT, 'packages', 'cli', 'bundle', 'preach.cjs');

  it('is read with the code cache the build made for it', async () => {
    const { loadCommand } = await import(join(ROOT, 'packages', 'cli', 'bin', 'load-command.js'));
    expect(loadCommand().cacheUsed).toBe(true);
  });

  it('is ASCII, which the loader reads as Latin-1', () => {
    expect(readFileSync(bundle).findIndex((byte) => byte > 0x7f)).toBe(-1);
  });

  it("gives preach score's threads their bundle with its code cache, under the pool's heap limit", async () => {
    const scoreThread = join(ROOT, 'packages', 'cli', 'bundle', 'score-thread.cjs');
    const source = readFileSync(scoreThread);
    expect(source.findIndex((byte) => byte > 0x7f)).toBe(-1);
    expect(source.toString('latin1').match(/[^\w$.]import\(.{0,40}/g)).toBeNull();
    const loader = pathToFileURL(join(ROOT, 'packages', 'cli', 'bin', 'load-command.js')).href;
    const thread = new Worker(
      `import { loadScoreThread } from ${JSON.stringify(loader)}; import { parentPort } from 'node:worker_threads'; const loaded = loadScoreThread(); parentPort.postMessage({ cacheUsed: loaded.cacheUsed, task: typeof loaded.exports.default });`,
      { eval: true, type: 'module', resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB } } as WorkerOptions,
    );
    const answer = await new Promise((resolve, reject) => thread.once('message', resolve).once('error', reject));
    await thread.terminate();
    expect(answer).toEqual({ cacheUsed: true, task: 'function' });
  });

  it('imports nothing itself, and loads the language server through the loader', async () => {
    const source = readFileSync(bundle, 'latin1');
    expect(source.match(/[^\w$.]import\(.{0,40}/g)).toBeNull();
    // `preach lsp` imports the language server's bundle: it answers, and says nothing on stderr.
    const dir = mkdtempSync(join(tmpdir(), 'preach-bundle-'));
    const client = await LspClient.start({ rootDir: dir });
    const uri = pathUri(join(dir, 'reply.md'));
    client.open(uri, 'Hi Sam,\n\nPlease reply with your password.\n');
    const diagnostics = await client.diagnostics(uri);
    await client.stop();
    expect(diagnostics.map((d: { code?: unknown }) => d.code)).toContain('asks-for-secret');
    expect(client.stderr.join('')).toBe('');
  });
});

describe('preach --version', () => {
  const version = JSON.parse(readFileSync(join(ROOT, 'packages', 'cli', 'package.json'), 'utf8')).version as string;
  const bin = join(ROOT, 'packages', 'cli', 'bin', 'preach.js');

  it('prints the package version from the entry file, as the full command does', async () => {
    for (const flag of ['--version', '-v']) {
      const run = spawnSync(process.execPath, [bin, flag], { encoding: 'utf8' });
      expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
    }
    // The same flag among others goes through commander, which must agree.
    const { loadCommand } = await import(join(ROOT, 'packages', 'cli', 'bin', 'load-command.js'));
    const { main } = loadCommand().exports;
    let out = '';
    const code = await main(['node', 'preach', '--version'], { stdout: { write: (s: string) => (out += s) } });
    expect({ code, out }).toEqual({ code: 0, out: `${version}\n` });
  });
});
