'use strict';
// The public 'vm' module: compiling and running code in the main context or in new V8
// contexts whose global forwards to a "contextified" object (internalBinding('contextify')
// does the engine work: the contexts, their property interceptors, ContextifyScript).
// vm.Module and friends (behind --experimental-vm-modules in Node) are not provided.

const {
  ContextifyScript,
  makeContext,
  isContext: isContextBinding,
  compileFunction: compileFunctionBinding,
} = internalBinding('contextify');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');
const {
  validateArray,
  validateBoolean,
  validateBuffer,
  validateFunction,
  validateInt32,
  validateObject,
  validateOneOf,
  validateString,
  validateUint32,
  kValidateObjectAllowArray,
  kValidateObjectAllowNullable,
} = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');

const kEmptyObject = Object.freeze({ __proto__: null });
const kParsingContext = Symbol('script parsing context');

const USE_MAIN_CONTEXT_DEFAULT_LOADER = Symbol('vm_dynamic_import_main_context_default');
const DONT_CONTEXTIFY = Symbol('vm_context_no_contextify');
const constants = Object.freeze({
  __proto__: null,
  USE_MAIN_CONTEXT_DEFAULT_LOADER,
  DONT_CONTEXTIFY,
});

const runInContextBinding = ContextifyScript.prototype.runInContext;

