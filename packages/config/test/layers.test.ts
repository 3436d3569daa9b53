import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { settingsLayer } from '@preach/core';
import { loadConfigFor } from '../src/load.js';

const folder = mkdtempSync(join(tmpdir(), 'preach-layers-'));
writeFileSync(join(folder, '.preachrc.yaml'), 'extends: preach:recommended\nrules:\n  formal-word: suggestion\n');
const draft = join(folder, 'reply.md');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('loadConfigFor with layers over the config files', () => {
  it('resolves the files and the layers together, the layers last', async () => {
    const plain = await loadConfigFor(draft);
    expect(plain.config.rules.get('formal-word')?.severity).toBe('suggestion');
    const edited = await loadConfigFor(draft, { layers: [settingsLayer('editor', { 'formal-word': 'error', 'filler-words': 'off' })] });
    expect(edited.config.rules.get('formal-word')?.severity).toBe('error');
    expect(edited.config.rules.has('filler-words')).toBe(false);
    expect(edited.file).toBe(plain.file);
    expect(edited.files).toEqual(plain.files);
  });

  it('gives the same config object for the same settings, so caches keyed by it stay warm', async () => {
    const layers = () => [settingsLayer('editor', { 'formal-word': 'error' })];
    const first = await loadConfigFor(draft, { layers: layers() });
    expect((await loadConfigFor(draft, { layers: layers() })).config).toBe(first.config);
    expect((await loadConfigFor(draft, { layers: [settingsLayer('editor', { 'formal-word': 'warning' })] })).config).not.toBe(first.config);
    expect((await loadConfigFor(draft, { layers: [] })).config).toBe((await loadConfigFor(draft)).config);
  });

  it('applies to the built-in defaults when there is no config file', async () => {
    const loaded = await loadConfigFor(join(tmpdir(), 'no-config-here', 'reply.md'), { noConfig: true, layers: [settingsLayer('editor', { 'formal-word': 'off' })] });
    expect(loaded.config.rules.has('formal-word')).toBe(false);
  });
});
