//! JSON text to a [`Bundle`], with every problem reported as `path: message`.
//!
//! The limits ([`check_text`]) and the format check apply everywhere. The
//! command-line tool then reads with serde (which also names unknown fields);
//! the widget reads with [`super::read`], which is far smaller in wasm.
//! `tests/reader.rs` keeps the two accepting and refusing the same bundles.

#[cfg(feature = "authoring")]
use serde::Deserializer;

use super::model::{Bundle, FORMAT};
use super::Problem;

/// The largest bundle accepted. The largest real policy we know of is ~40 KB of
/// JSON; 5 MB leaves room for any policy and refuses what would stall a phone.
pub const MAX_BUNDLE_BYTES: usize = 5 * 1024 * 1024;

/// The deepest nesting of JSON arrays and objects accepted. A bundle needs about
/// a dozen levels; the bound is checked on the raw text, before any parser
/// recurses, so hostile nesting (10,000 levels) costs one linear scan.
pub const MAX_NESTING: usize = 64;

/// A bundle that parsed, with warnings that did not stop it (unknown fields).
#[derive(Debug)]
pub struct Loaded {
    /// The bundle as read.
    pub bundle: Bundle,
    /// Unknown fields and labels: reported, not fatal.
    pub warnings: Vec<Problem>,
}

/// Checks the size and the nesting of JSON text before it is parsed.
pub fn check_text(text: &str) -> Result<(), Problem> {
    if text.len() > MAX_BUNDLE_BYTES {
        return Err(Problem::new(
            "",
            format!(
                "the bundle is {} and the limit is {} MB",
                human_size(text.len()),
                MAX_BUNDLE_BYTES / (1024 * 1024)
            ),
        ));
    }
    if text.trim().is_empty() {
        return Err(Problem::new("", "the bundle is empty"));
    }
    let (mut depth, mut line, mut column) = (0usize, 1usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        column += 1;
        match c {
            '\n' => {
                line += 1;
                column = 0;
            }
            _ if in_string => {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    in_string = false;
                }
            }
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(Problem::new(
                        format!("line {line}, column {column}"),
                        format!("the JSON nests deeper than {MAX_NESTING} levels"),
                    ));
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Whole kilobytes or megabytes: integers keep float formatting out of the wasm.
fn human_size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", bytes.div_ceil(1024 * 1024))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

#[cfg(feature = "authoring")]
use serde::Deserialize;

/// Just the format field, read before the rest so that a bundle of another
/// version gets "unsupported format" rather than a list of type errors.
#[cfg(feature = "authoring")]
#[derive(Deserialize)]
pub struct FormatOnly {
    #[serde(default)]
    format: Option<serde_value::Any>,
}

/// The format field of any JSON type, so a number there is reported clearly.
#[cfg(feature = "authoring")]
mod serde_value {
    use serde::de::{Deserialize, Deserializer, Visitor};

    pub enum Any {
        Text(String),
        Other,
    }

    impl<'de> Deserialize<'de> for Any {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Any;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("any value")
                }
                fn visit_str<E>(self, v: &str) -> Result<Any, E> {
                    Ok(Any::Text(v.to_owned()))
                }
                fn visit_bool<E>(self, _: bool) -> Result<Any, E> {
                    Ok(Any::Other)
                }
                fn visit_i64<E>(self, _: i64) -> Result<Any, E> {
                    Ok(Any::Other)
                }
                fn visit_u64<E>(self, _: u64) -> Result<Any, E> {
                    Ok(Any::Other)
                }
                fn visit_f64<E>(self, _: f64) -> Result<Any, E> {
                    Ok(Any::Other)
                }
                fn visit_unit<E>(self) -> Result<Any, E> {
                    Ok(Any::Other)
                }
                fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Any, A::Error> {
                    while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                    Ok(Any::Other)
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Any, A::Error> {
                    while a.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
                    Ok(Any::Other)
                }
            }
            d.deserialize_any(V)
        }
    }
}

#[cfg(feature = "authoring")]
impl FormatOnly {
    /// Refuses a bundle whose format this widget does not read.
    pub fn check(&self) -> Result<(), Problem> {
        check_format(self.format.as_ref().map(|f| match f {
            serde_value::Any::Text(t) => Some(t.as_str()),
            serde_value::Any::Other => None,
        }))
    }
}

/// Refuses a bundle whose format this widget does not read, given the format
/// field as found: absent (`None`), a string, or another JSON type (`Some(None)`).
pub fn check_format(format: Option<Option<&str>>) -> Result<(), Problem> {
    match format {
        Some(Some(f)) if f == FORMAT => Ok(()),
        Some(Some(f)) => {
            Err(Problem::new("format", format!("unsupported format \"{f}\"; this widget reads \"{FORMAT}\"")))
        }
        Some(None) => Err(Problem::new("format", format!("must be the string \"{FORMAT}\""))),
        None => Err(Problem::new("format", format!("missing; a bundle starts with \"format\": \"{FORMAT}\""))),
    }
}

/// Deserialises a bundle from any serde source, collecting unknown fields as
/// warnings and pinning a type error to its path.
///
/// Native only: the widget reads with [`super::read`], which names the path
/// of a type error as well, in far less wasm.
#[cfg(feature = "authoring")]
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Loaded, Problem> {
    let mut warnings = Vec::new();
    let mut on_unknown = |path: serde_ignored::Path<'_>| {
        warnings.push(Problem::new(path.to_string(), "unknown field, ignored"));
    };
    let tracked = serde_ignored::Deserializer::new(deserializer, &mut on_unknown);
    let bundle: Bundle = serde_path_to_error::deserialize(tracked).map_err(|e| {
        let path = e.path().to_string();
        // serde_json ends a message with " at line L column C"; inside a tagged
        // block the path stops at the block, so the position says where within.
        let message = e.into_inner().to_string();
        let message = match message.rsplit_once(" at line ") {
            Some((what, at)) => format!("{what} (line {})", at.replacen(" column ", ", column ", 1)),
            None => message,
        };
        Problem::new(if path == "." { String::new() } else { path }, message)
    })?;
    warnings.extend(super::validate::warnings(&bundle));
    Ok(Loaded { bundle, warnings })
}

/// Parses JSON text natively (the CLI and the tests).
#[cfg(feature = "authoring")]
pub fn from_json(text: &str) -> Result<Loaded, Problem> {
    check_text(text)?;
    let syntax = |e: serde_json::Error| {
        let message = e.to_string();
        // serde_json appends " at line L column C"; the path slot carries it instead.
        let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
        Problem::new(format!("line {}, column {}", e.line(), e.column()), format!("not valid JSON: {message}"))
    };
    let peek: FormatOnly = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => Problem::new("", "the bundle must be a JSON object"),
        _ => syntax(e),
    })?;
    // Serde reads `[]` into a struct too; a bundle is an object.
    if !text.trim_start().starts_with('{') {
        return Err(Problem::new("", "the bundle must be a JSON object"));
    }
    peek.check()?;
    let mut de = serde_json::Deserializer::from_str(text);
    let loaded = deserialize(&mut de)?;
    de.end().map_err(syntax)?;
    Ok(loaded)
}
