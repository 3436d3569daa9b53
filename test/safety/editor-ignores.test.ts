import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { scratchDir } from '../helpers/cli.js';
import { applyEdits, LspClient, pathUri } from '../lsp-client.mjs';

/**
 * An ignore never lands in what the customer receives. A plain-text e-mail (or any draft without
 * front matter) is pasted into the help desk as it is, so "Disable … for this draft" and "Ignore
 * this one" keep the ignore outside the text: in the server, per document, handed to the editor
 * to keep (preach/ignores) and given back at the next start (initializationOptions.ignores).
 * Driven through the real server over stdio.
 */

let dir: string;
let cleanup: () => void;
let client: LspClient;

beforeAll(async () => {
  ({ dir, cleanup } = scratchDir('preach-ignores-'));
  writeFileSync(join(dir, '.preachrc.yaml'), 'extends: preach:recommended\n');
  client = await LspClient.start({ rootDir: dir });
});
afterAll(async () => {
  await client?.stop();
  cleanup();
});

type Diagnostic = { code: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
type Action = { title: string; edit?: { changes?: Record<string, unknown[]>; documentChanges?: unknown[] }; command?: { command: string; arguments: unknown[] } };

const formal = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'formal-word');
const EMAIL = 'Hi Priya,\n\nPlease utilize the form today, then utilize the portal.\n\nThanks,\nSam\n';

async function actionsFor(uri: string, diagnostic: Diagnostic): Promise<Action[]> {
  return client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
}

async function execute(action: Action | undefined): Promise<unknown> {
  expect(action?.command).toBeDefined();
  return client.request('workspace/executeCommand', { command: action!.command!.command, arguments: action!.command!.arguments });
}

test('a plain-text e-mail: no action edits its text; ignoring one finding, then the rule, keeps the text as it is', async () => {
  const uri = pathUri(join(dir, 'reply.txt'));
  client.open(uri, EMAIL, 'plaintext');
  const [first, second] = formal(await client.diagnostics(uri, { accept: (d: Diagnostic[]) => formal(d).length === 2 }));

  const actions = await actionsFor(uri, first!);
  // Fixes replace the flagged word; nothing else touches the text, and nothing adds front matter.
  for (const action of actions.filter((a) => a.edit)) {
    const edits = (action.edit!.changes?.[uri] ?? []) as Array<{ newText: string }>;
    expect(edits.every((e) => !e.newText.includes('---'))).toBe(true);
    expect(action.title).toMatch(/^Replace with/);
  }
  const disable = actions.find((a) => a.title === 'Disable formal-word for this draft');
  const ignoreOne = actions.find((a) => a.title === 'Ignore this one (formal-word)');
  expect(disable?.edit).toBeUndefined();
  expect(ignoreOne?.edit).toBeUndefined();

  let since = client.published.length;
  const notified = client.notifications.length;
  await execute(ignoreOne);
  const afterOne = formal(await client.diagnostics(uri, { since, accept: (d: Diagnostic[]) => formal(d).length === 1 }));
  expect(afterOne[0]!.range).toEqual(second!.range);
  const kept = await client.notification('preach/ignores', (p: { uri: string }) => p.uri === uri, notified);
  expect(kept.ignores).toEqual({ rules: [], findings: [{ ruleId: 'formal-word', text: 'utilize', before: 'Please ', after: ' the form today, the' }] });

  // An edit elsewhere keeps the ignore; the same word in another place is still flagged.
  since = client.published.length;
  const version = client.edit(uri, EMAIL.indexOf('Thanks'), EMAIL.indexOf('Thanks'), 'We are here all week.\n\n');
  expect(formal(await client.diagnostics(uri, { since, version }))).toHaveLength(1);

  since = client.published.length;
  await execute((await actionsFor(uri, afterOne[0]!)).find((a) => a.title === 'Disable formal-word for this draft'));
  await client.diagnostics(uri, { since, accept: (d: Diagnostic[]) => formal(d).length === 0 });

  // The server never asked the editor to change the text.
  expect(client.appliedEdits).toEqual([]);

  // Clearing brings the problems back.
  since = client.published.length;
  await client.request('workspace/executeCommand', { command: 'preach.server.clearIgnores', arguments: [uri] });
  await client.diagnostics(uri, { since, accept: (d: Diagnostic[]) => formal(d).length === 2 });
  const cleared = await client.notification('preach/ignores', (p: { uri: string; ignores: { rules: string[]; findings: unknown[] } }) => p.uri === uri && p.ignores.rules.length === 0 && p.ignores.findings.length === 0, notified + 1);
  expect(cleared).toBeDefined();
});

