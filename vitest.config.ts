import { defineConfig } from 'vitest/config';
import { TEST_HANG_GUARD_MS } from './test/helpers/hang-guard.mjs';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'rules/test/**/*.test.ts', 'extension/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'test/vscode/**'],
    // Hang guards, not speed limits: a test may take as long as a busy machine needs.
    testTimeout: TEST_HANG_GUARD_MS,
    hookTimeout: TEST_HANG_GUARD_MS,
    pool: 'forks',
  },
});
