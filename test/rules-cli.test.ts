import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPreach, scratchDir } from './helpers/cli.js';

/**
 * Through the real `preach` binary: each tone, ownership and security rule reports on a bad
 * reply and stays quiet on a good one, with the situation given (`--situation`) and inferred
 * from the customer's message (`--customer-message`).
 */

interface Situation {
  id: string;
  customerMessage: string;
}

const SITUATIONS: Record<string, Situation> = {
  outage: { id: 'outage', customerMessage: 'Your app has been down for two hours.' },
  billing: { id: 'billing-failure', customerMessage: 'My card was declined and now my account is locked.' },
  security: { id: 'security', customerMessage: 'Someone logged into my account and changed my e-mail.' },
  bereavement: { id: 'bereavement', customerMessage: 'My father passed away last month; how do I close his account?' },
  complaint: { id: 'complaint', customerMessage: 'This is ridiculous, I was charged twice and nobody answers.' },
  shipping: { id: 'shipping-delay', customerMessage: 'My order is a week late.' },
  bug: { id: 'bug', customerMessage: 'The sync keeps failing on my laptop.' },
  refund: { id: 'refund', customerMessage: 'Where is my refund?' },
  access: { id: 'account-access', customerMessage: "I can't log in." },
};

interface Case {
  rule: string;
  situation: keyof typeof SITUATIONS;
  bad: string;
  good: string;
}

const CASES: Case[] = [
  {
    rule: 'gif-in-sensitive-situation',
    situation: 'outage',
    bad: "I'm sorry about the outage; we're on it. ![on it](https://media.giphy.com/media/3o7btPCcdNniyf0ArS/giphy.gif)",
    good: "I'm sorry about the outage; service is back since 10:15.",
  },
  { rule: 'emoji-in-sensitive-situation', situation: 'billing', bad: "I'm sorry, I've unlocked your account 🙏", good: "I'm sorry, I've unlocked your account." },
  { rule: 'exclamation-in-sensitive-situation', situation: 'security', bad: "Happy to help! I'm sorry, I've signed out every device.", good: "I'm sorry! I've signed out every device." },
  { rule: 'playful-in-sensitive-situation', situation: 'outage', bad: "Yikes, I'm sorry. The servers are back up.", good: "I'm sorry. The servers are back up." },
  {
    rule: 'sentiment-mismatch',
    situation: 'complaint',
    bad: 'Great news! Your refund is done. Awesome!',
    good: "I'm sorry we charged you twice; I've refunded the second charge.",
  },
  {
    rule: 'missing-acknowledgement',
    situation: 'bereavement',
    bad: "I've closed the account and stopped the monthly charge.",
    good: "I'm so sorry for your loss. I've closed the account and stopped the monthly charge.",
  },
  {
    rule: 'over-promise',
    situation: 'shipping',
    bad: "I'm sorry. Your parcel will definitely arrive by tomorrow.",
    good: "I'm sorry. I'll update you by 3 pm with what the carrier says.",
  },
  { rule: 'vague-timeline', situation: 'bug', bad: "We'll have the sync working again soon.", good: "We'll have the sync working again within 2 hours." },
  {
    rule: 'passive-bad-news',
    situation: 'complaint',
    bad: "I'm sorry. Your data was accidentally deleted during the migration.",
    good: "I'm sorry: we deleted your data by mistake, and we're restoring it from last night's backup.",
  },
  { rule: 'blame-language', situation: 'refund', bad: 'As I already explained, the refund takes five days.', good: 'The refund takes five days; here is the confirmation again.' },
  { rule: 'dismissive-language', situation: 'complaint', bad: "I'm sorry, but please calm down, it's not a big deal.", good: "I'm sorry; I know this is stressful, and I've refunded the second charge." },
  {
    rule: 'apology-boilerplate',
    situation: 'refund',
    bad: 'We apologize for any inconvenience this may have caused. The refund is on its way.',
    good: "I'm sorry your refund is late; our bank sent it this morning.",
  },
  { rule: 'asks-for-secret', situation: 'access', bad: 'To check it is you, please send me your password.', good: 'Never share your password with anyone, including us.' },
  {
    rule: 'sensitive-data-in-reply',
    situation: 'refund',
    bad: 'I can see the charge on card 4111 1111 1111 1111 from 2 May.',
    good: 'I can see the charge on the card ending in 1111 from 2 May.',
  },
  {
    rule: 'unfortunately-opening',
    situation: 'refund',
    bad: "Unfortunately, we can't refund orders after 30 days.",
    good: "Here's what I can do: a store credit for the full amount, today.",
  },
];

interface FileResult {
  file: string;
  situation: { id: string | null; source: string };
  messages: Array<{ ruleId: string }>;
}

let dir: string;
let cleanup: () => void;
/** Rule ids reported per file, per mode. */
const results = new Map<string, FileResult>();

function draftPath(mode: string, index: number, kind: 'bad' | 'good'): string {
  return join(dir, mode, `${String(index).padStart(2, '0')}-${CASES[index]!.rule}-${kind}.md`);
}

async function lintGroup(mode: 'given' | 'inferred', key: keyof typeof SITUATIONS): Promise<void> {
  const indexes = CASES.flatMap((c, index) => (c.situation === key ? [index] : []));
  const files = indexes.flatMap((index) => [draftPath(mode, index, 'bad'), draftPath(mode, index, 'good')]);
  const situation = SITUATIONS[key]!;
  const flags = mode === 'given' ? ['--situation', situation.id] : ['--customer-message', situation.customerMessage];
  const run = await runPreach(['lint', '--format', 'json', ...flags, ...files], { cwd: dir });
  expect(run.stderr, `preach lint ${flags.join(' ')}`).toBe('');
  expect([0, 1], `exit code of preach lint ${flags.join(' ')}`).toContain(run.code);
  const reports = JSON.parse(run.stdout) as FileResult[];
  for (const report of reports) results.set(`${mode}/${report.file.split('/').pop()}`, report);
}

beforeAll(async () => {
  ({ dir, cleanup } = scratchDir());
  writeFileSync(join(dir, '.preachrc.yaml'), 'root: true\nextends: [preach:recommended]\n');
  for (const mode of ['given', 'inferred']) {
    mkdirSync(join(dir, mode));
    CASES.forEach((c, index) => {
      writeFileSync(draftPath(mode, index, 'bad'), `${c.bad}\n`);
      writeFileSync(draftPath(mode, index, 'good'), `${c.good}\n`);
    });
  }
  // One run per context keeps the test quick; each run lints several drafts.
  for (const mode of ['given', 'inferred'] as const) {
    for (const key of new Set(CASES.map((c) => c.situation))) await lintGroup(mode, key);
  }
});
afterAll(() => cleanup?.());

describe.each(['given', 'inferred'] as const)('tone rules through the CLI, situation %s', (mode) => {
  it.each(CASES.map((c, index) => [c.rule, index] as const))('%s reports the bad reply and passes the good one', (rule, index) => {
    const c = CASES[index]!;
    const bad = results.get(`${mode}/${draftPath(mode, index, 'bad').split('/').pop()}`);
    const good = results.get(`${mode}/${draftPath(mode, index, 'good').split('/').pop()}`);
    expect(bad, 'the bad draft was linted').toBeDefined();
    expect(good, 'the good draft was linted').toBeDefined();
    expect(bad!.situation.id).toBe(SITUATIONS[c.situation]!.id);
    expect(bad!.situation.source).toBe(mode);
    expect(bad!.messages.map((m) => m.ruleId)).toContain(rule);
    expect(good!.messages.map((m) => m.ruleId)).not.toContain(rule);
  });
});
