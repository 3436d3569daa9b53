import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export const DRAFT_EXTENSIONS = ['md', 'markdown', 'mdx', 'txt', 'text'];

export interface ExpandedInputs {
  files: string[];
  /** Patterns that matched nothing and paths that do not exist. */
  missing: string[];
}

/** Expands files, folders and globs into files (folders: those with `extensions` inside, drafts by default). */
export async function expandInputs(patterns: string[], cwd = process.cwd(), extensions: readonly string[] = DRAFT_EXTENSIONS): Promise<ExpandedInputs> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const pattern of patterns) {
    if (isDynamicPattern(pattern)) {
      const found = await glob(pattern, { cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] });
      if (found.length === 0) missing.push(pattern);
      files.push(...found.sort());
      continue;
    }
    const path = resolve(cwd, pattern);
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      missing.push(pattern);
    } else if (info.isDirectory()) {
      const found = await glob(`**/*.{${extensions.join(',')}}`, { cwd: path, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] });
      files.push(...found.sort());
    } else {
      files.push(path);
    }
  }
  return { files: [...new Set(files)], missing };
}

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** Reads a draft as UTF-8 text; refuses binary files rather than linting garbage. */
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

export function decodeDraft(buffer: Buffer): ReadResult {
  const head = buffer.subarray(0, 8000);
  if (head.includes(0)) return { ok: false, reason: 'is a binary file, not a text draft; skipped' };
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

export async function readStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
