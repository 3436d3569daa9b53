import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { scratchDir } from '../helpers/cli.js';
import { LspClient, pathUri, ROOT } from '../lsp-client.mjs';

/**
 * Nothing from an untrusted folder runs as code in the editor: a team pack's JavaScript is not
 * imported until the client says the workspace is trusted, while its YAML rules and the config
 * still apply. Driven through the real server over stdio (`preach lsp --stdio`).
 */

let dir: string;
let cleanup: () => void;
let marker: string;
let client: LspClient | undefined;

/** A project whose pack has a YAML rule (flags "kiwi") and a code rule (flags "plum") that leaves a marker file when imported. */
function projectWithCodePack(): void {
  ({ dir, cleanup } = scratchDir('preach-trust-'));
  marker = join(dir, 'pack-code-ran.txt');
  mkdirSync(join(dir, 'team-pack'));
  writeFileSync(join(dir, '.preachrc.yaml'), 'extends: preach:recommended\npacks: [./team-pack]\n');
  writeFileSync(
    join(dir, 'team-pack', 'words.yaml'),
    'id: team/no-kiwi\nkind: existence\ncategory: articulate\nseverity: warning\nmessage: Say "fruit", not "{{match}}".\ntokens: [kiwi]\n',
  );
  writeFileSync(
    join(dir, 'team-pack', 'index.mjs'),
    `import { writeFileSync } from 'node:fs';
writeFileSync(${JSON.stringify(marker)}, 'imported');
export default [{
  meta: { id: 'team/no-plum', category: 'articulate', severity: 'warning', docs: { description: 'No plums', why: 'x', examples: { bad: [], good: [] } } },
  check(context) {
    const at = context.prose.indexOf('plum');
    if (at >= 0) context.report({ message: 'No plums here.', start: at, end: at + 4 });
  },
}];
`,
  );
}

const codes = (diagnostics: Array<{ code: string }>) => diagnostics.map((d) => d.code).filter((code) => code.startsWith('team/')).sort();
const TEXT = 'Hi Priya,\n\nThe kiwi and the plum have shipped.\n\nThanks,\nSam\n';

beforeEach(projectWithCodePack);
afterEach(async () => {
  await client?.stop();
  client = undefined;
  cleanup();
});

describe('an untrusted workspace', () => {
  test('by default (no trustedWorkspace option, as from Neovim): YAML rules apply, pack code is not imported, the reason is given', async () => {
    client = await LspClient.start({ rootDir: dir });
    const uri = pathUri(join(dir, 'reply.md'));
    client.open(uri, TEXT);
    const diagnostics = await client.diagnostics(uri, { accept: (d) => codes(d).length > 0 });
    expect(codes(diagnostics)).toEqual(['team/no-kiwi']);
    expect(existsSync(marker)).toBe(false);

    const score = await client.notification('preach/score', (p) => p.uri === uri);
    expect(score.codeRulesPaused.reason).toBe('preach: team code rules paused — workspace not trusted');
    expect(score.codeRulesPaused.modules).toEqual([expect.stringMatching(/team-pack[\\/]index\.mjs$/)]);
    // A client that did not say whether the folder is trusted is told once, in words.
    const shown = await client.notification('window/showMessage', (p) => /code rules paused/.test(p.message));
    expect(shown.message).toContain('trustedWorkspace');
    expect(existsSync(marker)).toBe(false);
  });

  test('after trust is granted, team code rules load without a restart', async () => {
    client = await LspClient.start({ rootDir: dir, initializationOptions: { trustedWorkspace: false } });
    const uri = pathUri(join(dir, 'reply.md'));
    client.open(uri, TEXT);
    expect(codes(await client.diagnostics(uri, { accept: (d) => codes(d).length > 0 }))).toEqual(['team/no-kiwi']);
    expect(existsSync(marker)).toBe(false);
    // A client that said "not trusted" shows it in its own way (VS Code: the status bar): no pop-up.
    expect(client.notifications.some((n) => n.method === 'window/showMessage')).toBe(false);

    const since = client.published.length;
    client.notify('preach/workspaceTrust', { trusted: true });
    const after = await client.diagnostics(uri, { since, accept: (d) => codes(d).includes('team/no-plum') });
    expect(codes(after)).toEqual(['team/no-kiwi', 'team/no-plum']);
    expect(readFileSync(marker, 'utf8')).toBe('imported');
    // The score sent with the check that ran the code rule (one problem more than before).
    const score = await client.notification('preach/score', (p) => p.uri === uri && p.problems === after.length);
    expect(score.codeRulesPaused).toBeUndefined();
  });

  test('workspace settings cannot grant trust: only the client says so', async () => {
    client = await LspClient.start({ rootDir: dir, initializationOptions: { trustedWorkspace: false }, capabilities: { workspace: { configuration: true } } });
    // What a .vscode/settings.json in the folder could say under "preach".
    client.settings = { enable: true, rules: {}, configPath: '', trustedWorkspace: true };
    client.notify('workspace/didChangeConfiguration', { settings: { preach: { trustedWorkspace: true } } });
    const uri = pathUri(join(dir, 'reply.md'));
    client.open(uri, TEXT);
    expect(codes(await client.diagnostics(uri, { accept: (d) => codes(d).length > 0 }))).toEqual(['team/no-kiwi']);
    expect(existsSync(marker)).toBe(false);
  });
});

test('a trusted workspace runs the team code rules at once', async () => {
  client = await LspClient.start({ rootDir: dir, initializationOptions: { trustedWorkspace: true } });
  const uri = pathUri(join(dir, 'reply.md'));
  client.open(uri, TEXT);
  expect(codes(await client.diagnostics(uri, { accept: (d) => codes(d).length > 1 }))).toEqual(['team/no-kiwi', 'team/no-plum']);
  const score = await client.notification('preach/score', (p) => p.uri === uri);
  expect(score.codeRulesPaused).toBeUndefined();
});

test('the VS Code extension declares limited support for untrusted workspaces', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'extension', 'package.json'), 'utf8'));
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  expect(untrusted.supported).toBe('limited');
  // A setting that points at a file is taken from user settings only in Restricted Mode.
  expect(untrusted.restrictedConfigurations).toContain('preach.configPath');
  expect(untrusted.description).toMatch(/code rules/i);
});
