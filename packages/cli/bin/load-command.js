// Loads the command's bundle (bundle/preach.cjs, one script) with V8's code cache for it
// (bundle/preach.cjs.cache, written at build time by scripts/code-cache.mjs). With the cache,
// V8 neither parses the 4 MB script nor compiles the functions a `preach lint` runs: they come
// ready from the cache (with the other start-up work in scripts/bundle.mjs, a short lint takes
// 330 ms on a two-core machine where it took 565). A cache made by another Node version is
// rejected by V8, and the script is then compiled as usual.
//
// `preach score`'s threads load their bundle (bundle/score-thread.cjs) the same way: each thread
// compiled the 3 MB of it afresh, half a second of CPU per thread for every run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

export const BUNDLE = fileURLToPath(new URL('../bundle/preach.cjs', import.meta.url));
export const CODE_CACHE = `${BUNDLE}.cache`;
export const SCORE_THREAD = fileURLToPath(new URL('../bundle/score-thread.cjs', import.meta.url));
export const SCORE_THREAD_CODE_CACHE = `${SCORE_THREAD}.cache`;

/**
 * The bundle's exports (`main`), and the compiled script, whose `createCachedData()` the build
 * calls after a warm-up run. `useCache: false` compiles from the source alone.
 */
export function loadCommand({ useCache = true } = {}) {
  return loadBundle(BUNDLE, CODE_CACHE, useCache);
}

/** The scoring thread's exports (`default`, the task), as loadCommand gives the command's. */
export function loadScoreThread({ useCache = true } = {}) {
  return loadBundle(SCORE_THREAD, SCORE_THREAD_CODE_CACHE, useCache);
}

function loadBundle(file, cacheFile, useCache) {
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // No cache (a build that did not make one): compile from the source.
    }
  }
  // A CommonJS module's wrapper, with one more parameter: the bundle imports the modules outside
  // it (a team's code pack, the language server) through `__preach_import`, as V8 gives a script
  // run from a code cache no `import()` of its own (scripts/bundle.mjs).
  // The bundle is ASCII (scripts/ascii-bundle.mjs): read as Latin-1, it is a copy of its bytes,
  // where decoding 4 MB of UTF-8 into a string took a tenth of a short lint.
  const source = `(function (exports, require, module, __filename, __dirname, __preach_import) {${readFileSync(file, 'latin1')}\n})`;
  const script = new Script(source, { filename: file, cachedData });
  const module = { exports: {} };
  const importModule = (specifier) => import(specifier);
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), importModule);
  return { exports: module.exports, script, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}
