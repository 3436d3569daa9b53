import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  ajv,
  configSchema,
  parseYamlSource,
  PreachInputError,
  PreachInputErrors,
  resolveConfig,
  validateLocated,
  type ConfigLayer,
  type LocatedValue,
  type PreachConfig,
  type ResolveInput,
  type ResolvedConfig,
  type Rule,
} from '@preach/core';
import { RECOMMENDED, recommendedRules } from '@preach/rules';
import { findConfigFile } from './find.js';
import { loadPack } from './packs.js';

let validateConfig: ValidateFunction | undefined;

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The nearest config file, or undefined when built-in defaults are used. */
  file?: string;
  /** Every file that contributed (presets, the config itself), for watching. */
  files: string[];
  /** Settings outside the engine, merged across layers (`agents`, `csv`). */
  settings: Pick<PreachConfig, 'agents' | 'csv' | 'report'>;
  /** Packs' code modules that were found but not imported (`loadCode: false`), as shown to people. */
  skippedCode: string[];
  /** What still works but should change in the config files (a renamed option), with file, line and key. */
  warnings: readonly PreachInputError[];
}

export interface LoadConfigOptions {
  /** Use this config file instead of searching. */
  configFile?: string;
  /** Ignore config files; use `preach:recommended` only. */
  noConfig?: boolean;
  /**
   * Import packs' JavaScript (code rules). Default true: the CLI is run deliberately. The editor
   * passes false until the user trusts the workspace; config, presets and rule files still load.
   */
  loadCode?: boolean;
  /** Layers over the config files, resolved with them (the editor's rule settings: core's `settingsLayer`). */
  layers?: readonly ConfigLayer[];
}

const cache = new Map<string, { stamp: string; loaded: Promise<LoadedConfig> }>();

/**
 * The config for a draft at `path`: the nearest `.preachrc.*` (or package.json `preach` key)
 * with its presets and packs, or `preach:recommended` when there is none. Cached until a
 * contributing file changes.
 */
export async function loadConfigFor(path: string, options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const loaded = await loadFiles(path, options);
  return options.layers?.length ? withLayers(loaded, options.layers) : loaded;
}

async function loadFiles(path: string, options: LoadConfigOptions): Promise<LoadedConfig> {
  if (options.noConfig) return defaultConfig();
  const file = options.configFile ? resolve(options.configFile) : findConfigFile(path);
  if (!file) return defaultConfig();
  if (!existsSync(file)) throw new PreachInputError({ file: options.configFile ?? file, message: 'config file not found', hint: 'Check the path given to --config.' });
  const loadCode = options.loadCode !== false;
  // A config loaded without its code must not be served to a caller that wants the code, nor the reverse.
  const key = `${loadCode ? 'code' : 'no-code'}:${file}`;
  const cached = cache.get(key);
  if (cached && cached.stamp === (await cached.loaded.then((l) => stamp(l.files)).catch(() => ''))) return cached.loaded;
  const loaded = loadConfigFile(file, loadCode);
  cache.set(key, { stamp: '', loaded });
  loaded.then((l) => cache.set(key, { stamp: stamp(l.files), loaded })).catch(() => cache.delete(key));
  return loaded;
}

export function clearConfigCache(): void {
  cache.clear();
}

/** What each loaded config was resolved from, to resolve it again with more layers. */
const inputs = new WeakMap<LoadedConfig, ResolveInput>();
/** Per loaded config, the same config with extra layers, by the layers' content: one object per settings, so hosts' caches keyed by the config stay warm. */
const layered = new WeakMap<LoadedConfig, Map<string, LoadedConfig>>();

function resolved(input: ResolveInput, loaded: Omit<LoadedConfig, 'config' | 'warnings'>): LoadedConfig {
  const config = resolveConfig(input);
  const result: LoadedConfig = { ...loaded, config, warnings: config.warnings };
  inputs.set(result, input);
  return result;
}

function withLayers(loaded: LoadedConfig, layers: readonly ConfigLayer[]): LoadedConfig {
  const key = JSON.stringify(layers.map((layer) => [layer.file, layer.config, Boolean(layer.ignoreUnknownRules)]));
  let byKey = layered.get(loaded);
  if (!byKey) layered.set(loaded, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;
  const input = inputs.get(loaded)!;
  const result = resolved({ ...input, layers: [...input.layers, ...layers] }, loaded);
  byKey.set(key, result);
  return result;
}

let defaults: LoadedConfig | undefined;

/** `preach:recommended` with nothing else. */
export function defaultConfig(): LoadedConfig {
  defaults ??= resolved({ rules: recommendedRules(), enabled: new Set(recommendedRules().map((r) => r.meta.id)), layers: [] }, { files: [], settings: {}, skippedCode: [] });
  return defaults;
}

function stamp(files: string[]): string {
  return files.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)).join(',');
}

