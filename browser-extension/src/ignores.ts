import { extensionApi } from './api.js';

/**
 * What the agent set aside in one reply: findings ("ignore here"), whole rules ("for this reply")
 * and the situation they chose. Kept in the extension's local storage, never in the reply.
 */
export interface Ignores {
  here: string[];
  rules: string[];
  situation?: string;
  /** When it was last changed, so old replies are forgotten. */
  at?: number;
}

const PREFIX = 'reply:';
/** Replies untouched for this long are forgotten. */
export const FORGET_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

export async function loadIgnores(reply: string): Promise<Ignores> {
  const key = PREFIX + reply;
  const stored = (await extensionApi().storage.local.get(key))[key] as Ignores | undefined;
  return { here: stored?.here ?? [], rules: stored?.rules ?? [], ...(stored?.situation ? { situation: stored.situation } : {}) };
}

export async function saveIgnores(reply: string, ignores: Ignores): Promise<void> {
  await extensionApi().storage.local.set({ [PREFIX + reply]: { ...ignores, at: Date.now() } });
}

/** Drops what was kept for replies nobody has touched in a month. */
export async function forgetOldReplies(now = Date.now()): Promise<void> {
  const all = await extensionApi().storage.local.get(null);
  const old = Object.entries(all)
    .filter(([key, value]) => key.startsWith(PREFIX) && now - ((value as Ignores).at ?? 0) > FORGET_AFTER_MS)
    .map(([key]) => key);
  if (old.length) await extensionApi().storage.local.remove(old);
}
