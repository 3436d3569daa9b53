import { PreachInputError } from '@preach/core';
import type { Readable } from 'node:stream';
import { CSV_FORMAT, importCsv } from '../importers/csv.js';
import { INPUT_FORMATS } from '../importers/registry.js';
import type { ImportedItem, InputFormat } from '../types.js';
import { detectContainer, detectDelimiter, type Container } from './detect.js';
import { decodeItems } from './entities.js';
import { importJsonDocument } from './json-document.js';
import { importJsonl } from './jsonl.js';
import { peek } from './peek.js';
import { RecordReader } from './records.js';

export interface InputRead {
  /** How the records are laid out (JSONL, a JSON document, CSV). */
  container: Container;
  /** The formats the records were read as, as far as read. */
  formats: ReadonlySet<string>;
  /** What importers had to assume, with how many conversations each time; complete once `items` is. */
  notices: ReadonlyMap<string, number>;
  items: AsyncGenerator<ImportedItem>;
}

export interface OpenOptions {
  source: string;
  path?: string;
  format?: InputFormat;
  csvColumns: Record<string, string>;
  onBytes?: (bytes: number) => void;
  /** Pieces of conversations kept in memory before they go to a temporary file (tests make it small). */
  memoryBytes?: number;
}

const CONTAINER_OF: Partial<Record<InputFormat, Container>> = { jsonl: 'jsonl', json: 'json', [CSV_FORMAT.name]: 'csv' };

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
      hint: `Pass --input-format ${INPUT_FORMATS.join('|')}.`,
    });
  }
  const importer = options.format && !CONTAINER_OF[options.format] ? options.format : undefined;
  const reader = new RecordReader({ source: options.source, format: importer, memoryBytes: options.memoryBytes });
  let items: AsyncGenerator<ImportedItem>;
  if (container === 'csv') {
    reader.formats.add(CSV_FORMAT.name);
    items = importCsv(stream as Readable, { source: options.source, columns: options.csvColumns, delimiter: detectDelimiter(head), memoryBytes: options.memoryBytes, notice: (text) => reader.noticeInput(text) });
  } else if (container === 'jsonl') items = importJsonl(stream as Readable, reader, options.source);
  else items = importJsonDocument(stream as Readable, reader, { source: options.source, path: options.path });
  // One place for every importer: the text the rules read has its HTML entities decoded.
  return { container, formats: reader.formats, notices: reader.notices, items: decodeItems(items) };
}
