'use strict';

// internal/test_runner/test: the test tree behind node:test — Test (a test
// function and its subtests), Suite (describe blocks), TestContext (the `t`
// given to test functions), hooks, timeouts, plans, and the root that runs
// top-level tests one after another, attributes uncaught errors to the running
// test, prints results with the spec reporter and sets the exit code.

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { MockTracker } = require('internal/test_runner/mock');
const { SpecReporter } = require('internal/test_runner/reporter/spec');

/** assert exports that t.assert leaves out. */
const kUncopiedAssertKeys = ['AssertionError', 'strict', 'Assert', 'options'];
const kPendingMessage = 'Promise resolution is still pending but the event loop has already resolved';

/** Nanoseconds since an arbitrary origin. */
function now() {
  return process.hrtime.bigint();
}

/** Milliseconds since `start` (from now()), to the nanosecond as the reporter shows them. */
function millisecondsSince(start) {
  return Number(now() - start) / 1e6;
}

/** File, line and column of the user call that created a test (skipping node: frames). */
function callerLocation() {
  const saved = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  Error.prepareStackTrace = (error, callSites) => callSites;
  Error.stackTraceLimit = 30;
  const holder = {};
  Error.captureStackTrace(holder, callerLocation);
  const callSites = holder.stack;
  Error.prepareStackTrace = saved;
  Error.stackTraceLimit = savedLimit;
  if (!Array.isArray(callSites)) return undefined;
  for (const site of callSites) {
    const file = site.getFileName();
    if (file && !file.startsWith('node:')) {
      return { file, line: site.getLineNumber(), column: site.getColumnNumber() };
    }
  }
  return undefined;
}

