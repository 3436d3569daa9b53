import weakMemoize from '@emotion/weak-memoize';
import type { ValidateFunction } from 'ajv';
import { PreachInputError, PreachInputErrors } from '../errors.js';
import { canonicalSeverity, SEVERITIES, SEVERITY_ALIASES } from '../categories.js';
import { userPatternProblem } from '../declarative/user-regex.js';
import { closestMatch } from '../did-you-mean.js';
import { DEFAULT_LIMITS, type CheckLimits } from '../limits.js';
import { DEFAULT_SCORING } from '../score.js';
import { BUILT_IN_SITUATIONS } from '../situations.js';
import type { Channel, ResolvedConfig, Rule, RuleConditions, RuleSetting, Severity, SeveritySetting, SituationDefinition } from '../types.js';
import { ajv, type LocatedValue } from '../yaml-source.js';

/** The shape of a `.preachrc` file (see packages/core/schema/preachrc.schema.json). */
export interface PreachConfig {
  root?: boolean;
  extends?: string | string[];
  packs?: string | string[];
  rules?: Record<string, RuleSettingInput>;
  vocabulary?: string[];
  channel?: Channel;
  /** The team's reply language, or `auto` (detect per reply). */
  language?: string;
  situations?: Array<{ id: string; sensitivity?: SituationDefinition['sensitivity']; description?: string; signals?: Array<string | { pattern: string; weight?: number }>; tags?: string[] }>;
  tags?: Record<string, string>;
  scoring?: {
    weights?: Partial<Record<Severity, number>>;
    words_per_unit?: number;
    critical?: string[];
    categories?: Partial<Record<string, number>>;
    pass_mark?: number;
  };
  agents?: {
    signature?: string;
    /** Agent id → name, for exports that give ids only (Freshdesk `user_id`). */
    names?: Record<string, string>;
    /** A person's name → the other spellings, accounts or ids they appear under. */
    aliases?: Record<string, string | string[]>;
  };
  limits?: { time_budget?: number; max_draft_kb?: number };
  csv?: Record<string, string>;
  /** `preach score --format html`: how the report ranks agents. */
  report?: { min_conversations?: number };
}

export type RuleSettingInput =
  | SeveritySetting
  | [SeveritySetting, Record<string, unknown>?]
  | { severity?: SeveritySetting; options?: Record<string, unknown>; when?: RuleConditions };

/** One config file, already validated against the schema, with positions for later errors. */
export interface ConfigLayer {
  config: PreachConfig;
  located?: LocatedValue;
  file: string;
  /** Skip rule ids no rule has instead of refusing them (a host's settings: `settingsLayer`). */
  ignoreUnknownRules?: boolean;
}

export interface ResolveInput {
  /** Every rule available: built-in and from packs. */
  rules: readonly Rule[];
  /** Rule ids on at their default severity before any `rules:` setting (presets and packs). */
  enabled: ReadonlySet<string>;
  /** Config files, the most general first (presets), the nearest file last. */
  layers: readonly ConfigLayer[];
  /** Extra vocabulary from packs. */
  vocabulary?: readonly string[];
}

