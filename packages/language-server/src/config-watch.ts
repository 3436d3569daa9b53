import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CONFIG_FILE_NAMES } from '@preach/core';

/**
 * Watches the folders of the config files in use (editors save by rename, which a watch on the
 * file itself would miss) and calls `onChange` once per burst of changes. Editors that send
 * workspace/didChangeWatchedFiles trigger the same reload; a second one within the burst is free.
 */
export class ConfigWatcher {
  private readonly folders = new Map<string, FSWatcher>();
  private readonly files = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onChange: () => void,
    private readonly delayMs = 60,
  ) {}

  watchFiles(files: readonly string[]): void {
    for (const file of files) {
      this.files.add(file);
      const folder = dirname(file);
      if (this.folders.has(folder)) continue;
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => {
          if (!name || this.isConfigName(folder, String(name))) this.trigger();
        });
        watcher.on('error', () => this.folders.delete(folder));
        this.folders.set(folder, watcher);
      } catch {
        // The folder may be gone; the editor's own notifications still reach us.
      }
    }
  }

  trigger(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(this.onChange, this.delayMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const watcher of this.folders.values()) watcher.close();
    this.folders.clear();
  }

  private isConfigName(folder: string, name: string): boolean {
    return CONFIG_FILE_NAMES.includes(name) || this.files.has(join(folder, basename(name)));
  }
}
