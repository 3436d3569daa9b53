// Bundles the `preach` command and the language server with esbuild, so they start by reading a
// few files instead of resolving and compiling some two thousand modules. Run by build.mjs after
// tsc; the bundles are made from the compiled JavaScript in each package's dist/.
//
// What stays outside the bundles, on purpose:
// - teams' code packs and npm packs and presets: found and imported at run time from the
//   team's folder and project (packages/config), never at build time;
// - piscina, whose worker threads start from its own files next to it;
// - BullMQ and ioredis, loaded only by `preach score --queue` and `preach worker`;
// - Chart.js, whose browser build the HTML report reads as text;
// - harper.js, the spelling and grammar checker, which finds its WebAssembly file next to its
//   own; its thread, writing-checker-worker.js, sits next to the code that starts it.
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asciiBundle } from './ascii-bundle.mjs';
import { precompiledAjv } from './precompile-validators.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The spelling and grammar checker's thread (rules/src/writing), started from the file next to the rules' code. */
const writingChecker = { 'writing-checker-worker': join(root, 'rules', 'dist', 'src', 'writing', 'writing-checker-worker.js') };

/**
 * The engine loads compromise and the language detector on first use through `createRequire`,
 * which a bundle cannot follow. In a bundle each loader is a plain `require()`: esbuild puts the
 * library in the bundle and still runs it only when the loader is first called.
 */
const LAZY_LIBRARIES = { 'load-compromise': ['loadCompromise', 'compromise'], 'load-language-detector': ['loadLanguageDetector', 'tinyld/light'] };

