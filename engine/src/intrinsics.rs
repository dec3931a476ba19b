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
//! - `contextify`: `compileFunction(code, filename, params)`, `runScript(code, filename)`.
//! - `util`: `getPromiseDetails`, `getProxyDetails`, `previewEntries`, `getConstructorName`,
//!   `getOwnNonIndexProperties`, `constants.{ALL_PROPERTIES, ONLY_ENUMERABLE}`.
//! - `types`: Node's `util.types` predicates that need the engine (`isPromise`, `isProxy`,
//!   `isMapIterator`, `isNativeError`, …).
