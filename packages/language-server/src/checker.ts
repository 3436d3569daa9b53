import weakMemoize from '@emotion/weak-memoize';
import { createDeadline, DEFAULT_LIMITS, lintDraft, prepareDraft, ruleScopes, scoreReply, type Category, type PreachMessage, type ReplyContext, type ResolvedConfig, type ResolvedSituation, type ScoreCard } from '@preach/core';

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

    const draft = prepareDraft(text, given, config);
    // Too large: one message from a lint that reads nothing, like the CLI's.
    if (draft.tooLarge) {
      const refused = lintDraft(draft, config);
      return { messages: plainMessages(refused.messages), score: refused.score, situation: refused.context.situation, context: draft.context, blocksReused: 0, blocksChecked: 0 };
    }
    // One time budget for the whole draft, however many pieces it is checked in.
    const deadline = createDeadline((config.limits ?? DEFAULT_LIMITS).timeBudgetMs);
    const scopes = ruleScopes(config);
    // The language is the whole draft's: a draft that now reads as another language is checked afresh.
    const key = JSON.stringify([configId(config), draft.context, draft.reply.language.id, [...draft.disabled].sort()]);
    if (key !== this.blocksKey) {
      this.blocks = new Map();
      this.blocksKey = key;
    }

    // Kept per block text with offsets from the block's start, so a block that moved is reused.
    const kept = new Map<string, PlainMessage[]>();
    const messages: PlainMessage[] = [];
    let reused = 0;
    let checked = 0;
    for (const block of draft.blocks()) {
      let found = kept.get(block.text) ?? this.blocks.get(block.text);
      if (found) {
        reused++;
      } else {
        if (performance.now() - sliceStart > sliceMs && (await pause())) return undefined;
        const within = { start: block.start, end: block.start + block.text.length };
        const result = scopes.paragraph.size === 0 ? undefined : lintDraft(draft, config, { only: scopes.paragraph, within, deadline });
        found = result ? moved(plainMessages(result.messages), -block.start) : [];
        checked++;
        if (result?.stopped) {
          // Out of time: what was found so far, and the message saying the check stopped here.
          messages.push(...moved(found, block.start));
          endSlice();
          return { messages, score: scoreReply(messages, 0, config.scoring), situation: result.context.situation, context: draft.context, blocksReused: reused, blocksChecked: checked };
        }
      }
      kept.set(block.text, found);
      messages.push(...moved(found, block.start));
    }
    this.blocks = kept;

    if (await pause()) return undefined;
    const whole = lintDraft(draft, config, { only: scopes.document, deadline });
    messages.push(...plainMessages(whole.messages));
    endSlice();
    messages.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
    const score = scoreReply(messages, whole.score.words, config.scoring);
    return { messages, score, situation: whole.context.situation, context: draft.context, blocksReused: reused, blocksChecked: checked };
  }
}

/** Messages as plain data, offsets into the draft. */
export function plainMessages(messages: readonly PreachMessage[]): PlainMessage[] {
  return messages.map((message) => {
    const plain: PlainMessage = {
      ruleId: message.ruleId,
      message: message.reason,
      severity: message.severity,
      category: message.category,
      critical: Boolean(message.critical),
      start: message.startOffset,
      end: message.endOffset,
    };
    if (message.url) plain.url = message.url;
    if (message.expected?.length) plain.expected = [...message.expected];
    if (message.note) plain.note = message.note;
    return plain;
  });
}

function moved(messages: readonly PlainMessage[], by: number): PlainMessage[] {
  return messages.map((message) => ({ ...message, start: message.start + by, end: message.end + by }));
}