/** Reads and validates one config file (no presets expanded). */
export function readConfigFile(file: string): { config: PreachConfig; located: LocatedValue } {
  const shown = relative(process.cwd(), file) || file;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PreachInputError({ file: shown, message: `cannot read config file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
  }
  let located = parseYamlSource(source, shown);
  if (basename(file) === 'package.json') {
    const value = (located.value as Record<string, unknown>).preach;
    const outer = located;
    located = { value, file: shown, locate: (path) => outer.locate(['preach', ...path]) };
  }
  if (located.value === null || located.value === undefined) located = { ...located, value: {} };
  // A key left empty (`rules:` with every entry commented out) means "nothing here", as in ESLint.
  if (typeof located.value === 'object' && !Array.isArray(located.value)) {
    located.value = Object.fromEntries(Object.entries(located.value as Record<string, unknown>).filter(([, v]) => v !== null));
  }
  const errors = validateLocated((validateConfig ??= ajv.compile(configSchema)), located);
  if (errors.length > 0) throw new PreachInputErrors(errors);
  return { config: located.value as PreachConfig, located };
}

async function loadConfigFile(file: string, loadCode: boolean): Promise<LoadedConfig> {
  const layers: ConfigLayer[] = [];
  const skippedCode: string[] = [];
  const files: string[] = [];
  const packRules: Rule[] = [];
  const vocabulary: string[] = [];
  const enabled = new Set<string>();
  let usesRecommended = false;
  const seen = new Set<string>();

  const visit = async (path: string, trail: string[]): Promise<void> => {
    if (seen.has(path)) {
      if (trail.includes(path)) throw new PreachInputError({ file: relative(process.cwd(), path) || path, key: 'extends', message: `extends itself in a loop: ${[...trail, path].map((p) => basename(p)).join(' → ')}` });
      return;
    }
    seen.add(path);
    files.push(path);
    const { config, located } = readConfigFile(path);
    const dir = dirname(path);
    const extendsList = toList(config.extends);
    for (const [index, spec] of extendsList.entries()) {
      if (spec === RECOMMENDED) {
        usesRecommended = true;
        continue;
      }
      const target = resolvePreset(spec, dir, located, index, Array.isArray(config.extends));
      await visit(target, [...trail, path]);
    }
    for (const [index, spec] of toList(config.packs).entries()) {
      try {
        const pack = await loadPack(spec, dir, located.file, { loadCode });
        if (pack.skippedCode) skippedCode.push(pack.skippedCode);
        for (const rule of pack.rules) {
          packRules.push(rule);
          enabled.add(rule.meta.id);
        }
        // Not spread into push(): a vocabulary of any length must load (spreading overflows the stack).
        for (const word of pack.vocabulary) vocabulary.push(word);
        files.push(...pack.sources);
      } catch (error) {
        if (error instanceof PreachInputError && error.file === located.file) {
          const where = located.locate(Array.isArray(config.packs) ? ['packs', index] : ['packs']);
          throw new PreachInputError({ file: error.file, ...where, key: error.key, message: error.message, hint: error.hint });
        }
        throw error;
      }
    }
    layers.push({ config, located, file: located.file });
  };
  await visit(file, []);

  const builtIn = recommendedRules();
  if (usesRecommended) for (const rule of builtIn) enabled.add(rule.meta.id);
  const rules = mergeRules(builtIn, packRules);
  const settings: LoadedConfig['settings'] = {};
  for (const layer of layers) {
    if (layer.config.agents) {
      // Names and aliases add up across files; a nearer file's entry wins for the same key.
      const { names, aliases, ...rest } = layer.config.agents;
      settings.agents = { ...settings.agents, ...rest };
      if (names) settings.agents.names = { ...settings.agents.names, ...names };
      if (aliases) settings.agents.aliases = { ...settings.agents.aliases, ...aliases };
    }
    if (layer.config.csv) settings.csv = { ...settings.csv, ...layer.config.csv };
    if (layer.config.report) settings.report = { ...settings.report, ...layer.config.report };
  }
  return resolved({ rules, enabled, layers, vocabulary }, { file, files, settings, skippedCode });
}

/** Pack rules with a built-in id replace the built-in (a team's own version of a rule). */
function mergeRules(builtIn: Rule[], packRules: Rule[]): Rule[] {
  const byId = new Map<string, Rule>();
  for (const rule of [...builtIn, ...packRules]) byId.set(rule.meta.id, rule);
  return [...byId.values()];
}

function resolvePreset(spec: string, dir: string, located: LocatedValue, index: number, isList: boolean): string {
  const where = located.locate(isList ? ['extends', index] : ['extends']);
  if (spec.startsWith('.') || isAbsolute(spec)) {
    const target = resolve(dir, spec);
    if (!existsSync(target)) throw new PreachInputError({ file: located.file, ...where, key: 'extends', message: `preset "${spec}" not found`, hint: `Looked for ${target}.` });
    return target;
  }
  if (spec.startsWith('preach:')) {
    throw new PreachInputError({ file: located.file, ...where, key: 'extends', message: `unknown built-in preset "${spec}"`, hint: `The built-in preset is "${RECOMMENDED}".` });
  }
  try {
    const require = createRequire(join(dir, 'noop.js'));
    const pkgDir = dirname(require.resolve(`${spec}/package.json`));
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    if (pkg.preach) return join(pkgDir, 'package.json');
    const candidates = [pkg.main, '.preachrc.yaml', '.preachrc.yml', '.preachrc.json', 'preach.yaml', 'index.yaml'].filter(Boolean).map((name: string) => join(pkgDir, name));
    const found = candidates.find((c) => /\.(ya?ml|json)$/.test(c) && existsSync(c));
    if (found) return found;
    throw new Error('no config file in package');
  } catch (error) {
    throw new PreachInputError({
      file: located.file,
      ...where,
      key: 'extends',
      message: `preset package "${spec}" ${(error as Error).message === 'no config file in package' ? 'has no preach config (a "preach" key in package.json or a .preachrc.yaml)' : 'is not installed'}`,
      hint: `Install it (npm install --save-dev ${spec}) or give a path starting with "./".`,
    });
  }
}

function toList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
