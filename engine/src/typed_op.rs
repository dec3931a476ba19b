//! Typed ops: an op declared with the types of its arguments and result, so that an engine
//! can call it without going through [`OpCtx`](crate::OpCtx) — for V8, a fast API call
//! straight from optimised JS.
//!
//! Declared once with [`typed_op!`](crate::typed_op), an op is a plain Rust function over
//! the argument kinds every engine can pass cheaply: numbers, booleans, byte buffers and
//! strings (as Latin-1 or UTF-16 code units, never re-encoded). From the declaration each
//! engine generates its bindings: the general path converts each JS argument once, checks
//! its type and throws Node's `ERR_INVALID_ARG_TYPE` when it is wrong; a fast path (where the
//! engine has one) receives the values already unboxed. Both end in the same function, so
//! the two can't disagree. A typed op can't fail: what can go wrong is decided in JS before
//! the call, or returned as a value, as Node's fast bindings do.

use crate::OpState;

/// The kind of one argument, as the engine must deliver it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// A JS number, as an `f64` (the op converts it further).
    Number,
    /// A JS boolean (the general path takes any value's truthiness).
    Bool,
    /// The bytes of an ArrayBuffer or ArrayBufferView, read-only.
    Bytes,
    /// The bytes of an ArrayBuffer or ArrayBufferView whose memory lives outside the JS heap
    /// (any ArrayBuffer, a Buffer, a view of either), for the op to write into. A typed array
    /// made with only a small length may live inside the JS heap, where no engine lends out
    /// a pointer: the op sees it as empty.
    BytesMut,
    /// A JS string, as its Latin-1 or UTF-16 code units.
    Str,
}

/// The kind of an op's result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetKind {
    /// `undefined`.
    Void,
    /// A number.
    Number,
    /// A boolean.
    Bool,
}

/// A string argument as the engine holds it: one-byte (Latin-1) or two-byte (UTF-16) code
/// units, borrowed for the call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsStr<'a> {
    /// Each byte is one code point U+0000–U+00FF.
    Latin1(&'a [u8]),
    /// UTF-16 code units, lone surrogates included.
    Utf16(&'a [u16]),
}

impl JsStr<'_> {
    /// Its length in UTF-16 code units (JS's `length`).
    pub fn len(&self) -> usize {
        match self {
            JsStr::Latin1(b) => b.len(),
            JsStr::Utf16(u) => u.len(),
        }
    }

    /// Whether it is the empty string.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One argument handed to a typed op, of the kind its declaration names.
#[derive(Clone, Copy, Debug)]
pub enum RawArg<'a> {
    /// For [`ArgKind::Number`].
    Number(f64),
    /// For [`ArgKind::Bool`].
    Bool(bool),
    /// For [`ArgKind::Bytes`].
    Bytes(&'a [u8]),
    /// For [`ArgKind::BytesMut`]: start and length of memory the op may write for the call.
    BytesMut(*mut u8, usize, std::marker::PhantomData<&'a mut [u8]>),
    /// For [`ArgKind::Str`].
    Str(JsStr<'a>),
}

impl<'a> RawArg<'a> {
    /// The number, or NaN for another kind (which the engines never pass).
    pub fn number(self) -> f64 {
        match self {
            RawArg::Number(n) => n,
            _ => f64::NAN,
        }
    }

    /// The boolean, or false for another kind.
    pub fn boolean(self) -> bool {
        matches!(self, RawArg::Bool(true))
    }

    /// The bytes, or none for another kind.
    pub fn bytes(self) -> &'a [u8] {
        match self {
            RawArg::Bytes(b) => b,
            _ => &[],
        }
    }

    /// The string, or the empty string for another kind.
    pub fn str(self) -> JsStr<'a> {
        match self {
            RawArg::Str(s) => s,
            _ => JsStr::Latin1(&[]),
        }
    }
}

/// What a typed op returns.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RawRet {
    /// `undefined`.
    Void,
    /// A number.
    Number(f64),
    /// A boolean.
    Bool(bool),
}

