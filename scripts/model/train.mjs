#!/usr/bin/env node
// Trains the customer-turn models (situation, mood, resolved) on the development part of the
// labelled customer messages and writes their weights into the core package:
//   node scripts/model/train.mjs            train on the development part, write the weights
//   node scripts/model/train.mjs --cv 5     k-fold cross-validation on the development part only
// Which messages are development and which are test is fixed in data/customer-messages/README.md;
// the test part is read only by scripts/model/evaluate.mjs.
//
// The trainer is multinomial logistic regression with L2, by AdaGrad over sparse features: the
// logistic-regression packages on npm train on dense matrices without regularisation (tens of
// thousands of word features by a thousand messages) or are perceptrons without probabilities.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLabelled, MODELS, ROOT, seededShuffle, featuresOf } from './data.mjs';

const args = process.argv.slice(2);
const folds = args.includes('--cv') ? Number(args[args.indexOf('--cv') + 1] ?? 5) : 0;

const { dev } = loadLabelled();
const examples = dev.map((item) => ({ ...item, features: featuresOf(item.text, item.previous) }));

/** Features seen in at least `minCount` training messages, plus every lexicon feature. */
function vocabulary(items, minCount) {
  const counts = new Map();
  for (const item of items) for (const f of item.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  return new Set([...counts].filter(([f, n]) => n >= minCount || !/^[wb]:/.test(f)).map(([f]) => f));
}

export function train(items, target, classes, { epochs = 30, l2 = 1e-4, rate = 0.5, minCount = 2, seed = 7 } = {}) {
  const vocab = vocabulary(items, minCount);
  const weights = new Map();
  const squares = new Map();
  const row = (map, f) => {
    let r = map.get(f);
    if (!r) map.set(f, (r = new Float64Array(classes.length)));
    return r;
  };
  const order = items.map((_, i) => i);
  // Classes weighted by inverse frequency, so rare situations (bereavement) are not drowned out.
  const frequency = new Map(classes.map((c) => [c, items.filter((i) => target(i) === c).length || 1]));
  for (let epoch = 0; epoch < epochs; epoch++) {
    seededShuffle(order, seed + epoch);
    for (const index of order) {
      const item = items[index];
      const features = item.features.filter((f) => vocab.has(f));
      const truth = classes.indexOf(target(item));
      const scores = new Float64Array(classes.length);
      for (const f of features) {
        const w = weights.get(f);
        if (w) for (let c = 0; c < classes.length; c++) scores[c] += w[c];
      }
      const max = Math.max(...scores);
      let total = 0;
      for (let c = 0; c < classes.length; c++) total += (scores[c] = Math.exp(scores[c] - max));
      const balance = Math.sqrt(items.length / classes.length / frequency.get(classes[truth]));
      for (const f of features) {
        const w = row(weights, f);
        const g2 = row(squares, f);
        for (let c = 0; c < classes.length; c++) {
          const gradient = balance * (scores[c] / total - (c === truth ? 1 : 0)) + l2 * w[c];
          g2[c] += gradient * gradient;
          w[c] -= (rate * gradient) / Math.sqrt(g2[c] + 1e-8);
        }
      }
    }
  }
  const out = {};
  for (const [f, w] of [...weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const rounded = [...w].map((v) => Math.round(v * 1000) / 1000);
    if (rounded.some((v) => Math.abs(v) >= 0.05)) out[f] = rounded.map((v) => Math.round(v * 100) / 100);
  }
  return { classes, weights: out };
}

/**
 * Packs the models small enough to load in a few milliseconds: one list of feature names, and
 * per model one byte per (feature, class), the weight divided by the model's scale, in base64.
 */
function pack(models) {
  const features = [...new Set(Object.values(models).flatMap((m) => Object.keys(m.weights)))].sort();
  const packed = {};
  for (const [name, model] of Object.entries(models)) {
    const largest = Object.values(model.weights).flat().reduce((max, w) => Math.max(max, Math.abs(w)), 0);
    const scale = largest / 127;
    const bytes = new Int8Array(features.length * model.classes.length);
    features.forEach((feature, f) => (model.weights[feature] ?? []).forEach((w, c) => (bytes[f * model.classes.length + c] = Math.round(w / scale))));
    packed[name] = { classes: model.classes, scale, weights: Buffer.from(bytes.buffer).toString('base64') };
  }
  return { features: features.join('\n'), models: packed };
}

export function predictLabel(model, features) {
  let best = -Infinity;
  let label = model.classes[0];
  const scores = new Float64Array(model.classes.length);
  for (const f of features) {
    const w = model.weights[f];
    if (w) for (let c = 0; c < scores.length; c++) scores[c] += w[c];
  }
  scores.forEach((s, c) => {
    if (s > best) (best = s), (label = model.classes[c]);
  });
  return label;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (folds) {
    for (const spec of MODELS) {
      let right = 0;
      // Folds by original message, so a paraphrase is never judged by a model trained on its source;
      // accuracy is measured on the original (non-paraphrased) messages.
      const groups = seededShuffle([...new Set(examples.map((item) => item.source ?? item.key))], 11);
      const fold = new Map(groups.map((group, i) => [group, i % folds]));
      const originals = examples.filter((item) => item.origin !== 'paraphrase');
      for (let k = 0; k < folds; k++) {
        const kept = examples.filter((item) => fold.get(item.source ?? item.key) !== k);
        const model = train(kept, spec.target, spec.classes, spec.options);
        for (const item of originals) if (fold.get(item.key) === k && predictLabel(model, item.features) === spec.target(item)) right++;
      }
      console.log(`${spec.name}: ${folds}-fold accuracy on development ${((100 * right) / originals.length).toFixed(1)}% (${originals.length} messages, ${examples.length - originals.length} paraphrases)`);
    }
  } else {
    const models = Object.fromEntries(MODELS.map((spec) => [spec.name, train(examples, spec.target, spec.classes, spec.options)]));
    const file = join(ROOT, 'packages', 'core', 'src', 'customer', 'weights.generated.ts');
    writeFileSync(
      file,
      `// Generated by scripts/model/train.mjs from data/customer-messages (development part). Do not edit.\n` +
        `import type { PackedModels } from './linear-model.js';\n\n` +
        `export const PACKED_CUSTOMER_MODELS: PackedModels = ${JSON.stringify(pack(models))};\n`,
    );
    for (const [name, model] of Object.entries(models)) console.log(`${name}: ${Object.keys(model.weights).length} features, ${model.classes.length} classes`);
    console.log(`trained on ${examples.length} development messages; wrote ${file}`);
  }
}
