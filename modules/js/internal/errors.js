'use strict';

// internal/errors: the error machinery shared by every core module.
//
// `codes.ERR_*` are error classes whose instances carry a stable `code`, a
// Node-exact `message`, the `name` of their base class (TypeError, RangeError,
// Error, ...) and a `stack` whose first line reads `TypeError [ERR_X]: message`.
// Also here: hideStackFrames, AbortError, SystemError, UVException /
// ErrnoException (fs-style and errno-style errors), aggregateTwoErrors,
// genericNodeError, determineSpecificType and formatList.
//
// How the code gets into the stack: V8 asks the engine for `error.stack` on its
// first read, and the engine calls prepareStackTraceCallback (registered by the
// bootstrap), which writes the first line from the error's name and message at
// that moment; errors built here answer true to `kIsNodeError in err`, so their
// first line reads `TypeError [ERR_X]: message`, as in Node.

const kIsNodeError = Symbol('kIsNodeError');

/** Code → message (a string with %-placeholders, or a function building it). */
const messages = new Map();
/** Code → error class; the public face of this module. */
const codes = {};

// 'internal/util/inspect' comes from another module and may load after us: reach
// it lazily, and fall back to plain String() while it is not available yet.
function lazyInspectModule() {
  try {
    return require('internal/util/inspect');
  } catch {
    return null;
  }
}

function inspectValue(value, options) {
  const mod = lazyInspectModule();
  if (mod !== null) return mod.inspect(value, options);
  if (typeof value === 'string') return `'${value}'`;
  try { return String(value); } catch { return Object.prototype.toString.call(value); }
}

function formatWithPlaceholders(template, args) {
  if (args.length === 0) return template;
  const mod = lazyInspectModule();
  if (mod !== null) return mod.format(template, ...args);
  let i = 0;
  return template.replace(/%[sdifjoO%]/g, (m) => {
    if (m === '%%') return '%';
    if (i >= args.length) return m;
    const a = args[i++];
    if (m === '%j') return JSON.stringify(a);
    if (m === '%d' || m === '%i') return String(typeof a === 'bigint' ? `${a}n` : Number(a));
    return typeof a === 'string' ? a : inspectValue(a);
  });
}

function isErrorStackTraceLimitWritable() {
  const desc = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (desc === undefined) return Object.isExtensible(Error);
  return Object.prototype.hasOwnProperty.call(desc, 'writable') ?
    desc.writable : desc.set !== undefined;
}

/** Renders `err.stack` now, with `Name [CODE]: message` as its first line. */
const ErrorPrototypeToString = Error.prototype.toString;

/** Error → formatter of its stack, for core code that needs the raw V8 call sites. */
const overrideStackTrace = new WeakMap();

/**
 * Formats `error.stack` on its first read (the engine's prepareStackTrace hook,
 * called with the error's realm global, the error and its V8 call sites).  A
 * user's `Error.prepareStackTrace` takes over when set, as in Node.
 */
function prepareStackTraceCallback(globalThis, error, trace) {
  // Internal formatters (util.getCallSites) take precedence, once.
  const override = overrideStackTrace.get(error);
  if (override !== undefined) {
    overrideStackTrace.delete(error);
    return override(error, trace);
  }
  const userPrepare = globalThis.Error?.prepareStackTrace;
  if (typeof userPrepare === 'function') {
    return Reflect.apply(userPrepare, globalThis.Error, [error, trace]);
  }
  let errorString;
  if (kIsNodeError in error) {
    errorString = `${error.name} [${error.code}]: ${error.message}`;
  } else {
    errorString = Reflect.apply(ErrorPrototypeToString, error, []);
  }
  if (trace.length === 0) return errorString;
  return `${errorString}\n    at ${trace.join('\n    at ')}`;
}

function setMessage(err, message) {
  Object.defineProperty(err, 'message', {
    __proto__: null, value: message,
    enumerable: false, writable: true, configurable: true,
  });
}

/** Builds the message for `code` from its template and the constructor args. */
function getMessage(code, args, self) {
  const msg = messages.get(code);
  if (typeof msg === 'function') return Reflect.apply(msg, self, args);
  return formatWithPlaceholders(msg, args);
}

/** Makes the class for one code on one base class (Error, TypeError, ...). */
function makeNodeErrorWithCode(Base, code) {
  class NodeError extends Base {
    constructor(...args) {
      super();
      this.code = code;
      setMessage(this, getMessage(code, args, this));
    }

    // `err.constructor` reads as the base class, as in Node.
    get ['constructor']() {
      return Base;
    }

    get [kIsNodeError]() {
      return true;
    }

    toString() {
      return `${this.name} [${code}]: ${this.message}`;
    }
  }
  return NodeError;
}

/**
 * Registers an error code.  `Base` is the class used by `new codes[code]()`;
 * each of `otherBases` is reachable as `codes[code][Other.name]`
 * (e.g. `codes.ERR_INVALID_ARG_VALUE.RangeError`).
 */
function E(code, message, Base, ...otherBases) {
  messages.set(code, message);
  const ErrClass = Base === SystemError ?
    makeSystemErrorWithCode(code) : makeNodeErrorWithCode(Base, code);
  for (const Other of otherBases) {
    ErrClass[Other.name] = makeNodeErrorWithCode(Other, code);
  }
  // Node's internals sometimes reach for the variant that skips stack frames;
  // hideStackFrames() already trims frames here, so both names share a class.
  ErrClass.HideStackFramesError = ErrClass;
  codes[code] = ErrClass;
}

/**
 * Wraps `fn` so an error it throws has a stack starting at the caller of the
 * wrapper (internal validation frames hidden), as Node's validators do.
 */
function hideStackFrames(fn) {
  function wrappedFn(...args) {
    try {
      return Reflect.apply(fn, this, args);
    } catch (error) {
      if (Error.stackTraceLimit && error !== null && typeof error === 'object') {
        Error.captureStackTrace(error, wrappedFn);
      }
      throw error;
    }
  }
  wrappedFn.withoutStackTrace = fn;
  return wrappedFn;
}

