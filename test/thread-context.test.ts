import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPreach, scratchDir } from './helpers/cli.js';

/** The conversation so far as context, through the binary: front matter `thread:` and --thread-file. */
const json = (stdout: string) => JSON.parse(stdout) as Array<Record<string, any>>;
const ruleIds = (result: Record<string, any>) => result.messages.map((m: { ruleId: string }) => m.ruleId);

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function scratch(): string {
  const made = scratchDir();
  cleanup = made.cleanup;
  return made.dir;
}

describe('preach lint with the thread', () => {
  it('an acknowledgement the agent already made counts; without the thread it is owed', async () => {
    const dir = scratch();
    const reply = 'Thanks for the screenshot. The payment team will reverse the second charge today.\n';
    writeFileSync(
      join(dir, 'with-thread.md'),
      `---\ncustomer_message: Here is the screenshot. This is ridiculous.\nthread:\n  - customer: You charged me twice for March and nobody answers my emails!\n  - agent: I'm sorry you were charged twice, Ana. Could you send a screenshot of the statement?\n---\n${reply}`,
    );
    writeFileSync(join(dir, 'alone.md'), `---\ncustomer_message: Here is the screenshot. This is ridiculous.\n---\n${reply}`);
    const [alone, withThread] = json((await runPreach(['lint', '--format', 'json', 'alone.md', 'with-thread.md'], { cwd: dir })).stdout);
    expect(ruleIds(alone)).toContain('missing-acknowledgement');
    expect(ruleIds(withThread)).not.toContain('missing-acknowledgement');
  });

  it('--thread-file carries the situation into a follow-up, and the report names it', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'thread.yaml'), '- customer: My card was declined twice and now my account is locked!\n- agent: Could you try the payment once more?\n');
    writeFileSync(join(dir, 'reply.md'), 'Oops, my bad 🙈 Try again now!\n');
    const run = await runPreach(['lint', '--format', 'json', '--customer-message', 'I did.', '--thread-file', 'thread.yaml', 'reply.md'], { cwd: dir });
    const [result] = json(run.stdout);
    expect(result!.situation).toMatchObject({ id: 'billing-failure', sensitivity: 'high' });
    expect(result!.situation.reason).toMatch(/earlier in the conversation/);
    expect(ruleIds(result!)).toContain('emoji-in-sensitive-situation');
    expect(result!.mood).toMatchObject({ id: expect.any(String) });
  });

  it('a reply to a thank-you after the fix is not judged as if the outage were still on', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'thread.json'), JSON.stringify([{ role: 'customer', text: 'Your app has been down for two hours!!' }, { role: 'agent', text: "I'm sorry, we're on it." }]));
    writeFileSync(join(dir, 'reply.md'), 'Great to hear! Have a lovely weekend 🎉\n');
    const after = json((await runPreach(['lint', '--format', 'json', '--customer-message', "Oh good, it's working again, thanks!", '--thread-file', 'thread.json', 'reply.md'], { cwd: dir })).stdout)[0]!;
    const during = json((await runPreach(['lint', '--format', 'json', '--customer-message', 'Your app has been down for two hours!!', 'reply.md'], { cwd: dir })).stdout)[0]!;
    expect(after.situation).toMatchObject({ sensitivity: 'low', resolved: true });
    expect(ruleIds(during)).toContain('emoji-in-sensitive-situation');
    expect(ruleIds(after)).not.toContain('emoji-in-sensitive-situation');
  });

  it('a bad thread file names the file, the line and what to write', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'thread.yaml'), '- customer: My card was declined.\n- manager: Please hold.\n');
    writeFileSync(join(dir, 'reply.md'), 'Sorry about that.\n');
    const run = await runPreach(['lint', '--thread-file', 'thread.yaml', 'reply.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/thread\.yaml:2:\d+: thread item 2 has key "manager"; use customer or agent/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad thread in front matter is reported on its line', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'reply.md'), '---\ncustomer_name: Ana\nthread: yesterday\n---\nSorry about that, Ana.\n');
    const [result] = json((await runPreach(['lint', '--format', 'json', 'reply.md'], { cwd: dir })).stdout);
    const problem = result!.messages.find((m: { ruleId: string }) => m.ruleId === 'front-matter');
    expect(problem).toMatchObject({ line: 3 });
    expect(problem.message).toMatch(/thread: must be a list/);
  });
});

describe('preach score with the customer writing twice before a reply', () => {
  it('answers a "sorted now, thanks" on its own, and a nudge together with the complaint', async () => {
    const dir = scratch();
    const complaint = { role: 'customer', text: 'I was charged twice this month and nobody answers my emails. This is ridiculous!' };
    const conversations = [
      { id: 'moved-on', channel: 'chat', messages: [complaint, { role: 'customer', text: "Oh wait, it's sorted now, the refund just came in. Thanks!" }, { role: 'agent', text: 'Great to hear! Have a lovely day!' }] },
      { id: 'nudged', channel: 'chat', messages: [complaint, { role: 'customer', text: 'Hello??' }, { role: 'agent', text: 'Great to hear! Have a lovely day!' }] },
      // A warm sign-off with no word of feeling moves on too, as it ends a carried-over situation in `preach lint`.
      { id: 'signed-off', channel: 'chat', messages: [complaint, { role: 'customer', text: 'Cheers, all the best.' }, { role: 'agent', text: 'Hello Sarah! Did you manage to get it sorted in the end?' }] },
    ];
    writeFileSync(join(dir, 'chats.jsonl'), conversations.map((c) => JSON.stringify(c)).join('\n'));
    const run = await runPreach(['score', 'chats.jsonl', '--format', 'json', '--no-config'], { cwd: dir });
    const report = JSON.parse(run.stdout);
    const flagged = (id: string) => report.conversations.find((c: any) => c.id === id).messages.flatMap((m: any) => (m.findings ?? []).map((f: any) => f.ruleId));
    // Read with the complaint, the cheer was a mismatch (sentiment-mismatch); read alone, it answers thanks.
    expect(flagged('moved-on')).toEqual([]);
    expect(flagged('nudged')).toContain('missing-acknowledgement');
    expect(flagged('signed-off')).not.toContain('exclamation-in-sensitive-situation');
  });
});
