import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_IMPORTERS } from '../packages/score/src/importers/registry.js';
import { ROOT, runPreach, scratchDir, type CliRun } from './helpers/cli.js';

/**
 * End-to-end: `preach score` on exports in each help desk's documented shape (test/fixtures/importers,
 * written from the vendors' API references). All inputs go through one run of the binary; the
 * assertions read its JSON report. Another run adds --include-bots, a third feeds it inputs that
 * are read wrong on purpose.
 */

const FIXTURES = join(ROOT, 'test', 'fixtures', 'importers');
const INPUTS = [
  'zendesk-tickets.json',
  'zendesk-comments.json',
  'zendesk-comments-users.json',
  'zendesk-events.json',
  'zendesk-conversation-log.json',
  'freshdesk-conversations.json',
  'helpscout-threads.json',
  'front.jsonl',
  'gorgias.jsonl',
  'kustomer.json',
  'interleaved.csv',
].map((name) => join(FIXTURES, name));

const CONFIG = `root: true
extends: [preach:recommended]
agents:
  names:
    701: Sam Lee
    702: Ana Ruiz
    911: Mara Jensen
    931: Ivo Petrov
    932: Lena Fischer
    941: Jonas Berg
  aliases:
    Sam Lee: [Samuel Lee]
`;

let dir: string;
let cleanup: () => void;
let plain: { run: CliRun; report: any };
let withBots: { run: CliRun; report: any };

async function scoreJson(args: string[]) {
  const run = await runPreach(['score', ...args, '--format', 'json', '--jobs', '1'], { cwd: dir, timeoutMs: 180_000 });
  return { run, report: run.stdout ? JSON.parse(run.stdout) : undefined };
}

const conversation = (report: any, source: string, id?: string) => report.conversations.find((c: any) => c.source.endsWith(source) && (id === undefined || c.id === id));
const leftOut = (c: any) => c.leftOut.map((l: any) => [l.role, l.reason]);

beforeAll(async () => {
  ({ dir, cleanup } = scratchDir('preach-importers-'));
  writeFileSync(join(dir, '.preachrc.yaml'), CONFIG);
  [plain, withBots] = await Promise.all([scoreJson(INPUTS), scoreJson([...INPUTS, '--include-bots'])]);
}, 240_000);
afterAll(() => cleanup());