/** Merges config layers over the available rules. Pure: the caller has read every file. */
export function resolveConfig(input: ResolveInput): ResolvedConfig {
  const allRules = new Map(input.rules.map((rule) => [rule.meta.id, rule]));
  const settings = new Map<string, { severity: SeveritySetting; options: Record<string, unknown>; when?: RuleConditions }>();
  for (const rule of input.rules) {
    settings.set(rule.meta.id, { severity: input.enabled.has(rule.meta.id) ? rule.meta.severity : 'off', options: {} });
  }
  const problems: PreachInputError[] = [];
  const warnings: PreachInputError[] = [];
  const vocabulary = new Set((input.vocabulary ?? []).map((word) => word.toLowerCase()));
  const situations = new Map<string, SituationDefinition>(BUILT_IN_SITUATIONS.map((s) => [s.id, s]));
  const tagSituations: Record<string, string> = {};
  let defaultChannel: Channel | undefined;
  let language: string | undefined;
  const limits: CheckLimits = { ...DEFAULT_LIMITS };
  const scoring = { ...DEFAULT_SCORING, weights: { ...DEFAULT_SCORING.weights }, categoryWeights: { ...DEFAULT_SCORING.categoryWeights }, critical: [...DEFAULT_SCORING.critical] };

  for (const layer of input.layers) {
    const { config } = layer;
    const at = (path: Array<string | number>) => layer.located?.locate(path) ?? {};
    for (const [id, raw] of Object.entries(config.rules ?? {})) {
      const rule = allRules.get(id);
      if (!rule && layer.ignoreUnknownRules) continue;
      if (!rule) {
        problems.push(new PreachInputError({ file: layer.file, ...at(['rules', id]), key: `rules.${id}`, message: 'is not a known rule', hint: suggestRule(id, [...allRules.keys()]) }));
        continue;
      }
      const current = settings.get(id)!;
      const next = normaliseSetting(raw);
      if (next.options) {
        const optionsPath = ['rules', id, Array.isArray(raw) ? 1 : 'options'];
        next.options = withCurrentNames(rule, next.options, (old, name) =>
          warnings.push(
            new PreachInputError({ file: layer.file, ...at([...optionsPath, old]), key: `rules.${id}.options.${old}`, message: `is now called "${name}"; the old name still works for now`, hint: `Rename it: ${name}.` }),
          ),
        );
        const problem = optionsProblem(rule, next.options);
        if (problem) {
          problems.push(new PreachInputError({ file: layer.file, ...at(['rules', id]), key: `rules.${id}`, message: `has invalid options: ${problem}`, hint: optionsHint(rule) }));
          continue;
        }
      }
      settings.set(id, {
        severity: next.severity ?? (current.severity === 'off' ? rule.meta.severity : current.severity),
        options: next.options ? { ...current.options, ...next.options } : current.options,
        when: next.when ?? current.when,
      });
    }
    for (const word of config.vocabulary ?? []) vocabulary.add(word.toLowerCase());
    (config.situations ?? []).forEach((raw, index) => {
      const existing = situations.get(raw.id);
      const signals = raw.signals?.map((signal) => (typeof signal === 'string' ? { pattern: signal } : signal));
      signals?.forEach((signal, signalIndex) => {
        const reason = userPatternProblem(signal.pattern);
        if (reason) {
          problems.push(new PreachInputError({ file: layer.file, ...at(['situations', index, 'signals', signalIndex]), key: `situations.${index}.signals.${signalIndex}`, message: `pattern ${JSON.stringify(signal.pattern)} ${reason}` }));
        }
      });
      situations.set(raw.id, {
        id: raw.id,
        sensitivity: raw.sensitivity ?? existing?.sensitivity ?? 'low',
        description: raw.description ?? existing?.description,
        signals: signals ?? existing?.signals ?? [],
        tags: raw.tags ?? existing?.tags,
      });
    });
    for (const [tag, situation] of Object.entries(config.tags ?? {})) {
      if (!situations.has(situation)) {
        problems.push(new PreachInputError({ file: layer.file, ...at(['tags', tag]), key: `tags.${tag}`, message: `maps to unknown situation "${situation}"`, hint: `Known situations: ${[...situations.keys()].join(', ')}.` }));
      }
      tagSituations[tag] = situation;
    }
    if (config.channel) defaultChannel = config.channel;
    if (config.language) language = config.language.trim().toLowerCase() === 'auto' ? undefined : config.language;
    if (config.limits) Object.assign(limits, limitsFrom(config.limits));
    if (config.scoring) {
      Object.assign(scoring.weights, config.scoring.weights ?? {});
      if (config.scoring.words_per_unit) scoring.wordsPerUnit = config.scoring.words_per_unit;
      if (config.scoring.critical) scoring.critical = config.scoring.critical;
      if (config.scoring.pass_mark !== undefined) scoring.passMark = config.scoring.pass_mark;
      Object.assign(scoring.categoryWeights, config.scoring.categories ?? {});
      (config.scoring.critical ?? []).forEach((id, index) => {
        if (!allRules.has(id)) problems.push(new PreachInputError({ file: layer.file, ...at(['scoring', 'critical', index]), key: `scoring.critical.${index}`, message: `"${id}" is not a known rule`, hint: suggestRule(id, [...allRules.keys()]) }));
      });
    }
  }
  if (problems.length > 0) throw new PreachInputErrors(problems);

  const rules = new Map<string, RuleSetting>();
  for (const [id, setting] of settings) {
    if (setting.severity === 'off') continue;
    const rule = allRules.get(id)!;
    const withWhen = setting.when ? { ...rule, meta: { ...rule.meta, when: setting.when } } : rule;
    const defaults = rule.meta.defaultOptions ?? {};
    // Defaults keep their identity when nothing is overridden, so per-options caches stay warm.
    const options = Object.keys(setting.options).length ? { ...defaults, ...setting.options } : defaults;
    rules.set(id, { rule: withWhen, severity: setting.severity, options });
  }
  return {
    rules,
    allRules,
    vocabulary,
    // Unchanged built-ins keep their identity, so inference can use its cache.
    situations: [...situations.values()].every((s, i) => s === BUILT_IN_SITUATIONS[i]) ? BUILT_IN_SITUATIONS : [...situations.values()],
    tagSituations,
    defaultChannel,
    ...(language ? { language } : {}),
    scoring,
    limits,
    warnings,
  };
}

