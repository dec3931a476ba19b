//! Typed ops on V8: each becomes a function with two entries into the same Rust op.
//!
//! - The general callback reads each argument once by its declared kind, throws
//!   `ERR_INVALID_ARG_TYPE` for a wrong type, and calls the op.
//! - A V8 fast API call (`CFunction`): optimised JS calls it directly with unboxed numbers,
//!   booleans and one-byte strings. The C signature is chosen per declared signature from a
//!   family of generic wrappers (up to [`MAX_FAST_ARGS`] arguments), so no V8 type reaches
//!   the op. Two-byte strings and non-numbers make V8 take the general callback instead.
//!
//! Both entries find the op and the realm's [`OpState`] through the function's `data`, an
//! External pointing at a [`TypedOpData`] the realm owns: no isolate-slot look-up per call.

use std::ffi::c_void;

use engine::{ArgKind, JsStr, OpState, RawArg, RawRet, RetKind, ThrowError, TypedOp};
use v8::fast_api::{self, CFunction, CFunctionInfo, CTypeInfo, FastApiCallbackOptions};

use crate::convert::string;
use crate::ops::build_error;

/// The most arguments a typed op may have on the fast path; more use the general one only.
pub(crate) const MAX_FAST_ARGS: usize = 4;

/// What a typed op's JS function points at: the op and the state it runs on. Owned by the
/// realm (an isolate slot) for as long as the isolate lives.
pub(crate) struct TypedOpData {
    op: TypedOp,
    state: *mut OpState,
}

/// Every [`TypedOpData`] of a realm (an isolate slot), boxed so their addresses stay put.
// Boxed on purpose: JS functions hold each entry's address while the Vec grows.
#[allow(clippy::vec_box)]
pub(crate) struct TypedOpTable(#[allow(dead_code)] pub Vec<Box<TypedOpData>>);

/// Installs every typed op as a function on its binding object inside `bindings`, and
/// returns the table that must outlive the functions.
pub(crate) fn install<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    bindings: v8::Local<'s, v8::Object>,
    ops: &[TypedOp],
    state: *mut OpState,
) -> TypedOpTable {
    let mut table = Vec::with_capacity(ops.len());
    for op in ops {
        if op.args.len() > MAX_ARGS {
            // A declaration error, caught by the engine's unit test of every op table.
            continue;
        }
        let mut data = Box::new(TypedOpData { op: *op, state });
        let external = v8::External::new(scope, &mut *data as *mut TypedOpData as *mut c_void);
        table.push(data);
        let builder = v8::FunctionTemplate::builder(general_call)
            .data(external.into())
            .length(op.args.len() as i32);
        let template = match fast_overload(op.args, op.ret) {
            Some(overloads) => builder.build_fast(scope, overloads),
            None => builder.build(scope),
        };
        let Some(function) = template.get_function(scope) else {
            continue;
        };
        let target = crate::intrinsics::binding_object(scope, bindings, op.binding);
        let name = string(scope, op.name);
        function.set_name(name);
        target.set(scope, name.into(), function.into());
    }
    TypedOpTable(table)
}

/// The most arguments a typed op may declare (the general path keeps them on the stack).
pub(crate) const MAX_ARGS: usize = 8;

