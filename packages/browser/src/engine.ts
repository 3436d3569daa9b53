import {
  ajv,
  compileRuleSource,
  configSchema,
  isInputError,
  lint,
  parseYamlSource,
  PreachInputError,
  resolveConfig,
  runRuleExamples,
  validateLocated,
  type ConfigLayer,
  type PreachConfig,
  type PreachMessage,
  type ReplyContext,
  type ResolvedConfig,
  type Rule,
} from '@preach/core';
import { RECOMMENDED, recommendedRules } from '@preach/rules';

/** A text a team gave the browser: a config or a rule pack, by paste, file or URL. */
export interface NamedSource {
  /** What the team calls it (a file name or the URL it came from), shown in every message about it. */
  name: string;
  source: string;
}

/** The team's configuration as the browser gets it: no folders to search, no packages to import. */
export interface TeamSetup {
  /** A `.preachrc.yaml` (or JSON) as text. Without one, `preach:recommended` alone. */
  config?: NamedSource;
  /** Declarative rule packs: each a rule file or a pack file (`rules:` and `vocabulary:`). */
  packs?: NamedSource[];
}

/** Something wrong in the team's setup, with the file, line and what to do. */
export interface SetupProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
  hint?: string;
  /** The whole problem as one line of text, as the command line prints it. */
  text: string;
}

/** One finding, in the shape a page can draw: offsets into the text that was checked. */
export interface Finding {
  ruleId: string;
  message: string;
  /** The rule's note for this finding (why, or a hint). */
  note?: string;
  /** What the rule checks, and why support teams care (from the rule's docs). */
  description?: string;
  why?: string;
  severity: 'error' | 'warning' | 'suggestion';
  category: string;
  critical: boolean;
  /** UTF-16 offsets into the checked text, as the DOM counts. */
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Replacements for text.slice(start, end), the preferred first. */
  fixes: string[];
  url?: string;
}

export interface CheckOutcome {
  findings: Finding[];
  score: number;
  categories: Record<string, number>;
  critical: boolean;
  situation: { id: string | null; sensitivity: string; source: string; reason: string };
  mood?: { id: string; reason: string };
  customerName?: string;
  /** The check ran out of its time budget; the rules after this point did not run. */
  stopped?: string;
  /** The draft was too large to check. */
  tooLarge?: string;
}

export interface PreparedSetup {
  config: ResolvedConfig;
  problems: SetupProblem[];
  /** Rules from the team's packs that loaded. */
  packRules: number;
}

const CODE_FILE = /\.(?:[cm]?js|[cm]?ts|jsx|tsx)$/i;
const CODE_REFUSED_HINT = 'Code rules run in the command line and the editors only. In the browser, write the rule in YAML (docs/custom-rules.md), or leave this pack to the command line.';

/**
 * Resolves a team's setup the way the command line resolves a config file, from texts instead of
 * files. Problems are collected, never thrown: a bad pack is reported and the rest still loads.
 */