/** Splits `(name?, options?, fn?)` the way test(), it() and describe() accept them. */
function parseTestArgs(name, options, fn) {
  if (typeof name === 'function') {
    fn = name;
    name = undefined;
    options = undefined;
  } else if (name !== null && typeof name === 'object') {
    fn = options;
    options = name;
    name = undefined;
  } else if (typeof options === 'function') {
    fn = options;
    options = undefined;
  }
  if (options === null || options === undefined) options = {};
  if (typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
  if (fn !== undefined && typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', 'function', fn);
  if (name === undefined || name === null || name === '') name = fn?.name || '<anonymous>';
  return { name: `${name}`, options, fn };
}

/** A failure that is not a thrown value: a timeout, a plan mismatch, a cancellation. */
class TestFailure {
  constructor(kind, cause) {
    this.kind = kind;
    this.cause = cause;
  }
}

/** The tests currently running, innermost last (tests run one at a time). */
const runningTests = [];

class Test {
  constructor({ name, options = {}, fn, parent, location }) {
    this.name = name;
    this.fn = fn ?? (() => {});
    this.parent = parent ?? null;
    this.nesting = parent ? (parent.isRoot ? 0 : parent.nesting + 1) : -1;
    this.isRoot = !parent;
    this.location = location;
    this.skip = options.skip ? options.skip : undefined;
    this.todo = options.todo ? options.todo : undefined;
    this.timeout = typeof options.timeout === 'number' && options.timeout !== Infinity ? options.timeout : undefined;
    this.subtests = [];
    this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
    this.diagnostics = [];
    this.passed = false;
    this.failure = null;
    this.durationMs = 0;
    this.planned = undefined;
    this.assertions = 0;
    this.controller = new AbortController();
    this.mockTracker = undefined;
    this.pendingSubtests = [];
    this.subtestDrain = null;
    this.failRun = null;
    this.beforeHooksRan = false;
  }

  get isSuite() {
    return false;
  }

  get mock() {
    this.mockTracker ??= new MockTracker();
    return this.mockTracker;
  }

  /** The value the reporter prints for this failure. */
  reportedError() {
    return this.failure instanceof TestFailure ? this.failure.cause : this.failure;
  }

  /** Failures caused only by failing subtests are not repeated in the failing-tests list. */
  listedAsFailure() {
    return !(this.failure instanceof TestFailure && this.failure.kind === 'subtestsFailed');
  }

  /** Adds a subtest and starts it now if none is running, else after the ones queued. */
  enqueueSubtest(subtest) {
    this.subtests.push(subtest);
    return new Promise((resolve) => {
      this.pendingSubtests.push(() => subtest.run().then(resolve));
      if (!this.subtestDrain) this.subtestDrain = this.drainSubtests();
    });
  }

  /** Runs queued subtests one by one, after this test's `before` hooks (once). */
  async drainSubtests() {
    if (!this.beforeHooksRan) {
      this.beforeHooksRan = true;
      for (const hook of this.hooks.before) await runHook(hook, this.hookContext());
    }
    while (this.pendingSubtests.length > 0) await this.pendingSubtests.shift()();
    this.subtestDrain = null;
  }

  /** The context hooks registered on this test receive. */
  hookContext() {
    return this.isRoot ? new SuiteContext(this) : new TestContext(this);
  }

  async waitForSubtests() {
    while (this.subtestDrain) await this.subtestDrain;
  }

  fail(error) {
    if (this.failure === null) this.failure = error;
  }

  /** Runs the hooks of `kind` registered on this test's ancestors for `test`. */
  async runInheritedHooks(kind, test, context) {
    const chain = [];
    for (let owner = test.parent; owner; owner = owner.parent) chain.unshift(owner);
    if (kind === 'afterEach') chain.reverse();
    for (const owner of chain) {
      for (const hook of owner.hooks[kind]) await runHook(hook, context);
    }
  }

  /** Calls the test function and waits for it (promise, callback or timeout). */
  runBody(context) {
    const { fn } = this;
    return new Promise((resolve, reject) => {
      this.failRun = reject;
      if (this.timeout !== undefined) {
        const timer = setTimeout(() => {
          reject(new TestFailure('cancelled', `test timed out after ${this.timeout}ms`));
        }, this.timeout);
        const clear = () => clearTimeout(timer);
        this.clearTimeout = clear;
      }
      try {
        if (fn.length >= 2) {
          let called = false;
          const done = (error) => {
            if (called) return;
            called = true;
            if (error) reject(error);
            else resolve();
          };
          fn.call(context, context, done);
        } else {
          const result = fn.call(context, context);
          if (result && typeof result.then === 'function') result.then(() => resolve(), reject);
          else resolve();
        }
      } catch (error) {
        reject(error);
      }
    });
  }

  async run() {
    const start = now();
    runningTests.push(this);
    const context = new TestContext(this);
    const skippedBeforeStart = this.skip !== undefined;
    try {
      if (!skippedBeforeStart) {
        await this.runInheritedHooks('beforeEach', this, context);
        await this.runBody(context);
        await this.waitForSubtests();
      }
    } catch (error) {
      this.fail(error);
    }
    this.clearTimeout?.();
    if (!skippedBeforeStart) {
      try {
        for (const hook of this.hooks.after) await runHook(hook, context);
        await this.runInheritedHooks('afterEach', this, context);
      } catch (error) {
        this.fail(error);
      }
    }
    this.finish(start);
  }

  /** Settles the result: plan check, subtest failures, duration, signal, mocks. */
  finish(start) {
    const index = runningTests.lastIndexOf(this);
    if (index !== -1) runningTests.splice(index, 1);
    if (this.failure === null && this.planned !== undefined && this.planned !== this.assertions) {
      this.failure = new TestFailure('testCodeFailure',
                                     `plan expected ${this.planned} assertions but received ${this.assertions}`);
    }
    const failedSubtests = this.subtests.filter((subtest) => !subtest.passed && subtest.todo === undefined &&
                                                                subtest.skip === undefined).length;
    if (this.failure === null && failedSubtests > 0) {
      this.failure = new TestFailure('subtestsFailed',
                                     `${failedSubtests} subtest${failedSubtests === 1 ? '' : 's'} failed`);
    }
    this.passed = this.failure === null;
    this.durationMs = millisecondsSince(start);
    this.failRun = null;
    this.controller.abort();
    this.mockTracker?.restoreAll();
    if (this.parent?.isRoot) this.parent.report(this);
  }
}

/** A describe() block: its function runs at once to collect tests that run later. */
class Suite extends Test {
  constructor(args) {
    super(args);
    this.buildPromise = null;
    if (this.skip !== undefined) return;
    const previous = definingSuite;
    definingSuite = this;
    try {
      const context = new SuiteContext(this);
      const result = this.fn.call(context, context);
      if (result && typeof result.then === 'function') this.buildPromise = result;
    } catch (error) {
      this.fail(error);
    } finally {
      definingSuite = previous;
    }
  }

  get isSuite() {
    return true;
  }

  enqueueSubtest(subtest) {
    this.subtests.push(subtest);
    return Promise.resolve();
  }

  async run() {
    const start = now();
    runningTests.push(this);
    const context = new SuiteContext(this);
    try {
      await this.buildPromise;
      if (this.failure === null && this.skip === undefined) {
        for (const hook of this.hooks.before) await runHook(hook, context);
        for (const subtest of this.subtests) await subtest.run();
        for (const hook of this.hooks.after) await runHook(hook, context);
      }
    } catch (error) {
      this.fail(error);
    }
    this.finish(start);
  }
}

/** `outer > inner > test`; the root is called `<root>`. */
function fullNameOf(test) {
  if (test.isRoot) return '<root>';
  const names = [];
  for (let current = test; !current.isRoot; current = current.parent) names.unshift(current.name);
  return names.join(' > ');
}

async function runHook(hook, context) {
  if (hook.length >= 2) {
    await new Promise((resolve, reject) => {
      hook.call(context, context, (error) => (error ? reject(error) : resolve()));
    });
  } else {
    await hook.call(context, context);
  }
}

/** The `t` argument of a test function. */
class TestContext {
  #test;

  constructor(test) {
    this.#test = test;
  }

  get name() {
    return this.#test.name;
  }

  get fullName() {
    return fullNameOf(this.#test);
  }

  get signal() {
    return this.#test.controller.signal;
  }

  get mock() {
    return this.#test.mock;
  }

  get assert() {
    const test = this.#test;
    const assert = require('assert');
    const bound = { __proto__: null };
    for (const name of Object.keys(assert)) {
      if (typeof assert[name] !== 'function' || kUncopiedAssertKeys.includes(name)) continue;
      bound[name] = (...args) => {
        test.assertions++;
        return assert[name](...args);
      };
    }
    return bound;
  }

  diagnostic(message) {
    this.#test.diagnostics.push(message);
  }

  plan(count) {
    if (typeof count !== 'number') throw new ERR_INVALID_ARG_TYPE('count', 'number', count);
    this.#test.planned = count;
  }

  skip(message) {
    this.#test.skip = message ?? '';
  }

  todo(message) {
    this.#test.todo = message ?? '';
  }

  runOnly() {}

  before(fn) {
    this.#test.hooks.before.push(fn);
  }

  after(fn) {
    this.#test.hooks.after.push(fn);
  }

  beforeEach(fn) {
    this.#test.hooks.beforeEach.push(fn);
  }

  afterEach(fn) {
    this.#test.hooks.afterEach.push(fn);
  }

  test(name, options, fn) {
    const parent = this.#test;
    parent.assertions++;
    const args = parseTestArgs(name, options, fn);
    return parent.enqueueSubtest(new Test({ ...args, parent, location: callerLocation() }));
  }
}

/** The context a describe() function and suite-level hooks receive. */
class SuiteContext {
  #suite;

  constructor(suite) {
    this.#suite = suite;
  }

  get name() {
    return this.#suite.name;
  }

  get fullName() {
    return fullNameOf(this.#suite);
  }

  get signal() {
    return this.#suite.controller.signal;
  }
}

/** The suite whose describe() function is running, if any. */
let definingSuite = null;
let root = null;

/** The test new tests and hooks attach to: the suite being defined, the running test, or the root. */
function currentParent() {
  if (definingSuite) return definingSuite;
  if (runningTests.length > 0) return runningTests[runningTests.length - 1];
  return getRoot();
}

/** The invisible test that holds top-level tests, created on first use. */
function getRoot() {
  if (root) return root;
  root = new Test({ name: '<root>' });
  root.startTime = now();
  root.reporter = new SpecReporter();
  root.summarised = false;
  root.report = (test) => process.stdout.write(root.reporter.formatTree(test));
  root.enqueueSubtest = function(subtest) {
    this.subtests.push(subtest);
    return new Promise((resolve) => {
      this.pendingSubtests.push(() => subtest.run().then(resolve));
      if (!this.subtestDrain) this.subtestDrain = Promise.resolve().then(() => this.drainSubtests());
    });
  };
  process.on('uncaughtException', attributeUncaught);
  process.on('unhandledRejection', attributeUncaught);
  process.on('beforeExit', finishRoot);
  return root;
}

/** Fails the running test with an error nobody caught. */
function attributeUncaught(error) {
  const test = runningTests.findLast((candidate) => candidate.failRun);
  if (test) {
    test.failRun(error);
    return;
  }
  process.exitCode = 1;
  process.stderr.write(`${require('internal/util/inspect').inspect(error)}\n`);
}

/** When the event loop empties: cancel a stalled test, or run `after` hooks and summarise. */
async function finishRoot() {
  if (root.summarised) return;
  const stalled = runningTests.findLast((candidate) => candidate.failRun);
  if (stalled) {
    stalled.failRun(new TestFailure('cancelled', kPendingMessage));
    return;
  }
  if (root.subtestDrain) return;
  root.summarised = true;
  try {
    for (const hook of root.hooks.after) await runHook(hook, new SuiteContext(root));
  } catch (error) {
    root.fail(error);
  }
  const counts = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
  const visit = (test) => {
    for (const subtest of test.subtests) {
      visit(subtest);
      if (subtest.isSuite) {
        counts.suites++;
        continue;
      }
      counts.tests++;
      if (subtest.skip !== undefined) counts.skipped++;
      else if (subtest.todo !== undefined) counts.todo++;
      else if (subtest.passed) counts.pass++;
      else if (subtest.failure instanceof TestFailure && subtest.failure.kind === 'cancelled') counts.cancelled++;
      else counts.fail++;
    }
  };
  visit(root);
  process.stdout.write(root.reporter.formatSummary(counts, millisecondsSince(root.startTime)));
  if (counts.fail > 0 || counts.cancelled > 0 || root.failure !== null) process.exitCode = 1;
}

/** test()/it(): a subtest of the current parent. */
function runTest(name, options, fn, overrides) {
  const args = parseTestArgs(name, options, fn);
  Object.assign(args.options = { ...args.options }, overrides);
  const parent = currentParent();
  return parent.enqueueSubtest(new Test({ ...args, parent, location: callerLocation() }));
}

/** describe()/suite(): a Suite under the current parent. */
function runSuite(name, options, fn, overrides) {
  const args = parseTestArgs(name, options, fn);
  Object.assign(args.options = { ...args.options }, overrides);
  const parent = currentParent();
  const suite = new Suite({ ...args, parent, location: callerLocation() });
  return parent.enqueueSubtest(suite);
}

/** before()/after()/beforeEach()/afterEach() outside a test: registered on the current parent. */
function hookRegistrar(kind) {
  return function hook(fn) {
    if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', 'function', fn);
    currentParent().hooks[kind].push(fn);
  };
}

module.exports = { runTest, runSuite, hookRegistrar, MockTracker };
