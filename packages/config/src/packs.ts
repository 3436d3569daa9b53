import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileRuleSource, PreachInputError, PreachInputErrors, type Rule } from '@preach/core';
import { codeRuleProblem } from './code-rules.js';
import { importModule } from './import-module.js';

export interface LoadedPack {
  /** The spec as written in config: a path or a package name. */
  spec: string;
  dir: string;
  rules: Rule[];
  vocabulary: string[];
  /** How many rule files were read. */
  files: number;
  /** Every file the pack was read from (rule files, vocabulary, code), so a change reloads it. */
  sources: string[];
  /** The code module the pack has but that was not imported (`loadCode: false`), as shown to people. */
  skippedCode?: string;
}

export interface LoadPackOptions {
  /**
   * Import the pack's JavaScript (code rules). Default true. False in a workspace the user has
   * not trusted: the module is found and named, never imported; rule files and vocabulary load.
   */
  loadCode?: boolean;
}

const RULE_FILE = /\.(?:ya?ml|json)$/;
/** Code rule entry points, in the order they are looked for (then package.json `main`). */
const CODE_RULES = ['index.js', 'index.mjs', 'rules.js', 'rules.mjs', 'index.ts', 'rules.ts'];
const CODE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts'];

/**
 * Resolves a pack spec to its folder (or single rule file): a path relative to `fromDir`, or an
 * installed package name. A bare name that is not installed but names a folder next to the
 * config (`packs: [team-rules]`) is taken as that folder, as people expect.
 */
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
    const local = resolve(fromDir, spec);
    if (existsSync(local)) return local;
    throw new PreachInputError({ file: configFile, message: `pack package "${spec}" is not installed`, key: 'packs', hint: `Install it (npm install --save-dev ${spec}) or give a path to a folder, starting with "./".` });
  }
}

/**
 * Loads a pack: every rule file (YAML/JSON, one rule or a `rules:` list) in the folder and its
 * `rules/` subfolder, `vocabulary.txt`, and code rules exported by index.js or the package's main.
 * Every bad file is reported, not just the first.
 */
export async function loadPack(spec: string, fromDir: string, configFile: string, options: LoadPackOptions = {}): Promise<LoadedPack> {
  const dir = resolvePackDir(spec, fromDir, configFile);
  const files = isFile(dir) ? [dir] : ruleFilesIn(dir);
  const rules: Rule[] = [];
  const vocabulary: string[] = [];
  const problems: PreachInputError[] = [];
  const definedAt = new Map<string, string>();
  for (const file of files) {
    const shown = displayPath(file);
    try {
      const compiled = compileRuleSource(readFileSync(file, 'utf8'), shown, { origin: spec });
      compiled.rules.forEach((rule, index) => {
        const where = `${shown}:${compiled.lines[index]}`;
        const first = definedAt.get(rule.meta.id);
        if (first) {
          problems.push(new PreachInputError({ file: shown, line: compiled.lines[index], key: 'id', message: `"${rule.meta.id}" is already defined in ${first}`, hint: 'Each rule in a pack needs its own id.' }));
          return;
        }
        definedAt.set(rule.meta.id, where);
        rules.push(rule);
      });
      for (const word of compiled.vocabulary) vocabulary.push(word);
    } catch (error) {
      if (error instanceof PreachInputErrors) problems.push(...error.errors);
      else if (error instanceof PreachInputError) problems.push(error);
      else throw error;
    }
  }
  const sources = [...files];
  let skippedCode: string | undefined;
  if (!isFile(dir)) {
    const vocabularyFile = join(dir, 'vocabulary.txt');
    if (existsSync(vocabularyFile)) {
      // One word at a time: spreading a list of 100,000+ words into push() overflows the call stack.
      for (const word of readVocabulary(vocabularyFile)) vocabulary.push(word);
      sources.push(vocabularyFile);
    }
    try {
      const entry = codeEntryIn(dir);
      if (entry) sources.push(entry);
      if (entry && options.loadCode === false) skippedCode = displayPath(entry);
      else if (entry) {
        for (const rule of await codeRulesIn(entry, spec)) {
          const first = definedAt.get(rule.meta.id);
          if (first) problems.push(new PreachInputError({ file: rule.meta.file!, key: 'id', message: `"${rule.meta.id}" is already defined in ${first}`, hint: 'Each rule in a pack needs its own id.' }));
          else rules.push(rule);
        }
      }
    } catch (error) {
      if (error instanceof PreachInputError) problems.push(error);
      else throw error;
    }
  }
  if (problems.length > 0) throw new PreachInputErrors(problems);
  return { spec, dir, rules, vocabulary, files: files.length, sources, ...(skippedCode ? { skippedCode } : {}) };
}