function toBuffer(bytes) {
  const { Buffer } = require('buffer');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// How import() in compiled code fails (oxnode has no loader for it): without a callback
// (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), with one (vm modules are not provided:
// ..._MISSING_FLAG), or through the main context's loader.
const kImportNoCallback = 0;
const kImportCallback = 1;
const kImportMainContextLoader = 2;

function importMode(importModuleDynamically, name) {
  if (importModuleDynamically === undefined) return kImportNoCallback;
  if (importModuleDynamically === USE_MAIN_CONTEXT_DEFAULT_LOADER) return kImportMainContextLoader;
  validateFunction(importModuleDynamically, name);
  return kImportCallback;
}

class Script extends ContextifyScript {
  constructor(code, options = kEmptyObject) {
    code = `${code}`;
    if (typeof options === 'string') {
      options = { filename: options };
    } else {
      validateObject(options, 'options');
    }
    const {
      filename = 'evalmachine.<anonymous>',
      lineOffset = 0,
      columnOffset = 0,
      cachedData,
      produceCachedData = false,
      importModuleDynamically,
      [kParsingContext]: parsingContext,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (cachedData !== undefined && !isArrayBufferView(cachedData)) {
      throw new ERR_INVALID_ARG_TYPE('options.cachedData',
                                     ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    validateBoolean(produceCachedData, 'options.produceCachedData');
    const mode = importMode(importModuleDynamically, 'options.importModuleDynamically');
    try {
      super(code, filename, lineOffset, columnOffset, cachedData, produceCachedData,
            parsingContext, mode);
    } catch (e) {
      throw e;
    }
    if (this.cachedData !== undefined) this.cachedData = toBuffer(this.cachedData);
  }

  runInThisContext(options) {
    const args = getRunInContextArgs(null, options);
    return Reflect.apply(runInContextBinding, this, args);
  }

  runInContext(contextifiedObject, options) {
    validateContext(contextifiedObject);
    const args = getRunInContextArgs(contextifiedObject, options);
    return Reflect.apply(runInContextBinding, this, args);
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, getContextOptions(options));
    return this.runInContext(context, options);
  }

  createCachedData() {
    return toBuffer(Reflect.apply(ContextifyScript.prototype.createCachedData, this, []));
  }
}

function validateContext(contextifiedObject) {
  if (!isContext(contextifiedObject)) {
    throw new ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
  }
}

function getRunInContextArgs(contextifiedObject, options = kEmptyObject) {
  validateObject(options, 'options');
  let timeout = options.timeout;
  if (timeout === undefined) {
    timeout = -1;
  } else {
    validateUint32(timeout, 'options.timeout', true);
  }
  const { displayErrors = true, breakOnSigint = false } = options;
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
  return [contextifiedObject, timeout, displayErrors];
}

function getContextOptions(options) {
  if (!options) return {};
  const contextOptions = {
    name: options.contextName,
    origin: options.contextOrigin,
    codeGeneration: undefined,
    microtaskMode: options.microtaskMode,
  };
  if (contextOptions.name !== undefined) validateString(contextOptions.name, 'options.contextName');
  if (contextOptions.origin !== undefined) {
    validateString(contextOptions.origin, 'options.contextOrigin');
  }
  if (options.contextCodeGeneration !== undefined) {
    validateObject(options.contextCodeGeneration, 'options.contextCodeGeneration');
    const { strings, wasm } = options.contextCodeGeneration;
    if (strings !== undefined) validateBoolean(strings, 'options.contextCodeGeneration.strings');
    if (wasm !== undefined) validateBoolean(wasm, 'options.contextCodeGeneration.wasm');
    contextOptions.codeGeneration = { strings, wasm };
  }
  if (options.microtaskMode !== undefined) {
    validateString(options.microtaskMode, 'options.microtaskMode');
  }
  return contextOptions;
}

function isContext(object) {
  validateObject(object, 'object', kValidateObjectAllowArray);
  return isContextBinding(object);
}

let defaultContextNameIndex = 1;
// The contexts alive, for measureMemory's per-context entries.
const liveContexts = new Set();
const contextCollected = new FinalizationRegistry((ref) => liveContexts.delete(ref));
function createContext(contextObject = {}, options = kEmptyObject) {
  if (contextObject !== DONT_CONTEXTIFY && isContext(contextObject)) {
    return contextObject;
  }
  validateObject(options, 'options');
  const {
    name = `VM Context ${defaultContextNameIndex++}`,
    origin,
    codeGeneration,
    microtaskMode,
    importModuleDynamically,
  } = options;
  validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  if (codeGeneration !== undefined) validateObject(codeGeneration, 'options.codeGeneration');
  let strings = true;
  let wasm = true;
  if (codeGeneration !== undefined) {
    ({ strings = true, wasm = true } = codeGeneration);
    validateBoolean(strings, 'options.codeGeneration.strings');
    validateBoolean(wasm, 'options.codeGeneration.wasm');
  }
  validateOneOf(microtaskMode, 'options.microtaskMode', ['afterEvaluate', undefined]);
  importMode(importModuleDynamically, 'options.importModuleDynamically');
  const context = makeContext(contextObject, strings, wasm, microtaskMode === 'afterEvaluate');
  const ref = new WeakRef(context);
  liveContexts.add(ref);
  contextCollected.register(context, ref);
  return context;
}

function createScript(code, options) {
  return new Script(code, options);
}

function runInContext(code, contextifiedObject, options) {
  validateContext(contextifiedObject);
  if (typeof options === 'string') {
    options = { filename: options, [kParsingContext]: contextifiedObject };
  } else {
    options = { ...options, [kParsingContext]: contextifiedObject };
  }
  return createScript(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  if (typeof options === 'string') {
    options = { filename: options };
  }
  contextObject = createContext(contextObject, getContextOptions(options));
  options = { ...options, [kParsingContext]: contextObject };
  return createScript(code, options).runInNewContext(contextObject, options);
}

function runInThisContext(code, options) {
  if (typeof options === 'string') {
    options = { filename: options };
  }
  return createScript(code, options).runInThisContext(options);
}

function compileFunction(code, params, options = kEmptyObject) {
  validateString(code, 'code');
  validateObject(options, 'options');
  if (params !== undefined) {
    validateArray(params, 'params');
    params.forEach((param, i) => validateString(param, `params[${i}]`));
  }
  const {
    filename = '',
    columnOffset = 0,
    lineOffset = 0,
    cachedData = undefined,
    produceCachedData = false,
    parsingContext = undefined,
    contextExtensions = [],
    importModuleDynamically,
  } = options;
  validateString(filename, 'options.filename');
  validateInt32(columnOffset, 'options.columnOffset');
  validateInt32(lineOffset, 'options.lineOffset');
  if (cachedData !== undefined) validateBuffer(cachedData, 'options.cachedData');
  validateBoolean(produceCachedData, 'options.produceCachedData');
  if (parsingContext !== undefined) {
    if (typeof parsingContext !== 'object' || parsingContext === null ||
        !isContext(parsingContext)) {
      throw new ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context', parsingContext);
    }
  }
  validateArray(contextExtensions, 'options.contextExtensions');
  contextExtensions.forEach((extension, i) => {
    validateObject(extension, `options.contextExtensions[${i}]`, kValidateObjectAllowNullable);
  });
  const mode = importMode(importModuleDynamically, 'options.importModuleDynamically');
  const fn = compileFunctionBinding(code, filename, params ?? [], lineOffset, columnOffset,
                                    parsingContext, contextExtensions, cachedData,
                                    produceCachedData, mode);
  if (fn.cachedData !== undefined) fn.cachedData = toBuffer(fn.cachedData);
  return fn;
}

let measureMemoryWarned = false;
// A minimal vm.measureMemory: the whole heap as one estimate (V8's per-context measurement
// is not used), and in detailed mode one entry per live vm context.
function measureMemory(options = kEmptyObject) {
  if (!measureMemoryWarned) {
    measureMemoryWarned = true;
    process.emitWarning(
      'vm.measureMemory is an experimental feature and might change at any time',
      'ExperimentalWarning');
  }
  validateObject(options, 'options');
  const { mode = 'summary', execution = 'default' } = options;
  validateOneOf(mode, 'options.mode', ['summary', 'detailed']);
  validateOneOf(execution, 'options.execution', ['default', 'eager']);
  const { heapUsed, heapTotal } = process.memoryUsage();
  const total = { jsMemoryEstimate: heapUsed, jsMemoryRange: [heapUsed, heapTotal] };
  if (mode === 'summary') return Promise.resolve({ total });
  const other = [];
  for (const ref of liveContexts) {
    if (ref.deref() !== undefined) {
      other.push({ jsMemoryEstimate: 0, jsMemoryRange: [0, heapUsed] });
    }
  }
  return Promise.resolve({ total, current: total, other });
}

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
};
