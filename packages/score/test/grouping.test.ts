import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { PreachInputError } from '@preach/core';
import { AgentDirectory } from '../src/agents.js';
import { Grouper } from '../src/input/group.js';
import { readTranscripts } from '../src/input/index.js';
import type { Conversation, ScoredConversation } from '../src/types.js';

/** Gathering the rows and pieces of a conversation whatever their order, in memory or through a file. */

function collect(grouper: Grouper) {
  return [...grouper.groups()].map((group) => ({ key: group.key, line: group.line, values: group.entries.map((e) => [e.line, e.value]) }));
}

describe('Grouper', () => {
  const add = (grouper: Grouper) => {
    grouper.add('a', 2, { text: 'first of a' });
    grouper.add('b', 3, { text: 'first of b' });
    grouper.add('a', 4, { text: 'second of a, "quoted"\nwith a line break' });
    grouper.add('c', 5, { text: 'only c' });
    grouper.add('b', 6, { text: 'second of b' });
  };
  const expected = [
    { key: 'a', line: 2, values: [[2, { text: 'first of a' }], [4, { text: 'second of a, "quoted"\nwith a line break' }]] },
    { key: 'b', line: 3, values: [[3, { text: 'first of b' }], [6, { text: 'second of b' }]] },
    { key: 'c', line: 5, values: [[5, { text: 'only c' }]] },
  ];

  it('hands back each group whole, in the order groups first appeared, entries in input order', () => {
    const grouper = new Grouper();
    add(grouper);
    expect(collect(grouper)).toEqual(expected);
    expect(grouper.interleaved).toBe(2);
    expect(grouper.temporaryFolder).toBeUndefined();
  });

  it('gives the same groups through a temporary file past its memory bound, and removes the file', () => {
    const grouper = new Grouper(10);
    add(grouper);
    const folder = grouper.temporaryFolder!;
    expect(existsSync(folder)).toBe(true);
    expect(collect(grouper)).toEqual(expected);
    grouper.dispose();
    expect(existsSync(folder)).toBe(false);
  });

  it('merges more sorted runs than it reads at once in batches, keeping every order', () => {
    const grouper = new Grouper(1);
    const keys = Array.from({ length: 90 }, (_, i) => `k${(i * 37) % 30}`);
    keys.forEach((key, line) => grouper.add(key, line + 1, { key, line: line + 1 }));
    const groups = collect(grouper);
    expect(groups.map((g) => g.key)).toEqual([...new Set(keys)]);
    for (const group of groups) {
      const lines = group.values.map(([line]) => line as number);
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
      expect(group.values.every(([, value]) => (value as { key: string }).key === group.key)).toBe(true);
    }
    expect(groups.reduce((sum, g) => sum + g.values.length, 0)).toBe(90);
    grouper.dispose();
  });

  it('keeps thousands of ids apart, whatever their characters', () => {
    const grouper = new Grouper();
    const ids = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? `tïcket-${i}-😀` : i % 3 === 1 ? String(i) : `conv ${i}`));
    for (const round of [0, 1]) for (const id of ids) grouper.add(id, round, round);
    const groups = [...grouper.groups()];
    expect(groups.map((g) => g.key)).toEqual(ids);
    expect(groups.every((g) => g.entries.length === 2)).toBe(true);
    expect(grouper.interleaved).toBe(5000);
  });

  it('counts no interleaving when each group comes in one run', () => {
    const grouper = new Grouper(64);
    for (const key of ['x', 'x', 'y', 'y', 'y', 'z']) grouper.add(key, 1, { key });
    expect(collect(grouper).map((g) => [g.key, g.values.length])).toEqual([['x', 2], ['y', 3], ['z', 1]]);
    expect(grouper.interleaved).toBe(0);
    grouper.dispose();
  });
});

