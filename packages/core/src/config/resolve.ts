import type { ValidateFunction } from 'ajv';
import { PreachInputError, PreachInputErrors } from '../errors.js';
import { unsafeRegexReason } from '../declarative/regex.js';
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
  situations?: Array<{ id: string; sensitivity?: SituationDefinition['sensitivity']; description?: string; signals?: Array<string | { pattern: string; weight?: number }>; tags?: string[] }>;
  tags?: Record<string, string>;
  scoring?: {
    weights?: Partial<Record<Severity, number>>;
    words_per_unit?: number;
    critical?: string[];
    categories?: Partial<Record<string, number>>;
  };
  agents?: {
    signature?: string;
    /** Agent id → name, for exports that give ids only (Freshdesk `user_id`). */
    names?: Record<string, string>;
    /** A person's name → the other spellings, accounts or ids they appear under. */
    aliases?: Record<string, string | string[]>;
  };
  csv?: Record<string, string>;
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
  const vocabulary = new Set((input.vocabulary ?? []).map((word) => word.toLowerCase()));
  const situations = new Map<string, SituationDefinition>(BUILT_IN_SITUATIONS.map((s) => [s.id, s]));
  const tagSituations: Record<string, string> = {};
  let defaultChannel: Channel | undefined;
  const scoring = { ...DEFAULT_SCORING, weights: { ...DEFAULT_SCORING.weights }, categoryWeights: { ...DEFAULT_SCORING.categoryWeights }, critical: [...DEFAULT_SCORING.critical] };

  for (const layer of input.layers) {
    const { config } = layer;
    const at = (path: Array<string | number>) => layer.located?.locate(path) ?? {};
    for (const [id, raw] of Object.entries(config.rules ?? {})) {
      const rule = allRules.get(id);
      if (!rule) {
        problems.push(new PreachInputError({ file: layer.file, ...at(['rules', id]), key: `rules.${id}`, message: 'is not a known rule', hint: suggestRule(id, [...allRules.keys()]) }));
        continue;
      }
      const current = settings.get(id)!;
      const next = normaliseSetting(raw);
      if (next.options) {
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
        const reason = unsafeRegexReason(signal.pattern);
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
    if (config.scoring) {
      Object.assign(scoring.weights, config.scoring.weights ?? {});
      if (config.scoring.words_per_unit) scoring.wordsPerUnit = config.scoring.words_per_unit;
      if (config.scoring.critical) scoring.critical = config.scoring.critical;
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
    scoring,
  };
}

function normaliseSetting(raw: RuleSettingInput): { severity?: SeveritySetting; options?: Record<string, unknown>; when?: RuleConditions } {
  if (typeof raw === 'string') return { severity: raw };
  if (Array.isArray(raw)) return { severity: raw[0], options: raw[1] };
  return { severity: raw.severity, options: raw.options, when: raw.when };
}

const optionValidators = new WeakMap<Rule, ValidateFunction | null>();

function optionsProblem(rule: Rule, options: Record<string, unknown>): string | undefined {
  let validate = optionValidators.get(rule);
  if (validate === undefined) {
    validate = rule.meta.optionsSchema ? ajv.compile(rule.meta.optionsSchema) : null;
    optionValidators.set(rule, validate);
  }
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

function optionsHint(rule: Rule): string | undefined {
  const properties = (rule.meta.optionsSchema as { properties?: Record<string, { description?: string }> } | undefined)?.properties;
  if (!properties) return undefined;
  return `Options for ${rule.meta.id}: ${Object.entries(properties).map(([key, schema]) => (schema.description ? `${key} (${schema.description})` : key)).join('; ')}.`;
}

/** "Did you mean …?" by edit distance, for mistyped rule ids. */
export function suggestRule(id: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = levenshtein(id, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best && bestDistance <= Math.max(2, Math.floor(id.length / 3)) ? `Did you mean "${best}"? \`preach rules\` lists every rule.` : 'Run `preach rules` to list every rule.';
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
