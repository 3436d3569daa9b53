import { perChannelSchema as schemaPerChannel, type RuleContext, type Span } from '@preach/core';

/** A sentence as a reader sees it, with its words counted. */
export interface CountedSentence extends Span {
  words: number;
}

/** A link or a block of code in the middle of a line: "see: https://… Cleaning supplies are …". */
const MASKED_BREAK = 10;

/**
 * The reply's sentences, also cut at line breaks and at links: chat messages, lists and
 * sign-offs often end a line without a full stop, replies on social media let a link end a
 * sentence, and a reader takes each piece as a unit.
 */
export function readerSentences(context: RuleContext): readonly CountedSentence[] {
  const remembered = counted.get(context.analysis);
  if (remembered && remembered.prose === context.prose && remembered.text === context.text) return remembered.sentences;
  const sentences = countSentences(context);
  counted.set(context.analysis, { prose: context.prose, text: context.text, sentences });
  return sentences;
}

/**
 * Sentences counted for a reply, by its analysis (one per check of one reply): long-sentence,
 * hard-to-read and reply-too-long all read them, and only the first pays.
 */
const counted = new WeakMap<RuleContext['analysis'], { prose: string; text: string; sentences: readonly CountedSentence[] }>();

function countSentences(context: RuleContext): CountedSentence[] {
  const words = context.analysis.words();
  const sentences: CountedSentence[] = [];
  let w = 0;
  for (const sentence of context.analysis.sentences()) {
    for (const piece of pieces(context, sentence)) {
      const start = piece.start + (piece.text.length - piece.text.trimStart().length);
      const end = piece.start + piece.text.trimEnd().length;
      if (end <= start) continue;
      while (w < words.length && words[w]!.start < start) w++;
      let count = 0;
      while (w + count < words.length && words[w + count]!.end <= end) count++;
      if (count > 0) sentences.push({ start, end, text: context.prose.slice(start, end), words: count });
    }
  }
  return sentences;
}

/**
 * A full stop, then a capital: the English parser keeps "… back in. If you …" together
 * (it reads "in." as inches), and a reader does not.
 */
const STOP_THEN_CAPITAL = /[.!?]["'’”)\]]*\s+(?=["'‘“(]?\p{Lu})/gu;

/** A sentence cut at line breaks, at full stops the parser missed, and at links and code. */
function pieces(context: RuleContext, sentence: Span): Span[] {
  const stops = new Set<number>();
  for (const match of sentence.text.matchAll(STOP_THEN_CAPITAL)) stops.add(sentence.start + match.index! + 1);
  const cuts: Span[] = [];
  let from = sentence.start;
  let masked = 0;
  for (let i = sentence.start; i <= sentence.end; i++) {
    const atEnd = i === sentence.end;
    const isMasked = !atEnd && context.prose[i] === ' ' && context.text[i] !== ' ' && context.text[i] !== '\t';
    masked = isMasked ? masked + 1 : 0;
    if (atEnd || context.prose[i] === '\n' || stops.has(i) || masked === MASKED_BREAK) {
      const end = masked === MASKED_BREAK ? i - masked + 1 : i;
      cuts.push({ start: from, end, text: context.prose.slice(from, end) });
      from = stops.has(i) ? i : i + 1;
    }
  }
  return cuts;
}

/** JSON Schema for a per-channel limit option: a count of at least 1, or one per channel. */
export function perChannelSchema(description: string): Record<string, unknown> {
  return schemaPerChannel({ type: 'integer', minimum: 1 }, description);
}
