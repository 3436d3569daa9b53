import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPreach, scratchDir } from './helpers/cli.js';
import { LspClient, pathUri } from './lsp-client.mjs';

// Rule options are snake_case; the camelCase names they had still work, with one warning that
// names the file, line and key.

const { dir, cleanup } = scratchDir();
afterAll(cleanup);

describe('renamed rule options', () => {
  it('still work under their old names, warned once per run with file, line and key', async () => {
    writeFileSync(
      join(dir, '.preachrc.yaml'),
      ['root: true', 'extends: [preach:recommended]', 'rules:', '  internal-jargon: [warning, {extraTerms: [ticket]}]', '  name-missing:', '    options: { minWords: 50 }', ''].join('\n'),
    );
    // Two drafts under the same config: the options apply to both, the warnings are said once.
    const draft = 'Your ticket is with the billing team, and they will reply by 3 pm today with the refund details.';
    writeFileSync(join(dir, 'a.md'), draft);
    writeFileSync(join(dir, 'b.md'), draft);
    const run = await runPreach(['lint', 'a.md', 'b.md', '--format', 'json'], { cwd: dir });
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      'warning: .preachrc.yaml:4:31: rules.internal-jargon.options.extraTerms: is now called "extra_terms"; the old name still works for now',
      '  Rename it: extra_terms.',
      'warning: .preachrc.yaml:6:16: rules.name-missing.options.minWords: is now called "min_words"; the old name still works for now',
      '  Rename it: min_words.',
    ]);
    const results = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string }> }>;
    expect(results).toHaveLength(2);
    for (const result of results) {
      const ids = result.messages.map((m) => m.ruleId);
      expect(ids).toContain('internal-jargon'); // "ticket", from extraTerms
      expect(ids).not.toContain('name-missing'); // shorter than minWords: 50
    }
  });

  it('say nothing under their current names', async () => {
    writeFileSync(join(dir, '.preachrc.yaml'), 'root: true\nextends: [preach:recommended]\nrules:\n  filler-words: [suggestion, {per_sentence: 2}]\n');
    const run = await runPreach(['lint', '-'], { input: 'I just really think the export works now.', cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('filler-words');
  });
});

describe('renamed rule options in the editor', () => {
  it('apply, and the language server says so once for every draft under the config', async () => {
    const folder = join(dir, 'editor');
    mkdirSync(folder);
    writeFileSync(join(folder, '.preachrc.yaml'), 'root: true\nextends: [preach:recommended]\nrules:\n  internal-jargon: [warning, {extraTerms: [ticket]}]\n');
    const client = await LspClient.start({ rootDir: folder });
    try {
      for (const name of ['a.md', 'b.md']) {
        const uri = pathUri(join(folder, name));
        client.open(uri, 'Your ticket is with the billing team.');
        const diagnostics = await client.diagnostics(uri, { accept: (d: Array<{ code: string }>) => d.some((x) => x.code === 'internal-jargon') });
        expect(diagnostics.map((d: { code: string }) => d.code)).toContain('internal-jargon');
      }
      const shown = client.notifications.filter((n: { method: string; params: { message: string } }) => n.method === 'window/showMessage' && n.params.message.includes('extraTerms'));
      expect(shown.map((n: { params: { message: string } }) => n.params.message)).toEqual([
        'preach: .preachrc.yaml:4:31: rules.internal-jargon.options.extraTerms: is now called "extra_terms"; the old name still works for now\n  Rename it: extra_terms.',
      ]);
    } finally {
      await client.stop();
    }
  });
});
