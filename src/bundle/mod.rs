//! The policy bundle: its model, its inline text, its loading and its rules.
//!
//! Data flows one way: JSON → [`load`] (syntax, size, types, unknown fields) →
//! [`validate`] (references, ids, links, dates) → a [`Bundle`] the widget and the
//! search index can trust.

pub mod config;
pub mod inline;
mod json;
pub mod load;
mod model;
pub mod names;
pub mod read;
mod texts;
pub mod validate;

pub use config::Config;
pub use model::*;
pub use texts::TextPath;

use std::fmt;

/// One problem in a bundle: where (a JSON path such as `sections[3].id`, or a
/// line and column for syntax errors) and what, in words a developer can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Loads and validates JSON text: what `policy-widget validate` runs.
/// `Ok` carries warnings; `Err` carries every error found.
#[cfg(feature = "authoring")]
pub fn check_json(text: &str) -> Result<(Bundle, Vec<Problem>), Vec<Problem>> {
    let loaded = load::from_json(text).map_err(|p| vec![p])?;
    let errors = validate::validate(&loaded.bundle);
    if errors.is_empty() {
        Ok((loaded.bundle, loaded.warnings))
    } else {
        Err(errors)
    }
}

/// Pretty JSON with a final newline: how a bundle is written, by the command
/// line and the studio alike (and how the seeds are checked in).
#[cfg(feature = "authoring")]
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("bundle types always serialise");
    s.push('\n');
    s
}

/// The bundle format's JSON Schema, generated from the types above so it
/// cannot drift from what the widget reads.
#[cfg(feature = "authoring")]
pub fn schema() -> schemars::Schema {
    let mut schema = schemars::schema_for!(Bundle);
    schema.insert(
        "$id".into(),
        "https://municipal-privacy.github.io/policy-widget/schema/policy-bundle.schema.json".into(),
    );
    schema.insert("title".into(), "Privacy policy bundle (policy-bundle/1)".into());
    schema
}
