import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import Assembler from 'stream-json/Assembler.js';
import Parser from 'stream-json/Parser.js';
import { isObject, type JsonObject, type Person } from '../importers/common.js';
import { PEOPLE_LISTS, personFrom } from '../importers/people.js';
import { recognise } from '../importers/registry.js';
import type { ImportedItem } from '../types.js';
import { RECORD_LISTS, type RecordReader } from './records.js';

/** Keys of a record that holds messages itself: it is a conversation, not a message of one. */
const CONVERSATION_KEYS = ['description', 'description_text', 'conversations', 'messages', 'threads', 'comments'];

type Role = 'root' | 'records' | 'people' | 'embedded' | 'skip';

interface Frame {
  role: Role;
  key: string | null;
  /** For record and people lists: the key the list is under. */
  list?: string;
  /** A Freshdesk ticket's own `conversations` list: its entries are messages, not records. */
  parts?: boolean;
}

interface Token {
  name: string;
  value?: string;
}

/**
 * Walks a JSON document token by token and hands back one record at a time, so a 1 GB export
 * never sits in memory: the elements of a top-level list, of `tickets` / `conversations` /
 * `_embedded.conversations`, or the document itself when it is a single conversation.
 * People lists (`users`, `agents`, `contacts`) fill the people map as they pass.
 */
class DocumentWalker {
  line = 1;
  readonly records: Array<{ record: unknown; line: number }> = [];
  private readonly frames: Frame[] = [];
  private assembler: Assembler | undefined;
  private assembling: { frame: Frame; line: number } | undefined;
  private readonly partial: JsonObject = {};
  private rootLine = 1;
  private sawList = false;

  constructor(
    readonly people: Map<string, Person>,
    private readonly peopleOnly: boolean,
  ) {}

  consume(token: Token): void {
    if (this.assembler) {
      this.assembler.consume(token);
      if (this.assembler.done) this.finishValue(this.assembler.current);
      return;
    }
    const frame = this.frames[this.frames.length - 1];
    if (token.name === 'keyValue') {
      frame!.key = token.value!;
      return;
    }
    if (token.name === 'endObject' || token.name === 'endArray') {
      this.frames.pop();
      if (this.frames.length === 0 && frame?.role === 'root') this.finishRoot();
      return;
    }
    const opens = token.name === 'startObject' || token.name === 'startArray';
    const role = this.roleFor(frame, token.name);
    if (role === 'assemble') {
      this.assembler = new Assembler();
      this.assembling = { frame: frame!, line: this.line };
      this.assembler.consume(token);
      if (this.assembler.done) this.finishValue(this.assembler.current);
    } else if (opens) {
      this.frames.push({ role, key: null, list: role === 'records' || role === 'people' ? frame?.key ?? undefined : undefined });
      if (role === 'records') this.sawList = true;
      if (!frame && role === 'root') this.rootLine = this.line;
    }
  }

  private roleFor(parent: Frame | undefined, token: string): Role | 'assemble' {
    const isArray = token === 'startArray';
    if (!parent) {
      if (isArray) return 'records';
      return token === 'startObject' ? 'root' : 'assemble';
    }
    switch (parent.role) {
      case 'skip':
        return 'skip';
      case 'records':
        return this.peopleOnly && !parent.parts ? 'skip' : 'assemble';
      case 'people':
        return 'assemble';
      case 'root':
        if (isArray && parent.key !== null && RECORD_LISTS.has(parent.key)) return 'records';
        if (isArray && parent.key !== null && parent.key in PEOPLE_LISTS) return 'people';
        if (token === 'startObject' && parent.key === '_embedded') return 'embedded';
        return this.peopleOnly ? 'skip' : 'assemble';
      case 'embedded':
        if (isArray && parent.key === 'conversations') return 'records';
        return this.peopleOnly ? 'skip' : 'assemble';
    }
  }

  private finishValue(value: unknown): void {
    const { frame, line } = this.assembling!;
    this.assembler = undefined;
    this.assembling = undefined;
    if (!frame) {
      this.records.push({ record: value, line });
      return;
    }
    switch (frame.role) {
      case 'people': {
        const person = personFrom(frame.list ?? 'users', value);
        if (person) this.people.set(person[0], person[1]);
        return;
      }
      case 'records':
        if (this.isMessageOfSingleTicket(frame, value)) {
          frame.parts = true;
          ((this.partial.conversations as unknown[] | undefined) ??= []).push(value);
          return;
        }
        this.records.push({ record: value, line });
        return;
      case 'root':
        this.partial[frame.key!] = value;
        return;
      case 'embedded':
        ((this.partial._embedded as JsonObject | undefined) ??= {})[frame.key!] = value;
        return;
    }
  }

