'use strict';
// Builds `process` and the globals, and registers the hooks the host calls: stack
// formatting (prepareStackTrace), the loop phases (processTimers, processImmediate,
// tickCallback), fatalException, start, and the end of the process (beforeExit, exit).

const EventEmitter = require('events');
const { setHook } = internalBinding('engine');
const methods = internalBinding('process_methods');
const envBinding = internalBinding('env');
const info = methods.info();

setHook('prepareStackTrace', require('internal/errors').prepareStackTraceCallback);

// --- process ---------------------------------------------------------------------------
// Named `process` so that V8's messages say `#<process>`, as in Node.
const processCtor = function process() {};
const processProto = Object.create(EventEmitter.prototype, {
  constructor: { value: processCtor, writable: true, configurable: true },
});
processCtor.prototype = processProto;
const process = Object.create(processProto);
EventEmitter.call(process);
Object.defineProperty(process, Symbol.toStringTag, {
  value: 'process', writable: false, enumerable: false, configurable: true,
});
// `process` and `Buffer` are replaceable accessors on the global, as in Node.
function defineAccessorGlobal(name, load) {
  let value;
  let loaded = false;
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable: false,
    get() {
      if (!loaded) {
        value = load();
        loaded = true;
      }
      return value;
    },
    set(newValue) {
      value = newValue;
      loaded = true;
    },
  });
}
defineAccessorGlobal('process', () => process);

// Setting or removing TZ changes the time zone of Date and Intl at once, as in Node.
function setEnv(key, value) {
  envBinding.set(key, value);
  if (key === 'TZ') notifyTimeZoneChanged();
}
function removeEnv(key) {
  envBinding.remove(key);
  if (key === 'TZ') notifyTimeZoneChanged();
}
function notifyTimeZoneChanged() {
  internalBinding('engine').timeZoneChanged();
}

// DEP0104, once and only under --pending-deprecation, as in Node.
let warnedNonStringEnvValue = false;
function warnNonStringEnvValue() {
  if (warnedNonStringEnvValue || !info.execArgv.includes('--pending-deprecation')) return;
  warnedNonStringEnvValue = true;
  process.emitWarning(
    'Assigning any value other than a string, number, or boolean to a process.env property ' +
    'is deprecated. Please make sure to convert the value to a string before setting ' +
    'process.env with it.', 'DeprecationWarning', 'DEP0104');
}
const env = new Proxy({}, {
  get(target, key) {
    if (typeof key === 'string') {
      const value = envBinding.get(key);
      if (value !== undefined) return value;
    }
    // Unset names fall through to Object.prototype (`env.hasOwnProperty`), as in Node.
    return Reflect.get(target, key);
  },
  set(target, key, value) {
    if (typeof key === 'symbol') {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('key', 'string', key);
    }
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      warnNonStringEnvValue();
    }
    setEnv(String(key), `${value}`);
    return true;
  },
  has(target, key) {
    return typeof key === 'string' && envBinding.get(key) !== undefined;
  },
  deleteProperty(target, key) {
    if (typeof key === 'string') removeEnv(key);
    return true;
  },
  ownKeys() {
    return envBinding.keys();
  },
  getOwnPropertyDescriptor(target, key) {
    if (typeof key !== 'string') return undefined;
    const value = envBinding.get(key);
    if (value === undefined) return undefined;
    return { value, writable: true, enumerable: true, configurable: true };
  },
  defineProperty(target, key, descriptor) {
    // Node raises these from C++: a TypeError with a code and a plain message.
    const invalidDescriptor = (message) => {
      const err = new TypeError(message);
      err.code = 'ERR_INVALID_OBJECT_DEFINE_PROPERTY';
      return err;
    };
    if ('get' in descriptor || 'set' in descriptor) {
      throw invalidDescriptor("'process.env' does not accept an accessor(getter/setter) descriptor");
    }
    if (!('value' in descriptor) || descriptor.writable !== true ||
        descriptor.enumerable !== true || descriptor.configurable !== true) {
      throw invalidDescriptor(
        "'process.env' only accepts a configurable, writable, and enumerable data descriptor");
    }
    if (typeof key === 'string') setEnv(key, `${descriptor.value}`);
    return true;
  },
});

