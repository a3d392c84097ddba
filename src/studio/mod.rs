//! The studio: a page where a town's web editor makes, reviews and updates a
//! bundle, with no toolchain and nothing uploaded. It is this crate compiled
//! to wasm with the `authoring` feature (`www/studio/`): the importer and the
//! validator are the command line's own code, so a file gives the same
//! bundle in both, and the preview is the real widget.
//!
//! - [`engine`]: a file's bytes to a draft (in a worker, in the browser).
//! - [`work`]: the state (the draft, last version's bundle, the status) and its reducer.
//! - [`edit`]: the reviewer's edits as values, and how each changes the bundle.
//! - [`app`]: the page; [`review`] and [`outline`] the draft's parts to edit,
//!   [`preview`] what the widget beside them shows while the draft has problems,
//!   with [`fields`] (controls with their problems beside them); [`take`] the
//!   download, the embed snippet and the page HTML.
//! - `browser` (wasm only): files, the worker, the download, the clipboard.

// clippy.toml's disallowed types keep the widget's wasm small; the studio is
// a tool an editor loads once, not what every resident downloads.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

pub mod app;
#[cfg(target_arch = "wasm32")]
mod browser;
pub mod edit;
pub mod engine;
mod fields;
mod outline;
mod preview;
mod review;
mod take;
pub mod work;

pub use app::{Studio, StudioProps};

/// Starts the studio in `root`. `importer(source: Blob, name) → Promise<string>`
/// runs [`engine::import`] in the page's worker; `integrity` is the
/// `policy-widget.js` beside the studio's, for the embed snippet.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = startStudio)]
pub fn start_studio(root: web_sys::Element, importer: js_sys::Function, integrity: String) {
    browser::set_importer(importer);
    yew::Renderer::<Studio>::with_root_and_props(root, StudioProps { integrity: integrity.into(), start: None })
        .render();
}
