//! DOM behaviour in a real browser (headless Chromium via wasm-bindgen-test):
//! what server-side rendering cannot show — clicks, focus, find-in-page.
#![cfg(target_arch = "wasm32")]

mod common;

use std::rc::Rc;

use policy_widget::components::{FirstPaint, PolicyView, PolicyViewProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn mounted() -> Element {
    mounted_with(FirstPaint::Whole).await
}

async fn mounted_with(first_paint: FirstPaint) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = PolicyViewProps { bundle: Rc::new(common::small_bundle()), first_paint };
    yew::Renderer::<PolicyView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

async fn next_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
}

fn find(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).dyn_into().unwrap()
}

#[wasm_bindgen_test]
async fn a_click_opens_a_section_and_another_closes_it() {
    let root = mounted().await;
    let button = find(&root, "#collection-button");
    let panel = find(&root, "#collection-panel");
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(panel.get_attribute("hidden").as_deref(), Some("until-found"));

    button.click();
    yew::scheduler::flush().await;
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(panel.get_attribute("hidden"), None);
    assert!(panel.offset_height() > 0, "the open panel takes up space");

    button.click();
    yew::scheduler::flush().await;
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(panel.get_attribute("hidden").as_deref(), Some("until-found"));
}

#[wasm_bindgen_test]
async fn closed_sections_get_their_text_after_the_first_paint() {
    let root = mounted_with(FirstPaint::FirstScreen).await;
    let panel = find(&root, "#selling-panel");
    assert_eq!(panel.child_element_count(), 0, "closed text waits for the first paint");
    assert!(root.text_content().unwrap().contains("Selling"), "the heading does not");
    // Watched frame by frame, for up to 120 frames (2 s at 60 Hz).
    for _ in 0..120 {
        if panel.child_element_count() > 0 {
            break;
        }
        next_frame().await;
    }
    assert!(panel.text_content().unwrap().contains("Counting visits."), "{:?}", panel.text_content());
    assert_eq!(panel.get_attribute("hidden").as_deref(), Some("until-found"), "still closed, findable");
}

#[wasm_bindgen_test]
async fn expand_all_opens_nested_sections_too() {
    let root = mounted().await;
    find(&root, ".pp-toggle-all").click();
    yew::scheduler::flush().await;
    assert_eq!(find(&root, "#cookies-button").get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(root.query_selector_all("[hidden='until-found']").unwrap().length(), 0);
}

#[wasm_bindgen_test]
async fn find_in_page_opening_a_closed_panel_opens_its_section() {
    let root = mounted().await;
    // The browser fires `beforematch` at a hidden="until-found" panel when
    // find-in-page matches inside it; the section must then read as open.
    let panel = find(&root, "#cookies-panel");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("beforematch", &init).unwrap();
    panel.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(find(&root, "#collection-button").get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(find(&root, "#cookies-button").get_attribute("aria-expanded").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn a_summary_link_opens_its_section_and_moves_focus_there() {
    let root = mounted().await;
    find(&root, ".pp-point-source").click();
    yew::scheduler::flush().await;
    assert_eq!(find(&root, "#selling-button").get_attribute("aria-expanded").as_deref(), Some("true"));
    let active = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert_eq!(active.id(), "selling-button");
}

#[wasm_bindgen_test]
async fn a_glossary_term_pins_its_definition_on_a_click_and_escape_dismisses_it() {
    let root = mounted().await;
    // The widget's own stylesheet decides what shows.
    let document = web_sys::window().unwrap().document().unwrap();
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(policy_widget::components::STYLESHEET));
    root.append_child(&style).unwrap();
    let term = find(&root, "#collection-panel .pp-term-button");
    let tip = find(&root, &format!("#{}", term.get_attribute("aria-describedby").unwrap()));
    let shown = || {
        let style = web_sys::window().unwrap().get_computed_style(&tip).unwrap().unwrap();
        style.get_property_value("display").unwrap() != "none"
    };
    assert_eq!(tip.text_content().as_deref(), Some("A number for your computer."));
    assert!(!shown(), "hidden until hover, focus or a click");

    term.click();
    yew::scheduler::flush().await;
    assert!(shown(), "a click pins the definition");

    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    term.dispatch_event(&escape).unwrap();
    yew::scheduler::flush().await;
    assert!(!shown(), "Escape hides it, even while the pointer stays");

    term.click();
    yew::scheduler::flush().await;
    assert!(shown(), "a click pins it again");
}

/// The reader's clock decides: a policy that takes effect later says so, one
/// already in effect does not.
#[wasm_bindgen_test]
async fn the_notice_shows_only_before_the_effective_date() {
    let document = web_sys::window().unwrap().document().unwrap();
    for (date, notice) in [("2999-01-01", true), ("2000-01-01", false)] {
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let mut bundle = common::small_bundle();
        bundle.meta.effective_date = Some(date.into());
        let props = PolicyViewProps { bundle: Rc::new(bundle), first_paint: FirstPaint::Whole };
        yew::Renderer::<PolicyView>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        let shown = root.query_selector(".pp-notice").unwrap().map(|n| n.text_content().unwrap_or_default());
        assert_eq!(shown.is_some(), notice, "{date}: {shown:?}");
        if let Some(text) = shown {
            assert!(text.contains("2999"), "{text}");
        }
    }
}