/// The general path: any JS values in, checked against the declared kinds.
fn general_call<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(external) = v8::Local::<v8::External>::try_from(args.data()) else {
        return;
    };
    // SAFETY: `data` is the External `install` made from a boxed TypedOpData, which the
    // isolate's TypedOpTable slot keeps alive as long as this function can be called.
    let data = unsafe { &*(external.value() as *const TypedOpData) };
    let kinds = &data.op.args[..data.op.args.len().min(MAX_ARGS)];
    // Copies of string contents and of on-heap byte arrays live here for the call.
    let mut storage: [ArgStorage; MAX_ARGS] = Default::default();
    for (i, (kind, slot)) in kinds.iter().zip(storage.iter_mut()).enumerate() {
        let value = args.get(i as i32);
        let ok = match kind {
            ArgKind::Number => value.is_number(),
            ArgKind::Bool => true,
            ArgKind::Bytes | ArgKind::BytesMut => {
                value.is_array_buffer_view() || value.is_array_buffer()
            }
            ArgKind::Str => value.is_string(),
        };
        if !ok {
            let expected = match kind {
                ArgKind::Number => "of type number",
                ArgKind::Bool => "of type boolean",
                ArgKind::Bytes | ArgKind::BytesMut => {
                    "an instance of ArrayBuffer or ArrayBufferView"
                }
                ArgKind::Str => "of type string",
            };
            let error = ThrowError::type_error(
                "ERR_INVALID_ARG_TYPE",
                format!("The argument at index {i} of {}() must be {expected}", data.op.name),
            );
            let exception = build_error(scope, error);
            scope.throw_exception(exception);
            return;
        }
        match kind {
            ArgKind::BytesMut => {
                // An on-heap typed array gets its own ArrayBuffer here (allowed on this
                // path, not in a fast call), so the op can write its real bytes.
                if let Ok(view) = v8::Local::<v8::ArrayBufferView>::try_from(value) {
                    if !view.has_buffer() {
                        let _ = view.buffer(scope);
                    }
                }
            }
            ArgKind::Str => {
                if let Ok(s) = v8::Local::<v8::String>::try_from(value) {
                    slot.read_string(scope, s);
                }
            }
            _ => {}
        }
    }
    let mut raw = [RawArg::Number(f64::NAN); MAX_ARGS];
    for (i, ((kind, slot), out)) in
        kinds.iter().zip(storage.iter_mut()).zip(raw.iter_mut()).enumerate()
    {
        let value = args.get(i as i32);
        *out = match kind {
            ArgKind::Number => RawArg::Number(value.number_value(scope).unwrap_or(f64::NAN)),
            ArgKind::Bool => RawArg::Bool(value.boolean_value(scope)),
            // SAFETY: the handle keeps the buffer alive for the call, and JS can't run (and
            // detach or resize it) until the op returns.
            ArgKind::Bytes => RawArg::Bytes(unsafe { bytes_of(value, &mut slot.bytes) }.0),
            // SAFETY: as above.
            ArgKind::BytesMut => unsafe { bytes_mut_of(value) },
            ArgKind::Str => RawArg::Str(slot.string()),
        };
    }
    // SAFETY: see TypedOpData; ops run on the JS thread, one at a time.
    let state = unsafe { &mut *data.state };
    match (data.op.call)(state, &raw[..kinds.len()]) {
        RawRet::Void => {}
        RawRet::Number(n) => rv.set_double(n),
        RawRet::Bool(b) => rv.set_bool(b),
    }
}

/// Where the general path keeps what one argument borrows: a string's code units (on the
/// stack when short) or an on-heap array's bytes.
#[derive(Default)]
struct ArgStorage {
    bytes: OnHeapCopy,
    latin1_inline: Option<([u8; INLINE_STRING], usize)>,
    latin1: Vec<u8>,
    utf16: Option<Vec<u16>>,
}

/// One-byte strings up to this length are read onto the stack, not the heap.
const INLINE_STRING: usize = 256;

impl ArgStorage {
    /// Copies the string's code units, one-byte when V8 holds it that way.
    fn read_string(&mut self, scope: &mut v8::PinScope<'_, '_>, s: v8::Local<v8::String>) {
        let len = s.length();
        if s.is_onebyte() {
            if len <= INLINE_STRING {
                let mut buf = [0u8; INLINE_STRING];
                s.write_one_byte_v2(scope, 0, &mut buf[..len], v8::WriteFlags::empty());
                self.latin1_inline = Some((buf, len));
            } else {
                self.latin1 = vec![0u8; len];
                s.write_one_byte_v2(scope, 0, &mut self.latin1, v8::WriteFlags::empty());
            }
        } else {
            let mut buf = vec![0u16; len];
            s.write_v2(scope, 0, &mut buf, v8::WriteFlags::empty());
            self.utf16 = Some(buf);
        }
    }

