export { default } from '../../test-support/browser-tests.config.mjs'
