import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPreach } from './helpers/cli.js';

/**
 * Spelling and grammar through the `preach` command (its bundle, with Harper's thread and
 * WebAssembly found from it), the team vocabulary from a config file, and fixes.
 * --time-budget is generous: the first check loads the checker, and a busy machine is slow.
 * Both rules are off in preach:recommended; a team turns them on in its config, as here.
 */
const TURNED_ON = 'extends: preach:recommended\nrules:\n  spelling: warning\n  grammar: warning\n';
let dir: string;
let config: string;
/**
 * Every process that checks spelling loads Harper (seconds of CPU), so the drafts that only need
 * reading are checked by one `preach lint` over all of them, each finding its own config: the
 * folder's turns the rules on, team/ adds the team vocabulary.
 */
let report: Promise<Array<{ file: string; messages: any[] }>>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'preach-writing-'));
  config = join(dir, 'writing.preachrc.yaml');
  writeFileSync(config, TURNED_ON);
  draft('drafts/.preachrc.yaml', TURNED_ON);
  draft('drafts/team/.preachrc.yaml', `${TURNED_ON}vocabulary: [Zapp]\n`);
  draft('drafts/typos.md', 'We recieved your refund request. Let me know if their is anything else.\n');
  draft('drafts/plain.md', 'Your zapp is set up.\n');
  draft('drafts/team/draft.md', 'Your zapp is set up.\n');
  report = runPreach(['lint', 'typos.md', 'plain.md', 'team/draft.md', '--format', 'json', '--time-budget', '600'], { cwd: join(dir, 'drafts') }).then((run) => JSON.parse(run.stdout));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function draft(name: string, text: string): string {
  const file = join(dir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

async function writingMessages(name: string): Promise<any[]> {
  const file = (await report).find((entry) => entry.file === name);
  expect(file, name).toBeDefined();
  return file!.messages.filter((m: any) => ['spelling', 'grammar'].includes(m.ruleId));
}

describe('spelling and grammar in preach lint', () => {
  it('flags misspellings and grammar slips with their corrections', async () => {
    expect((await writingMessages('typos.md')).map((m: any) => [m.ruleId, m.fix?.text])).toEqual([
      ['spelling', 'received'],
      ['grammar', 'there'],
    ]);
  });

  it('leaves words in the team vocabulary alone', async () => {
    expect((await writingMessages('plain.md')).map((m: any) => m.message)).toEqual([expect.stringMatching(/^"zapp" looks misspelled/)]);
    expect(await writingMessages('team/draft.md')).toEqual([]);
  });

  it('--fix writes the correction', async () => {
    const file = draft('fix.md', 'Your refund was proccessed on Monday.\n');
    await runPreach(['lint', file, '--fix', '--config', config, '--time-budget', '600']);
    expect(readFileSync(file, 'utf8')).toBe('Your refund was processed on Monday.\n');
  });

  it('are off in preach:recommended', async () => {
    const file = draft('off.md', 'We recieved your refund request.\n');
    const result = await runPreach(['lint', file, '--format', 'json', '--no-config']);
    expect(JSON.parse(result.stdout)[0].messages.filter((m: any) => ['spelling', 'grammar'].includes(m.ruleId))).toEqual([]);
  });
});

describe('spelling and grammar in preach score', () => {
  it('run in every scoring thread too', async () => {
    // Enough conversations for both threads of --jobs 2 to get some (a thread takes them in batches).
    const file = join(dir, 'chats.jsonl');
    const chat = (n: number) => ({ id: `c${n}`, messages: [{ role: 'customer', text: 'Where is my refund?' }, { role: 'agent', text: 'We recieved your refund request and it is processed.' }] });
    writeFileSync(file, Array.from({ length: 60 }, (_, n) => JSON.stringify(chat(n))).join('\n'));
    const result = await runPreach(['score', file, '--format', 'json', '--config', config, '--time-budget', '600', '--jobs', '2']);
    const findings = JSON.parse(result.stdout).conversations.flatMap((c: any) => c.messages.flatMap((m: any) => m.findings));
    expect(findings.filter((f: any) => f.ruleId === 'spelling').map((f: any) => f.excerpt)).toEqual(Array(60).fill('recieved'));
    expect(findings.filter((f: any) => /failed on this text/.test(f.message))).toEqual([]);
  });
});