    /// The string read by [`read_string`](Self::read_string).
    fn string(&self) -> JsStr<'_> {
        if let Some((buf, len)) = &self.latin1_inline {
            JsStr::Latin1(&buf[..*len])
        } else if let Some(units) = &self.utf16 {
            JsStr::Utf16(units)
        } else {
            JsStr::Latin1(&self.latin1)
        }
    }
}

/// The bytes of an ArrayBuffer or ArrayBufferView (empty for anything else), without a copy
/// and without allocating or making a handle (safe inside a fast call). The bytes of an
/// on-heap typed array (64 bytes at most), which may not be pointed into, are copied into
/// `storage`; the second value says so.
///
/// # Safety
/// The caller keeps `value` alive and runs no JS while the slice is used.
unsafe fn bytes_of<'a>(
    value: v8::Local<v8::Value>,
    storage: &'a mut OnHeapCopy,
) -> (&'a [u8], bool) {
    let (ptr, len) = if let Ok(view) = v8::Local::<v8::ArrayBufferView>::try_from(value) {
        // SAFETY: V8 copies at most `storage`'s length, and only for an on-heap array.
        let (ptr, len) = unsafe { view.get_contents_raw_parts(&mut storage.0) };
        if std::ptr::eq(ptr as *const u8, storage.0.as_ptr()) {
            // SAFETY: ptr/len describe `storage`, which outlives 'a.
            return (unsafe { std::slice::from_raw_parts(ptr as *const u8, len) }, true);
        }
        (ptr as *const u8, len)
    } else if let Ok(buffer) = v8::Local::<v8::ArrayBuffer>::try_from(value) {
        (buffer.data().map_or(std::ptr::null(), |p| p.as_ptr() as *const u8), buffer.byte_length())
    } else {
        return (&[], false);
    };
    if ptr.is_null() || len == 0 {
        return (&[], false);
    }
    // SAFETY: V8 keeps the backing store at this address while the buffer is alive and not
    // detached, which the caller guarantees for the call.
    (unsafe { std::slice::from_raw_parts(ptr, len) }, false)
}

/// [`bytes_of`], writable: what [`ArgKind::BytesMut`] passes (nothing for an on-heap array,
/// whose copy would not reach JS).
///
/// # Safety
/// As [`bytes_of`].
unsafe fn bytes_mut_of<'a>(value: v8::Local<v8::Value>) -> RawArg<'a> {
    let mut storage = OnHeapCopy::default();
    // SAFETY: forwarded from the caller.
    let (bytes, copied) = unsafe { bytes_of(value, &mut storage) };
    if copied {
        return RawArg::BytesMut(std::ptr::null_mut(), 0, std::marker::PhantomData);
    }
    RawArg::BytesMut(bytes.as_ptr() as *mut u8, bytes.len(), std::marker::PhantomData)
}

/// How one argument kind crosses a fast call.
trait FastArg {
    /// The C type V8 passes.
    type Raw: Copy;
    /// Room on the stack for a copy (a small on-heap byte array), `()` where none is needed.
    type Storage: Default;
    /// V8's name for it.
    const TYPE: fast_api::Type;
    /// The op's view of it.
    ///
    /// # Safety
    /// Only inside the fast call that received `raw`.
    unsafe fn arg<'a>(raw: Self::Raw, storage: &'a mut Self::Storage) -> RawArg<'a>;
}

struct NumberArg;
impl FastArg for NumberArg {
    type Raw = f64;
    type Storage = ();
    const TYPE: fast_api::Type = fast_api::Type::Float64;
    unsafe fn arg<'a>(raw: f64, _: &'a mut ()) -> RawArg<'a> {
        RawArg::Number(raw)
    }
}

struct BoolArg;
impl FastArg for BoolArg {
    type Raw = bool;
    type Storage = ();
    const TYPE: fast_api::Type = fast_api::Type::Bool;
    unsafe fn arg<'a>(raw: bool, _: &'a mut ()) -> RawArg<'a> {
        RawArg::Bool(raw)
    }
}

