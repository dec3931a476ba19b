'use strict';

// node:test: the built-in test runner's API — test/it, describe/suite with
// .skip/.todo/.only variants, the four hooks and the global `mock` tracker.
// Results are printed by the spec reporter when the process is about to exit.

const { runTest, runSuite, hookRegistrar, MockTracker } = require('internal/test_runner/test');

/** Adds `.skip`, `.todo` and `.only` variants to test-like function `run`. */
function withVariants(run) {
  const main = function(name, options, fn) {
    return run(name, options, fn, {});
  };
  main.skip = (name, options, fn) => run(name, options, fn, { skip: true });
  main.todo = (name, options, fn) => run(name, options, fn, { todo: true });
  main.only = (name, options, fn) => run(name, options, fn, { only: true });
  return main;
}

const test = withVariants(runTest);
const suite = withVariants(runSuite);
let mock;

module.exports = test;
Object.assign(test, {
  test,
  it: test,
  describe: suite,
  suite,
  before: hookRegistrar('before'),
  after: hookRegistrar('after'),
  beforeEach: hookRegistrar('beforeEach'),
  afterEach: hookRegistrar('afterEach'),
});
Object.defineProperty(test, 'mock', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() {
    mock ??= new MockTracker();
    return mock;
  },
});
