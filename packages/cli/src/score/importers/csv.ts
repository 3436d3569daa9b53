import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { PreachInputError } from '@preach/core';
import { body, channelFrom, roleFrom, tagsFrom } from '../formats/common.js';
import type { Conversation, ImportedItem, RecordError } from '../types.js';
import type { ImportOptions } from './jsonl.js';

/** The columns of a one-row-per-message CSV, by the names the generic export uses. */
export const CSV_FIELDS = ['conversation_id', 'message_id', 'created_at', 'author_role', 'author_id', 'author_name', 'customer_name', 'channel', 'is_public', 'body', 'tags', 'agent_signature', 'situation'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
const REQUIRED: CsvField[] = ['conversation_id', 'author_role', 'body'];

/** Checks a field → column mapping from config or flags before any file is read. */
export function checkCsvMapping(mapping: Record<string, string>, where: string): void {
  for (const field of Object.keys(mapping)) {
    if (!(CSV_FIELDS as readonly string[]).includes(field)) {
      throw new PreachInputError({ file: where, key: field, message: `is not a CSV field preach reads`, hint: `Map one of: ${CSV_FIELDS.join(', ')}.` });
    }
  }
}

type Row = Record<string, string>;

interface Pending {
  conversation: Conversation;
  problem?: RecordError;
}

const FALSE_WORDS = /^(?:false|no|0|private|internal)$/i;

/**
 * One row per message, rows of a conversation next to each other (as help desks export them).
 * A row that cannot be read fails its conversation, which is listed under errors; the rest go on.
 */
export async function* importCsv(stream: Readable, options: ImportOptions & { columns: Record<string, string>; delimiter: string }): AsyncGenerator<ImportedItem> {
  const skipped: RecordError[] = [];
  const parser = stream.pipe(
    parse({
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim()),
      delimiter: options.delimiter,
      info: true,
      raw: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (error) skipped.push({ source: options.source, line: Number(error.lines) || 0, reason: `unreadable CSV row (${error.message})` });
        return undefined;
      },
    }),
  );
  let column: ((field: CsvField, row: Row) => string | undefined) | undefined;
  let current: Pending | undefined;

  for await (const { record, info, raw } of parser as AsyncIterable<{ record: Row; info: { lines: number }; raw: string }>) {
    for (const error of skipped.splice(0)) yield { error };
    column ??= columnReader(Object.keys(record), options);
    const line = info.lines - (raw.match(/\n/g)?.length ?? 0) + (raw.endsWith('\n') ? 1 : 0);
    const id = column('conversation_id', record)?.trim();
    if (!id) {
      if (current) yield finish(current);
      current = undefined;
      yield { error: { source: options.source, line, reason: 'row has no conversation id' } };
      continue;
    }
    if (current && current.conversation.id !== id) {
      yield finish(current);
      current = undefined;
    }
    current ??= { conversation: { id, source: options.source, line, tags: [], messages: [] } };
    addRow(current, record, line, column, options.source);
  }
  for (const error of skipped.splice(0)) yield { error };
  if (current) yield finish(current);
}

function finish(pending: Pending): ImportedItem {
  return pending.problem ? { error: pending.problem } : { conversation: pending.conversation };
}

function addRow(pending: Pending, row: Row, line: number, column: (field: CsvField, row: Row) => string | undefined, source: string): void {
  const { conversation } = pending;
  const roleText = column('author_role', row) ?? '';
  const isPublic = column('is_public', row);
  const role = isPublic !== undefined && FALSE_WORDS.test(isPublic.trim()) ? 'note' : roleFrom(roleText);
  if (!role) {
    pending.problem ??= { source, line, id: conversation.id, reason: `unknown author_role "${roleText}" (use customer, agent, note or system)` };
    return;
  }
  const channelName = column('channel', row);
  if (channelName && !conversation.channelName) {
    conversation.channelName = channelName;
    conversation.channel = channelFrom(channelName);
  }
  const customerName = column('customer_name', row);
  if (customerName && !conversation.customerName) conversation.customerName = customerName;
  const situation = column('situation', row);
  if (situation && !conversation.situation) conversation.situation = situation;
  for (const tag of tagsFrom(column('tags', row) ?? '')) if (!conversation.tags.includes(tag)) conversation.tags.push(tag);
  conversation.messages.push({
    role,
    ...body(column('body', row) ?? '', undefined),
    authorId: column('author_id', row),
    authorName: column('author_name', row),
    signature: column('agent_signature', row),
    timestamp: column('created_at', row),
  });
}

/** Maps fields to header columns (case-insensitive), failing early when a needed one is missing. */
function columnReader(header: string[], options: ImportOptions & { columns: Record<string, string> }): (field: CsvField, row: Row) => string | undefined {
  const byLowerName = new Map(header.map((name) => [name.toLowerCase(), name]));
  const resolved = new Map<CsvField, string>();
  for (const field of CSV_FIELDS) {
    const wanted = options.columns[field] ?? field;
    const name = byLowerName.get(wanted.toLowerCase());
    if (name) resolved.set(field, name);
    else if (REQUIRED.includes(field)) {
      throw new PreachInputError({
        file: options.source,
        line: 1,
        message: `the CSV has no "${wanted}" column (for ${field}); its columns are: ${header.join(', ')}`,
        hint: `Map it with --csv-column ${field}=COLUMN, or under csv: in .preachrc.yaml (${field}: COLUMN).`,
      });
    }
  }
  return (field, row) => {
    const name = resolved.get(field);
    const value = name === undefined ? undefined : row[name];
    return value === undefined || value === '' ? undefined : value;
  };
}
