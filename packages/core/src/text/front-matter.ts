import type { ValidateFunction } from 'ajv';
import { PreachInputErrors } from '../errors.js';
import { frontMatterSchema } from '../schemas.js';
import { readThread } from '../thread.js';
import type { Channel, ReplyContext } from '../types.js';
import { ajv, parseYamlSource, validateLocated, type LocatedValue } from '../yaml-source.js';

/** The rule id of messages about a draft's front matter (bad YAML, a value of the wrong kind). */
export const FRONT_MATTER_RULE_ID = 'front-matter';

/** A front matter value that does not fit {@link frontMatterSchema}. */
export interface FrontMatterProblem {
  /** 1-based, counted in the whole draft: the opening `---` is line 1. */
  line: number;
  column: number;
  /** The key at fault as a dotted path: `channel`, `tags.1`. */
  key: string;
  message: string;
  /** What would be accepted. */
  hint?: string;
}

export interface FrontMatter {
  /** Offsets of the whole block, delimiters included; `end` is 0 when there is none. */
  start: number;
  end: number;
  context: ReplyContext;
  /** Rule ids disabled for this draft (`disable: [rule-id]`). */
  disable: string[];
  /** Keys the front matter had that preach does not know (kept for the caller). */
  data: Record<string, unknown>;
  /** A YAML problem, reported by the caller as an input error. */
  error?: { message: string; line: number };
  /** Values of the wrong kind (`channel: fax`, a mapping as a name), left out of `context`. */
  problems: FrontMatterProblem[];
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const EMPTY_FRONT_MATTER = /^---[ \t]*\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Keys preach reads from front matter, as `snake_case` (YAML style) → context field. */
export const CONTEXT_KEYS: Record<string, keyof ReplyContext> = {
  customer_name: 'customerName',
  customer: 'customerName',
  customer_message: 'customerMessage',
  situation: 'situation',
  channel: 'channel',
  agent_name: 'agentName',
  agent: 'agentName',
  tags: 'tags',
  language: 'language',
  customer_title: 'customerTitle',
};

const KNOWN_KEYS = new Set(Object.keys(frontMatterSchema.properties));
let validateFrontMatter: ValidateFunction | undefined;

/**
 * Splits YAML front matter (`---` … `---`) from a draft. Front matter is context, never prose.
 * It is checked like a config file: a known key with a value of the wrong kind is a problem
 * naming the key and line, and its value is left out rather than turned into text.
 */
export function readFrontMatter(text: string): FrontMatter {
  const none: FrontMatter = { start: 0, end: 0, context: {}, disable: [], data: {}, problems: [] };
  if (!text.startsWith('---')) return none;
  const empty = EMPTY_FRONT_MATTER.exec(text);
  if (empty) return { ...none, end: empty[0].length };
  const match = FRONT_MATTER.exec(text);
  if (!match) return none;
  const result: FrontMatter = { ...none, end: match[0].length };
  let located: LocatedValue;
  try {
    located = parseYamlSource(match[1]!, 'front matter');
  } catch (error) {
    const first = error instanceof PreachInputErrors ? error.errors[0] : undefined;
    result.error = { message: firstLine(first?.message ?? (error as Error).message).replace(/^invalid YAML: /, ''), line: (first?.line ?? 1) + 1 };
    return result;
  }
  const data = located.value;
  if (data === null || data === undefined) return result;
  if (typeof data !== 'object' || Array.isArray(data)) {
    result.error = { message: 'front matter must be a mapping of keys to values', line: 2 };
    return result;
  }

  // Known keys under their canonical names (`Customer-Name` → customer_name), for the schema.
  const known: Record<string, unknown> = {};
  const writtenAs: Record<string, string> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const name = key.toLowerCase().replace(/-/g, '_');
    if (!KNOWN_KEYS.has(name)) {
      result.data[key] = value;
      continue;
    }
    // An empty key means "not given", as in config files.
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) continue;
    known[name] = name === 'channel' && typeof value === 'string' ? value.trim().toLowerCase() : value;
    writtenAs[name] = key;
  }
  const errors = validateLocated((validateFrontMatter ??= ajv.compile(frontMatterSchema)), {
    value: known,
    file: located.file,
    locate: (path) => located.locate([writtenAs[String(path[0])] ?? String(path[0]), ...path.slice(1)]),
  });
  result.problems = errors.map((error) => ({
    // The YAML starts on the line after the opening `---`.
    line: (error.line ?? 1) + 1,
    column: error.column ?? 1,
    key: error.key ?? '(top level)',
    message: error.message,
    ...(error.hint ? { hint: error.hint } : {}),
  }));
  const invalid = new Set(result.problems.map((problem) => problem.key.split('.')[0]));

  for (const [name, value] of Object.entries(known)) {
    if (invalid.has(name)) continue;
    const field = CONTEXT_KEYS[name];
    if (name === 'disable' || name === 'preach_disable') result.disable = toList(value);
    else if (name === 'thread') result.context.thread = readThread(value).turns;
    else if (field === 'tags') result.context.tags = toList(value);
    else if (field === 'channel') result.context.channel = value as Channel;
    else if (field) (result.context as Record<string, unknown>)[field] = String(value).trim();
  }
  return result;
}

function toList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/[,\s]+/).filter(Boolean);
  return [];
}

function firstLine(message: string): string {
  return message.split('\n')[0]!;
}