struct BytesArg;
impl FastArg for BytesArg {
    type Raw = v8::Local<'static, v8::Value>;
    type Storage = OnHeapCopy;
    const TYPE: fast_api::Type = fast_api::Type::V8Value;
    unsafe fn arg<'a>(raw: Self::Raw, storage: &'a mut OnHeapCopy) -> RawArg<'a> {
        // SAFETY: inside the fast call the value is alive and no JS runs.
        RawArg::Bytes(unsafe { bytes_of(raw, storage) }.0)
    }
}

/// Stack room for the bytes of an on-heap typed array (V8 keeps those up to 64 bytes).
struct OnHeapCopy([u8; v8::TYPED_ARRAY_MAX_SIZE_IN_HEAP]);

impl Default for OnHeapCopy {
    fn default() -> Self {
        OnHeapCopy([0; v8::TYPED_ARRAY_MAX_SIZE_IN_HEAP])
    }
}

struct BytesMutArg;
impl FastArg for BytesMutArg {
    type Raw = v8::Local<'static, v8::Value>;
    type Storage = ();
    const TYPE: fast_api::Type = fast_api::Type::V8Value;
    unsafe fn arg<'a>(raw: Self::Raw, _: &'a mut ()) -> RawArg<'a> {
        // SAFETY: inside the fast call the value is alive and no JS runs.
        unsafe { bytes_mut_of(raw) }
    }
}

struct StrArg;
impl FastArg for StrArg {
    type Raw = *const fast_api::FastApiOneByteString;
    type Storage = ();
    const TYPE: fast_api::Type = fast_api::Type::SeqOneByteString;
    unsafe fn arg<'a>(raw: Self::Raw, _: &'a mut ()) -> RawArg<'a> {
        // SAFETY: V8 passes a valid string descriptor for the duration of the call.
        let bytes = unsafe { raw.as_ref() }.map_or(&[][..], |s| s.as_bytes());
        // SAFETY: the string's characters stay where they are while no JS runs.
        RawArg::Str(JsStr::Latin1(unsafe {
            std::slice::from_raw_parts(bytes.as_ptr(), bytes.len())
        }))
    }
}

/// How a result crosses a fast call.
trait FastRet {
    /// The C type returned to V8.
    type Raw;
    /// V8's name for it.
    const TYPE: fast_api::Type;
    /// Converts the op's result.
    fn ret(raw: RawRet) -> Self::Raw;
}

struct VoidRet;
impl FastRet for VoidRet {
    type Raw = ();
    const TYPE: fast_api::Type = fast_api::Type::Void;
    fn ret(_: RawRet) {}
}

struct NumberRet;
impl FastRet for NumberRet {
    type Raw = f64;
    const TYPE: fast_api::Type = fast_api::Type::Float64;
    fn ret(raw: RawRet) -> f64 {
        match raw {
            RawRet::Number(n) => n,
            _ => f64::NAN,
        }
    }
}

struct BoolRet;
impl FastRet for BoolRet {
    type Raw = bool;
    const TYPE: fast_api::Type = fast_api::Type::Bool;
    fn ret(raw: RawRet) -> bool {
        matches!(raw, RawRet::Bool(true))
    }
}

