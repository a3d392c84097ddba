//! The policy bundle: its model, its inline text, its loading and its rules.
//!
//! Data flows one way: JSON → [`load`] (syntax, size, types, unknown fields) →
//! [`validate`] (references, ids, links, dates) → a [`Bundle`] the widget and the
//! search index can trust.

pub mod config;
pub mod inline;
mod json;
pub mod load;
pub mod marked;
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
    /// Where: a JSON path such as `sections[3].id`, a line and column, or empty for the whole bundle.
    pub path: String,
    /// What is wrong, in words a developer can act on.
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
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

/// Reads and validates bundle JSON text with the widget's own reader: what the
/// widget does with a bundle it fetched, and what an app that renders
/// [`crate::components::PolicyView`] itself does. `Ok` carries warnings
/// (unknown labels); `Err` carries every error found, as
/// `policy-widget validate` words them.
///
/// ```
/// let text = r#"{"format": "policy-bundle/1",
///   "meta": {"title": "Privacy Policy", "publisher": {"name": "Town of Example"}},
///   "sections": [{"id": "cookies", "title": "Cookies", "blocks": [{"type": "paragraph", "text": "We set none."}]}]}"#;
/// let (bundle, warnings) = policy_widget::bundle::read_json(text).expect("a valid bundle");
/// assert_eq!(bundle.sections[0].title, "Cookies");
/// assert!(warnings.is_empty());
///
/// let problems = policy_widget::bundle::read_json(r#"{"format": "policy-bundle/2"}"#).unwrap_err();
/// assert_eq!(problems[0].to_string(), r#"format: unsupported format "policy-bundle/2"; this widget reads "policy-bundle/1""#);
/// ```
pub fn read_json(text: &str) -> Result<(Bundle, Vec<Problem>), Vec<Problem>> {
    load::check_text(text).map_err(|p| vec![p])?;
    let bundle = read::bundle(text).map_err(|p| vec![p])?;
    let problems = validate::validate(&bundle);
    if problems.is_empty() {
        let warnings = validate::warnings(&bundle);
        Ok((bundle, warnings))
    } else {
        Err(problems)
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
