import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_LIMITS, lint, resolveConfig, type Channel, type ReplyContext, type ResolvedConfig } from '@preach/core';
import { recommendedRules } from '@preach/rules';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Precision and recall of `preach:recommended` against replies labelled by hand
 * (format: test/fixtures/eval/README.md). Prints a table per rule; fails below 90% overall.
 */

const EVAL_DIR = resolve(import.meta.dirname, 'fixtures', 'eval');
const THRESHOLD = 0.9;
const MIN_ENTRIES = 100;

interface EvalEntry {
  id: string;
  file: string;
  text: string;
  context: ReplyContext;
  expect: string[];
  forbid: string[];
  note?: string;
}

interface Outcome {
  entry: EvalEntry;
  fired: Set<string>;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

const CONTEXT_KEYS: Record<string, keyof ReplyContext> = {
  customer_name: 'customerName',
  customer_message: 'customerMessage',
  situation: 'situation',
  channel: 'channel',
  agent_name: 'agentName',
  tags: 'tags',
};
const CHANNELS: Channel[] = ['chat', 'email', 'social', 'sms'];

/** Reads every entry, refusing malformed ones with the file and entry that need fixing. */
function loadEntries(knownRules: ReadonlySet<string>): EvalEntry[] {
  const files = readdirSync(EVAL_DIR).filter((name) => /\.ya?ml$/.test(name)).sort();
  const entries: EvalEntry[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of files) {
    const raw = parse(readFileSync(join(EVAL_DIR, name), 'utf8')) as unknown;
    if (!Array.isArray(raw)) {
      problems.push(`${name}: the file must be a YAML list of entries`);
      continue;
    }
    raw.forEach((item: Record<string, any>, index) => {
      const where = `${name} entry ${index + 1}${item?.id ? ` (${item.id})` : ''}`;
      if (!item || typeof item !== 'object') return problems.push(`${where}: not a mapping`);
      if (typeof item.id !== 'string' || !item.id) problems.push(`${where}: needs an id`);
      else if (seen.has(item.id)) problems.push(`${where}: id "${item.id}" is used twice`);
      seen.add(item.id);
      if (typeof item.text !== 'string' || !item.text.trim()) problems.push(`${where}: needs a text`);
      if (!Array.isArray(item.expect)) problems.push(`${where}: needs expect (a list of rule ids; [] for a good reply)`);
      for (const id of [...(item.expect ?? []), ...(item.forbid ?? [])]) {
        if (!knownRules.has(id)) problems.push(`${where}: "${id}" is not a built-in rule`);
      }
      const context: ReplyContext = {};
      for (const [key, value] of Object.entries(item.context ?? {})) {
        const field = CONTEXT_KEYS[key];
        if (!field) problems.push(`${where}: unknown context key "${key}" (use ${Object.keys(CONTEXT_KEYS).join(', ')})`);
        else (context as Record<string, unknown>)[field] = value;
      }
      if (context.channel && !CHANNELS.includes(context.channel)) problems.push(`${where}: unknown channel "${context.channel}"`);
      entries.push({ id: item.id, file: name, text: item.text, context, expect: item.expect ?? [], forbid: item.forbid ?? [], note: item.note });
    });
  }
  if (problems.length > 0) throw new Error(`The evaluation set has problems:\n  ${problems.join('\n  ')}`);
  return entries;
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function table(tallies: Map<string, Tally>, total: Tally): string {
  const rows = [...tallies.entries()].sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(...rows.map(([id]) => id.length), 'overall'.length);
  const line = (id: string, t: Tally) =>
    `${id.padEnd(width)}  ${String(t.tp).padStart(4)}  ${String(t.fp).padStart(4)}  ${String(t.fn).padStart(4)}  ${percent(ratio(t.tp, t.tp + t.fp)).padStart(9)}  ${percent(ratio(t.tp, t.tp + t.fn)).padStart(7)}`;
  return [`${'rule'.padEnd(width)}    TP    FP    FN  precision   recall`, ...rows.map(([id, t]) => line(id, t)), line('overall', total)].join('\n');
}

describe('evaluation set', () => {
  let config: ResolvedConfig;
  let entries: EvalEntry[];
  let outcomes: Outcome[];
  const tallies = new Map<string, Tally>();
  const total: Tally = { tp: 0, fp: 0, fn: 0 };

  beforeAll(() => {
    expect(existsSync(EVAL_DIR), `${EVAL_DIR} is missing`).toBe(true);
    const rules = recommendedRules();
    // Labels, not speed, are measured here: the time budget is only a hang guard, so the first
    // reply, which loads the spelling checker, is judged whole on a busy machine too.
    // Every built-in rule, with those off in preach:recommended (spelling, grammar, the e-mail
    // sign-off) turned on: the set measures what preach can find.
    const resolved = resolveConfig({ rules, enabled: new Set(rules.map((rule) => rule.meta.id)), layers: [{ file: 'the evaluation', config: { rules: { spelling: 'warning', grammar: 'warning', 'missing-sign-off': 'warning' } } }] });
    config = { ...resolved, limits: { ...(resolved.limits ?? DEFAULT_LIMITS), timeBudgetMs: 10 * 60_000 } };
    entries = loadEntries(new Set(rules.map((rule) => rule.meta.id)));
    outcomes = entries.map((entry) => ({ entry, fired: new Set(lint(entry.text, entry.context, config).messages.map((m) => m.ruleId)) }));
    const tally = (id: string) => tallies.get(id) ?? (tallies.set(id, { tp: 0, fp: 0, fn: 0 }), tallies.get(id)!);
    for (const { entry, fired } of outcomes) {
      for (const id of entry.expect) tally(id)[fired.has(id) ? 'tp' : 'fn']++;
      for (const id of fired) if (!entry.expect.includes(id)) tally(id).fp++;
    }
    for (const t of tallies.values()) {
      total.tp += t.tp;
      total.fp += t.fp;
      total.fn += t.fn;
    }
    const misses = outcomes.flatMap(({ entry, fired }) => {
      const missed = entry.expect.filter((id) => !fired.has(id));
      const extra = [...fired].filter((id) => !entry.expect.includes(id));
      return missed.length || extra.length ? [`  ${entry.id}: ${missed.map((id) => `missed ${id}`).concat(extra.map((id) => `false ${id}`)).join(', ')}`] : [];
    });
    console.log(`\nEvaluation set: ${entries.length} replies (${entries.filter((e) => e.expect.length === 0).length} good)\n${table(tallies, total)}${misses.length ? `\n\nDisagreements:\n${misses.join('\n')}` : ''}\n`);
  });

  it(`holds at least ${MIN_ENTRIES} replies, a third of them good`, () => {
    expect(entries.length).toBeGreaterThanOrEqual(MIN_ENTRIES);
    expect(entries.filter((entry) => entry.expect.length === 0).length).toBeGreaterThanOrEqual(Math.ceil(entries.length / 3));
  });

  it('covers every built-in English rule with a reply it must flag', () => {
    // The set is English; Thai, Korean and Chinese rules are measured by their own sets.
    const covered = new Set(entries.flatMap((entry) => entry.expect));
    const uncovered = recommendedRules()
      .filter((rule) => rule.meta.languages?.includes('en'))
      .map((rule) => rule.meta.id)
      .filter((id) => !covered.has(id));
    expect(uncovered, 'rules no entry expects').toEqual([]);
  });

  it('measures both given and inferred situations', () => {
    expect(entries.some((entry) => entry.context.situation)).toBe(true);
    expect(entries.some((entry) => !entry.context.situation && entry.context.customerMessage)).toBe(true);
  });

  it('never fires a rule an entry forbids', () => {
    const broken = outcomes.flatMap(({ entry, fired }) => entry.forbid.filter((id) => fired.has(id)).map((id) => `${entry.id}: ${id}`));
    expect(broken).toEqual([]);
  });

  it(`reaches ${THRESHOLD * 100}% precision and recall overall`, () => {
    expect(ratio(total.tp, total.tp + total.fp), 'overall precision').toBeGreaterThanOrEqual(THRESHOLD);
    expect(ratio(total.tp, total.tp + total.fn), 'overall recall').toBeGreaterThanOrEqual(THRESHOLD);
  });
});
