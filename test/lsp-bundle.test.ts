import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LspClient, pathUri, ROOT } from './lsp-client.mjs';

// The VS Code extension runs the bundled server with no node_modules around it: copy the
// bundles somewhere else and speak LSP to them there.

let dir: string;
beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'extension', 'scripts', 'build.mjs')], { stdio: 'ignore' });
  dir = mkdtempSync(join(tmpdir(), 'preach-bundle-'));
  for (const name of ['server.cjs', 'worker.cjs', 'extension.cjs', 'writing-checker-worker.cjs', 'harper_wasm_slim_bg.wasm']) copyFileSync(join(ROOT, 'extension', 'dist', name), join(dir, name));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the bundled server checks drafts with no node_modules in reach', async () => {
  const workspace = join(dir, 'ws');
  mkdirSync(workspace);
  writeFileSync(join(workspace, '.preachrc.yaml'), 'extends: preach:recommended\nrules:\n  formal-word: warning\n  spelling: warning\n');
  const client = await LspClient.start({ rootDir: workspace, command: [process.execPath, join(dir, 'server.cjs'), '--stdio'] });
  try {
    const uri = pathUri(join(workspace, 'draft.reply.md'));
    client.open(uri, 'Please utilize the billing page.', 'preach-reply');
    const diagnostics = await client.diagnostics(uri, { accept: (d: any[]) => d.length > 0 });
    expect(diagnostics.find((d: any) => d.code === 'formal-word')).toMatchObject({ severity: 2, source: 'preach' });
    // Whether "Will" is the customer's name or a verb is compromise's call: it is in the bundle
    // too, loaded on first use.
    const named = pathUri(join(workspace, 'will.reply.md'));
    client.open(named, '---\ncustomer_name: Will\n---\nThanks for waiting. Will you try the link again?\n', 'preach-reply');
    const missing = await client.diagnostics(named, { accept: (d: any[]) => d.length > 0 });
    expect(missing.map((d: any) => `${d.code}: ${d.message}`)).toContain("name-missing: The reply never uses Will's name; use it once, in the greeting or the first line.");
    // The spelling checker's thread and its WebAssembly file sit next to the server.
    const typo = pathUri(join(workspace, 'typo.reply.md'));
    client.open(typo, 'We recieved your refund request this morning.', 'preach-reply');
    const spelling = await client.diagnostics(typo, { accept: (d: any[]) => d.some((x: any) => x.code === 'spelling') });
    expect(spelling.find((d: any) => d.code === 'spelling')).toMatchObject({ message: '"recieved" looks misspelled; did you mean "received"?' });
  } finally {
    await client.stop();
  }
});

test('the extension bundle needs only the vscode module from its host', () => {
  const bundle = readFileSync(join(dir, 'extension.cjs'), 'utf8');
  const required = new Set([...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!).filter((name) => !name.startsWith('node:')));
  const builtins = new Set(['child_process', 'crypto', 'fs', 'net', 'os', 'path', 'url', 'util', 'events', 'stream', 'assert', 'buffer', 'tty']);
  expect([...required].filter((name) => !builtins.has(name))).toEqual(['vscode']);
});