// A system error with its own code whose uv context (code, errno, syscall,
// path, dest) hangs off `err.info`; message: `<prefix>: <syscall> returned
// <CODE> (<uv message>) <path> => <dest>`.
class SystemError extends Error {
  constructor(key, context) {
    super();
    const prefix = getMessage(key, [], this);
    let message = `${prefix}: ${context.syscall} returned ` +
                  `${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;
    this.code = key;
    Object.defineProperties(this, {
      name: { __proto__: null, value: 'SystemError', enumerable: false, writable: true, configurable: true },
      message: { __proto__: null, value: message, enumerable: false, writable: true, configurable: true },
      info: { __proto__: null, value: context, enumerable: true, configurable: true, writable: false },
      errno: {
        __proto__: null, enumerable: true, configurable: true,
        get() { return context.errno; },
        set(value) { context.errno = value; },
      },
      syscall: {
        __proto__: null, enumerable: true, configurable: true,
        get() { return context.syscall; },
        set(value) { context.syscall = value; },
      },
    });
    if (context.path !== undefined) {
      Object.defineProperty(this, 'path', {
        __proto__: null, enumerable: true, configurable: true,
        get() { return context.path != null ? context.path.toString() : context.path; },
        set(value) { context.path = value; },
      });
    }
    if (context.dest !== undefined) {
      Object.defineProperty(this, 'dest', {
        __proto__: null, enumerable: true, configurable: true,
        get() { return context.dest != null ? context.dest.toString() : context.dest; },
        set(value) { context.dest = value; },
      });
    }
  }

  get [kIsNodeError]() {
    return true;
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    const mod = lazyInspectModule();
    return mod.inspect(this, { ...ctx, getters: true, customInspect: false });
  }
}

function makeSystemErrorWithCode(key) {
  return class NodeError extends SystemError {
    constructor(ctx) {
      super(key, ctx);
    }
  };
}

// libuv's error numbers on Linux: errno → [code, description].
const uvErrors = [
  [-1, 'EPERM', 'operation not permitted'],
  [-2, 'ENOENT', 'no such file or directory'],
  [-3, 'ESRCH', 'no such process'],
  [-4, 'EINTR', 'interrupted system call'],
  [-5, 'EIO', 'i/o error'],
  [-6, 'ENXIO', 'no such device or address'],
  [-7, 'E2BIG', 'argument list too long'],
  [-8, 'ENOEXEC', 'exec format error'],
  [-9, 'EBADF', 'bad file descriptor'],
  [-11, 'EAGAIN', 'resource temporarily unavailable'],
  [-12, 'ENOMEM', 'not enough memory'],
  [-13, 'EACCES', 'permission denied'],
  [-14, 'EFAULT', 'bad address in system call argument'],
  [-16, 'EBUSY', 'resource busy or locked'],
  [-17, 'EEXIST', 'file already exists'],
  [-18, 'EXDEV', 'cross-device link not permitted'],
  [-19, 'ENODEV', 'no such device'],
  [-20, 'ENOTDIR', 'not a directory'],
  [-21, 'EISDIR', 'illegal operation on a directory'],
  [-22, 'EINVAL', 'invalid argument'],
  [-23, 'ENFILE', 'file table overflow'],
  [-24, 'EMFILE', 'too many open files'],
  [-25, 'ENOTTY', 'inappropriate ioctl for device'],
  [-26, 'ETXTBSY', 'text file is busy'],
  [-27, 'EFBIG', 'file too large'],
  [-28, 'ENOSPC', 'no space left on device'],
  [-29, 'ESPIPE', 'invalid seek'],
  [-30, 'EROFS', 'read-only file system'],
  [-31, 'EMLINK', 'too many links'],
  [-32, 'EPIPE', 'broken pipe'],
  [-34, 'ERANGE', 'result too large'],
  [-36, 'ENAMETOOLONG', 'name too long'],
  [-38, 'ENOSYS', 'function not implemented'],
  [-39, 'ENOTEMPTY', 'directory not empty'],
  [-40, 'ELOOP', 'too many symbolic links encountered'],
  [-49, 'EUNATCH', 'protocol driver not attached'],
  [-61, 'ENODATA', 'no data available'],
  [-64, 'ENONET', 'machine is not on the network'],
  [-71, 'EPROTO', 'protocol error'],
  [-75, 'EOVERFLOW', 'value too large for defined data type'],
  [-84, 'EILSEQ', 'illegal byte sequence'],
  [-88, 'ENOTSOCK', 'socket operation on non-socket'],
  [-89, 'EDESTADDRREQ', 'destination address required'],
  [-90, 'EMSGSIZE', 'message too long'],
  [-91, 'EPROTOTYPE', 'protocol wrong type for socket'],
  [-92, 'ENOPROTOOPT', 'protocol not available'],
  [-93, 'EPROTONOSUPPORT', 'protocol not supported'],
  [-94, 'ESOCKTNOSUPPORT', 'socket type not supported'],
  [-95, 'ENOTSUP', 'operation not supported on socket'],
  [-97, 'EAFNOSUPPORT', 'address family not supported'],
  [-98, 'EADDRINUSE', 'address already in use'],
  [-99, 'EADDRNOTAVAIL', 'address not available'],
  [-100, 'ENETDOWN', 'network is down'],
  [-101, 'ENETUNREACH', 'network is unreachable'],
  [-103, 'ECONNABORTED', 'software caused connection abort'],
  [-104, 'ECONNRESET', 'connection reset by peer'],
  [-105, 'ENOBUFS', 'no buffer space available'],
  [-106, 'EISCONN', 'socket is already connected'],
  [-107, 'ENOTCONN', 'socket is not connected'],
  [-108, 'ESHUTDOWN', 'cannot send after transport endpoint shutdown'],
  [-110, 'ETIMEDOUT', 'connection timed out'],
  [-111, 'ECONNREFUSED', 'connection refused'],
  [-112, 'EHOSTDOWN', 'host is down'],
  [-113, 'EHOSTUNREACH', 'host is unreachable'],
  [-114, 'EALREADY', 'connection already in progress'],
  [-121, 'EREMOTEIO', 'remote I/O error'],
  [-125, 'ECANCELED', 'operation canceled'],
  [-3000, 'EAI_ADDRFAMILY', 'address family not supported'],
  [-3001, 'EAI_AGAIN', 'temporary failure'],
  [-3002, 'EAI_BADFLAGS', 'bad ai_flags value'],
  [-3003, 'EAI_CANCELED', 'request canceled'],
  [-3004, 'EAI_FAIL', 'permanent failure'],
  [-3005, 'EAI_FAMILY', 'ai_family not supported'],
  [-3006, 'EAI_MEMORY', 'out of memory'],
  [-3007, 'EAI_NODATA', 'no address'],
  [-3008, 'EAI_NONAME', 'unknown node or service'],
  [-3009, 'EAI_OVERFLOW', 'argument buffer overflow'],
  [-3010, 'EAI_SERVICE', 'service not available for socket type'],
  [-3011, 'EAI_SOCKTYPE', 'socket type not supported'],
  [-3013, 'EAI_BADHINTS', 'invalid value for hints'],
  [-3014, 'EAI_PROTOCOL', 'resolved protocol is unknown'],
  [-4028, 'EFTYPE', 'inappropriate file type or format'],
  [-4080, 'ECHARSET', 'invalid Unicode character'],
  [-4094, 'UNKNOWN', 'unknown error'],
  [-4095, 'EOF', 'end of file'],];
const uvErrmap = new Map();
const uvCodeToErrno = new Map();
for (const [errno, code, description] of uvErrors) {
  uvErrmap.set(errno, [code, description]);
  uvCodeToErrno.set(code, errno);
}

/** Every libuv error as [errno, code, description]. */
function uvErrorEntries() {
  return uvErrors.map((entry) => entry.slice());
}

/** errno (negative, libuv style) → [code, description], or undefined. */
function uvErrmapGet(errno) {
  return uvErrmap.get(errno);
}

/** The libuv-style negative errno of a code such as 'ENOENT', or undefined. */
function uvErrnoOf(code) {
  return uvCodeToErrno.get(code);
}

/** The code name of a libuv errno ('ENOENT' for -2); Node's util.getSystemErrorName. */
function getSystemErrorName(errno) {
  const entry = uvErrmap.get(errno);
  return entry ? entry[0] : `Unknown system error ${errno}`;
}

/**
 * An fs-style error, as Node's C++ builds them:
 * `ENOENT: no such file or directory, open '/x' -> '/y'`, with `errno`,
 * `code`, `syscall`, `path` and `dest`.  `ctx` holds `errno` (negative) or
 * `code`, plus `syscall`, optional `path`, `dest` and `message`.
 */
class UVException extends Error {
  constructor(ctx) {
    let code = ctx.code;
    let errno = ctx.errno;
    let entry;
    if (errno !== undefined) entry = uvErrmap.get(errno);
    if (entry === undefined && code !== undefined) {
      errno = uvCodeToErrno.get(code);
      if (errno !== undefined) entry = uvErrmap.get(errno);
    }
    if (entry === undefined) entry = [code || 'UNKNOWN', 'unknown error'];
    code = entry[0];
    let message = `${code}: ${ctx.message || entry[1]}, ${ctx.syscall}`;
    let path;
    let dest;
    if (ctx.path) {
      path = ctx.path.toString();
      message += ` '${path}'`;
    }
    if (ctx.dest) {
      dest = ctx.dest.toString();
      message += ` -> '${dest}'`;
    }
    super(message);
    // Same property order as Node: the context's own keys, then code, path, dest.
    if (!Object.prototype.hasOwnProperty.call(ctx, 'errno')) this.errno = errno;
    for (const prop of Object.keys(ctx)) {
      if (prop === 'message' || prop === 'path' || prop === 'dest' || prop === 'code') continue;
      this[prop] = prop === 'errno' ? errno : ctx[prop];
    }
    this.code = code;
    if (path) this.path = path;
    if (dest) this.dest = dest;
  }

  get ['constructor']() {
    return Error;
  }
}

/** Builds an fs-style error from (code, syscall, path, dest); see UVException. */
function uvException(code, syscall, path, dest) {
  const ctx = { code, syscall };
  if (path !== undefined) ctx.path = path;
  if (dest !== undefined) ctx.dest = dest;
  return new UVException(ctx);
}

/** Errno-style error (was util._errnoException): `<syscall> <CODE>[ <original>]`. */
// A failed DNS lookup, as Node's DNSException: a libuv errno (EAI_NODATA and EAI_NONAME
// read as ENOTFOUND) or a code string, with the syscall and hostname.
class DNSException extends Error {
  constructor(code, syscall, hostname) {
    let errno;
    if (typeof code === 'number') {
      errno = code;
      code = (code === -3007 || code === -3008) ? 'ENOTFOUND' : getSystemErrorName(code);
    }
    super(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
    this.errno = errno;
    this.code = code;
    this.syscall = syscall;
    if (hostname) this.hostname = hostname;
  }
}

class ErrnoException extends Error {
  constructor(err, syscall, original) {
    const code = getSystemErrorName(err);
    super(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
    this.errno = err;
    this.code = code;
    this.syscall = syscall;
  }

  get ['constructor']() {
    return Error;
  }
}

/** Network errors with an address: `<syscall> <CODE> <address>:<port>`. */
class UVExceptionWithHostPort extends Error {
  constructor(err, syscall, address, port) {
    const [code, uvmsg] = uvErrmap.get(err) || ['UNKNOWN', 'unknown error'];
    let details = '';
    if (port && port > 0) {
      details = ` ${address}:${port}`;
    } else if (address) {
      details = ` ${address}`;
    }
    super(`${syscall} ${code}: ${uvmsg}${details}`);
    this.code = code;
    this.errno = err;
    this.syscall = syscall;
    this.address = address;
    if (port) this.port = port;
  }

  get ['constructor']() {
    return Error;
  }
}

class ExceptionWithHostPort extends Error {
  constructor(err, syscall, address, port, additional) {
    const code = getSystemErrorName(err);
    let details = '';
    if (port && port > 0) {
      details = ` ${address}:${port}`;
    } else if (address) {
      details = ` ${address}`;
    }
    if (additional) details += ` - Local (${additional})`;
    super(`${syscall} ${code}${details}`);
    this.errno = err;
    this.code = code;
    this.syscall = syscall;
    this.address = address;
    if (port) this.port = port;
  }

  get ['constructor']() {
    return Error;
  }
}

class ConnResetException extends Error {
  constructor(msg) {
    super(msg);
    this.code = 'ECONNRESET';
  }

  get ['constructor']() {
    return Error;
  }
}

/**
 * Combines an error raised while handling another one: returns the one that
 * exists, or an AggregateError of [outer, inner] carrying outer's code.
 */
function aggregateTwoErrors(innerError, outerError) {
  if (innerError && outerError && innerError !== outerError) {
    if (Array.isArray(outerError.errors)) {
      outerError.errors.push(innerError);
      return outerError;
    }
    let err;
    if (isErrorStackTraceLimitWritable()) {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      err = new AggregateError([outerError, innerError], outerError.message);
      Error.stackTraceLimit = limit;
      Error.captureStackTrace(err, aggregateTwoErrors);
    } else {
      err = new AggregateError([outerError, innerError], outerError.message);
    }
    err.code = outerError.code;
    return err;
  }
  return innerError || outerError;
}

class NodeAggregateError extends AggregateError {
  constructor(errors, message) {
    super(errors, message);
    this.code = errors[0]?.code;
  }

  get ['constructor']() {
    return AggregateError;
  }
}

/** Node's AbortError: a plain Error named 'AbortError' with code 'ABORT_ERR'. */
class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

/** A plain Error with extra properties assigned (code, path, ...). */
const genericNodeError = hideStackFrames(function genericNodeError(message, errorProperties) {
  const err = new Error(message);
  Object.assign(err, errorProperties);
  return err;
});

/** The `Received ...` part of type errors: 'type number (1)', 'an instance of Foo', ... */
function determineSpecificType(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  const type = typeof value;
  switch (type) {
    case 'bigint':
      return `type bigint (${value}n)`;
    case 'number':
      if (value === 0) return 1 / value === -Infinity ? 'type number (-0)' : 'type number (0)';
      // NaN, Infinity and -Infinity print as themselves through the template.
      return `type number (${value})`;
    case 'boolean':
      return `type boolean (${value})`;
    case 'symbol':
      return `type symbol (${String(value)})`;
    case 'function':
      return `function ${value.name}`;
    case 'object':
      if (value.constructor && 'name' in value.constructor) {
        return `an instance of ${value.constructor.name}`;
      }
      return `${inspectValue(value, { depth: -1 })}`;
    case 'string': {
      let shown = value;
      if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
      if (!shown.includes("'")) return `type string ('${shown}')`;
      return `type string (${JSON.stringify(shown)})`;
    }
    default: {
      let shown = inspectValue(value, { colors: false });
      if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
      return `type ${type} (${shown})`;
    }
  }
}

/** 'a', 'a and b', 'a, b, and c' (with `type` in place of 'and'). */
function formatList(array, type = 'and') {
  switch (array.length) {
    case 0: return '';
    case 1: return `${array[0]}`;
    case 2: return `${array[0]} ${type} ${array[1]}`;
    default:
      return `${array.slice(0, -1).join(', ')}, ${type} ${array[array.length - 1]}`;
  }
}

/** 1234567 → '1_234_567' (integers only). */
function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) {
    res = `_${val.slice(i - 3, i)}${res}`;
  }
  return `${val.slice(0, i)}${res}`;
}

let maxStackErrorName;
let maxStackErrorMessage;
/** True when `err` is V8's "Maximum call stack size exceeded" RangeError. */
function isStackOverflowError(err) {
  if (maxStackErrorMessage === undefined) {
    try {
      function overflowStack() { overflowStack(); }
      overflowStack();
    } catch (e) {
      maxStackErrorMessage = e.message;
      maxStackErrorName = e.name;
    }
  }
  return err && err.name === maxStackErrorName && err.message === maxStackErrorMessage;
}

// Type names ERR_INVALID_ARG_TYPE prints as "of type x"; capitalised class-like
// names print as "an instance of X"; anything else is printed as given.
const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object',
                'boolean', 'bigint', 'symbol'];
const classRegExp = /^[A-Z][a-zA-Z0-9]*$/;

function invalidArgTypeMessage(name, expected, actual) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) {
    msg += `${name} `;
  } else {
    msg += `"${name}" ${name.includes('.') ? 'property' : 'argument'} `;
  }
  msg += 'must be ';

  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (kTypes.includes(value)) {
      types.push(value.toLowerCase());
    } else if (classRegExp.test(value)) {
      instances.push(value);
    } else {
      other.push(value);
    }
  }
  // With instances allowed too, "object" reads better as "an instance of Object".
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
    }
  }
  if (types.length > 0) {
    msg += `${types.length > 1 ? 'one of type' : 'of type'} ${formatList(types, 'or')}`;
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    msg += `an instance of ${formatList(instances, 'or')}`;
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 1) {
      msg += `one of ${formatList(other, 'or')}`;
    } else {
      if (other[0].toLowerCase() !== other[0]) msg += 'an ';
      msg += `${other[0]}`;
    }
  }
  return `${msg}. Received ${determineSpecificType(actual)}`;
}

// Codes whose message is built by a function.
E('ERR_ACCESS_DENIED', function(msg, permission = '', resource = '') {
  this.permission = permission;
  this.resource = resource;
  return msg;
}, Error);
E('ERR_BUFFER_OUT_OF_BOUNDS', (name = undefined) => {
  if (name) return `"${name}" is outside of buffer bounds`;
  return 'Attempt to access memory outside buffer bounds';
}, RangeError);
E('ERR_ENCODING_INVALID_ENCODED_DATA', function(encoding, ret) {
  this.errno = ret;
  return `The encoded data was not valid for encoding ${encoding}`;
}, TypeError);
E('ERR_FALSY_VALUE_REJECTION', function(reason) {
  this.reason = reason;
  return 'Promise was rejected with falsy value';
}, Error);
E('ERR_INTERNAL_ASSERTION', (message) => {
  const suffix = 'This is caused by either a bug in Node.js ' +
    'or incorrect usage of Node.js internals.\n' +
    'Please open an issue with this stack trace at ' +
    'https://github.com/nodejs/node/issues\n';
  return message === undefined ? suffix : `${message}\n${suffix}`;
}, Error);
E('ERR_INVALID_ADDRESS_FAMILY', function(addressType, host, port) {
  this.host = host;
  this.port = port;
  return `Invalid address family: ${addressType} ${host}:${port}`;
}, RangeError);
E('ERR_INVALID_ARG_TYPE', invalidArgTypeMessage, TypeError);
E('ERR_INVALID_ARG_VALUE', (name, value, reason = 'is invalid') => {
  let inspected = inspectValue(value);
  if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
  const type = name.includes('.') ? 'property' : 'argument';
  return `The ${type} '${name}' ${reason}. Received ${inspected}`;
}, TypeError, RangeError);
E('ERR_INVALID_CHAR', (name, field = undefined) => {
  let msg = `Invalid character in ${name}`;
  if (field !== undefined) msg += ` ["${field}"]`;
  return msg;
}, TypeError);
E('ERR_INVALID_FILE_URL_PATH', function(reason, input) {
  this.input = input;
  return `File URL path ${reason}`;
}, TypeError);
E('ERR_INVALID_MIME_SYNTAX', (production, str, invalidIndex) => {
  const at = invalidIndex !== -1 ? ` at ${invalidIndex}` : '';
  return `The MIME syntax for a ${production} in "${str}" is invalid${at}`;
}, TypeError);
E('ERR_INVALID_MODULE_SPECIFIER', (request, reason, base = undefined) => {
  return `Invalid module "${request}" ${reason}${base ? ` imported from ${base}` : ''}`;
}, TypeError);
E('ERR_INVALID_PACKAGE_CONFIG', (path, base, message) => {
  return `Invalid package config ${path}${base ? ` while importing ${base}` : ''}` +
    `${message ? `. ${message}` : ''}`;
}, Error);
E('ERR_INVALID_PACKAGE_TARGET', (pkgPath, key, target, isImport = false, base = undefined) => {
  const relError = typeof target === 'string' && !isImport &&
    target.length > 0 && !target.startsWith('./');
  const importedFrom = base ? ` imported from ${base}` : '';
  const hint = relError ? '; targets must start with "./"' : '';
  if (key === '.') {
    return `Invalid "exports" main target ${JSON.stringify(target)} defined ` +
      `in the package config ${pkgPath}package.json${importedFrom}${hint}`;
  }
  return `Invalid "${isImport ? 'imports' : 'exports'}" target ${JSON.stringify(target)} ` +
    `defined for '${key}' in the package config ${pkgPath}package.json${importedFrom}${hint}`;
}, Error);
E('ERR_INVALID_RETURN_PROPERTY', (input, name, prop, value) => {
  return `Expected a valid ${input} to be returned for the "${prop}" from the` +
         ` "${name}" hook but got ${determineSpecificType(value)}.`;
}, TypeError);
E('ERR_INVALID_RETURN_PROPERTY_VALUE', (input, name, prop, value) => {
  return `Expected ${input} to be returned for the "${prop}" from the` +
         ` "${name}" hook but got ${determineSpecificType(value)}.`;
}, TypeError);
E('ERR_INVALID_RETURN_VALUE', (input, name, value) => {
  return `Expected ${input} to be returned from the "${name}"` +
         ` function but got ${determineSpecificType(value)}.`;
}, TypeError, RangeError);
E('ERR_INVALID_URL', function(input, base = null) {
  this.input = input;
  if (base != null) this.base = base;
  // The URL itself is kept out of the message, as in Node.
  return 'Invalid URL';
}, TypeError);
E('ERR_INVALID_URL_SCHEME', (expected) => {
  if (typeof expected === 'string') expected = [expected];
  const res = expected.length === 2 ?
    `one of scheme ${expected[0]} or ${expected[1]}` :
    `of scheme ${expected[0]}`;
  return `The URL must be ${res}`;
}, TypeError);
E('ERR_IP_BLOCKED', (ip) => `IP(${ip}) is blocked by net.BlockList`, Error);
E('ERR_MISSING_ARGS', (...args) => {
  const len = args.length;
  const wrap = (a) => `"${a}"`;
  const names = args.map((a) => (Array.isArray(a) ? a.map(wrap).join(' or ') : wrap(a)));
  return `The ${formatList(names)} argument${len > 1 ? 's' : ''} must be specified`;
}, TypeError);
E('ERR_MODULE_NOT_FOUND', function(path, base, exactUrl) {
  if (exactUrl) {
    Object.defineProperty(this, 'url', {
      __proto__: null, value: `${exactUrl}`, enumerable: true, writable: true, configurable: true,
    });
  }
  return `Cannot find ${exactUrl ? 'module' : 'package'} '${path}' imported from ${base}`;
}, Error);
E('ERR_OUT_OF_RANGE', (str, range, input, replaceDefaultBoolean = false) => {
  let msg = replaceDefaultBoolean ? str : `The value of "${str}" is out of range.`;
  let received;
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else {
    received = inspectValue(input);
  }
  msg += ` It must be ${range}. Received ${received}`;
  return msg;
}, RangeError);
E('ERR_PACKAGE_IMPORT_NOT_DEFINED', (specifier, packagePath, base) => {
  return `Package import specifier "${specifier}" is not defined${packagePath ?
    ` in package ${packagePath}package.json` : ''} imported from ${base}`;
}, TypeError);
E('ERR_PACKAGE_PATH_NOT_EXPORTED', (pkgPath, subpath, base = undefined) => {
  const importedFrom = base ? ` imported from ${base}` : '';
  if (subpath === '.') return `No "exports" main defined in ${pkgPath}package.json${importedFrom}`;
  return `Package subpath '${subpath}' is not defined by "exports" in ${pkgPath}package.json${importedFrom}`;
}, Error);
E('ERR_PARSE_ARGS_UNKNOWN_OPTION', (option, allowPositionals) => {
  const suggestDashDash = allowPositionals ? '. To specify a positional ' +
    "argument starting with a '-', place it at the end of the command after " +
    `'--', as in '-- ${JSON.stringify(option)}` : '';
  return `Unknown option '${option}'${suggestDashDash}`;
}, TypeError);
E('ERR_REQUIRE_ASYNC_MODULE', function(filename, parentFilename) {
  let message = 'require() cannot be used on an ESM ' +
    'graph with top-level await. Use import() instead. To see where the' +
    ' top-level await comes from, use --experimental-print-required-tla.';
  if (parentFilename) message += `\n  From ${parentFilename} `;
  if (filename) message += `\n  Requiring ${filename} `;
  return message;
}, Error);
E('ERR_REQUIRE_ESM', function(filename, hasEsmSyntax, parentPath = null, packageJsonPath = null) {
  let msg = `require() of ES Module ${filename}${parentPath ? ` from ${parentPath}` : ''} not supported.`;
  if (!packageJsonPath) {
    if (filename.endsWith('.mjs')) {
      msg += `\nInstead change the require of ${filename} to a dynamic ` +
        'import() which is available in all CommonJS modules.';
    }
    return msg;
  }
  const base = (p) => p.slice(p.lastIndexOf('/') + 1);
  const basename = parentPath && base(filename) === base(parentPath) ? filename : base(filename);
  if (hasEsmSyntax) {
    msg += `\nInstead change the require of ${basename} in ${parentPath} to` +
      ' a dynamic import() which is available in all CommonJS modules.';
    return msg;
  }
  msg += `\n${basename} is treated as an ES module file as it is a .js ` +
    'file whose nearest parent package.json contains "type": "module" ' +
    'which declares all .js files in that package scope as ES modules.' +
    `\nInstead either rename ${basename} to end in .cjs, change the requiring ` +
    'code to use dynamic import() which is available in all CommonJS ' +
    'modules, or change "type": "module" to "type": "commonjs" in ' +
    `${packageJsonPath} to treat all .js files as CommonJS (using .mjs for ` +
    'all ES modules instead).\n';
  return msg;
}, Error);
E('ERR_SOCKET_BAD_PORT', (name, port, allowZero = true) => {
  const operator = allowZero ? '>=' : '>';
  return `${name} should be ${operator} 0 and < 65536. Received ${determineSpecificType(port)}.`;
}, RangeError);
E('ERR_TLS_CERT_ALTNAME_INVALID', function(reason, host, cert) {
  this.reason = reason;
  this.host = host;
  this.cert = cert;
  return `Hostname/IP does not match certificate's altnames: ${reason}`;
}, Error);
E('ERR_UNHANDLED_ERROR', (err = undefined) => {
  const msg = 'Unhandled error.';
  if (err === undefined) return msg;
  return `${msg} (${err})`;
}, Error);
E('ERR_UNSUPPORTED_DIR_IMPORT', function(path, base, exactUrl) {
  Object.defineProperty(this, 'url', {
    __proto__: null, value: exactUrl, enumerable: true, writable: true, configurable: true,
  });
  return `Directory import '${path}' is not supported ` +
    `resolving ES modules imported from ${base}`;
}, Error);
E('ERR_WORKER_PATH', (filename) =>
  'The worker script or module filename must be an absolute path or a ' +
  'relative path starting with \'./\' or \'../\'.' +
  (filename.startsWith('file://') ?
    ' Wrap file:// URLs with `new URL`.' : '') +
  (filename.startsWith('data:text/javascript') ?
    ' Wrap data: URLs with `new URL`.' : '') +
  ` Received "${filename}"`,
TypeError);
E('ERR_WORKER_INVALID_EXEC_ARGV', (errors, msg = 'invalid execArgv flags') =>
  `Initiated Worker with ${msg}: ${errors.join(', ')}`,
Error);