export function prepareSetup(setup: TeamSetup = {}): PreparedSetup {
  const builtIn = recommendedRules();
  if (!setup.config && !setup.packs?.length) {
    return { config: resolveConfig({ rules: builtIn, enabled: new Set(builtIn.map((r) => r.meta.id)), layers: [] }), problems: [], packRules: 0 };
  }
  const problems: SetupProblem[] = [];
  const enabled = new Set<string>();
  const layers: ConfigLayer[] = [];
  let usesRecommended = !setup.config;
  if (setup.config) {
    const layer = readConfig(setup.config, problems);
    if (layer) {
      const extendsList = toList(layer.config.extends);
      extendsList.forEach((spec, index) => {
        if (spec === RECOMMENDED) usesRecommended = true;
        else {
          const where = layer.located!.locate(Array.isArray(layer.config.extends) ? ['extends', index] : ['extends']);
          problems.push(problem(new PreachInputError({ file: layer.file, ...where, key: 'extends', message: `preset "${spec}" cannot be read in the browser`, hint: `Only "${RECOMMENDED}" is built in. Paste the preset's settings into this config, or add its rule files as packs.` })));
        }
      });
      if (layer.config.packs !== undefined) {
        const where = layer.located!.locate(['packs']);
        problems.push(problem(new PreachInputError({ file: layer.file, ...where, key: 'packs', message: 'packs named in the config are not read in the browser', hint: 'Add each pack\'s rule files under "Rule packs" (paste, file or URL); they are turned on for every reply.' })));
      }
      layers.push(layer);
    }
  }
  const packRules: Rule[] = [];
  const vocabulary: string[] = [];
  const definedIn = new Map<string, string>();
  for (const pack of setup.packs ?? []) {
    const compiled = compilePack(pack, problems);
    for (const rule of compiled?.rules ?? []) {
      const first = definedIn.get(rule.meta.id);
      if (first) {
        problems.push(problem(new PreachInputError({ file: pack.name, key: 'id', message: `"${rule.meta.id}" is already defined in ${first}`, hint: 'Each rule in a pack needs its own id.' })));
        continue;
      }
      definedIn.set(rule.meta.id, pack.name);
      packRules.push(rule);
      enabled.add(rule.meta.id);
    }
    for (const word of compiled?.vocabulary ?? []) vocabulary.push(word);
  }
  if (usesRecommended) for (const rule of builtIn) enabled.add(rule.meta.id);
  const byId = new Map<string, Rule>();
  for (const rule of [...builtIn, ...packRules]) byId.set(rule.meta.id, rule);
  try {
    return { config: resolveConfig({ rules: [...byId.values()], enabled, layers, vocabulary }), problems, packRules: packRules.length };
  } catch (error) {
    if (!isInputError(error)) throw error;
    problems.push(...inputProblems(error));
    // The settings that were wrong are left out; the rules still run at their defaults.
    return { config: resolveConfig({ rules: [...byId.values()], enabled, layers: [], vocabulary }), problems, packRules: packRules.length };
  }
}

function readConfig(source: NamedSource, problems: SetupProblem[]): (ConfigLayer & { config: PreachConfig }) | undefined {
  try {
    const located = parseYamlSource(source.source, source.name);
    if (located.value === null || located.value === undefined) located.value = {};
    if (typeof located.value === 'object' && !Array.isArray(located.value)) {
      located.value = Object.fromEntries(Object.entries(located.value as Record<string, unknown>).filter(([, v]) => v !== null));
    }
    const errors = validateLocated((validateConfig ??= ajv.compile(configSchema)), located);
    if (errors.length > 0) {
      problems.push(...errors.map(problem));
      return undefined;
    }
    return { config: located.value as PreachConfig, located, file: source.name };
  } catch (error) {
    if (!isInputError(error)) throw error;
    problems.push(...inputProblems(error));
    return undefined;
  }
}
let validateConfig: ReturnType<typeof ajv.compile> | undefined;

