import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // the built CLI (dist/cli) that tests run through bin/evidesk.js
    globalSetup: ['tests/support/build-cli-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores on CI: media tools already run in parallel inside tests.
    maxWorkers: 2,
  },
})
