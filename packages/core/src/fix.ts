import type { PreachMessage } from './types.js';

export interface FixOutcome {
  output: string;
  applied: PreachMessage[];
  /** Fixes not applied because they overlap one applied earlier in the text. */
  skipped: PreachMessage[];
}

/** Applies each message's first fix. Where fixes overlap, the earliest in the text wins. */
export function applyFixes(text: string, messages: readonly PreachMessage[]): FixOutcome {
  const fixable = messages
    .filter((m) => m.expected && m.expected.length > 0 && m.place && 'start' in m.place)
    .sort((a, b) => startOf(a) - startOf(b) || endOf(a) - endOf(b));
  const applied: PreachMessage[] = [];
  const skipped: PreachMessage[] = [];
  let output = '';
  let cursor = 0;
  for (const message of fixable) {
    const start = startOf(message);
    const end = endOf(message);
    if (start < cursor) {
      skipped.push(message);
      continue;
    }
    output += text.slice(cursor, start) + message.expected![0];
    cursor = end;
    applied.push(message);
  }
  output += text.slice(cursor);
  return { output, applied, skipped };
}

function startOf(message: PreachMessage): number {
  return (message.place as { start: { offset?: number } }).start.offset ?? 0;
}

function endOf(message: PreachMessage): number {
  return (message.place as { end: { offset?: number } }).end.offset ?? 0;
}
