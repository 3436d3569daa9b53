import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lint, resolveConfig, resolveContext, type ReplyContext, type ResolvedConfig } from '@preach/core';
import { recommendedRules } from '@preach/rules';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Thai, Korean and Chinese: precision and recall of `preach:recommended` on replies labelled blind
 * to the rules, the share of good replies left clean, and situation and mood accuracy on customer
 * messages (test/fixtures/eval-i18n, CONTRACT.md there). Both were test sets once and have been
 * tuned on since: the customer messages by the signal phrases, the replies by the second round of
 * reply-rule fixes. All figures here are development figures, above what a fresh blind set shows;
 * a new blind reply set measures the rules. The floors
 * below hold the figures in docs/evaluation.md, so a change that makes a language worse fails
 * here. The issue's targets (recall 90%, clean 90%, situation 85%) are beside them in the docs.
 */

const DIR = resolve(import.meta.dirname, 'fixtures', 'eval-i18n');
const CONTEXT_KEYS: Record<string, keyof ReplyContext> = {
  language: 'language',
  customer_name: 'customerName',
  customer_title: 'customerTitle',
  customer_message: 'customerMessage',
  situation: 'situation',
  channel: 'channel',
  agent_name: 'agentName',
  tags: 'tags',
};

/**
 * The second blind set of customer messages, written to CONTRACT.md by someone who never saw the
 * signal phrases and measured once as a test (situation th 80.0%, ko 74.3%, zh 75.7%; mood 67.1%,
 * 62.9%, 70.0%). The phrases have been tuned on it since, so it is development data now
 * (`data/customer-messages-i18n/blind-2-<lang>.jsonl`) and these floors hold development figures
 * (docs/evaluation.md, section 0d).
 */
const BLIND_2_FLOORS: Record<string, { situation: number; mood: number }> = {
  th: { situation: 1, mood: 0.87 },
  ko: { situation: 1, mood: 0.9 },
  zh: { situation: 1, mood: 0.855 },
};
const BLIND_2_FILE = (language: string) => resolve(import.meta.dirname, '..', 'data', 'customer-messages-i18n', `blind-2-${language}.jsonl`);

/** Measured on these sets (docs/evaluation.md, section 0d); a regression below these fails. All are development figures. */
const FLOORS: Record<string, { precision: number; recall: number; clean: number; situation: number; mood: number }> = {
  th: { precision: 1, recall: 1, clean: 1, situation: 1, mood: 0.905 },
  ko: { precision: 1, recall: 1, clean: 1, situation: 1, mood: 0.9 },
  zh: { precision: 1, recall: 1, clean: 1, situation: 1, mood: 0.825 },
};

interface Entry {
  id: string;
  text: string;
  context: ReplyContext;
  expect: string[];
}

interface Figures {
  replies: number;
  good: number;
  precision: number;
  recall: number;
  clean: number;
  situation: number;
  mood: number;
  misses: string[];
}

/** Situation and mood accuracy on one file (a path) of labelled customer messages; each misread one is added to `misses`. */
function readMessages(language: string, file: string, config: ResolvedConfig, misses: string[]): { situation: number; mood: number; messages: number } {
  const messages = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { key: string; text: string; situation: string; mood: string });
  let situations = 0;
  let moods = 0;
  for (const message of messages) {
    const reply = resolveContext({ customerMessage: message.text, language }, config);
    if ((reply.situation.id ?? 'none') === message.situation) situations++;
    else misses.push(`  ${message.key}: situation ${reply.situation.id ?? 'none'}, labelled ${message.situation}`);
    if (reply.mood?.id === message.mood) moods++;
  }
  return { situation: situations / Math.max(1, messages.length), mood: moods / Math.max(1, messages.length), messages: messages.length };
}

type ReplyFigures = Pick<Figures, 'replies' | 'good' | 'precision' | 'recall' | 'clean' | 'misses'>;

