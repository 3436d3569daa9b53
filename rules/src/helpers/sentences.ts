import type { RuleContext, Span } from '@preach/core';

/** The sentence of the reply that holds `offset`, or a line-sized window when none does. */
export function sentenceAt(context: RuleContext, offset: number): Span {
  // Sentences are in order and do not overlap: a binary search keeps a long draft with many
  // findings linear (a scan per finding made it quadratic).
  const sentences = context.analysis.sentences();
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const sentence = sentences[middle]!;
    if (offset < sentence.start) high = middle - 1;
    else if (offset >= sentence.end) low = middle + 1;
    else return sentence;
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