let exitCode;
function validateExitCode(code) {
  if (code === undefined || code === null) return code;
  if (typeof code === 'string' && code !== '' && Number.isInteger(+code)) return +code;
  if (!Number.isInteger(code)) {
    const { codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } } = require('internal/errors');
    if (typeof code === 'number') throw new ERR_OUT_OF_RANGE('code', 'an integer', code);
    throw new ERR_INVALID_ARG_TYPE('code', 'number', code);
  }
  return code;
}

const versions = {
  node: info.nodeVersion,
  oxnode: info.oxnodeVersion,
  [info.engineName]: info.engineVersion,
  // The libuv release whose behaviour the event loop follows (Node 25.8's).
  uv: '1.51.0',
  // The llhttp release whose strict parsing parsers::http follows.
  llhttp: '9.3.1',
  // crypto and tls are ring and rustls, not OpenSSL. Code (and Node's own tests, through
  // `common.hasCrypto`) reads this field to learn whether crypto exists at all, so it
  // names the OpenSSL release Node 25.8 ships, as Deno and Bun report one too.
  openssl: '3.5.5',
};

Object.assign(process, {
  title: 'node',
  version: `v${info.nodeVersion}`,
  versions,
  arch: info.arch,
  platform: info.platform,
  release: { name: 'node' },
  argv: info.argv,
  execArgv: info.execArgv,
  argv0: info.argv0,
  execPath: info.execPath,
  env,
  pid: info.pid,
  ppid: info.ppid,
  features: { inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: true,
              tls_sni: true, tls_ocsp: false, tls: true, openssl_is_boringssl: false,
              cached_builtins: true, require_module: true, quic: false, typescript: false },
  moduleLoadList: require('internal/bootstrap/realm').moduleLoadList,
  _exiting: false,
  noDeprecation: false,
  throwDeprecation: false,
  traceDeprecation: false,
});
for (const [flag, property] of [['--no-deprecation', 'noDeprecation'],
                                ['--throw-deprecation', 'throwDeprecation'],
                                ['--trace-deprecation', 'traceDeprecation'],
                                ['--trace-warnings', 'traceWarnings']]) {
  if (info.execArgv.includes(flag)) process[property] = true;
}
// The build configuration, frozen as in Node; only what describes this build.
Object.defineProperty(process, 'config', {
  value: Object.freeze({
    target_defaults: Object.freeze({}),
    variables: Object.freeze({
      v8_enable_i18n_support: 1,
      icu_small: false,
      is_debug: 0,
      asan: 0,
      ubsan: 0,
      node_shared: false,
      node_use_openssl: false,
      single_executable_application: false,
    }),
  }),
  writable: false, enumerable: true, configurable: true,
});
Object.defineProperty(process, 'exitCode', {
  enumerable: true,
  configurable: false,
  get() { return exitCode; },
  set(code) { exitCode = validateExitCode(code); },
});

process.cwd = function cwd() { return methods.cwd(); };
process.chdir = function chdir(directory) {
  if (typeof directory !== 'string') {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('directory', 'string', directory);
  }
  methods.chdir(directory);
};
process.umask = function umask(mask) {
  if (mask !== undefined) mask = require('internal/validators').parseFileMode(mask, 'mask');
  return methods.umask(mask);
};
process.getuid = function getuid() { return methods.getuid(); };
process.geteuid = function geteuid() { return methods.geteuid(); };
process.getgid = function getgid() { return methods.getgid(); };
process.getegid = function getegid() { return methods.getegid(); };
process.getgroups = function getgroups() { return methods.getgroups(); };

