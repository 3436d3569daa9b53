import { createWriteStream, unlinkSync, type WriteStream } from 'node:fs';
import { access, chmod, constants, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { onExit } from 'signal-exit';
import writeFileAtomic from 'write-file-atomic';
import { UsageError } from './exit.js';

/**
 * Every file preach writes goes through this module: fixed drafts (`lint --fix`), reports
 * (`-o` for lint and score, every format) and the starter config (`init`). Nothing is written in
 * place: the content goes to a temporary file in the same folder, which is renamed over the
 * target only once it is complete. A full disk, a crash or Ctrl-C leaves the old file as it
 * was, and the temporary file is removed (also on SIGINT/SIGTERM, through signal-exit).
 */

/** A file that could not be written; the target is unchanged. */
export class WriteFailure extends Error {
  constructor(
    readonly shown: string,
    readonly reason: string,
  ) {
    super(`cannot write ${shown}: ${reason}`);
    this.name = 'WriteFailure';
  }
}

/** Why a write failed, in words; the error code names the case. */
export function writeFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (the file or its folder is read-only)';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENAMETOOLONG':
      return 'the file name is too long';
    case 'ELOOP':
      return 'the path is a symbolic link loop';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function failure(error: unknown, shown: string): WriteFailure {
  return error instanceof WriteFailure ? error : new WriteFailure(shown, writeFailureReason(error));
}

/**
 * The file a write lands in: a symbolic link is followed (the link stays, its target gets the
 * content), a folder is refused, and so is a file we may not write, since renaming over it
 * would succeed where writing into it would not. A device or pipe (`-o /dev/stdout`, a FIFO) is
 * `special`: there is no file to replace, so it is written to as it is, never renamed over.
 */
async function writableTarget(path: string): Promise<{ target: string; mode?: number; special: boolean }> {
  const target = await realpath(path).catch(() => path);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  if (existing) await access(target, constants.W_OK);
  return { target, mode: existing?.mode, special: existing !== undefined && !existing.isFile() };
}

/** Writes a whole file at once: temporary file, fsync, rename (write-file-atomic). */
export async function writeFileSafely(path: string, data: string | Buffer, shown: string = path): Promise<void> {
  try {
    const { target, special } = await writableTarget(path);
    if (special) await writeFile(path, data);
    else await writeFileAtomic(target, data);
  } catch (error) {
    throw failure(error, shown);
  }
}

/** A report being written as it is produced; it appears at its path only on `commit`. */
export interface PendingFile {
  stream: WriteStream;
  /** Flushes the content to disk and renames it into place. */
  commit(): Promise<void>;
  /** Drops what was written; the file at the path stays as it was. */
  discard(): Promise<void>;
}

/**
 * Opens a report that is written as a stream (score's JSON and CSV rows go out as conversations
 * are scored, so a big export never sits in memory). write-file-atomic takes whole content only;
 * this is the same temporary-file-and-rename for a stream. Fails at once, before any work, when
 * the path cannot be written.
 */
export async function openPendingFile(path: string, shown: string = path): Promise<PendingFile> {
  let target: string;
  let mode: number | undefined;
  let special: boolean;
  try {
    ({ target, mode, special } = await writableTarget(path));
  } catch (error) {
    throw failure(error, shown);
  }
  if (special) return openSpecialFile(path, shown);
  const temp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const removeOnExit = onExit(() => {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or never created.
    }
  });
  let stream: WriteStream;
  let settled: Promise<void>;
  try {
    // `flush` fsyncs before close, so the rename never publishes a file whose data is not on disk.
    ({ stream, settled } = await openStream(temp, { flags: 'wx', mode: mode ?? 0o666, flush: true }));
  } catch (error) {
    removeOnExit();
    throw failure(error, shown);
  }
  let done = false;
  return {
    stream,
    async commit() {
      if (done) return;
      done = true;
      try {
        stream.end();
        await settled;
        if (mode !== undefined) await chmod(temp, mode);
        await rename(temp, target);
      } catch (error) {
        await unlink(temp).catch(() => {});
        throw failure(error, shown);
      } finally {
        removeOnExit();
      }
    },
    async discard() {
      if (done) return;
      done = true;
      stream.destroy();
      await settled.catch(() => {});
      await unlink(temp).catch(() => {});
      removeOnExit();
    },
  };
}

/** Opens a write stream and waits until it is open; `settled` resolves when it closes. */
async function openStream(path: string, options: Parameters<typeof createWriteStream>[1]): Promise<{ stream: WriteStream; settled: Promise<void> }> {
  const stream = createWriteStream(path, options);
  const settled = new Promise<void>((resolveClose, reject) => {
    stream.once('close', () => resolveClose());
    stream.once('error', reject);
  });
  settled.catch(() => {});
  await new Promise<void>((resolveOpen, reject) => {
    stream.once('open', () => resolveOpen());
    stream.once('error', reject);
  });
  return { stream, settled };
}

/** A device or pipe, written to as it is: what was sent cannot be taken back, so discard only stops. */
async function openSpecialFile(path: string, shown: string): Promise<PendingFile> {
  let stream: WriteStream;
  let settled: Promise<void>;
  try {
    ({ stream, settled } = await openStream(path, {}));
  } catch (error) {
    throw failure(error, shown);
  }
  return {
    stream,
    async commit() {
      stream.end();
      await settled.catch((error: unknown) => {
        throw failure(error, shown);
      });
    },
    async discard() {
      stream.destroy();
      await settled.catch(() => {});
    },
  };
}

export interface NamedInput {
  path: string;
  shown: string;
}

/**
 * Refuses an output that is one of the run's inputs, by any name: the same path, a symbolic link
 * to it or a hard link (same device and inode). Writing the report there would replace the input.
 */
export async function refuseInputAsOutput(output: string, shownOutput: string, inputs: readonly NamedInput[], flag = '-o'): Promise<void> {
  const out = await stat(output).catch(() => undefined);
  if (!out) return;
  for (const input of inputs) {
    const info = await stat(input.path).catch(() => undefined);
    if (info && info.dev === out.dev && info.ino === out.ino) {
      const same = input.shown === shownOutput ? '' : ` (the same file as ${input.shown})`;
      throw new UsageError(`${flag} ${shownOutput} is also an input${same}; writing the report there would replace it. Nothing was written: choose another ${flag} path.`);
    }
  }
}
