import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileRuleSource, PreachInputError, PreachInputErrors, type Rule } from '@preach/core';

export interface LoadedPack {
  /** The spec as written in config: a path or a package name. */
  spec: string;
  dir: string;
  rules: Rule[];
  vocabulary: string[];
}

const RULE_FILE = /\.(?:ya?ml|json)$/;
const CODE_RULES = ['index.js', 'index.mjs', 'rules.js', 'rules.mjs'];

/** Resolves a pack spec (path relative to `fromDir`, or package name) to its folder. */
export function resolvePackDir(spec: string, fromDir: string, configFile: string): string {
  if (spec.startsWith('.') || isAbsolute(spec)) {
    const dir = resolve(fromDir, spec);
    if (!existsSync(dir)) throw new PreachInputError({ file: configFile, message: `pack "${spec}" not found (looked for ${dir})`, key: 'packs', hint: 'Give a folder of rule files, relative to this config file, or an installed package name.' });
    return dir;
  }
  try {
    const require = createRequire(join(fromDir, 'noop.js'));
    return dirname(require.resolve(`${spec}/package.json`));
  } catch {
    throw new PreachInputError({ file: configFile, message: `pack package "${spec}" is not installed`, key: 'packs', hint: `Install it (npm install --save-dev ${spec}) or give a path to a folder.` });
  }
}

/**
 * Loads a pack: every rule file (YAML/JSON, one rule or a `rules:` list) in the folder and its
 * `rules/` subfolder, `vocabulary.txt`, and code rules exported by index.js or the package's main.
 */
export async function loadPack(spec: string, fromDir: string, configFile: string): Promise<LoadedPack> {
  const dir = resolvePackDir(spec, fromDir, configFile);
  const files = isFile(dir) ? [dir] : ruleFilesIn(dir);
  const rules: Rule[] = [];
  const vocabulary: string[] = [];
  const problems: PreachInputError[] = [];
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    try {
      const compiled = compileRuleSource(readFileSync(file, 'utf8'), shown, { origin: spec });
      rules.push(...compiled.rules);
      vocabulary.push(...compiled.vocabulary);
    } catch (error) {
      if (error instanceof PreachInputErrors) problems.push(...error.errors);
      else if (error instanceof PreachInputError) problems.push(error);
      else throw error;
    }
  }
  if (problems.length > 0) throw new PreachInputErrors(problems);
  if (!isFile(dir)) {
    const vocabularyFile = join(dir, 'vocabulary.txt');
    if (existsSync(vocabularyFile)) vocabulary.push(...readFileSync(vocabularyFile, 'utf8').split(/\r?\n/).map((w) => w.trim()).filter((w) => w && !w.startsWith('#')));
    rules.push(...(await codeRulesIn(dir, spec)));
  }
  return { spec, dir, rules, vocabulary };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Rule files in a folder and its `rules/` subfolder (package.json and vocabulary excluded). */
export function ruleFilesIn(dir: string): string[] {
  const found: string[] = [];
  for (const folder of [dir, join(dir, 'rules')]) {
    if (!existsSync(folder) || !statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder).sort()) {
      if (!RULE_FILE.test(name) || name === 'package.json' || name === 'package-lock.json' || name.startsWith('.')) continue;
      found.push(join(folder, name));
    }
  }
  return found;
}

async function codeRulesIn(dir: string, spec: string): Promise<Rule[]> {
  let entry = CODE_RULES.map((name) => join(dir, name)).find(existsSync);
  const pkgFile = join(dir, 'package.json');
  if (!entry && existsSync(pkgFile)) {
    const main = JSON.parse(readFileSync(pkgFile, 'utf8')).main as string | undefined;
    if (main && ['.js', '.mjs', '.cjs'].includes(extname(main))) entry = join(dir, main);
  }
  if (!entry) return [];
  let loaded: unknown;
  try {
    loaded = await import(pathToFileURL(entry).href);
  } catch (error) {
    throw new PreachInputError({ file: entry, message: `code rules could not be loaded: ${(error as Error).message}`, hint: 'The module must export an array of rules made with defineRule() from @preach/core.' });
  }
  const exported = (loaded as { default?: unknown; rules?: unknown }).rules ?? (loaded as { default?: unknown }).default;
  const list = Array.isArray(exported) ? exported : exported ? [exported] : [];
  return list.map((rule, index) => {
    if (!rule || typeof rule !== 'object' || typeof (rule as Rule).check !== 'function' || !(rule as Rule).meta?.id) {
      throw new PreachInputError({ file: entry!, message: `export ${index} is not a rule`, hint: 'Export rules made with defineRule(meta, check) from @preach/core.' });
    }
    return { ...(rule as Rule), meta: { ...(rule as Rule).meta, origin: spec, file: entry } };
  });
}
