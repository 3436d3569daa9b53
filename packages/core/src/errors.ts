/**
 * A problem in something a person wrote: a config file, a rule file, a draft's front matter, a
 * transcript line. It names the file, the line and what to do; callers print `format()`, never a
 * stack trace.
 */
export class PreachInputError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** The key at fault, as a dotted path (`rules.over-promise.severity`). */
  readonly key?: string;
  /** What would be accepted instead. */
  readonly hint?: string;

  constructor(options: { file: string; message: string; line?: number; column?: number; key?: string; hint?: string }) {
    super(options.message);
    this.name = 'PreachInputError';
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
    this.key = options.key;
    this.hint = options.hint;
  }

  format(): string {
    const where = [this.file, this.line, this.line !== undefined ? this.column ?? 1 : undefined].filter((part) => part !== undefined).join(':');
    const key = this.key ? `${this.key}: ` : '';
    const hint = this.hint ? `\n  ${this.hint}` : '';
    return `${where}: ${key}${this.message}${hint}`;
  }
}

/** Several input errors at once (a config with three bad keys reports all three). */
export class PreachInputErrors extends Error {
  readonly errors: PreachInputError[];

  constructor(errors: PreachInputError[]) {
    super(errors.map((e) => e.format()).join('\n'));
    this.name = 'PreachInputErrors';
    this.errors = errors;
  }

  format(): string {
    return this.message;
  }
}

export function isInputError(error: unknown): error is PreachInputError | PreachInputErrors {
  return error instanceof PreachInputError || error instanceof PreachInputErrors;
}
