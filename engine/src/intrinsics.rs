//! The bindings only an engine can provide, because they look inside JS values.
//!
//! Every engine installs these under `internalBinding(name)`, with Node's names and
//! semantics, so the JS library above stays engine-neutral:
//!
//! - `engine`: `setHook(name, fn)`, `runMicrotasks()`, `enqueueMicrotask(fn)`,
//!   `setPromiseRejectCallback(fn)` (called with `(type, promise, reason)`, type 0 =
//!   rejected without handler, 1 = handler added later), `getErrorSourceArrow(error)`
//!   (file:line, source line and caret for where an error was created),
//!   `getHeapStatistics()` (`[heapTotal, heapUsed, external, arrayBuffers]`),
//!   `timeZoneChanged()` (after `process.env.TZ` is set). Besides `fatalException`, the
//!   engine calls the hook `prepareStackTrace` with `(globalThis, error, callSites)` to
//!   build `error.stack`, as Node does.
//! - `contextify`: `compileFunction(code, filename, params[, lineOffset, columnOffset,
//!   parsingContext, contextExtensions, cachedData, produceCachedData, importMode])` (with
//!   the `vm` arguments: compiled in the parsing context, syntax errors decorated, and
//!   `cachedDataRejected`/`cachedData`/`cachedDataProduced` set on the function),
//!   `runScript(code, filename)`, and what `vm` stands on:
//!   `makeContext(sandbox, allowStrings, allowWasm, ownMicrotaskQueue)` (a new context
//!   whose global forwards every property access to `sandbox`, as Node's interceptors do,
//!   returning `sandbox`; for a non-object `sandbox`, an ordinary context, returning its
//!   global), `isContext(object)`, and the class `ContextifyScript(code, filename,
//!   lineOffset, columnOffset, cachedData, produceCachedData, parsingContext, importMode)` (sets
//!   `sourceURL`, `sourceMapURL` and the code-cache properties) with
//!   `runInContext(contextifiedObject | null, timeout, displayErrors)` (`timeout` > 0 ms
//!   ends the run with `ERR_SCRIPT_EXECUTION_TIMEOUT`) and `createCachedData()` (a
//!   Uint8Array). With `displayErrors`, an escaping error's `stack` starts with its source
//!   arrow, and the engine prints such a decorated error without a second arrow.
//!   `importMode` is how `import()` in that code fails: 0 (no `importModuleDynamically`) and
//!   1 (a callback, but no vm modules) reject with `ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING`
//!   and `..._MISSING_FLAG`; 2 uses the main loader. Every context the engine makes, the main
//!   one included, lacks `Intl.v8BreakIterator`, as in Node.
//! - `module_wrap`: ES modules, each a numeric id: `compileSourceTextModule(source, url)`
//!   (a SyntaxError throws), `createSyntheticModule(url, exportNames, values)` (`values`, or
//!   a function returning it, called at evaluation, gives each export's value),
//!   `setSyntheticExport(id, name, value)`, `getModuleRequests(id)` (import specifiers),
//!   `link(id, specifiers, ids)` (what each specifier resolved to), `instantiate(id)` (a
//!   missing export throws a SyntaxError whose `stack` starts with its source arrow),
//!   `evaluate(id)` (the evaluation promise), `getNamespace(id)`, `getStatus(id)` (0
//!   unlinked … 4 evaluated, 5 errored), `getError(id)`, `isGraphAsync(id)`, and
//!   `decorateErrorStack(error)` (puts the arrow of where `error` was thrown in front of its
//!   stack, for rethrowing). `import()` calls the hook
//!   `importModuleDynamically(specifier, referrerName)` for its promise, and the first use
//!   of `import.meta` calls `initializeImportMeta(meta, id)`.
//! - `util`: `getPromiseDetails`, `getProxyDetails`, `previewEntries`, `getConstructorName`,
//!   `getOwnNonIndexProperties`, `constants.{ALL_PROPERTIES, ONLY_ENUMERABLE}`.
//! - `types`: Node's `util.types` predicates that need the engine (`isPromise`, `isProxy`,
//!   `isMapIterator`, `isNativeError`, …).
