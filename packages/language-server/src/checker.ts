import weakMemoize from '@emotion/weak-memoize';
import { buildProse, createDeadline, DEFAULT_LIMITS, draftSizeProblem, LANGUAGE_RULE_ID, lint, readFrontMatter, resolveLanguage, scoreReply, type Category, type PreachMessage, type ReplyContext, type ResolvedConfig, type ResolvedSituation, type ScoreCard } from '@preach/core';
import { splitByScope } from './rule-scope.js';
import { splitBlocks } from './segments.js';

/** A message reduced to plain data (it crosses a thread boundary), offsets into the draft. */
export interface PlainMessage {
  ruleId: string;
  message: string;
  severity: 'error' | 'warning' | 'suggestion';
  category: Category;
  critical: boolean;
  start: number;
  end: number;
  url?: string;
  expected?: string[];
  note?: string;
}

export interface CheckOutcome {
  messages: PlainMessage[];
  score: ScoreCard;
  situation: ResolvedSituation;
  /** Front matter merged with the context given by the editor. */
  context: ReplyContext;
  blocksReused: number;
  blocksChecked: number;
}

export interface CheckControl {
  /** Asked between slices of work; true abandons the check (a newer text is waiting). */
  isStale(): boolean;
  /** Longest synchronous stretch allowed before yielding to the event loop (ms). */
  sliceMs?: number;
  /** Told the length of every synchronous stretch, for measuring. */
  onSlice?(ms: number): void;
}

const INLINE_DISABLE = /<!--\s*preach-disable\s+([\w\-/@:. ]+?)\s*-->/g;
let nextConfigId = 1;
/** A number per config, to key results by the config they were checked with. */
const configId = weakMemoize((_config: ResolvedConfig) => nextConfigId++);

/**
 * Checks one draft again and again as it changes. Paragraph-local rules run per block and their
 * results are kept by block text, so an edit re-checks only the blocks it touched; the other
 * rules run on the whole reply. The results equal a full `lint()` of the draft.
 */
export class DraftChecker {
  private blocks = new Map<string, PlainMessage[]>();
  private blocksKey = '';

  async check(text: string, given: ReplyContext, config: ResolvedConfig, control: CheckControl): Promise<CheckOutcome | undefined> {
    const sliceMs = control.sliceMs ?? 8;
    let sliceStart = performance.now();
    const endSlice = () => control.onSlice?.(performance.now() - sliceStart);
    const pause = async (): Promise<boolean> => {
      endSlice();
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
      return control.isStale();
    };

    // Too large: one message from a lint that reads nothing, like the CLI's.
    if (draftSizeProblem(text, config.limits)) {
      const refused = lint(text, given, config);
      const messages = plainMessages(refused.messages, text);
      return { messages, score: refused.score, situation: refused.context.situation, context: given, blocksReused: 0, blocksChecked: 0 };
    }
    // One time budget for the whole draft, however many pieces it is checked in.
    const deadline = createDeadline((config.limits ?? DEFAULT_LIMITS).timeBudgetMs);
    const frontMatter = readFrontMatter(text);
    const context: ReplyContext = { ...frontMatter.context, ...definedFields(given) };
    // The draft's language is decided once, from all of it: a short block alone could read as another.
    context.language ??= resolveLanguage(undefined, config.language, buildProse(text, frontMatter.end).prose).id;
    const disable = [...new Set([...frontMatter.disable, ...inlineDisables(text)])].sort();
    const split = splitByScope(config);
    const key = JSON.stringify([configId(config), context, disable]);
    if (key !== this.blocksKey) {
      this.blocks = new Map();
      this.blocksKey = key;
    }

    const kept = new Map<string, PlainMessage[]>();
    const messages: PlainMessage[] = [];
    let reused = 0;
    let checked = 0;
    for (const block of splitBlocks(text, frontMatter.end)) {
      let found = kept.get(block.text) ?? this.blocks.get(block.text);
      if (found) {
        reused++;
      } else {
        if (performance.now() - sliceStart > sliceMs && (await pause())) return undefined;
        const result = split.paragraph.rules.size === 0 ? undefined : lint(block.text, context, split.paragraph, { disable: [...disable, LANGUAGE_RULE_ID], deadline });
        found = result ? plainMessages(result.messages, block.text) : [];
        checked++;
        if (result?.stopped) {
          // Out of time: what was found so far, and the message saying the check stopped here.
          for (const message of found) messages.push({ ...message, start: message.start + block.start, end: message.end + block.start });
          endSlice();
          return { messages, score: scoreReply(messages, 0, config.scoring), situation: result.context.situation, context, blocksReused: reused, blocksChecked: checked };
        }
      }
      kept.set(block.text, found);
      for (const message of found) messages.push({ ...message, start: message.start + block.start, end: message.end + block.start });
    }
    this.blocks = kept;

    if (await pause()) return undefined;
    const whole = lint(text, { ...given, language: context.language }, split.document, { deadline });
    messages.push(...plainMessages(whole.messages, text));
    endSlice();
    messages.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
    const score = scoreReply(messages, whole.score.words, config.scoring);
    return { messages, score, situation: whole.context.situation, context, blocksReused: reused, blocksChecked: checked };
  }
}

export function plainMessages(messages: readonly PreachMessage[], text: string): PlainMessage[] {
  return messages.map((message) => {
    const [start, end] = offsetsOf(message, text);
    const plain: PlainMessage = {
      ruleId: message.ruleId,
      message: message.reason,
      severity: message.severity,
      category: message.category,
      critical: Boolean(message.critical),
      start,
      end,
    };
    if (message.url) plain.url = message.url;
    if (message.expected?.length) plain.expected = [...message.expected];
    if (message.note) plain.note = message.note;
    return plain;
  });
}

function offsetsOf(message: PreachMessage, text: string): [number, number] {
  const place = message.place as { start?: { offset?: number }; end?: { offset?: number }; line?: number } | undefined;
  if (place?.start?.offset !== undefined) return [place.start.offset, place.end?.offset ?? place.start.offset];
  // A bare point (front matter errors): the start of its line.
  const line = place?.line ?? message.line ?? 1;
  let offset = 0;
  for (let i = 1; i < line && offset !== -1; i++) offset = text.indexOf('\n', offset) + 1 || -1;
  return offset < 0 ? [0, 0] : [offset, offset];
}

function definedFields(context: ReplyContext): ReplyContext {
  return Object.fromEntries(Object.entries(context).filter(([, value]) => value !== undefined && value !== null && value !== '')) as ReplyContext;
}

function inlineDisables(text: string): string[] {
  if (!text.includes('preach-disable')) return [];
  return [...text.matchAll(INLINE_DISABLE)].flatMap((match) => match[1]!.split(/\s+/));
}
