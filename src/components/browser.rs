//! The few things the widget asks of the browser: the URL's hash, scrolling,
//! focus, the clipboard. Called from event handlers and effects only, which
//! never run in the native (server-side) renderer the tests use.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

/// The section id in the page's URL hash, if any.
pub fn hash_id() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.strip_prefix('#')?;
    (!id.is_empty()).then(|| id.to_owned())
}

/// Puts `#id` in the address bar without a jump or a history entry per click
/// being lost: back returns to where the reader was.
pub fn push_hash(id: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{id}")));
    }
}

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Scrolls a section into view inside the widget's shadow root and moves focus
/// to its heading button, so keyboard and screen-reader users land there too.
pub fn bring_into_view(root: &Element, id: &str) {
    // Ids are validated slugs (letters, digits, hyphens), safe in a selector.
    let Ok(Some(section)) = root.query_selector(&format!("#{id}")) else { return };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Start);
    options.set_behavior(if reduced_motion() { ScrollBehavior::Instant } else { ScrollBehavior::Smooth });
    section.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(Some(button)) = root.query_selector(&format!("#{id}-button")) {
        if let Ok(button) = button.dyn_into::<HtmlElement>() {
            let _ = button.focus();
        }
    }
}

/// Copies the page's address with `#id` to the clipboard; where the clipboard
/// is refused (an insecure page, a denied permission), the link goes to the
/// address bar instead. Returns whether the clipboard took it.
pub async fn copy_section_link(id: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let Ok(href) = window.location().href() else { return false };
    let base = href.split('#').next().unwrap_or(&href);
    let link = format!("{base}#{id}");
    let copied = JsFuture::from(window.navigator().clipboard().write_text(&link)).await.is_ok();
    if !copied {
        push_hash(id);
    }
    copied
}
