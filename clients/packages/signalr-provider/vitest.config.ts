import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One real server per file; files run one after another to spare the shared machine.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
})
