//! What an escaped exception looks like to a person: Node's "source arrow" and a fallback
//! rendering for when no JS is left to print it.

/// Node's arrow for a message: `file:line`, the source line, and carets under the range
/// (tabs kept, so the caret lines up in a terminal), each followed by a newline.
pub(crate) fn source_arrow(
    scope: &v8::PinScope<'_, '_>,
    message: v8::Local<v8::Message>,
) -> String {
    source_arrow_shifted(scope, message, 0)
}

/// [`source_arrow`] for a message whose columns count `column_shift` columns the source
/// line doesn't show (a script's column offset, which applies to its first line).
pub(crate) fn source_arrow_shifted(
    scope: &v8::PinScope<'_, '_>,
    message: v8::Local<v8::Message>,
    column_shift: usize,
) -> String {
    let name = message
        .get_script_resource_name(scope)
        .filter(|n| !n.is_undefined())
        .map(|n| n.to_rust_string_lossy(scope))
        .unwrap_or_else(|| "<anonymous>".to_owned());
    let line = message.get_line_number(scope).unwrap_or(0);
    let source =
        message.get_source_line(scope).map(|s| s.to_rust_string_lossy(scope)).unwrap_or_default();
    let mut start = message.get_start_column();
    let mut end = message.get_end_column().max(start);
    if start >= column_shift {
        start -= column_shift;
        end -= column_shift;
    }
    let mut underline = String::new();
    for (i, ch) in source.chars().enumerate() {
        if i >= end {
            break;
        }
        if i < start {
            underline.push(if ch == '\t' { '\t' } else { ' ' });
        } else {
            underline.push('^');
        }
    }
    if underline.is_empty() && start == 0 {
        underline.push('^');
    }
    format!("{name}:{line}\n{source}\n{underline}\n")
}

/// The exception as text without calling JS: its stack if it has one, else its string form.
pub(crate) fn render(scope: &mut v8::PinScope<'_, '_>, exception: v8::Local<v8::Value>) -> String {
    if let Ok(object) = v8::Local::<v8::Object>::try_from(exception) {
        let key = crate::convert::string(scope, "stack");
        if let Some(stack) = object.get(scope, key.into()) {
            if stack.is_string() {
                return stack.to_rust_string_lossy(scope);
            }
        }
    }
    exception.to_rust_string_lossy(scope)
}
