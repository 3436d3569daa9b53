import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageFeatures, turnFeatures } from '../src/customer/features.js';
import { boundaryFirst, topLevelAlternatives } from '../src/declarative/regex.js';
import { knownFeatures, predict, unpackModels } from '../src/customer/linear-model.js';
import { PACKED_CUSTOMER_MODELS } from '../src/customer/weights.generated.js';
import { BUILT_IN_SITUATIONS } from '../src/situations.js';

const DATA = join(import.meta.dirname, '..', '..', '..', 'data', 'customer-messages');
const texts = (file: string) =>
  readFileSync(join(DATA, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);

/** Messages that reach the corners of the feature walk: links, numbers, handles, curly apostrophes, shouting, repeats, nothing at all. */
const EDGE_CASES = [
  '',
  ' ',
  'ok',
  'OK GO  ',
  'PLEASE HELP ME NOW!!',
  "It's working again, thanks!",
  'Never mind, got it sorted',
  'My mom passed away last week and I need to close her account',
  'card declined ’twice’ see https://example.com/x and www.example.org #123-4 12,000.50 @bob @ＡＢＣ',
  'I can’t log in 😡 I can’t log in 😡',
  'the the the to to a',
  'no no no no no no no no no no no no no no no no no no no no no no no no no no no',
  '__proto__ constructor hasOwnProperty toString',
  'Why was my direct debit rejected? Why?!',
];

describe('the features the customer-turn models read', () => {
  const { index } = unpackModels(PACKED_CUSTOMER_MODELS).situation!;
  // Every third paraphrase is enough to meet every kind of message and keeps the test short.
  const messages = [...EDGE_CASES, ...texts('written.jsonl'), ...texts('paraphrases.jsonl').filter((_, i) => i % 3 === 0)];

  // Inference reads a message without naming every word and pair: it must still see exactly what
  // training saw, in the same order (ties among evidence words go to the first).
  it('are the features training sees that the model knows, in the same order, with the same evidence', () => {
    const differ: string[] = [];
    let compared = 0;
    messages.forEach((message, i) => {
      for (const previous of [undefined, messages[i - 1] || undefined]) {
        const named = messageFeatures(message, previous);
        const known = knownFeatures(index, named.names);
        const expected = {
          ...known,
          quotes: known.names.map((name) => named.evidence.get(name) ?? null),
          signals: named.names.filter((name) => name.startsWith('sig:')).map((name) => named.evidence.get(name)),
          resolutionCue: named.names.includes('res:cue'),
        };
        const read = turnFeatures(message, previous, index);
        const actual = { names: read.names, rows: read.rows, quotes: read.quotes.map((quote) => quote ?? null), signals: read.signals.filter((words) => words !== undefined), resolutionCue: read.resolutionCue };
        if (JSON.stringify(actual) !== JSON.stringify(expected)) differ.push(`${JSON.stringify(message)} after ${JSON.stringify(previous)}`);
        compared++;
      }
    });
    expect(differ).toEqual([]);
    expect(compared).toBeGreaterThan(3000);
  });
});

describe('the built-in signals', () => {
  // Compiled with their word boundaries tested once in front, and all of them joined into one
  // pattern that says first whether any matches: the same matches as each pattern as written.
  it('match what their own patterns match, on every message', () => {
    const plain = BUILT_IN_SITUATIONS.flatMap((situation) => (situation.signals ?? []).map((signal, index) => ({ feature: `sig:${situation.id}:${index}`, regex: new RegExp(signal.pattern, 'i') })));
    const messages = [...EDGE_CASES, ...texts('written.jsonl'), ...texts('paraphrases.jsonl')];
    const differ: string[] = [];
    let matched = 0;
    for (const message of messages) {
      const { names, evidence } = messageFeatures(message);
      const expected = plain.flatMap(({ feature, regex }) => {
        const found = regex.exec(message);
        return found ? [[feature, found[0].trim()]] : [];
      });
      const actual = names.filter((name) => name.startsWith('sig:')).map((name) => [name, evidence.get(name)]);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) differ.push(message);
      if (expected.length) matched++;
    }
    expect(differ).toEqual([]);
    expect(matched).toBeGreaterThan(1000);
  });

  it('are split into alternatives only at bars outside groups, classes and escapes', () => {
    expect(topLevelAlternatives('a|b(?:c|d)|[|]|\\|e')).toEqual(['a', 'b(?:c|d)', '[|]', '\\|e']);
    expect(topLevelAlternatives('\\bcard\\b')).toEqual(['\\bcard\\b']);
    expect(boundaryFirst('\\bfoo\\b|\\bbar(?:s|\\b)')).toBe('\\b(?:foo\\b|bar(?:s|\\b))');
    expect(boundaryFirst('\\bfoo|bar')).toBe('\\bfoo|bar');
  });
});

describe('linear models unpacked side by side', () => {
  // Three features; model "a" has two classes, model "b" three. Bytes are signed weights / scale.
  const bytes = (values: number[]) => Buffer.from(Int8Array.from(values).buffer).toString('base64');
  const models = unpackModels({
    features: 'x\ny\nz',
    models: {
      a: { classes: ['no', 'yes'], scale: 0.5, weights: bytes([2, -2, 0, 4, -6, 1]) },
      b: { classes: ['p', 'q', 'r'], scale: 0.25, weights: bytes([1, 2, 3, -4, 0, 8, 0, 0, -1]) },
    },
  });
  const known = { names: ['x', 'z'], rows: [0, 2] };

  it('keep each model’s own weights', () => {
    // a: x → [1, -1], z → [-3, 0.5]: no = -2, yes = -0.5.
    const a = predict(models.a!, known, { evidence: 2 });
    expect(a.label).toBe('yes');
    expect(a.confidence).toBeCloseTo(1 / (1 + Math.exp(-1.5)), 12);
    expect(a.support).toEqual([1]);
    // b: x → [0.25, 0.5, 0.75], z → [0, 0, -0.25]: r and q tie at 0.5, the first listed wins.
    const b = predict(models.b!, known, { evidence: 2 });
    expect(b.label).toBe('q');
    expect(b.support).toEqual([0]);
    expect(predict(models.b!, known, { ruledOut: new Set(['q']) }).label).toBe('r');
  });
});
