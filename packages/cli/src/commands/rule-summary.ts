import { OCCURRENCE_UNITS, type Rule } from '@preach/core';

const SCOPES: Record<string, string> = { raw: 'anywhere in the text, code and links included', opening: 'in the first sentence', closing: 'in the last sentence' };

/**
 * One line saying what a declarative rule looks for, with the options in force (a team may have
 * changed them in `.preachrc`), so `preach explain` answers "why did this fire?" without opening
 * the rule file. Undefined for code rules.
 */
export function summariseCheck(rule: Rule, options: Record<string, any> = rule.meta.defaultOptions ?? {}): string | undefined {
  const where = options.scope && SCOPES[options.scope] ? `, ${SCOPES[options.scope]}` : '';
  switch (rule.meta.kind) {
    case 'existence':
      return `Looks for ${matchers(options)}${where}${exceptions(options)}.`;
    case 'require':
      return `Requires one of ${matchers(options)}${where}.`;
    case 'substitution': {
      const swaps = Object.entries((options.swap ?? {}) as Record<string, string>);
      const shown = swaps.slice(0, 4).map(([from, to]) => `"${from}" → "${to.split('|').join('" or "')}"`);
      return `Replaces ${shown.join(', ')}${swaps.length > 4 ? ` and ${swaps.length - 4} more` : ''}${options.regex ? ' (regular expressions)' : ''}${where}${exceptions(options)}.`;
    }
    case 'pattern': {
      const patterns: string[] = Array.isArray(options.match) ? options.match : [options.match];
      return `Matches the compromise pattern ${patterns.map((p) => `'${p}'`).join(' or ')}${where}${exceptions(options)}.`;
    }
    case 'occurrence': {
      const unit = options.of === 'tokens' ? `matches of ${matchers(options)}` : (OCCURRENCE_UNITS[options.of] ?? options.of);
      return `Counts ${unit}: ${[bound('at least', options.min), bound('at most', options.max)].filter(Boolean).join(' and ')}.`;
    }
    case 'sentiment': {
      const subject = options.relative_to_customer ? "the reply's sentiment minus the customer's" : "the reply's sentiment";
      return `Keeps ${subject} ${[bound('at least', options.min), bound('at most', options.max)].filter(Boolean).join(' and ')} (AFINN score, 0 is neutral).`;
    }
    default:
      return undefined;
  }
}

function matchers(options: Record<string, any>): string {
  const tokens: string[] = options.tokens ?? [];
  const patterns: string[] = options.patterns ?? [];
  const parts: string[] = [];
  if (tokens.length) parts.push(`${tokens.slice(0, 5).map((t) => `"${t}"`).join(', ')}${tokens.length > 5 ? ` and ${tokens.length - 5} more` : ''}`);
  if (patterns.length) parts.push(patterns.slice(0, 3).map((p) => `/${p}/`).join(', ') + (patterns.length > 3 ? ` and ${patterns.length - 3} more patterns` : ''));
  return parts.join(', ') || 'nothing';
}

function exceptions(options: Record<string, any>): string {
  const list: string[] = options.exceptions ?? [];
  return list.length ? `, except ${list.map((e) => `/${e}/`).join(', ')}` : '';
}

function bound(label: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return `${label} ${value}`;
  return `${label} ${Object.entries(value as Record<string, number>).map(([channel, n]) => `${n} on ${channel === 'default' ? 'other channels' : channel}`).join(', ')}`;
}
