import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '@preach/core';
import { loadConfigFor } from '@preach/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from './helpers/cli.js';

/**
 * The editor keeps its config loaded between keystrokes; when a lead edits a pack's rule file,
 * or its code rules, the next check must use the new version.
 */

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = scratchDir('preach-pack-reload-'));
  mkdirSync(join(dir, 'team'));
  writeFileSync(join(dir, '.preachrc.yaml'), 'root: true\npacks: [./team]\n');
});
afterAll(() => cleanup());

/** Writes a file and moves its modification time on, as a save a second later would. */
function save(path: string, content: string, secondsLater: number): void {
  writeFileSync(path, content);
  const time = new Date(Date.now() + secondsLater * 1000);
  utimesSync(path, time, time);
}

const rule = (token: string) => `id: team/word\nkind: existence\ncategory: human\nmessage: 'no "{{match}}"'\ntokens: [${token}]\n`;
const codeRule = (word: string) =>
  `import { defineRule } from '@preach/core';\nexport default [defineRule({ id: 'team/code', category: 'human', severity: 'warning', fixable: false, docs: { description: 'x', why: 'x', examples: { bad: [], good: [] } } }, (context) => { const at = context.prose.indexOf('${word}'); if (at >= 0) context.report({ message: 'code: ${word}', start: at, end: at + ${word.length} }); })];\n`;

describe('pack reload', () => {
  it('a changed rule file or code rule is used at the next load', async () => {
    const draft = join(dir, 'draft.md');
    save(join(dir, 'team', 'word.yaml'), rule('kiwi'), 0);
    save(join(dir, 'team', 'index.mjs'), codeRule('plum'), 0);
    let { config, files } = await loadConfigFor(draft);
    expect(files).toEqual(expect.arrayContaining([join(dir, 'team', 'word.yaml'), join(dir, 'team', 'index.mjs')]));
    expect(lint('kiwi mango plum', {}, config).messages.map((m) => m.reason)).toEqual(['no "kiwi"', 'code: plum']);

    save(join(dir, 'team', 'word.yaml'), rule('mango'), 5);
    save(join(dir, 'team', 'index.mjs'), codeRule('kiwi'), 5);
    ({ config } = await loadConfigFor(draft));
    expect(lint('kiwi mango plum', {}, config).messages.map((m) => m.reason)).toEqual(['code: kiwi', 'no "mango"']);
  });
});
