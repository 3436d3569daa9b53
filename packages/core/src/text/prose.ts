import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { MarkdownLink } from '../types.js';

export interface ProseView {
  /** Same length as the source; non-prose replaced by spaces (newlines kept). */
  prose: string;
  links: MarkdownLink[];
  /** Whether the Markdown parser ran (false for plain text, the fast path). */
  markdown: boolean;
}

/**
 * Markdown constructs that hide non-prose we must not check: code (backticks, fences, indented
 * blocks), links and images, link definitions, HTML and autolinks. Emphasis, headings and lists
 * leave prose readable as it is, so text with only those (most replies: `_` in handles, `*`
 * for stress) skips the parser.
 */
const MARKDOWN_HINT = /`|~~~|!?\[[^\]\n]*\]\s*[([]|^\s{0,3}\[[^\]\n]+\]:|<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>|<!--|<(?:https?|mailto):|^(?: {4}|\t)\S/m;

/** Things inside prose that are never prose: URLs, e-mail addresses, @handles, file paths. */
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>()]*[^\s<>().,;:!?'"]/.source;
const NON_PROSE = new RegExp(`${URL_PATTERN}|\\b[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+\\b|(?<![\\w@])@\\w{1,30}\\b|\\bhttps?:\\s*\\/\\/\\S+`, 'gi');

export function buildProse(text: string, frontMatterEnd: number): ProseView {
  let links: MarkdownLink[] = [];
  let markdown = false;
  const body = frontMatterEnd > 0 ? text.slice(frontMatterEnd) : text;
  let masked: string;
  if (MARKDOWN_HINT.test(body)) {
    markdown = true;
    const result = maskMarkdown(text, frontMatterEnd > 0);
    links = result.links;
    // Start from blanks and copy back only the ranges that are prose.
    const chars = text.split('');
    for (let i = 0; i < chars.length; i++) if (chars[i] !== '\n') chars[i] = ' ';
    for (const [start, end] of result.textRanges) {
      for (let i = start; i < end; i++) chars[i] = text[i]!;
    }
    masked = chars.join('');
  } else {
    // Plain text (most replies) is its own prose, front matter aside: no copy character by character.
    masked = frontMatterEnd > 0 ? blank(text.slice(0, frontMatterEnd)) + body : text;
  }

  let prose = '';
  let copied = 0;
  NON_PROSE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = NON_PROSE.exec(masked))) {
    prose += masked.slice(copied, match.index) + blank(match[0]);
    copied = match.index + match[0].length;
  }
  if (!markdown) links = bareLinks(text, frontMatterEnd);
  return { prose: copied === 0 ? masked : prose + masked.slice(copied), links, markdown };
}

/** The text with every character but line breaks made a space (same length, same lines). */
function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  alt?: string | null;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const plain = unified().use(remarkParse).freeze();
const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

function maskMarkdown(text: string, hasFrontMatter: boolean): { textRanges: Array<[number, number]>; links: MarkdownLink[] } {
  const tree = (hasFrontMatter ? withFrontMatter : plain).parse(text) as unknown as MdNode;
  const textRanges: Array<[number, number]> = [];
  const links: MarkdownLink[] = [];

  const walk = (node: MdNode): void => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    switch (node.type) {
      case 'text':
        textRanges.push([start, end]);
        return;
      case 'image':
        links.push({ start, end, text: text.slice(start, end), url: node.url ?? '', image: true, alt: node.alt ?? undefined });
        return;
      case 'link':
        links.push({ start, end, text: text.slice(start, end), url: node.url ?? '', image: false });
        break;
      case 'code':
      case 'inlineCode':
      case 'html':
      case 'yaml':
      case 'definition':
        return;
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return { textRanges, links };
}

const BARE_URL = new RegExp(URL_PATTERN, 'gi');

function bareLinks(text: string, from: number): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  BARE_URL.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = BARE_URL.exec(text))) {
    links.push({ start: match.index, end: match.index + match[0].length, text: match[0], url: match[0], image: false });
  }
  return links;
}
