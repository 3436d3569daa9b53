import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { registerExpressionKeywords } from './declarative/expressions.js';
import { closestMatch } from './did-you-mean.js';
import { PreachInputError, PreachInputErrors } from './errors.js';

export interface LocatedValue<T = unknown> {
  value: T;
  file: string;
  /** Line and column (1-based) of the value at a path such as `['rules', 'over-promise']`. */
  locate(path: ReadonlyArray<string | number>): { line: number; column: number };
}

/** Parses YAML (or JSON, which is YAML) keeping positions, so errors can name a line. */
export function parseYamlSource(source: string, file: string): LocatedValue {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new PreachInputErrors(
      document.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        return new PreachInputError({ file, line: position.line, column: position.col, message: `invalid YAML: ${error.message.split('\n')[0]}` });
      }),
    );
  }
  return {
    value: document.toJS(),
    file,
    locate(path) {
      let node: unknown = document.contents;
      let offset = (document.contents as YamlNode | null)?.range?.[0] ?? 0;
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => String((item.key as { value?: unknown })?.value ?? item.key) === String(segment));
          if (!pair) break;
          offset = (pair.key as YamlNode | null)?.range?.[0] ?? offset;
          node = pair.value;
        } else if (isSeq(node)) {
          const item = node.items[Number(segment)] as YamlNode | undefined;
          if (!item) break;
          offset = item.range?.[0] ?? offset;
          node = item;
        } else {
          break;
        }
      }
      const position = lineCounter.linePos(offset);
      return { line: position.line, column: position.col };
    },
  };
}

// `verbose` keeps each error's schema, so messages can list the keys and values that are allowed.
// preach's own schemas are checked against JSON Schema by a test, not each time one is compiled,
// which would compile the meta-schema first, at every start (a code rule's optionsSchema, from a
// team, is still checked: see config/resolve.ts). Ajv's pass that tidies the code it generates
// took half the time of compiling the rule and pack schemas, for validators that run once a file.
export const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true, validateSchema: false, code: { optimize: false } });
// Patterns in rule files and config are refused by the schema when unsafe (see expressions.ts).
registerExpressionKeywords(ajv);

/** Validates a parsed file against a schema; every problem becomes an error with its line and key. */
export function validateLocated(validate: ValidateFunction, located: LocatedValue, keyPrefix: Array<string | number> = []): PreachInputError[] {
  if (validate(located.value)) return [];
  return reduceErrors(validate.errors ?? [])
    .map((error) => toInputError(error, located, keyPrefix))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** `oneOf`/`anyOf` failures produce a branch per alternative; keep the most specific ones. */
function reduceErrors(errors: ErrorObject[]): ErrorObject[] {
  const deepest = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const key = error.instancePath + (error.keyword === 'additionalProperties' ? `/${(error.params as { additionalProperty: string }).additionalProperty}` : '');
    const existing = deepest.get(key);
    // Prefer enum/type/required over the generic "must match a schema in anyOf".
    if (!existing || (existing.keyword === 'anyOf' || existing.keyword === 'oneOf')) deepest.set(key, error);
  }
  // "must be a number" says less than the alternatives' own description ("a number, or one per channel").
  for (const error of errors) {
    const description = (error.parentSchema as { description?: string } | undefined)?.description;
    const kept = deepest.get(error.instancePath) as (ErrorObject & { alternatives?: string }) | undefined;
    if ((error.keyword === 'anyOf' || error.keyword === 'oneOf') && description && kept && kept !== error) kept.alternatives = description;
  }
  const paths = [...deepest.keys()];
  return [...deepest.entries()]
    // An alternative that failed at the top ("must be a string") says less than the one that
    // failed deeper ("match.1: unknown tag"): keep the deeper one.
    .filter(([path, error]) => !((error.keyword === 'anyOf' || error.keyword === 'oneOf' || /\/(?:anyOf|oneOf)\/\d+\//.test(error.schemaPath)) && paths.some((p) => p !== path && p.startsWith(`${path}/`))))
    .map(([, error]) => error);
}

function toInputError(error: ErrorObject, located: LocatedValue, keyPrefix: Array<string | number>): PreachInputError {
  const path = [...keyPrefix, ...error.instancePath.split('/').slice(1).map(unescapePointer)];
  let message = error.message ?? 'is not valid';
  let hint: string | undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const property = (error.params as { additionalProperty: string }).additionalProperty;
      path.push(property);
      message = 'is not a known key';
      const allowed = Object.keys(((error.parentSchema as { properties?: object })?.properties) ?? {}).filter((key) => key !== '$schema');
      if (allowed.length) hint = `${didYouMean(property, allowed)}Expected one of: ${allowed.join(', ')}.`;
      break;
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      message = `must be one of: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
      if (typeof error.data === 'string') hint = didYouMean(error.data, allowed.map(String)).trim() || undefined;
      break;
    }
    case 'required':
      // Name the missing key itself; its line is that of the mapping it belongs in.
      path.push((error.params as { missingProperty: string }).missingProperty);
      message = 'is required but missing';
      break;
    case 'type':
      // A list of types when a schema allows several (`type: [string, number]`).
      message = `must be ${withArticle(String((error.params as { type: string | string[] }).type))}`;
      break;
    case 'pattern':
      message = (error.params as { pattern: string }).pattern === '\\S' ? 'must not be blank' : `does not match the expected form ${(error.params as { pattern: string }).pattern}`;
      break;
    case 'minLength':
      if ((error.params as { limit: number }).limit === 1) message = 'must not be empty';
      break;
  }
  const description = (error.parentSchema as { description?: string } | undefined)?.description ?? (error as { alternatives?: string }).alternatives;
  if (!hint && description) hint = description;
  const { line, column } = located.locate(path.slice(keyPrefix.length));
  return new PreachInputError({ file: located.file, line, column, key: path.join('.') || '(top level)', message, hint });
}

function didYouMean(value: string, allowed: string[]): string {
  const best = closestMatch(value, allowed, 1);
  return best !== undefined ? `Did you mean "${best}"? ` : '';
}

/** JSON Schema's names for types, in the words of someone writing YAML. */
const TYPE_NAMES: Record<string, string> = { array: 'a list', object: 'a mapping (key: value lines)', string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false', null: 'empty' };

function withArticle(type: string): string {
  return type.split(',').map((t) => TYPE_NAMES[t] ?? (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`)).join(' or ');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
