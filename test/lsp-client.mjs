/**
 * A small LSP client for tests and benchmarks: starts the real server (`preach lsp --stdio`)
 * and talks JSON-RPC to it over its standard input/output, as an editor would.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';
import { HANG_GUARD_MS } from './helpers/hang-guard.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PREACH_BIN = join(ROOT, 'packages', 'cli', 'bin', 'preach.js');

export class LspClient {
  /** @type {Array<{ uri: string, version?: number, diagnostics: any[], at: number }>} */
  published = [];
  /** @type {Array<{ method: string, params: any, at: number }>} */
  notifications = [];
  /** @type {string[]} */
  stderr = [];
  /** Workspace edits the server asked the editor to apply. */
  appliedEdits = [];
  /** What the client answers to workspace/configuration. */
  settings = null;
  #versions = new Map();
  #texts = new Map();
  #waiters = [];

  constructor(connection, child) {
    this.connection = connection;
    this.process = child;
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      this.published.push({ ...params, at: performance.now() });
      this.#wake();
    });
    connection.onNotification((method, params) => {
      this.notifications.push({ method, params, at: performance.now() });
      this.#wake();
    });
    // The server asks for these; answer as a simple editor would.
    connection.onRequest('workspace/applyEdit', (params) => {
      this.appliedEdits.push(params.edit);
      return { applied: true };
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', (params) => params.items.map(() => this.settings));
  }

  /** Starts `preach lsp --stdio` (or `command`) in `rootDir` and initializes it. */
  static async start(options) {
    const [command, ...args] = options.command ?? [process.execPath, PREACH_BIN, 'lsp', '--stdio'];
    const child = spawn(command, args, { cwd: options.rootDir, stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(connection, child);
    child.stderr.on('data', (chunk) => client.stderr.push(String(chunk)));
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathUri(options.rootDir),
      workspaceFolders: [{ uri: pathUri(options.rootDir), name: 'ws' }],
      capabilities: options.capabilities ?? { textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  open(uri, text, languageId = 'markdown') {
    this.#versions.set(uri, 1);
    this.#texts.set(uri, text);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (one full-content change). Returns the new version. */
  replace(uri, text) {
    const version = (this.#versions.get(uri) ?? 0) + 1;
    this.#versions.set(uri, version);
    this.#texts.set(uri, text);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** An incremental edit: replaces text between two offsets. Returns the new version. */
  edit(uri, start, end, newText) {
    const text = this.#texts.get(uri);
    const version = (this.#versions.get(uri) ?? 0) + 1;
    this.#versions.set(uri, version);
    this.#texts.set(uri, text.slice(0, start) + newText + text.slice(end));
    const range = { start: positionAt(text, start), end: positionAt(text, end) };
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
    return version;
  }

  close(uri) {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  textOf(uri) {
    return this.#texts.get(uri);
  }

  versionOf(uri) {
    return this.#versions.get(uri);
  }

  /** Waits for a publishDiagnostics for `uri` (after index `since`) that satisfies `accept`. */
  async diagnostics(uri, options = {}) {
    const found = await this.#waitFor(
      () => this.published.slice(options.since ?? 0).find((p) => p.uri === uri && (options.version === undefined || p.version === options.version) && (options.accept?.(p.diagnostics) ?? true)),
      options.timeoutMs ?? HANG_GUARD_MS,
      `diagnostics for ${uri}${options.version !== undefined ? ` v${options.version}` : ''}`,
    );
    return found.diagnostics;
  }

  async notification(method, accept = () => true, since = 0, timeoutMs = HANG_GUARD_MS) {
    const found = await this.#waitFor(() => this.notifications.slice(since).find((n) => n.method === method && accept(n.params)), timeoutMs, method);
    return found.params;
  }

  request(method, params) {
    return this.connection.sendRequest(method, params);
  }

  notify(method, params) {
    void this.connection.sendNotification(method, params);
  }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      void this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise((resolve) => {
      if (this.process.exitCode !== null) return resolve(undefined);
      const timer = setTimeout(() => {
        this.process.kill();
        resolve(undefined);
      }, 3000);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    });
    this.connection.dispose();
  }

  #wake() {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) waiter();
  }

  async #waitFor(find, timeoutMs, what) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}${this.stderr.length ? `; server stderr: ${this.stderr.join('').slice(-2000)}` : ''}`);
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

export function pathUri(path) {
  return new URL(`file://${path}`).href;
}

export function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function offsetAt(text, position) {
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + position.character;
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text, edits) {
  const sorted = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
