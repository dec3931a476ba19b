//! The small JSON subset the key ops exchange with JS: a flat object of strings, numbers,
//! booleans and nulls (JWKs and option bags). Nested values are skipped, not rejected, so a
//! JWK with `key_ops: [...]` still parses.

/// A top-level JSON value the ops care about.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Value {
    /// A string.
    Str(String),
    /// A number.
    Num(f64),
    /// `true` / `false`.
    Bool(bool),
    /// `null`, or a nested array/object (skipped).
    Other,
}

/// A parsed flat object: its members in order.
#[derive(Debug, Default)]
pub(super) struct Object(Vec<(String, Value)>);

impl Object {
    /// The member `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// The member `name` if it is a string.
    pub fn str(&self, name: &str) -> Option<&str> {
        match self.get(name) {
            Some(Value::Str(s)) => Some(s),
            _ => None,
        }
    }

    /// The member `name` if it is a number.
    pub fn num(&self, name: &str) -> Option<f64> {
        match self.get(name) {
            Some(Value::Num(n)) => Some(*n),
            _ => None,
        }
    }
}

/// Parses `text` as a JSON object (None: not valid JSON or not an object).
pub(super) fn parse_object(text: &str) -> Option<Object> {
    let mut p = Parser { s: text.as_bytes(), i: 0 };
    p.ws();
    let obj = p.object()?;
    p.ws();
    (p.i == p.s.len()).then_some(obj)
}

/// A JSON string literal for `s`.
pub(super) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `{"k":"v",...}` from string members, in order.
pub(super) fn string_object(members: &[(&str, String)]) -> String {
    let parts: Vec<String> =
        members.iter().map(|(k, v)| format!("{}:{}", quote(k), quote(v))).collect();
    format!("{{{}}}", parts.join(","))
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.s.get(self.i).is_some_and(|b| b.is_ascii_whitespace()) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        self.ws();
        (self.s.get(self.i) == Some(&b)).then(|| self.i += 1)
    }

    fn object(&mut self) -> Option<Object> {
        self.eat(b'{')?;
        let mut members = Vec::new();
        self.ws();
        if self.s.get(self.i) == Some(&b'}') {
            self.i += 1;
            return Some(Object(members));
        }
        loop {
            self.ws();
            let key = self.string()?;
            self.eat(b':')?;
            let value = self.value(0)?;
            members.push((key, value));
            self.ws();
            match self.s.get(self.i)? {
                b',' => self.i += 1,
                b'}' => {
                    self.i += 1;
                    return Some(Object(members));
                }
                _ => return None,
            }
        }
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > 32 {
            return None;
        }
        self.ws();
        match *self.s.get(self.i)? {
            b'"' => self.string().map(Value::Str),
            b'{' | b'[' => {
                let close = if self.s[self.i] == b'{' { b'}' } else { b']' };
                self.i += 1;
                self.ws();
                if self.s.get(self.i) == Some(&close) {
                    self.i += 1;
                    return Some(Value::Other);
                }
                loop {
                    if close == b'}' {
                        self.ws();
                        self.string()?;
                        self.eat(b':')?;
                    }
                    self.value(depth + 1)?;
                    self.ws();
                    match *self.s.get(self.i)? {
                        b',' => self.i += 1,
                        c if c == close => {
                            self.i += 1;
                            return Some(Value::Other);
                        }
                        _ => return None,
                    }
                }
            }
            b't' => self.word("true", Value::Bool(true)),
            b'f' => self.word("false", Value::Bool(false)),
            b'n' => self.word("null", Value::Other),
            _ => {
                let start = self.i;
                while self.s.get(self.i).is_some_and(|b| b.is_ascii_digit() || b"+-.eE".contains(b))
                {
                    self.i += 1;
                }
                std::str::from_utf8(&self.s[start..self.i]).ok()?.parse().ok().map(Value::Num)
            }
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Option<Value> {
        if self.s.get(self.i..self.i + word.len())? == word.as_bytes() {
            self.i += word.len();
            Some(value)
        } else {
            None
        }
    }

    fn string(&mut self) -> Option<String> {
        if self.s.get(self.i) != Some(&b'"') {
            return None;
        }
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while self.s.get(self.i).is_some_and(|&b| b != b'"' && b != b'\\') {
                self.i += 1;
            }
            out.push_str(std::str::from_utf8(&self.s[start..self.i]).ok()?);
            match *self.s.get(self.i)? {
                b'"' => {
                    self.i += 1;
                    return Some(out);
                }
                _ => {
                    let esc = *self.s.get(self.i + 1)?;
                    self.i += 2;
                    match esc {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hex = std::str::from_utf8(self.s.get(self.i..self.i + 4)?).ok()?;
                            let code = u32::from_str_radix(hex, 16).ok()?;
                            self.i += 4;
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        }
                        _ => return None,
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_flat_objects_and_rejects_garbage() {
        let o = parse_object(r#"{"kty":"EC","n":1.5,"ops":["a",{"b":[]}],"x":null,"t":true}"#)
            .expect("valid");
        assert_eq!(o.str("kty"), Some("EC"));
        assert_eq!(o.num("n"), Some(1.5));
        assert_eq!(o.get("t"), Some(&Value::Bool(true)));
        for bad in ["", "{", "{\"a\"", "{\"a\":}", "[1]", "{\"a\":1}x", "{\"a\":\"\\u12\"}"] {
            assert!(parse_object(bad).is_none(), "{bad}");
        }
        let deep = "{\"a\":".to_owned() + &"[".repeat(100) + &"]".repeat(100) + "}";
        assert!(parse_object(&deep).is_none());
    }
}
