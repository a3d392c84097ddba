//! The studio's importer: a file's bytes to a draft bundle, with the command
//! line's own code and limits ([`source::read_file`], [`import_source`]).
//!
//! In the browser it runs in a worker (`www/studio/import-worker.js`), on a
//! second instance of the studio's wasm: a reader's crate can panic on a
//! damaged PDF, and a panic in wasm ends its instance. There it ends only the
//! worker's, which the page replaces; the page and the reviewer's work go on.

use serde::{Deserialize, Serialize};

use crate::bundle::Bundle;
use crate::import::source::{self, File};
use crate::import::{import_source, Options};

/// What an import gives the page.
#[derive(Serialize, Deserialize, Debug)]
pub struct Draft {
    pub bundle: Bundle,
    /// The file as the importer read it (Markdown), which notes' lines number.
    pub text: String,
    /// What the importer removed or joined: the source line (0: none) and what.
    pub notices: Vec<(usize, String)>,
}

/// Imports a file as `policy-widget import` does with no options: same bundle,
/// same notices, same one-line errors.
pub fn import(bytes: &[u8], name: &str) -> Result<Draft, String> {
    let source = source::read_file(File { name, bytes, declared: None, base: None })?;
    let text = source.text.clone();
    let imported = import_source(source, &Options::default());
    let notices = imported.notices.into_iter().map(|n| (n.line, n.message)).collect();
    Ok(Draft { bundle: imported.bundle, text, notices })
}

/// The worker's entry: the draft as JSON, or the error's line.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = importPolicy)]
pub fn import_policy(bytes: &[u8], name: &str) -> Result<String, String> {
    import(bytes, name).map(|draft| serde_json::to_string(&draft).expect("a draft always serialises"))
}
