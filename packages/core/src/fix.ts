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
    .filter((m) => m.expected && m.expected.length > 0)
    .sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset);
  const applied: PreachMessage[] = [];
  const skipped: PreachMessage[] = [];
  let output = '';
  let cursor = 0;
  for (const message of fixable) {
    const start = message.startOffset;
    const end = message.endOffset;
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
