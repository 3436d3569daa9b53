#!/usr/bin/env node
// How right the situation model's high-sensitivity calls are, by confidence, on 5-fold
// cross-validation over the DEVELOPMENT part (the same folds as `train.mjs --cv`): the figures
// behind UNSURE_OF_HIGH, UNSURE_WITHOUT_WORDS and SECURITY_WITHOUT_WORDS in
// packages/core/src/situations.ts. Scores are the cross-validated linear model's, before the
// strong-signal back-off. Reads no test message.
//   node scripts/model/high-confidence.mjs
import { train } from './train.mjs';
import { loadLabelled, MODELS, seededShuffle, featuresOf } from './data.mjs';

const HIGH = new Set(['billing-failure', 'outage', 'security', 'bereavement', 'complaint', 'cancellation']);
const UNAUTHORISED_USE =
  /\bsomeone\s+(?:else\s+)?(?:used|accessed|got\s+into|is\s+using|has\s+been\s+using)\s+my\b|\b(?:i|we)\s+(?:never|did\s*n[o'’]?t)\s+(?:make|made|place|placed|authori[sz]e|authori[sz]ed|order|ordered|buy|bought|change|changed)\b/i;
const spec = MODELS.find((m) => m.name === 'situation');
const { dev } = loadLabelled();
const examples = dev.map((item) => ({ ...item, features: featuresOf(item.text, item.previous) }));
const folds = 5;
const fold = new Map(seededShuffle([...new Set(examples.map((item) => item.source ?? item.key))], 11).map((group, i) => [group, i % folds]));
const originals = examples.filter((item) => item.origin !== 'paraphrase');

function softmax(model, features) {
  const scores = new Float64Array(model.classes.length);
  for (const f of features) {
    const w = model.weights[f];
    if (w) for (let c = 0; c < scores.length; c++) scores[c] += w[c];
  }
  const max = Math.max(...scores);
  let total = 0;
  for (let c = 0; c < scores.length; c++) total += scores[c] = Math.exp(scores[c] - max);
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c] > scores[best]) best = c;
  return { label: model.classes[best], confidence: scores[best] / total };
}

const calls = [];
for (let k = 0; k < folds; k++) {
  const model = train(examples.filter((item) => fold.get(item.source ?? item.key) !== k), spec.target, spec.classes, spec.options);
  for (const item of originals.filter((i) => fold.get(i.key) === k)) {
    const { label, confidence } = softmax(model, item.features);
    if (!HIGH.has(label)) continue;
    const signal = item.features.some((f) => f.startsWith(`sig:${label}:`)) || (label === 'security' && UNAUTHORISED_USE.test(item.text));
    calls.push({ label, confidence, signal, right: spec.target(item) === label });
  }
}
const share = (list) => `${list.filter((c) => c.right).length} of ${list.length} right`;
const band = (from, to, extra = () => true) => calls.filter((c) => c.confidence >= from && c.confidence < to && extra(c));
console.log(`high-sensitivity calls on ${originals.length} development messages (5-fold):`);
console.log(`  below 0.3: ${share(band(0, 0.3))}`);
console.log(`  0.3 to 0.4 with the situation's own words: ${share(band(0.3, 0.4, (c) => c.signal))}; without: ${share(band(0.3, 0.4, (c) => !c.signal))}`);
console.log(`  0.4 and above: ${share(band(0.4, 2))}`);
console.log(`  security without its own words, 0.4 to 0.7: ${share(band(0.4, 0.7, (c) => c.label === 'security' && !c.signal))}; 0.7 and above: ${share(band(0.7, 2, (c) => c.label === 'security' && !c.signal))}`);
