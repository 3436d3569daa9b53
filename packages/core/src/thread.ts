import { PreachInputError } from './errors.js';
import { parseYamlSource } from './yaml-source.js';
import type { ThreadTurn } from './types.js';

const ROLE_ALIASES: Record<string, ThreadTurn['role']> = { customer: 'customer', user: 'customer', end_user: 'customer', agent: 'agent', admin: 'agent', support: 'agent' };
const HINT = 'Write the earlier turns as a list, oldest first: `- customer: …` and `- agent: …` (or `- {role: customer, text: …}`).';

/**
 * Reads the earlier turns of a conversation as written in front matter (`thread:`) or a
 * `--thread-file`: a list of `{customer: text}` / `{agent: text}` or `{role, text}` items.
 * Returns a message naming the bad item instead of throwing, so callers can place it.
 */
export function readThread(value: unknown): { turns: ThreadTurn[]; problem?: { index?: number; message: string } } {
  if (value === null || value === undefined) return { turns: [] };
  if (!Array.isArray(value)) return { turns: [], problem: { message: `thread must be a list of turns, not ${describe(value)}` } };
  const turns: ThreadTurn[] = [];
  for (const [index, item] of value.entries()) {
    const turn = readTurn(item);
    if (typeof turn === 'string') return { turns: [], problem: { index, message: `thread item ${index + 1} ${turn}` } };
    turns.push(turn);
  }
  return { turns };
}

function readTurn(item: unknown): ThreadTurn | string {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return `must be a mapping like \`customer: …\`, not ${describe(item)}`;
  const entries = Object.entries(item as Record<string, unknown>);
  const record = item as Record<string, unknown>;
  if ('role' in record || 'text' in record) {
    const role = ROLE_ALIASES[String(record.role ?? '').toLowerCase()];
    if (!role) return `has role ${JSON.stringify(record.role)}; use customer or agent`;
    if (typeof record.text !== 'string') return `needs its text as a string`;
    return { role, text: record.text };
  }
  if (entries.length !== 1) return `must have one key, customer or agent`;
  const [key, text] = entries[0]!;
  const role = ROLE_ALIASES[key.toLowerCase()];
  if (!role) return `has key "${key}"; use customer or agent`;
  if (typeof text !== 'string') return `needs its text as a string, not ${describe(text)}`;
  return { role, text };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
}

/** Parses a thread file's text (YAML or JSON); problems name the file and line. */
export function parseThreadSource(source: string, file: string): ThreadTurn[] {
  const located = parseYamlSource(source, file);
  const value = located.value && typeof located.value === 'object' && !Array.isArray(located.value) && 'thread' in (located.value as object) ? (located.value as { thread: unknown }).thread : located.value;
  const { turns, problem } = readThread(value);
  if (problem) {
    const path = value === located.value ? [] : ['thread'];
    const at = located.locate(problem.index === undefined ? path : [...path, problem.index]);
    throw new PreachInputError({ file, line: at.line, column: at.column, message: problem.message, hint: HINT });
  }
  return turns;
}

export const THREAD_HINT = HINT;