// The credential setters take a numeric id or a user/group name.
function validateId(id, name) {
  if (typeof id === 'number') {
    require('internal/validators').validateUint32(id, name);
  } else if (typeof id !== 'string') {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE(name, ['number', 'string'], id);
  }
}
// A validated id as a number; names are looked up, unknown ones throw.
function resolveId(id, type) {
  if (typeof id === 'number') return id >>> 0;
  const numeric = type === 'User' ? methods.userId(id) : methods.groupId(id);
  if (numeric === -1) {
    const { codes: { ERR_UNKNOWN_CREDENTIAL } } = require('internal/errors');
    throw new ERR_UNKNOWN_CREDENTIAL(type, id);
  }
  return numeric;
}
for (const [name, type] of [['setuid', 'User'], ['seteuid', 'User'],
                            ['setgid', 'Group'], ['setegid', 'Group']]) {
  const setter = {
    [name](id) {
      validateId(id, 'id');
      methods[name](resolveId(id, type));
    },
  }[name];
  process[name] = setter;
}
process.setgroups = function setgroups(groups) {
  const { validateArray } = require('internal/validators');
  validateArray(groups, 'groups');
  for (let i = 0; i < groups.length; i++) validateId(groups[i], `groups[${i}]`);
  methods.setgroups(groups.map((group) => `${resolveId(group, 'Group')}`));
};
process.initgroups = function initgroups(user, extraGroup) {
  validateId(user, 'user');
  validateId(extraGroup, 'extraGroup');
  const extraGroupId = resolveId(extraGroup, 'Group');
  const userName = typeof user === 'string' ? user : methods.userName(user >>> 0);
  if (userName === null || (typeof user === 'string' && methods.userId(user) === -1)) {
    const { codes: { ERR_UNKNOWN_CREDENTIAL } } = require('internal/errors');
    throw new ERR_UNKNOWN_CREDENTIAL('User', user);
  }
  methods.initgroups(userName, extraGroupId);
};

// Returns an errno (0 on success); process.kill calls it, and tests replace it.
process._kill = function _kill(pid, signal) { return methods.kill(pid, signal); };
process.kill = function kill(pid, signal) {
  const { codes: { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_SIGNAL }, ErrnoException } =
    require('internal/errors');
  // eslint-disable-next-line eqeqeq
  if (pid != (pid | 0)) throw new ERR_INVALID_ARG_TYPE('pid', 'number', pid);
  let err;
  if (signal === (signal | 0)) {
    err = process._kill(pid, signal);
  } else {
    signal ||= 'SIGTERM';
    const { signals } = require('internal/validators');
    if (!signals[signal]) throw new ERR_UNKNOWN_SIGNAL(signal);
    err = process._kill(pid, signals[signal]);
  }
  if (err) throw new ErrnoException(err, 'kill');
  return true;
};

// A usable previous cpuUsage() value: a safe, non-negative number.
function isValidCpuUsageField(value) {
  return typeof value === 'number' && value <= Number.MAX_SAFE_INTEGER && value >= 0;
}
// `{user, system}` microseconds from `[user, system]`, less `prevValue` when given.
function cpuUsageSince([user, system], prevValue) {
  if (prevValue) {
    const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
    const { validateObject, validateNumber } = require('internal/validators');
    if (!isValidCpuUsageField(prevValue.user)) {
      validateObject(prevValue, 'prevValue');
      validateNumber(prevValue.user, 'prevValue.user');
      throw new ERR_INVALID_ARG_VALUE.RangeError('prevValue.user', prevValue.user);
    }
    if (!isValidCpuUsageField(prevValue.system)) {
      validateNumber(prevValue.system, 'prevValue.system');
      throw new ERR_INVALID_ARG_VALUE.RangeError('prevValue.system', prevValue.system);
    }
  }
  if (prevValue) return { user: user - prevValue.user, system: system - prevValue.system };
  return { user, system };
}
process.cpuUsage = function cpuUsage(prevValue) {
  return cpuUsageSince(methods.cpuUsage(), prevValue);
};
process.threadCpuUsage = function threadCpuUsage(prevValue) {
  return cpuUsageSince(methods.threadCpuUsage(), prevValue);
};
process.constrainedMemory = function constrainedMemory() { return methods.constrainedMemory(); };
process.availableMemory = function availableMemory() { return methods.availableMemory(); };
process.resourceUsage = function resourceUsage() { return methods.resourceUsage(); };

