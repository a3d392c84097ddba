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
//!
//! # In a Yew app
//!
//! Most sites embed the `<privacy-policy>` element with one script tag (see the
//! README). A Yew app can render a policy with the element's own component
//! instead: read the bundle with [`bundle::read_json`], which checks it as the
//! element does, and give it to [`components::PolicyView`]. Depend on the crate
//! without its default features, which are the importer and the command line:
//!
//! ```toml
//! [dependencies]
//! privacy-policy-widget = { version = "0.1", default-features = false }
//! ```
//!
//! ```
//! use std::rc::Rc;
//! use policy_widget::bundle;
//! use policy_widget::components::{PolicyView, STYLESHEET};
//! use yew::prelude::*;
//!
//! #[derive(Properties, PartialEq)]
//! struct PageProps {
//!     bundle_json: AttrValue,
//! }
//!
//! #[function_component(PrivacyPage)]
//! fn privacy_page(props: &PageProps) -> Html {
//!     let read = use_memo(props.bundle_json.clone(), |json| bundle::read_json(json).map(|(b, _)| Rc::new(b)));
//!     match &*read {
//!         // The stylesheet is written for a shadow root (`:host`): mount the
//!         // app in one, as examples/yew-app does.
//!         Ok(bundle) => html! { <><style>{ STYLESHEET }</style><PolicyView bundle={bundle.clone()} /></> },
//!         Err(problems) => html! { <p role="alert">{ problems[0].to_string() }</p> },
//!     }
//! }
//! # let _ = html! { <PrivacyPage bundle_json={r#"{"format": "policy-bundle/1", "meta": {"title": "T", "publisher": {"name": "P"}}, "sections": [{"id": "a", "title": "A"}]}"#} /> };
//! ```
//!
//! `examples/yew-app` in the repository is a whole app (`trunk serve --config
//! examples/yew-app/Trunk.toml`).

// The module docs are the map of the code for whoever works on it, so they link
// to private modules and items: `cargo doc --document-private-items` renders them.
#![allow(rustdoc::private_intra_doc_links)]
// The public API is documented for docs.rs; `.ci/test` builds the docs with
// warnings as errors.
#![warn(missing_docs)]

pub mod bundle;
#[cfg(feature = "authoring")]
pub mod changes;
// The command's and the studio's insides: public for the binary, the studio's
// page and their tests, not an API for other crates.
#[cfg(feature = "authoring")]
#[doc(hidden)]
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
#[doc(hidden)]
pub mod studio;
