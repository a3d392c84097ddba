//! A glossary term in the policy's text, with its definition in a popover.
//!
//! The WAI-ARIA tooltip pattern, made to meet WCAG 1.4.13 (content on hover or
//! focus): the term is a button whose description is the definition, so a
//! screen reader says it on focus; the popover shows on hover and on keyboard
//! focus, stays while the pointer is over it, and Escape hides it. A click or
//! tap pins it open, for touch screens that have no hover. The definition is
//! plain text (a link inside a popover could never be reached); the whole
//! definition, links and all, also stands in the glossary section.
//!
//! The popover's state (pinned, dismissed) is the term element's
//! `data-popover` attribute, which the stylesheet reads and the handlers set:
//! nothing else in the widget needs it, and a component per term would cost
//! the wasm Yew's lifecycle code for one more component type.

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// A glossary term: `text` is the term as the text writes it (with any search
/// marks), `id` the popover's element id, unique in the widget.
pub fn term(id: String, definition: AttrValue, text: Html) -> Html {
    html! {
        <span class="pp-term" onmouseleave={Callback::from(end_dismissal)}>
            <button type="button" class="pp-term-button" aria-describedby={id.clone()}
                onclick={Callback::from(toggle_pin)} onkeydown={Callback::from(dismiss_on_escape)}
                onblur={Callback::from(show_on_hover)}>
                { text }
            </button>
            <span class="pp-term-tip" role="tooltip" {id}>{ definition }</span>
        </span>
    }
}

/// How the popover shows, beyond the stylesheet's hover and focus: `auto`
/// (or no attribute), on hover or keyboard focus only; `pinned`, until
/// clicked again (a tap on a touch screen); `dismissed`, hidden by Escape
/// until the pointer or focus leaves the term.
const STATE: &str = "data-popover";

/// Sets the state of the term an event happened in (Yew delegates events to
/// the widget's root, so the event's target says where, not its current target).
fn set_state(e: &Event, next: impl FnOnce(Option<String>) -> Option<&'static str>) {
    let term = e.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| t.closest(".pp-term").ok().flatten());
    if let Some(term) = term {
        if let Some(state) = next(term.get_attribute(STATE)) {
            let _ = term.set_attribute(STATE, state);
        }
    }
}

fn toggle_pin(e: MouseEvent) {
    set_state(&e, |s| Some(if s.as_deref() == Some("pinned") { "auto" } else { "pinned" }));
}

fn dismiss_on_escape(e: KeyboardEvent) {
    if e.key() == "Escape" {
        set_state(&e, |_| Some("dismissed"));
    }
}

/// Leaving the term ends a dismissal, so the next hover or focus shows it again.
fn show_on_hover(e: FocusEvent) {
    set_state(&e, |_| Some("auto"));
}

fn end_dismissal(e: MouseEvent) {
    set_state(&e, |s| (s.as_deref() == Some("dismissed")).then_some("auto"));
}
