import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { scratchDir } from '../helpers/cli.js';
import { LspClient, PREACH_BIN, pathUri } from '../lsp-client.mjs';

/**
 * Bad input to the language server gets a JSON-RPC error and the server keeps serving: an
 * unparsable header or body (-32700, Parse error), and bad `preach/setContext` parameters
 * (-32602, Invalid params). Bytes are written to the real server's standard input by hand.
 */

interface RpcMessage {
  id?: number | string | null;
  method?: string;
  result?: unknown;
  error?: { code: number; message: string };
}

/** The server over raw stdio: frames are written as given, replies are parsed from stdout. */
class RawServer {
  readonly messages: RpcMessage[] = [];
  private pending = Buffer.alloc(0);
  private waiters: Array<() => void> = [];
  stderr = '';

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => {
      this.pending = Buffer.concat([this.pending, chunk]);
      for (;;) {
        const headerEnd = this.pending.indexOf('\r\n\r\n');
        if (headerEnd < 0) break;
        const length = Number(/Content-Length: (\d+)/i.exec(this.pending.subarray(0, headerEnd).toString('ascii'))?.[1]);
        if (this.pending.length < headerEnd + 4 + length) break;
        this.messages.push(JSON.parse(this.pending.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')));
        this.pending = this.pending.subarray(headerEnd + 4 + length);
      }
      for (const wake of this.waiters.splice(0)) wake();
    });
    child.stderr.on('data', (chunk) => (this.stderr += chunk));
    child.on('exit', () => {
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  writeRaw(bytes: string): void {
    this.child.stdin.write(bytes);
  }

  send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.writeRaw(`Content-Length: ${body.length}\r\n\r\n${body.toString('utf8')}`);
  }

  /** The first message after index `since` that `accept` takes (the server either answers or the test times out). */
  async next(accept: (message: RpcMessage) => boolean, since = 0): Promise<RpcMessage> {
    for (;;) {
      const found = this.messages.slice(since).find(accept);
      if (found) return found;
      if (this.child.exitCode !== null) throw new Error(`the server exited (${this.child.exitCode}): ${this.stderr}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}

let dir: string;
let cleanup: () => void;
let server: RawServer;

beforeAll(async () => {
  ({ dir, cleanup } = scratchDir('preach-lsp-bad-input-'));
  writeFileSync(join(dir, '.preachrc.yaml'), 'extends: preach:recommended\n');
  server = new RawServer(spawn(process.execPath, [PREACH_BIN, 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] }));
  server.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: pathUri(dir), capabilities: {} } });
  await server.next((m) => m.id === 1);
  server.send({ method: 'initialized', params: {} });
});

afterAll(async () => {
  server.send({ id: 'bye', method: 'shutdown' });
  await server.next((m) => m.id === 'bye');
  server.send({ method: 'exit' });
  if (server.child.exitCode === null) await new Promise((resolve) => server.child.once('exit', resolve));
  cleanup();
});

const parseError = (m: RpcMessage) => m.id === null && m.error?.code === -32700;

test('an unparsable body gets a parse error, and the next request is answered', async () => {
  const since = server.messages.length;
  server.writeRaw('Content-Length: 9\r\n\r\n{not json');
  const error = await server.next(parseError, since);
  expect(error.error!.message).toMatch(/parse error/i);
  server.send({ id: 2, method: 'preach/rules', params: { uri: pathUri(join(dir, 'a.md')) } });
  const answer = await server.next((m) => m.id === 2, since);
  expect(Array.isArray(answer.result)).toBe(true);
});

test('an unparsable header gets a parse error, and the next request is answered', async () => {
  let since = server.messages.length;
  server.writeRaw('this is not a header\r\n\r\n');
  await server.next(parseError, since);
  server.send({ id: 3, method: 'preach/rules', params: { uri: pathUri(join(dir, 'a.md')) } });
  expect(Array.isArray((await server.next((m) => m.id === 3, since)).result)).toBe(true);

  since = server.messages.length;
  server.writeRaw('Content-Length: lots\r\n\r\n');
  await server.next(parseError, since);
  server.writeRaw('Content-Type: application/json\r\n\r\n');
  await server.next(parseError, server.messages.findIndex((m, i) => i >= since && parseError(m)) + 1);
  server.send({ id: 4, method: 'preach/rules', params: { uri: pathUri(join(dir, 'a.md')) } });
  expect(Array.isArray((await server.next((m) => m.id === 4, since)).result)).toBe(true);
});

test('bad preach/setContext parameters get an InvalidParams error, and the server keeps serving', async () => {
  const client = await LspClient.start({ rootDir: dir });
  try {
    const uri = pathUri(join(dir, 'draft.md'));
    client.open(uri, 'Hi there,\n\nPlease utilize the form.\n');
    await client.diagnostics(uri, { accept: (d: unknown[]) => d.length > 0 });
    for (const params of [
      undefined,
      { uri },
      { uri: 42, context: {} },
      { uri, context: { channel: 'fax' } },
      { uri, context: { customerName: { first: 'Priya' } } },
      { uri, context: { tags: 'vip' } },
      { uri, context: { mood: 'sunny' } },
    ]) {
      await expect(client.request('preach/setContext', params), JSON.stringify(params)).rejects.toMatchObject({ code: -32602 });
    }
    const bad = await client.request('preach/setContext', { uri, context: { channel: 'fax' } }).catch((error: Error) => error);
    expect((bad as Error).message).toContain('context.channel');

    const set = await client.request('preach/setContext', { uri, context: { customerName: 'Priya Raman', channel: 'email', tags: null } });
    expect(set.context).toMatchObject({ customerName: 'Priya Raman', channel: 'email' });
    const score = await client.notification('preach/score', (p: { uri: string; context: { customerName?: string } }) => p.uri === uri && p.context.customerName === 'Priya Raman');
    expect(score.context.channel).toBe('email');
  } finally {
    await client.stop();
  }
});
