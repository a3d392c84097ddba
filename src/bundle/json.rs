//! A small pull parser for JSON text that knows where it is: every error names
//! the JSON path (`sections[3].blocks[0].type`) the way `policy-widget validate` does.
//!
//! Why not serde in the widget: its derived deserialisers, serde-wasm-bindgen and
//! the float formatting their error messages pull in were about 125 KB of the
//! wasm every resident downloads. A bundle needs strings, booleans, small
//! integers, arrays and objects; this reads exactly those. Callbacks are
//! `&mut dyn FnMut` on purpose: one copy of each loop, not one per type.
//!
//! Nesting is bounded before parsing by [`super::load::check_text`], so the
//! recursion here is too.

use super::Problem;

/// Boxed: a problem is two strings, and every value read passes its result
/// up through several calls; a pointer keeps those moves (and the wasm) small.
pub type Result<T> = std::result::Result<T, Box<Problem>>;

/// One step of the path to the value being read.
enum Step {
    Key(String),
    Index(usize),
}

pub struct Parser<'a> {
    text: &'a str,
    at: usize,
    path: Vec<Step>,
}

impl<'a> Parser<'a> {
    pub fn new(text: &'a str) -> Self {
        Parser { text, at: 0, path: Vec::new() }
    }

    /// Succeeds when nothing but whitespace follows the value read.
    pub fn finish(mut self) -> Result<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => self.syntax("trailing characters after the bundle"),
        }
    }

    /// A problem at the value being read.
    pub fn fail<T>(&self, message: impl Into<String>) -> Result<T> {
        Err(self.problem(message.into()))
    }

    /// A syntax problem, placed by line and column like `serde_json` does.
    fn syntax<T>(&self, message: &str) -> Result<T> {
        Err(self.syntax_problem(message))
    }

    // The two above are generic over what the caller would have read, so the
    // work is here, once: not copied into the wasm for every type read.
    fn problem(&self, message: String) -> Box<Problem> {
        let mut path = String::new();
        for step in &self.path {
            match step {
                Step::Key(k) if path.is_empty() => path.push_str(k),
                Step::Key(k) => {
                    path.push('.');
                    path.push_str(k);
                }
                Step::Index(i) => {
                    path.push('[');
                    path.push_str(&i.to_string());
                    path.push(']');
                }
            }
        }
        Box::new(Problem::new(path, message))
    }

    fn syntax_problem(&self, message: &str) -> Box<Problem> {
        let before = &self.text[..self.at.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        // The column of the character that failed; at the end, of the last one.
        let column =
            before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + usize::from(self.at < self.text.len());
        Box::new(Problem::new(format!("line {line}, column {column}"), format!("not valid JSON: {message}")))
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The next significant byte, after whitespace, without taking it.
    fn peek(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes().get(self.at) {
            self.at += 1;
        }
        self.bytes().get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    fn eat_word(&mut self, word: &str) -> bool {
        let found = self.text[self.at..].starts_with(word);
        if found {
            self.at += word.len();
        }
        found
    }

    /// What the next value is, in words, for "expected …, found …".
    fn found(&mut self) -> &'static str {
        match self.peek() {
            Some(b'"') => "a string",
            Some(b'{') => "an object",
            Some(b'[') => "a list",
            Some(b't' | b'f') => "true or false",
            Some(b'n') => "null",
            Some(b'-' | b'0'..=b'9') => "a number",
            _ => "something that is not JSON",
        }
    }

    fn expected<T>(&mut self, what: &str) -> Result<T> {
        Err(self.type_problem(what))
    }

    fn type_problem(&mut self, what: &str) -> Box<Problem> {
        let found = self.found();
        if found == "something that is not JSON" {
            return self.syntax_problem("expected a value");
        }
        self.problem(format!("expected {what}, found {found}"))
    }

    /// Takes `null` if it is next: an optional field that is absent.
    pub fn null(&mut self) -> bool {
        self.peek() == Some(b'n') && self.eat_word("null")
    }

    pub fn string(&mut self) -> Result<String> {
        if self.peek() != Some(b'"') {
            return self.expected("a string");
        }
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(&b) = self.bytes().get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            out.push_str(&self.text[start..self.at]);
            match self.bytes().get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                Some(_) => return self.syntax("a control character inside a string"),
                None => return self.syntax("a string that never ends"),
            }
        }
    }

    /// The character after a backslash (which is already taken).
    fn escape(&mut self) -> Result<char> {
        let Some(&b) = self.bytes().get(self.at) else { return self.syntax("a string that never ends") };
        self.at += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self.hex4()?;
                if !(0xD800..0xDC00).contains(&high) {
                    return char::from_u32(high).map_or_else(|| self.syntax("a lone surrogate in \\u escape"), Ok);
                }
                // A UTF-16 pair: \uD83D\uDE00.
                if !self.eat_word("\\u") {
                    return self.syntax("a lone surrogate in \\u escape");
                }
                let low = self.hex4()?;
                if !(0xDC00..0xE000).contains(&low) {
                    return self.syntax("a lone surrogate in \\u escape");
                }
                let c = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                return char::from_u32(c).map_or_else(|| self.syntax("a bad \\u escape"), Ok);
            }
            _ => return self.syntax("an unknown escape"),
        })
    }

    fn hex4(&mut self) -> Result<u32> {
        let digits = self.text.get(self.at..self.at + 4).and_then(|h| u32::from_str_radix(h, 16).ok());
        match digits {
            Some(v) if self.text.as_bytes()[self.at..self.at + 4].iter().all(u8::is_ascii_hexdigit) => {
                self.at += 4;
                Ok(v)
            }
            _ => self.syntax("a bad \\u escape"),
        }
    }

    pub fn bool(&mut self) -> Result<bool> {
        if self.peek() == Some(b't') && self.eat_word("true") {
            Ok(true)
        } else if self.peek() == Some(b'f') && self.eat_word("false") {
            Ok(false)
        } else {
            self.expected("true or false")
        }
    }

    /// A whole number from 0 to `max`.
    pub fn integer(&mut self, max: u64) -> Result<u64> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return self.expected("a whole number");
        }
        let start = self.at;
        self.number()?;
        match self.text[start..self.at].parse::<u64>() {
            Ok(n) if n <= max => Ok(n),
            _ => self.fail(format!("expected a whole number from 0 to {max}")),
        }
    }

    /// Steps over a number, checking its JSON grammar (never converted: no
    /// float code in the wasm).
    fn number(&mut self) -> Result<()> {
        let digits = |p: &mut Self| {
            let start = p.at;
            while p.bytes().get(p.at).is_some_and(u8::is_ascii_digit) {
                p.at += 1;
            }
            p.at > start
        };
        self.eat(b'-');
        let int_start = self.at;
        if !digits(self) || (self.bytes()[int_start] == b'0' && self.at - int_start > 1) {
            return self.syntax("a malformed number");
        }
        if self.bytes().get(self.at) == Some(&b'.') {
            self.at += 1;
            if !digits(self) {
                return self.syntax("a malformed number");
            }
        }
        if let Some(b'e' | b'E') = self.bytes().get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes().get(self.at) {
                self.at += 1;
            }
            if !digits(self) {
                return self.syntax("a malformed number");
            }
        }
        Ok(())
    }

    /// Reads an object, calling `each` with every key; `each` reads (or
    /// [`skip`](Self::skip)s) the value. Errors inside name the key.
    pub fn object(&mut self, each: &mut dyn FnMut(&mut Parser<'a>, &str) -> Result<()>) -> Result<()> {
        if !self.eat(b'{') {
            return self.expected("an object");
        }
        if self.eat(b'}') {
            return Ok(());
        }
        loop {
            if self.peek() != Some(b'"') {
                return self.syntax("expected a key in quotes");
            }
            let key = self.string()?;
            if !self.eat(b':') {
                return self.syntax("expected `:` after a key");
            }
            self.path.push(Step::Key(key.clone()));
            each(self, &key)?;
            self.path.pop();
            if self.eat(b'}') {
                return Ok(());
            }
            if !self.eat(b',') {
                return self.syntax("expected `,` or `}` in an object");
            }
        }
    }

    /// Reads a list, calling `each` for every element.
    pub fn array(&mut self, each: &mut dyn FnMut(&mut Parser<'a>) -> Result<()>) -> Result<()> {
        if !self.eat(b'[') {
            return self.expected("a list");
        }
        if self.eat(b']') {
            return Ok(());
        }
        let mut index = 0;
        loop {
            self.path.push(Step::Index(index));
            each(self)?;
            self.path.pop();
            index += 1;
            if self.eat(b']') {
                return Ok(());
            }
            if !self.eat(b',') {
                return self.syntax("expected `,` or `]` in a list");
            }
        }
    }

    /// Steps over any value (an unknown field).
    pub fn skip(&mut self) -> Result<()> {
        match self.peek() {
            Some(b'"') => self.string().map(drop),
            Some(b'{') => self.object(&mut |p, _| p.skip()),
            Some(b'[') => self.array(&mut |p| p.skip()),
            Some(b't' | b'f') => self.bool().map(drop),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ if self.null() => Ok(()),
            _ => self.syntax("expected a value"),
        }
    }

    /// The string value of `key` in the object that comes next, read ahead
    /// without moving: a tagged value (`"type"`, `"format"`) decides how the
    /// rest of its object reads, wherever the tag stands in it.
    /// `Some(Err(found))` when the key holds something other than a string.
    pub fn peek_tag(&mut self, key: &str) -> Result<Option<std::result::Result<String, &'static str>>> {
        let (at, depth) = (self.at, self.path.len());
        let mut tag = None;
        let read = self.object(&mut |p, k| {
            if k == key && tag.is_none() {
                tag = Some(if p.peek() == Some(b'"') { p.string().map(Ok)? } else { Err(p.found()) });
                if tag.as_ref().is_some_and(|t| t.is_ok()) {
                    return Ok(());
                }
            }
            p.skip()
        });
        self.at = at;
        self.path.truncate(depth);
        read.map(|()| tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(text: &str) -> Result<Vec<String>> {
        let mut p = Parser::new(text);
        let mut out = Vec::new();
        p.array(&mut |p| {
            out.push(p.string()?);
            Ok(())
        })?;
        p.finish()?;
        Ok(out)
    }

    #[test]
    fn reads_escapes_and_pairs() {
        assert_eq!(
            strings(r#"["a\"b\\c\/\n", "\u00e9\ud83d\ude00", "plain é"]"#).unwrap(),
            ["a\"b\\c/\n", "é😀", "plain é"]
        );
    }

    #[test]
    fn syntax_errors_say_where() {
        for bad in
            [r#"["a"#, r#"["a" "b"]"#, r#"["\x"]"#, r#"["\ud800"]"#, "[\"\u{1}\"]", "[01]", "[1.]", "[] x", "{1: 2}"]
        {
            let mut p = Parser::new(bad);
            let p = p.skip().and_then(|()| p.finish()).unwrap_err();
            assert!(p.path.starts_with("line 1, column "), "{bad}: {p}");
            assert!(p.message.starts_with("not valid JSON"), "{bad}: {p}");
        }
    }

    #[test]
    fn type_errors_name_the_path() {
        let mut p = Parser::new(r#"{"a": [{"b": "x"}, {"b": 3}]}"#);
        let err = p.object(&mut |p, _| p.array(&mut |p| p.object(&mut |p, _| p.string().map(drop)))).unwrap_err();
        assert_eq!(err.to_string(), "a[1].b: expected a string, found a number");
    }

    #[test]
    fn skips_anything_and_peeks_tags_anywhere() {
        let text = r#"{"x": [1, -2.5e3, true, null, {"y": []}], "type": "list", "z": "w"}"#;
        let mut p = Parser::new(text);
        assert_eq!(p.peek_tag("type").unwrap(), Some(Ok("list".to_owned())));
        assert_eq!(p.peek_tag("nope").unwrap(), None);
        p.skip().unwrap();
        p.finish().unwrap();
        assert_eq!(Parser::new(r#"{"type": 2}"#).peek_tag("type").unwrap(), Some(Err("a number")));
    }

    #[test]
    fn integers_are_bounded() {
        assert_eq!(Parser::new("3").integer(6).unwrap(), 3);
        assert!(Parser::new("7").integer(6).is_err());
        assert!(Parser::new("2.5").integer(6).is_err());
        assert!(Parser::new("-1").integer(6).is_err());
    }
}
