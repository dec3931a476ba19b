//! The trampoline every op call goes through, and [`OpCtx`] over V8's call arguments.
//!
//! An op's JS function carries its index in the realm's op table as `data`; the trampoline
//! looks the op up, lends it the arguments and the realm's [`OpState`], and turns its result
//! into a return value or a thrown error.

use engine::{ErrorClass, Op, OpCtx, OpState, ThrowError};

use crate::convert::{string, to_v8};

/// The ops of a realm, indexed by the `data` of their JS functions (an isolate slot).
pub(crate) struct OpTable(pub Vec<Op>);

/// Set when an op asked to stop all JS (an isolate slot, present or absent).
pub(crate) struct TerminationRequested;

/// Where the realm's host state lives (an isolate slot). The realm owns the box; ops borrow
/// it only while they run, when nothing else can touch it on this thread.
pub(crate) struct StatePtr(pub *mut OpState);

struct V8OpCtx<'a, 's, 'i> {
    scope: &'a mut v8::PinScope<'s, 'i>,
    args: &'a v8::FunctionCallbackArguments<'s>,
    state: *mut OpState,
}

impl OpCtx for V8OpCtx<'_, '_, '_> {
    fn arg_count(&self) -> usize {
        self.args.length().max(0) as usize
    }

    fn arg_number(&mut self, i: usize) -> Option<f64> {
        let v = self.args.get(i as i32);
        v.is_number().then(|| v.number_value(self.scope).unwrap_or(f64::NAN))
    }

    fn arg_string(&mut self, i: usize) -> Option<String> {
        let v = self.args.get(i as i32);
        v.is_string().then(|| v.to_rust_string_lossy(self.scope))
    }

    fn arg_truthy(&mut self, i: usize) -> bool {
        self.args.get(i as i32).boolean_value(self.scope)
    }

    fn arg_is_nullish(&mut self, i: usize) -> bool {
        self.args.get(i as i32).is_null_or_undefined()
    }

    fn arg_bytes(&mut self, i: usize) -> Option<&mut [u8]> {
        let v = self.args.get(i as i32);
        let (ptr, len) = if let Ok(view) = v8::Local::<v8::ArrayBufferView>::try_from(v) {
            (view.data() as *mut u8, view.byte_length())
        } else if let Ok(buffer) = v8::Local::<v8::ArrayBuffer>::try_from(v) {
            let len = buffer.byte_length();
            (buffer.data().map_or(std::ptr::null_mut(), |p| p.as_ptr() as *mut u8), len)
        } else {
            return None;
        };
        if ptr.is_null() || len == 0 {
            return Some(&mut []);
        }
        // SAFETY: the buffer is kept alive by the argument handle for the whole op call, the
        // op runs on the JS thread so no JS can touch or detach it meanwhile, and the slice's
        // lifetime is tied to this context, which does not outlive the call.
        Some(unsafe { std::slice::from_raw_parts_mut(ptr, len) })
    }

    fn arg_strings(&mut self, i: usize) -> Option<Vec<String>> {
        let array = v8::Local::<v8::Array>::try_from(self.args.get(i as i32)).ok()?;
        let mut out = Vec::with_capacity(array.length() as usize);
        for index in 0..array.length() {
            let item = array.get_index(self.scope, index)?;
            out.push(item.to_rust_string_lossy(self.scope));
        }
        Some(out)
    }

    fn state(&mut self) -> &mut OpState {
        // SAFETY: see `StatePtr`; the realm keeps the box alive as long as the isolate.
        unsafe { &mut *self.state }
    }

    fn terminate_execution(&mut self) {
        // V8 only raises the termination at its next interrupt check, which a function that
        // returns right away never reaches; the flag lets the realm see it regardless.
        self.scope.set_slot(TerminationRequested);
        self.scope.terminate_execution();
    }
}

/// The one V8 callback behind every op.
pub(crate) fn trampoline<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let index = args.data().uint32_value(scope).unwrap_or(u32::MAX) as usize;
    let Some(op) = scope.get_slot::<OpTable>().and_then(|t| t.0.get(index).copied()) else {
        return;
    };
    let Some(state) = scope.get_slot::<StatePtr>().map(|s| s.0) else {
        return;
    };
    let result = {
        let mut ctx = V8OpCtx { scope: &mut *scope, args: &args, state };
        (op.func)(&mut ctx)
    };
    match result {
        Ok(value) => rv.set(to_v8(scope, value)),
        Err(error) => {
            // `None`: a property setter threw (e.g. one on `Object.prototype`); that
            // exception is pending and propagates instead, as with Node's `obj->Set()`.
            if let Some(exception) = try_build_error(scope, error) {
                scope.throw_exception(exception);
            }
        }
    }
}

/// Builds the JS error object an op's [`ThrowError`] describes.
pub(crate) fn build_error<'s>(
    scope: &v8::PinScope<'s, '_>,
    error: ThrowError,
) -> v8::Local<'s, v8::Value> {
    let (exception, _) = build_error_inner(scope, error);
    exception
}

/// As [`build_error`], but `None` when assigning a property threw (an accessor inherited
/// from `Object.prototype` fires, as the properties are assigned, not defined): the
/// setter's exception is then pending in the isolate and should propagate.
fn try_build_error<'s>(
    scope: &v8::PinScope<'s, '_>,
    error: ThrowError,
) -> Option<v8::Local<'s, v8::Value>> {
    match build_error_inner(scope, error) {
        (exception, true) => Some(exception),
        (_, false) => None,
    }
}

/// The error and whether every property assignment succeeded.
fn build_error_inner<'s>(
    scope: &v8::PinScope<'s, '_>,
    error: ThrowError,
) -> (v8::Local<'s, v8::Value>, bool) {
    let message = string(scope, &error.message);
    let exception = match error.class {
        ErrorClass::Error => v8::Exception::error(scope, message),
        ErrorClass::TypeError => v8::Exception::type_error(scope, message),
        ErrorClass::RangeError => v8::Exception::range_error(scope, message),
        ErrorClass::SyntaxError => v8::Exception::syntax_error(scope, message),
    };
    if let Ok(object) = v8::Local::<v8::Object>::try_from(exception) {
        for (key, value) in error.props {
            let key = string(scope, &key);
            let value = to_v8(scope, value);
            if object.set(scope, key.into(), value).is_none() {
                return (exception, false);
            }
        }
    }
    (exception, true)
}

/// Installs every op as a function on its binding object inside `bindings`.
pub(crate) fn install<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    bindings: v8::Local<'s, v8::Object>,
    ops: &[Op],
) {
    for (index, op) in ops.iter().enumerate() {
        let target = crate::intrinsics::binding_object(scope, bindings, op.binding);
        let data = v8::Integer::new_from_unsigned(scope, index as u32);
        let Some(function) = v8::Function::builder(trampoline).data(data.into()).build(scope)
        else {
            continue;
        };
        let name = string(scope, op.name);
        function.set_name(name);
        target.set(scope, name.into(), function.into());
    }
}
