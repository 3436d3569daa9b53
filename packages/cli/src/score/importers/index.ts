import { PreachInputError } from '@preach/core';
import type { Readable } from 'node:stream';
import type { RecordShape } from '../formats/index.js';
import type { ImportedItem, InputFormat } from '../types.js';
import { importCsv } from './csv.js';
import { detectContainer, detectDelimiter, type Container } from './detect.js';
import { importJsonDocument } from './json-document.js';
import { importJsonl } from './jsonl.js';
import { peek } from './peek.js';

export interface InputRead {
  /** How the records are laid out (JSONL, a JSON document, CSV). */
  container: Container;
  /** The help desks the records came from, as far as read. */
  shapes: Set<RecordShape | 'csv'>;
  items: AsyncGenerator<ImportedItem>;
}

export interface OpenOptions {
  source: string;
  path?: string;
  format?: InputFormat;
  csvColumns: Record<string, string>;
  onBytes?: (bytes: number) => void;
}

const CONTAINER_OF: Partial<Record<InputFormat, Container>> = { jsonl: 'jsonl', json: 'json', csv: 'csv' };

/** Opens one transcript input, detects how it is laid out, and streams its conversations. */
export async function readTranscripts(input: NodeJS.ReadableStream, options: OpenOptions): Promise<InputRead> {
  const { head, stream } = await peek(input, options.onBytes);
  const container = (options.format && CONTAINER_OF[options.format]) ?? detectContainer(head, options.source);
  if (!container) {
    stream.destroy();
    throw new PreachInputError({
      file: options.source,
      line: 1,
      message: 'cannot tell the format of this file (not JSONL, JSON or CSV)',
      hint: 'Pass --input-format jsonl|json|zendesk|intercom|freshdesk|helpscout|csv.',
    });
  }
  const shapes = new Set<RecordShape | 'csv'>();
  const importOptions = { source: options.source, format: options.format, onShape: (shape: RecordShape) => shapes.add(shape) };
  let items: AsyncGenerator<ImportedItem>;
  if (container === 'csv') {
    shapes.add('csv');
    items = importCsv(stream as Readable, { ...importOptions, columns: options.csvColumns, delimiter: detectDelimiter(head) });
  } else if (container === 'jsonl') items = importJsonl(stream as Readable, importOptions);
  else items = importJsonDocument(stream as Readable, { ...importOptions, path: options.path });
  return { container, shapes, items };
}
