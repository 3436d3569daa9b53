import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { STARTER_CONFIG } from '@preach/config';
import { UsageError } from '../exit.js';
import { WriteFailure, writeFileSafely } from '../safe-write.js';

/** `preach init`: writes a commented starter `.preachrc.yaml`. Never overwrites without --force. */
export async function initCommand(options: { force?: boolean }, cwd: string, stdout: NodeJS.WritableStream): Promise<number> {
  const target = join(cwd, '.preachrc.yaml');
  if (existsSync(target) && !options.force) throw new UsageError(`${relative(cwd, target)} already exists; use --force to overwrite it`);
  try {
    await writeFileSafely(target, STARTER_CONFIG, relative(cwd, target));
  } catch (error) {
    throw error instanceof WriteFailure ? new UsageError(error.message) : error;
  }
  stdout.write(`Wrote ${relative(cwd, target)}. Edit it, then run \`preach lint your-draft.md\`.\n`);
  return 0;
}
