import type { Span } from '../types.js';

/**
 * Word and sentence boundaries for languages that do not put spaces between words (Thai,
 * Chinese, Japanese) or attach particles to them (Korean), from the ICU data in Node's
 * `Intl.Segmenter`. Every span's offsets are into the text given, so rules report exact places.
 */

/** Languages whose words are not separated by spaces, or not only by spaces. */
export const SEGMENTED_LANGUAGES: ReadonlySet<string> = new Set(['th', 'zh', 'ja', 'ko', 'lo', 'km', 'my']);

/** Languages whose length is counted in characters rather than words. */
export const CHARACTER_COUNTED_LANGUAGES: ReadonlySet<string> = new Set(['th', 'zh', 'ja', 'ko', 'lo', 'km', 'my']);

const segmenters = new Map<string, { word: Intl.Segmenter; sentence: Intl.Segmenter }>();

function segmenterFor(language: string): { word: Intl.Segmenter; sentence: Intl.Segmenter } {
  let found = segmenters.get(language);
  if (!found) {
    found = { word: new Intl.Segmenter(language, { granularity: 'word' }), sentence: new Intl.Segmenter(language, { granularity: 'sentence' }) };
    segmenters.set(language, found);
  }
  return found;
}

/** Words and every boundary between segments, from one pass of the segmenter. */
export function segmentText(text: string, language: string): { words: Span[]; boundaries: Set<number> } {
  const words: Span[] = [];
  const boundaries = new Set<number>([0, text.length]);
  for (const { segment, index, isWordLike } of segmenterFor(language).word.segment(text)) {
    boundaries.add(index);
    if (isWordLike) words.push({ start: index, end: index + segment.length, text: segment });
  }
  return { words, boundaries };
}

/** Words (letters or digits, as ICU sees them), with offsets into `text`. */
export function segmentWords(text: string, language: string): Span[] {
  const words: Span[] = [];
  for (const { segment, index, isWordLike } of segmenterFor(language).word.segment(text)) {
    if (isWordLike) words.push({ start: index, end: index + segment.length, text: segment });
  }
  return words;
}

/**
 * Every offset where a word starts or ends, punctuation and spaces included, so a phrase
 * matches only as whole segmented words: 尽快 in 请尽快处理, not 快 in 尽快.
 */
export function wordBoundaries(text: string, language: string): Set<number> {
  const boundaries = new Set<number>([0, text.length]);
  for (const { segment, index } of segmenterFor(language).word.segment(text)) {
    boundaries.add(index);
    boundaries.add(index + segment.length);
  }
  return boundaries;
}

/** A gap between two Thai phrases: Thai ends a sentence or clause with a space, not a mark. */
const THAI_SENTENCE_GAP = /(?<=\p{Script=Thai}[ๆฯ]?)[ \t]+(?=\p{Script=Thai})/gu;

/**
 * Sentences, trimmed, with offsets into `text`. ICU ends them at 。！？!?. and at line breaks;
 * Thai, which marks no sentence end, is also cut at the spaces between its phrases.
 */
export function segmentSentences(text: string, language: string): Span[] {
  const sentences: Span[] = [];
  const push = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (/[\p{L}\p{N}]/u.test(trimmed)) sentences.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
  };
  for (const { segment, index } of segmenterFor(language).sentence.segment(text)) {
    if (language !== 'th') {
      // ICU keeps a paragraph's lines together when no mark ends them; a reply's lines are its sentences.
      let from = index;
      for (const line of segment.split('\n')) {
        push(from, from + line.length);
        from += line.length + 1;
      }
      continue;
    }
    let from = index;
    for (const gap of segment.matchAll(new RegExp(`\\n|${THAI_SENTENCE_GAP.source}`, 'gu'))) {
      push(from, index + gap.index!);
      from = index + gap.index! + gap[0].length;
    }
    push(from, index + segment.length);
  }
  return sentences;
}

/** Letters, digits and punctuation; combining marks (Thai vowels and tones) belong to their letter. */
const COUNTED = /[\p{L}\p{N}\p{P}]/gu;

/** The length of a text in characters a reader counts: letters, digits and punctuation, no spaces. */
export function countCharacters(text: string): number {
  return text.match(COUNTED)?.length ?? 0;
}

/**
 * Korean particles and copulas that attach to a noun (비밀번호를, 고객님께서, 보장입니다): a
 * phrase ending where one of these begins still ends on a word.
 */
const KOREAN_PARTICLE = /^(?:은|는|이|가|을|를|의|에|에서|에게|께|께서|한테|로|으로|와|과|도|만|까지|부터|이나|나|이라|라|이에요|예요|입니다|이며|이고|처럼|보다|마다|요|이요|이랑|랑|하고|에는|에도|에서는|으로는|로는|과는|와는|을요|를요)$/;

/**
 * Whether a match from `start` to `end` is made of whole words: both ends on word boundaries, or
 * in Korean, the end followed only by a particle up to the next boundary.
 */
export function onWordBoundaries(text: string, start: number, end: number, boundaries: ReadonlySet<number>, language: string): boolean {
  if (!boundaries.has(start)) return false;
  if (boundaries.has(end)) return true;
  if (language !== 'ko') return false;
  let next = end;
  while (next < text.length && !boundaries.has(next)) next++;
  return KOREAN_PARTICLE.test(text.slice(end, next));
}
