import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { applyEdits, LspClient, offsetAt, pathUri } from './lsp-client.mjs';

// The real server (`preach lsp --stdio`), driven over stdio as an editor would drive it.

const Severity = { Error: 1, Warning: 2, Information: 3, Hint: 4 };
let workspace: string;
let client: LspClient;
let counter = 0;

function draftUri(name = `draft-${++counter}.md`): string {
  return pathUri(join(workspace, name));
}

function writeConfig(text: string, folder = workspace): string {
  const file = join(folder, '.preachrc.yaml');
  writeFileSync(file, text);
  return file;
}

const byRule = (diagnostics: any[], rule: string) => diagnostics.filter((d) => d.code === rule);

// One server for the file; each test gets its own folder and config (found per draft, as in a
// real workspace with several teams' folders).
let root: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'preach-lsp-'));
  // Trusted, as VS Code says of a folder the user trusts: one test runs a team pack's code rule.
  client = await LspClient.start({ rootDir: root, initializationOptions: { trustedWorkspace: true } });
});

afterAll(async () => {
  await client.stop();
  rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  workspace = join(root, `t${++counter}`);
  mkdirSync(workspace);
  writeConfig('# team config\nextends: preach:recommended\n');
});

describe('diagnostics', () => {
  test('after opening a draft: rule id, docs link, source and severity', async () => {
    const uri = draftUri();
    const text = 'Hi Priya,\n\nPlease utilize the export button.\n';
    client.open(uri, text);
    const diagnostics = await client.diagnostics(uri, { accept: (d) => d.length > 0 });
    const [formal] = byRule(diagnostics, 'formal-word');
    expect(formal).toBeDefined();
    expect(formal.source).toBe('preach');
    expect(formal.severity).toBe(Severity.Information); // formal-word is a suggestion
    expect(formal.codeDescription.href).toMatch(/formal-word/);
    expect(text.slice(offsetAt(text, formal.range.start), offsetAt(text, formal.range.end))).toBe('utilize');
    expect(formal.data.fixes).toEqual(['use']);
  });

  test('follow incremental edits', async () => {
    const uri = draftUri();
    const text = 'Hi Priya,\n\nPlease utilize the export button.\n\nThanks,\nSam\n';
    client.open(uri, text);
    await client.diagnostics(uri, { accept: (d) => byRule(d, 'formal-word').length === 1 });
    const start = text.indexOf('utilize');
    let version = client.edit(uri, start, start + 'utilize'.length, 'use');
    expect(byRule(await client.diagnostics(uri, { version }), 'formal-word')).toHaveLength(0);
    const at = client.textOf(uri).indexOf('Thanks');
    version = client.edit(uri, at, at, 'You can obtain the receipt prior to Friday.\n\n');
    const after = byRule(await client.diagnostics(uri, { version }), 'formal-word');
    const current = client.textOf(uri);
    expect(after.map((d) => current.slice(offsetAt(current, d.range.start), offsetAt(current, d.range.end)))).toEqual(['obtain', 'prior to']);
  });

  test('plain text and reply drafts (preach-reply) are checked too', async () => {
    const plain = draftUri('reply.txt');
    const reply = draftUri('refund.reply.md');
    client.open(plain, 'Please utilize the form.', 'plaintext');
    client.open(reply, 'Please utilize the form.', 'preach-reply');
    expect(byRule(await client.diagnostics(plain, { accept: (d) => d.length > 0 }), 'formal-word')).toHaveLength(1);
    expect(byRule(await client.diagnostics(reply, { accept: (d) => d.length > 0 }), 'formal-word')).toHaveLength(1);
  });

  test('closing a draft clears its diagnostics', async () => {
    const uri = draftUri();
    client.open(uri, 'Please utilize the form.');
    await client.diagnostics(uri, { accept: (d) => d.length > 0 });
    const since = client.published.length;
    client.close(uri);
    expect(await client.diagnostics(uri, { since })).toEqual([]);
  });
});

