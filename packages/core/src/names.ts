import type { CustomerName } from './types.js';

const HONORIFICS = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|madam|dame)\.?$/i;
/** Surname particles: part of the full name, never a name on their own ("van", "de"). */
const PARTICLES = /^(?:van|von|der|den|de|da|di|du|del|della|la|le|bin|binti|al|el|st\.?)$/i;

/** Lower-cases and strips accents, so "José" and "Jose" compare equal. */
export function foldName(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'").toLowerCase();
}

/**
 * Splits a customer's name into the forms a reply may use. Returns undefined for values that
 * are not names a person would be greeted by (numeric ids, handles, e-mail addresses).
 */
export function parseCustomerName(raw: string | undefined): CustomerName | undefined {
  if (!raw) return undefined;
  // Help desks export "Raman, Priya" and "Priya Raman (Acme)"; people are greeted as "Priya".
  let full = raw.replace(/\([^)]*\)/g, ' ').trim().replace(/\s+/g, ' ');
  const reversed = /^([^\s,]+),\s*([^,]+)$/.exec(full);
  if (reversed) full = `${reversed[2]} ${reversed[1]}`;
  else full = full.split(',')[0]!.trim(); // "Priya Raman, Acme Inc"
  // Handles ("priya_r", "mike1987") are not names a person would be greeted by.
  // A name in any script is a name (王伟, 김민준, สมชาย): only text with no letter at all is not.
  if (!full || /^[@\d]|@/.test(full) || /^[^\p{L}\p{N}]+$/u.test(full) || /[\d_]/.test(full)) return undefined;
  const parts = full.split(' ').filter((part) => !HONORIFICS.test(part));
  if (parts.length === 0) return undefined;
  const first = parts[0]!;
  const last = parts.length > 1 ? parts[parts.length - 1] : undefined;
  const accepted = new Set<string>();
  // Every given part is a way to address the person ("Ana María López": Ana, María, López).
  for (const form of [full, parts.join(' '), ...parts.filter((part) => part.replace(/\.$/, '').length > 1 && !PARTICLES.test(part))]) {
    if (!form) continue;
    accepted.add(form.toLowerCase());
    accepted.add(foldName(form));
  }
  return { full, first, last, accepted: [...accepted] };
}
