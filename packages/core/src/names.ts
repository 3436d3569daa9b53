import type { CustomerName } from './types.js';

const HONORIFICS = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|madam|dame)\.?$/i;

/** Lower-cases and strips accents, so "José" and "Jose" compare equal. */
export function foldName(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Splits a customer's name into the forms a reply may use. Returns undefined for values that
 * are not names a person would be greeted by (numeric ids, handles, e-mail addresses).
 */
export function parseCustomerName(raw: string | undefined): CustomerName | undefined {
  if (!raw) return undefined;
  const full = raw.trim().replace(/\s+/g, ' ');
  if (!full || /^[@\d]|@|^\W+$/.test(full) || /\d{3,}/.test(full)) return undefined;
  const parts = full.split(' ').filter((part) => !HONORIFICS.test(part));
  if (parts.length === 0) return undefined;
  const first = parts[0]!;
  const last = parts.length > 1 ? parts[parts.length - 1] : undefined;
  const accepted = new Set<string>();
  for (const form of [full, parts.join(' '), first, last]) {
    if (!form) continue;
    accepted.add(form.toLowerCase());
    accepted.add(foldName(form));
  }
  return { full, first, last, accepted: [...accepted] };
}
