import { languageName } from './language.js';
/**
 * A rule's docs, rendered from the rule itself: the reference page (docs/rules/ID.md, also
 * `preach explain ID --format markdown` and the editor's "Show rule docs"), the terminal text
 * of `preach explain ID` and the editor's hover over a finding. One renderer, so they cannot
 * drift apart.
 */

import { categoryInfo } from './categories.js';
import { summariseCheck } from './declarative/kinds/index.js';
import type { Category, Rule, RuleConditions, RuleExample, RuleSetting, Severity } from './types.js';

/** The conditions under which a rule applies, in words: "situation is refund, and channel is chat". */
export function describeConditions(when: RuleConditions): string {
  const parts: string[] = [];
  if (when.situation) parts.push(`situation is ${when.situation.join(' or ')}`);
  if (when.sensitivity) parts.push(Array.isArray(when.sensitivity) ? `sensitivity is ${when.sensitivity.join(' or ')}` : `sensitivity is ${when.sensitivity} or higher`);
  if (when.channel) parts.push(`channel is ${when.channel.join(' or ')}`);
  if (when.customer_sentiment) parts.push(`the customer sounds ${when.customer_sentiment}`);
  if (when.customer_message_matches) parts.push(`the customer's message matches /${when.customer_message_matches}/`);
  if (when.customer_name_known !== undefined) parts.push(when.customer_name_known ? "the customer's name is known" : "the customer's name is unknown");
  if (when.tags) parts.push(`tagged ${when.tags.join(' or ')}`);
  return parts.join(', and ');
}

/** A rule's reference page (docs/rules/ID.md), generated from the rule itself. */
/** "English (en), Korean (ko)", or "every language" for a rule that names none. */
export function describeLanguages(languages: readonly string[] | undefined): string {
  if (!languages || languages.includes('*')) return 'every language';
  return languages.map((id) => `${languageName(id)} (${id})`).join(', ');
}

