/**
 * How many random cases a property test tries: `quick` in `npm test`, `full` in
 * `npm run test:full` (vitest --mode full, see vitest.config.ts). The cases come from a fixed
 * seed, so the quick run tries the first of the full run's cases and a failure can be repeated.
 */
export function propertyCases(quick: number, full: number): number {
  return process.env.PREACH_FULL_TESTS === '1' ? full : quick;
}
