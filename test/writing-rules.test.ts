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
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'preach-writing-'));
  config = join(dir, 'writing.preachrc.yaml');
  writeFileSync(config, TURNED_ON);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function draft(name: string, text: string): string {
  const file = join(dir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('spelling and grammar in preach lint', () => {
  it('flags misspellings and grammar slips with their corrections', async () => {
    const file = draft('typos.md', 'We recieved your refund request. Let me know if their is anything else.\n');
    const result = await runPreach(['lint', file, '--format', 'json', '--config', config, '--time-budget', '600']);
    const messages = JSON.parse(result.stdout)[0].messages.filter((m: any) => ['spelling', 'grammar'].includes(m.ruleId));
    expect(messages.map((m: any) => [m.ruleId, m.fix?.text])).toEqual([
      ['spelling', 'received'],
      ['grammar', 'there'],
    ]);
  });

  it('leaves words in the team vocabulary alone', async () => {
    const text = 'Your zapp is set up.\n';
    const plain = draft('plain/draft.md', text);
    const before = await runPreach(['lint', plain, '--format', 'json', '--config', config, '--time-budget', '600']);
    expect(JSON.parse(before.stdout)[0].messages.filter((m: any) => m.ruleId === 'spelling').map((m: any) => m.message)).toEqual([expect.stringMatching(/^"zapp" looks misspelled/)]);
    const team = join(dir, 'team');
    draft('team/.preachrc.yaml', `${TURNED_ON}vocabulary: [Zapp]\n`);
    const file = draft('team/draft.md', text);
    const after = await runPreach(['lint', file, '--format', 'json', '--time-budget', '600'], { cwd: team });
    expect(JSON.parse(after.stdout)[0].messages.filter((m: any) => m.ruleId === 'spelling')).toEqual([]);
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
  it('run in the scoring threads too, for --jobs 1 and 2', async () => {
    const file = join(dir, 'chats.jsonl');
    const chat = (id: string) => ({ id, messages: [{ role: 'customer', text: 'Where is my refund?' }, { role: 'agent', text: 'We recieved your refund request and it is processed.' }] });
    writeFileSync(file, [chat('a'), chat('b'), chat('c')].map((c) => JSON.stringify(c)).join('\n'));
    for (const jobs of ['1', '2']) {
      const result = await runPreach(['score', file, '--format', 'json', '--config', config, '--time-budget', '600', '--jobs', jobs]);
      const findings = JSON.parse(result.stdout).conversations.flatMap((c: any) => c.messages.flatMap((m: any) => m.findings));
      expect(findings.filter((f: any) => f.ruleId === 'spelling').map((f: any) => f.excerpt)).toEqual(['recieved', 'recieved', 'recieved']);
      expect(findings.filter((f: any) => /failed on this text/.test(f.message))).toEqual([]);
    }
  });
});
