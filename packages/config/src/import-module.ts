import { shareCoreWithPacks } from './share-core.js';

/**
 * `import()` of a team's code pack: the one place config loads a module outside its own package.
 * The pack's `@preach/core` is the engine already running (share-core.ts).
 * The `preach` command's bundle runs as a script from V8's code cache (packages/cli/bin/load-command.js),
 * where V8 has no `import()` to offer, and scripts/bundle.mjs puts in its place a version that
 * asks the command's loader to import the module.
 */
export function importModule(specifier: string): Promise<unknown> {
  shareCoreWithPacks();
  return import(specifier);
}
