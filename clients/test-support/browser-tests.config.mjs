import { defineConfig } from 'vitest/config'

// The browser tests (test/*.browser.test.mjs), run by Vitest like every other client test. Each
// file starts its own servers and Chromium, so files run one after another (side by side they
// would crowd a small machine), and the limits are long: every step inside a test polls with a
// deadline of its own, and starting JupyterLab or a kernel takes minutes on a loaded machine.
export default defineConfig({
  test: {
    include: ['test/**/*.browser.test.mjs'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000
  }
})
