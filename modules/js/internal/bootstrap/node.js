'use strict';
// Builds `process` and the globals, and registers the hooks the host calls: the loop
// phases (processTimers, processImmediate, tickCallback), fatalException, start, and the
// end of the process (beforeExit, exit).

const EventEmitter = require('events');
const { setHook } = internalBinding('engine');
const methods = internalBinding('process_methods');
const envBinding = internalBinding('env');
const info = methods.info();

// --- process ---------------------------------------------------------------------------
function processCtor() {}
Object.defineProperty(processCtor, 'name', { value: 'process' });
const processProto = Object.create(EventEmitter.prototype, {
  constructor: { value: processCtor, writable: true, configurable: true },
});
processCtor.prototype = processProto;
const process = Object.create(processProto);
EventEmitter.call(process);
Object.defineProperty(process, Symbol.toStringTag, {
  value: 'process', writable: false, enumerable: false, configurable: true,
});
globalThis.process = process;

const env = new Proxy({}, {
  get(target, key) {
    if (typeof key !== 'string') return undefined;
    return envBinding.get(key);
  },
  set(target, key, value) {
    if (typeof key === 'symbol') {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('key', 'string', key);
    }
    envBinding.set(String(key), `${value}`);
    return true;
  },
  has(target, key) {
    return typeof key === 'string' && envBinding.get(key) !== undefined;
  },
  deleteProperty(target, key) {
    if (typeof key === 'string') envBinding.remove(key);
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
    if (typeof key === 'string' && 'value' in descriptor) {
      envBinding.set(key, String(descriptor.value));
      return true;
    }
    const { codes: { ERR_INVALID_OBJECT_DEFINE_PROPERTY } } = require('internal/errors');
    throw new ERR_INVALID_OBJECT_DEFINE_PROPERTY(String(key), "'process.env' only accepts a configurable, writable, and enumerable data descriptor");
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
              tls_sni: true, tls_ocsp: false, tls: true, cached_builtins: true,
              require_module: false, typescript: false },
  config: { target_defaults: {}, variables: {} },
  moduleLoadList: [],
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
process.umask = function umask() { return methods.umask(); };
process.uptime = function uptime() { return methods.uptime(); };

function hrtime(previous) {
  const [sec, nsec] = methods.hrtime();
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
  const [sec, nsec] = methods.hrtime();
  return BigInt(sec) * 1000000000n + BigInt(nsec);
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
process.abort = function abort() { methods.reallyExit(134); };

const { nextTick, runNextTicks, processTicksAndRejections, queueMicrotask } =
  require('internal/process/task_queues');
process.nextTick = nextTick;
// Registers the engine's promise-rejection callback.
require('internal/process/promises');
process._tickCallback = runNextTicks;

const warning = require('internal/process/warning');
process.emitWarning = warning.emitWarning;
process.on('warning', warning.onWarning);

const execution = require('internal/process/execution');
process.setUncaughtExceptionCaptureCallback = execution.setUncaughtExceptionCaptureCallback;
process.hasUncaughtExceptionCaptureCallback = execution.hasUncaughtExceptionCaptureCallback;

let stdout;
let stderr;
Object.defineProperty(process, 'stdout', {
  configurable: true,
  enumerable: false,
  get() {
    if (stdout === undefined) {
      const { StdioWriter } = require('internal/process/stdio');
      stdout = new StdioWriter(1);
    }
    return stdout;
  },
});
Object.defineProperty(process, 'stderr', {
  configurable: true,
  enumerable: false,
  get() {
    if (stderr === undefined) {
      const { StdioWriter } = require('internal/process/stdio');
      stderr = new StdioWriter(2);
    }
    return stderr;
  },
});

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

const timers = require('timers');
for (const name of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
                    'setImmediate', 'clearImmediate']) {
  defineGlobal(name, timers[name]);
}
defineGlobal('queueMicrotask', queueMicrotask);
defineGlobal('global', globalThis);
Object.defineProperty(globalThis, 'console', {
  value: require('internal/console/constructor').createGlobalConsole(),
  writable: true, enumerable: false, configurable: true,
});
defineLazyGlobal('TextEncoder', () => require('internal/encoding').TextEncoder);
defineLazyGlobal('TextDecoder', () => require('internal/encoding').TextDecoder);
defineLazyGlobal('structuredClone', () => require('internal/structured_clone').structuredClone);

// --- hooks the host calls ----------------------------------------------------------------
const { processTimers, processImmediate } = require('internal/timers');
setHook('processTimers', processTimers);
setHook('processImmediate', processImmediate);
setHook('tickCallback', runNextTicks);
setHook('fatalException', (err, arrow) => execution.onFatalException(err, arrow, false));
setHook('start', (kind, payload) => {
  require('internal/main/run').run(kind, payload);
  processTicksAndRejections();
});
setHook('beforeExit', () => {
  process.emit('beforeExit', +(process.exitCode ?? 0) | 0);
  runNextTicks();
});
setHook('exit', () => {
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', +(process.exitCode ?? 0) | 0);
  }
  return +(process.exitCode ?? 0) | 0;
});
