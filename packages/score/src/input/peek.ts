import { Readable } from 'node:stream';

/** How much of an input to look at before deciding its format. */
const HEAD_BYTES = 64 * 1024;
/** A first JSONL line can be long; read on (up to this) to see where it ends. */
const FIRST_LINE_LIMIT = 4 * 1024 * 1024;

export interface Peeked {
  /** The first bytes of the input, as text. */
  head: string;
  /** The whole input again, head included. */
  stream: Readable;
}

/**
 * Reads the beginning of a stream to detect its format, then hands back an equivalent stream.
 * `onBytes` sees every chunk as it is consumed, for progress.
 */
export async function peek(input: NodeJS.ReadableStream, onBytes: (bytes: number) => void = () => {}): Promise<Peeked> {
  const iterator = (input as Readable)[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const chunks: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < FIRST_LINE_LIMIT) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    chunks.push(chunk);
    size += chunk.length;
    if (size >= HEAD_BYTES && hasLineAfterContent(chunks)) break;
  }
  const head = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
  async function* replay(): AsyncGenerator<Buffer> {
    for (const chunk of chunks) {
      onBytes(chunk.length);
      yield chunk;
    }
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      onBytes(chunk.length);
      yield chunk;
    }
  }
  return { head, stream: Readable.from(replay(), { objectMode: false }) };
}

function hasLineAfterContent(chunks: Buffer[]): boolean {
  const text = Buffer.concat(chunks).toString('utf8').trimStart();
  return text.includes('\n');
}
