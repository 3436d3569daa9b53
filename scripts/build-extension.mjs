// Builds the browser extension (browser-extension/) into browser-extension/dist/chromium and
// browser-extension/dist/firefox: the same scripts, a manifest for each browser.
//
// Chromium runs the checker in a service worker; Firefox runs Manifest V3 backgrounds as event
// pages (`background.scripts`) and needs an add-on id. Everything else is shared.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { browserBuild } from './bundle-browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extension = join(root, 'browser-extension');
export const EXTENSION_DIST = join(extension, 'dist');
export const FIREFOX_ID = 'preach@preach.dev';

/** The manifest for one browser, from browser-extension/manifest.json. */
export function manifestFor(browser) {
  const manifest = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8'));
  if (browser === 'firefox') {
    manifest.background = { scripts: ['background.js'] };
    delete manifest.minimum_chrome_version;
    // Add-ons declare what data they collect (none) from Firefox 140 (142 on Android), the ESR.
    manifest.browser_specific_settings = { gecko: { id: FIREFOX_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } }, gecko_android: { strict_min_version: '142.0' } };
  }
  return manifest;
}

export async function buildExtension() {
  rmSync(EXTENSION_DIST, { recursive: true, force: true });
  const scripts = join(EXTENSION_DIST, '.scripts');
  await build({
    ...browserBuild,
    entryPoints: {
      background: join(extension, 'src', 'background.ts'),
      content: join(extension, 'src', 'content', 'index.ts'),
      options: join(extension, 'src', 'options', 'options.ts'),
    },
    outdir: scripts,
  });
  const icons = iconFiles();
  for (const browser of ['chromium', 'firefox']) {
    const out = join(EXTENSION_DIST, browser);
    mkdirSync(join(out, 'icons'), { recursive: true });
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifestFor(browser), null, 2)}\n`);
    for (const name of readdirSync(scripts)) copyFileSync(join(scripts, name), join(out, name));
    for (const name of readdirSync(join(extension, 'static'))) copyFileSync(join(extension, 'static', name), join(out, name));
    for (const [size, png] of icons) writeFileSync(join(out, 'icons', `${size}.png`), png);
  }
  rmSync(scripts, { recursive: true, force: true });
}

/**
 * The icon, drawn here rather than kept as binary files: a green disc with a white underline
 * under a dark bar, the mark preach puts under words.
 */
function iconFiles() {
  return [16, 32, 48, 128].map((size) => {
    const png = new PNG({ width: size, height: size });
    const centre = (size - 1) / 2;
    const radius = size / 2;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const at = (y * size + x) * 4;
        const distance = Math.hypot(x - centre, y - centre);
        const inside = Math.max(0, Math.min(1, radius - distance));
        const u = x / size;
        const v = y / size;
        const bar = v > 0.36 && v < 0.5 && u > 0.24 && u < 0.76;
        const wave = Math.abs(v - (0.64 + 0.04 * Math.sin(u * Math.PI * 4))) < Math.max(0.05, 1.2 / size) && u > 0.2 && u < 0.8;
        const [r, g, b] = bar ? [32, 33, 36] : wave ? [255, 255, 255] : [24, 128, 56];
        png.data[at] = bar || wave ? r : 24;
        png.data[at + 1] = bar || wave ? g : 128;
        png.data[at + 2] = bar || wave ? b : 56;
        png.data[at + 3] = Math.round(255 * inside);
      }
    }
    return [size, PNG.sync.write(png)];
  });
}