// Replaces the process image. Exit handlers don't run; a failure is fatal, as in Node.
process.execve = function execve(execPath, args = [], env) {
  const { validateString, validateArray, validateObject } = require('internal/validators');
  const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
  validateString(execPath, 'execPath');
  validateArray(args, 'args');
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (typeof arg !== 'string' || arg.includes('\u0000')) {
      throw new ERR_INVALID_ARG_VALUE(`args[${i}]`, arg, 'must be a string without null bytes');
    }
  }
  const envList = [];
  if (env !== undefined) {
    validateObject(env, 'env');
    for (const [key, value] of Object.entries(env)) {
      if (typeof value !== 'string' || key.includes('\u0000') || value.includes('\u0000')) {
        throw new ERR_INVALID_ARG_VALUE(
          'env', env, 'must be an object with string keys and values without null bytes');
      }
      envList.push(`${key}=${value}`);
    }
  }
  const failure = methods.execve(execPath, args, envList);
  const stack = new Error().stack.split('\n').slice(1).map((frame) => frame.trim());
  const trace = stack.map((frame, i) => `${i + 1}: ${frame.replace(/^at /, '')}`).join('\n');
  internalBinding('fs').writeString(
    2, `process.execve failed with error code ${failure}\n\n----- JavaScript stack trace -----\n\n${trace}\n\n`);
  methods.reallyExit(134);
};
// What keeps the loop alive, by type: requests in flight (fs, dns), the ref'd socket handles
// (TCPSocketWrap, TCPServerWrap, PipeWrap, UDPWrap, …), then timers and immediates. Child
// processes, stdio and fs.watch are not listed yet.
process.getActiveResourcesInfo = function getActiveResourcesInfo() {
  const requests = require('internal/async_ops').getActiveRequests();
  const handleEvents = require('internal/handle_events');
  const [timeouts, immediates] = require('internal/timers').activeTimerCounts();
  return [...requests.map((request) => request.constructor.name),
          ...handleEvents.activeRequestNames(), ...handleEvents.activeHandleNames(),
          ...new Array(timeouts).fill('Timeout'), ...new Array(immediates).fill('Immediate')];
};
process._getActiveRequests = function _getActiveRequests() {
  return require('internal/async_ops').getActiveRequests();
};
process._getActiveHandles = function _getActiveHandles() { return []; };
// Writes straight to fd 2, past process.stderr and the tick queue.
process._rawDebug = function _rawDebug(...args) {
  const { format } = require('internal/util/inspect');
  internalBinding('fs').writeString(2, `${Reflect.apply(format, null, args)}\n`);
};
// Node 25's process.ref/unref: through the nodejs.ref symbols, else ref()/unref().
process.ref = function ref(maybeRefable) {
  if (typeof maybeRefable?.[Symbol.for('nodejs.ref')] === 'function') {
    maybeRefable[Symbol.for('nodejs.ref')]();
  } else if (typeof maybeRefable?.ref === 'function') {
    maybeRefable.ref();
  }
};
process.unref = function unref(maybeRefable) {
  if (typeof maybeRefable?.[Symbol.for('nodejs.unref')] === 'function') {
    maybeRefable[Symbol.for('nodejs.unref')]();
  } else if (typeof maybeRefable?.unref === 'function') {
    maybeRefable.unref();
  }
};
process.binding = require('internal/process/binding').binding;
process.loadEnvFile = require('internal/process/env_file').loadEnvFile;
// Source maps are not applied to stack traces; the switch is kept and validated.
let sourceMapsEnabled = false;
process.setSourceMapsEnabled = function setSourceMapsEnabled(enabled) {
  require('internal/validators').validateBoolean(enabled, 'enabled');
  sourceMapsEnabled = enabled;
};
Object.defineProperty(process, 'sourceMapsEnabled', {
  get() { return sourceMapsEnabled; }, enumerable: true, configurable: true,
});
{
  let allowedFlags;
  Object.defineProperty(process, 'allowedNodeEnvironmentFlags', {
    get() {
      allowedFlags ??= require('internal/process/allowed_flags').createAllowedFlags();
      return allowedFlags;
    },
    set(value) {
      Object.defineProperty(this, 'allowedNodeEnvironmentFlags', {
        value, configurable: true, enumerable: true, writable: true,
      });
    },
    enumerable: true,
    configurable: true,
  });
}
process.uptime = function uptime() { return methods.uptime(); };
// Node 22.3+: a built-in module by id ('fs' or 'node:fs'), or undefined for anything else.
process.getBuiltinModule = function getBuiltinModule(id) {
  if (typeof id !== 'string') {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('id', 'string', id);
  }
  const Module = require('internal/modules/cjs/loader').Module;
  if (!Module.isBuiltin(id)) return undefined;
  return Module.prototype.require.call({ id: '<builtin>', paths: [] }, id);
};