/// A typed op: where JS finds it, its signature, and the function.
#[derive(Clone, Copy)]
pub struct TypedOp {
    /// The binding object it belongs to (`'buffer'`, `'process_methods'`, …).
    pub binding: &'static str,
    /// Its property name on that object.
    pub name: &'static str,
    /// The kinds of its arguments, in order.
    pub args: &'static [ArgKind],
    /// The kind of its result.
    pub ret: RetKind,
    /// The op, over arguments of exactly `args`' kinds (the engine guarantees it).
    pub call: fn(&mut OpState, &[RawArg<'_>]) -> RawRet,
}

/// A Rust type a typed op's body receives for an argument kind (used by [`typed_op!`]).
pub trait FromRawArg<'a>: Sized {
    /// The kind the engine must pass.
    const KIND: ArgKind;
    /// Takes the value out of the argument.
    fn from_raw(arg: RawArg<'a>) -> Self;
}

impl<'a> FromRawArg<'a> for f64 {
    const KIND: ArgKind = ArgKind::Number;
    fn from_raw(arg: RawArg<'a>) -> Self {
        arg.number()
    }
}

impl<'a> FromRawArg<'a> for bool {
    const KIND: ArgKind = ArgKind::Bool;
    fn from_raw(arg: RawArg<'a>) -> Self {
        arg.boolean()
    }
}

impl<'a> FromRawArg<'a> for &'a [u8] {
    const KIND: ArgKind = ArgKind::Bytes;
    fn from_raw(arg: RawArg<'a>) -> Self {
        arg.bytes()
    }
}

impl<'a> FromRawArg<'a> for &'a mut [u8] {
    const KIND: ArgKind = ArgKind::BytesMut;
    fn from_raw(arg: RawArg<'a>) -> Self {
        match arg {
            RawArg::BytesMut(ptr, len, _) if !ptr.is_null() && len > 0 => {
                // SAFETY: an engine makes `BytesMut` only from a buffer it keeps alive for
                // the call, during which no JS runs that could touch it.
                unsafe { std::slice::from_raw_parts_mut(ptr, len) }
            }
            _ => &mut [],
        }
    }
}

impl<'a> FromRawArg<'a> for JsStr<'a> {
    const KIND: ArgKind = ArgKind::Str;
    fn from_raw(arg: RawArg<'a>) -> Self {
        arg.str()
    }
}

/// A Rust type a typed op's body returns (used by [`typed_op!`]).
pub trait IntoRawRet {
    /// The kind the engine returns to JS.
    const KIND: RetKind;
    /// Wraps the value.
    fn into_raw(self) -> RawRet;
}

impl IntoRawRet for () {
    const KIND: RetKind = RetKind::Void;
    fn into_raw(self) -> RawRet {
        RawRet::Void
    }
}

impl IntoRawRet for f64 {
    const KIND: RetKind = RetKind::Number;
    fn into_raw(self) -> RawRet {
        RawRet::Number(self)
    }
}

impl IntoRawRet for bool {
    const KIND: RetKind = RetKind::Bool;
    fn into_raw(self) -> RawRet {
        RawRet::Bool(self)
    }
}

/// Declares a typed op: a `const` [`TypedOp`] named after the function, upper-cased by the
/// caller.
///
/// ```
/// use engine::{typed_op, OpState};
/// typed_op! {
///     /// `add(a, b)` → their sum.
///     const ADD = ("math", "add") fn add(_state: &mut OpState, a: f64, b: f64) -> f64 {
///         a + b
///     }
/// }
/// assert_eq!(ADD.args.len(), 2);
/// ```
///
/// Argument types are `f64`, `bool`, `&[u8]`, `&mut [u8]` and `JsStr<'_>` (see [`FromRawArg`]); the
/// result is `()`, `f64` or `bool` (see [`IntoRawRet`]). The first parameter is always the
/// realm's [`OpState`].
#[macro_export]
macro_rules! typed_op {
    (
        $(#[$doc:meta])*
        const $decl:ident = ($binding:literal, $name:literal)
        fn $fn_name:ident($state:ident: &mut OpState $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty
        $body:block
    ) => {
        $(#[$doc])*
        pub(crate) const $decl: $crate::TypedOp = {
            fn $fn_name($state: &mut $crate::OpState $(, $arg: $ty)*) -> $ret $body
            fn call(
                state: &mut $crate::OpState,
                args: &[$crate::RawArg<'_>],
            ) -> $crate::RawRet {
                #[allow(unused_variables, unused_mut)]
                let mut next = args.iter().copied();
                $(
                    let $arg = <$ty as $crate::FromRawArg>::from_raw(
                        next.next().unwrap_or($crate::RawArg::Number(f64::NAN)),
                    );
                )*
                $crate::IntoRawRet::into_raw($fn_name(state $(, $arg)*))
            }
            $crate::TypedOp {
                binding: $binding,
                name: $name,
                args: &[$(<$ty as $crate::FromRawArg>::KIND),*],
                ret: <$ret as $crate::IntoRawRet>::KIND,
                call,
            }
        };
    };
}
