import { defineConfig } from 'vitest/config'

// Unit tests of the package's logic, in Node (no browser, no server); the browser tests are test/*.browser.test.mjs.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts']
  }
})
