import weakMemoize from '@emotion/weak-memoize';
import { readThread } from '../thread.js';
import type { ValidateFunction } from 'ajv';
import { PreachInputError, PreachInputErrors } from '../errors.js';
import { canonicalSeverity } from '../categories.js';
import { ruleSchema, packFileSchema } from '../schemas.js';
import type { Category, ReplyContext, Rule, RuleConditions, RuleExample, RuleMeta, SeveritySetting } from '../types.js';
import { CONTEXT_KEYS } from '../text/front-matter.js';
import { ajv, parseYamlSource, validateLocated, type LocatedValue } from '../yaml-source.js';
import { CONTEXT_PLACEHOLDERS, ruleKind, type Params, type RuleKind } from './kinds/index.js';
import { trustPatterns } from './user-regex.js';

// Compiling these schemas costs a noticeable part of start-up: do it only when a file needs it.
let validateRule: ValidateFunction | undefined;
let validatePack: ValidateFunction | undefined;

export interface RuleSourceOptions {
  /** Shown in `preach rules` and errors: `preach:recommended`, a pack path or package name. */
  origin: string;
  /** Base URL for rule docs; the rule id is appended when a rule has no `url`. */
  docsUrl?: string;
  /**
   * Skip schema validation: only for sources already validated when they were built (the
   * built-in rules, whose schema test runs in CI), including the regular expressions and
   * compromise patterns the schema checks. Rules are still checked for consistency.
   */
  trusted?: boolean;
  /**
   * The source as already parsed (its YAML as JSON), for the built-in rules, parsed when preach
   * is built: start-up skips the YAML parser, which runs only if a line number is asked for.
   */
  parsed?: unknown;
}

export interface CompiledRuleFile {
  rules: Rule[];
  vocabulary: string[];
  /** The line of each rule's `id`, in the order of `rules` (to point at duplicates across files). */
  lines: number[];
}

/**
 * Compiles a rule file's text (YAML or JSON): one rule, or a pack file with `rules:` and
 * `vocabulary:`. Throws `PreachInputErrors` naming the file, line and key of every problem.
 */
export function compileRuleSource(source: string, file: string, options: RuleSourceOptions): CompiledRuleFile {
  const located = options.parsed === undefined ? parseYamlSource(source, file) : parsedAhead(source, file, options.parsed);
  const value = located.value as Record<string, unknown> | null;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new PreachInputError({ file, line: 1, message: 'a rule file must be a mapping with id, kind, category and message (or a pack file with `rules:`)' });
  }
  const isPack = 'rules' in value && !('kind' in value);
  if (options.trusted) trustPatterns(regexesOf(isPack ? ((value.rules as Record<string, unknown>[]) ?? []) : [value]));
  if (!options.trusted) {
    const validate = isPack ? (validatePack ??= ajv.compile(packFileSchema)) : (validateRule ??= ajv.compile(ruleSchema));
    const errors = validateLocated(validate, located);
    if (errors.length > 0) throw new PreachInputErrors(errors);
  }
  const definitions = isPack ? ((value.rules as Record<string, unknown>[]) ?? []) : [value];
  const rules: Rule[] = [];
  const idPaths: Array<Array<string | number>> = [];
  const problems: PreachInputError[] = [];
  const firstPathOf = new Map<string, Array<string | number>>();
  const lineOf = (path: Array<string | number>) => located.locate([...path, 'id']).line;
  definitions.forEach((definition, index) => {
    const path = isPack ? ['rules', index] : [];
    const id = String(definition.id);
    const first = firstPathOf.get(id);
    if (first) {
      problems.push(new PreachInputError({ file, line: lineOf(path), column: 1, key: [...path, 'id'].join('.'), message: `"${id}" is already defined on line ${lineOf(first)}`, hint: 'Each rule needs its own id.' }));
      return;
    }
    firstPathOf.set(id, path);
    try {
      rules.push(compileDefinition(definition, located, path, options));
      idPaths.push(path);
    } catch (error) {
      if (error instanceof PreachInputErrors) problems.push(...error.errors);
      else if (error instanceof PreachInputError) problems.push(error);
      else throw error;
    }
  });
  if (problems.length > 0) throw new PreachInputErrors(problems);
  let lines: number[] | undefined;
  return {
    rules,
    vocabulary: isPack ? ((value.vocabulary as string[]) ?? []) : [],
    // Looked up when asked for: finding a line means parsing a file that was parsed ahead.
    get lines() {
      return (lines ??= idPaths.map(lineOf));
    },
  };
}

/** A file parsed when preach was built: its value now, its positions by parsing it if asked. */
function parsedAhead(source: string, file: string, value: unknown): LocatedValue {
  let parsed: LocatedValue | undefined;
  return { value, file, locate: (path) => (parsed ??= parseYamlSource(source, file)).locate(path) };
}

