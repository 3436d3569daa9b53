import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { ImportedItem } from '../types.js';
import type { RecordReader } from './records.js';

/** One record per line. A bad line becomes an error item; the next line is read as usual. */
export async function* importJsonl(stream: Readable, reader: RecordReader, source: string): AsyncGenerator<ImportedItem> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  for await (let text of lines) {
    line++;
    if (line === 1) text = text.replace(/^\uFEFF/, '');
    if (!text.trim()) continue;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      yield { error: { source, line, reason: `invalid JSON (${(error as Error).message})` } };
      continue;
    }
    yield* reader.accept(record, line);
  }
  yield* reader.finish();
}
