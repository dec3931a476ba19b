//! `import()` in code compiled by `vm`: rejected with Node's
//! `ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING` (no `importModuleDynamically` given) or
//! `ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG` (one given: vm modules are not provided);
//! with `vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER` it goes to the main loader.
//!
//! A vm script says which case it is through its origin's host-defined options: a marker
//! string and the mode.

use engine::ThrowError;

use crate::convert::string;
use crate::ops::build_error;

/// The first host-defined option of a script compiled by `vm`.
const VM_MARKER: &str = "oxnode:vm";

/// `importModuleDynamically` was not given.
const NO_CALLBACK: i32 = 0;
/// A callback was given.
const CALLBACK: i32 = 1;

/// The host-defined options for a vm script or function whose `import()` behaves per `mode`
/// (0: no callback, 1: a callback, 2: the main context's loader).
pub(super) fn host_defined_options<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    mode: i32,
) -> v8::Local<'s, v8::Data> {
    let options = v8::PrimitiveArray::new(scope, 2);
    let marker = string(scope, VM_MARKER);
    options.set(scope, 0, marker.into());
    let mode = v8::Integer::new(scope, mode);
    options.set(scope, 1, mode.into());
    options.into()
}

/// The mode a vm script's host-defined options carry.
fn vm_import_mode<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    options: v8::Local<'s, v8::Data>,
) -> Option<i32> {
    let options = v8::Local::<v8::FixedArray>::try_from(options).ok()?;
    let marker = v8::Local::<v8::Value>::try_from(options.get(scope, 0)?).ok()?;
    if !marker.is_string() || marker.to_rust_string_lossy(scope) != VM_MARKER {
        return None;
    }
    let mode = v8::Local::<v8::Value>::try_from(options.get(scope, 1)?).ok()?;
    mode.int32_value(scope)
}

/// Why `import()` fails in code compiled by `vm` (whose origin carried
/// `host_defined_options`), or None for any other code. The engine's dynamic-import hook
/// rejects with this reason first.
pub(crate) fn vm_import_error<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    host_defined_options: v8::Local<'s, v8::Data>,
) -> Option<v8::Local<'s, v8::Value>> {
    let error = match vm_import_mode(scope, host_defined_options)? {
        NO_CALLBACK => ThrowError::type_error(
            "ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING",
            "A dynamic import callback was not specified.",
        ),
        CALLBACK => ThrowError::type_error(
            "ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG",
            "A dynamic import callback was invoked without --experimental-vm-modules",
        ),
        _ => return None,
    };
    Some(build_error(scope, error))
}