describe('code actions', () => {
  test('apply a fix: one fix is preferred, several are not', async () => {
    const uri = draftUri();
    const text = 'Please utilize the form and commence the upload.';
    client.open(uri, text);
    const diagnostics = byRule(await client.diagnostics(uri, { accept: (d) => byRule(d, 'formal-word').length === 2 }), 'formal-word');
    const [utilize, commence] = diagnostics;
    const single = await client.request('textDocument/codeAction', { textDocument: { uri }, range: utilize.range, context: { diagnostics: [utilize] } });
    const fix = single.find((a: any) => a.title.includes('use'));
    expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true });
    expect(applyEdits(text, fix.edit.changes[uri])).toBe('Please use the form and commence the upload.');
    const multiple = await client.request('textDocument/codeAction', { textDocument: { uri }, range: commence.range, context: { diagnostics: [commence] } });
    const replacements = multiple.filter((a: any) => a.title.startsWith('Replace'));
    expect(replacements.map((a: any) => a.title)).toEqual(['Replace with “start”', 'Replace with “begin”']);
    expect(replacements.every((a: any) => a.isPreferred === false)).toBe(true);
  });

  test('disable a rule for this draft: adds front matter, keeping what is there', async () => {
    const uri = draftUri();
    const text = '---\n# the ticket\ncustomer_name: Priya Raman\n---\nHi Priya, please utilize the form.\n';
    client.open(uri, text);
    const [formal] = byRule(await client.diagnostics(uri, { accept: (d) => byRule(d, 'formal-word').length > 0 }), 'formal-word');
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: formal.range, context: { diagnostics: [formal] } });
    const disable = actions.find((a: any) => a.title === 'Disable formal-word for this draft');
    expect(disable).toBeDefined();
    const edited = applyEdits(text, disable.edit.changes[uri]);
    expect(edited).toBe('---\n# the ticket\ncustomer_name: Priya Raman\ndisable: [formal-word]\n---\nHi Priya, please utilize the form.\n');
    const version = client.replace(uri, edited);
    expect(byRule(await client.diagnostics(uri, { version }), 'formal-word')).toHaveLength(0);
  });

  test('disable a rule in a draft without front matter: kept outside the text, which goes to the customer', async () => {
    const uri = draftUri();
    const text = 'Please utilize the form.';
    client.open(uri, text);
    const [formal] = byRule(await client.diagnostics(uri, { accept: (d) => d.length > 0 }), 'formal-word');
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: formal.range, context: { diagnostics: [formal] } });
    const disable = actions.find((a: any) => a.title.startsWith('Disable'));
    expect(disable.edit).toBeUndefined();
    expect(disable.command).toEqual({ title: 'Disable formal-word for this draft', command: 'preach.server.ignoreRule', arguments: [uri, 'formal-word'] });
    // More in test/safety/editor-ignores.test.ts.
  });

  test('add a word to the team vocabulary: offered only when it helps, edits .preachrc.yaml keeping comments', async () => {
    // A team pack with a rule that consults the vocabulary (like a typo or jargon rule would).
    const pack = join(workspace, 'team-pack');
    mkdirSync(pack);
    writeFileSync(
      join(pack, 'index.mjs'),
      `export default {
        meta: { id: 'team/unknown-product', kind: 'code', category: 'articulate', severity: 'warning', fixable: false,
          docs: { description: 'Product names must be known', why: 'Customers search for the real name.', examples: { bad: [], good: [] } } },
        check(context) {
          for (const match of context.prose.matchAll(/\\b[A-Z][a-z]+ify\\b/g)) {
            if (!context.vocabulary.has(match[0].toLowerCase())) context.report({ message: 'Unknown product name ' + match[0], start: match.index, end: match.index + match[0].length });
          }
        },
      };\n`,
    );
    const configFile = writeConfig('# team config\nextends: preach:recommended # built-in rules\npacks: [./team-pack]\nvocabulary:\n  - Acme # our name\n');
    const uri = draftUri();
    const text = 'Your Zapify export is ready. Please utilize it.';
    client.open(uri, text);
    const diagnostics = await client.diagnostics(uri, { accept: (d) => byRule(d, 'team/unknown-product').length > 0 });
    const [product] = byRule(diagnostics, 'team/unknown-product');
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: product.range, context: { diagnostics: [product] } });
    const add = actions.find((a: any) => a.title.startsWith('Add “Zapify” to the team vocabulary'));
    expect(add).toBeDefined();
    const configUri = pathUri(configFile);
    const updated = applyEdits(readFileSync(configFile, 'utf8'), add.edit.changes[configUri]);
    expect(updated).toBe('# team config\nextends: preach:recommended # built-in rules\npacks: [./team-pack]\nvocabulary:\n  - Acme # our name\n  - Zapify\n');

    // Adding "utilize" would not silence formal-word: no vocabulary action there.
    const [formal] = byRule(diagnostics, 'formal-word');
    const formalActions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: formal.range, context: { diagnostics: [formal] } });
    expect(formalActions.some((a: any) => a.title.includes('vocabulary'))).toBe(false);

    // Saving the edited config reloads it: the product name is known now.
    const since = client.published.length;
    writeFileSync(configFile, updated);
    await client.diagnostics(uri, { since, accept: (d) => byRule(d, 'team/unknown-product').length === 0 && byRule(d, 'formal-word').length === 1 });
  });

  test("add a word to the team vocabulary without a config: a new .preachrc.yaml in the workspace, never a change to a config the draft is not checked with", async () => {
    const text = 'I have escalated this to T2 and they will reply by 5 pm.\n';
    const vocabularyActions = async (uri: string) => {
      const [jargon] = byRule(await client.diagnostics(uri, { accept: (d) => byRule(d, 'internal-jargon').length > 0 }), 'internal-jargon');
      const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: jargon.range, context: { diagnostics: [jargon] } });
      return actions.filter((a: any) => a.title.includes('team vocabulary'));
    };
    // No config from the draft's folder up: the workspace gets its first one.
    rmSync(join(workspace, '.preachrc.yaml'));
    const inside = draftUri();
    client.open(inside, text);
    const [create] = await vocabularyActions(inside);
    const teamConfig = join(root, '.preachrc.yaml');
    expect(create.title).toBe('Add “T2” to the team vocabulary (new .preachrc.yaml)');
    expect(create.edit.documentChanges[0]).toEqual({ kind: 'create', uri: pathUri(teamConfig), options: { ignoreIfExists: true } });
    const created = create.edit.documentChanges[1].edits[0].newText;
    expect(created).toMatch(/^vocabulary:\n {2}- T2\n/m);

    // The workspace has its config now. A draft outside the workspace is not checked with it, and
    // must not be offered the same "new" file: the create would be skipped (ignoreIfExists) and
    // the text put in front of the team's config, giving it every key twice.
    writeFileSync(teamConfig, created);
    const outsideFolder = mkdtempSync(join(tmpdir(), 'preach-lsp-outside-'));
    try {
      const outside = pathUri(join(outsideFolder, 'draft.md'));
      client.open(outside, text);
      expect(await vocabularyActions(outside)).toEqual([]);
      client.close(outside);
    } finally {
      rmSync(outsideFolder, { recursive: true, force: true });
      rmSync(teamConfig);
    }
  });

  test('fix all: the server command applies every first fix', async () => {
    const uri = draftUri();
    const text = 'Please utilize the form prior to Friday.';
    client.open(uri, text);
    await client.diagnostics(uri, { accept: (d) => byRule(d, 'formal-word').length === 2 });
    const outcome = await client.request('workspace/executeCommand', { command: 'preach.server.fixAll', arguments: [uri] });
    expect(outcome).toEqual({ applied: true, fixes: 2 });
    const edit = client.appliedEdits.at(-1);
    expect(applyEdits(text, edit.changes[uri])).toBe('Please use the form before Friday.');
    const source = await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(source).toHaveLength(1);
    expect(applyEdits(text, source[0].edit.changes[uri])).toBe('Please use the form before Friday.');
  });
});

