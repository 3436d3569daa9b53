import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES } from '@preach/core';

/**
 * Walks up from `start` (a file or folder) to the nearest folder with a config file, or a
 * package.json with a `preach` key. Returns undefined when there is none.
 */
export function findConfigFile(start: string): string | undefined {
  let dir = resolve(start);
  if (!isDirectory(dir)) dir = dirname(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && hasPreachKey(pkg)) return pkg;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function hasPreachKey(pkg: string): boolean {
  try {
    return Object.prototype.hasOwnProperty.call(JSON.parse(readFileSync(pkg, 'utf8')), 'preach');
  } catch {
    return false;
  }
}
