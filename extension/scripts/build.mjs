#!/usr/bin/env node
// Bundles the extension (client) and the language server with its checker thread into dist/,
// as CommonJS for the extension host; nothing from node_modules is needed at run time.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyLibrariesInBundle } from '../../scripts/bundle.mjs';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const server = join(here, '..', 'packages', 'language-server', 'dist');
const production = !process.argv.includes('--dev');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  // The engine is ESM and finds its worker next to itself through import.meta.url.
  define: { 'import.meta.url': '__preach_import_meta_url' },
  banner: { js: "const __preach_import_meta_url = require('url').pathToFileURL(__filename).href;" },
  // compromise goes in the bundle, loaded on first use as in the command.
  plugins: [lazyLibrariesInBundle],
};

// The spelling and grammar checker's thread, with Harper inside it, and Harper's WebAssembly file
// next to it (Harper finds the file beside its own code, here the thread's file).
const rules = join(here, '..', 'rules', 'dist', 'src', 'writing');
const harperDist = dirname(fileURLToPath(import.meta.resolve('harper.js')));
mkdirSync(join(here, 'dist'), { recursive: true });
copyFileSync(join(harperDist, 'harper_wasm_slim_bg.wasm'), join(here, 'dist', 'harper_wasm_slim_bg.wasm'));

await Promise.all([
  build({ ...common, entryPoints: { extension: join(here, 'src', 'extension.ts') }, outdir: join(here, 'dist'), outExtension: { '.js': '.cjs' }, external: ['vscode'] }),
  build({
    ...common,
    entryPoints: { server: join(server, 'main.js'), worker: join(server, 'worker.js'), 'writing-checker-worker': join(rules, 'writing-checker-worker.js') },
    outdir: join(here, 'dist'),
    outExtension: { '.js': '.cjs' },
  }),
]);
console.log('extension/dist: extension.cjs, server.cjs, worker.cjs, writing-checker-worker.cjs, harper_wasm_slim_bg.wasm');
