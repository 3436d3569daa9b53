// esbuild settings the bundles share (extension/scripts/build.mjs).
import { dirname } from 'node:path';

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
