import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { nlp } from './compromise.js';
import { countCharacters, SEGMENTED_LANGUAGES, segmentSentences, segmentText } from './segment.js';
import { fastPolarity } from './sentiment.js';
import type { Analysis, MarkdownLink, Span } from '../types.js';
import { BoundedCache } from '../bounded-cache.js';

interface NlcstNode {
  type: string;
  value?: string;
  children?: NlcstNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const english = unified().use(retextEnglish).freeze();

const polarities = new BoundedCache<string, number>(2_000);

/**
 * Sentiment polarity (AFINN sum, retext-sentiment's lexicon and negation rule); negative is upset.
 * Remembered for recent texts: a customer's message is weighed by the situation model, the mood
 * reader and the rules, for each reply that answers it.
 */
export function polarity(text: string): number {
  return polarities.get(text) ?? polarities.set(text, text.trim() ? fastPolarity(text) : 0);
}

function offsets(node: NlcstNode, base: number): [number, number] {
  return [base + (node.position?.start.offset ?? 0), base + (node.position?.end.offset ?? 0)];
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Paragraphs: runs of non-blank lines. */
export function paragraphs(prose: string): Span[] {
  const spans: Span[] = [];
  const regex = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(prose))) spans.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  return spans;
}

/** Counts words by pattern, without parsing (for scoring and for cheap checks). */
export function countWords(prose: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(prose)) count++;
  return count;
}

/** Prose is parsed in pieces of about this many characters, cut between paragraphs. */
const CHUNK = 8 * 1024;
/** A paragraph longer than this is cut at a line break or after a sentence's last mark. */
const MAX_CHUNK = 32 * 1024;
const PARAGRAPH_BREAK = /\n[ \t]*\n\s*/g;

/**
 * Where to cut the prose for parsing. The English parser slows down more than linearly on a
 * long text (a 3 MB draft took 29 s to parse whole, 11 times the 1 MB one), and a sentence
 * never spans a blank line, so paragraphs are parsed on their own, a few at a time. A paragraph
 * longer than MAX_CHUNK (no reply has one) is cut at a line break or after a full stop.
 */
export function parseChunks(prose: string): number[] {
  const cuts = [0];
  let last = 0;
  PARAGRAPH_BREAK.lastIndex = 0;
  for (let match = PARAGRAPH_BREAK.exec(prose); ; match = PARAGRAPH_BREAK.exec(prose)) {
    const at = match ? match.index + match[0].length : prose.length;
    while (at - last > MAX_CHUNK) {
      const window = prose.slice(last, last + MAX_CHUNK);
      const newline = window.lastIndexOf('\n');
      const stop = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? '));
      const space = window.lastIndexOf(' ');
      const cut = newline > MAX_CHUNK / 2 ? newline + 1 : stop > MAX_CHUNK / 2 ? stop + 2 : space > 0 ? space + 1 : MAX_CHUNK;
      last += cut;
      cuts.push(last);
    }
    if (at - cuts[cuts.length - 1]! >= CHUNK && at < prose.length) cuts.push(at);
    last = at;
    if (!match) break;
  }
  return cuts;
}

/**
 * Lazily computed views of one draft's prose; each is built at most once. English (and other
 * languages written with spaces) is parsed by retext-english; Thai, Chinese, Japanese and Korean
 * are segmented by `Intl.Segmenter`.
 */
export function createAnalysis(prose: string, links: MarkdownLink[], customerMessage: string | undefined, language = 'en'): Analysis {
  const segmented = SEGMENTED_LANGUAGES.has(language);
  let trees: Array<{ tree: NlcstNode; offset: number }> | undefined;
  let sentences: Span[] | undefined;
  let words: Span[] | undefined;
  let doc: unknown;
  let replyPolarity: number | undefined;
  let customerPolarity: number | undefined;
  let count: number | undefined;
  let boundaries: Set<number> | undefined;
  let characters: number | undefined;
  let segments: ReturnType<typeof segmentText> | undefined;
  const segmented$ = () => (segments ??= segmentText(prose, language));

  const parsed = () =>
    (trees ??= parseChunks(prose).map((start, i, cuts) => ({ tree: english.parse(prose.slice(start, cuts[i + 1] ?? prose.length)) as unknown as NlcstNode, offset: start })));

  return {
    wordCount: () => (count ??= segmented ? segmented$().words.length : countWords(prose)),
    sentences() {
      if (sentences) return sentences;
      if (segmented) return (sentences = segmentSentences(prose, language));
      sentences = [];
      for (const { tree, offset } of parsed()) {
        for (const paragraph of tree.children ?? []) {
          for (const sentence of paragraph.children ?? []) {
            if (sentence.type !== 'SentenceNode') continue;
            if (!sentence.children?.some((child) => child.type === 'WordNode')) continue;
            const [start, end] = offsets(sentence, offset);
            sentences.push({ start, end, text: prose.slice(start, end) });
          }
        }
      }
      return sentences;
    },
    words() {
      if (words) return words;
      if (segmented) return (words = segmented$().words);
      words = [];
      const visit = (node: NlcstNode, offset: number): void => {
        if (node.type === 'WordNode') {
          const [start, end] = offsets(node, offset);
          words!.push({ start, end, text: prose.slice(start, end) });
          return;
        }
        for (const child of node.children ?? []) visit(child, offset);
      };
      for (const { tree, offset } of parsed()) visit(tree, offset);
      return words;
    },
    wordBoundaries() {
      if (boundaries) return boundaries;
      if (segmented) return (boundaries = segmented$().boundaries);
      boundaries = new Set([0, prose.length]);
      for (const word of this.words()) boundaries.add(word.start).add(word.end);
      return boundaries;
    },
    characterCount: () => (characters ??= countCharacters(prose)),
    links: () => links,
    nlp() {
      return (doc ??= nlp(prose));
    },
    replySentiment() {
      return (replyPolarity ??= polarity(prose));
    },
    customerSentiment() {
      return (customerPolarity ??= customerMessage ? polarity(customerMessage) : 0);
    },
    sentimentOf: polarity,
  };
}
