import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { PreachInputError } from '@preach/core';
import { Grouper } from '../input/group.js';
import type { Conversation, ImportedItem, RecordError } from '../types.js';
import { body, channelFrom, chronological, languageProblem, roleFrom, tagsFrom } from './common.js';

/** The columns of a one-row-per-message CSV, by the names the generic export uses. */
export const CSV_FIELDS = ['conversation_id', 'message_id', 'created_at', 'author_role', 'author_id', 'author_name', 'customer_name', 'channel', 'language', 'is_public', 'body', 'tags', 'agent_signature', 'situation', 'group', 'brand', 'rating'] as const;
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

/** The CSV format, described like the record importers (see registry.ts). */
export const CSV_FORMAT = {
  name: 'csv',
  title: 'CSV (or TSV) with one row per message: conversation_id, author_role and body columns at least (map others with --csv-column or csv: in config); rows are gathered by conversation_id in any order',
};

type Row = Record<string, string>;
/** A row as kept until its conversation is read whole: the fields preach reads, by field name. */
type StoredRow = Partial<Record<CsvField, string>>;

interface Pending {
  conversation: Conversation;
  problem?: RecordError;
}

const FALSE_WORDS = /^(?:false|no|0|private|internal)$/i;

export interface CsvOptions {
  source: string;
  columns: Record<string, string>;
  delimiter: string;
  /** Rows kept in memory before they go to a temporary file (see Grouper). */
  memoryBytes?: number;
  notice?: (text: string) => void;
}

/**
 * One row per message. Rows are gathered by conversation id whatever their order (an export
 * sorted by time interleaves conversations), through a temporary file past a memory bound, and
 * each conversation is read once the whole file is. A row that cannot be read fails its
 * conversation, which is listed under errors; the rest go on.
 */
export async function* importCsv(stream: Readable, options: CsvOptions): AsyncGenerator<ImportedItem> {
  const grouper = new Grouper(options.memoryBytes);
  try {
    yield* readRows(stream, options, grouper);
  } finally {
    grouper.dispose();
  }
}

async function* readRows(stream: Readable, options: CsvOptions, grouper: Grouper): AsyncGenerator<ImportedItem> {
  const lines = new LineCounter();
  // csv-parse reports skipped rows as it reads, ahead of the records still on their way here;
  // their lines are worked out when the records before them have been counted.
  const skipped: Array<{ parsedLines: number; reason: string }> = [];
  const skippedErrors = () => skipped.splice(0).map(({ parsedLines, reason }): ImportedItem => ({ error: { source: options.source, line: lines.at(parsedLines), reason } }));
  let quoteError: { parsedLines: number; raw: string } | undefined;
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
        if (!error) return undefined;
        const raw = (error as { raw?: string }).raw ?? '';
        if (error.code === 'CSV_QUOTE_NOT_CLOSED') quoteError = { parsedLines: Number(error.lines) || 0, raw };
        else skipped.push({ parsedLines: Number(error.lines) || 0, reason: `unreadable CSV row (${error.message})` });
        return undefined;
      },
    }),
  );
  let header: string[] | undefined;
  let column: ((field: CsvField, row: Row) => string | undefined) | undefined;

  for await (const { record, info, raw } of parser as AsyncIterable<{ record: Row; info: { lines: number }; raw: string }>) {
    yield* skippedErrors();
    header ??= Object.keys(record);
    column ??= columnReader(header, options);
    const line = lines.record(info.lines, raw);
    const id = column('conversation_id', record)?.trim();
    if (!id) {
      yield { error: { source: options.source, line, reason: 'row has no conversation id' } };
      continue;
    }
    const stored: StoredRow = {};
    for (const field of CSV_FIELDS) {
      const value = column(field, record);
      if (value !== undefined) stored[field] = value;
    }
    grouper.add(id, line, stored);
  }
  yield* skippedErrors();
  if (grouper.interleaved) {
    options.notice?.(`rows of ${grouper.interleaved === 1 ? 'a conversation were' : `${grouper.interleaved} conversations were`} spread through the file (sorted by time, say); each conversation was gathered by its conversation_id`);
  }
  const unclosed: UnclosedQuote | undefined = quoteError && { raw: quoteError.raw, line: lines.quoteStart(quoteError.parsedLines, quoteError.raw) };
  // A quote that never closes makes the rest of the file one field: every conversation in it is lost.
  const swallowed = unclosed ? conversationsIn(unclosed, header, options) : [];
  const first = swallowed[0];
  const ids = swallowed.map((c) => c.id ?? '(no id)').join(', ');
  const end = unclosed ? unclosed.line + unclosed.raw.replace(/(?:\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/).length - 1 : 0;
  const reason = `unterminated quote: the quote opened on line ${unclosed?.line} never closes, so the rest of the file (lines ${unclosed?.line}-${end}) was read as one field and ${swallowed.length === 1 ? 'conversation' : 'conversations'} ${ids} ${swallowed.length === 1 ? 'was' : 'were'} not scored; close the quote (write "" for a quote inside a field)`;
  const why = (index: number) => (index === 0 ? reason : `swallowed by the unterminated quote on line ${unclosed!.line}${first?.id ? ` (conversation ${first.id})` : ''}`);
  // A conversation with rows before the quote lost the rows after it: it fails as a whole.
  const lost = new Map(swallowed.flatMap((c, index) => (c.id ? [[c.id, { ...c, index }] as const] : [])));
  const reported = new Set<number>();
  for (const group of grouper.groups()) {
    const pending: Pending = { conversation: { id: group.key, source: options.source, line: group.line, tags: [], messages: [] } };
    for (const entry of group.entries) addRow(pending, entry.value as StoredRow, entry.line, options.source);
    const swallowedHere = lost.get(group.key);
    if (swallowedHere) {
      reported.add(swallowedHere.index);
      pending.problem = { source: options.source, line: swallowedHere.line, id: group.key, reason: why(swallowedHere.index) };
    }
    pending.conversation.messages = chronological(pending.conversation.messages);
    yield finish(pending);
  }
  for (const [index, conversation] of swallowed.entries()) {
    if (reported.has(index)) continue;
    yield { error: { source: options.source, line: conversation.line, ...(conversation.id ? { id: conversation.id } : {}), reason: why(index) } };
  }
}

