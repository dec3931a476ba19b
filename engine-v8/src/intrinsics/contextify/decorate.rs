//! Node's `displayErrors`: an error escaping `vm` code gets its source arrow (file:line, the
//! line, the caret) prepended to its `stack`, once; a decorated error is then printed
//! without a second arrow when nobody catches it.

use crate::convert::string;
use crate::exception::source_arrow_shifted;

/// The private key marking an error whose stack was decorated.
fn decorated_key<'s>(scope: &mut v8::PinScope<'s, '_>) -> v8::Local<'s, v8::Private> {
    let name = string(scope, "oxnode:decorated");
    v8::Private::for_api(scope, Some(name))
}

/// Whether `exception`'s stack already starts with its source arrow.
pub(crate) fn is_decorated(
    scope: &mut v8::PinScope<'_, '_>,
    exception: v8::Local<v8::Value>,
) -> bool {
    let Ok(error) = v8::Local::<v8::Object>::try_from(exception) else {
        return false;
    };
    let key = decorated_key(scope);
    error.get_private(scope, key).is_some_and(|v| v.is_true())
}

/// Prepends the arrow of `message` to the stack of `exception` (an object with a string
/// stack, not decorated yet). `offsets` are the line and column offsets of the script that
/// ran (the column offset shifts its first line). Exceptions while doing so are ignored.
pub(super) fn decorate_error_stack(
    scope: &mut v8::PinScope<'_, '_>,
    exception: v8::Local<v8::Value>,
    message: Option<v8::Local<v8::Message>>,
    offsets: (i32, i32),
) {
    let (Ok(error), Some(message)) = (v8::Local::<v8::Object>::try_from(exception), message) else {
        return;
    };
    if is_decorated(scope, exception) {
        return;
    }
    let (line_offset, column_offset) = offsets;
    let on_first_line = message.get_line_number(scope) == usize::try_from(line_offset + 1).ok();
    let shift = if on_first_line { usize::try_from(column_offset).unwrap_or(0) } else { 0 };
    let arrow = source_arrow_shifted(scope, message, shift);
    v8::tc_scope!(let tc, scope);
    let stack_key = string(tc, "stack");
    let Some(stack) = error.get(tc, stack_key.into()).filter(|s| s.is_string()) else {
        return;
    };
    let decorated = format!("{arrow}\n{}", stack.to_rust_string_lossy(tc));
    let decorated = string(tc, &decorated);
    error.set(tc, stack_key.into(), decorated.into());
    let key = decorated_key(tc);
    let marked = v8::Boolean::new(tc, true);
    error.set_private(tc, key, marked.into());
}
