import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFrontMatter } from '@preach/core';
import { runPreach, scratchDir } from '../helpers/cli.js';
import { LspClient, pathUri } from '../lsp-client.mjs';

/**
 * A draft's front matter is input like a config file: a value of the wrong kind gets an error
 * naming the key and the line, and is never turned into text ("[object Object]") that could end
 * up in a fix or a message.
 */

const DRAFT = '---\nticket: 48213\nchannel: fax\ncustomer_name: {first: Priya}\n---\nHello,\n\nPlease utilize the form.\n\nThanks,\nSam\n';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = scratchDir('preach-front-matter-'));
  writeFileSync(join(dir, '.preachrc.yaml'), 'extends: preach:recommended\n');
});
afterAll(() => cleanup());

describe('the core', () => {
  test('names each bad key with its line and leaves the bad values out of the context', () => {
    const frontMatter = readFrontMatter(DRAFT);
    expect(frontMatter.problems.map(({ key, line }) => ({ key, line }))).toEqual([
      { key: 'channel', line: 3 },
      { key: 'customer_name', line: 4 },
    ]);
    expect(frontMatter.problems[0]!.message).toBe('must be one of: "chat", "email", "social", "sms"');
    expect(frontMatter.problems[1]!.message).toBe('must be a string or a number');
    expect(frontMatter.context).toEqual({});
    // Keys preach does not know are the help desk's: kept, not checked.
    expect(frontMatter.data).toEqual({ ticket: 48213 });
  });

  test('accepts what people write: any case for the channel, numbers as names, tags as a list or a string', () => {
    const frontMatter = readFrontMatter('---\nChannel: Email\ncustomer_name: 42\nagent:\ntags: vip, billing\ndisable: [formal-word]\n---\nHi\n');
    expect(frontMatter.problems).toEqual([]);
    expect(frontMatter.context).toEqual({ channel: 'email', customerName: '42', tags: ['vip', 'billing'] });
    expect(frontMatter.disable).toEqual(['formal-word']);
  });

  test('a list where a list of rule ids belongs must hold strings', () => {
    const frontMatter = readFrontMatter('---\ndisable:\n  - formal-word\n  - {rule: name-missing}\ntags: [vip, [nested]]\n---\nHi\n');
    expect(frontMatter.problems.map(({ key, line }) => ({ key, line }))).toEqual([
      { key: 'disable.1', line: 4 },
      { key: 'tags.1', line: 5 },
    ]);
    expect(frontMatter.disable).toEqual([]);
    expect(frontMatter.context.tags).toBeUndefined();
  });
});

test('preach lint: exit 2, the file, line and key, and no "[object Object]" anywhere', async () => {
  const file = join(dir, 'draft.md');
  writeFileSync(file, DRAFT);
  writeFileSync(join(dir, 'other.md'), 'Hi Priya,\n\nPlease commence the upload.\n');
  const run = await runPreach(['lint', 'draft.md', 'other.md'], { cwd: dir });
  // The other draft in the batch is still checked.
  expect(run.code).toBe(2);
  expect(run.stdout).not.toContain('[object');
  expect(run.stdout).toMatch(/draft\.md\n[\s\S]*3:1\s+error\s+Front matter: channel: must be one of: "chat", "email", "social", "sms"/);
  expect(run.stdout).toMatch(/4:1\s+error\s+Front matter: customer_name: must be a string or a number/);
  expect(run.stdout).toContain('formal-word');
  expect(run.stdout).toMatch(/other\.md\n[\s\S]*formal-word/);

  const json = await runPreach(['lint', '--format', 'json', 'draft.md'], { cwd: dir });
  expect(json.code).toBe(2);
  expect(json.stdout).not.toContain('[object');
  const [result] = JSON.parse(json.stdout);
  const problems = result.messages.filter((m: { ruleId: string }) => m.ruleId === 'front-matter');
  expect(problems.map((m: { line: number; message: string }) => [m.line, m.message.split(':')[1]!.trim()])).toEqual([
    [3, 'channel'],
    [4, 'customer_name'],
  ]);
  expect(result.context.customerName).toBeUndefined();
  expect(result.context.channel).toBeUndefined();
});

test('the language server: a diagnostic on the line of each bad key, never "[object Object]" in a fix', async () => {
  const client = await LspClient.start({ rootDir: dir });
  try {
    const uri = pathUri(join(dir, 'open.md'));
    client.open(uri, DRAFT);
    const diagnostics = await client.diagnostics(uri, { accept: (d: Array<{ code: string }>) => d.some((x) => x.code === 'front-matter') });
    const problems = diagnostics.filter((d: { code: string }) => d.code === 'front-matter');
    expect(problems.map((d: { range: { start: { line: number } }; message: string }) => [d.range.start.line, d.message.split(':')[1]!.trim()])).toEqual([
      [2, 'channel'],
      [3, 'customer_name'],
    ]);
    expect(JSON.stringify(diagnostics)).not.toContain('[object');
    const score = await client.notification('preach/score', (p: { uri: string }) => p.uri === uri);
    expect(JSON.stringify(score.context)).not.toContain('[object');
  } finally {
    await client.stop();
  }
});
