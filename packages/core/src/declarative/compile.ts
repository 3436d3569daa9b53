import type { ValidateFunction } from 'ajv';
import nlp from 'compromise';
import { PreachInputError, PreachInputErrors } from '../errors.js';
import { ruleSchema, packFileSchema } from '../schemas.js';
import type { Category, ReplyContext, Rule, RuleConditions, RuleExample, RuleMeta, SeveritySetting } from '../types.js';
import { ajv, parseYamlSource, validateLocated, type LocatedValue } from '../yaml-source.js';
import { KIND_CHECKS, META_KEYS, type Params } from './kinds.js';
import { unsafeRegexReason } from './regex.js';

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
   * built-in rules, whose schema test runs in CI). Expressions are still checked.
   */
  trusted?: boolean;
}

export interface CompiledRuleFile {
  rules: Rule[];
  vocabulary: string[];
}

/**
 * Compiles a rule file's text (YAML or JSON): one rule, or a pack file with `rules:` and
 * `vocabulary:`. Throws `PreachInputErrors` naming the file, line and key of every problem.
 */
export function compileRuleSource(source: string, file: string, options: RuleSourceOptions): CompiledRuleFile {
  const located = parseYamlSource(source, file);
  const value = located.value as Record<string, unknown> | null;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new PreachInputError({ file, line: 1, message: 'a rule file must be a mapping with id, kind, category and message (or a pack file with `rules:`)' });
  }
  const isPack = 'rules' in value && !('kind' in value);
  if (!options.trusted) {
    const validate = isPack ? (validatePack ??= ajv.compile(packFileSchema)) : (validateRule ??= ajv.compile(ruleSchema));
    const errors = validateLocated(validate, located);
    if (errors.length > 0) throw new PreachInputErrors(errors);
  }
  const definitions = isPack ? ((value.rules as Record<string, unknown>[]) ?? []) : [value];
  const rules: Rule[] = [];
  const problems: PreachInputError[] = [];
  definitions.forEach((definition, index) => {
    const path = isPack ? ['rules', index] : [];
    try {
      rules.push(compileDefinition(definition, located, path, options));
    } catch (error) {
      if (error instanceof PreachInputErrors) problems.push(...error.errors);
      else if (error instanceof PreachInputError) problems.push(error);
      else throw error;
    }
  });
  if (problems.length > 0) throw new PreachInputErrors(problems);
  return { rules, vocabulary: isPack ? ((value.vocabulary as string[]) ?? []) : [] };
}

function compileDefinition(definition: Record<string, any>, located: LocatedValue, path: Array<string | number>, options: RuleSourceOptions): Rule {
  checkExpressions(definition, located, path);
  const params: Params = Object.fromEntries(Object.entries(definition).filter(([key]) => !META_KEYS.has(key)));
  const check = KIND_CHECKS[definition.kind]!;
  const message: string = definition.message;
  const meta: RuleMeta = {
    id: definition.id,
    kind: definition.kind,
    category: definition.category as Category,
    severity: (definition.severity ?? 'warning') as SeveritySetting,
    fixable: definition.kind === 'substitution',
    critical: definition.critical ?? false,
    url: definition.url ?? (options.docsUrl ? `${options.docsUrl}${definition.id}` : undefined),
    when: definition.when as RuleConditions | undefined,
    origin: options.origin,
    file: located.file,
    defaultOptions: params,
    optionsSchema: kindOptionsSchema(definition.kind),
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
      check(note ? { ...context, report: (r) => context.report({ note, ...r }) } : context, merged, message);
    },
  };
}

function kindOptionsSchema(kind: string): Record<string, unknown> | undefined {
  const branch = (ruleSchema.allOf as Array<{ if: { properties: { kind: { const: string } } }; then: { properties: Record<string, unknown> } }>).find(
    (b) => b.if.properties.kind.const === kind,
  );
  if (!branch) return undefined;
  const properties = Object.fromEntries(Object.entries(branch.then.properties).filter(([key]) => !META_KEYS.has(key)));
  return { type: 'object', additionalProperties: false, properties };
}

const CONTEXT_FIELDS: Record<string, keyof ReplyContext> = {
  customer_name: 'customerName',
  customer_message: 'customerMessage',
  situation: 'situation',
  channel: 'channel',
  agent_name: 'agentName',
  tags: 'tags',
};

