import { defineConfig } from 'vitest/config'

// Unit tests of a package's logic, in Node: no browser, no server.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts']
  }
})