test('a Markdown draft without front matter gets no front matter either', async () => {
  const uri = pathUri(join(dir, 'reply.md'));
  client.open(uri, EMAIL);
  const [first] = formal(await client.diagnostics(uri, { accept: (d: Diagnostic[]) => formal(d).length === 2 }));
  const actions = await actionsFor(uri, first!);
  const disable = actions.find((a) => a.title === 'Disable formal-word for this draft');
  expect(disable?.edit).toBeUndefined();
  expect(disable?.command?.command).toBe('preach.server.ignoreRule');
});

test('a draft with front matter: the rule is disabled in its front matter, as before', async () => {
  const uri = pathUri(join(dir, 'ticket.md'));
  const text = `---\ncustomer_name: Priya Raman\n---\n${EMAIL}`;
  client.open(uri, text);
  const [first] = formal(await client.diagnostics(uri, { accept: (d: Diagnostic[]) => formal(d).length === 2 }));
  const disable = (await actionsFor(uri, first!)).find((a) => a.title === 'Disable formal-word for this draft');
  expect(applyEdits(text, disable!.edit!.changes![uri] as never)).toBe(`---\ncustomer_name: Priya Raman\ndisable: [formal-word]\n---\n${EMAIL}`);
});

test('front matter that is not valid YAML is left alone: the rule is kept aside instead', async () => {
  const uri = pathUri(join(dir, 'broken.md'));
  const text = `---\ncustomer_name: [oops\n---\n${EMAIL}`;
  client.open(uri, text);
  const [first] = formal(await client.diagnostics(uri, { accept: (d: Diagnostic[]) => formal(d).length === 2 }));
  const disable = (await actionsFor(uri, first!)).find((a) => a.title === 'Disable formal-word for this draft');
  expect(disable?.edit).toBeUndefined();
  expect(disable?.command?.command).toBe('preach.server.ignoreRule');
});

test('ignores given back at start (as the VS Code extension keeps them) apply from the first check', async () => {
  const uri = pathUri(join(dir, 'restored.txt'));
  const ignores = { [uri]: { rules: [], findings: [{ ruleId: 'formal-word', text: 'utilize', before: 'Please ', after: ' the form today, the' }] } };
  const restarted = await LspClient.start({ rootDir: dir, initializationOptions: { ignores } });
  try {
    restarted.open(uri, EMAIL, 'plaintext');
    const diagnostics = await restarted.diagnostics(uri, { accept: (d: Diagnostic[]) => d.length > 0 });
    expect(formal(diagnostics)).toHaveLength(1);
    const score = await restarted.notification('preach/score', (p: { uri: string }) => p.uri === uri);
    expect(score.problems).toBe(diagnostics.length);
  } finally {
    await restarted.stop();
  }
});

test('a malformed ignore command is refused and the server keeps serving', async () => {
  await expect(client.request('workspace/executeCommand', { command: 'preach.server.ignoreFinding', arguments: ['file:///x.txt', { ruleId: 42 }] })).rejects.toMatchObject({ code: -32602 });
  const uri = pathUri(join(dir, 'after.txt'));
  client.open(uri, 'Please utilize it.', 'plaintext');
  await client.diagnostics(uri, { accept: (d: Diagnostic[]) => formal(d).length === 1 });
});
