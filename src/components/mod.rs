//! Yew components that render a loaded bundle.
//!
//! They take a bundle that has already been loaded and validated, so they render
//! the same natively (Yew's server renderer, in the tests) and in the browser.
//! Browser-only work — scrolling, the clipboard, the URL hash — lives in
//! [`browser`] and [`events`] and runs only from event handlers and effects.

mod blocks;
mod browser;
mod changes;
mod copy_link;
mod element;
mod events;
mod facts;
#[cfg(feature = "authoring")]
mod fallback;
mod heading;
mod icons;
mod inline;
mod parts;
mod search_box;
mod search_session;
mod sections;
mod state;
mod status;
mod summary;
mod term;
mod toggle;
mod turns;
mod view;

pub use browser::links_to_section;
#[cfg(feature = "authoring")]
pub(crate) use facts::fact_label;
#[cfg(feature = "authoring")]
pub use fallback::{element as page_element, render as fallback_html};
pub use status::{error_notice, loading};
pub use view::{FirstPaint, PolicyView, Props as PolicyViewProps};
use yew::hook;

/// What an effect of the view does, returning what undoes it; boxed, because
/// Yew's effect hook is generic over the effect's closure and its
/// dependencies, and each pair of types is another copy of its code in the
/// wasm: every effect of the view goes through [`use_bundle_effect_when`].
pub(crate) type Effect = Box<dyn FnOnce() -> Box<dyn FnOnce()>>;

/// Runs `effect` after the first render of each bundle, and undoes it when the
/// bundle changes or the view goes.
#[hook]
pub(crate) fn use_bundle_effect(bundle: Shared<crate::bundle::Bundle>, effect: Effect) {
    use_bundle_effect_when(bundle, 0, effect)
}

/// Runs `effect` after the first render of each bundle and again after each
/// render where `count` moved, undoing the previous run first.
#[hook]
pub(crate) fn use_bundle_effect_when(bundle: Shared<crate::bundle::Bundle>, count: u32, effect: Effect) {
    yew::use_effect_with((bundle, count), move |_| effect())
}

/// Work that can wait for the policy's first paint starts this long after it is
/// rendered (three frames later; and when rendering a long policy overran the
/// timer, the browser still lays out and paints it before the next task),
/// almost always before the first keystroke: closed sections' text, then the
/// search index, each in a task of its own. A timer rather than
/// `requestAnimationFrame` and then a task: the frame callback cost 0.9 KB gzip.
const AFTER_FIRST_PAINT_MS: u32 = 50;

/// A timer whose callback is boxed: gloo's `Timeout::new` is generic over its
/// callback, and each closure type is another copy of it and of
/// wasm-bindgen's closure glue in the wasm (~0.1 KB gzip a timer); every
/// timer of the widget goes through this one type.
#[allow(clippy::disallowed_methods)] // the one call, with the one callback type
pub(crate) fn after(ms: u32, callback: Box<dyn FnOnce()>) -> gloo::timers::callback::Timeout {
    gloo::timers::callback::Timeout::new(ms, callback)
}

/// An `Rc` whose props compare by identity: one bundle, loaded once, is the
/// same bundle; comparing its contents on every render would cost more than
/// the render.
pub struct Shared<T>(pub std::rc::Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The widget's stylesheet, adopted by each shadow root: `widget.css` as
/// `build.rs` minifies it.
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

#[cfg(test)]
mod tests {
    use super::STYLESHEET;

    #[test]
    fn the_shipped_stylesheet_keeps_every_rule_and_drops_only_comments_and_spaces() {
        let source = include_str!("widget.css");
        let mut uncommented = String::new();
        let mut rest = source;
        while let Some((before, after)) = rest.split_once("/*") {
            uncommented.push_str(before);
            rest = after.split_once("*/").map_or("", |(_, after)| after);
        }
        uncommented.push_str(rest);
        let shape = |css: &str| css.chars().filter(|c| !c.is_whitespace() && *c != ';').collect::<String>();
        assert_eq!(shape(STYLESHEET), shape(&uncommented));
        assert!(STYLESHEET.len() < source.len() * 4 / 5, "{} of {} bytes", STYLESHEET.len(), source.len());
        assert!(STYLESHEET.contains(r#"content:" (" attr(href) ")""#), "quoted text keeps its spaces");
        assert!(STYLESHEET.contains(".pp :focus-visible"), "a descendant selector keeps its space");
    }
}