export function ruleMarkdown(rule: Rule): string {
  const { meta } = rule;
  const info = categoryInfo(meta.category);
  const lines = [
    `# ${meta.id}`,
    '',
    `**${info.letter} · ${info.label}** · default severity: \`${meta.severity}\`${meta.critical ? ' · critical (zeroes the score)' : ''}${meta.fixable ? ' · fixable' : ''}${meta.kind ? ` · ${meta.kind === 'code' ? 'code rule' : `\`${meta.kind}\` rule`}` : ''} · languages: ${describeLanguages(meta.languages)}`,
    '',
    meta.docs.description,
    '',
    '## Why',
    '',
    meta.docs.why,
  ];
  if (meta.when) lines.push('', '## When it applies', '', `Only when ${describeConditions(meta.when)}.`);
  lines.push(...optionsMarkdown(rule));
  for (const [kind, title] of [
    ['bad', 'Flagged'],
    ['good', 'Not flagged'],
  ] as const) {
    const examples = meta.docs.examples[kind];
    if (!examples.length) continue;
    lines.push('', `## ${title}`, '');
    for (const example of examples) {
      const ctx = example.context;
      const context = ctx
        ? Object.entries({ customer: ctx.customerName, situation: ctx.situation, channel: ctx.channel, 'customer message': ctx.customerMessage })
            .filter(([, v]) => v)
            .map(([k, v]) => `${k}: ${v}`)
            .join('; ')
        : '';
      lines.push('```text', example.text, '```');
      if (context) lines.push(`<sub>${context}</sub>`);
      if (example.severity && example.severity !== meta.severity) lines.push('', `Reported as a ${example.severity}: the evidence is weaker than in the rule's usual case.`);
      // A fix across lines ("Hi Priya,\n\n…") keeps its line breaks in a block of its own.
      if (example.fixed !== undefined) lines.push('', ...(example.fixed.includes('\n') ? ['Fixed:', '', '```text', example.fixed, '```'] : [`Fixed: \`${example.fixed}\``]));
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A code rule's options as a table (declarative rules show their parameters in the rule file). */
function optionsMarkdown(rule: Rule): string[] {
  const properties = (rule.meta.optionsSchema?.properties ?? {}) as Record<string, { description?: string }>;
  if (rule.meta.kind !== 'code' || Object.keys(properties).length === 0) return [];
  const defaults = rule.meta.defaultOptions ?? {};
  const cell = (value: unknown) => (value === undefined ? '' : `\`${JSON.stringify(value).replace(/\|/g, '\\|')}\``);
  const rows = Object.entries(properties).map(([name, schema]) => `| \`${name}\` | ${(schema.description ?? '').replace(/\|/g, '\\|')} | ${cell(defaults[name])} |`);
  const renamed = Object.entries(rule.meta.renamedOptions ?? {}).map(([old, name]) => `\`${old}\` is now \`${name}\``);
  return [
    '',
    '## Options',
    '',
    `Set them in \`.preachrc.yaml\`: \`rules: { ${rule.meta.id}: [warning, { … }] }\`.`,
    '',
    '| option | what it does | default |',
    '|---|---|---|',
    ...rows,
    ...(renamed.length ? ['', `Renamed: ${renamed.join(', ')}. The old name still works, with a warning.`] : []),
  ];
}

/** How terminal text is styled; the caller brings its colours (plain text when left out). */
export interface TextStyle {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
}

const plain = (text: string) => text;
const PLAIN: TextStyle = { bold: plain, dim: plain, red: plain, green: plain };

/**
 * A rule's docs as terminal text (`preach explain ID`), with the severity and options a config
 * gives it (`setting`, undefined when the rule is off).
 */
export function ruleText(rule: Rule, setting: RuleSetting | undefined, c: TextStyle = PLAIN): string {
  const { meta } = rule;
  const info = categoryInfo(meta.category);
  const lines = [
    `${c.bold(meta.id)}  ${c.dim(`${info.letter} · ${info.label}`)}`,
    '',
    meta.docs.description,
    '',
    `${c.bold('Why:')} ${meta.docs.why}`,
    '',
    `${c.bold('Severity:')} ${setting?.severity ?? 'off'} (default ${meta.severity})${meta.critical ? ', critical: zeroes the score' : ''}${meta.fixable ? ' · has a fix' : ''}`,
  ];
  const checks = summariseCheck(rule, setting?.options);
  if (checks) lines.push(`${c.bold('Checks:')} ${checks}`);
  lines.push(`${c.bold('Languages:')} ${describeLanguages(meta.languages)}`);
  if (meta.when) lines.push(`${c.bold('Applies when:')} ${describeConditions(meta.when)}`);
  if (meta.origin && meta.origin !== 'preach:recommended') lines.push(`${c.bold('From:')} ${meta.origin}${meta.file ? ` (${meta.file})` : ''}`);
  const options = setting?.options ?? meta.defaultOptions;
  if (meta.kind === 'code' && options && Object.keys(options).length) lines.push(`${c.bold('Options:')} ${JSON.stringify(options)}`);
  for (const [kind, label, mark] of [
    ['bad', 'Flagged', c.red('✖')],
    ['good', 'Fine', c.green('✔')],
  ] as const) {
    const examples = meta.docs.examples[kind];
    if (examples.length === 0) continue;
    lines.push('', c.bold(`${label}:`));
    for (const example of examples) lines.push(`  ${mark} ${example.text.replace(/\n/g, '\n    ')}${contextNote(example, c)}`);
  }
  if (meta.url) lines.push('', c.dim(meta.url));
  return `${lines.join('\n')}\n`;
}

function contextNote(example: RuleExample, c: TextStyle): string {
  const ctx = example.context;
  if (!ctx) return '';
  const parts = [
    ctx.customerName && `customer ${ctx.customerName}`,
    ctx.situation && `situation ${ctx.situation}`,
    ctx.customerMessage && `replying to "${ctx.customerMessage}"`,
    ctx.channel && `on ${ctx.channel}`,
  ].filter(Boolean);
  return parts.length ? `\n    ${c.dim(`(${parts.join(', ')})`)}` : '';
}

/** A finding as its hover shows it: plain data, as it may come from a checker thread. */
export interface FindingForDocs {
  ruleId: string;
  message: string;
  category: Category;
  severity: Severity;
  note?: string;
  url?: string;
}

/** What a finding's hover shows of its rule: why it matters and a reply it accepts (plain data). */
export interface RuleGist {
  why: string;
  good?: string;
}

export function ruleGist(rule: Rule): RuleGist {
  const good = rule.meta.docs.examples.good[0];
  return { why: rule.meta.docs.why, ...(good ? { good: good.text } : {}) };
}

/**
 * The findings at one place in a draft as Markdown (the editor's hover): each message with its
 * note, its rule's why and a good example (`gists` by rule id), and a link to the rule's docs.
 */
export function findingsMarkdown(findings: readonly FindingForDocs[], gists: Readonly<Record<string, RuleGist>>): string {
  return findings
    .map((finding) => {
      const gist = gists[finding.ruleId];
      const lines = [`**preach** · \`${finding.ruleId}\` (${finding.category}, ${finding.severity})`, '', finding.message];
      if (finding.note) lines.push('', finding.note);
      if (gist?.why) lines.push('', `**Why:** ${gist.why}`);
      if (gist?.good) lines.push('', `**Good:** “${gist.good.replace(/\n+/g, ' ')}”`);
      if (finding.url) lines.push('', `[Rule docs](${finding.url})`);
      return lines.join('\n');
    })
    .join('\n\n---\n\n');
}