// Filled by methods.hrtime() on each call: seconds (high, low word) and nanoseconds. Its own
// ArrayBuffer keeps the memory outside the JS heap, where the op may write it.
const hrValues = new Uint32Array(new ArrayBuffer(12));

function hrtime(previous) {
  methods.hrtime(hrValues);
  const sec = hrValues[0] * 0x100000000 + hrValues[1];
  const nsec = hrValues[2];
  if (previous !== undefined) {
    if (!Array.isArray(previous)) {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('time', 'Array', previous);
    }
    if (previous.length !== 2) {
      const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
      throw new ERR_OUT_OF_RANGE('time', 2, previous.length);
    }
    let s = sec - previous[0];
    let n = nsec - previous[1];
    if (n < 0) {
      s -= 1;
      n += 1e9;
    }
    return [s, n];
  }
  return [sec, nsec];
}
hrtime.bigint = function bigint() {
  methods.hrtime(hrValues);
  return BigInt(hrValues[0] * 0x100000000 + hrValues[1]) * 1000000000n + BigInt(hrValues[2]);
};
process.hrtime = hrtime;

function memoryUsage() {
  const heap = internalBinding('engine').getHeapStatistics?.() ?? [0, 0, 0, 0];
  return {
    rss: methods.rss(),
    heapTotal: heap[0],
    heapUsed: heap[1],
    external: heap[2],
    arrayBuffers: heap[3],
  };
}
memoryUsage.rss = function rss() { return methods.rss(); };
process.memoryUsage = memoryUsage;

process.reallyExit = function reallyExit(code) { methods.reallyExit(code | 0); };
process.exit = function exit(code) {
  if (code !== undefined) process.exitCode = code;
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', +(process.exitCode ?? 0) | 0);
  }
  process.reallyExit(+(process.exitCode ?? 0) | 0);
};
// A method, so that like Node's native one it has no prototype and can't be constructed.
process.abort = { abort() { methods.reallyExit(134); } }.abort;

const { nextTick, runNextTicks, processTicksAndRejections, queueMicrotask, tickThrew } =
  require('internal/process/task_queues');
process.nextTick = nextTick;
// Registers the engine's promise-rejection callback.
require('internal/process/promises');
process._tickCallback = runNextTicks;

{
  const signals = require('internal/process/signals');
  process.on('newListener', signals.startListeningIfSignal);
  process.on('removeListener', signals.stopListeningIfSignal);
  setHook('signal', signals.onSignal);
}

const warning = require('internal/process/warning');
process.emitWarning = warning.emitWarning;
process.on('warning', warning.onWarning);

const execution = require('internal/process/execution');
process.setUncaughtExceptionCaptureCallback = execution.setUncaughtExceptionCaptureCallback;
process.hasUncaughtExceptionCaptureCallback = execution.hasUncaughtExceptionCaptureCallback;

let stdout;
let stderr;
let stdin;
Object.defineProperty(process, 'stdout', {
  configurable: true,
  enumerable: false,
  get() {
    stdout ??= require('internal/process/stdio').createStdout();
    return stdout;
  },
});
Object.defineProperty(process, 'stderr', {
  configurable: true,
  enumerable: false,
  get() {
    stderr ??= require('internal/process/stdio').createStderr();
    return stderr;
  },
});
Object.defineProperty(process, 'stdin', {
  configurable: true,
  enumerable: false,
  get() {
    stdin ??= require('internal/process/stdio').createStdin();
    return stdin;
  },
});