test('hover on a diagnostic shows the message, why and a good example', async () => {
  const uri = draftUri();
  const text = 'Please utilize the form.';
  client.open(uri, text);
  const [formal] = byRule(await client.diagnostics(uri, { accept: (d) => d.length > 0 }), 'formal-word');
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: formal.range.start.character + 2 } });
  expect(hover.contents.kind).toBe('markdown');
  expect(hover.contents.value).toContain('formal-word');
  expect(hover.contents.value).toMatch(/\*\*Why:\*\* Customers read "utilize"/);
  expect(hover.contents.value).toContain('**Good:** “Please use the export button before closing the tab.”');
  expect(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } })).toBeNull();
});

describe('context', () => {
  test('front matter gives the customer message; the inferred situation is in the score notification', async () => {
    const uri = draftUri();
    client.open(uri, '---\ncustomer_name: Priya Raman\ncustomer_message: My card was declined and now my account is locked.\n---\nHi Priya, I have unlocked your account.\n');
    const score = await client.notification('preach/score', (p) => p.uri === uri);
    expect(score.situation).toMatchObject({ id: 'billing-failure', source: 'inferred', sensitivity: 'high' });
    expect(score.situation.reason).toMatch(/declined/);
    expect(score.context.customerName).toBe('Priya Raman');
    expect(typeof score.score).toBe('number');
  });

  test('preach/setContext sets the context for one draft, over its front matter', async () => {
    const uri = draftUri();
    client.open(uri, 'Hi there, your refund is on its way.\n');
    await client.notification('preach/score', (p) => p.uri === uri);
    const since = client.published.length;
    const notes = client.notifications.length;
    const answer = await client.request('preach/setContext', { uri, context: { customerName: 'Priya Raman', situation: 'refund' } });
    expect(answer.context).toEqual({ customerName: 'Priya Raman', situation: 'refund' });
    const diagnostics = await client.diagnostics(uri, { since, accept: (d) => byRule(d, 'name-missing').length > 0 });
    expect(byRule(diagnostics, 'name-missing')[0].data.fixes[0].trim()).toBe('Priya');
    const score = await client.notification('preach/score', (p) => p.uri === uri, notes);
    expect(score.situation).toMatchObject({ id: 'refund', source: 'given' });
    // null clears a field.
    await client.request('preach/setContext', { uri, context: { customerName: null } });
    await client.diagnostics(uri, { since: client.published.length, accept: (d) => byRule(d, 'name-missing').length === 0 });
  });

  test('preach/setContext takes the thread: a follow-up keeps the earlier situation', async () => {
    const uri = draftUri();
    client.open(uri, 'Thanks, trying again now.\n');
    await client.notification('preach/score', (p) => p.uri === uri);
    const notes = client.notifications.length;
    const thread = [{ role: 'customer', text: 'My card was declined twice and now my account is locked!' }, { role: 'agent', text: 'Could you try once more?' }];
    await client.request('preach/setContext', { uri, context: { customerMessage: 'I did.', thread } });
    const score = await client.notification('preach/score', (p) => p.uri === uri && p.situation?.id === 'billing-failure', notes);
    expect(score.situation.reason).toMatch(/earlier in the conversation/);
  });

  test('situations, rules and rule docs for pickers', async () => {
    const uri = draftUri();
    client.open(uri, 'Hello.');
    const situations = await client.request('preach/situations', { uri });
    expect(situations.map((s: any) => s.id)).toContain('billing-failure');
    const rules = await client.request('preach/rules', { uri });
    expect(rules.find((r: any) => r.id === 'formal-word')).toMatchObject({ category: 'human', severity: 'suggestion' });
    const docs = await client.request('preach/ruleDocs', { uri, ruleId: 'formal-word' });
    // The same page as the rule reference and `preach explain formal-word --format markdown`.
    expect(docs.markdown).toBe(readFileSync(join(import.meta.dirname, '..', 'docs', 'rules', 'formal-word.md'), 'utf8'));
    expect(await client.request('preach/ruleDocs', { uri, ruleId: 'no-such-rule' })).toBeNull();
  });
});