describe('every documented export shape, in one run', () => {
  it('recognises each input by its records, reads them all and exits 0', () => {
    expect(plain.run.code).toBe(0);
    expect(plain.report.errors).toEqual([]);
    expect(plain.report.summary.inputs.map((i: any) => [i.source.split('/').pop(), i.format, i.conversations])).toEqual([
      ['zendesk-tickets.json', 'zendesk', 1],
      ['zendesk-comments.json', 'zendesk-comments', 1],
      ['zendesk-comments-users.json', 'zendesk-comments', 1],
      ['zendesk-events.json', 'zendesk-events', 2],
      ['zendesk-conversation-log.json', 'zendesk-conversation-log', 1],
      ['freshdesk-conversations.json', 'freshdesk-conversations', 2],
      ['helpscout-threads.json', 'helpscout', 1],
      ['front.jsonl', 'front', 2],
      ['gorgias.jsonl', 'gorgias', 2],
      ['kustomer.json', 'kustomer', 2],
      ['interleaved.csv', 'csv', 3],
    ]);
  });

  it('Zendesk tickets without users: an agent who opened the ticket and a CC-ed end user are told apart by the ticket', () => {
    const c = conversation(plain.report, 'zendesk-tickets.json');
    // The submitter (913) opened the ticket for the requester: an agent. Kai (552) is CC-ed: a customer.
    expect(c).toMatchObject({ replies: 2, customerMessages: 1, channel: 'voice', group: '24002', brand: '360002', tags: ['hardware', 'replacement'] });
    expect(c.messages.map((m: any) => m.agent)).toEqual(['913', '914']);
    expect(leftOut(c)).toEqual([['system', 'merge notice']]);
    expect(c.rating).toEqual({ score: 'bad', scale: 'good/bad', comment: 'Took two calls' });
  });

  it('Zendesk comments without users: the first author is the customer, Answer Bot and triggers are bots, a merge notice is no reply', () => {
    const c = conversation(plain.report, 'zendesk-comments.json');
    expect(c).toMatchObject({ replies: 1, customerMessages: 2, internalNotes: 1, botMessages: 2, agents: [{ id: '911', name: 'Mara Jensen' }] });
    expect(leftOut(c)).toEqual([
      ['bot', 'Answer Bot'],
      ['system', 'merge notice'],
      ['bot', 'trigger "Notify requester of solved request"'],
    ]);
    expect(c.messages.map((m: any) => m.text)).toEqual([expect.stringMatching(/^Hi Dana, I'm sorry about the confusion/)]);
    // What had to be assumed is said, once, for this input only.
    expect(plain.report.warnings.filter((w: any) => w.source.endsWith('zendesk-comments.json'))).toEqual([
      { source: expect.any(String), severity: 'notice', message: expect.stringContaining('the author of the first comment was taken for the customer'), conversations: 1 },
    ]);
    expect(plain.run.stderr).toMatch(/preach: note: .*zendesk-comments\.json: Zendesk comments had neither a users list/);
  });

  it('Zendesk comments with users: a CC-ed end user is a customer, not an agent', () => {
    const c = conversation(plain.report, 'zendesk-comments-users.json');
    expect(c).toMatchObject({ replies: 1, customerMessages: 2, agents: [{ id: '912', name: 'Tomas Weber' }] });
    expect(plain.report.warnings.some((w: any) => w.source.endsWith('zendesk-comments-users.json'))).toBe(false);
  });

  it('Zendesk ticket events: interleaved tickets gathered by ticket_id, with requester, tags, brand, group and rating from the field events', () => {
    const refund = conversation(plain.report, 'zendesk-events.json', '3101');
    expect(refund).toMatchObject({ replies: 1, customerMessages: 2, botMessages: 1, tags: ['billing', 'refund'], brand: '360001', createdAt: '2024-06-03T08:00:00Z', channel: 'email' });
    expect(refund.rating).toEqual({ score: 'good', scale: 'good/bad', comment: 'Fast refund' });
    expect(refund.agents).toEqual([{ id: '931', name: 'Ivo Petrov' }]);
    expect(leftOut(refund)).toEqual([['bot', 'trigger "Acknowledge new request"']]);
    expect(refund.messages[0]).toMatchObject({ timestamp: '2024-06-03T09:00:00Z', situation: expect.any(String) });
    const howTo = conversation(plain.report, 'zendesk-events.json', '3102');
    expect(howTo).toMatchObject({ replies: 1, group: '24001', agents: [{ id: '932', name: 'Lena Fischer' }] });
  });

  it('Zendesk conversation log: the bot is context, the agent asking for a password zeroes the conversation, a private comment is a note', () => {
    const c = conversation(plain.report, 'zendesk-conversation-log.json');
    expect(c).toMatchObject({ score: 0, critical: true, replies: 1, botMessages: 1, internalNotes: 1, customerMessages: 2, agents: [{ id: '941', name: 'Jonas Berg' }] });
    expect(c.messages[0].findings.map((f: any) => f.ruleId)).toContain('asks-for-secret');
  });

  it('Freshdesk conversations: automatic responses are bots, public and private notes are not replies, agent ids are named from agents.names', () => {
    const refund = conversation(plain.report, 'freshdesk-conversations.json', '4001');
    expect(refund).toMatchObject({ replies: 1, internalNotes: 2, botMessages: 1, customerMessages: 1, agents: [{ id: '702', name: 'Ana Ruiz' }] });
    expect(leftOut(refund)).toEqual([['bot', 'automatic response']]);
    expect(conversation(plain.report, 'freshdesk-conversations.json', '4002').agents).toEqual([{ id: 'Sam Lee', name: 'Sam Lee' }]);
  });

  it('Help Scout: drafts and hidden threads are never scored, a Beacon chat is, an AI reply is a bot, the rating is kept', () => {
    const c = conversation(plain.report, 'helpscout-threads.json');
    // The password request in the Beacon chat is seen; the one in the unsent draft is not.
    expect(c).toMatchObject({ score: 0, critical: true, replies: 2, botMessages: 1, tags: ['login'], group: '85' });
    // Sam Lee is listed under agents.aliases: the same person in every export.
    expect(c.messages.map((m: any) => [m.agent, m.critical])).toEqual([
      ['12', true],
      ['Sam Lee', false],
    ]);
    expect(leftOut(c)).toEqual([
      ['system', 'line item'],
      ['bot', 'Help Scout AI (system user)'],
      ['system', 'hidden from the customer'],
      ['system', 'draft'],
    ]);
    expect(c.rating).toEqual({ score: 'great', scale: 'great/okay/not-good', comment: 'Sorted in minutes' });
  });

  it('Front: pages of messages and comments gathered by conversation; rule messages are bots, drafts are left out, comments are notes', () => {
    const damaged = conversation(plain.report, 'front.jsonl', 'cnv_a1');
    expect(damaged).toMatchObject({ replies: 1, internalNotes: 1, botMessages: 1, customerMessages: 1, critical: false, tags: ['damaged'], agents: [{ id: 'tea_55', name: 'Lars Holm' }] });
    expect(leftOut(damaged)).toEqual([
      ['bot', 'sent by a rule or an integration (no teammate author)'],
      ['system', 'draft'],
    ]);
    expect(conversation(plain.report, 'front.jsonl', 'cnv_b2')).toMatchObject({ replies: 1, agents: [{ id: 'tea_56', name: 'Ana Ruiz' }] });
  });

  it('Gorgias: a ticket is read as Gorgias (not as preach JSONL); rule replies are bots, internal notes notes; the survey score is kept', () => {
    const ticket = conversation(plain.report, 'gorgias.jsonl', '7001');
    expect(ticket).toMatchObject({ replies: 1, botMessages: 1, internalNotes: 1, group: 'Shipping', tags: ['order-status'], agents: [{ id: '21', name: 'Nina Park' }] });
    expect(ticket.rating).toEqual({ score: 5, scale: '1-5', comment: 'Quick and clear' });
    expect(conversation(plain.report, 'gorgias.jsonl', '7002')).toMatchObject({ replies: 1, customerMessages: 1, channel: 'chat' });
  });

  it('Kustomer: resources gathered by conversation; automatic messages are bots, notes notes; users named from included', () => {
    const refund = conversation(plain.report, 'kustomer.json', 'conv_k1');
    expect(refund).toMatchObject({ replies: 1, botMessages: 1, internalNotes: 1, tags: ['refund'], group: 'queue_billing', brand: 'brand_main', rating: { score: 5 }, agents: [{ id: 'usr_7', name: 'Joan Miro' }] });
    expect(conversation(plain.report, 'kustomer.json', 'conv_k2')).toMatchObject({ replies: 1, agents: [{ id: 'usr_8', name: 'Ravi Shah' }] });
  });

  it('CSV sorted by time: each conversation gathered whole, every reply answering its customer, and said so', () => {
    const declined = conversation(plain.report, 'interleaved.csv', 'x1');
    expect(declined).toMatchObject({ line: 2, replies: 2, customerMessages: 2, firstMessageAt: '2024-06-10T09:00:00Z', lastMessageAt: '2024-06-10T09:12:00Z' });
    // The first reply is judged against "My card was declined", not against nothing.
    expect(declined.messages[0].situation).toBe('billing-failure');
    expect(plain.report.conversations.filter((c: any) => c.source.endsWith('interleaved.csv')).map((c: any) => c.id)).toEqual(['x1', 'x2', 'x3']);
    expect(plain.report.warnings).toContainEqual({ source: expect.stringMatching(/interleaved\.csv$/), severity: 'notice', message: expect.stringContaining('rows of 2 conversations were spread through the file') });
  });

  it('one person under two spellings and several accounts is one agent (agents.aliases); no bot is ever an agent', () => {
    // Freshdesk user 701 (named by agents.names), "Samuel Lee" and "Sam Lee" in the CSV, Help Scout's Sam Lee.
    const sam = plain.report.agents.filter((a: any) => /sam/i.test(a.name));
    expect(sam).toEqual([expect.objectContaining({ id: 'Sam Lee', name: 'Sam Lee', conversations: 3, replies: 4 })]);
    // Without an alias, accounts stay apart even under one name: agents.names only names them.
    expect(plain.report.agents.filter((a: any) => a.name === 'Ana Ruiz').map((a: any) => a.id).sort()).toEqual(['12', '702', 'Ana Ruiz', 'tea_56']);
    expect(plain.report.agents.some((a: any) => a.bot)).toBe(false);
    expect(plain.report.conversations.flatMap((c: any) => c.messages).some((m: any) => m.bot)).toBe(false);
    expect(plain.report.summary).toMatchObject({ botMessages: 9, botReplies: 0 });
  });
});

describe('--include-bots', () => {
  it("scores bots' replies apart: listed and ranked as bots, never in a conversation's, an agent's or the team's score", () => {
    expect(withBots.run.code).toBe(0);
    const { report } = withBots;
    expect(report.summary).toMatchObject({ botMessages: 9, botReplies: 9, agentReplies: plain.report.summary.agentReplies, score: plain.report.summary.score });
    expect(report.conversations.map((c: any) => c.score)).toEqual(plain.report.conversations.map((c: any) => c.score));
    const humans = (agents: any[]) => agents.filter((a) => !a.bot);
    expect(humans(report.agents)).toEqual(plain.report.agents);
    expect(report.agents.filter((a: any) => a.bot).map((a: any) => a.name).sort()).toEqual(
      ['Acknowledge new request', 'Answer Bot', 'Freshdesk automations', 'Front rules and integrations', 'Gorgias rules', 'Kustomer workflows', 'Notify requester of solved request', 'Zendesk messaging bot', 'AI Answers'].sort(),
    );
    const answerBot = conversation(report, 'zendesk-comments.json').messages.find((m: any) => m.bot);
    expect(answerBot).toMatchObject({ agent: 'bot:Answer Bot', bot: true, text: expect.stringMatching(/^Here are some articles/) });
  });
});

describe('inputs read wrong are never silent', () => {
  it('warns and exits 1 when an input has conversations but no agent reply at all; says why a ticket cannot be read', async () => {
    const inbound = { id: 'in-1', messages: [{ role: 'customer', text: 'Where is my refund?' }, { role: 'customer', text: 'Hello?' }] };
    writeFileSync(join(dir, 'inbound-only.jsonl'), `${JSON.stringify(inbound)}\n${JSON.stringify({ ticket: { id: 9, subject: 'Refund' } })}\n`);
    const events = JSON.parse(readFileSync(join(FIXTURES, 'zendesk-events.json'), 'utf8'));
    // The same export without include=comment_events: comments are only flagged as present.
    for (const event of events.ticket_events) {
      event.child_events = event.child_events.map((child: any) => (child.event_type === 'Comment' ? { id: child.id, comment_present: true, comment_public: true } : child));
    }
    writeFileSync(join(dir, 'events-without-comments.json'), JSON.stringify(events));
    const { run, report } = await scoreJson(['inbound-only.jsonl', 'events-without-comments.json', join(FIXTURES, 'interleaved.csv')]);
    expect(run.code).toBe(1);
    expect(report.warnings.filter((w: any) => w.severity === 'warning')).toEqual([
      { source: 'inbound-only.jsonl', severity: 'warning', message: expect.stringMatching(/^its one conversation has no agent reply: every message was read as the customer's/), conversations: 1 },
    ]);
    expect(run.stderr).toMatch(/preach: warning: inbound-only\.jsonl: its one conversation has no agent reply/);
    expect(report.errors).toEqual([
      // Opened from its {ticket: …} wrapper, then named by its own id and keys.
      {
        source: 'inbound-only.jsonl',
        line: 2,
        id: '9',
        reason: expect.stringMatching(/^is not a conversation in any format preach reads \(its keys: "id", "subject"\); the formats are zendesk-events, .*, preach \(`preach score --help` says how each is recognised\)/),
      },
      { source: 'events-without-comments.json', line: 1, id: '3101', reason: 'the ticket events hold comments without their text; export them with include=comment_events' },
      { source: 'events-without-comments.json', line: 1, id: '3102', reason: 'the ticket events hold comments without their text; export them with include=comment_events' },
    ]);
  });
});

describe('agents: in the config', () => {
  it('refuses names and aliases that are not text, naming the key', async () => {
    writeFileSync(join(dir, 'bad-agents.yaml'), 'root: true\nagents:\n  names:\n    701: [Sam, Lee]\n  aliases:\n    Ana Ruiz: 7\n');
    const run = await runPreach(['score', join(FIXTURES, 'interleaved.csv'), '--config', 'bad-agents.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad-agents\.yaml:4:\d+: agents\.names\.701: /);
    expect(run.stderr).toMatch(/bad-agents\.yaml:6:\d+: agents\.aliases\.Ana Ruiz: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the list of formats', () => {
  it('--help lists every importer by name, from the importers themselves', async () => {
    const run = await runPreach(['score', '--help'], { cwd: dir });
    expect(run.code).toBe(0);
    for (const importer of RECORD_IMPORTERS) expect(run.stdout).toContain(`  ${importer.name} `);
    expect(run.stdout).toMatch(/--include-bots/);
  });

  it('README and docs/scoring.md document every format', () => {
    for (const doc of ['README.md', join('docs', 'scoring.md')]) {
      const text = readFileSync(join(ROOT, doc), 'utf8');
      const missing = [...RECORD_IMPORTERS.map((i) => i.name), 'csv'].filter((name) => !text.includes(`\`${name}\``));
      expect(missing, `formats ${doc} does not name`).toEqual([]);
    }
  });
});