const SEVERITY_SETTINGS: ReadonlySet<unknown> = new Set<string>([...SEVERITIES, 'off', ...Object.keys(SEVERITY_ALIASES)]);

/**
 * A host's rule severities as one more config layer, the last and nearest: the editor's
 * `preach.rules` setting. Settings follow a person from workspace to workspace, so a rule this
 * workspace does not have and a value that is not a severity are left out, not refused.
 */
export function settingsLayer(file: string, severities: Readonly<Record<string, unknown>>): ConfigLayer {
  const rules = Object.fromEntries(
    Object.entries(severities)
      .filter((entry): entry is [string, SeveritySetting] => SEVERITY_SETTINGS.has(entry[1]))
      .map(([id, value]) => [id, canonicalSeverity(value)]),
  );
  return { file, config: { rules }, ignoreUnknownRules: true };
}

/** `limits` as written in `.preachrc` (seconds, KB), or as flags, in the engine's units. */
export function limitsFrom(input: { time_budget?: number; max_draft_kb?: number }): Partial<CheckLimits> {
  return {
    ...(input.time_budget !== undefined ? { timeBudgetMs: input.time_budget * 1000 } : {}),
    ...(input.max_draft_kb !== undefined ? { maxDraftBytes: input.max_draft_kb * 1024 } : {}),
  };
}

type LimitSettings = { time_budget?: number; max_draft_kb?: number };

/**
 * Limits given outside the config files (the command line's `--time-budget` and `--max-draft-kb`,
 * a queue run's settings) as one more config layer over them, resolved like `limits:` in
 * `.preachrc`; no layer when none is given.
 */
export function limitsLayer(limits: LimitSettings, file = 'the command line (--time-budget, --max-draft-kb)'): ConfigLayer[] {
  if (limits.time_budget === undefined && limits.max_draft_kb === undefined) return [];
  return [{ file, config: { limits } }];
}

/** Options with renamed ones under their current names (a current name given too wins). */
function withCurrentNames(rule: Rule, options: Record<string, unknown>, renamed: (old: string, name: string) => void): Record<string, unknown> {
  const names = rule.meta.renamedOptions;
  if (!names || !Object.keys(options).some((key) => Object.hasOwn(names, key))) return options;
  const current: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (!Object.hasOwn(names, key)) current[key] = value;
    else {
      const name = names[key]!;
      renamed(key, name);
      if (!Object.hasOwn(options, name)) current[name] = value;
    }
  }
  return current;
}

function normaliseSetting(raw: RuleSettingInput): { severity?: SeveritySetting; options?: Record<string, unknown>; when?: RuleConditions } {
  if (typeof raw === 'string') return { severity: canonicalSeverity(raw) };
  if (Array.isArray(raw)) return { severity: canonicalSeverity(raw[0]), options: raw[1] };
  return { severity: canonicalSeverity(raw.severity), options: raw.options, when: raw.when };
}

/** A rule's options validator, compiled once per rule (null when it takes no options). */
const optionsValidator = weakMemoize((rule: Rule): ValidateFunction | null => (rule.meta.optionsSchema ? compileOptionsSchema(rule.meta.optionsSchema, rule.meta.kind === 'code') : null));

function optionsProblem(rule: Rule, options: Record<string, unknown>): string | undefined {
  const validate = optionsValidator(rule);
  if (!validate) return Object.keys(options).length ? 'this rule takes no options' : undefined;
  if (validate(options)) return undefined;
  return (validate.errors ?? [])
    .map((error) => {
      const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : '';
      if (error.keyword === 'additionalProperties') return `unknown option "${(error.params as { additionalProperty: string }).additionalProperty}"`;
      return `${where ? `${where} ` : ''}${error.message}`;
    })
    .join('; ');
}

/** A code rule's schema is a team's: check it is JSON Schema, as Ajv does by default. */
function compileOptionsSchema(schema: Record<string, unknown>, fromCode: boolean): ValidateFunction {
  if (fromCode && !ajv.validateSchema(schema)) throw new Error(`schema is invalid: ${ajv.errorsText(ajv.errors)}`);
  return ajv.compile(schema);
}

function optionsHint(rule: Rule): string | undefined {
  const properties = (rule.meta.optionsSchema as { properties?: Record<string, { description?: string }> } | undefined)?.properties;
  if (!properties) return undefined;
  return `Options for ${rule.meta.id}: ${Object.entries(properties).map(([key, schema]) => (schema.description ? `${key} (${schema.description})` : key)).join('; ')}.`;
}

/** "Did you mean …?" by edit distance, for mistyped rule ids. */
export function suggestRule(id: string, known: string[]): string {
  const best = closestMatch(id, known);
  return best ? `Did you mean "${best}"? \`preach rules\` lists every rule.` : 'Run `preach rules` to list every rule.';
}
