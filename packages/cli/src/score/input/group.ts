import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Serialized entries kept in memory before they go to a temporary file. */
const DEFAULT_MEMORY_BYTES = 32 * 1024 * 1024;
/** Entries are written to the temporary file in blocks of about this size. */
const WRITE_BLOCK = 1024 * 1024;

/** A typed array that grows, so a million entries cost bytes, not JavaScript objects. */
class Column<T extends Uint32Array | Int32Array | Float64Array> {
  length = 0;
  constructor(
    private data: T,
    private readonly make: (size: number) => T,
  ) {}

  push(value: number): number {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length] = value;
    return this.length++;
  }

  get(index: number): number {
    return this.data[index]!;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }
}

export interface GroupEntry {
  line: number;
  value: unknown;
}

export interface Group {
  key: string;
  /** Where the group's first entry was read. */
  line: number;
  entries: GroupEntry[];
}

/**
 * Gathers entries (CSV rows, ticket events, messages of a list) under the conversation they
 * belong to, whatever the order they come in, and hands back each conversation whole, in the
 * order conversations first appeared. Entries are kept as JSON text; past `memoryBytes` they go
 * to a temporary file, and only an index (about 20 bytes an entry, in typed arrays) stays in
 * memory, so a 1 GB export is never held whole. The file is removed by `dispose`.
 */
export class Grouper {
  private readonly keys = new Map<string, number>();
  private readonly keyNames: string[] = [];
  private readonly firstLine = new Column(new Float64Array(1024), (n) => new Float64Array(n));
  private readonly head = new Column(new Int32Array(1024), (n) => new Int32Array(n));
  private readonly tail = new Column(new Int32Array(1024), (n) => new Int32Array(n));
  private readonly next = new Column(new Int32Array(4096), (n) => new Int32Array(n));
  private readonly lines = new Column(new Float64Array(4096), (n) => new Float64Array(n));
  private readonly offsets = new Column(new Float64Array(4096), (n) => new Float64Array(n));
  private readonly lengths = new Column(new Uint32Array(4096), (n) => new Uint32Array(n));
  /** Entries as JSON text until they are written out. */
  private texts: string[] = [];
  private memory = 0;
  private folder: string | undefined;
  private fd: number | undefined;
  private fileSize = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private lastKey = -1;
  /** Conversations whose entries were not all next to each other. */
  interleaved = 0;
  private readonly split = new Set<number>();

  constructor(private readonly memoryBytes = DEFAULT_MEMORY_BYTES) {}

  get entries(): number {
    return this.next.length;
  }

  /** The temporary file entries went to, once they did. */
  get temporaryFile(): string | undefined {
    return this.folder && join(this.folder, 'entries.jsonl');
  }

  add(key: string, line: number, value: unknown): void {
    let ordinal = this.keys.get(key);
    const entry = this.next.push(-1);
    this.lines.push(line);
    if (ordinal === undefined) {
      ordinal = this.keyNames.length;
      this.keys.set(key, ordinal);
      this.keyNames.push(key);
      this.firstLine.push(line);
      this.head.push(entry);
      this.tail.push(entry);
    } else {
      this.next.set(this.tail.get(ordinal), entry);
      this.tail.set(ordinal, entry);
      if (ordinal !== this.lastKey && !this.split.has(ordinal)) {
        this.split.add(ordinal);
        this.interleaved++;
      }
    }
    this.lastKey = ordinal;
    const text = JSON.stringify(value);
    if (this.fd === undefined) {
      this.texts.push(text);
      this.offsets.push(0);
      this.lengths.push(0);
      this.memory += text.length * 2;
      if (this.memory > this.memoryBytes) this.spill();
    } else this.write(text);
  }

  /** Each conversation with its entries in input order, in the order conversations first appeared. */
  *groups(): Generator<Group> {
    this.flush();
    for (let ordinal = 0; ordinal < this.keyNames.length; ordinal++) {
      const entries: GroupEntry[] = [];
      for (let entry = this.head.get(ordinal); entry !== -1; entry = this.next.get(entry)) {
        entries.push({ line: this.lines.get(entry), value: entry });
      }
      const values = this.fd === undefined ? entries.map(({ value }) => this.texts[value as number]!) : this.readBack(entries.map(({ value }) => value as number));
      entries.forEach((entry, i) => (entry.value = JSON.parse(values[i]!)));
      yield { key: this.keyNames[ordinal]!, line: this.firstLine.get(ordinal), entries };
    }
  }

  /** Removes the temporary file, if one was made. */
  dispose(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.fd = undefined;
    this.folder = undefined;
    this.texts = [];
  }

  private spill(): void {
    this.folder = mkdtempSync(join(tmpdir(), 'preach-group-'));
    this.fd = openSync(join(this.folder, 'entries.jsonl'), 'w+', 0o600);
    const texts = this.texts;
    this.texts = [];
    this.offsets.length = 0;
    this.lengths.length = 0;
    for (const text of texts) this.write(text);
  }

  private write(text: string): void {
    const bytes = Buffer.from(`${text}\n`, 'utf8');
    this.offsets.push(this.fileSize);
    this.lengths.push(bytes.length - 1);
    this.fileSize += bytes.length;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= WRITE_BLOCK) this.flush();
  }

  private flush(): void {
    if (this.fd === undefined || this.pending.length === 0) return;
    const block = Buffer.concat(this.pending);
    let written = 0;
    while (written < block.length) written += writeSync(this.fd, block, written, block.length - written);
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Reads entries back from the file, one read for each run of entries stored next to each other. */
  private readBack(entries: number[]): string[] {
    const texts: string[] = [];
    let i = 0;
    while (i < entries.length) {
      let j = i;
      const start = this.offsets.get(entries[i]!);
      let end = start + this.lengths.get(entries[i]!);
      while (j + 1 < entries.length && this.offsets.get(entries[j + 1]!) === end + 1) {
        j++;
        end = this.offsets.get(entries[j]!) + this.lengths.get(entries[j]!);
      }
      const buffer = Buffer.allocUnsafe(end - start);
      let read = 0;
      while (read < buffer.length) {
        const n = readSync(this.fd!, buffer, read, buffer.length - read, start + read);
        if (n === 0) throw new Error('the temporary file of grouped entries ended early');
        read += n;
      }
      for (const text of buffer.toString('utf8').split('\n')) texts.push(text);
      i = j + 1;
    }
    return texts;
  }
}