// The old way to read stdin: resumes it and returns it.
process.openStdin = function openStdin() {
  process.stdin.resume();
  return process.stdin;
};

// --- globals ---------------------------------------------------------------------------
function defineGlobal(name, value) {
  Object.defineProperty(globalThis, name, {
    value, writable: true, enumerable: false, configurable: true,
  });
}

function defineLazyGlobal(name, load) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable: false,
    get() {
      const value = load();
      defineGlobal(name, value);
      return value;
    },
    set(value) {
      defineGlobal(name, value);
    },
  });
}

// Functions of the web platform ("operations") are enumerable, as in Node.
function defineOperation(name, value) {
  Object.defineProperty(globalThis, name, {
    value, writable: true, enumerable: true, configurable: true,
  });
}

Object.defineProperty(globalThis, Symbol.toStringTag, {
  value: 'global', writable: false, enumerable: false, configurable: true,
});
const timers = require('timers');
for (const name of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
                    'setImmediate', 'clearImmediate']) {
  defineOperation(name, timers[name]);
}
defineOperation('queueMicrotask', queueMicrotask);
defineOperation('structuredClone', require('internal/structured_clone').structuredClone);
defineOperation('global', globalThis);
Object.defineProperty(globalThis, 'console', {
  value: require('internal/console/constructor').createGlobalConsole(),
  writable: true, enumerable: false, configurable: true,
});
defineLazyGlobal('TextEncoder', () => require('internal/encoding').TextEncoder);
defineLazyGlobal('TextDecoder', () => require('internal/encoding').TextDecoder);
for (const name of ['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
                    'ReadableStreamBYOBRequest', 'ReadableByteStreamController',
                    'ReadableStreamDefaultController', 'TransformStream',
                    'TransformStreamDefaultController', 'WritableStream',
                    'WritableStreamDefaultWriter', 'WritableStreamDefaultController',
                    'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'TextEncoderStream',
                    'TextDecoderStream', 'CompressionStream', 'DecompressionStream']) {
  defineLazyGlobal(name, () => require('stream/web')[name]);
}
defineAccessorGlobal('Buffer', () => require('buffer').Buffer);
for (const name of ['atob', 'btoa', 'Blob', 'File']) {
  defineLazyGlobal(name, () => require('buffer')[name]);
}
// EventSource is a global only with --experimental-eventsource, as in Node.
if (process.execArgv.includes('--expose-internals') ||
    process.execArgv.includes('--expose_internals')) {
  require('internal/bootstrap/realm').BuiltinModule.exposeInternals();
}