function toExample(raw: string | Record<string, any>): RuleExample {
  if (typeof raw === 'string') return { text: raw };
  const context: ReplyContext = {};
  for (const [key, value] of Object.entries(raw.context ?? {})) (context as Record<string, unknown>)[CONTEXT_FIELDS[key]!] = value;
  return { text: raw.text, context: raw.context ? context : undefined, options: raw.options, count: raw.count, fixed: raw.fixed, note: raw.note };
}

/** Regular expressions and compromise patterns are checked before use: refused, never thrown later. */
function checkExpressions(definition: Record<string, any>, located: LocatedValue, path: Array<string | number>): void {
  const problems: PreachInputError[] = [];
  const refuse = (keyPath: Array<string | number>, message: string, hint?: string) => {
    const where = located.locate([...path, ...keyPath]);
    problems.push(new PreachInputError({ file: located.file, ...where, key: [...path, ...keyPath].join('.'), message, hint }));
  };
  const regexLists: Array<[string, unknown]> = [
    ['patterns', definition.patterns],
    ['exceptions', definition.exceptions],
  ];
  for (const [key, list] of regexLists) {
    (Array.isArray(list) ? list : []).forEach((pattern: string, index: number) => {
      const reason = unsafeRegexReason(pattern);
      if (reason) refuse([key, index], `pattern ${JSON.stringify(pattern)} ${reason}`);
    });
  }
  for (const key of ['prefilter'] as const) {
    const reason = typeof definition[key] === 'string' ? unsafeRegexReason(definition[key]) : undefined;
    if (reason) refuse([key], `pattern ${JSON.stringify(definition[key])} ${reason}`);
  }
  if (definition.when?.customer_message_matches) {
    const reason = unsafeRegexReason(definition.when.customer_message_matches);
    if (reason) refuse(['when', 'customer_message_matches'], `pattern ${JSON.stringify(definition.when.customer_message_matches)} ${reason}`);
  }
  if (definition.kind === 'substitution' && definition.regex) {
    for (const key of Object.keys(definition.swap ?? {})) {
      const reason = unsafeRegexReason(key);
      if (reason) refuse(['swap', key], `pattern ${JSON.stringify(key)} ${reason}`);
    }
  }
  if (definition.kind === 'existence' || definition.kind === 'require') {
    if (!definition.tokens?.length && !definition.patterns?.length) refuse([], 'needs `tokens` or `patterns` (what to look for)');
  }
  if (definition.kind === 'occurrence') {
    if (definition.max === undefined && definition.min === undefined) refuse([], 'needs `max` or `min`');
    if (definition.of === 'tokens' && !definition.tokens?.length && !definition.patterns?.length) refuse(['of'], '`of: tokens` needs `tokens` or `patterns`');
  }
  if (definition.kind === 'sentiment' && definition.max === undefined && definition.min === undefined) refuse([], 'needs `max` or `min`');
  if (definition.kind === 'pattern') {
    const patterns: string[] = Array.isArray(definition.match) ? definition.match : [definition.match];
    patterns.forEach((pattern, index) => {
      const reason = compromisePatternProblem(pattern);
      if (reason) refuse(Array.isArray(definition.match) ? ['match', index] : ['match'], `compromise pattern ${JSON.stringify(pattern)} ${reason}`, 'See https://observablehq.com/@spencermountain/compromise-match-syntax');
    });
  }
  if (problems.length > 0) throw new PreachInputErrors(problems);
}

function compromisePatternProblem(pattern: string): string | undefined {
  if (!pattern.trim()) return 'is empty';
  let depth = 0;
  let square = 0;
  for (const char of pattern) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === '[') square++;
    if (char === ']') square--;
    if (depth < 0 || square < 0) return 'has a closing bracket without an opening one';
  }
  if (depth !== 0) return 'has an unclosed "("';
  if (square !== 0) return 'has an unclosed "["';
  for (const match of pattern.matchAll(/\/((?:[^/\\]|\\.)+)\//g)) {
    const reason = unsafeRegexReason(match[1]!);
    if (reason) return `has a regular expression that ${reason}`;
  }
  try {
    nlp('We will definitely send it by Friday.').match(pattern);
  } catch (error) {
    return `could not be read: ${(error as Error).message}`;
  }
  return undefined;
}