describe('config', () => {
  test('reloads .preachrc.yaml when it changes on disk', async () => {
    const configFile = writeConfig('extends: preach:recommended\nrules:\n  formal-word: error\n');
    const uri = draftUri();
    client.open(uri, 'Please utilize the form.');
    const [before] = byRule(await client.diagnostics(uri, { accept: (d) => d.length > 0 }), 'formal-word');
    expect(before.severity).toBe(Severity.Error);
    const since = client.published.length;
    writeFileSync(configFile, 'extends: preach:recommended\nrules:\n  formal-word: warning\n');
    await client.diagnostics(uri, { since, accept: (d) => byRule(d, 'formal-word')[0]?.severity === Severity.Warning });
  });

  test('reloads on workspace/didChangeWatchedFiles', async () => {
    const configFile = writeConfig('extends: preach:recommended\n');
    const uri = draftUri();
    client.open(uri, 'Please utilize the form.');
    await client.diagnostics(uri, { accept: (d) => byRule(d, 'formal-word').length === 1 });
    const since = client.published.length;
    writeFileSync(configFile, 'extends: preach:recommended\nrules:\n  formal-word: off\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathUri(configFile), type: 2 }] });
    await client.diagnostics(uri, { since, accept: (d) => byRule(d, 'formal-word').length === 0 });
  });

  test('a broken config shows one clear diagnostic, then recovers when fixed', async () => {
    const configFile = writeConfig('extends: preach:recommended\nrules:\n  formal-wrod: error\n');
    const uri = draftUri();
    client.open(uri, 'Please utilize the form.\n\nAnd commence the upload.');
    const diagnostics = await client.diagnostics(uri, { accept: (d) => d.length > 0 });
    expect(diagnostics).toHaveLength(1);
    const [problem] = diagnostics;
    expect(problem).toMatchObject({ code: 'config-error', source: 'preach', severity: Severity.Error });
    expect(problem.message).toContain('.preachrc.yaml:3:3');
    expect(problem.message).toContain('rules.formal-wrod: is not a known rule');
    expect(problem.message).toContain('Did you mean "formal-word"?');
    expect(problem.relatedInformation[0].location).toEqual({ uri: pathUri(configFile), range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } } });
    const score = await client.notification('preach/score', (p) => p.uri === uri);
    expect(score.score).toBeNull();

    // Invalid YAML is reported the same way, and the server keeps serving.
    let since = client.published.length;
    writeFileSync(configFile, 'extends: [preach:recommended\n');
    const yaml = await client.diagnostics(uri, { since, accept: (d) => d[0]?.message.includes('invalid YAML') });
    expect(yaml).toHaveLength(1);

    since = client.published.length;
    writeFileSync(configFile, 'extends: preach:recommended\n');
    await client.diagnostics(uri, { since, accept: (d) => byRule(d, 'formal-word').length === 2 });
  });

  test('editor settings override rule severities', async () => {
    // Settings follow the user across workspaces: a rule this one lacks and a value that is not a severity are passed over.
    const own = await LspClient.start({ rootDir: workspace, initializationOptions: { rules: { 'formal-word': 'error', 'team/elsewhere': 'error', 'filler-words': 'loud' } } });
    try {
      const uri = draftUri();
      own.open(uri, 'Please utilize the form.');
      const [formal] = byRule(await own.diagnostics(uri, { accept: (d) => d.length > 0 }), 'formal-word');
      expect(formal.severity).toBe(Severity.Error);
      const since = own.published.length;
      own.notify('workspace/didChangeConfiguration', { settings: { preach: { rules: { 'formal-word': 'off' } } } });
      await own.diagnostics(uri, { since, accept: (d) => byRule(d, 'formal-word').length === 0 });
    } finally {
      await own.stop();
    }
  });
});

