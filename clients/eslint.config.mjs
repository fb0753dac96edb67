// The clients' lint rules (ESLint flat config, typescript-eslint). Every package's `npm run lint`
// runs tsc (strict, tsconfig.base.json) and then ESLint with this file, found from the package up.
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  {
    ignores: [
      '**/dist/**',
      '**/lib/**',
      '**/node_modules/**',
      'packages/jupyterlab-collab/jupyterlab_collab/**',
      'packages/jupyterlab-collab/core-meta/**',
      'test-support/jupyterlab-app/build/**',
      'test-support/jupyterlab-app/static/**',
      'test-results/**'
    ]
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // Unused code is tsc's to find (noUnusedLocals, noUnusedParameters); like tsc, let a leading
      // underscore mark a parameter an interface requires, and a rest sibling leave a property out.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }]
    }
  },
  {
    // Tests and their helpers run in Node; code they hand to page.evaluate runs in the page.
    files: ['**/*.mjs', '**/*.js', '**/test/**/*.ts', '**/*.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } }
  },
  {
    // webpack reads its config with require(): CommonJS by necessity.
    files: ['**/webpack.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['packages/*/src/**/*.ts'],
    languageOptions: { globals: globals.browser }
  }
)
