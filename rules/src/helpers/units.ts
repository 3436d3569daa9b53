import type { Channel, RuleContext, Span } from '@preach/core';

/** A sentence as a reader sees it, with its words counted. */
export interface CountedSentence extends Span {
  words: number;
}

/**
 * The reply's sentences, also cut at line breaks: chat messages, lists and sign-offs often end
 * a line without a full stop, and a reader takes each line as a unit.
 */
export function readerSentences(context: RuleContext): CountedSentence[] {
  const words = context.analysis.words();
  const sentences: CountedSentence[] = [];
  let w = 0;
  for (const sentence of context.analysis.sentences()) {
    let offset = sentence.start;
    for (const line of sentence.text.split('\n')) {
      const start = offset + (line.length - line.trimStart().length);
      const end = offset + line.trimEnd().length;
      offset += line.length + 1;
      if (end <= start) continue;
      while (w < words.length && words[w]!.start < start) w++;
      let count = 0;
      while (w + count < words.length && words[w + count]!.end <= end) count++;
      if (count > 0) sentences.push({ start, end, text: context.prose.slice(start, end), words: count });
    }
  }
  return sentences;
}

/** Paragraphs: runs of non-blank lines. */
export function paragraphs(prose: string): Span[] {
  const spans: Span[] = [];
  const regex = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(prose))) spans.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  return spans;
}

/** A limit given as one number or per channel (`{chat: 4, email: 12, default: 8}`). */
export type PerChannel = number | Partial<Record<Channel | 'default', number>>;

export function limitFor(value: PerChannel | undefined | null, channel: Channel | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  return (channel && value[channel] !== undefined ? value[channel] : value.default) ?? undefined;
}

/** JSON Schema for a PerChannel option. */
export function perChannelSchema(description: string): Record<string, unknown> {
  const number = { type: 'integer', minimum: 1 };
  return {
    description,
    anyOf: [
      number,
      { type: 'object', additionalProperties: false, properties: { chat: number, email: number, social: number, sms: number, default: number } },
    ],
  };
}
