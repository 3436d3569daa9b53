import weakMemoize from '@emotion/weak-memoize';
import type { PreachInputError } from '@preach/core';

/** What was already said on a stream, so a warning shared by many drafts' configs is said once. */
const said = weakMemoize((_stream: NodeJS.WritableStream) => new Set<string>());

/**
 * Prints what still works but should change in the config files (a renamed option), with the
 * file, line and key, on standard error: once per run, however many drafts share the config.
 */
export function printConfigWarnings(warnings: readonly PreachInputError[], stderr: NodeJS.WritableStream): void {
  const already = said(stderr);
  for (const warning of warnings) {
    const text = `warning: ${warning.format()}`;
    if (already.has(text)) continue;
    already.add(text);
    stderr.write(`${text}\n`);
  }
}