// Codes whose message is a fixed template (%s etc. filled by util.format).
const simpleCodes = [
  ['ERR_AMBIGUOUS_ARGUMENT', 'The "%s" argument is ambiguous. %s', TypeError],
  ['ERR_ARG_NOT_ITERABLE', '%s must be iterable', TypeError],
  ['ERR_ASSERTION', '%s', Error],
  ['ERR_ASYNC_CALLBACK', '%s must be a function', TypeError],
  ['ERR_ASYNC_LOADER_REQUEST_NEVER_SETTLED', 'Async loader request never settled', Error],
  ['ERR_ASYNC_TYPE', 'Invalid name for async "type": %s', TypeError],
  ['ERR_BROTLI_INVALID_PARAM', '%s is not a valid Brotli parameter', RangeError],
  ['ERR_BUFFER_TOO_LARGE', 'Cannot create a Buffer larger than %s bytes', RangeError],
  ['ERR_CANNOT_WATCH_SIGINT', 'Cannot watch for SIGINT signals', Error],
  ['ERR_CHILD_CLOSED_BEFORE_REPLY', 'Child closed before reply received', Error],
  ['ERR_CHILD_PROCESS_IPC_REQUIRED', "Forked processes must have an IPC channel, missing value 'ipc' in %s", Error],
  ['ERR_CHILD_PROCESS_STDIO_MAXBUFFER', '%s maxBuffer length exceeded', RangeError],
  ['ERR_CONSOLE_WRITABLE_STREAM', 'Console expects a writable stream instance for %s', TypeError],
  ['ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called', TypeError],
  ['ERR_CONSTRUCT_CALL_REQUIRED', 'Class constructor %s cannot be invoked without `new`', TypeError],
  ['ERR_CONTEXT_NOT_INITIALIZED', 'context used is not initialized', Error],
  ['ERR_CRYPTO_ARGON2_NOT_SUPPORTED', 'Argon2 algorithm not supported', Error],
  ['ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED', 'Custom engines not supported by this OpenSSL', Error],
  ['ERR_CRYPTO_ECDH_INVALID_FORMAT', 'Invalid ECDH format: %s', TypeError],
  ['ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY', 'Public key is not valid for specified curve', Error],
  ['ERR_CRYPTO_ENGINE_UNKNOWN', 'Engine "%s" was not found', Error],
  ['ERR_CRYPTO_FIPS_FORCED', 'Cannot set FIPS mode, it was forced with --force-fips at startup.', Error],
  ['ERR_CRYPTO_FIPS_UNAVAILABLE', 'Cannot set FIPS mode in a non-FIPS build.', Error],
  ['ERR_CRYPTO_HASH_FINALIZED', 'Digest already called', Error],
  ['ERR_CRYPTO_HASH_UPDATE_FAILED', 'Hash update failed', Error],
  ['ERR_CRYPTO_INCOMPATIBLE_KEY', 'Incompatible %s: %s', Error],
  ['ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', 'The selected key encoding %s %s.', Error],
  ['ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: %s', TypeError],
  ['ERR_CRYPTO_INVALID_AUTH_TAG', 'Invalid authentication tag length: %s', TypeError],
  ['ERR_CRYPTO_INVALID_IV', 'Invalid initialization vector', TypeError],
  ['ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length', RangeError],
  ['ERR_CRYPTO_INVALID_JWK', 'Invalid JWK data', TypeError],
  ['ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', 'Invalid key object type %s, expected %s.', TypeError],
  ['ERR_CRYPTO_OPERATION_FAILED', '%s', Error],
  ['ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation %s', Error],
  ['ERR_CRYPTO_INVALID_SCRYPT_PARAMS', 'Invalid scrypt params%s', RangeError],
  ['ERR_CRYPTO_KEM_NOT_SUPPORTED', 'KEM is not supported', Error],
  ['ERR_CRYPTO_PBKDF2_ERROR', 'PBKDF2 error', Error],
  ['ERR_CRYPTO_SCRYPT_NOT_SUPPORTED', 'Scrypt algorithm not supported', Error],
  ['ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign', Error],
  ['ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length', RangeError],
  ['ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher', Error],
  ['ERR_DEBUGGER_ERROR', '%s', Error],
  ['ERR_DEBUGGER_STARTUP_ERROR', '%s', Error],
  ['ERR_DIR_CLOSED', 'Directory handle was closed', Error],
  ['ERR_DIR_CONCURRENT_OPERATION', 'Cannot do synchronous work on directory handle with concurrent asynchronous operations', Error],
  ['ERR_DNS_SET_SERVERS_FAILED', 'c-ares failed to set servers: "%s" [%s]', Error],
  ['ERR_DOMAIN_CALLBACK_NOT_AVAILABLE', 'A callback was registered through process.setUncaughtExceptionCaptureCallback(), which is mutually exclusive with using the `domain` module', Error],
  ['ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE', 'The `domain` module is in use, which is mutually exclusive with calling process.setUncaughtExceptionCaptureCallback()', Error],
  ['ERR_DUPLICATE_STARTUP_SNAPSHOT_MAIN_FUNCTION', 'Deserialize main function is already configured.', Error],
  ['ERR_ENCODING_NOT_SUPPORTED', 'The "%s" encoding is not supported', RangeError],
  ['ERR_EVAL_ESM_CANNOT_PRINT', '--print cannot be used with ESM input', Error],
  ['ERR_EVENT_RECURSION', 'The event "%s" is already being dispatched', Error],
  ['ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'The feature %s is unavailable on the current platform, which is being used to run Node.js', TypeError],
  ['ERR_FS_CP_DIR_TO_NON_DIR', 'Cannot overwrite non-directory with directory', SystemError],
  ['ERR_FS_CP_EEXIST', 'Target already exists', SystemError],
  ['ERR_FS_CP_EINVAL', 'Invalid src or dest', SystemError],
  ['ERR_FS_CP_FIFO_PIPE', 'Cannot copy a FIFO pipe', SystemError],
  ['ERR_FS_CP_NON_DIR_TO_DIR', 'Cannot overwrite directory with non-directory', SystemError],
  ['ERR_FS_CP_SOCKET', 'Cannot copy a socket file', SystemError],
  ['ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'Cannot overwrite symlink in subdirectory of self', SystemError],
  ['ERR_FS_CP_UNKNOWN', 'Cannot copy an unknown file type', SystemError],
  ['ERR_FS_EISDIR', 'Path is a directory', SystemError],
  ['ERR_FS_FILE_TOO_LARGE', 'File size (%s) is greater than 2 GiB', RangeError],
  ['ERR_FS_WATCH_QUEUE_OVERFLOW', 'fs.watch() queued more than %d events', Error],
  ['ERR_HTTP2_ALTSVC_INVALID_ORIGIN', 'HTTP/2 ALTSVC frames require a valid origin', TypeError],
  ['ERR_HTTP2_ALTSVC_LENGTH', 'HTTP/2 ALTSVC frames are limited to 16382 bytes', TypeError],
  ['ERR_HTTP2_CONNECT_AUTHORITY', ':authority header is required for CONNECT requests', Error],
  ['ERR_HTTP2_CONNECT_PATH', 'The :path header is forbidden for CONNECT requests', Error],
  ['ERR_HTTP2_CONNECT_SCHEME', 'The :scheme header is forbidden for CONNECT requests', Error],
  ['ERR_HTTP2_GOAWAY_SESSION', 'New streams cannot be created after receiving a GOAWAY', Error],
  ['ERR_HTTP2_HEADERS_AFTER_RESPOND', 'Cannot specify additional headers after response initiated', Error],
  ['ERR_HTTP2_HEADERS_SENT', 'Response has already been initiated.', Error],
  ['ERR_HTTP2_HEADER_SINGLE_VALUE', 'Header field "%s" must only have a single value', TypeError],
  ['ERR_HTTP2_INFO_STATUS_NOT_ALLOWED', 'Informational status codes cannot be used', RangeError],
  ['ERR_HTTP2_INVALID_CONNECTION_HEADERS', 'HTTP/1 Connection specific headers are forbidden: "%s"', TypeError],
  ['ERR_HTTP2_INVALID_HEADER_VALUE', 'Invalid value "%s" for header "%s"', TypeError],
  ['ERR_HTTP2_INVALID_INFO_STATUS', 'Invalid informational status code: %s', RangeError],
  ['ERR_HTTP2_INVALID_ORIGIN', 'HTTP/2 ORIGIN frames require a valid origin', TypeError],
  ['ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH', 'Packed settings length must be a multiple of six', RangeError],
  ['ERR_HTTP2_INVALID_PSEUDOHEADER', '"%s" is an invalid pseudoheader or is used incorrectly', TypeError],
  ['ERR_HTTP2_INVALID_SESSION', 'The session has been destroyed', Error],
  ['ERR_HTTP2_INVALID_STREAM', 'The stream has been destroyed', Error],
  ['ERR_HTTP2_MAX_PENDING_SETTINGS_ACK', 'Maximum number of pending settings acknowledgements', Error],
  ['ERR_HTTP2_NESTED_PUSH', 'A push stream cannot initiate another push stream.', Error],
  ['ERR_HTTP2_NO_MEM', 'Out of memory', Error],
  ['ERR_HTTP2_NO_SOCKET_MANIPULATION', 'HTTP/2 sockets should not be directly manipulated (e.g. read and written)', Error],
  ['ERR_HTTP2_ORIGIN_LENGTH', 'HTTP/2 ORIGIN frames are limited to 16382 bytes', TypeError],
  ['ERR_HTTP2_OUT_OF_STREAMS', 'No stream ID is available because maximum stream ID has been reached', Error],
  ['ERR_HTTP2_PAYLOAD_FORBIDDEN', 'Responses with %s status must not have a payload', Error],
  ['ERR_HTTP2_PING_CANCEL', 'HTTP2 ping cancelled', Error],
  ['ERR_HTTP2_PING_LENGTH', 'HTTP2 ping payload must be 8 bytes', RangeError],
  ['ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED', 'Cannot set HTTP/2 pseudo-headers', TypeError],
  ['ERR_HTTP2_PUSH_DISABLED', 'HTTP/2 client has disabled push streams', Error],
  ['ERR_HTTP2_SEND_FILE', 'Directories cannot be sent', Error],
  ['ERR_HTTP2_SEND_FILE_NOSEEK', 'Offset or length can only be specified for regular files', Error],
  ['ERR_HTTP2_SESSION_ERROR', 'Session closed with error code %s', Error],
  ['ERR_HTTP2_SETTINGS_CANCEL', 'HTTP2 session settings canceled', Error],
  ['ERR_HTTP2_SOCKET_BOUND', 'The socket is already bound to an Http2Session', Error],
  ['ERR_HTTP2_SOCKET_UNBOUND', 'The socket has been disconnected from the Http2Session', Error],
  ['ERR_HTTP2_STATUS_101', 'HTTP status code 101 (Switching Protocols) is forbidden in HTTP/2', Error],
  ['ERR_HTTP2_STATUS_INVALID', 'Invalid status code: %s', RangeError],
  ['ERR_HTTP2_STREAM_ERROR', 'Stream closed with error code %s', Error],
  ['ERR_HTTP2_STREAM_SELF_DEPENDENCY', 'A stream cannot depend on itself', Error],
  ['ERR_HTTP2_TOO_MANY_CUSTOM_SETTINGS', 'Number of custom settings exceeds MAX_ADDITIONAL_SETTINGS', Error],
  ['ERR_HTTP2_TOO_MANY_INVALID_FRAMES', 'Too many invalid HTTP/2 frames', Error],
  ['ERR_HTTP2_TRAILERS_ALREADY_SENT', 'Trailing headers have already been sent', Error],
  ['ERR_HTTP2_TRAILERS_NOT_READY', 'Trailing headers cannot be sent until after the wantTrailers event is emitted', Error],
  ['ERR_HTTP2_UNSUPPORTED_PROTOCOL', 'protocol "%s" is unsupported.', Error],
  ['ERR_HTTP_BODY_NOT_ALLOWED', 'Adding content for this request method or response status is not allowed.', Error],
  ['ERR_HTTP_CONTENT_LENGTH_MISMATCH', "Response body's content-length of %s byte(s) does not match the content-length of %s byte(s) set in header", Error],
  ['ERR_HTTP_HEADERS_SENT', 'Cannot %s headers after they are sent to the client', Error],
  ['ERR_HTTP_INVALID_HEADER_VALUE', 'Invalid value "%s" for header "%s"', TypeError],
  ['ERR_HTTP_INVALID_STATUS_CODE', 'Invalid status code: %s', RangeError],
  ['ERR_HTTP_REQUEST_TIMEOUT', 'Request timeout', Error],
  ['ERR_HTTP_SOCKET_ASSIGNED', 'ServerResponse has an already assigned socket', Error],
  ['ERR_HTTP_SOCKET_ENCODING', 'Changing the socket encoding is not allowed per RFC7230 Section 3.', Error],
  ['ERR_HTTP_TRAILER_INVALID', 'Trailers are invalid with this transfer encoding', Error],
  ['ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor', TypeError],
  ['ERR_IMPORT_ATTRIBUTE_MISSING', 'Module "%s" needs an import attribute of "%s: %s"', TypeError],
  ['ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE', 'Module "%s" is not of type "%s"', TypeError],
  ['ERR_IMPORT_ATTRIBUTE_UNSUPPORTED', 'Import attribute "%s" with value "%s" is not supported in %s', TypeError],
  ['ERR_INCOMPATIBLE_OPTION_PAIR', 'Option "%s" cannot be used in combination with option "%s"', TypeError],
  ['ERR_INPUT_TYPE_NOT_ALLOWED', '--input-type can only be used with string input via --eval, --print, or STDIN', Error],
  ['ERR_INSPECTOR_ALREADY_ACTIVATED', 'Inspector is already activated. Close it with inspector.close() before activating it again.', Error],
  ['ERR_INSPECTOR_ALREADY_CONNECTED', '%s is already connected', Error],
  ['ERR_INSPECTOR_CLOSED', 'Session was closed', Error],
  ['ERR_INSPECTOR_COMMAND', 'Inspector error %d: %s', Error],
  ['ERR_INSPECTOR_NOT_ACTIVE', 'Inspector is not active', Error],
  ['ERR_INSPECTOR_NOT_AVAILABLE', 'Inspector is not available', Error],
  ['ERR_INSPECTOR_NOT_CONNECTED', 'Session is not connected', Error],
  ['ERR_INSPECTOR_NOT_WORKER', 'Current thread is not a worker', Error],
  ['ERR_INVALID_ADDRESS', 'Invalid socket address', Error],
  ['ERR_INVALID_ASYNC_ID', 'Invalid %s value: %s', RangeError],
  ['ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of %s', RangeError],
  ['ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column', TypeError],
  ['ERR_INVALID_FD', '"fd" must be a positive integer: %s', RangeError],
  ['ERR_INVALID_FD_TYPE', 'Unsupported fd type: %s', TypeError],
  ['ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on %s', TypeError],
  ['ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent', TypeError],
  ['ERR_INVALID_HTTP_TOKEN', '%s must be a valid HTTP token ["%s"]', TypeError],
  ['ERR_INVALID_IP_ADDRESS', 'Invalid IP address: %s', TypeError],
  ['ERR_INVALID_PROTOCOL', 'Protocol "%s" not supported. Expected "%s"', TypeError],
  ['ERR_INVALID_REPL_EVAL_CONFIG', 'Cannot specify both "breakEvalOnSigint" and "eval" for REPL', TypeError],
  ['ERR_INVALID_REPL_INPUT', '%s', TypeError],
  ['ERR_INVALID_STATE', 'Invalid state: %s', Error, TypeError, RangeError],
  ['ERR_INVALID_SYNC_FORK_INPUT', 'Asynchronous forks do not support Buffer, TypedArray, DataView or string input: %s', TypeError],
  ['ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError],
  ['ERR_INVALID_TUPLE', '%s must be an iterable %s tuple', TypeError],
  ['ERR_INVALID_TYPESCRIPT_SYNTAX', '%s', SyntaxError],
  ['ERR_INVALID_URI', 'URI malformed', URIError],
  ['ERR_IPC_CHANNEL_CLOSED', 'Channel closed', Error],
  ['ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected', Error],
  ['ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe', Error],
  ['ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks', Error],
  ['ERR_LOADER_CHAIN_INCOMPLETE', "\"%s\" did not call the next hook in its chain and did not explicitly signal a short circuit. If this is intentional, include `shortCircuit: true` in the hook's return.", Error],
  ['ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', Error],
  ['ERR_MISSING_OPTION', '%s is required', TypeError],
  ['ERR_MODULE_LINK_MISMATCH', '%s', TypeError],
  ['ERR_MULTIPLE_CALLBACK', 'Callback called multiple times', Error],
  ['ERR_NAPI_CONS_FUNCTION', 'Constructor must be a function', TypeError],
  ['ERR_NAPI_INVALID_DATAVIEW_ARGS', 'byte_offset + byte_length should be less than or equal to the size in bytes of the array passed in', RangeError],
  ['ERR_NAPI_INVALID_TYPEDARRAY_ALIGNMENT', 'start offset of %s should be a multiple of %s', RangeError],
  ['ERR_NAPI_INVALID_TYPEDARRAY_LENGTH', 'Invalid typed array length', RangeError],
  ['ERR_NOT_BUILDING_SNAPSHOT', 'Operation cannot be invoked when not building startup snapshot', Error],
  ['ERR_NOT_IN_SINGLE_EXECUTABLE_APPLICATION', 'Operation cannot be invoked when not in a single-executable application', Error],
  ['ERR_NOT_SUPPORTED_IN_SNAPSHOT', '%s is not supported in startup snapshot', Error],
  ['ERR_NO_CRYPTO', 'Node.js is not compiled with OpenSSL crypto support', Error],
  ['ERR_NO_ICU', '%s is not supported on Node.js compiled without ICU', TypeError],
  ['ERR_NO_TYPESCRIPT', 'Node.js is not compiled with TypeScript support', Error],
  ['ERR_OPERATION_FAILED', 'Operation failed: %s', Error, TypeError],
  ['ERR_PARSE_ARGS_INVALID_OPTION_VALUE', '%s', TypeError],
  ['ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', "Unexpected argument '%s'. This command does not take positional arguments", TypeError],
  ['ERR_PERFORMANCE_INVALID_TIMESTAMP', '%d is not a valid timestamp', TypeError],
  ['ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS', '%s', TypeError],
  ['ERR_PROXY_INVALID_CONFIG', '%s', Error],
  ['ERR_PROXY_TUNNEL', '%s', Error],
  ['ERR_QUIC_APPLICATION_ERROR', 'A QUIC application error occurred. %d [%s]', Error],
  ['ERR_QUIC_CONNECTION_FAILED', 'QUIC connection failed', Error],
  ['ERR_QUIC_ENDPOINT_CLOSED', 'QUIC endpoint closed: %s (%d)', Error],
  ['ERR_QUIC_OPEN_STREAM_FAILED', 'Failed to open QUIC stream', Error],
  ['ERR_QUIC_TRANSPORT_ERROR', 'A QUIC transport error occurred. %d [%s]', Error],
  ['ERR_QUIC_VERSION_NEGOTIATION_ERROR', 'The QUIC session requires version negotiation', Error],
  ['ERR_REQUIRE_CYCLE_MODULE', '%s', Error],
  ['ERR_SCRIPT_EXECUTION_INTERRUPTED', 'Script execution was interrupted by `SIGINT`', Error],
  ['ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.', Error],
  ['ERR_SERVER_NOT_RUNNING', 'Server is not running.', Error],
  ['ERR_SINGLE_EXECUTABLE_APPLICATION_ASSET_NOT_FOUND', 'Cannot find asset %s for the single executable application', Error],
  ['ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound', Error],
  ['ERR_SOCKET_BAD_BUFFER_SIZE', 'Buffer size must be a positive integer', TypeError],
  ['ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6', TypeError],
  ['ERR_SOCKET_BUFFER_SIZE', 'Could not get or set buffer size', SystemError],
  ['ERR_SOCKET_CLOSED', 'Socket is closed', Error],
  ['ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'Socket closed before the connection was established', Error],
  ['ERR_SOCKET_CONNECTION_TIMEOUT', 'Socket connection timeout', Error],
  ['ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected', Error],
  ['ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected', Error],
  ['ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running', Error],
  ['ERR_SOURCE_MAP_CORRUPT', "The source map for '%s' does not exist or is corrupt.", Error],
  ['ERR_SOURCE_MAP_MISSING_SOURCE', "Cannot find '%s' imported from the source map for '%s'", Error],
  ['ERR_SRI_PARSE', 'Subresource Integrity string %j had an unexpected %j at position %d', SyntaxError],
  ['ERR_STREAM_ALREADY_FINISHED', 'Cannot call %s after a stream was finished', Error],
  ['ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable', Error],
  ['ERR_STREAM_DESTROYED', 'Cannot call %s after a stream was destroyed', Error],
  ['ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError],
  ['ERR_STREAM_PREMATURE_CLOSE', 'Premature close', Error],
  ['ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF', Error],
  ['ERR_STREAM_UNABLE_TO_PIPE', 'Cannot pipe to a closed or destroyed stream', Error],
  ['ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event', Error],
  ['ERR_STREAM_WRAP', 'Stream has StringDecoder set or is in objectMode', Error],
  ['ERR_STREAM_WRITE_AFTER_END', 'write after end', Error],
  ['ERR_SYNTHETIC', 'JavaScript Callstack', Error],
  ['ERR_SYSTEM_ERROR', 'A system error occurred', SystemError],
  ['ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS', 'The ALPNCallback and ALPNProtocols TLS options are mutually exclusive', TypeError],
  ['ERR_TLS_CERT_ALTNAME_FORMAT', 'Invalid subject alternative name string', SyntaxError],
  ['ERR_TLS_DH_PARAM_SIZE', 'DH parameter size %s is less than 2048', Error],
  ['ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timeout', Error],
  ['ERR_TLS_INVALID_CONTEXT', '%s must be a SecureContext', TypeError],
  ['ERR_TLS_INVALID_PROTOCOL_METHOD', '%s', TypeError],
  ['ERR_TLS_INVALID_PROTOCOL_VERSION', '%j is not a valid %s TLS protocol version', TypeError],
  ['ERR_TLS_INVALID_STATE', 'TLS socket connection must be securely established', Error],
  ['ERR_TLS_PROTOCOL_VERSION_CONFLICT', 'TLS protocol version %j conflicts with secureProtocol %j', TypeError],
  ['ERR_TLS_RENEGOTIATION_DISABLED', 'TLS session renegotiation disabled for this socket', Error],
  ['ERR_TLS_REQUIRED_SERVER_NAME', '"servername" is required parameter for Server.addContext', Error],
  ['ERR_TLS_SESSION_ATTACK', 'TLS session renegotiation attack detected', Error],
  ['ERR_TLS_SNI_FROM_SERVER', 'Cannot issue SNI from a TLS server-side socket', Error],
  ['ERR_TRACE_EVENTS_CATEGORY_REQUIRED', 'At least one category is required', TypeError],
  ['ERR_TRACE_EVENTS_UNAVAILABLE', 'Trace events are unavailable', Error],
  ['ERR_TRAILING_JUNK_AFTER_STREAM_END', 'Trailing junk found after the end of the compressed stream', TypeError],
  ['ERR_TTY_INIT_FAILED', 'TTY initialization failed', SystemError],
  ['ERR_UNAVAILABLE_DURING_EXIT', 'Cannot call function in process exit handler', Error],
  ['ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET', '`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active', Error],
  ['ERR_UNESCAPED_CHARACTERS', '%s contains unescaped characters', TypeError],
  ['ERR_UNKNOWN_BUILTIN_MODULE', 'No such built-in module: %s', Error],
  ['ERR_UNKNOWN_CREDENTIAL', '%s identifier does not exist: %s', Error],
  ['ERR_UNKNOWN_ENCODING', 'Unknown encoding: %s', TypeError],
  ['ERR_UNKNOWN_FILE_EXTENSION', 'Unknown file extension "%s" for %s', TypeError],
  ['ERR_UNKNOWN_MODULE_FORMAT', 'Unknown module format: %s for URL %s', RangeError],
  ['ERR_UNKNOWN_SIGNAL', 'Unknown signal: %s', TypeError],
  ['ERR_UNSUPPORTED_ESM_URL_SCHEME', 'Only URLs with a scheme in: file and data are supported ' +
    "by the default ESM loader. Received protocol '%s'", Error],
  ['ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING', 'Stripping types is currently unsupported for files under node_modules, for "%s"', Error],
  ['ERR_UNSUPPORTED_RESOLVE_REQUEST', 'Failed to resolve module specifier "%s" from "%s": Invalid relative URL or base scheme is not hierarchical.', TypeError],
  ['ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX', '%s', SyntaxError],
  ['ERR_USE_AFTER_CLOSE', '%s was closed', Error],
  ['ERR_VALID_PERFORMANCE_ENTRY_TYPE', 'At least one valid performance entry type is required', Error],
  ['ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING', 'A dynamic import callback was not specified.', TypeError],
  ['ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG', 'A dynamic import callback was invoked without --experimental-vm-modules', TypeError],
  ['ERR_VM_MODULE_ALREADY_LINKED', 'Module has already been linked', Error],
  ['ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA', 'Cached data cannot be created for a module which has been evaluated', Error],
  ['ERR_VM_MODULE_DIFFERENT_CONTEXT', 'Linked modules must use the same context', Error],
  ['ERR_VM_MODULE_NOT_MODULE', 'Provided module is not an instance of Module', Error],
  ['ERR_VM_MODULE_STATUS', 'Module status %s', Error],
  ['ERR_WASI_ALREADY_STARTED', 'WASI instance has already started', Error],
  ['ERR_WEBASSEMBLY_NOT_SUPPORTED', 'WebAssembly is not supported in this environment, but is required for %s', Error],
  ['ERR_WEBASSEMBLY_RESPONSE', 'WebAssembly response %s', TypeError],
  ['ERR_WORKER_INIT_FAILED', 'Worker initialization failure: %s', Error],
  ['ERR_WORKER_MESSAGING_ERRORED', 'The destination thread threw an error while processing the message', Error],
  ['ERR_WORKER_MESSAGING_FAILED', 'Cannot find the destination thread or listener', Error],
  ['ERR_WORKER_MESSAGING_SAME_THREAD', 'Cannot sent a message to the same thread', Error],
  ['ERR_WORKER_MESSAGING_TIMEOUT', 'Sending a message to another thread timed out', Error],
  ['ERR_WORKER_NOT_RUNNING', 'Worker instance not running', Error],
  ['ERR_WORKER_OUT_OF_MEMORY', 'Worker terminated due to reaching memory limit: %s', Error],
  ['ERR_WORKER_UNSERIALIZABLE_ERROR', 'Serializing an uncaught exception failed', Error],
  ['ERR_WORKER_UNSUPPORTED_OPERATION', '%s is not supported in workers', TypeError],
  ['ERR_ZSTD_INVALID_PARAM', '%s is not a valid zstd parameter', RangeError],];
for (const [code, message, Base, ...otherBases] of simpleCodes) {
  E(code, message, Base, ...otherBases);
}

module.exports = {
  AbortError,
  DNSException,
  aggregateTwoErrors,
  NodeAggregateError,
  codes,
  ConnResetException,
  determineSpecificType,
  E,
  ErrnoException,
  ExceptionWithHostPort,
  formatList,
  genericNodeError,
  getMessage,
  getSystemErrorName,
  hideStackFrames,
  isErrorStackTraceLimitWritable,
  isStackOverflowError,
  kIsNodeError,
  overrideStackTrace,
  prepareStackTraceCallback,
  SystemError,
  uvErrmapGet,
  uvErrorEntries,
  uvErrnoOf,
  uvException,
  UVException,
  UVExceptionWithHostPort,
};
