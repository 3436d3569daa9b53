import { parse as parseYaml } from 'yaml';
import { readThread, THREAD_HINT } from '../thread.js';
import type { Channel, ReplyContext } from '../types.js';

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
};

/** Splits YAML front matter (`---` … `---`) from a draft. Front matter is context, never prose. */
export function readFrontMatter(text: string): FrontMatter {
  const none: FrontMatter = { start: 0, end: 0, context: {}, disable: [], data: {} };
  if (!text.startsWith('---')) return none;
  const empty = EMPTY_FRONT_MATTER.exec(text);
  if (empty) return { ...none, end: empty[0].length };
  const match = FRONT_MATTER.exec(text);
  if (!match) return none;
  const result: FrontMatter = { ...none, end: match[0].length };
  let data: unknown;
  try {
    data = parseYaml(match[1]!);
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line ?? 1;
    result.error = { message: firstLine((error as Error).message), line: line + 1 };
    return result;
  }
  if (data === null || data === undefined) return result;
  if (typeof data !== 'object' || Array.isArray(data)) {
    result.error = { message: 'front matter must be a mapping of keys to values', line: 2 };
    return result;
  }
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const field = CONTEXT_KEYS[key.toLowerCase().replace(/-/g, '_')];
    if (key === 'disable' || key === 'preach_disable') {
      result.disable = toList(value);
    } else if (key === 'thread') {
      const { turns, problem } = readThread(value);
      if (problem) {
        result.error ??= { message: `${problem.message}. ${THREAD_HINT}`, line: lineOf(match[1]!, /^thread\s*:/m) + 1 };
      } else {
        result.context.thread = turns;
      }
    } else if (field === 'tags') {
      result.context.tags = toList(value);
    } else if (field === 'channel') {
      result.context.channel = String(value).trim().toLowerCase() as Channel;
    } else if (field) {
      if (value !== null && value !== undefined && String(value).trim() !== '') {
        (result.context as Record<string, unknown>)[field] = String(value).trim();
      }
    } else {
      result.data[key] = value;
    }
  }
  return result;
}

/** The 1-based line of the first match in the front matter's body (1 when absent). */
function lineOf(body: string, pattern: RegExp): number {
  const index = body.search(pattern);
  return index < 0 ? 1 : body.slice(0, index).split('\n').length;
}

function toList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/[,\s]+/).filter(Boolean);
  return [];
}

function firstLine(message: string): string {
  return message.split('\n')[0]!;
}
