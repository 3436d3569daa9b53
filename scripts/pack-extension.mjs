#!/usr/bin/env node
// Packs the built extension (npm run build) into the .zip files the stores take:
// browser-extension/release/preach-chromium-<version>.zip for the Chrome Web Store and
// browser-extension/release/preach-firefox-<version>.zip for Firefox Add-ons.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'browser-extension', 'dist');
const release = join(root, 'browser-extension', 'release');

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function packExtension() {
  const written = [];
  for (const browser of ['chromium', 'firefox']) {
    const dir = join(dist, browser);
    if (!existsSync(join(dir, 'manifest.json'))) {
      throw new Error(`${relative(root, dir)} has no build: run npm run build first`);
    }
    const { version } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    // The manifest at the root of the archive, paths with forward slashes, a fixed date: the same
    // build packs to the same bytes.
    const entries = Object.fromEntries(filesUnder(dir).sort().map((file) => [relative(dir, file).split(sep).join('/'), [readFileSync(file), { mtime: new Date('2025-01-01T00:00:00Z') }]]));
    const zip = zipSync(entries, { level: 9 });
    mkdirSync(release, { recursive: true });
    const target = join(release, `preach-${browser}-${version}.zip`);
    writeFileSync(`${target}.tmp`, zip);
    renameSync(`${target}.tmp`, target);
    written.push(target);
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    for (const file of packExtension()) console.log(relative(process.cwd(), file));
  } catch (error) {
    console.error(`pack-extension: ${error.message}`);
    process.exitCode = 1;
  }
}