  /** `{id, description, conversations: [{incoming, body_text}]}` is one Freshdesk ticket, not a list. */
  private isMessageOfSingleTicket(frame: Frame, value: unknown): boolean {
    if (frame.parts) return true;
    if (frame.list !== 'conversations' || this.frames[0]?.role !== 'root' || this.frames.length !== 2) return false;
    return isObject(value) && !CONVERSATION_KEYS.some((key) => key in value) && ('incoming' in value || 'body_text' in value || 'private' in value);
  }

  private finishRoot(): void {
    if (this.peopleOnly) return;
    // A single conversation, or a document with no list we know (reported as not a conversation).
    if (recognise(this.partial) !== undefined || !this.sawList) this.records.push({ record: this.partial, line: this.rootLine });
  }
}

/**
 * stream-json's parser, reporting a syntax error at once: Node delivers a stream's errors on a
 * later tick, by which time more lines have gone in and the line number would be wrong.
 */
class LineParser extends Parser {
  failure: Error | undefined;

  /** Where stream-json parses what it was given (its `_transform` replaces itself on first use). */
  _processBuffer(callback: (error?: Error | null) => void): void {
    (Parser.prototype as unknown as { _processBuffer: LineParser['_processBuffer'] })._processBuffer.call(this, (error) => {
      if (error) this.failure ??= error;
      callback(error);
    });
  }
}

/** Lines fed to the parser one at a time, so every record knows the line it starts on. */
async function* walk(stream: Readable, walker: DocumentWalker, reader: RecordReader | undefined, source: string): AsyncGenerator<ImportedItem> {
  const parser = new LineParser({ packKeys: true, packStrings: true, packNumbers: true, streamKeys: false, streamStrings: false, streamNumbers: false });
  parser.on('error', (error: Error) => (parser.failure ??= error));
  // Tokens arrive synchronously inside write(), while `walker.line` is the line being written.
  parser.on('data', (token: Token) => walker.consume(token));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const drain = function* (): Generator<ImportedItem> {
    while (walker.records.length) {
      const { record, line } = walker.records.shift()!;
      if (reader) yield* reader.accept(record, line);
    }
  };
  let line = 0;
  for await (const text of lines) {
    line++;
    walker.line = line;
    parser.write(line === 1 ? `${text.replace(/^\uFEFF/, '')}\n` : `${text}\n`);
    if (parser.failure) {
      lines.close();
      stream.destroy();
      yield* drain();
      yield invalid(source, line, parser.failure, 'the rest of the file was not read');
      return;
    }
    yield* drain();
  }
  parser.end();
  await finished(parser).catch(() => {});
  yield* drain();
  if (parser.failure) yield invalid(source, line, parser.failure, 'the document ends early');
}

function invalid(source: string, line: number, error: Error | null | undefined, consequence: string): ImportedItem {
  const reason = (error?.message ?? 'unexpected end of input').replace(/^Parser (?:cannot parse input: |has )/, '');
  return { error: { source, line, reason: `invalid JSON (${reason}); ${consequence}`, file: true } };
}

/** Whether a file names people lists at all (a fast text search, not a parse). */
async function mentionsPeople(path: string): Promise<boolean> {
  const pattern = new RegExp(`"(?:${Object.keys(PEOPLE_LISTS).join('|')})"\\s*:\\s*\\[`);
  let tail = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = tail + (chunk as string);
    if (pattern.test(text)) return true;
    tail = text.slice(-64);
  }
  return false;
}

/**
 * Records of a JSON document export. For a file, people sideloaded after the conversations
 * (Zendesk puts `users` last) are read in a first pass; from standard input only people listed
 * before the conversations can name their authors.
 */
export async function* importJsonDocument(stream: Readable, reader: RecordReader, options: { source: string; path?: string }): AsyncGenerator<ImportedItem> {
  if (options.path && (await mentionsPeople(options.path))) {
    for await (const _ of walk(createReadStream(options.path), new DocumentWalker(reader.people, true), undefined, options.source));
  }
  yield* walk(stream, new DocumentWalker(reader.people, false), reader, options.source);
  yield* reader.finish();
}
