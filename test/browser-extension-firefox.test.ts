import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { HANG_GUARD_MS } from './helpers/hang-guard.mjs';
import { ROOT } from './helpers/cli.js';

/**
 * The extension's Firefox build in Debian's Firefox ESR (firefox-esr), driven over WebDriver BiDi
 * by test/firefox/smoke.mjs: the mark, the badge, the card, the fix and Firefox's own undo.
 */

const FIREFOX = '/usr/bin/firefox-esr';
const hasFirefox = existsSync(FIREFOX);
if (!hasFirefox) console.warn(`browser-extension-firefox: skipped, ${FIREFOX} not found (apt-get install -y firefox-esr)`);
const run = promisify(execFile);

describe.skipIf(!hasFirefox)('the browser extension in Firefox', () => {
  it('marks a wrong name in a ticket page, opens the card, applies the fix, and Firefox undoes it', async () => {
    const { stdout } = await run(process.execPath, ['--experimental-websocket', join(ROOT, 'test', 'firefox', 'smoke.mjs'), FIREFOX, join(ROOT, 'browser-extension', 'dist', 'firefox')], { timeout: HANG_GUARD_MS });
    const seen = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(seen.badge).toEqual({ score: expect.any(Number), situation: 'billing-failure' });
    expect(seen.card).toEqual({ rule: 'name-mismatch', fix: 'Dana' });
    expect(seen.fixed).toBe('Hi Dana, we have unlocked your account.');
    expect(seen.undone).toBe(seen.typed);
    // The server saw the page's own requests only.
    expect(seen.requests.filter((url: string) => url !== '/favicon.ico')).toEqual(['/']);
  });
});