interface UnclosedQuote {
  /** The text from the row whose quote never closes to the end of the file. */
  raw: string;
  /** The line that row starts on. */
  line: number;
}

/** The conversations whose rows an unclosed quote swallowed, each with the line it starts on. */
function conversationsIn(unclosed: UnclosedQuote, header: string[] | undefined, options: { columns: Record<string, string>; delimiter: string }): Array<{ id?: string; line: number }> {
  const wanted = (options.columns.conversation_id ?? 'conversation_id').toLowerCase();
  const index = Math.max(0, header?.findIndex((name) => name.toLowerCase() === wanted) ?? 0);
  const found: Array<{ id?: string; line: number }> = [];
  unclosed.raw
    .replace(/(?:\r\n|\r|\n)$/, '')
    .split(/\r\n|\r|\n/)
    .forEach((text, offset) => {
      // Quotes are off here: the first line holds the quote that never closes.
      const [fields] = parseSync(text, { delimiter: options.delimiter, quote: false, relax_column_count: true }) as string[][];
      // A line with fewer fields than the header is the inside of a field, not a row of its own.
      if (!fields || (header && fields.length < header.length)) return;
      const id = fields[index]?.trim().replace(/^"(.*)"$/, '$1') || undefined;
      if (found.length === 0 || (id !== undefined && found[found.length - 1]!.id !== id && !found.some((c) => c.id === id))) found.push({ id, line: unclosed.line + offset });
    });
  return found;
}

/**
 * Line numbers of records as people count them. csv-parse counts a CR LF inside a quoted field as
 * two lines, so with Windows line endings its count runs ahead by one for each such line break.
 */
class LineCounter {
  private extra = 0;

  /** The line a record starts on, from csv-parse's count at its end and its raw text. */
  record(parsedLines: number, raw: string): number {
    // The raw text ends with the first character of the row delimiter (CR or LF), when there is one.
    const inside = raw.replace(/[\r\n]$/, '');
    this.extra += inside.match(/\r\n/g)?.length ?? 0;
    const end = parsedLines - this.extra;
    return end - (inside.match(/\r\n|\r|\n/g)?.length ?? 0);
  }

  /** A line csv-parse names in an error, corrected. */
  at(parsedLines: number): number {
    return parsedLines - this.extra;
  }

  /** The line an unclosed quote's row starts on; csv-parse's count stands at the end of the file. */
  quoteStart(parsedLines: number, raw: string): number {
    const counted = raw.match(/[\r\n]/g)?.length ?? 0;
    return parsedLines - this.extra - counted + (/[\r\n]$/.test(raw) ? 1 : 0);
  }
}

function finish(pending: Pending): ImportedItem {
  return pending.problem ? { error: pending.problem } : { conversation: pending.conversation };
}

function addRow(pending: Pending, row: StoredRow, line: number, source: string): void {
  const { conversation } = pending;
  const column = (field: CsvField) => row[field];
  const roleText = column('author_role') ?? '';
  const isPublic = column('is_public');
  const role = isPublic !== undefined && FALSE_WORDS.test(isPublic.trim()) ? 'note' : roleFrom(roleText);
  if (!role) {
    pending.problem ??= { source, line, id: conversation.id, reason: `unknown author_role "${roleText}" (use customer, agent, bot, note or system)` };
    return;
  }
  // The language of this row's message: a reply in English to a customer who wrote in Thai says
  // so on its own row. Rows that do not say leave it to --language or detection.
  const language = column('language')?.trim();
  const languageWrong = language ? languageProblem(language) : undefined;
  if (languageWrong) {
    pending.problem ??= { source, line, id: conversation.id, reason: languageWrong };
    return;
  }
  const channelName = column('channel');
  if (channelName && !conversation.channelName) {
    conversation.channelName = channelName;
    conversation.channel = channelFrom(channelName);
  }
  const customerName = column('customer_name');
  if (customerName && !conversation.customerName) conversation.customerName = customerName;
  const situation = column('situation');
  if (situation && !conversation.situation) conversation.situation = situation;
  for (const tag of tagsFrom(column('tags') ?? '')) if (!conversation.tags.includes(tag)) conversation.tags.push(tag);
  conversation.group ??= column('group');
  conversation.brand ??= column('brand');
  const rating = column('rating')?.trim();
  if (rating && !conversation.rating) conversation.rating = { score: /^-?\d+(?:\.\d+)?$/.test(rating) ? Number(rating) : rating };
  conversation.messages.push({
    role,
    ...body(column('body') ?? '', undefined),
    authorId: column('author_id'),
    authorName: column('author_name'),
    signature: column('agent_signature'),
    timestamp: column('created_at'),
    ...(language ? { language } : {}),
  });
}

/** Maps fields to header columns (case-insensitive), failing early when a needed one is missing. */
function columnReader(header: string[], options: { source: string; columns: Record<string, string> }): (field: CsvField, row: Row) => string | undefined {
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
