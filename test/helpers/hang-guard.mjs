/**
 * How long a test waits for a process, a server's answer or an editor before calling it hung.
 * Nothing in a test depends on how fast the machine is: on a busy machine a run of `preach` may
 * take many times as long as on a quiet one, and that is no failure. These bounds are far above
 * that; they only stop a test that would otherwise wait for ever.
 */
export const HANG_GUARD_MS = 5 * 60_000;

/** vitest's own limit for a test or a hook, above the waits inside it. */
export const TEST_HANG_GUARD_MS = 3 * HANG_GUARD_MS;