/** Precision, recall and the share of good replies left clean, on one labelled reply file. */
function measureReplies(file: string, config: ResolvedConfig): ReplyFigures {
  const raw = parse(readFileSync(file, 'utf8')) as Array<Record<string, any>>;
  const entries: Entry[] = raw.map((item) => {
    const context: ReplyContext = {};
    for (const [key, value] of Object.entries(item.context ?? {})) (context as Record<string, unknown>)[CONTEXT_KEYS[key] ?? key] = value;
    return { id: item.id, text: item.text, context, expect: item.expect ?? [] };
  });
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let clean = 0;
  const misses: string[] = [];
  for (const entry of entries) {
    // Only the rules the labels may name count: suggestions outside the set (a style hint) are not judged.
    const fired = new Set(lint(entry.text, entry.context, config).messages.filter((m) => m.severity !== 'suggestion').map((m) => m.ruleId!));
    for (const id of entry.expect) fired.has(id) ? tp++ : fn++;
    const extra = [...fired].filter((id) => !entry.expect.includes(id));
    fp += extra.length;
    if (entry.expect.length === 0 && extra.length === 0) clean++;
    const missed = entry.expect.filter((id) => !fired.has(id));
    if (missed.length || extra.length) misses.push(`  ${entry.id}: ${[...missed.map((id) => `missed ${id}`), ...extra.map((id) => `false ${id}`)].join(', ')}`);
  }
  const good = entries.filter((e) => e.expect.length === 0).length;
  return {
    replies: entries.length,
    good,
    precision: tp / Math.max(1, tp + fp),
    recall: tp / Math.max(1, tp + fn),
    clean: clean / Math.max(1, good),
    misses,
  };
}

function measure(language: string, config: ResolvedConfig): Figures {
  const replies = measureReplies(join(DIR, language, 'replies.yaml'), config);
  const { situation, mood } = readMessages(language, join(DIR, language, 'customer-messages.jsonl'), config, replies.misses);
  return { ...replies, situation, mood };
}

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

describe('Thai, Korean and Chinese evaluation sets', () => {
  const figures = new Map<string, Figures>();

  beforeAll(() => {
    const rules = recommendedRules();
    const config = resolveConfig({ rules, enabled: new Set(rules.map((rule) => rule.meta.id)), layers: [] });
    for (const language of Object.keys(FLOORS)) figures.set(language, measure(language, config));
    const rows = [...figures].map(([language, f]) => `${language}   ${String(f.replies).padStart(7)}  ${pct(f.precision).padStart(9)}  ${pct(f.recall).padStart(7)}  ${pct(f.clean).padStart(10)}  ${pct(f.situation).padStart(9)}  ${pct(f.mood).padStart(6)}`);
    console.log(`\nlang  replies  precision   recall  good clean  situation    mood\n${rows.join('\n')}\n\nDisagreements:\n${[...figures].map(([language, f]) => `${language}:\n${f.misses.join('\n')}`).join('\n')}\n`);
  });

  for (const language of Object.keys(FLOORS)) {
    it(`${language}: holds its measured figures`, () => {
      const f = figures.get(language)!;
      const floor = FLOORS[language]!;
      expect(f.replies).toBeGreaterThanOrEqual(60);
      expect({ precision: f.precision >= floor.precision, recall: f.recall >= floor.recall, clean: f.clean >= floor.clean, situation: f.situation >= floor.situation, mood: f.mood >= floor.mood }).toEqual({ precision: true, recall: true, clean: true, situation: true, mood: true });
    });
  }
});

/**
 * The third blind set of customer messages, written to CONTRACT.md and
 * data/customer-messages/GUIDE.md by someone who saw neither the signal phrases, the tests nor any
 * earlier set, and measured once as a test (situation th 81.4%, ko 87.1%, zh 88.6%; mood 70.0%,
 * 77.1%, 72.9%). The phrases have been tuned on it since, so it is development data now
 * (`data/customer-messages-i18n/blind-3-<lang>.jsonl`) and these floors hold development figures
 * (docs/evaluation.md, section 0d).
 */
const BLIND_3_FLOORS: Record<string, { situation: number; mood: number }> = {
  th: { situation: 1, mood: 0.91 },
  ko: { situation: 1, mood: 0.885 },
  zh: { situation: 1, mood: 0.87 },
};
const BLIND_3_FILE = (language: string) => resolve(import.meta.dirname, '..', 'data', 'customer-messages-i18n', `blind-3-${language}.jsonl`);

holdsMessageFigures('Thai, Korean and Chinese customer messages, third blind set (development data since)', BLIND_3_FILE, BLIND_3_FLOORS, 70);

/**
 * The second blind reply set (`<lang>/replies-blind-2.yaml`, 60 replies, 30 of them good), written
 * to CONTRACT.md by someone who read nothing else of the project, measured once as a test (precision
 * th 86.1 / ko 86.8 / zh 88.6%, recall 75.6 / 82.5 / 73.8%, clean 86.7% each). The reply rules have
 * been tuned on it since, so it is development data and these floors hold development figures
 * (docs/evaluation.md, section 0d).
 */
