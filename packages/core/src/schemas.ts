/**
 * JSON Schemas for `.preachrc` files and rule files. `npm run build` writes them to
 * `packages/core/schema/` so editors can autocomplete and validate both.
 */

import { CATEGORY_IDS, SEVERITIES, SEVERITY_ALIASES } from './categories.js';
import { MOODS } from './customer/read-turn.js';
import { RULE_ID_PATTERN } from './define.js';
import { CONTEXT_PLACEHOLDERS, KINDS, RULE_KINDS, type RuleKind } from './declarative/kinds/index.js';
import { channel, regex, stringList } from './schema-parts.js';
import { LANGUAGE_PATTERN } from './language.js';

/** "a, b or c" */
const orList = (values: readonly string[]) => `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;

const severity = { enum: [...SEVERITIES, 'off', ...Object.keys(SEVERITY_ALIASES)], description: `${orList([...SEVERITIES, 'off'])} (${Object.entries(SEVERITY_ALIASES).map(([alias, name]) => `${alias} for ${name}`).join(', ')})` };
const category = { enum: [...CATEGORY_IDS], description: `The PREACH letter: ${orList(CATEGORY_IDS)}` };
const sensitivity = { enum: ['high', 'medium', 'low'] };

/** Earlier turns of a conversation, as front matter and rule examples write them. */
const threadSchema = {
  type: 'array',
  description: 'Earlier turns, oldest first: `- customer: …` or `- agent: …` (or `- {role: customer, text: …}`)',
  items: {
    anyOf: [
      { type: 'object', minProperties: 1, maxProperties: 1, additionalProperties: { type: 'string' }, propertyNames: { enum: ['customer', 'agent'] } },
      { type: 'object', required: ['role', 'text'], additionalProperties: false, properties: { role: { enum: ['customer', 'agent'] }, text: { type: 'string' } } },
    ],
  },
};

const context = {
  type: 'object',
  description: 'Conversation context for an example: customer_name, customer_message, situation, channel, agent_name, tags, thread, language, customer_title',
  additionalProperties: false,
  properties: {
    customer_name: { type: 'string' },
    customer_message: { type: 'string' },
    situation: { type: 'string' },
    channel,
    agent_name: { type: 'string' },
    tags: stringList,
    thread: threadSchema,
    language: { type: 'string', pattern: LANGUAGE_PATTERN },
    customer_title: { enum: ['mr', 'ms'] },
  },
};

/** A runnable example; `options` (when given) are the rule kind's own parameters. */
const exampleWith = (options: Record<string, unknown>) => ({
  anyOf: [
    { type: 'string' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['text'],
      properties: {
        text: { type: 'string' },
        context,
        options,
        count: { type: 'integer', minimum: 1, description: 'How many messages the example must produce' },
        fixed: { type: 'string', description: 'The text after applying the first fix' },
        severity: { enum: ['error', 'warning', 'suggestion'], description: 'The severity every message of a bad example must have (a rule unsure of the case reports a suggestion)' },
        note: { type: 'string' },
      },
    },
  ],
});

const examplesWith = (options: Record<string, unknown>) => ({
  type: 'object',
  additionalProperties: false,
  properties: { bad: { type: 'array', items: exampleWith(options) }, good: { type: 'array', items: exampleWith(options) } },
  description: 'bad: texts the rule must flag; good: texts it must leave alone',
});

export const conditionsSchema = {
  type: 'object',
  description: 'Conditions: situation, sensitivity, channel, customer_mood, customer_sentiment, customer_message_matches, customer_name_known, tags',
  additionalProperties: false,
  properties: {
    situation: { ...stringList, description: 'Situation ids, e.g. [billing-failure, outage]' },
    sensitivity: { anyOf: [sensitivity, { type: 'array', items: sensitivity }], description: 'A minimum level (high, medium, low) or a list of levels' },
    channel: { type: 'array', items: channel },
    customer_mood: { type: 'array', items: { enum: [...MOODS] }, minItems: 1, description: "The customer's mood in the message answered is one of these" },
    customer_sentiment: { enum: ['negative', 'neutral', 'positive'] },
    customer_message_matches: { ...regex, description: 'A regular expression (case-insensitive) the customer message must match' },
    customer_name_known: { type: 'boolean' },
    tags: stringList,
  },
};

const common = {
  $schema: { type: 'string' },
  id: { type: 'string', pattern: RULE_ID_PATTERN, description: 'Lower-case words joined by hyphens, optionally prefixed by a pack name: "acme/no-sorry"' },
  category,
  severity,
  critical: { type: 'boolean', description: 'A critical rule sets the score to 0 (auto-fail)' },
  description: { type: 'string', description: 'One line: what the rule checks' },
  why: { type: 'string', description: 'Why support teams care' },
  url: { type: 'string' },
  note: { type: 'string', description: 'Shown under each message' },
  when: conditionsSchema,
  languages: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^(?:\\*|[a-z]{2,3})$' }, description: 'Reply languages the rule checks: [en], [ko], [th, zh] or ["*"]; without it the rule runs in every language' },
  examples: examplesWith({ type: 'object', description: "Options for this example only, over the rule's own" }),
};

const placeholders = (names: readonly string[]) => names.map((name) => `{{${name}}}`).join(', ');

/** A rule's message, with the placeholders its kind fills. */
function messageSchema(kind: RuleKind) {
  const own = kind.placeholders.length ? `${placeholders(kind.placeholders)} (${kind.name}) and ` : '';
  return { type: 'string', minLength: 1, description: `Shown to the agent. Placeholders: ${own}${placeholders(CONTEXT_PLACEHOLDERS)} (the conversation)` };
}

/**
 * One kind's branch of the rule schema. Its parameters are also what `.preachrc` and an
 * example's `options` may override, so examples are typed (and checked) with them.
 */
function kindBranch(kind: RuleKind) {
  const options = { type: 'object', additionalProperties: false, properties: kind.parameters, ...kind.keywords, description: "Options for this example only, over the rule's own" };
  return {
    if: { properties: { kind: { const: kind.name } }, required: ['kind'] },
    then: {
      additionalProperties: false,
      required: ['id', 'kind', 'category', 'message', ...(kind.required ?? [])],
      properties: { ...common, kind: { const: kind.name }, message: messageSchema(kind), ...kind.parameters, examples: examplesWith(options) },
      ...kind.keywords,
    },
  };
}

export const ruleSchema = {
  $id: 'https://preach.dev/schema/rule.schema.json',
  title: 'preach rule',
  description: 'A declarative preach rule (one per file, or a list of them under `rules:` in a pack file)',
  type: 'object',
  required: ['id', 'kind'],
  properties: { kind: { enum: RULE_KINDS, description: `One of: ${RULE_KINDS.join(', ')}` } },
  allOf: KINDS.map(kindBranch),
};

export const packFileSchema = {
  $id: 'https://preach.dev/schema/pack.schema.json',
  title: 'preach rule pack file',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    rules: { type: 'array', items: ruleSchema },
    vocabulary: stringList,
  },
};

const ruleSetting = {
  anyOf: [
    severity,
    { type: 'array', minItems: 1, maxItems: 2, items: [severity, { type: 'object' }] },
    {
      type: 'object',
      additionalProperties: false,
      properties: { severity, options: { type: 'object' }, when: conditionsSchema },
    },
  ],
  description: 'A severity (error, warning or warn, suggestion, off), [severity, {options}] or {severity, options, when}',
};

/** Text a person typed; a bare number (`agent: 42`) is read as text too. */
const typedText = (description: string) => ({ type: ['string', 'number'], description });
/** Several values: a YAML list, or one string with commas or spaces between them. */
const listOrString = (description: string) => ({ anyOf: [{ type: 'string' }, { type: 'array', items: { type: ['string', 'number'] } }], description });

/**
 * A draft's YAML front matter: the conversation context and the rules to skip. Keys are matched
 * in any case, with `-` or `_`; an empty key means "not given". Other keys belong to the help
 * desk or the agent and are kept, not checked.
 */
export const frontMatterSchema = {
  $id: 'https://preach.dev/schema/front-matter.schema.json',
  title: 'preach draft front matter',
  type: 'object',
  additionalProperties: true,
  properties: {
    customer_name: typedText("The customer's name as text, e.g. Priya Raman"),
    customer: typedText("The customer's name as text, e.g. Priya Raman"),
    customer_message: typedText('The message this reply answers, as text'),
    situation: typedText('A situation id, e.g. billing-failure, outage, refund'),
    channel: { ...channel, description: 'Where the reply goes: chat, email, social or sms' },
    agent_name: typedText("The agent's name as text, e.g. Sam"),
    agent: typedText("The agent's name as text, e.g. Sam"),
    tags: listOrString('Help-desk tags: [vip, billing] or "vip, billing"'),
    disable: { anyOf: [{ type: 'string' }, stringList], description: 'Rule ids to skip for this draft: [formal-word]' },
    preach_disable: { anyOf: [{ type: 'string' }, stringList], description: 'Rule ids to skip for this draft: [formal-word]' },
    thread: threadSchema,
    language: { type: 'string', pattern: LANGUAGE_PATTERN, description: 'The reply language: en, th, ko, zh (or any BCP 47 tag); auto to detect it' },
    customer_title: { enum: ['mr', 'ms'], description: 'How to address the customer where the language needs it (Chinese 先生/女士): mr or ms' },
  },
};

export const configSchema = {
  $id: 'https://preach.dev/schema/preachrc.schema.json',
  title: 'preach configuration (.preachrc.yaml / .preachrc.json / "preach" in package.json)',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    root: { type: 'boolean', description: 'Stop looking for config files in parent folders' },
    extends: { anyOf: [{ type: 'string' }, stringList], description: 'Presets: "preach:recommended", a path or a package name' },
    packs: { anyOf: [{ type: 'string' }, stringList], description: 'Rule packs: folders or package names' },
    rules: { type: 'object', additionalProperties: ruleSetting, description: 'Rule id → severity and options' },
    vocabulary: { ...stringList, description: 'Product and team words that are never typos or jargon' },
    channel: { ...channel, description: 'Default channel when a draft does not say' },
    language: { type: 'string', pattern: LANGUAGE_PATTERN, description: "The team's reply language (en, th, ko, zh, …) for every reply that does not say; auto (the default) detects it per reply" },
    situations: {
      type: 'array',
      description: 'Extra situations, or changes to built-in ones (same id)',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id'],
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
          sensitivity,
          description: { type: 'string' },
          signals: {
            type: 'array',
            items: {
              anyOf: [
                { type: 'string' },
                { type: 'object', additionalProperties: false, required: ['pattern'], properties: { pattern: { type: 'string' }, weight: { type: 'number' } } },
              ],
            },
          },
          tags: stringList,
        },
      },
    },
    tags: { type: 'object', additionalProperties: { type: 'string' }, description: 'Help-desk tag → situation id' },
    scoring: {
      type: 'object',
      additionalProperties: false,
      properties: {
        weights: {
          type: 'object',
          additionalProperties: false,
          properties: { error: { type: 'number', minimum: 0 }, warning: { type: 'number', minimum: 0 }, suggestion: { type: 'number', minimum: 0 } },
        },
        words_per_unit: { type: 'number', exclusiveMinimum: 0 },
        pass_mark: { type: 'number', minimum: 0, maximum: 100, description: 'A score at or above this passes (default 80): the pass/fail line `preach score --compare` uses against human QA scores' },
        critical: { ...stringList, description: 'Rule ids that zero the score (auto-fail)' },
        categories: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(category.enum.map((c) => [c, { type: 'number', minimum: 0 }])),
        },
      },
    },
    agents: {
      type: 'object',
      additionalProperties: false,
      description: 'How `preach score` identifies agents',
      properties: {
        signature: { type: 'string', preachExpression: 'regex', description: 'Regular expression with one group capturing the agent id from a sign-off, e.g. "\\\\^(\\\\w+)\\\\s*$"' },
        names: {
          type: 'object',
          description: 'Agent id → the name reports show, for exports that give ids only (Freshdesk user_id): { "701": "Sam Lee" }',
          propertyNames: { minLength: 1 },
          additionalProperties: { type: 'string', minLength: 1, description: "The agent's name" },
        },
        aliases: {
          type: 'object',
          description: 'An agent\'s name → the other spellings, accounts or ids they appear under, all counted as that one agent: { "Sam Lee": ["Samuel Lee", "sam.lee"] }',
          propertyNames: { minLength: 1 },
          additionalProperties: {
            anyOf: [
              { type: 'string', minLength: 1 },
              { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
            ],
            description: 'Another spelling, account or id, or a list of them',
          },
        },
      },
    },
    limits: {
      type: 'object',
      additionalProperties: false,
      description: 'Bounds on one check, so no draft or rule can freeze an editor or stall a batch',
      properties: {
        time_budget: { type: 'number', minimum: 0, description: 'Seconds one check may take (default 10); the rules left are skipped and the draft says so' },
        max_draft_kb: { type: 'integer', minimum: 1, description: 'Drafts (and transcript replies) larger than this many KB are not checked (default 1024)' },
      },
    },
    report: {
      type: 'object',
      additionalProperties: false,
      description: 'The HTML report of `preach score`',
      properties: {
        min_conversations: { type: 'integer', minimum: 1, description: 'Conversations an agent needs to be ranked (default 10); agents with fewer are marked too few to judge' },
      },
    },
    csv: {
      type: 'object',
      description: 'Column names for CSV transcripts',
      additionalProperties: { type: 'string' },
    },
  },
};
