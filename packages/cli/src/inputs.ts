import { isUtf8 } from 'node:buffer';
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export const DRAFT_EXTENSIONS = ['md', 'markdown', 'mdx', 'txt', 'text'];

export interface ExpandedInputs {
  files: string[];
  /** Patterns that matched nothing, paths that do not exist or cannot be followed, with the reason. */
  missing: Array<{ pattern: string; reason: string }>;
  /** Symbolic links inside folders that lead back to a folder above them: followed once, then skipped. */
  loops: Array<{ link: string; target: string }>;
}

const NOT_FOUND = 'file not found (no file or folder matches this path or pattern)';
const IGNORED = ['**/node_modules/**', '**/.git/**'];

/** Expands files, folders and globs into files (folders: those with `extensions` inside, drafts by default). */
export async function expandInputs(patterns: string[], cwd = process.cwd(), extensions: readonly string[] = DRAFT_EXTENSIONS): Promise<ExpandedInputs> {
  const files: string[] = [];
  const missing: ExpandedInputs['missing'] = [];
  const loops: ExpandedInputs['loops'] = [];
  /** Real paths seen, so a file reached twice (through a link, or named twice) is checked once. */
  const seen = new Set<string>();
  const add = async (path: string, root?: string) => {
    const real = await realpath(path).catch(() => path);
    if (!seen.has(real)) {
      seen.add(real);
      files.push(path);
      return;
    }
    const loop = root && (await loopLinkOn(path, root));
    if (loop && !loops.some((known) => known.link === loop.link)) loops.push(loop);
  };
  for (const pattern of patterns) {
    const path = resolve(cwd, pattern);
    // A name that exists is a file or folder, even with glob characters in it ("reply (1).md", "draft[2].md").
    const found = await stat(path).then(
      (info) => ({ info }),
      (error: NodeJS.ErrnoException) => ({ code: error.code }),
    );
    if ('code' in found && found.code === 'ELOOP') {
      missing.push({ pattern, reason: 'is a symbolic link loop (the link leads back to itself); nothing to read' });
    } else if ('code' in found && isDynamicPattern(pattern)) {
      const matches = await glob(pattern, { cwd, absolute: true, ignore: IGNORED });
      if (matches.length === 0) missing.push({ pattern, reason: NOT_FOUND });
      for (const match of matches.sort()) await add(match);
    } else if ('code' in found) {
      missing.push({ pattern, reason: NOT_FOUND });
    } else if (found.info.isDirectory()) {
      const matches = await glob(`**/*.{${extensions.join(',')}}`, { cwd: path, absolute: true, ignore: IGNORED });
      for (const match of matches.sort()) await add(match, path);
    } else {
      await add(path);
    }
  }
  return { files, missing, loops };
}

/** The symbolic link on the way from `root` to `file` that points back to a folder above it, if any. */
async function loopLinkOn(file: string, root: string): Promise<{ link: string; target: string } | undefined> {
  let current = root;
  for (const part of relative(root, dirname(file)).split(sep).filter(Boolean)) {
    current = join(current, part);
    const info = await lstat(current).catch(() => undefined);
    if (!info?.isSymbolicLink()) continue;
    const target = await realpath(current).catch(() => undefined);
    const parent = await realpath(dirname(current)).catch(() => undefined);
    if (target && parent && (parent === target || parent.startsWith(target + sep))) return { link: current, target };
  }
  return undefined;
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** A draft's text and how it was stored, so `--fix` writes it back the same way. */
export interface DecodedDraft {
  ok: true;
  text: string;
  encoding: TextEncoding;
  bom: boolean;
  /** Where the bytes stop being UTF-8 (they were read with replacement characters); unset when they are valid. */
  invalidUtf8?: { line: number; column: number };
}

export type ReadResult = DecodedDraft | { ok: false; reason: string };

/** Reads a draft as text (UTF-8, or UTF-16 with a byte-order mark); refuses binary files rather than linting garbage. */
export async function readDraft(path: string): Promise<ReadResult> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder' : `cannot read file (${code ?? (error as Error).message})` };
  }
  return decodeDraft(buffer);
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function decodeDraft(buffer: Buffer): ReadResult {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return decodeUtf16(buffer, 'utf-16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return decodeUtf16(buffer, 'utf-16be');
  const head = buffer.subarray(0, 8000);
  if (head.includes(0)) {
    const utf16 = utf16WithoutBom(head);
    if (utf16) return { ok: false, reason: `looks like ${utf16} text without a byte-order mark, which cannot be read safely; save it as UTF-8, then check it again` };
    return { ok: false, reason: 'is a binary file, not a text draft; skipped' };
  }
  const bom = buffer.subarray(0, 3).equals(UTF8_BOM);
  const body = bom ? buffer.subarray(3) : buffer;
  const text = body.toString('utf8');
  const draft: DecodedDraft = { ok: true, text, encoding: 'utf-8', bom };
  const invalid = firstInvalidUtf8(body, text);
  if (invalid) draft.invalidUtf8 = invalid;
  return draft;
}

/** The bytes to write for a draft's text, in the encoding (and with the byte-order mark) it was read with. */
export function encodeDraft(text: string, as: Pick<DecodedDraft, 'encoding' | 'bom'>): Buffer {
  if (as.encoding === 'utf-8') return as.bom ? Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]) : Buffer.from(text, 'utf8');
  const bytes = Buffer.from(`\ufeff${text}`, 'utf16le');
  return as.encoding === 'utf-16be' ? bytes.swap16() : bytes;
}

function decodeUtf16(buffer: Buffer, encoding: 'utf-16le' | 'utf-16be'): ReadResult {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(buffer.subarray(2));
    return { ok: true, text, encoding, bom: true };
  } catch {
    return { ok: false, reason: `starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()} (cut short or damaged); save it again as UTF-8` };
  }
}

/** ASCII-range text in UTF-16 has a zero in every other byte: the odd ones (LE) or the even ones (BE). */
function utf16WithoutBom(head: Buffer): string | undefined {
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) i % 2 === 0 ? evenZeros++ : oddZeros++;
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return undefined;
  if (oddZeros >= pairs * 0.6 && evenZeros <= pairs * 0.05) return 'UTF-16LE';
  if (evenZeros >= pairs * 0.6 && oddZeros <= pairs * 0.05) return 'UTF-16BE';
  return undefined;
}

/** The line and column of the first byte that is not UTF-8, or undefined when all are. */
function firstInvalidUtf8(bytes: Buffer, text: string): { line: number; column: number } | undefined {
  if (isUtf8(bytes)) return undefined;
  for (let index = text.indexOf('\ufffd'); index !== -1; index = text.indexOf('\ufffd', index + 1)) {
    const offset = Buffer.byteLength(text.slice(0, index), 'utf8');
    // A replacement character written in the file is three valid bytes; a decoding one is not.
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) continue;
    const before = text.slice(0, index);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: before.split('\n').length, column: index - lineStart + 1 };
  }
  return undefined;
}

export async function readStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
