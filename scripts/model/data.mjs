// The labelled customer messages, split once into development and test parts (see
// data/customer-messages/README.md). Texts of transcript messages are read from the shared
// transcripts folder: only ids and labels live in the repo.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededShuffle } from '../seeded-shuffle.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TRANSCRIPTS = process.env.PREACH_TRANSCRIPTS ?? join(ROOT, '..', 'shared', 'data', 'transcripts');
const DATA = join(ROOT, 'data', 'customer-messages');

export const SITUATIONS = ['billing-failure', 'outage', 'security', 'bereavement', 'complaint', 'cancellation', 'bug', 'refund', 'shipping-delay', 'account-access', 'feature-request', 'how-to', 'praise', 'none'];
export const MOODS = ['calm', 'confused', 'anxious', 'frustrated', 'angry', 'grieving', 'pleased'];

export const MODELS = [
  // Options chosen by 5-fold cross-validation on the development part (node scripts/model/train.mjs --cv 5).
  { name: 'situation', classes: SITUATIONS, target: (i) => i.situation, options: { epochs: 10, rate: 0.1, l2: 0.03 } },
  { name: 'mood', classes: MOODS, target: (i) => i.mood, options: { epochs: 10, rate: 0.05, l2: 0.1 } },
  { name: 'resolved', classes: ['no', 'yes'], target: (i) => (i.resolved ? 'yes' : 'no'), options: { epochs: 10, rate: 0.2, l2: 0.01 } },
];

const core = await import(join(ROOT, 'packages', 'core', 'dist', 'customer', 'features.js'));
export const featuresOf = (text, previous) => core.messageFeatures(text, previous).names;

export { seededShuffle };

const jsonl = (file) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

/**
 * Development: the IBM sample's dev split (Apache-2.0) and 70% of the written messages.
 * Test: the IBM sample's test split, the TWCS messages (CC BY-NC-SA: evaluation only, never
 * trained on) and the other 30% of the written messages (drawn with seed 20261129).
 */
export function loadLabelled() {
  const texts = new Map();
  const splits = new Map();
  for (const file of ['ibm-cdp-sample.jsonl', 'twcs-sample.jsonl']) {
    const path = join(TRANSCRIPTS, file);
    if (!existsSync(path)) throw new Error(`${path} is missing: the labelled transcript messages are read from there (set PREACH_TRANSCRIPTS)`);
    for (const conversation of jsonl(path)) {
      let previous;
      conversation.messages.forEach((m, i) => {
        texts.set(`${conversation.id}#${i}`, { text: m.text, previous });
        if (m.role === 'customer') previous = m.text;
      });
      splits.set(conversation.id, conversation.id.startsWith('ibmcdp-') && conversation.split === 'dev' ? 'dev' : 'test');
    }
  }
  const dev = [];
  const test = [];
  for (const label of jsonl(join(DATA, 'labels.jsonl'))) {
    const found = texts.get(label.key);
    if (found === undefined) throw new Error(`data/customer-messages/labels.jsonl: no message ${label.key} in ${TRANSCRIPTS}`);
    const item = { ...label, text: found.text, previous: found.previous, origin: label.key.startsWith('twcs-') ? 'twcs' : 'ibm' };
    (splits.get(label.key.split('#')[0]) === 'dev' ? dev : test).push(item);
  }
  const paraphrases = join(DATA, 'paraphrases.jsonl');
  if (existsSync(paraphrases)) {
    const developed = new Set(dev.map((item) => item.key));
    for (const item of jsonl(paraphrases)) {
      // Paraphrases exist only of development messages: a test message's words never reach training.
      if (!developed.has(item.source)) throw new Error(`data/customer-messages/paraphrases.jsonl: ${item.key} paraphrases ${item.source}, which is not a development message`);
      dev.push({ ...item, origin: 'paraphrase' });
    }
  }
  const written = seededShuffle(jsonl(join(DATA, 'written.jsonl')), 20261129);
  const cut = Math.round(written.length * 0.7);
  written.forEach((item, i) => (i < cut ? dev : test).push({ ...item, origin: 'written' }));
  return { dev, test };
}
