#!/usr/bin/env node
// Reports the shipped customer-turn models on the TEST part of the labelled customer messages
// (never trained or tuned on): accuracy and macro-F1 per model, for each origin and overall.
//   node scripts/model/evaluate.mjs [--confusion]
import { join } from 'node:path';
import { loadLabelled, MODELS, ROOT } from './data.mjs';

const core = await import(join(ROOT, 'packages', 'core', 'dist', 'index.js'));
const { test } = loadLabelled();
const showConfusion = process.argv.includes('--confusion');

function metrics(pairs, classes) {
  const right = pairs.filter(([truth, guess]) => truth === guess).length;
  const f1s = [];
  for (const c of classes) {
    const tp = pairs.filter(([t, g]) => t === c && g === c).length;
    const fp = pairs.filter(([t, g]) => t !== c && g === c).length;
    const fn = pairs.filter(([t, g]) => t === c && g !== c).length;
    if (tp + fn === 0) continue; // a class absent from this part has no recall to measure
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp / (tp + fn);
    f1s.push({ c, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, n: tp + fn });
  }
  return { n: pairs.length, accuracy: right / pairs.length, macroF1: f1s.reduce((s, x) => s + x.f1, 0) / f1s.length, perClass: f1s };
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const groups = { all: test, ibm: test.filter((i) => i.origin === 'ibm'), twcs: test.filter((i) => i.origin === 'twcs'), written: test.filter((i) => i.origin === 'written') };
// What ships: the packed models, with the strong-signal back-off, as preach reads a turn.
const turns = new Map(test.map((item) => [item, core.readCustomerTurn(item.text, item.previous)]));
const guess = { situation: (t) => t.situation ?? 'none', mood: (t) => t.mood, resolved: (t) => (t.resolved ? 'yes' : 'no') };
for (const spec of MODELS) {
  console.log(`\n## ${spec.name}`);
  for (const [name, items] of Object.entries(groups)) {
    const pairs = items.map((item) => [spec.target(item), guess[spec.name](turns.get(item))]);
    const m = metrics(pairs, spec.classes);
    console.log(`${name.padEnd(8)} n=${String(m.n).padStart(4)}  accuracy ${pct(m.accuracy)}  macro-F1 ${m.macroF1.toFixed(3)}`);
    if (name === 'all') console.log('  per class F1: ' + m.perClass.map((x) => `${x.c} ${x.f1.toFixed(2)} (${x.n})`).join(', '));
    if (showConfusion && name === 'all') {
      const confusion = new Map();
      for (const [t, g] of pairs) if (t !== g) confusion.set(`${t} → ${g}`, (confusion.get(`${t} → ${g}`) ?? 0) + 1);
      console.log('  most confused: ' + [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${v}`).join('; '));
    }
  }
}

// The keyword inference this model replaced, on the same messages, for comparison.
const pairs = test.map((item) => [item.situation, core.inferSituation(item.text, core.BUILT_IN_SITUATIONS).id ?? 'none']);
const m = metrics(pairs, MODELS[0].classes);
console.log(`\nsituation through inferSituation (what preach uses, team signals and all): accuracy ${pct(m.accuracy)}  macro-F1 ${m.macroF1.toFixed(3)}`);
