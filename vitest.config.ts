import { defineConfig } from 'vitest/config'

// Unit tests live beside the code; integration tests run once per store (see test/integration/stores.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
