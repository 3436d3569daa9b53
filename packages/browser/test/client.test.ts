import { describe, expect, it } from 'vitest';
import { CheckerClient, CheckerClosedError, type CheckerChannel, type CheckerRequest, type CheckerResponse } from '../src/index.js';

/** A checker the test answers by hand. */
function fakeChannel() {
  const sent: CheckerRequest[] = [];
  let answer: (response: CheckerResponse) => void = () => {};
  let close: () => void = () => {};
  const channel: CheckerChannel = {
    send: (request) => sent.push(request),
    onResponse: (listener) => (answer = listener),
    onClose: (listener) => (close = listener),
  };
  const outcome = (text: string) => ({ findings: [], score: text.length, categories: {}, critical: false, situation: { id: null, sensitivity: 'low', source: 'none', reason: '' } });
  return {
    channel,
    sent,
    reply: (request: CheckerRequest) => answer({ type: 'check', id: request.id, outcome: outcome((request as { text: string }).text), ms: 1 }),
    close: () => close(),
  };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('CheckerClient', () => {
  it('sends the first check and the latest one of a burst, and answers the superseded ones with undefined', async () => {
    const fake = fakeChannel();
    const client = new CheckerClient(fake.channel);
    const first = client.check('a', {}, { key: 'reply' });
    const second = client.check('ab', {}, { key: 'reply' });
    const third = client.check('abc', {}, { key: 'reply' });
    expect(fake.sent.map((r) => (r as { text: string }).text)).toEqual(['a']);
    expect(await second).toBeUndefined();
    fake.reply(fake.sent[0]!);
    // The first answer is stale once a later text waits: not drawn.
    expect(await first).toBeUndefined();
    await settled();
    expect(fake.sent.map((r) => (r as { text: string }).text)).toEqual(['a', 'abc']);
    fake.reply(fake.sent[1]!);
    expect((await third)?.score).toBe(3);
  });

  it('keeps boxes apart: a check for one key never supersedes another', async () => {
    const fake = fakeChannel();
    const client = new CheckerClient(fake.channel);
    const one = client.check('one', {}, { key: 'a' });
    const two = client.check('two!', {}, { key: 'b' });
    fake.sent.forEach(fake.reply);
    expect((await one)?.score).toBe(3);
    expect((await two)?.score).toBe(4);
  });

  it('rejects what was asked when the checker goes away, and checks again after', async () => {
    const fake = fakeChannel();
    const client = new CheckerClient(fake.channel);
    const lost = client.check('lost', {}, { key: 'reply' });
    fake.close();
    await expect(lost).rejects.toBeInstanceOf(CheckerClosedError);
    await settled();
    const again = client.check('again', {}, { key: 'reply' });
    expect(fake.sent.map((r) => (r as { text: string }).text)).toEqual(['lost', 'again']);
    fake.reply(fake.sent[1]!);
    expect((await again)?.score).toBe(5);
  });
});
