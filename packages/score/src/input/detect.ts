import { extname } from 'node:path';

/** How records are laid out in an input, before looking at any record's fields. */
export type Container = 'jsonl' | 'json' | 'csv';

/**
 * Guesses how an input is laid out from its name and first bytes: JSONL when the first line is a
 * whole JSON object, a JSON document when it starts with `[` or `{` otherwise, CSV when the file
 * says so or the first line has separators. Undefined when it cannot tell.
 */
export function detectContainer(head: string, name: string): Container | undefined {
  const extension = extname(name).toLowerCase();
  if (extension === '.csv' || extension === '.tsv') return 'csv';
  const text = head.trimStart();
  if (!text) return extension === '.json' ? 'json' : 'jsonl';
  if (text[0] === '[') return 'json';
  if (text[0] === '{') {
    const end = text.indexOf('\n');
    const firstLine = end === -1 ? text : text.slice(0, end);
    try {
      JSON.parse(firstLine);
      // A one-line document ("{...}" alone) is both; treating it as JSONL reads it the same way.
      return 'jsonl';
    } catch {
      return 'json';
    }
  }
  const firstLine = text.slice(0, text.includes('\n') ? text.indexOf('\n') : undefined);
  return /[,;\t]/.test(firstLine) ? 'csv' : undefined;
}

/** The separator of a CSV file: whichever of comma, semicolon and tab its header uses most. */
export function detectDelimiter(head: string): ',' | ';' | '\t' {
  const header = head.trimStart().split('\n', 1)[0] ?? '';
  const count = (ch: string) => header.split(ch).length - 1;
  const candidates = [',', ';', '\t'] as const;
  return candidates.reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',' as ',' | ';' | '\t');
}
