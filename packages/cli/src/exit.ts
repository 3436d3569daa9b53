import { isInputError } from '@preach/core/errors';

/** Exit codes, as ESLint and Vale use them. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** Prints an error for people: input errors with file and line, anything else in one line. */
export function printError(error: unknown, stderr: NodeJS.WritableStream = process.stderr): void {
  if (isInputError(error)) {
    stderr.write(`${error.format()}\n`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`preach: ${message}\n`);
  if (process.env.PREACH_DEBUG && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
}

/** A usage or input problem that ends the command with exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