describe('CSV rows in any order', () => {
  /** 300 conversations whose rows are sorted by time, so every conversation is spread over the file. */
  function interleavedCsv(): string {
    const rows = ['conversation_id,created_at,author_role,author_name,body'];
    for (let turn = 0; turn < 3; turn++) {
      for (let c = 0; c < 300; c++) {
        const at = new Date(Date.UTC(2024, 5, 1, turn, 0, c)).toISOString();
        rows.push(turn === 1 ? `t${c},${at},agent,Agent ${c % 7},"Reply ${c}, turn ${turn}"` : `t${c},${at},customer,Customer ${c},Question ${c} turn ${turn}`);
      }
    }
    return `${rows.join('\n')}\n`;
  }

  async function read(memoryBytes?: number) {
    const { items, notices } = await readTranscripts(Readable.from([interleavedCsv()]), { source: 'export.csv', csvColumns: {}, memoryBytes });
    const conversations: Conversation[] = [];
    for await (const item of items) if ('conversation' in item) conversations.push(item.conversation);
    return { conversations, notices };
  }

  it('gathers every conversation whole, through a temporary file past the memory bound, in the order they first appeared', async () => {
    const inMemory = await read();
    const throughFile = await read(4096);
    expect(throughFile.conversations).toEqual(inMemory.conversations);
    expect(inMemory.conversations.map((c) => c.id)).toEqual(Array.from({ length: 300 }, (_, c) => `t${c}`));
    const [first] = inMemory.conversations;
    expect(first!.line).toBe(2);
    expect(first!.messages.map((m) => [m.role, m.text])).toEqual([
      ['customer', 'Question 0 turn 0'],
      ['agent', 'Reply 0, turn 1'],
      ['customer', 'Question 0 turn 2'],
    ]);
    expect([...inMemory.notices.keys()]).toEqual([expect.stringContaining('rows of 300 conversations were spread through the file')]);
  });
});

describe('AgentDirectory', () => {
  const conversation = (agents: Array<{ id: string; name: string; bot?: true }>): ScoredConversation =>
    ({ agents, replies: agents.map((agent, index) => ({ index, agent })) }) as unknown as ScoredConversation;

  it('names ids from agents.names and folds aliases (any case, any spacing) into one person', () => {
    const directory = AgentDirectory.from({ names: { '701': 'Sam Lee', '702': 'Ana Ruiz' }, aliases: { 'Sam Lee': ['Samuel Lee', 'slee'], 'Ana Ruiz': 'Ana R.' } }, '.preachrc.yaml');
    const c = conversation([
      { id: '701', name: '701' },
      { id: 'Samuel  lee', name: 'Samuel  lee' },
      { id: 'acme/slee', name: 'slee (acme)' },
      { id: '702', name: '702' },
      { id: '703', name: '703' },
      { id: 'bot:Answer Bot', name: 'Answer Bot', bot: true },
    ]);
    directory.apply(c);
    expect(c.replies.map((r) => r.agent)).toEqual([
      { id: 'Sam Lee', name: 'Sam Lee' },
      { id: 'Sam Lee', name: 'Sam Lee' },
      { id: 'Sam Lee', name: 'Sam Lee' },
      { id: 'Ana Ruiz', name: 'Ana Ruiz' },
      { id: '703', name: '703' },
      { id: 'bot:Answer Bot', name: 'Answer Bot', bot: true },
    ]);
    expect(c.agents.map((a) => a.id)).toEqual(['Sam Lee', 'Ana Ruiz', '703', 'bot:Answer Bot']);
  });

  it('refuses one spelling under two people, naming the key', () => {
    let error: unknown;
    try {
      AgentDirectory.from({ aliases: { 'Sam Lee': ['S. Lee'], 'Sara Lee': ['s. lee'] } }, 'team.yaml');
    } catch (caught) {
      error = caught;
    }
    expect((error as PreachInputError).format()).toMatch(/^team\.yaml: agents\.aliases\.Sara Lee: "s\. lee" is also an alias of "Sam Lee" in agents\.aliases/);
  });
});
