/**
 * JSON Schemas for `.preachrc` files and rule files. `npm run build` writes them to
 * `packages/core/schema/` so editors can autocomplete and validate both.
 */

import { MOODS } from './customer/read-turn.js';
import { CHANNELS } from './categories.js';

const severity = { enum: ['error', 'warning', 'suggestion', 'off'], description: 'error, warning, suggestion or off' };
const category = {
  enum: ['proud', 'responsible', 'empathetic', 'articulate', 'concise', 'human'],
  description: 'The PREACH letter: proud, responsible, empathetic, articulate, concise or human',
};
const channel = { enum: [...CHANNELS] };
const sensitivity = { enum: ['high', 'medium', 'low'] };
const stringList = { type: 'array', items: { type: 'string' } };
/** A regular expression, refused when invalid or when it could backtrack catastrophically. */
const regex = { type: 'string', minLength: 1, preachExpression: 'regex' };
const regexList = { type: 'array', items: regex };
/** compromise match syntax, refused when unbalanced or naming an unknown tag. */
const compromisePattern = { type: 'string', preachExpression: 'compromise' };

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
  description: 'Conversation context for an example: customer_name, customer_message, situation, channel, agent_name, tags, thread',
  additionalProperties: false,
  properties: {
    customer_name: { type: 'string' },
    customer_message: { type: 'string' },
    situation: { type: 'string' },
    channel,
    agent_name: { type: 'string' },
    tags: stringList,
    thread: threadSchema,
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

const perChannelNumber = {
  anyOf: [
    { type: 'number' },
    {
      type: 'object',
      additionalProperties: false,
      properties: { chat: { type: 'number' }, email: { type: 'number' }, social: { type: 'number' }, sms: { type: 'number' }, default: { type: 'number' } },
    },
  ],
  description: 'A number, or one per channel: {chat: 4, email: 12, default: 8}',
};

const common = {
  $schema: { type: 'string' },
  id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)?$', description: 'Lower-case words joined by hyphens, optionally prefixed by a pack name: "acme/no-sorry"' },
  category,
  severity,
  critical: { type: 'boolean', description: 'A critical rule sets the score to 0 (auto-fail)' },
  message: {
    type: 'string',
    minLength: 1,
    description:
      'Shown to the agent. Placeholders: {{match}} (the matched text), {{replacement}} (substitution), {{count}}, {{max}}, {{min}}, {{unit}} (occurrence), {{reply}}, {{customer}}, {{value}} (sentiment), and {{situation}}, {{channel}}, {{customer_name}}, {{agent_name}} (any kind)',
  },
  description: { type: 'string', description: 'One line: what the rule checks' },
  why: { type: 'string', description: 'Why support teams care' },
  url: { type: 'string' },
  note: { type: 'string', description: 'Shown under each message' },
  when: conditionsSchema,
  examples: examplesWith({ type: 'object', description: "Options for this example only, over the rule's own" }),
};

const matchers = {
  tokens: { type: 'array', items: { type: 'string', pattern: '\\S' }, description: 'Words or phrases, matched as whole words (spaces match any whitespace)' },
  patterns: { ...regexList, description: 'Regular expressions (JavaScript syntax, case-insensitive unless ignorecase: false)' },
  ignorecase: { type: 'boolean', description: 'Default true' },
  nonword: { type: 'boolean', description: 'Do not require word boundaries around tokens (default false)' },
  exceptions: { ...regexList, description: 'Regular expressions; a match that also matches one of these in full is not reported' },
  scope: { enum: ['prose', 'raw', 'opening', 'closing'], description: 'Where to look: prose (default), raw (the whole text, code and URLs too), opening (first sentence), closing (last sentence)' },
};

/**
 * One kind's branch of the rule schema. Its parameters are also what `.preachrc` and an
 * example's `options` may override, so examples are typed (and checked) with them.
 */
function kind(name: string, properties: Record<string, unknown>, required: string[] = [], keywords: Record<string, unknown> = {}) {
  const options = { type: 'object', additionalProperties: false, properties, ...keywords, description: "Options for this example only, over the rule's own" };
  return {
    if: { properties: { kind: { const: name } }, required: ['kind'] },
    then: {
      additionalProperties: false,
      required: ['id', 'kind', 'category', 'message', ...required],
      properties: { ...common, kind: { const: name }, ...properties, examples: examplesWith(options) },
      ...keywords,
    },
  };
}

export const RULE_KINDS = ['existence', 'substitution', 'pattern', 'occurrence', 'require', 'sentiment'] as const;

export const ruleSchema = {
  $id: 'https://preach.dev/schema/rule.schema.json',
  title: 'preach rule',
  description: 'A declarative preach rule (one per file, or a list of them under `rules:` in a pack file)',
  type: 'object',
  required: ['id', 'kind'],
  properties: { kind: { enum: RULE_KINDS, description: `One of: ${RULE_KINDS.join(', ')}` } },
  allOf: [
    kind('existence', { ...matchers }),
    kind('substitution', {
      ignorecase: matchers.ignorecase,
      nonword: matchers.nonword,
      exceptions: matchers.exceptions,
      scope: matchers.scope,
      swap: {
        type: 'object',
        minProperties: 1,
        additionalProperties: { type: 'string' },
        description: 'Phrase (or regular expression) → replacement; "a|b" offers several fixes; with regex: true, $1 inserts a captured group',
      },
      regex: { type: 'boolean', description: 'Treat swap keys as regular expressions (default false: literal phrases)' },
    }, ['swap'], { preachExpression: 'swap' }),
    kind('pattern', {
      match: {
        anyOf: [compromisePattern, { type: 'array', minItems: 1, items: compromisePattern }],
        description: "compromise match syntax, e.g. '#Modal #Adverb? (guarantee|promise)' or '[#Value] (days|hours)'; a list matches any",
      },
      exceptions: matchers.exceptions,
      prefilter: { ...regex, description: 'A regular expression the prose must match before the (slower) pattern runs' },
      scope: { enum: ['prose', 'opening', 'closing'], description: 'Where to look: prose (default), opening (first sentence) or closing (last sentence)' },
    }, ['match']),
    kind('occurrence', {
      of: { enum: ['exclamation', 'customer-name', 'sentences', 'words', 'paragraphs', 'questions', 'tokens'], description: 'What to count' },
      tokens: matchers.tokens,
      patterns: matchers.patterns,
      ignorecase: matchers.ignorecase,
      nonword: matchers.nonword,
      exceptions: matchers.exceptions,
      max: perChannelNumber,
      min: perChannelNumber,
    }, ['of']),
    kind('require', { ...matchers }),
    kind('sentiment', {
      max: { type: 'number', description: 'Highest reply sentiment allowed (AFINN sum; 0 is neutral)' },
      min: { type: 'number', description: 'Lowest reply sentiment allowed' },
      relative_to_customer: { type: 'boolean', description: "Bound the difference between the reply's and the customer's sentiment instead" },
    }),
  ],
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
  description: 'A severity (error, warning, suggestion, off), [severity, {options}] or {severity, options, when}',
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
        signature: { type: 'string', description: 'Regular expression with one group capturing the agent id from a sign-off, e.g. "\\\\^(\\\\w+)\\\\s*$"' },
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
    csv: {
      type: 'object',
      description: 'Column names for CSV transcripts',
      additionalProperties: { type: 'string' },
    },
  },
};
