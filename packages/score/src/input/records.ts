import { isObject, RecordProblem, type JsonObject, type Person } from '../importers/common.js';
import type { ImportContext } from '../importers/importer.js';
import { PEOPLE_LISTS, personFrom } from '../importers/people.js';
import { importerNamed, readRecord } from '../importers/registry.js';
import type { ImportedItem } from '../types.js';
import { Grouper } from './group.js';

/** Keys under which exports list their records: tickets, conversations, events, messages, JSON:API data. */
export const RECORD_LISTS = new Set(['tickets', 'conversations', 'items', 'records', 'data', 'results', 'ticket_events', '_results']);

export interface RecordReaderOptions {
  source: string;
  /** An importer's name from `--input-format`: every record is read with it. */
  format?: string;
  /** Serialized pieces kept in memory before they go to a temporary file (see Grouper). */
  memoryBytes?: number;
}

/**
 * Turns parsed records into conversations for one input. A record holding a whole conversation
 * becomes one at once; pieces of conversations (events, messages of a list) are gathered and
 * assembled once the input is read (`finish`), whatever their order. Notices (what an importer
 * had to assume) are counted per text.
 */
export class RecordReader {
  readonly people = new Map<string, Person>();
  /** The formats records were read as, in the order first met. */
  readonly formats = new Set<string>();
  /** Notice text → the conversations it is about (0: about the input as a whole). */
  readonly notices = new Map<string, number>();
  private readonly grouper: Grouper;
  private readonly forced;

  constructor(private readonly options: RecordReaderOptions) {
    this.grouper = new Grouper(options.memoryBytes);
    this.forced = options.format ? importerNamed(options.format) : undefined;
  }

  context(line: number): ImportContext {
    return { place: { source: this.options.source, line }, people: this.people, notice: (text) => this.notices.set(text, (this.notices.get(text) ?? 0) + 1) };
  }

  /** A notice about the input as a whole, not about some of its conversations. */
  noticeInput(text: string): void {
    this.notices.set(text, 0);
  }

  /** A parsed record: a conversation or an error at once, nothing yet for pieces. */
  accept(record: unknown, line: number): ImportedItem[] {
    // A page of an API response holding records of the named format, one JSONL line per page.
    const page = this.forced && isObject(record) && !this.forced.matches(record) ? pageOf(record) : undefined;
    if (page) return this.acceptPage(page, line);
    try {
      const { importer, result } = readRecord(record, this.context(line), this.forced?.name);
      this.formats.add(importer.name);
      if (!Array.isArray(result)) return [{ conversation: result }];
      for (const piece of result) this.grouper.add(`${importer.name}\u0000${piece.key}`, line, piece.data);
      return [];
    } catch (error) {
      if (!(error instanceof RecordProblem)) throw error;
      const page = this.forced ? undefined : pageOf(record);
      if (page) return this.acceptPage(page, line);
      return [this.problem(error, line, record)];
    }
  }

  /** The conversations assembled from pieces, in the order they first appeared. Removes any temporary file. */
  *finish(): Generator<ImportedItem> {
    try {
      for (const group of this.grouper.groups()) {
        const [name, key] = group.key.split('\u0000') as [string, string];
        const importer = importerNamed(name)!;
        const context = this.context(group.line);
        try {
          yield { conversation: importer.assemble!(key, group.entries.map((entry) => ({ line: entry.line, data: entry.value as JsonObject })), context) };
        } catch (error) {
          if (!(error instanceof RecordProblem)) throw error;
          yield { error: { source: this.options.source, line: group.line, ...(error.id ?? key ? { id: error.id ?? key } : {}), reason: error.message } };
        }
      }
    } finally {
      this.grouper.dispose();
    }
  }

  /** An API response page read as one record (a JSONL line per page): its people, then its records. */
  private acceptPage(page: { records: unknown[]; people: Array<[string, unknown[]]> }, line: number): ImportedItem[] {
    for (const [list, entries] of page.people) {
      for (const entry of entries) {
        const person = personFrom(list, entry);
        if (person) this.people.set(person[0], person[1]);
      }
    }
    return page.records.flatMap((record) => this.accept(record, line));
  }

  private problem(error: RecordProblem, line: number, record: unknown): ImportedItem {
    const id = error.id ?? (isObject(record) && 'id' in record && record.id !== null && record.id !== undefined ? String(record.id) : undefined);
    return { error: { source: this.options.source, line, ...(id ? { id } : {}), reason: error.message } };
  }
}

/** Keys under which a single-record response wraps its record: `{ticket: {…}}`, JSON:API `{data: {…}}`. */
const RECORD_WRAPPERS = new Set(['data', 'ticket', 'conversation']);

/** A record that is an API response around records: a list (or one record) under a known key, people beside them. */
function pageOf(record: unknown): { records: unknown[]; people: Array<[string, unknown[]]> } | undefined {
  if (!isObject(record)) return undefined;
  const lists = Object.entries(record).flatMap(([key, value]) => (RECORD_LISTS.has(key) && Array.isArray(value) ? [value] : RECORD_WRAPPERS.has(key) && isObject(value) ? [[value]] : []));
  if (lists.length !== 1) return undefined;
  const people = Object.entries(record).filter((entry): entry is [string, unknown[]] => entry[0] in PEOPLE_LISTS && Array.isArray(entry[1]));
  return { records: lists[0]!, people };
}