/** One word or phrase a line; blank lines and `#` comments are skipped. */
export function readVocabulary(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** `file` relative to `folder` when it lies inside it; undefined when it does not. */
export function pathInside(folder: string, file: string): string | undefined {
  const shown = relative(folder, file);
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : undefined;
}

/** A path as people read it: relative to where they are, unless that climbs out of it. */
export function displayPath(file: string): string {
  return pathInside(process.cwd(), file) ?? file;
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
      if (!RULE_FILE.test(name) || /^(?:package(?:-lock)?|tsconfig|jsconfig)\.json$/.test(name) || name.startsWith('.')) continue;
      found.push(join(folder, name));
    }
  }
  return found;
}

/** The pack's code module (index.js, rules.js, … or package.json `main`), found without running it. */
function codeEntryIn(dir: string): string | undefined {
  const entry = CODE_RULES.map((name) => join(dir, name)).find(existsSync);
  if (entry) return entry;
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(pkgFile)) return undefined;
  let main: unknown;
  try {
    main = JSON.parse(readFileSync(pkgFile, 'utf8')).main;
  } catch (error) {
    throw new PreachInputError({ file: displayPath(pkgFile), message: `cannot read the pack's package.json: ${(error as Error).message.split('\n')[0]}` });
  }
  return typeof main === 'string' && CODE_EXTENSIONS.includes(extname(main)) && existsSync(join(dir, main)) ? join(dir, main) : undefined;
}

async function codeRulesIn(entry: string, spec: string): Promise<Rule[]> {
  const shown = displayPath(entry);
  let loaded: unknown;
  try {
    // The modification time in the URL makes an edited module load afresh (the editor reloads
    // packs when their files change; Node would otherwise return the first version forever).
    loaded = await importModule(`${pathToFileURL(entry).href}?mtime=${statSync(entry).mtimeMs}`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint =
      code === 'ERR_UNKNOWN_FILE_EXTENSION'
        ? 'This Node.js cannot run TypeScript directly: compile the rules to JavaScript (tsc or esbuild) and point package.json "main" at the .js file.'
        : 'The module must export an array of rules made with defineRule() from @preach/core (default export or `export const rules`).';
    throw new PreachInputError({ file: shown, message: `code rules could not be loaded: ${(error as Error).message.split('\n')[0]}`, hint });
  }
  const exported = (loaded as { rules?: unknown }).rules ?? (loaded as { default?: unknown }).default;
  const list = Array.isArray(exported) ? exported : exported ? [exported] : [];
  const rules = list.map((rule, index) => {
    const problem = codeRuleProblem(rule);
    if (problem) {
      throw new PreachInputError({ file: shown, key: `export ${index}${(rule as Rule)?.meta?.id ? ` (${(rule as Rule).meta.id})` : ''}`, message: problem, hint: 'Export rules made with defineRule(meta, check) from @preach/core.' });
    }
    // JavaScript authors may leave out what TypeScript would have insisted on.
    const meta = (rule as Rule).meta as Partial<Rule['meta']> & Pick<Rule['meta'], 'id' | 'category'>;
    const examples = { bad: meta.docs?.examples?.bad ?? [], good: meta.docs?.examples?.good ?? [] };
    const docs = { description: meta.docs?.description ?? '', why: meta.docs?.why ?? '', examples };
    return { ...(rule as Rule), meta: { ...meta, kind: meta.kind ?? 'code', fixable: meta.fixable ?? false, severity: meta.severity ?? 'warning', docs, origin: spec, file: shown } };
  });
  return rules;
}
