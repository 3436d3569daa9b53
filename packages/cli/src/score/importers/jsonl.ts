import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { RecordProblem, toConversation, type People, type RecordPlace, type RecordShape } from '../formats/index.js';
import type { ImportedItem, InputFormat } from '../types.js';

export interface ImportOptions {
  source: string;
  /** Forces a record shape instead of guessing per record. */
  format?: InputFormat;
  /** Called with each record's shape, so the report can say what was read. */
  onShape?: (shape: RecordShape) => void;
}

/** One conversation per line. A bad line becomes an error item; the next line is read as usual. */
export async function* importJsonl(stream: Readable, options: ImportOptions): AsyncGenerator<ImportedItem> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const people: People = new Map();
  let line = 0;
  for await (let text of lines) {
    line++;
    if (line === 1) text = text.replace(/^\uFEFF/, '');
    if (!text.trim()) continue;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      yield { error: { source: options.source, line, reason: `invalid JSON (${(error as Error).message})` } };
      continue;
    }
    yield recordItem(record, { source: options.source, line }, people, options);
  }
}

/** A parsed record as a conversation, or as an error naming where it was and what is wrong. */
export function recordItem(record: unknown, place: RecordPlace, people: People, options: ImportOptions): ImportedItem {
  try {
    const { conversation, shape } = toConversation(record, place, people, options.format);
    options.onShape?.(shape);
    return { conversation };
  } catch (error) {
    if (!(error instanceof RecordProblem)) throw error;
    const id = error.id ?? (typeof record === 'object' && record && 'id' in record ? String((record as { id: unknown }).id) : undefined);
    return { error: { source: place.source, line: place.line, ...(id ? { id } : {}), reason: error.message } };
  }
}
