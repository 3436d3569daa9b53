import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { loadConfigFor } from '@preach/config';
import { limitsLayer, type ResolvedConfig } from '@preach/core';
import type { ScoreSetup } from '../setup.js';

/** A file the config was made from, as it travels with a run. */
export interface BundledFile {
  /** Where it sits relative to the bundle's root (the folder above every file), with `/`. */
  path: string;
  sha256: string;
  /** A data file (config, preset, rule file, vocabulary) travels whole. */
  content?: string;
  /**
   * A code pack's module never travels: nothing read from the queue runs as code. A worker
   * runs its own copy, found at this path from the folder it was started in, and only when
   * its bytes match `sha256`.
   */
  local?: string;
}

/** The config of a run: what every worker loads before it scores one conversation of it. */
export interface ConfigBundle {
  /** The preach version of the producer; a worker of another version refuses the run. */
  preach: string;
  /** The config file among `files`, or none for `preach:recommended` alone. */
  configPath?: string;
  signature?: string;
  limits?: ScoreSetup['limits'];
  files: BundledFile[];
  /** A hash of the rules, their settings and the limits as loaded: the same on every worker, or it refuses. */
  fingerprint: string;
}

const CODE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts']);

/** A worker that cannot load a run's config exactly as the producer did. */
export class ConfigMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigMismatch';
  }
}

/**
 * Packs the config the producer scores with: every file it was read from (the config, presets,
 * packs' rule files and vocabularies; code modules by hash only), the flags that change scoring,
 * and a fingerprint of the rules as loaded.
 */
export async function bundleConfig(setup: ScoreSetup, preach: string): Promise<ConfigBundle> {
  const loaded = await loadConfigFor(setup.lookup, { configFile: setup.configFile, noConfig: setup.noConfig, layers: limitsLayer(setup.limits ?? {}) });
  const config = loaded.config;
  const root = commonFolder([setup.lookup, ...loaded.files.map((file) => dirname(file))]);
  const files = [...new Set([...loaded.files, ...packageManifests(loaded.files)])].map((file): BundledFile => {
    const bytes = readFileSync(file);
    const path = toPosix(relative(root, file));
    const sha256 = hash(bytes);
    return CODE_EXTENSIONS.has(extname(file)) ? { path, sha256, local: toPosix(relative(setup.lookup, file)) } : { path, sha256, content: bytes.toString('utf8') };
  });
  return {
    preach,
    ...(loaded.file ? { configPath: toPosix(relative(root, loaded.file)) } : {}),
    ...(setup.signature !== undefined ? { signature: setup.signature } : {}),
    ...(setup.limits && Object.keys(setup.limits).length ? { limits: setup.limits } : {}),
    files,
    fingerprint: configFingerprint(config, setup.signature, preach),
  };
}

/** A run's config laid out on this machine, ready for the scoring threads. */
export interface UnpackedConfig {
  setup: ScoreSetup;
  remove(): void;
}

/**
 * Lays a run's config out in a folder of its own under the system's temporary folder: data files
 * as they travelled, code modules as links to this machine's own copies when their bytes match.
 * Then loads it and checks the fingerprint. Throws ConfigMismatch, naming what differs, when this
 * machine cannot reproduce the config (a code pack absent or changed, another preach version).
 */
