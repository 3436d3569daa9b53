// Bundles preach for browsers (packages/browser/bundle): the engine, the built-in rules and the
// YAML rule loader, for the playground's Web Worker and the browser extension's background.
//
// Pages whose Content Security Policy forbids `eval` (every extension page under Manifest V3)
// cannot run Ajv, which compiles each JSON Schema to a function with `new Function`: the bundle's
// `ajv` is the table of validators scripts/precompile-validators.mjs compiles at build time.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyLibrariesInBundle } from './bundle.mjs';
import { precompiledAjv } from './precompile-validators.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const browserPackage = join(root, 'packages', 'browser');

/** What every browser bundle shares: browser platform, compromise inside, Ajv's table instead of Ajv. */
export const browserBuild = {
  bundle: true,
  platform: 'browser',
  target: ['chrome120', 'firefox121'],
  format: 'iife',
  // Checks run in workers (the playground's Web Worker, the extension's service worker), which
  // have no DOM: packages with a DOM build for browsers have one for workers too.
  conditions: ['worker'],
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
  // The writing checker finds its Node thread from import.meta.url; in browsers that code is
  // shimmed out (see no-node-threads below) and never reached, so its empty import.meta is moot.
  logOverride: { 'empty-import-meta': 'silent' },
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [
    lazyLibrariesInBundle,
    {
      // The spelling and grammar rules run Harper in a Node thread of its own; a browser has no
      // such thread to wait on. Their modules load, and a check that turns them on says why it
      // cannot run here (they are off in preach:recommended).
      name: 'no-node-threads',
      setup(build) {
        build.onResolve({ filter: /^node:(fs|url|worker_threads)$/ }, (args) => ({ path: args.path, namespace: 'no-node' }));
        build.onLoad({ filter: /.*/, namespace: 'no-node' }, () => ({
          contents: `const why = () => { throw new Error('spelling and grammar run in the preach command and in editors, not in the browser build: it has no thread to run the checker in'); };
export const existsSync = why, fileURLToPath = why, receiveMessageOnPort = why;
export const isMainThread = true, parentPort = null, workerData = undefined;
export class Worker { constructor() { why(); } }
export class MessageChannel { constructor() { why(); } }`,
          loader: 'js',
        }));
      },
    },
    precompiledAjv('refuse'),
  ],
};

/** packages/browser/bundle: preach-worker.js (the Web Worker) and preach.js (a global `Preach`). */
export async function bundleBrowser() {
  rmSync(join(browserPackage, 'bundle'), { recursive: true, force: true });
  await Promise.all([
    build({ ...browserBuild, entryPoints: [join(browserPackage, 'dist', 'worker.js')], outfile: join(browserPackage, 'bundle', 'preach-worker.js') }),
    build({ ...browserBuild, entryPoints: [join(browserPackage, 'dist', 'index.js')], outfile: join(browserPackage, 'bundle', 'preach.js'), globalName: 'Preach' }),
  ]);
}

/**
 * playground/dist/index.html: one file, the page's script and the worker inside it, so it opens
 * from a file (a page opened from a file may not load a worker from another file).
 */
export async function buildPlayground() {
  const playground = join(root, 'playground');
  const page = await build({ ...browserBuild, entryPoints: [join(playground, 'src', 'playground.ts')], write: false });
  const script = page.outputFiles[0].text;
  const worker = readFileSync(join(browserPackage, 'bundle', 'preach-worker.js'), 'utf8');
  // Inside a <script> element, only "</script" ends it; escaped, the JavaScript means the same.
  const inScript = (code) => code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  const html = readFileSync(join(playground, 'src', 'index.html'), 'utf8')
    .replace('/*STYLE*/', () => readFileSync(join(playground, 'src', 'style.css'), 'utf8'))
    .replace('/*WORKER*/', () => inScript(worker))
    .replace('/*SCRIPT*/', () => inScript(script));
  mkdirSync(join(playground, 'dist'), { recursive: true });
  writeFileSync(join(playground, 'dist', 'index.html'), html);
}
