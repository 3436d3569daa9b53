import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '@preach/cli';
import { recommendedRules } from '@preach/rules';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { DOCS_DIR, differences, ruleDocs } from '../scripts/gen-rule-docs.mjs';
import { ROOT, runPreach } from './helpers/cli.js';

/** The rule reference in docs/rules is generated from the rules; it must never drift from them. */

describe('rule reference (docs/rules)', () => {
  it('matches what `npm run docs` generates from the rules', async () => {
    const pages: Map<string, string> = await ruleDocs();
    const { changed, stale } = differences(pages);
    expect(changed, `out of date: ${changed.join(', ')}; run npm run docs and commit docs/rules`).toEqual([]);
    expect(stale, `pages for rules that no longer exist: ${stale.join(', ')}`).toEqual([]);
  });

  it('has a page for every built-in rule and an index that links each one under its PREACH letter', async () => {
    const pages: Map<string, string> = await ruleDocs();
    const index = pages.get('README.md')!;
    for (const rule of recommendedRules()) {
      expect(pages.has(`${rule.meta.id}.md`)).toBe(true);
      expect(index).toContain(`[${rule.meta.id}](${rule.meta.id}.md)`);
    }
    expect(index).toMatch(/## P · Proud[\s\S]*## R · Responsible[\s\S]*## E · Empathetic[\s\S]*## A · Articulate[\s\S]*## C · Concise[\s\S]*## H · Human/);
  });

  it('the generator in --check mode fails on a page edited by hand', async () => {
    const { spawnSync } = await import('node:child_process');
    const script = join(import.meta.dirname, '..', 'scripts', 'gen-rule-docs.mjs');
    const clean = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(clean.status, clean.stderr).toBe(0);
    const pages: Map<string, string> = await ruleDocs();
    const edited = new Map(pages);
    edited.set('formal-word.md', `${pages.get('formal-word.md')}\nEdited by hand.\n`);
    expect(differences(edited).changed).toEqual(['formal-word.md']);
  });
});

describe('preach explain', () => {
  const ids = recommendedRules().map((rule) => rule.meta.id);

  /** The CLI's own entry point in-process (the binary is `main(process.argv)`), output captured. */
  async function explain(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const sink = (append: (text: string) => void) => ({ write: (chunk: string) => (append(String(chunk)), true) }) as unknown as NodeJS.WritableStream;
    const code = await main(['node', 'preach', 'explain', ...args], { stdout: sink((t) => (stdout += t)), stderr: sink((t) => (stderr += t)), cwd: ROOT });
    return { code, stdout, stderr };
  }

  it('exits 0 for every built-in rule, and --format markdown prints the docs page', async () => {
    for (const id of ids) {
      const text = await explain([id, '--no-color']);
      expect(text.code, `${id}: ${text.stderr}`).toBe(0);
      expect(text.stdout).toContain(id);
      const markdown = await explain([id, '--format', 'markdown']);
      expect(markdown.stdout, `docs/rules/${id}.md is stale; run npm run docs`).toBe(readFileSync(join(DOCS_DIR, `${id}.md`), 'utf8'));
    }
  });

  it('works through the installed binary', async () => {
    const run = await runPreach(['explain', 'name-mismatch']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('name-mismatch');
    expect(run.stdout).toContain('Why:');
    expect(run.stderr).toBe('');
  });

  it('exits 2 with a suggestion for an unknown rule', async () => {
    const run = await runPreach(['explain', 'name-mising']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('name-missing');
  });
});