describe('size and speed', () => {
  test('a 10,000-line document', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++) lines.push(i % 4 === 3 ? '' : i % 100 === 0 ? `Line ${i}: please utilize the billing page.` : `Line ${i}: your refund is on its way.`);
    const text = lines.join('\n');
    const uri = draftUri('long.md');
    client.open(uri, text);
    const diagnostics = await client.diagnostics(uri, { accept: (d) => byRule(d, 'formal-word').length > 0 });
    const formal = byRule(diagnostics, 'formal-word');
    expect(formal).toHaveLength(100);
    expect(formal[99].range.start).toEqual({ line: 9900, character: 'Line 9900: please '.length });
    // An edit at the end re-checks quickly and keeps everything else.
    const end = text.length;
    const version = client.edit(uri, end, end, '\n\nWe will commence the refund.');
    const after = await client.diagnostics(uri, { version });
    expect(byRule(after, 'formal-word')).toHaveLength(101);
    expect(byRule(after, 'formal-word')[100].range.start.line).toBe(10_001);
  });

  test('a burst of 50 rapid edits: only the final text’s diagnostics survive', async () => {
    const uri = draftUri();
    const base = 'Hi Priya,\n\nYour refund is on its way.\n\n';
    // The burst starts before the first check is done.
    const since = client.published.length;
    client.open(uri, base);
    let version = 1;
    for (let i = 0; i < 50; i++) {
      const text = client.textOf(uri);
      // Every edit adds a word; the final text has exactly one formal word, added last.
      version = client.edit(uri, text.length, text.length, i === 49 ? 'Please utilize the form.' : 'ok ');
    }
    const final = await client.diagnostics(uri, { version, since });
    const text = client.textOf(uri);
    expect(byRule(final, 'formal-word').map((d) => text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end)))).toEqual(['utilize']);
    // Give any straggler time to arrive, then check nothing older was published after the final.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const afterBurst = client.published.slice(since).filter((p) => p.uri === uri);
    const finalIndex = afterBurst.findIndex((p) => p.version === version);
    expect(afterBurst.slice(finalIndex).every((p) => p.version === version)).toBe(true);
    // Debounced: far fewer checks than edits.
    expect(afterBurst.length).toBeLessThan(10);
  });
});

describe('preach lsp', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'preach-lsp-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('shutdown and exit end the process cleanly', async () => {
    const server = await LspClient.start({ rootDir: dir });
    await server.stop();
    expect(server.process.exitCode).toBe(0);
    expect(server.stderr.join('')).toBe('');
  });
});
