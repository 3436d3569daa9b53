import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { EVAL_I18N_DIR, LANGUAGES, checkEvalI18n } from '../scripts/check-eval-i18n.mjs';
import { ROOT, scratchDir } from './helpers/cli.js';

/**
 * The Thai, Korean and Chinese evaluation sets (test/fixtures/eval-i18n) are well formed, so a
 * malformed entry fails CI. This checks the labels' format only; it runs no rule.
 */

interface Counts {
  replies: number;
  good: number;
  messages: number;
}

/** A copy of the sets in a scratch folder, with one file rewritten by `edit`. */
function brokenCopy(file: string, edit: (text: string) => string): { dir: string; cleanup: () => void } {
  const scratch = scratchDir('preach-eval-i18n-');
  cpSync(EVAL_I18N_DIR, scratch.dir, { recursive: true });
  const path = join(scratch.dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return scratch;
}

describe('eval-i18n sets', () => {
  it('are well formed and hold what the contract asks of each language', () => {
    const { problems, counts } = checkEvalI18n() as { problems: string[]; counts: Record<string, Counts> };
    expect(problems).toEqual([]);
    for (const language of LANGUAGES as string[]) {
      expect(counts[language]!.replies).toBeGreaterThanOrEqual(60);
      expect(counts[language]!.good * 2).toBeGreaterThanOrEqual(counts[language]!.replies);
      expect(counts[language]!.messages).toBeGreaterThanOrEqual(40);
    }
  });

  it('names the file, line and fix for a reply with an unknown rule, a foreign language field or a reused id', () => {
    const { dir, cleanup } = brokenCopy('ko/replies.yaml', (text) =>
      text
        .replace('expect: [ko/name-honorific]', 'expect: [ko/name-honorfic]')
        .replace('- id: ko-register-banmal-alkesseo', '- id: ko-register-banmal-howto')
        .replace(/language: ko\n(\s+)situation: outage/, 'language: zh\n$1situation: outage'),
    );
    try {
      const { problems } = checkEvalI18n(dir) as { problems: string[] };
      expect(problems.some((line) => /ko\/replies\.yaml:\d+ \(ko-name-ssi-howto\): expect: "ko\/name-honorfic" is not a rule/.test(line))).toBe(true);
      expect(problems.some((line) => /ko\/replies\.yaml:\d+ \(ko-register-banmal-howto\): id "ko-register-banmal-howto" is already used/.test(line))).toBe(true);
      expect(problems.some((line) => /ko\/replies\.yaml:\d+ .*context\.language must be "ko"/.test(line))).toBe(true);
      expect(problems.filter((line) => line.includes('replies.yaml'))).toHaveLength(3);
    } finally {
      cleanup();
    }
  });

  it('reports a bad customer-message line alone and still checks the others', () => {
    const { dir, cleanup } = brokenCopy('th/customer-messages.jsonl', (text) => {
      const lines = text.split('\n');
      lines[1] = '{"key": "th-2", "text": "x", "situation": "refunds", "mood": "calm", "resolved": false}';
      lines[4] = '{not json';
      lines[6] = lines[6]!.replace('"mood": "', '"mood": "sad", "was": "');
      return lines.join('\n');
    });
    try {
      const { problems } = checkEvalI18n(dir) as { problems: string[] };
      const messageProblems = problems.filter((line) => line.includes('customer-messages.jsonl'));
      expect(messageProblems.some((line) => /th\/customer-messages\.jsonl:2: unknown situation "refunds"/.test(line))).toBe(true);
      expect(messageProblems.some((line) => /th\/customer-messages\.jsonl:5: not valid JSON/.test(line))).toBe(true);
      expect(messageProblems.some((line) => /th\/customer-messages\.jsonl:7: unknown key "was"/.test(line))).toBe(true);
      expect(messageProblems.some((line) => /th\/customer-messages\.jsonl:7: unknown mood "sad"/.test(line))).toBe(true);
      expect(messageProblems).toHaveLength(4);
    } finally {
      cleanup();
    }
  });

  it('the script prints counts per language and exits 1 on a malformed set', () => {
    const good = spawnSync(process.execPath, ['scripts/check-eval-i18n.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/^th: \d+ replies \(\d+ good/m);
    expect(good.stdout).toMatch(/^ko: \d+ replies/m);
    expect(good.stdout).toMatch(/^zh: \d+ replies/m);

    const { dir, cleanup } = brokenCopy('zh/replies.yaml', (text) => text.replace('- id: zh-ok-last-four\n', '- id: zh-ok-last-four\n  colour: red\n'));
    try {
      const bad = spawnSync(process.execPath, ['scripts/check-eval-i18n.mjs', dir], { cwd: ROOT, encoding: 'utf8' });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/zh\/replies\.yaml:\d+ \(zh-ok-last-four\): unknown key "colour"/);
      expect(bad.stderr).not.toMatch(/\n\s+at /);
    } finally {
      cleanup();
    }
  });
});
