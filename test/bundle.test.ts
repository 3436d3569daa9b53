import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

/**
 * What a new `preach` process loads before it knows its command (scripts/bundle.mjs): the
 * command's entry file and the chunks it imports statically. Each command's own code, the
 * engine and the rules come later, by `import()`, and only for the commands that need them.
 */

const STATIC_IMPORT = /\bimport\s*(?:[^"'()]*?\bfrom\s*)?["'](\.\/[^"']+)["']/g;

/** A bundle file and every file it imports statically, transitively. */
function loadedWith(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, path] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) visit(join(dirname(file), path!));
  };
  visit(entry);
  return [...seen];
}

describe('the command bundle', () => {
  const started = loadedWith(join(ROOT, 'packages', 'cli', 'bundle', 'preach.js')).map((file) => readFileSync(file, 'utf8'));

  it('starts without the engine, the rules, compromise or the config loader', () => {
    const code = started.join('\n');
    expect(code).toContain('function main(');
    const engine = ['function lint(', 'function compileRuleSource(', 'function recommendedRules(', 'function loadConfigFor(', 'compromise-three.cjs'];
    expect(engine.filter((name) => code.includes(name))).toEqual([]);
  });

  it('loads those when a command needs them', () => {
    const lintEntry = /import\("\.\/(lint-[\w-]+\.js)"\)/.exec(started.join('\n'))?.[1];
    expect(lintEntry).toBeDefined();
    const lint = loadedWith(join(ROOT, 'packages', 'cli', 'bundle', lintEntry!)).map((file) => readFileSync(file, 'utf8')).join('\n');
    const engine = ['function lint(', 'function recommendedRules(', 'function loadConfigFor('];
    expect(engine.filter((name) => !lint.includes(name))).toEqual([]);
  });
});

describe('preach --version', () => {
  const version = JSON.parse(readFileSync(join(ROOT, 'packages', 'cli', 'package.json'), 'utf8')).version as string;
  const bin = join(ROOT, 'packages', 'cli', 'bin', 'preach.js');

  it('prints the package version from the entry file, as the full command does', async () => {
    for (const flag of ['--version', '-v']) {
      const run = spawnSync(process.execPath, [bin, flag], { encoding: 'utf8' });
      expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
    }
    // The same flag among others goes through commander, which must agree.
    const { main } = await import(join(ROOT, 'packages', 'cli', 'bundle', 'preach.js'));
    let out = '';
    const code = await main(['node', 'preach', '--version'], { stdout: { write: (s: string) => (out += s) } });
    expect({ code, out }).toEqual({ code: 0, out: `${version}\n` });
  });
});
