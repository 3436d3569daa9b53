import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { nlp } from './compromise.js';
import { fastPolarity } from './sentiment.js';
import type { Analysis, MarkdownLink, Span } from '../types.js';

interface NlcstNode {
  type: string;
  value?: string;
  children?: NlcstNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const english = unified().use(retextEnglish).freeze();

/** Sentiment polarity (AFINN sum, retext-sentiment's lexicon and negation rule); negative is upset. */
export function polarity(text: string): number {
  return text.trim() ? fastPolarity(text) : 0;
}

function offsets(node: NlcstNode): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Counts words by pattern, without parsing (for scoring and for cheap checks). */
export function countWords(prose: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(prose)) count++;
  return count;
}

/** Lazily computed views of one draft's prose; each is built at most once. */
export function createAnalysis(prose: string, links: MarkdownLink[], customerMessage: string | undefined): Analysis {
  let tree: NlcstNode | undefined;
  let sentences: Span[] | undefined;
  let words: Span[] | undefined;
  let doc: unknown;
  let replyPolarity: number | undefined;
  let customerPolarity: number | undefined;
  let count: number | undefined;

  const parsed = (): NlcstNode => (tree ??= english.parse(prose) as unknown as NlcstNode);

  return {
    wordCount: () => (count ??= countWords(prose)),
    sentences() {
      if (sentences) return sentences;
      sentences = [];
      for (const paragraph of parsed().children ?? []) {
        for (const sentence of paragraph.children ?? []) {
          if (sentence.type !== 'SentenceNode') continue;
          if (!sentence.children?.some((child) => child.type === 'WordNode')) continue;
          const [start, end] = offsets(sentence);
          sentences.push({ start, end, text: prose.slice(start, end) });
        }
      }
      return sentences;
    },
    words() {
      if (words) return words;
      words = [];
      const visit = (node: NlcstNode): void => {
        if (node.type === 'WordNode') {
          const [start, end] = offsets(node);
          words!.push({ start, end, text: prose.slice(start, end) });
          return;
        }
        for (const child of node.children ?? []) visit(child);
      };
      visit(parsed());
      return words;
    },
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
