import { Transform, type TransformCallback } from 'node:stream';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection, type ResponseMessage } from 'vscode-languageserver/node.js';
import { startServer } from './server.js';

/** Longest header block read while looking for its end; longer is not an LSP header. */
const MAX_HEADER_BYTES = 8 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');

export interface RpcError {
  code: number;
  message: string;
}

/**
 * Sits between standard input and the JSON-RPC reader. Frames that are not LSP (a header without
 * a Content-Length, a body that is not JSON, JSON that is not a JSON-RPC message) are dropped and
 * reported through `onError`, so the client gets an error answer and the server keeps serving;
 * the JSON-RPC library alone would drop them silently. Good frames pass on unchanged.
 */
export class FrameFilter extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  /** Whether the client asked the server to shut down (the exit code depends on it). */
  sawShutdown = false;

  constructor(private readonly onError: (error: RpcError, id: number | string | null) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) {
        if (this.buffer.length > MAX_HEADER_BYTES) {
          this.buffer = Buffer.alloc(0);
          this.parseError(`no end of header within ${MAX_HEADER_BYTES} bytes`);
        }
        break;
      }
      const length = contentLength(this.buffer.subarray(0, headerEnd).toString('ascii'));
      if (typeof length === 'string') {
        this.buffer = this.buffer.subarray(headerEnd + HEADER_END.length);
        this.parseError(length);
        continue;
      }
      const bodyStart = headerEnd + HEADER_END.length;
      if (this.buffer.length < bodyStart + length) break;
      const body = this.buffer.subarray(bodyStart, bodyStart + length);
      this.buffer = this.buffer.subarray(bodyStart + length);
      this.pass(body);
    }
    done();
  }

  private pass(body: Buffer): void {
    let message: unknown;
    try {
      message = JSON.parse(body.toString('utf8'));
    } catch (error) {
      this.parseError(`the body is not JSON (${(error as Error).message})`);
      return;
    }
    const problem = notAMessage(message);
    if (problem) {
      const id = (message as { id?: unknown } | null)?.id;
      this.onError({ code: -32600, message: `Invalid Request: ${problem}` }, typeof id === 'number' || typeof id === 'string' ? id : null);
      return;
    }
    if ((message as { method?: unknown }).method === 'shutdown') this.sawShutdown = true;
    this.push(Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'));
    this.push(body);
  }

  private parseError(reason: string): void {
    this.onError({ code: -32700, message: `Parse error: ${reason}` }, null);
  }
}

/** The Content-Length of a header block, or why the block is not an LSP header. */
function contentLength(header: string): number | string {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `"${line.slice(0, 60)}" is not a header field (Name: value)`;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,15}$/.test(value)) return `Content-Length "${value.slice(0, 60)}" is not a number`;
    length = Number(value);
  }
  return length ?? 'the header has no Content-Length';
}

function notAMessage(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON-RPC message object';
  const message = value as Record<string, unknown>;
  if (message.jsonrpc !== '2.0') return 'jsonrpc must be "2.0"';
  if (typeof message.method === 'string') return undefined;
  if ('id' in message && ('result' in message || 'error' in message)) return undefined;
  return 'neither a request, a notification nor a response';
}

/**
 * A connection over standard input/output that answers unreadable input with JSON-RPC errors.
 * Nothing else may write to stdout while it runs: it carries the protocol.
 */
export function createStdioConnection(): Connection {
  const writer = new StreamMessageWriter(process.stdout);
  // Errors go through the connection's own writer, so they never land inside another message.
  const filter = new FrameFilter((error, id) => {
    const response: ResponseMessage = { jsonrpc: '2.0', id, error };
    writer.write(response).catch(() => undefined);
  });
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin.pipe(filter)), writer);
  // As the library does for a plain stdin: the client went away, so does the server.
  const exitWhenInputEnds = () => process.exit(filter.sawShutdown ? 0 : 1);
  process.stdin.on('end', exitWhenInputEnds);
  process.stdin.on('close', exitWhenInputEnds);
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = console.log;
  return connection;
}

/** Serves LSP over standard input/output and resolves when the client disconnects. */
export function runStdioServer(): Promise<void> {
  const connection = createStdioConnection();
  return new Promise((resolve) => {
    connection.onExit(() => resolve());
    startServer(connection);
  });
}