export async function unpackConfig(bundle: ConfigBundle, options: { cwd: string; preach: string }): Promise<UnpackedConfig> {
  if (bundle.preach !== options.preach) throw new ConfigMismatch(`the run was made by preach ${bundle.preach} and this worker is preach ${options.preach}; run the same version on every machine`);
  for (const file of bundle.files) if (!safeRelative(file.path)) throw new ConfigMismatch(`the run's config names a file outside its own folder (${file.path}); it was not made by preach score`);
  for (const file of bundle.files) {
    if (file.content !== undefined) {
      if (hash(Buffer.from(file.content, 'utf8')) !== file.sha256) throw new ConfigMismatch(`the run's copy of ${file.path} does not match its hash`);
      continue;
    }
    const mine = resolve(options.cwd, file.local ?? file.path);
    if (!existsSync(mine)) throw new ConfigMismatch(`the run's config uses the code pack module ${file.local ?? file.path}, which is not on this machine (looked for ${mine}); install the same packs on every worker, in the folder the worker is started from`);
    if (hash(readFileSync(mine)) !== file.sha256) throw new ConfigMismatch(`this machine's ${file.local ?? file.path} differs from the producer's; install the same version of the pack on every worker`);
  }
  const folder = mkdtempSync(join(tmpdir(), 'preach-run-'));
  const remove = () => rmSync(folder, { recursive: true, force: true });
  try {
    for (const file of bundle.files) {
      const target = join(folder, ...file.path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      if (file.content !== undefined) writeFileSync(target, file.content);
      // A link, so the module's own imports resolve from where it is installed here.
      else symlinkSync(resolve(options.cwd, file.local ?? file.path), target);
    }
    const setup: ScoreSetup = {
      lookup: folder,
      ...(bundle.configPath ? { configFile: join(folder, ...bundle.configPath.split('/')) } : { noConfig: true }),
      ...(bundle.signature !== undefined ? { signature: bundle.signature } : {}),
      ...(bundle.limits ? { limits: bundle.limits } : {}),
    };
    const loaded = await loadConfigFor(setup.lookup, { configFile: setup.configFile, noConfig: setup.noConfig, layers: limitsLayer(setup.limits ?? {}) });
    const fingerprint = configFingerprint(loaded.config, setup.signature, options.preach);
    if (fingerprint !== bundle.fingerprint) throw new ConfigMismatch("the rules loaded here from the run's config differ from the producer's (built-in rules or a pack's code differ); run the same preach and packs on every machine");
    return { setup, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/**
 * What decides a score, hashed: every rule (its metadata and code), the settings each is on with,
 * the vocabulary, situations, scoring weights, limits and the sign-off pattern. Where a file was
 * read from is left out: the same config read from another folder scores the same.
 */
export function configFingerprint(config: ResolvedConfig, signature: string | undefined, preach: string): string {
  const rules = [...config.allRules.values()].map((rule) => [rule.meta.id, stable(rule.meta), String(rule.check)]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  const settings = [...config.rules.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, setting]) => [id, stable(setting)]);
  const digest = createHash('sha256');
  digest.update(JSON.stringify({ preach, signature: signature ?? null, rules, settings }));
  digest.update(stable({ situations: config.situations, tagSituations: config.tagSituations, defaultChannel: config.defaultChannel ?? null, scoring: config.scoring, limits: config.limits ?? null }));
  for (const word of [...config.vocabulary].sort()) digest.update(`${word}\n`);
  return digest.digest('hex');
}

/** JSON of a value with functions as their source, maps and sets as lists, and file names left out. */
function stable(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (key, v: unknown) => {
    if (key === 'file') return undefined;
    if (typeof v === 'function') return String(v);
    if (v instanceof RegExp) return String(v);
    if (v instanceof Map) return [...v.entries()];
    if (v instanceof Set) return [...v.values()];
    if (v && typeof v === 'object') {
      if (seen.has(v)) return '[seen]';
      seen.add(v);
    }
    return v;
  });
}

/**
 * The package.json of every installed package a file comes from (a pack or preset from npm):
 * the config names it by package name, and it is found by its package.json.
 */
function packageManifests(files: readonly string[]): string[] {
  const manifests: string[] = [];
  for (const file of files) {
    const parts = file.split(sep);
    const at = parts.lastIndexOf('node_modules');
    if (at < 0 || at + 1 >= parts.length - 1) continue;
    const name = parts[at + 1]!.startsWith('@') ? 2 : 1;
    const manifest = [...parts.slice(0, at + 1 + name), 'package.json'].join(sep);
    if (existsSync(manifest)) manifests.push(manifest);
  }
  return manifests;
}

function hash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** A path that stays inside the folder it is laid out in. */
function safeRelative(path: string): boolean {
  return path !== '' && !isAbsolute(path) && !path.split('/').some((part) => part === '..' || part === '');
}

function commonFolder(folders: string[]): string {
  let common = resolve(folders[0]!);
  for (const folder of folders.slice(1)) {
    const full = resolve(folder);
    while (relative(common, full).startsWith('..') || isAbsolute(relative(common, full))) common = dirname(common);
  }
  return common;
}
