import { location } from 'vfile-location';
import { draftSizeProblem } from './limits.js';
import { resolveContext } from './reply-context.js';
import { splitBlocks, type Block } from './text/blocks.js';
import { readFrontMatter, type FrontMatter } from './text/front-matter.js';
import { buildProse, type ProseView } from './text/prose.js';
import type { ReplyContext, ResolvedConfig, ResolvedReplyContext } from './types.js';

export interface PrepareOptions {
  /** Path shown in messages (the core never reads it). */
  path?: string;
  /** Rule ids to skip for this draft, on top of front matter `disable` and inline comments. */
  disable?: readonly string[];
}

/** A line and column (1-based) with its offset, as vfile places messages. */
export interface DraftPoint {
  line: number;
  column: number;
  offset?: number;
}

/**
 * Everything about a draft that does not depend on which rules run: read once, then checked by
 * `lintDraft` as a whole or in pieces (an editor checks paragraph-local rules block by block).
 */
export interface PreparedDraft {
  text: string;
  path?: string;
  /** The draft's front matter as read (an empty one when there is none or the draft is too large). */
  frontMatter: FrontMatter;
  /** The front matter's context with the host's fields over it (only those set: a blank field does not erase one). */
  context: ReplyContext;
  /** `context` resolved against the config: situation, mood, channel. */
  reply: ResolvedReplyContext;
  /** Rule ids not run on this draft: front matter `disable`, `<!-- preach-disable … -->` comments and the host's. */
  disabled: ReadonlySet<string>;
  /** Why the draft is not checked at all (past `limits.max_draft_kb`); nothing else was read. */
  tooLarge?: string;
  /** The whole draft's prose after the front matter, built once on first use. */
  prose(): ProseView;
  /** The line and column of a UTF-16 offset into `text` (undefined past its end). */
  toPoint(offset: number): DraftPoint | undefined;
  /** The UTF-16 offset of a line and column (undefined when outside `text`). */
  toOffset(point: { line: number; column: number }): number | undefined;
  /** The blocks after the front matter that paragraph-local rules can check one at a time (`lintDraft`'s `within`). */
  blocks(): Block[];
}

const INLINE_DISABLE = /<!--\s*preach-disable\s+([\w\-/@:. ]+?)\s*-->/g;
const NO_FRONT_MATTER: FrontMatter = { start: 0, end: 0, context: {}, disable: [], data: {}, problems: [] };

/**
 * Reads what a check needs from a draft before any rule runs: its front matter, the context
 * (front matter under the host's fields: CLI flags, the editor's context), the rules it turns off
 * and the map between offsets and lines. Pure: no I/O.
 */
export function prepareDraft(text: string, given: ReplyContext, config: ResolvedConfig, options: PrepareOptions = {}): PreparedDraft {
  const { toPoint, toOffset } = location(text);
  const host = definedFields(given);
  const tooLarge = draftSizeProblem(text, config.limits);
  // A draft too large is not read at all: only the host's context, for the result's situation.
  const frontMatter = tooLarge ? NO_FRONT_MATTER : readFrontMatter(text);
  const context: ReplyContext = { ...frontMatter.context, ...host };
  const disabled = new Set([...frontMatter.disable, ...(options.disable ?? []), ...(tooLarge ? [] : inlineDisables(text))]);
  let view: ProseView | undefined;
  const prose = () => (view ??= buildProse(tooLarge ? '' : text, frontMatter.end));
  // Field by field, in this order: a spread of an optional field (`...(x ? { x } : {})`) made V8
  // clone an object, twice a reply.
  const draft = { text } as PreparedDraft;
  if (options.path !== undefined) draft.path = options.path;
  draft.frontMatter = frontMatter;
  draft.context = context;
  // The language is decided once, from the whole draft's prose, so every block is read alike.
  draft.reply = resolveContext(context, config, () => prose().prose);
  draft.disabled = disabled;
  if (tooLarge) draft.tooLarge = tooLarge;
  draft.prose = prose;
  draft.toPoint = (offset) => toPoint(offset);
  draft.toOffset = (point) => toOffset(point);
  draft.blocks = () => (tooLarge ? [] : splitBlocks(text, frontMatter.end));
  return draft;
}

/** The fields a host set: undefined, null and empty strings leave the draft's own value. */
function definedFields(context: ReplyContext): ReplyContext {
  const defined: Record<string, unknown> = {};
  for (const key of Object.keys(context)) {
    const value = context[key as keyof ReplyContext];
    if (value !== undefined && value !== null && value !== '') defined[key] = value;
  }
  return defined as ReplyContext;
}

/** Rule ids named in `<!-- preach-disable id other-id -->` comments anywhere in the draft. */
function inlineDisables(text: string): string[] {
  if (!text.includes('preach-disable')) return [];
  return [...text.matchAll(INLINE_DISABLE)].flatMap((match) => match[1]!.split(/\s+/));
}
