import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { onExit } from 'signal-exit';

/** Entries kept in memory (as JSON text, counted at two bytes a character) before a sorted run goes to disk. */
const DEFAULT_MEMORY_BYTES = 16 * 1024 * 1024;
/** Runs merged at once; more are first merged in batches into longer runs. */
const MERGE_WIDTH = 64;
/** Write block of the run files. */
const BLOCK = 1024 * 1024;
/** Read block of each run file during the merge: small, since every run is read at once. */
const READ_BLOCK = 64 * 1024;

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
 * Conversation ids and their ordinals (order of first appearance), kept in typed arrays rather
 * than a Map: a million ids cost some 30 MB that the garbage collector never has to walk.
 * Open addressing on an FNV-1a hash of the id's UTF-16 code units; ids are compared in full.
 */
class KeyTable {
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  /** Where each ordinal's id starts in `chars`; it ends where the next starts (or at `used`). */
  private starts = new Uint32Array(1024);
  private slots = new Int32Array(2048).fill(-1);
  size = 0;

  /** The ordinal of `key`, adding it when new. */
  ordinal(key: string): { ordinal: number; added: boolean } {
    const mask = this.slots.length - 1;
    for (let slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      const ordinal = this.slots[slot]!;
      if (ordinal === -1) {
        this.slots[slot] = this.append(key);
        if (this.size * 2 > this.slots.length) this.rehash();
        return { ordinal: this.size - 1, added: true };
      }
      if (this.equals(ordinal, key)) return { ordinal, added: false };
    }
  }

  key(ordinal: number): string {
    const end = ordinal + 1 < this.size ? this.starts[ordinal + 1]! : this.used;
    let key = '';
    // In slices: String.fromCharCode takes its arguments on the stack.
    for (let at = this.starts[ordinal]!; at < end; at += 8192) key += String.fromCharCode(...this.chars.subarray(at, Math.min(end, at + 8192)));
    return key;
  }

  private equals(ordinal: number, key: string): boolean {
    const start = this.starts[ordinal]!;
    const end = ordinal + 1 < this.size ? this.starts[ordinal + 1]! : this.used;
    if (end - start !== key.length) return false;
    for (let i = 0; i < key.length; i++) if (this.chars[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private append(key: string): number {
    if (this.used + key.length > this.chars.length) this.chars = grow(this.chars, this.used + key.length);
    for (let i = 0; i < key.length; i++) this.chars[this.used + i] = key.charCodeAt(i);
    if (this.size === this.starts.length) this.starts = grow(this.starts, this.size + 1);
    this.starts[this.size] = this.used;
    this.used += key.length;
    return this.size++;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let ordinal = 0; ordinal < this.size; ordinal++) {
      let slot = hash(this.key(ordinal)) & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = ordinal;
    }
    this.slots = slots;
  }
}

function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A typed array half again as large (at least `needed`), with the same contents. */
function grow<T extends Uint8Array | Uint16Array | Uint32Array>(array: T, needed: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(needed, Math.ceil(array.length * 1.5)));
  bigger.set(array);
  return bigger;
}

/** An entry on its way through the sort: its group's ordinal (order of first appearance) and its JSON text. */
interface Pending {
  ordinal: number;
  text: string;
}

/**
 * Gathers entries (CSV rows, ticket events, messages of a list) under the conversation they
 * belong to, whatever the order they come in, and hands back each conversation whole, in the
 * order conversations first appeared, its entries in input order. An external sort: entries wait
 * in memory as JSON text; past `memoryBytes` they are sorted by conversation and written to a
 * temporary file as one sorted run, and the runs are merged at the end, read a block at a time.
 * What stays in memory is the conversation ids and one run's worth of entries, so a 1 GB export
 * is never held whole. The temporary folder is removed by `dispose`, and on exit.
 */
export class Grouper {
  private readonly keys = new KeyTable();
  private firstLines = new Uint32Array(1024);
  private lastKey: string | undefined;
  /** Entries waiting in memory, in input order: their conversation's ordinal and their JSON text. */
  private pendingOrdinals: number[] = [];
  private pendingTexts: string[] = [];
  private pendingBytes = 0;
  private readonly runs: string[] = [];
  private folder: string | undefined;
  private removeOnExit: (() => void) | undefined;
  private lastOrdinal = -1;
  /** One flag per conversation: its entries were found apart. */
  private split = new Uint8Array(1024);
  private count = 0;
  private merges = 0;
  /** Conversations whose entries were not all next to each other. */
  interleaved = 0;

  constructor(private readonly memoryBytes = DEFAULT_MEMORY_BYTES) {}

  get entries(): number {
    return this.count;
  }

  /** The folder sorted runs went to, once they did. */
  get temporaryFolder(): string | undefined {
    return this.folder;
  }

  add(key: string, line: number, value: unknown): void {
    let ordinal = this.lastOrdinal;
    if (key !== this.lastKey) {
      const found = this.keys.ordinal(key);
      ordinal = found.ordinal;
      if (found.added) {
        if (ordinal >= this.firstLines.length) this.firstLines = grow(this.firstLines, ordinal + 1);
        this.firstLines[ordinal] = line;
      } else this.markSplit(ordinal);
      this.lastKey = key;
    }
    this.lastOrdinal = ordinal;
    this.count++;
    const text = JSON.stringify([line, value]);
    this.pendingOrdinals.push(ordinal);
    this.pendingTexts.push(text);
    this.pendingBytes += text.length * 2 + 32;
    if (this.pendingBytes > this.memoryBytes) this.writeRun();
  }

