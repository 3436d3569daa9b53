import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { TEST_HANG_GUARD_MS } from './test/helpers/hang-guard.mjs';

// `vitest --mode full` (npm run test:full) tries more cases in property tests (test/helpers/property.ts).
export default defineConfig(({ mode }) => ({
  test: {
    env: { PREACH_FULL_TESTS: mode === 'full' ? '1' : '' },
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'rules/test/**/*.test.ts', 'extension/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'test/vscode/**'],
    // Hang guards, not speed limits: a test may take as long as a busy machine needs.
    testTimeout: TEST_HANG_GUARD_MS,
    hookTimeout: TEST_HANG_GUARD_MS,
    pool: 'forks',
    // Files share a worker's loaded modules instead of each loading the engine, compromise and
    // the rules again (a fifth of the suite's CPU time). No test relies on fresh module state.
    isolate: false,
    // Most files spend their time waiting on the `preach` processes they start; with one file at
    // a time (vitest's default on two cores) the second core sat idle.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
}));
