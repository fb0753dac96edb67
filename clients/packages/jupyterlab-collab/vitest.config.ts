export { default } from '../../test-support/unit-tests.config.mjs'
