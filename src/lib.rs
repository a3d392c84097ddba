//! A privacy-policy widget for public bodies' websites, and the tools that feed it.
//!
//! The modules follow the data:
//!
//! - [`import`]: a policy's existing text (a web page, a Word document, a PDF,
//!   plain text, Markdown) becomes a bundle. Native, used by the `policy-widget`
//!   command.
//! - [`bundle`]: the JSON contract, its loading and validation rules.
//! - [`search`]: search inside one policy, built from the bundle in the browser.
//! - [`components`]: Yew components that render a bundle. Pure: they take a loaded
//!   bundle, so they render natively (tests) and in the browser alike.
//! - [`cli`]: the `policy-widget` command, natively and in Node.
//! - `embed` (wasm only): the `<privacy-policy>` element's Rust side: fetching the
//!   bundle, the shadow root, the stylesheet, the JavaScript API.
//!
//! - [`keyed`]: the one string-keyed map type the others share.
//!
//! ARCHITECTURE.md draws the same map with the files in it.

// The module docs are the map of the code for whoever works on it, so they link
// to private modules and items: `cargo doc --document-private-items` renders them.
#![allow(rustdoc::private_intra_doc_links)]

pub mod bundle;
#[cfg(feature = "authoring")]
pub mod cli;
pub mod components;
#[cfg(feature = "authoring")]
pub mod import;
pub mod keyed;
pub mod search;

// The crate's wasm is the widget, or with `authoring` the studio: never both,
// so the widget's wasm carries nothing of the studio.
#[cfg(all(target_arch = "wasm32", not(feature = "authoring")))]
mod embed;
#[cfg(feature = "authoring")]
pub mod studio;
