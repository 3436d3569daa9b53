import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { teamProject } from './helpers/custom-rules.js';
import { LspClient, pathUri } from './lsp-client.mjs';

/**
 * A team's rules in the editor: the real language server (`preach lsp --stdio`) on the fixture
 * project, whose config loads a pack folder and an installed pack package.
 */

let dir: string;
let cleanup: () => void;
let client: LspClient;

beforeAll(async () => {
  ({ dir, cleanup } = teamProject());
  client = await LspClient.start({ rootDir: dir });
});

afterAll(async () => {
  await client?.stop();
  cleanup();
});

const codes = (diagnostics: Array<{ code: string }>, prefix: RegExp) => diagnostics.map((d) => d.code).filter((code) => prefix.test(code)).sort();

describe('pack rules in the editor', () => {
  test('are checked as the agent types, and an edited rule file applies at once', async () => {
    const uri = pathUri(join(dir, 'reply.md'));
    client.open(uri, 'Thank you, sir. It is in the war room, next to the pipeline.\n');
    const first = await client.diagnostics(uri, { accept: (d: Array<{ code: string }>) => codes(d, /^(kit|acme)\//).length > 0 });
    expect(codes(first, /^(kit|acme)\//)).toEqual(['acme/no-sir', 'kit/jargon']);
    const jargon = first.find((d: { code: string }) => d.code === 'kit/jargon');
    expect(jargon.message).toBe('"war room" is internal; say what it means for the customer.');
    expect(jargon.codeDescription.href).toBe('https://kit.example/style#jargon');

    const ruleFile = join(dir, 'team-rules', 'jargon.yaml');
    writeFileSync(ruleFile, readFileSync(ruleFile, 'utf8').replace('tokens: [ticket queue, war room]', 'tokens: [ticket queue, war room, pipeline]'));
    const since = client.published.length;
    const after = await client.diagnostics(uri, {
      since,
      accept: (d: Array<{ code: string; message: string }>) => d.some((x) => x.message.startsWith('"pipeline"')),
    });
    expect(after.filter((d: { code: string }) => d.code === 'kit/jargon').map((d: { message: string }) => d.message)).toEqual([
      '"war room" is internal; say what it means for the customer.',
      '"pipeline" is internal; say what it means for the customer.',
    ]);
  });
});
