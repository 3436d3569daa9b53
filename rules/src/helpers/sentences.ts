import type { RuleContext, Span } from '@preach/core';

/** The sentence of the reply that holds `offset`, or a line-sized window when none does. */
export function sentenceAt(context: RuleContext, offset: number): Span {
  for (const sentence of context.analysis.sentences()) {
    if (sentence.start <= offset && offset < sentence.end) return sentence;
  }
  const start = context.prose.lastIndexOf('\n', offset) + 1;
  const newline = context.prose.indexOf('\n', offset);
  const end = newline === -1 ? context.prose.length : newline;
  return { start, end, text: context.prose.slice(start, end) };
}

/** All matches of a global regular expression in the prose, as spans. */
export function findAll(regex: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text))) {
    if (match[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    spans.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return spans;
}

/** The clause around `offset`: the sentence cut at semicolons, dashes and "but". */
export function clauseAt(sentence: Span, offset: number): Span {
  const relative = offset - sentence.start;
  const breaks = /[;:—–]|\s-\s|,\s*(?:but|and|so|although|though|while)\b|\bbut\b/gi;
  let start = 0;
  let end = sentence.text.length;
  let match: RegExpExecArray | null;
  while ((match = breaks.exec(sentence.text))) {
    if (match.index + match[0].length <= relative) start = match.index + match[0].length;
    else if (match.index >= relative) {
      end = match.index;
      break;
    }
  }
  return { start: sentence.start + start, end: sentence.start + end, text: sentence.text.slice(start, end) };
}