/** Keys that belong to a rule's identity and docs, not to its parameters. */
const META_KEYS = new Set(['$schema', 'id', 'kind', 'category', 'severity', 'critical', 'message', 'description', 'why', 'url', 'note', 'when', 'examples', 'languages']);

function compileDefinition(definition: Record<string, any>, located: LocatedValue, path: Array<string | number>, options: RuleSourceOptions): Rule {
  const kind = ruleKind(definition.kind)!;
  checkDefinition(kind, definition, located, path);
  const params: Params = Object.fromEntries(Object.entries(definition).filter(([key]) => !META_KEYS.has(key)));
  const message: string = definition.message;
  const meta: RuleMeta = {
    id: definition.id,
    kind: definition.kind,
    category: definition.category as Category,
    severity: canonicalSeverity(definition.severity ?? 'warning') as SeveritySetting,
    fixable: kind.fixable,
    critical: definition.critical ?? false,
    url: definition.url ?? (options.docsUrl ? `${options.docsUrl}${definition.id}` : undefined),
    when: definition.when as RuleConditions | undefined,
    ...(definition.languages ? { languages: definition.languages as string[] } : {}),
    origin: options.origin,
    file: located.file,
    defaultOptions: params,
    optionsSchema: optionsSchemaOf(kind),
    docs: {
      description: definition.description ?? message.replace(/\{\{\s*\w+\s*\}\}|%s/g, '…'),
      why: definition.why ?? '',
      examples: {
        bad: (definition.examples?.bad ?? []).map(toExample),
        good: (definition.examples?.good ?? []).map(toExample),
      },
    },
  };
  const note: string | undefined = definition.note;
  return {
    meta,
    check(context) {
      // Config options arrive merged over the rule's own parameters (see resolveConfig).
      const merged = Object.keys(context.options).length ? context.options : params;
      if (!note) return kind.check(context, merged, message);
      // Property by property, not `{ ...context }`: V8 spreads an object like this one slowly.
      const { text, prose, reply, options, vocabulary, analysis, severity } = context;
      kind.check({ text, prose, reply, options, vocabulary, analysis, severity, report: (r) => context.report({ note, ...r }) }, merged, message);
    },
  };
}

/** The schema of a kind's parameters: what `.preachrc` may override as a rule's options. */
const optionsSchemaOf = weakMemoize((kind: RuleKind): Record<string, unknown> => ({ type: 'object', additionalProperties: false, properties: kind.parameters, ...kind.keywords }));

function toExample(raw: string | Record<string, any>): RuleExample {
  if (typeof raw === 'string') return { text: raw };
  const context: ReplyContext = {};
  for (const [key, value] of Object.entries(raw.context ?? {})) {
    if (key === 'thread') context.thread = readThread(value).turns;
    else (context as Record<string, unknown>)[CONTEXT_KEYS[key]!] = value;
  }
  return { text: raw.text, context: raw.context ? context : undefined, options: raw.options, count: raw.count, fixed: raw.fixed, severity: raw.severity, note: raw.note };
}

/**
 * What the schema cannot say (the kind's own checks), and placeholders the kind never fills.
 * Refused here, never thrown later.
 */
function checkDefinition(kind: RuleKind, definition: Record<string, any>, located: LocatedValue, path: Array<string | number>): void {
  const problems: PreachInputError[] = [];
  const refuse = (keyPath: Array<string | number>, message: string, hint?: string) => {
    const where = located.locate([...path, ...keyPath]);
    const key = [...path, ...keyPath].join('.') || `rule ${JSON.stringify(definition.id)}`;
    problems.push(new PreachInputError({ file: located.file, ...where, key, message, hint }));
  };
  const name = kind.name;
  const known = new Set([...CONTEXT_PLACEHOLDERS, ...kind.placeholders]);
  kind.validate?.(definition, refuse);
  for (const placeholder of String(definition.message ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
    if (!known.has(placeholder[1]!)) {
      refuse(['message'], `uses {{${placeholder[1]}}}, which ${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name} rule does not fill`, `Placeholders for ${name}: ${[...known].map((p) => `{{${p}}}`).join(', ')}.`);
    }
  }
  if (problems.length > 0) throw new PreachInputErrors(problems);
}

/** The regular expressions in rule definitions: their patterns, exceptions, regex swaps, conditions. */
function* regexesOf(definitions: ReadonlyArray<Record<string, any>>): Generator<string> {
  for (const definition of definitions) {
    yield* definition.patterns ?? [];
    yield* definition.exceptions ?? [];
    if (definition.prefilter) yield definition.prefilter;
    if (definition.regex && definition.swap) yield* Object.keys(definition.swap);
    if (definition.when?.customer_message_matches) yield definition.when.customer_message_matches;
    for (const match of [definition.match ?? []].flat() as string[]) for (const term of match.matchAll(/\/((?:[^/\\]|\\.)+)\//g)) yield term[1]!;
  }
}