  /** Each conversation with its entries in input order, in the order conversations first appeared. */
  *groups(): Generator<Group> {
    const sorted = this.runs.length === 0 ? this.sortedPending() : this.merged();
    let current: Group | undefined;
    let currentOrdinal = -1;
    for (const { ordinal, text } of sorted) {
      if (ordinal !== currentOrdinal) {
        if (current) yield current;
        currentOrdinal = ordinal;
        current = { key: this.keys.key(ordinal), line: this.firstLines[ordinal]!, entries: [] };
      }
      const [line, value] = JSON.parse(text) as [number, unknown];
      current!.entries.push({ line, value });
    }
    if (current) yield current;
  }

  /** Removes the temporary folder, if one was made. */
  dispose(): void {
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.removeOnExit?.();
    this.removeOnExit = undefined;
    this.folder = undefined;
    this.pendingOrdinals = [];
    this.pendingTexts = [];
  }

  private markSplit(ordinal: number): void {
    if (ordinal >= this.split.length) this.split = grow(this.split, ordinal + 1);
    if (this.split[ordinal]) return;
    this.split[ordinal] = 1;
    this.interleaved++;
  }

  /** The entries in memory, by conversation, in input order within one; memory is then free for more. */
  private *sortedPending(): Generator<Pending> {
    const ordinals = this.pendingOrdinals;
    const texts = this.pendingTexts;
    this.pendingOrdinals = [];
    this.pendingTexts = [];
    this.pendingBytes = 0;
    const order = new Uint32Array(ordinals.length).map((_, i) => i);
    order.sort((a, b) => ordinals[a]! - ordinals[b]! || a - b);
    for (const index of order) yield { ordinal: ordinals[index]!, text: texts[index]! };
  }

  private writeRun(): void {
    if (!this.folder) {
      this.folder = mkdtempSync(join(tmpdir(), 'preach-group-'));
      const folder = this.folder;
      this.removeOnExit = onExit(() => rmSync(folder, { recursive: true, force: true }));
    }
    const path = join(this.folder, `run-${this.runs.length}.txt`);
    writeLines(path, this.sortedPending());
    this.runs.push(path);
  }

  /** Every run merged, by conversation; on a tie the earlier run first, which keeps input order. */
  private merged(): Iterable<Pending> {
    if (this.pendingTexts.length) this.writeRun();
    // Too many runs to read at once: merge them in batches into longer runs first.
    while (this.runs.length > MERGE_WIDTH) {
      const batch = this.runs.splice(0, MERGE_WIDTH);
      const path = join(this.folder!, `merged-${this.merges++}.txt`);
      writeLines(path, mergeRuns(batch));
      for (const run of batch) rmSync(run, { force: true });
      this.runs.unshift(path);
    }
    return mergeRuns(this.runs);
  }
}

/** Writes `ordinal<TAB>json` lines, a block at a time. */
function writeLines(path: string, entries: Iterable<Pending>): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    let block: string[] = [];
    let size = 0;
    const flush = () => {
      const bytes = Buffer.from(block.join(''), 'utf8');
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      block = [];
      size = 0;
    };
    for (const { ordinal, text } of entries) {
      block.push(`${ordinal}\t${text}\n`);
      size += text.length + 12;
      if (size >= BLOCK) flush();
    }
    if (size) flush();
  } finally {
    closeSync(fd);
  }
}

/** Reads a run file's entries back, a block at a time. */
class RunReader {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(READ_BLOCK);
  private readonly decoder = new StringDecoder('utf8');
  private lines: string[] = [];
  private next = 0;
  private rest = '';
  private ended = false;
  current: Pending | undefined;

  constructor(path: string) {
    this.fd = openSync(path, 'r');
    this.advance();
  }

  advance(): void {
    while (this.next >= this.lines.length && !this.ended) this.fill();
    const line = this.lines[this.next++];
    if (line === undefined) {
      this.current = undefined;
      closeSync(this.fd);
      return;
    }
    const tab = line.indexOf('\t');
    this.current = { ordinal: Number(line.slice(0, tab)), text: line.slice(tab + 1) };
  }

  private fill(): void {
    const read = readSync(this.fd, this.buffer, 0, this.buffer.length, null);
    const text = this.rest + (read ? this.decoder.write(this.buffer.subarray(0, read)) : this.decoder.end());
    if (read === 0) this.ended = true;
    const parts = text.split('\n');
    this.rest = read === 0 ? '' : parts.pop()!;
    this.lines = parts.filter(Boolean);
    this.next = 0;
  }
}

/** A k-way merge of sorted runs by ordinal; on a tie the earlier run's entry first. */
function* mergeRuns(paths: readonly string[]): Generator<Pending> {
  const readers = paths.map((path) => new RunReader(path));
  // A binary heap of reader indexes, ordered by (ordinal, run).
  const heap: number[] = [];
  const less = (a: number, b: number) => readers[a]!.current!.ordinal - readers[b]!.current!.ordinal || a - b;
  const push = (index: number) => {
    heap.push(index);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (less(heap[i]!, heap[parent]!) >= 0) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && less(heap[left]!, heap[smallest]!) < 0) smallest = left;
        if (right < heap.length && less(heap[right]!, heap[smallest]!) < 0) smallest = right;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
        i = smallest;
      }
    }
    return top;
  };
  readers.forEach((reader, index) => reader.current && push(index));
  while (heap.length) {
    const index = pop();
    const reader = readers[index]!;
    yield reader.current!;
    reader.advance();
    if (reader.current) push(index);
  }
}
