import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonFileResult, JsonMessage } from '@preach/cli';
import { stringify } from 'yaml';
import { ROOT, runPreach, scratchDir } from './cli.js';

export const FIXTURES = join(ROOT, 'test', 'fixtures', 'custom-rules');

/**
 * A copy of the fixture team project in a scratch folder, with the fixture pack package
 * installed in its node_modules (as `npm install @acme/preach-rules` would) and @preach/core
 * resolvable from there, as it is in a project that installed @preach/cli.
 */
export function teamProject(): { dir: string; cleanup: () => void } {
  const scratch = scratchDir('preach-custom-rules-');
  cpSync(join(FIXTURES, 'project'), scratch.dir, { recursive: true });
  installPackage(scratch.dir, '@acme/preach-rules', join(FIXTURES, 'acme-preach-rules'));
  mkdirSync(join(scratch.dir, 'node_modules', '@preach'), { recursive: true });
  symlinkSync(join(ROOT, 'packages', 'core'), join(scratch.dir, 'node_modules', '@preach', 'core'), 'dir');
  return scratch;
}

export function installPackage(projectDir: string, name: string, source: string): void {
  const target = join(projectDir, 'node_modules', ...name.split('/'));
  mkdirSync(join(target, '..'), { recursive: true });
  cpSync(source, target, { recursive: true });
}

export type { JsonMessage } from '@preach/cli';
/** One file of `preach lint --format json`, as the tests read it (a file that could be checked). */
export type JsonResult = JsonFileResult & { score: number; situation: NonNullable<JsonFileResult['situation']> };

/** `preach lint --format json` of one draft given on standard input, with context flags. */
export async function lintJson(cwd: string, text: string, flags: string[] = []): Promise<JsonResult> {
  const run = await runPreach(['lint', '--format', 'json', '--stdin-filename', 'draft.md', ...flags, '-'], { cwd, input: text });
  if (run.stderr.trim()) throw new Error(`preach lint wrote to stderr:\n${run.stderr}`);
  return (JSON.parse(run.stdout) as JsonResult[])[0]!;
}

/** The messages of rules whose id starts with `prefix`. */
export function messagesOf(result: JsonResult, prefix: string): JsonMessage[] {
  return result.messages.filter((m) => m.ruleId.startsWith(prefix));
}

export interface Draft {
  text: string;
  /** Front matter: customer_name, customer_message, situation, channel, agent_name, tags. */
  context?: Record<string, string | string[]>;
}

let batch = 0;

/**
 * Lints many drafts in one `preach lint` run (a process per draft would take minutes): each draft
 * is a file whose front matter carries its conversation context. Lines in the results are
 * counted from the first line after the front matter, as in the draft's own text.
 */
export async function lintDrafts(cwd: string, drafts: Record<string, Draft>): Promise<Record<string, JsonResult>> {
  const folder = `drafts-${++batch}`;
  const frontMatterLines: Record<string, number> = {};
  for (const [name, draft] of Object.entries(drafts)) {
    const header = draft.context ? `---\n${stringify(draft.context)}---\n` : '';
    frontMatterLines[`${folder}/${name}.md`] = header.split('\n').length - 1;
    mkdirSync(join(cwd, folder), { recursive: true });
    writeFileSync(join(cwd, folder, `${name}.md`), header + draft.text);
  }
  const run = await runPreach(['lint', '--format', 'json', folder], { cwd });
  if (run.stderr.trim()) throw new Error(`preach lint wrote to stderr:\n${run.stderr}`);
  const results: Record<string, JsonResult> = {};
  for (const result of JSON.parse(run.stdout) as JsonResult[]) {
    const shift = frontMatterLines[result.file] ?? 0;
    for (const message of result.messages) {
      message.line -= shift;
      message.endLine -= shift;
    }
    results[result.file.slice(folder.length + 1, -'.md'.length)] = result;
  }
  return results;
}