export const lazyLibrariesInBundle = {
  name: 'lazy-libraries-in-bundle',
  setup(build) {
    build.onLoad({ filter: /[\\/]core[\\/]dist[\\/]text[\\/]load-(?:compromise|language-detector)\.js$/ }, (args) => {
      const [loader, library] = LAZY_LIBRARIES[basename(args.path, '.js')];
      return { contents: `export function ${loader}() { return require('${library}'); }`, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * A script run from a code cache has no `import()` of its own (V8 keeps no way to resolve it), so
 * in the command's bundle the modules it imports from outside (a team's code pack, the language
 * server's bundle) are imported by the loader, bin/load-command.js, which hands its `import` to
 * the script as `__preach_import`. A build that leaves an `import(` in the bundle fails.
 */
const importThroughLoader = {
  name: 'import-through-loader',
  setup(build) {
    build.onLoad({ filter: /[\\/]config[\\/]dist[\\/]import-module\.js$/ }, (args) => ({
      contents: "import { shareCoreWithPacks } from './share-core.js'; export function importModule(specifier) { shareCoreWithPacks(); return __preach_import(specifier); }",
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
    build.onResolve({ filter: /^@preach\/language-server$/ }, () => ({ path: 'language-server', namespace: 'through-loader' }));
    build.onLoad({ filter: /.*/, namespace: 'through-loader' }, () => ({
      contents: "export async function runStdioServer(...args) { return (await __preach_import('@preach/language-server/bundle')).runStdioServer(...args); }",
      loader: 'js',
    }));
    build.onEnd((result) => {
      if (result.errors.length) return;
      for (const file of Object.keys(result.metafile?.outputs ?? {})) {
        if (!/(?:^|[\\/])(?:preach|score-thread)\.cjs$/.test(file)) continue;
        const source = readFileSync(file, 'utf8');
        const found = /[^\w$.]import\(.{0,60}/.exec(source);
        if (found) throw new Error(`${file} calls import(), which a script run from a code cache cannot: ${found[0]}\nImport modules outside the bundle through importModule (packages/config/src/import-module.ts).`);
        // The loader reads the script as Latin-1, a copy of its bytes (scripts/ascii-bundle.mjs).
        writeFileSync(file, asciiBundle(source, file));
      }
    });
  },
};

const esm = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // One copy of the code the entry points share, in chunks next to them: code finds its worker
  // file (and the command its package.json) relative to its own file, so every output file of a
  // bundle must sit in the same folder as the others.
  splitting: true,
  minifySyntax: true,
  minifyWhitespace: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  external: ['harper.js', 'harper.js/*'],
  plugins: [lazyLibrariesInBundle],
  // CommonJS dependencies inside an ES module bundle still call require() for Node's built-ins,
  // and some name their own file (write-file-atomic, vscode-languageserver): they get the file
  // of the bundle they are in.
  banner: {
    js: [
      "import { createRequire as __preachCreateRequire } from 'node:module';",
      "import { dirname as __preachDirname } from 'node:path';",
      "import { fileURLToPath as __preachFileURLToPath } from 'node:url';",
      'const require = __preachCreateRequire(import.meta.url);',
      'const __preach_filename = __preachFileURLToPath(import.meta.url);',
      'const __preach_dirname = __preachDirname(__preach_filename);',
    ].join(' '),
  },
  define: { __filename: '__preach_filename', __dirname: '__preach_dirname' },
};

/**
 * packages/language-server/bundle: index.js (what `preach lsp` imports), main.js (the
 * `preach-language-server` command) and worker.js, the checker thread, which the server starts
 * from the file next to it.
 */
export async function bundleLanguageServer(options = {}) {
  const server = join(root, 'packages', 'language-server');
  // Chunk names change with their content: start from an empty folder, not last build's chunks.
  rmSync(join(server, 'bundle'), { recursive: true, force: true });
  return build({
    ...esm,
    entryPoints: { index: join(server, 'dist', 'index.js'), main: join(server, 'dist', 'main.js'), worker: join(server, 'dist', 'worker.js'), ...writingChecker },
    outdir: join(server, 'bundle'),
    ...options,
  });
}

/**
 * packages/cli/bundle: preach.cjs (the command) and score-thread.cjs (a `preach score` thread),
 * each with V8's code cache for it (.cache, scripts/code-cache.mjs), and worker.js, the file the
 * worker pool starts, which loads score-thread.cjs with its cache (bin/load-command.js). Both find
 * the spelling and grammar checker's thread, writing-checker-worker.cjs, next to them. `preach
 * lsp` imports the language server's own bundle, so the server's checker thread finds its
 * worker.js next to it.
 *
 * Each is one CommonJS script, not ES module chunks: Node 20 keeps no code cache for ES modules,
 * and for a script it takes one (`vm.Script`'s `cachedData`), so a short `preach lint` need not
 * parse and compile the engine each time, nor each scoring thread of every `preach score` run.
 * Commands other than the one the cache was made with still load their code only when they are
 * run, as esbuild keeps a module reached by `import()` unevaluated until then.
 */
export async function bundleCli(options = {}) {
  const cli = join(root, 'packages', 'cli');
  const bundleDir = join(cli, 'bundle');
  rmSync(bundleDir, { recursive: true, force: true });
  const external = [...esm.external, 'piscina', 'chart.js', 'bullmq', 'ioredis'];
  const result = await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minifySyntax: true,
    minifyWhitespace: true,
    sourcemap: 'linked',
    logLevel: 'warning',
    entryPoints: { preach: join(cli, 'dist', 'main.js'), 'score-thread': join(root, 'packages', 'score', 'dist', 'worker.js'), ...writingChecker },
    outdir: bundleDir,
    outExtension: { '.js': '.cjs' },
    metafile: true,
    external: [...external, '@preach/language-server'],
    plugins: [lazyLibrariesInBundle, importThroughLoader, precompiledAjv('compile')],
    // Strict throughout, as the ES modules it is made from are.
    banner: { js: `"use strict";var __preach_import_meta_url=require("node:url").pathToFileURL(__filename).href;` },
    define: { 'import.meta.url': '__preach_import_meta_url' },
    ...options,
  });
  // The pool (packages/score/src/pool.ts) starts the worker.js next to the code that starts it.
  writeFileSync(
    join(bundleDir, 'worker.js'),
    "// A `preach score` thread: score-thread.cjs with V8's code cache for it (scripts/bundle.mjs).\nimport { loadScoreThread } from '../bin/load-command.js';\n\nexport default loadScoreThread().exports.default;\n",
  );
  return result;
}
