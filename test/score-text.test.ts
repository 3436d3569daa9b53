import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signOffOf } from '../packages/score/src/agents.js';
import { decodeEntities } from '../packages/score/src/input/entities.js';
import { identifyAgent } from '../packages/score/src/scorer.js';
import { runPreach, scratchDir } from './helpers/cli.js';

/**
 * Input text as the customer read it (HTML entities decoded, whatever the importer) and agents
 * named by the sign-off a tweet ends with. The shapes are those of the replies in the shared
 * Twitter customer-support sample (../shared/data/transcripts/twcs-sample.jsonl).
 */

describe('sign-offs at the end of a tweet', () => {
  it.each([
    ['@115716 What information is incorrect? ^JK', 'JK'],
    ['Can you please send us a DM?\n^HSB', 'HSB'],
    ['on your search, that would mean it was full.  *TMT', 'TMT'],
    [' feel free to shoot us a DM! *KatGrisham', 'KatGrisham'],
    ["using? We'll see what we can suggest /CB", 'CB'],
    ['er questions, just give us a shout 😉 /GS', 'GS'],
    ['@115728 Your baby looks beautiful. -Becky', 'Becky'],
    ['Can you DM me your Name and acct # or phone #? -JB', 'JB'],
    ['ad an issue I can help you with? ~ Ellen', 'Ellen'],
    ["n so that I can see what's going on. –XG", 'XG'],
    ['d contact you for an update 2/2. ^Oliver', 'Oliver'],
    ['@115716 No thank you. ^TM', 'TM'],
    ['Get back to us when you can /NS', 'NS'],
    ['Happy to help with that -Dana', 'Dana'],
  ])('%j is signed by %s', (text, name) => {
    expect(signOffOf(text)).toBe(name);
  });

  it.each([
    'More info here: https://t.co/KSq4qse4dE',
    'We can refund and/or replace it',
    'Please DM us the full address -thanks',
    'Please DM us the full address - Thanks',
    'We are here to help ^_^',
    'Your order ships on 10/12',
    'Call us on 555-1234',
    'Just one word',
  ])('%j names nobody', (text) => {
    expect(signOffOf(text)).toBeUndefined();
  });

  it('names the agent of a social reply under its account, and only on a social channel', () => {
    const message = { role: 'agent' as const, authorId: 'sprintcare', text: '' };
    expect(identifyAgent(message, '@115712 Please send us a DM. -Becky', undefined, 'social')).toEqual({ id: 'sprintcare/Becky', name: 'Becky (sprintcare)' });
    // The export's own initials come first.
    expect(identifyAgent({ ...message, signature: 'JK' }, 'Sure thing -Becky', undefined, 'social')).toEqual({ id: 'sprintcare/JK', name: 'JK (sprintcare)' });
    // An e-mail that ends "-Becky" is left to a team's own agents.signature pattern.
    expect(identifyAgent(message, 'Thanks for writing in. -Becky', undefined, 'email')).toEqual({ id: 'sprintcare', name: 'sprintcare' });
  });
});

describe('HTML entities in input text', () => {
  it('decodes named, numeric and non-breaking-space entities, and only complete ones', () => {
    expect(decodeEntities('Tom &amp; Jerry&#39;s&nbsp;shop &gt; &#x263A;')).toBe("Tom & Jerry's\u00a0shop > ☺");
    expect(decodeEntities('https://example.com/?a=1&para=2 AT&T R&D & more')).toBe('https://example.com/?a=1&para=2 AT&T R&D & more');
    expect(decodeEntities(undefined)).toBeUndefined();
  });
});

describe('preach score, end to end', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = scratchDir('preach-score-text-'));
    writeFileSync(join(dir, '.preachrc.yaml'), 'root: true\nextends: [preach:recommended]\n');
  });
  afterAll(() => cleanup());

  it('names agents by their sign-offs and reads entities as text, in JSONL and CSV alike', async () => {
    const tweet = (id: string, reply: string) => ({
      id,
      channel: 'twitter',
      messages: [
        { role: 'customer', author: '115712', text: '@sprintcare my bill &amp; my plan don&#39;t match' },
        { role: 'agent', author: 'sprintcare', text: reply },
      ],
    });
    const jsonl = [
      tweet('t1', '@115712 Sorry about that &amp; thanks for your patience. Please DM us. ^TM'),
      tweet('t2', '@115712 Please DM us your account number&nbsp;so we can look. *Kat'),
      tweet('t3', '@115712 Happy to help. DM us. -Dana'),
      tweet('t4', '@115712 Let us know &gt; we are here /NS'),
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    writeFileSync(join(dir, 'tweets.jsonl'), `${jsonl}\n`);
    const csv = 'conversation_id,channel,author_role,author_id,body\nc1,twitter,customer,115712,My bill &amp; plan\nc1,twitter,agent,sprintcare,Sorry &amp; thanks. DM us. ^TM\n';
    writeFileSync(join(dir, 'tweets.csv'), csv);

    const run = await runPreach(['score', 'tweets.jsonl', 'tweets.csv', '-f', 'json', '--jobs', '1'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const agentOf = (id: string) => report.conversations.find((c: any) => c.id === id).agents[0].name;
    expect(['t1', 't2', 't3', 't4', 'c1'].map(agentOf)).toEqual(['TM (sprintcare)', 'Kat (sprintcare)', 'Dana (sprintcare)', 'NS (sprintcare)', 'TM (sprintcare)']);
    // TM's two replies, from two files, are one agent.
    expect(report.agents.find((a: any) => a.id === 'sprintcare/TM')).toMatchObject({ conversations: 2 });
    const texts = report.conversations.flatMap((c: any) => c.messages.map((m: any) => m.text));
    expect(texts.join('\n')).not.toMatch(/&amp;|&#39;|&nbsp;|&gt;/);
    expect(texts[0]).toBe('@115712 Sorry about that & thanks for your patience. Please DM us. ^TM');
    expect(texts[1]).toContain('account number\u00a0so');
    expect(texts[4]).toBe('Sorry & thanks. DM us. ^TM');
  });
});
