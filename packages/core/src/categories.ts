import type { Category, Channel, Severity } from './types.js';

export interface CategoryInfo {
  id: Category;
  letter: string;
  label: string;
  summary: string;
}

/** The PREACH letters, in mnemonic order. */
export const CATEGORIES: readonly CategoryInfo[] = [
  { id: 'proud', letter: 'P', label: 'Proud', summary: 'confident about the product; no hedging, no opening with "Unfortunately"' },
  { id: 'responsible', letter: 'R', label: 'Responsible', summary: 'own mistakes, promise only what you control, give a next step and a time, keep secrets secret' },
  { id: 'empathetic', letter: 'E', label: 'Empathetic', summary: 'acknowledge feelings; match the tone to the situation' },
  { id: 'articulate', letter: 'A', label: 'Articulate', summary: 'no placeholders or jargon; correct spelling and grammar; readable sentences at a plain grade level' },
  { id: 'concise', letter: 'C', label: 'Concise', summary: 'no padding; a length that fits the channel' },
  { id: 'human', letter: 'H', label: 'Human', summary: "the customer's name, the right one; everyday words, not macros; an e-mail signed by a person" },
];

export const CATEGORY_IDS: readonly Category[] = CATEGORIES.map((c) => c.id);

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'suggestion'];

/**
 * Other spellings a config may use for a severity: `warn` is what ESLint calls a warning, and
 * people who write both configs type it from habit.
 */
export const SEVERITY_ALIASES: Readonly<Record<string, Severity>> = { warn: 'warning' };

/** A severity as written (`warn` too) under its own name; anything else as it is. */
export function canonicalSeverity<T>(value: T): T | Severity {
  return typeof value === 'string' && Object.hasOwn(SEVERITY_ALIASES, value) ? SEVERITY_ALIASES[value]! : value;
}

/** Where replies are sent, in the order tools list them. */
export const CHANNELS: readonly Channel[] = ['chat', 'email', 'social', 'sms'];

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORY_IDS as readonly string[]).includes(value);
}

export function categoryInfo(id: Category): CategoryInfo {
  return CATEGORIES.find((c) => c.id === id)!;
}
