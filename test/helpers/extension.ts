import { HANG_GUARD_MS } from './hang-guard.mjs';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.js';
import { ROOT } from './cli.js';

export const EXTENSION_BUILD = join(ROOT, 'browser-extension', 'dist', 'chromium');

export interface LoadedExtension {
  context: import('playwright-core').BrowserContext;
  worker: import('playwright-core').Worker;
  id: string;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension loaded unpacked. The one change to it: the test server's
 * origin is granted at install, as a lead's "turn on" grants a help desk's (a permission prompt
 * cannot be clicked in a test); the extension then registers its content script for it by the
 * same code as for any site.
 */
export async function launchWithExtension(origins: string[]): Promise<LoadedExtension> {
  const dir = mkdtempSync(join(tmpdir(), 'preach-extension-'));
  const extension = join(dir, 'extension');
  cpSync(EXTENSION_BUILD, extension, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8'));
  manifest.host_permissions = origins;
  writeFileSync(join(extension, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    // Playwright's headless is Chromium's new headless mode, which loads extensions.
    headless: true,
    viewport: { width: 1100, height: 760 },
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  // Waits end on what they wait for; Playwright's 30 s default is a speed limit a busy machine
  // breaks. Only a hang (minutes) fails a wait.
  context.setDefaultTimeout(HANG_GUARD_MS);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  // The content script is registered for the granted origins once the background has started.
  await worker.evaluate(
    (wanted) =>
      new Promise<void>((resolve) => {
        const done = (sites: string[] | undefined) => wanted.every((origin) => sites?.includes(origin));
        chrome.storage.onChanged.addListener((changes) => {
          if (done(changes.registeredSites?.newValue as string[] | undefined)) resolve();
        });
        void chrome.storage.local.get('registeredSites').then(({ registeredSites }) => {
          if (done(registeredSites as string[] | undefined)) resolve();
        });
      }),
    origins,
  );
  return {
    context,
    worker,
    id,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
