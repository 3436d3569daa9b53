#!/usr/bin/env node
// Bundles the extension (client) and the language server with its checker thread into dist/,
// as CommonJS for the extension host; nothing from node_modules is needed at run time.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compromiseInBundle } from '../../scripts/bundle.mjs';

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
  plugins: [compromiseInBundle],
};

await Promise.all([
  build({ ...common, entryPoints: { extension: join(here, 'src', 'extension.ts') }, outdir: join(here, 'dist'), outExtension: { '.js': '.cjs' }, external: ['vscode'] }),
  build({ ...common, entryPoints: { server: join(server, 'main.js'), worker: join(server, 'worker.js') }, outdir: join(here, 'dist'), outExtension: { '.js': '.cjs' } }),
]);
console.log('extension/dist: extension.cjs, server.cjs, worker.cjs');
