//! Yew components that render a loaded bundle.
//!
//! They take a bundle that has already been loaded and validated, so they render
//! the same natively (Yew's server renderer, in the tests) and in the browser.
//! Browser-only work — scrolling, the clipboard, the URL hash — lives in
//! [`browser`] and [`events`] and runs only from event handlers and effects.

mod blocks;
mod browser;
mod copy_link;
mod element;
mod events;
mod facts;
#[cfg(not(target_arch = "wasm32"))]
mod fallback;
mod heading;
mod icons;
mod inline;
mod search_box;
mod sections;
mod state;
mod status;
mod summary;
mod term;
mod toggle;
mod turns;
mod view;

pub use browser::links_to_section;
#[cfg(not(target_arch = "wasm32"))]
pub use fallback::render as fallback_html;
pub use status::{error_notice, loading};
pub use view::{FirstPaint, PolicyView, Props as PolicyViewProps};

/// What the view's effects depend on: the bundle, and a counter for an effect
/// that runs again when the counter moves (0 for those that run once per bundle).
pub(crate) type EffectDeps = (Shared<crate::bundle::Bundle>, u32);

/// An effect of the view, boxed: Yew's effect hook is generic over the
/// effect's closure and its dependencies, and each pair of types is another
/// copy of its code in the wasm; the view's effects share one through this type.
pub(crate) type ViewEffect = Box<dyn FnOnce(&EffectDeps) -> Box<dyn FnOnce()>>;

/// A timer whose callback is boxed: gloo's `Timeout::new` is generic over its
/// callback, and each closure type is another copy of it and of
/// wasm-bindgen's closure glue in the wasm (~0.1 KB gzip a timer); every
/// timer of the widget goes through this one type.
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