if (process.execArgv.includes('--experimental-eventsource')) {
  defineLazyGlobal('EventSource', () => require('internal/event_source').EventSource);
}
// WebSocket and CloseEvent are globals unless --no-experimental-websocket, as in Node.
if (!process.execArgv.includes('--no-experimental-websocket')) {
  defineLazyGlobal('WebSocket', () => require('internal/websocket/websocket').WebSocket);
  defineLazyGlobal('CloseEvent', () => require('internal/websocket/websocket').CloseEvent);
}
defineLazyGlobal('URL', () => require('internal/url').URL);
defineLazyGlobal('URLSearchParams', () => require('internal/url').URLSearchParams);
// Plain data properties, as Node shows them (so loaded now rather than lazily).
{
  const { EventTarget, Event, CustomEvent } = require('internal/event_target');
  const { AbortController, AbortSignal } = require('internal/abort_controller');
  defineGlobal('EventTarget', EventTarget);
  defineGlobal('Event', Event);
  defineGlobal('CustomEvent', CustomEvent);
  defineGlobal('AbortController', AbortController);
  defineGlobal('AbortSignal', AbortSignal);
  defineGlobal('DOMException', require('internal/dom_exception').DOMException);
  const { BroadcastChannel, MessageChannel, MessageEvent, MessagePort } =
    require('internal/worker/io');
  defineGlobal('MessageChannel', MessageChannel);
  defineGlobal('MessagePort', MessagePort);
  defineGlobal('MessageEvent', MessageEvent);
  defineGlobal('BroadcastChannel', BroadcastChannel);
}
for (const name of ['PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure',
                    'PerformanceObserver', 'PerformanceObserverEntryList']) {
  defineLazyGlobal(name, () => require('internal/perf/performance')[name]);
}
// `performance` is an enumerable accessor in Node, unlike the other globals.
Object.defineProperty(globalThis, 'performance', Object.getOwnPropertyDescriptor({
  get performance() { return require('internal/perf/performance').performance; },
  set performance(value) {
    Object.defineProperty(globalThis, 'performance', {
      value, writable: true, enumerable: true, configurable: true,
    });
  },
}, 'performance'));
// Fix the time origin while the process starts.
internalBinding('performance').timeOrigin();
// `crypto` (Web Crypto) is an enumerable getter without a setter in Node.
Object.defineProperty(globalThis, 'crypto', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get: function get() { return require('internal/crypto/webcrypto').crypto; },
});
defineLazyGlobal('Crypto', () => require('internal/crypto/webcrypto').Crypto);
defineLazyGlobal('CryptoKey', () => require('internal/crypto/keys').CryptoKey);
defineLazyGlobal('SubtleCrypto', () => require('internal/crypto/webcrypto').SubtleCrypto);
// fetch and its classes load on first use, so start-up does not pay for them. `fetch` is
// an enumerable operation with Node's name and length (1).
defineOperation('fetch', function fetch(input, init = undefined) {
  return require('internal/fetch/fetch').fetch(input, init);
});
defineLazyGlobal('Headers', () => require('internal/fetch/headers').Headers);
defineLazyGlobal('Request', () => require('internal/fetch/request').Request);
defineLazyGlobal('Response', () => require('internal/fetch/response').Response);
defineLazyGlobal('FormData', () => require('internal/fetch/form_data').FormData);

// --- hooks the host calls ----------------------------------------------------------------
const { processTimers, processImmediate } = require('internal/timers');
// A callback that threw (and a listener took the error) gets no tick drain, as in Node;
// the queued ticks run after the next callback.
let callbackThrew = false;
setHook('processTimers', (now) => {
  const ranToEnd = processTimers(now);
  // The host calls again after a handled exception; a pass that ends drains its ticks.
  callbackThrew = false;
  return ranToEnd;
});
setHook('processImmediate', processImmediate);
require('internal/async_ops'); // registers the `completion` hook
setHook('tickCallback', () => {
  if (callbackThrew) {
    callbackThrew = false;
    return;
  }
  runNextTicks();
});
// A tick that throws is not a callback that threw: the rest of the queue comes round after
// the handler's setImmediate(noop), as in Node.
setHook('fatalException', (err, arrow) => {
  const inTick = tickThrew();
  const handled = execution.onFatalException(err, arrow, false);
  callbackThrew = handled && !inTick;
  return handled;
});
setHook('start', (kind, payload) => {
  const asyncHooks = require('internal/async_hooks');
  asyncHooks.enterTopLevel();
  require('internal/main/run').run(kind, payload);
  asyncHooks.exitTopLevel();
  processTicksAndRejections();
});
setHook('beforeExit', () => {
  process.emit('beforeExit', +(process.exitCode ?? 0) | 0);
  runNextTicks();
});
setHook('exit', () => {
  if (!process._exiting) {
    process._exiting = true;
    // An entry ES module still waiting on top-level await: exit code 13, as in Node. (Only
    // a program that loaded the ES module loader can have one.)
    if (process.moduleLoadList.includes('NativeModule internal/modules/esm/loader')) {
      require('internal/modules/esm/loader').handleUnsettledEntry();
    }
    process.emit('exit', +(process.exitCode ?? 0) | 0);
  }
  return +(process.exitCode ?? 0) | 0;
});
