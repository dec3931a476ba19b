//! The bindings only an engine can provide, because they look inside JS values.
//!
//! Every engine installs these under `internalBinding(name)`, with Node's names and
//! semantics, so the JS library above stays engine-neutral:
//!
//! - `engine`: `setHook(name, fn)`, `runMicrotasks()`, `enqueueMicrotask(fn)`,
//!   `setPromiseRejectCallback(fn)` (called with `(type, promise, reason)`, type 0 =
//!   rejected without handler, 1 = handler added later), `getErrorSourceArrow(error)`
//!   (file:line, source line and caret for where an error was created), `captureStack()`.
//! - `contextify`: `compileFunction(code, filename, params)`, `runScript(code, filename)`.
//! - `util`: `getPromiseDetails`, `getProxyDetails`, `previewEntries`, `getConstructorName`,
//!   `getOwnNonIndexProperties`, `constants.{ALL_PROPERTIES, ONLY_ENUMERABLE}`.
//! - `types`: Node's `util.types` predicates that need the engine (`isPromise`, `isProxy`,
//!   `isMapIterator`, `isNativeError`, …).

/// The binding names every engine must provide in full.
pub const INTRINSIC_BINDINGS: &[&str] = &["engine", "contextify", "util", "types"];

/// The `util.types` predicates every engine's `types` binding carries.
pub const TYPE_PREDICATES: &[&str] = &[
    "isExternal",
    "isDate",
    "isArgumentsObject",
    "isBigIntObject",
    "isBooleanObject",
    "isNumberObject",
    "isStringObject",
    "isSymbolObject",
    "isBoxedPrimitive",
    "isNativeError",
    "isRegExp",
    "isAsyncFunction",
    "isGeneratorFunction",
    "isGeneratorObject",
    "isPromise",
    "isMap",
    "isSet",
    "isMapIterator",
    "isSetIterator",
    "isWeakMap",
    "isWeakSet",
    "isArrayBuffer",
    "isDataView",
    "isSharedArrayBuffer",
    "isAnyArrayBuffer",
    "isProxy",
    "isModuleNamespaceObject",
];