function compilePack(pack: NamedSource, problems: SetupProblem[]): { rules: Rule[]; vocabulary: string[] } | undefined {
  if (CODE_FILE.test(pack.name.replace(/[?#].*$/, '')) || looksLikeCode(pack.source)) {
    problems.push(problem(new PreachInputError({ file: pack.name, line: 1, message: 'is JavaScript or TypeScript: code rules are not run in the browser', hint: CODE_REFUSED_HINT })));
    return undefined;
  }
  try {
    return compileRuleSource(pack.source, pack.name, { origin: pack.name });
  } catch (error) {
    if (!isInputError(error)) throw error;
    problems.push(...inputProblems(error));
    return undefined;
  }
}

/** A module's first statement, where YAML would have a key. */
function looksLikeCode(source: string): boolean {
  return /^\s*(?:(?:\/\/|\/\*)[^\n]*\n\s*)*(?:import\s|export\s|const\s|let\s|var\s|function\s|module\.exports|['"]use strict['"])/.test(source);
}

function inputProblems(error: unknown): SetupProblem[] {
  const errors = (error as { errors?: PreachInputError[] }).errors ?? [error as PreachInputError];
  return errors.map(problem);
}

function problem(error: PreachInputError): SetupProblem {
  return { file: error.file, line: error.line, column: error.column, message: `${error.key ? `${error.key}: ` : ''}${error.message}`, hint: error.hint, text: error.format() };
}

function toList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Checks one reply. `disable` turns rules off for this reply only ("ignore this rule here"). */
export function checkReply(text: string, context: ReplyContext, config: ResolvedConfig, disable: readonly string[] = []): CheckOutcome {
  const result = lint(text, context, config, { disable });
  const findings = result.messages.map((message) => toFinding(message, config));
  return {
    findings,
    score: result.score.score,
    categories: { ...result.score.categories },
    critical: result.score.critical,
    situation: { id: result.context.situation.id, sensitivity: result.context.situation.sensitivity, source: result.context.situation.source, reason: result.context.situation.reason },
    ...(result.context.mood ? { mood: { id: result.context.mood.id, reason: result.context.mood.reason } } : {}),
    ...(result.context.customerName ? { customerName: result.context.customerName.full } : {}),
    ...(result.stopped ? { stopped: `The check stopped after ${Math.round(result.stopped.elapsedMs)} ms; ${result.stopped.skipped} rules did not run.` } : {}),
    ...(result.tooLarge ? { tooLarge: result.tooLarge } : {}),
  };
}

function toFinding(message: PreachMessage, config: ResolvedConfig): Finding {
  const place = message.place as { start?: { offset?: number; line: number; column: number }; end?: { offset?: number; line: number; column: number } } | undefined;
  const start = place?.start?.offset ?? 0;
  const end = place?.end?.offset ?? start;
  const docs = config.allRules.get(message.ruleId)?.meta.docs;
  return {
    ruleId: message.ruleId,
    message: message.reason,
    ...(message.note ? { note: message.note } : {}),
    ...(docs?.description ? { description: docs.description } : {}),
    ...(docs?.why ? { why: docs.why } : {}),
    severity: message.severity,
    category: message.category,
    critical: Boolean(message.critical),
    start,
    end,
    line: message.line ?? 1,
    column: message.column ?? 1,
    endLine: place?.end?.line ?? message.line ?? 1,
    endColumn: place?.end?.column ?? message.column ?? 1,
    fixes: message.expected ? [...message.expected] : [],
    ...(message.url ? { url: message.url } : {}),
  };
}

/** One rule example's outcome, as `preach test-rules` prints it. */
export interface ExampleReport {
  ruleId: string;
  kind: 'bad' | 'good';
  index: number;
  text: string;
  passed: boolean;
  problem?: string;
}

export interface RuleTestReport {
  rules: string[];
  examples: ExampleReport[];
  problems: SetupProblem[];
  /** Rules with no example at all: an untested rule proves nothing. */
  untested: string[];
}

/**
 * Compiles a rule file being written and runs its own examples, as `preach test-rules` does, with
 * the situations and vocabulary of the team's config.
 */
export function testRuleSource(source: NamedSource, config?: ResolvedConfig): RuleTestReport {
  const problems: SetupProblem[] = [];
  const compiled = compilePack(source, problems);
  if (!compiled) return { rules: [], examples: [], problems, untested: [] };
  const base = config ? { vocabulary: new Set([...config.vocabulary, ...compiled.vocabulary.map((w) => w.toLowerCase())]), situations: config.situations, tagSituations: config.tagSituations } : undefined;
  const examples: ExampleReport[] = [];
  const untested: string[] = [];
  for (const rule of compiled.rules) {
    const outcomes = runRuleExamples(rule, base);
    if (outcomes.length === 0) untested.push(rule.meta.id);
    for (const outcome of outcomes) {
      examples.push({ ruleId: outcome.ruleId, kind: outcome.kind, index: outcome.index, text: outcome.example.text, passed: outcome.passed, ...(outcome.problem ? { problem: outcome.problem } : {}) });
    }
  }
  return { rules: compiled.rules.map((r) => r.meta.id), examples, problems, untested };
}
