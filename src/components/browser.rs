//! The few things the widget asks of the browser: the URL's hash, scrolling,
//! focus, the clipboard. Called from event handlers, effects and the
//! embedding only, which never run in the native (server-side) renderer the
//! tests use.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, FocusOptions, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

/// The prefix of a search shared in the URL: `#pp-q=cookies`. Section ids
/// cannot contain `=`, so the two never collide.
const QUERY_HASH: &str = "#pp-q=";

/// The section id in the page's URL hash, if any.
pub fn hash_id() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.strip_prefix('#')?;
    (!id.is_empty() && !hash.starts_with(QUERY_HASH)).then(|| id.to_owned())
}

/// Whether the page's URL links to one of `bundle`'s sections: the embedded
/// widget then renders every section in its first paint (`FirstPaint::Headings`).
pub fn links_to_section(bundle: &crate::bundle::Bundle) -> bool {
    hash_id().is_some_and(|id| super::state::path_to(&bundle.sections, &id).is_some())
}

/// The search shared in the URL's hash, if any.
pub fn hash_query() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let encoded = hash.strip_prefix(QUERY_HASH)?;
    js_sys::decode_uri_component(encoded).ok().map(String::from).filter(|q| !q.trim().is_empty())
}

/// Keeps the URL in step with the search, so a result can be shared. Replaces
/// rather than pushes: typing should not fill the back button's history.
pub fn set_query_hash(query: &str) {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let has_query = location.hash().is_ok_and(|h| h.starts_with(QUERY_HASH));
    let url = if query.trim().is_empty() {
        if !has_query {
            return; // leave a section's deep link alone
        }
        format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default())
    } else {
        format!("{QUERY_HASH}{}", String::from(js_sys::encode_uri_component(query)))
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Marks the next (or previous) search match as current, scrolls it into view
/// and returns its position and the number of matches.
pub fn show_match(root: &Element, current: Option<usize>, forward: bool) -> Option<(usize, usize)> {
    let marks = root.query_selector_all(".pp-sections mark").ok()?;
    let total = marks.length() as usize;
    if total == 0 {
        return None;
    }
    let next = match (current, forward) {
        (None, true) => 0,
        (None, false) => total - 1,
        (Some(i), true) => (i + 1) % total,
        (Some(i), false) => (i + total - 1) % total,
    };
    for i in 0..total {
        if let Some(mark) = marks.item(i as u32).and_then(|m| m.dyn_into::<Element>().ok()) {
            let _ = mark.class_list().toggle_with_force("pp-current", i == next);
            if i == next {
                let options = ScrollIntoViewOptions::new();
                options.set_block(ScrollLogicalPosition::Center);
                options.set_behavior(if reduced_motion() { ScrollBehavior::Instant } else { ScrollBehavior::Smooth });
                mark.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
    }
    Some((next, total))
}

/// Whether a `/` keypress should focus this widget's search box (and does it):
/// not while the reader types elsewhere, and only for the first widget on a page.
pub fn slash_is_for(root: &Element, e: &web_sys::KeyboardEvent) -> bool {
    let typing = e.composed_path().get(0).dyn_into::<Element>().is_ok_and(|t| {
        matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || t.has_attribute("contenteditable")
    });
    if typing || e.ctrl_key() || e.meta_key() || e.alt_key() {
        return false;
    }
    let first_widget = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("privacy-policy").ok().flatten())
        .and_then(|host| host.shadow_root());
    let ours = root.get_root_node();
    if first_widget.is_some_and(|first| !ours.is_same_node(Some(&first))) {
        return false;
    }
    match root.query_selector("#pp-search-input").ok().flatten().and_then(|i| i.dyn_into::<HtmlElement>().ok()) {
        Some(input) => input.focus().is_ok(),
        None => false,
    }
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
///
/// Focus comes first and without a scroll of its own: a plain `focus()` scrolls
/// the button into view at once, which cancels a smooth scroll under way and
/// left the section's header mid-screen.
pub fn bring_into_view(root: &Element, id: &str) {
    // Ids are validated slugs (letters, digits, hyphens), safe in a selector.
    let Ok(Some(section)) = root.query_selector(&format!("#{id}")) else { return };
    if let Ok(Some(button)) = root.query_selector(&format!("#{id}-button")) {
        if let Ok(button) = button.dyn_into::<HtmlElement>() {
            let focus = FocusOptions::new();
            focus.set_prevent_scroll(true);
            let _ = button.focus_with_options(&focus);
        }
    }
    scroll_to_top(&section, if reduced_motion() { ScrollBehavior::Instant } else { ScrollBehavior::Smooth });
    stop_landing_on_readers_input();
    land_when_still(section, f64::NAN, SETTLE_POLLS, stop_landing());
}

thread_local! {
    /// Which landing may go on: a new one, or the reader's own scrolling or
    /// clicking, stops the one before rather than have it pull the page back.
    static LANDING: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Stops any landing under way; returns the number of the next one.
fn stop_landing() -> u32 {
    LANDING.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    })
}

/// Once per page: the reader's wheel, touch, key or click stops a landing.
fn stop_landing_on_readers_input() {
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    for event in ["wheel", "touchstart", "keydown", "pointerdown"] {
        gloo::events::EventListener::new(&window, event, |_| {
            stop_landing();
        })
        .forget();
    }
}

fn scroll_to_top(section: &Element, behavior: ScrollBehavior) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Start);
    options.set_behavior(behavior);
    section.scroll_into_view_with_scroll_into_view_options(&options);
}

/// How often, and how many times, `land_when_still` looks whether the scroll
/// has ended: five seconds at most, long enough for a long policy's rest to
/// arrive on a slow computer; the reader's own input stops it sooner.
const SETTLE_POLL_MS: u32 = 100;
const SETTLE_POLLS: u32 = 50;

/// For five seconds, whenever the section has stopped short of the top,
/// scrolls it there again, at once; until the reader scrolls or clicks.
///
/// A scroll's end is computed when it starts, but the sections it passes
/// (`content-visibility: auto`) take their real height only as they are drawn,
/// and the rest of a long policy arrives just after its first paint: on a long
/// policy the header ended a screen or more short of the top. And Firefox can
/// drop a scroll begun while the page loads. Polled rather than on `scrollend`,
/// which WebKit lacks.
fn land_when_still(section: Element, last_top: f64, polls: u32, landing: u32) {
    super::after(
        SETTLE_POLL_MS,
        Box::new(move || {
            if LANDING.with(|n| n.get()) != landing {
                return;
            }
            let top = section.get_bounding_client_rect().top();
            let still = top == last_top;
            // At the page's end the section cannot reach the top: the scroll
            // then leaves the page where it is.
            if still && top.abs() > 1.0 {
                scroll_to_top(&section, ScrollBehavior::Instant);
            }
            if polls > 0 {
                land_when_still(section, top, polls - 1, landing);
            }
        }),
    )
    .forget();
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
