//! Yew components that render a loaded bundle.
//!
//! They take a bundle that has already been loaded and validated, so they render
//! the same natively (Yew's server renderer, in the tests) and in the browser.
//! Browser-only work — scrolling, the clipboard, the URL hash — lives in
//! [`browser`] and [`events`] and runs only from event handlers and effects.

mod blocks;
mod browser;
mod copy_link;
mod events;
mod facts;
mod heading;
mod icons;
mod inline;
mod search_box;
mod sections;
mod state;
mod status;
mod summary;
mod view;

pub use status::{ErrorNotice, Loading};
pub use view::{human_date, PolicyView, Props as PolicyViewProps};

/// The widget's stylesheet, adopted by each shadow root.
pub const STYLESHEET: &str = include_str!("widget.css");
