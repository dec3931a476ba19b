//! Errors an op throws into JS, shaped like Node's (`code`, `errno`, `syscall`, `path`).

use crate::HostValue;

/// Which JS error constructor a [`ThrowError`] is built with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// `Error`.
    Error,
    /// `TypeError`.
    TypeError,
    /// `RangeError`.
    RangeError,
    /// `SyntaxError`.
    SyntaxError,
}

/// An exception an op asks the engine to throw: a new error object of `class` with
/// `message`, and then each of `props` set on it (Node puts `code`, `errno`, `syscall`,
/// `path` there).
#[derive(Debug, Clone, PartialEq)]
pub struct ThrowError {
    /// The constructor to use.
    pub class: ErrorClass,
    /// The `message` property.
    pub message: String,
    /// Extra own properties, set in order after construction.
    pub props: Vec<(String, HostValue)>,
}

impl ThrowError {
    /// A plain `Error` with a message.
    pub fn error(message: impl Into<String>) -> Self {
        Self { class: ErrorClass::Error, message: message.into(), props: Vec::new() }
    }

    /// A `TypeError` with Node's `code` (e.g. `ERR_INVALID_ARG_TYPE`).
    pub fn type_error(code: &str, message: impl Into<String>) -> Self {
        Self { class: ErrorClass::TypeError, message: message.into(), props: Vec::new() }
            .with("code", code)
    }

    /// A `RangeError` with Node's `code`.
    pub fn range_error(code: &str, message: impl Into<String>) -> Self {
        Self { class: ErrorClass::RangeError, message: message.into(), props: Vec::new() }
            .with("code", code)
    }

    /// Adds an own property to the error.
    pub fn with(mut self, key: &str, value: impl Into<HostValue>) -> Self {
        self.props.push((key.to_owned(), value.into()));
        self
    }
}
