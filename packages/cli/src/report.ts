import type { LintResult, PreachMessage } from '@preach/core';

/** One linted input, as the formatters see it. */
export interface FileReport {
  /** The path as shown to the user (relative to the working folder), or `<stdin>`. */
  file: string;
  result?: LintResult;
  /** Why the file could not be checked (missing, binary, unreadable). */
  error?: string;
  fixed?: { applied: number; skipped: number };
  /** Why `--fix` left the file as it was (not UTF-8, read-only, disk full); `result` is of the file as it still is. */
  writeError?: string;
}

export interface Totals {
  errors: number;
  warnings: number;
  suggestions: number;
  fixable: number;
  inputErrors: number;
  /** Files whose fixes could not be written. */
  writeErrors: number;
}

export function totals(reports: readonly FileReport[]): Totals {
  const sum: Totals = { errors: 0, warnings: 0, suggestions: 0, fixable: 0, inputErrors: 0, writeErrors: 0 };
  for (const report of reports) {
    if (report.error) sum.inputErrors++;
    if (report.writeError) sum.writeErrors++;
    for (const message of report.result?.messages ?? []) {
      if (message.severity === 'error') sum.errors++;
      else if (message.severity === 'warning') sum.warnings++;
      else sum.suggestions++;
      if (message.expected?.length) sum.fixable++;
    }
  }
  return sum;
}

/** Where a message ends, as a line and column (its start when it is about a point). */
export function endPoint(message: PreachMessage): { line: number; column: number } {
  const end = message.place && 'end' in message.place ? message.place.end : undefined;
  return { line: end?.line ?? message.line ?? 1, column: end?.column ?? message.column ?? 1 };
}
