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
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The spelling and grammar checker's thread (rules/src/writing), started from the file next to the rules' code. */
const writingChecker = { 'writing-checker-worker': join(root, 'rules', 'dist', 'src', 'writing', 'writing-checker-worker.js') };

/**
 * The engine loads compromise on first use through `createRequire`, which a bundle cannot follow.
 * In a bundle the loader is a plain `require('compromise')`: esbuild puts compromise in the
 * bundle and still runs it only when the loader is first called.
 */
export const compromiseInBundle = {
  name: 'compromise-in-bundle',
  setup(build) {
    build.onLoad({ filter: /[\\/]core[\\/]dist[\\/]text[\\/]load-compromise\.js$/ }, (args) => ({
      contents: "export function loadCompromise() { return require('compromise'); }",
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
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
  plugins: [compromiseInBundle],
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
 * packages/cli/bundle: preach.js (the command) and worker.js, the `preach score` thread, which
 * the worker pool starts from the file next to it. `preach lsp` imports the language server's
 * own bundle, so the server's checker thread finds its worker.js next to it.
 */
export async function bundleCli(options = {}) {
  const cli = join(root, 'packages', 'cli');
  rmSync(join(cli, 'bundle'), { recursive: true, force: true });
  return build({
    ...esm,
    entryPoints: { preach: join(cli, 'dist', 'main.js'), worker: join(root, 'packages', 'score', 'dist', 'worker.js'), ...writingChecker },
    outdir: join(cli, 'bundle'),
    external: [...esm.external, 'piscina', 'chart.js', 'bullmq', 'ioredis'],
    plugins: [
      ...esm.plugins,
      {
        name: 'language-server-bundle',
        setup(build) {
          build.onResolve({ filter: /^@preach\/language-server$/ }, () => ({ path: '@preach/language-server/bundle', external: true }));
        },
      },
    ],
    ...options,
  });
}