const REPLIES_BLIND_2_FLOORS: Record<string, { precision: number; recall: number; clean: number }> = {
  th: { precision: 0.975, recall: 1, clean: 1 },
  ko: { precision: 1, recall: 1, clean: 1 },
  zh: { precision: 1, recall: 0.975, clean: 1 },
};

holdsReplyFigures('Thai, Korean and Chinese replies, second blind set (development data since)', (language) => join(DIR, language, 'replies-blind-2.yaml'), REPLIES_BLIND_2_FLOORS);

holdsMessageFigures('Thai, Korean and Chinese customer messages, second blind set (development data since)', BLIND_2_FILE, BLIND_2_FLOORS, 70);

/** Situation and mood accuracy of each language on one set of customer messages, held at its floors. */
function holdsMessageFigures(title: string, fileOf: (language: string) => string, floors: Record<string, { situation: number; mood: number }>, count?: number): void {
  describe(title, () => {
    const rules = recommendedRules();
    const config = resolveConfig({ rules, enabled: new Set(rules.map((rule) => rule.meta.id)), layers: [] });
    for (const [language, floor] of Object.entries(floors)) {
      it(`${language}: holds its situation and mood accuracy`, () => {
        const misses: string[] = [];
        const figures = readMessages(language, fileOf(language), config, misses);
        console.log(`${title}, ${language}: ${figures.messages} messages, situation ${pct(figures.situation)}, mood ${pct(figures.mood)}\n${misses.join('\n')}`);
        if (count !== undefined) expect(figures.messages).toBe(count);
        expect({ situation: figures.situation >= floor.situation, mood: figures.mood >= floor.mood }).toEqual({ situation: true, mood: true });
      });
    }
  });
}

/**
 * The fourth blind set of customer messages (`<lang>/customer-messages-blind-4.jsonl`), written to
 * CONTRACT.md and data/customer-messages/GUIDE.md by someone who read nothing else of the project,
 * measured once as it first met the phrases tuned on the third set (docs/evaluation.md, section
 * 0d). Test figures: nothing may be tuned on these messages; a round that tunes on them must say
 * so, move them to data/customer-messages-i18n/ and write a new set.
 */
holdsMessageFigures(
  'Thai, Korean and Chinese customer messages, fourth blind set (test set)',
  (language) => join(DIR, language, 'customer-messages-blind-4.jsonl'),
  { th: { situation: 0.8, mood: 0.67 }, ko: { situation: 0.855, mood: 0.71 }, zh: { situation: 0.825, mood: 0.655 } },
  70,
);

/**
 * The third blind reply set (`<lang>/replies-blind-3.yaml`, 60 replies, 30 of them good), written
 * to CONTRACT.md by someone who read nothing else of the project, measured once as it first met
 * the rules tuned on the second (docs/evaluation.md, section 0d). Test figures: nothing may be
 * tuned on it.
 */
const REPLIES_BLIND_3_FLOORS: Record<string, { precision: number; recall: number; clean: number }> = {
  th: { precision: 0.975, recall: 0.925, clean: 0.965 },
  ko: { precision: 0.945, recall: 0.855, clean: 0.93 },
  zh: { precision: 0.91, recall: 0.93, clean: 0.93 },
};

holdsReplyFigures('Thai, Korean and Chinese replies, third blind set (test set)', (language) => join(DIR, language, 'replies-blind-3.yaml'), REPLIES_BLIND_3_FLOORS);

/** Precision, recall and the share of good replies left clean for each language on one reply set, held at its floors. */
function holdsReplyFigures(title: string, fileOf: (language: string) => string, floors: Record<string, { precision: number; recall: number; clean: number }>): void {
  describe(title, () => {
    const rules = recommendedRules();
    const config = resolveConfig({ rules, enabled: new Set(rules.map((rule) => rule.meta.id)), layers: [] });
    for (const [language, floor] of Object.entries(floors)) {
      it(`${language}: holds its precision, recall and clean share`, () => {
        const f = measureReplies(fileOf(language), config);
        console.log(`${title}, ${language}: ${f.replies} replies (${f.good} good), precision ${pct(f.precision)}, recall ${pct(f.recall)}, good clean ${pct(f.clean)}\n${f.misses.join('\n')}`);
        expect(f.replies).toBe(60);
        expect({ precision: f.precision >= floor.precision, recall: f.recall >= floor.recall, clean: f.clean >= floor.clean }).toEqual({ precision: true, recall: true, clean: true });
      });
    }
  });
}