/// Calls the op behind a fast call's `data`.
///
/// # Safety
/// `options` is the pointer V8 passed to the fast call of a function `install` made.
#[inline(always)]
unsafe fn call_op(options: *mut FastApiCallbackOptions, args: &[RawArg<'_>]) -> RawRet {
    // SAFETY: V8 passes valid options; their data is the External `install` set.
    let data = unsafe {
        let external = v8::Local::<v8::External>::cast_unchecked((*options).data);
        &*(external.value() as *const TypedOpData)
    };
    // SAFETY: see TypedOpData; ops run on the JS thread, one at a time.
    (data.op.call)(unsafe { &mut *data.state }, args)
}

/// One shape of fast call: its C signature, from the kinds of its arguments and result.
macro_rules! fast_shape {
    ($shape:ident, $wrapper:ident; $($arg:ident: $kind:ident),*) => {
        #[allow(unused_parens)]
        struct $shape<$($kind: FastArg,)* R: FastRet>(std::marker::PhantomData<($($kind,)* R)>);

        impl<$($kind: FastArg,)* R: FastRet> $shape<$($kind,)* R> {
            const INFO: CFunctionInfo = CFunctionInfo::new(
                CTypeInfo::new(R::TYPE, fast_api::Flags::empty()),
                &[
                    fast_api::Type::V8Value.as_info(),
                    $($kind::TYPE.as_info(),)*
                    fast_api::Type::CallbackOptions.as_info(),
                ],
                fast_api::Int64Representation::Number,
            );
            const OVERLOADS: &'static [CFunction] =
                &[CFunction::new($wrapper::<$($kind,)* R> as *const c_void, &Self::INFO)];
        }

        #[allow(non_snake_case)]
        unsafe extern "C" fn $wrapper<$($kind: FastArg,)* R: FastRet>(
            _receiver: v8::Local<v8::Value>,
            $($arg: $kind::Raw,)*
            options: *mut FastApiCallbackOptions,
        ) -> R::Raw {
            $(let mut $arg = ($arg, $kind::Storage::default());)*
            // SAFETY: each raw value came with this call.
            let args: [RawArg<'_>; 0 $(+ { let _ = stringify!($arg); 1 })*] =
                [$(unsafe { $kind::arg($arg.0, &mut $arg.1) }),*];
            // SAFETY: V8 calls this only as the fast entry of a function `install` made.
            R::ret(unsafe { call_op(options, &args) })
        }
    };
}

fast_shape!(Shape0, fast0;);
fast_shape!(Shape1, fast1; a: A);
fast_shape!(Shape2, fast2; a: A, b: B);
fast_shape!(Shape3, fast3; a: A, b: B, c: C);
fast_shape!(Shape4, fast4; a: A, b: B, c: C, d: D);

/// The fast overload for a signature, if it has one.
fn fast_overload(args: &[ArgKind], ret: RetKind) -> Option<&'static [CFunction]> {
    if args.len() > MAX_FAST_ARGS {
        return None;
    }
    Some(pick0(args, ret))
}

/// Walks the argument kinds one level per type parameter, then the result kind, so that
/// every signature up to four arguments has its wrapper instantiated.
macro_rules! pick_level {
    ($name:ident, $shape:ident; $($known:ident),*) => {
        pick_level!(@fn $name, $shape, rest, ret, (
            Some(_) => &[],
        ); $($known),*);
    };
    ($name:ident, $shape:ident, $next:ident; $($known:ident),*) => {
        pick_level!(@fn $name, $shape, rest, ret, (
            Some(ArgKind::Number) => $next::<$($known,)* NumberArg>(&rest[1..], ret),
            Some(ArgKind::Bool) => $next::<$($known,)* BoolArg>(&rest[1..], ret),
            Some(ArgKind::Bytes) => $next::<$($known,)* BytesArg>(&rest[1..], ret),
            Some(ArgKind::BytesMut) => $next::<$($known,)* BytesMutArg>(&rest[1..], ret),
            Some(ArgKind::Str) => $next::<$($known,)* StrArg>(&rest[1..], ret),
        ); $($known),*);
    };
    (@fn $name:ident, $shape:ident, $rest:ident, $ret:ident, ($($more:tt)*); $($known:ident),*) => {
        fn $name<$($known: FastArg),*>($rest: &[ArgKind], $ret: RetKind) -> &'static [CFunction] {
            match $rest.first() {
                None => match $ret {
                    RetKind::Void => $shape::<$($known,)* VoidRet>::OVERLOADS,
                    RetKind::Number => $shape::<$($known,)* NumberRet>::OVERLOADS,
                    RetKind::Bool => $shape::<$($known,)* BoolRet>::OVERLOADS,
                },
                $($more)*
            }
        }
    };
}

pick_level!(pick0, Shape0, pick1;);
pick_level!(pick1, Shape1, pick2; A);
pick_level!(pick2, Shape2, pick3; A, B);
pick_level!(pick3, Shape3, pick4; A, B, C);
pick_level!(pick4, Shape4; A, B, C, D);
