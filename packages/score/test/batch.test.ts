import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecord } from '../src/importers/registry.js';
import { scoreBatch, scoreConversation } from '../src/scorer.js';
import { createScorerOptions } from '../src/setup.js';
import type { Conversation, ImportedItem } from '../src/types.js';

/**
 * A batch is scored in passes (what each reply answers, then every reply's context, then every
 * reply's check): the outcome must be what scoring each conversation alone gives, errors included.
 */

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'transcripts');

const conversation = (record: Record<string, unknown>, line = 1): Conversation =>
  readRecord(record, { place: { source: 'test.jsonl', line }, people: new Map(), notice: () => {} }).result as Conversation;

const recommended = (limits?: { time_budget?: number; max_draft_kb?: number }) => createScorerOptions({ lookup: FIXTURES, noConfig: true, limits });

describe('scoreBatch', () => {
  it('scores a batch as it scores each conversation alone, and tells which conversation it is on', async () => {
    const options = await recommended();
    const records = readFileSync(join(FIXTURES, 'conversations.jsonl'), 'utf8').split('\n').filter((line) => line.trim());
    const items: ImportedItem[] = records.map((line, i) => ({ conversation: conversation(JSON.parse(line), i + 1) }));
    items.splice(1, 0, { error: { source: 'test.jsonl', line: 99, reason: 'not a conversation' } });
    const seen: number[] = [];
    let beats = 0;
    const batch = scoreBatch(items, { ...options, onConversation: (index) => seen.push(index), onReply: () => beats++ });
    const alone = items.map((item) => ('error' in item ? item : { scored: scoreConversation(item.conversation, options) }));
    expect(batch).toEqual(alone);
    expect(batch.filter((outcome) => 'scored' in outcome).length).toBeGreaterThan(2);
    const replies = batch.reduce((sum, outcome) => sum + ('scored' in outcome ? outcome.scored.replies.length : 0), 0);
    // Each reply is a heartbeat when its context is read and again when it is checked.
    expect(beats).toBe(2 * replies);
    expect(seen.at(-1)).toBe(items.length - 1);
    expect(seen).not.toContain(1);
  });

  it('reports the first problem in the order of the conversation: a reply out of time before a later one too large', async () => {
    const options = await recommended({ time_budget: 0, max_draft_kb: 2 });
    const record = {
      id: 'c1',
      messages: [
        { role: 'customer', text: 'Where is my refund?' },
        { role: 'agent', text: 'Please utilize the export button.' },
        { role: 'customer', text: 'Still nothing.' },
        { role: 'agent', text: 'x '.repeat(2000) },
      ],
    };
    const [outOfTime] = scoreBatch([{ conversation: conversation(record) }], options);
    expect(outOfTime).toEqual({ error: { source: 'test.jsonl', line: 1, id: 'c1', reason: expect.stringMatching(/^could not be scored: message 2: preach stopped checking this reply/) } });
    // With time enough, the reply too large is the problem, and it costs only its conversation.
    const fine = { id: 'c2', messages: [{ role: 'customer', text: 'Hi' }, { role: 'agent', text: 'Hello! How can I help?' }] };
    const [tooLarge, scored] = scoreBatch([{ conversation: conversation(record) }, { conversation: conversation(fine, 2) }], await recommended({ max_draft_kb: 2 }));
    expect(tooLarge).toEqual({ error: { source: 'test.jsonl', line: 1, id: 'c1', reason: expect.stringMatching(/^could not be scored: message 4 \(an agent reply\) is too large to check/) } });
    expect(scored).toMatchObject({ scored: { id: 'c2', replies: [{ index: 1 }] } });
  });
});
