import { createRequire } from 'node:module';
import type { detectAll } from 'tinyld/light';

export interface LanguageDetector {
  detectAll: typeof detectAll;
}

/**
 * Loads tinyld, the language detector, synchronously and only when a reply needs it: English
 * replies, and replies in a script of their own (Thai, Korean, Chinese), are told apart without
 * it, and building its tables would otherwise cost every `preach lint` a twentieth of a second.
 * The bundles (scripts/bundle.mjs) replace this module with a plain `require('tinyld/light')`,
 * which esbuild bundles and runs on first call.
 */
export function loadLanguageDetector(): LanguageDetector {
  return createRequire(import.meta.url)('tinyld/light') as LanguageDetector;
}
