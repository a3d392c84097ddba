//! How the page reaches into the widget: in-widget links, the URL's hash
//! (deep links, back and forward), and the browser's find-in-page opening a
//! closed section (`beforematch`).

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::state::{path_to, Action};
use crate::bundle::Bundle;

/// The section id of the in-widget link a click landed on, if it did.
pub fn section_link_target(e: &MouseEvent) -> Option<String> {
    if e.default_prevented() || e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
        return None; // let the browser open a new tab or window as asked
    }
    let target = e.target()?.dyn_into::<Element>().ok()?;
    let link = target.closest("a[href^='#']").ok()??;
    let id = link.get_attribute("href")?.strip_prefix('#')?.to_owned();
    (!id.is_empty()).then_some(id)
}

/// Opens and shows the section the URL names, on load and on every change of
/// the hash; restores a search shared as `#pp-q=…`; opens the section whose
/// closed text find-in-page matched; focuses the search box on `/`.
#[hook]
pub fn use_navigation(
    root: NodeRef,
    bundle: super::Shared<Bundle>,
    reveal: Callback<String>,
    dispatch: Callback<Action>,
    search: Callback<String>,
) {
    let policy = bundle.clone();
    let effect: super::Effect = Box::new(move || {
        if let Some(query) = super::browser::hash_query() {
            search.emit(query);
        } else if let Some(id) = super::browser::hash_id() {
            reveal.emit(id);
        }
        let on_slash = root.cast::<Element>().and_then(|root| {
            let document = web_sys::window()?.document()?;
            // Not passive: the `/` must not reach the box it focuses.
            let options = EventListenerOptions::enable_prevent_default();
            Some(EventListener::new_with_options(&document, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                if e.key() == "/" && super::browser::slash_is_for(&root, e) {
                    e.prevent_default();
                }
            }))
        });
        let on_hash = {
            let reveal = reveal.clone();
            web_sys::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| {
                    if let Some(id) = super::browser::hash_id() {
                        reveal.emit(id);
                    }
                })
            })
        };
        let on_match = root.cast::<Element>().map(|root| {
            EventListener::new(&root, "beforematch", move |e| {
                let panel = e.target().and_then(|t| t.dyn_into::<Element>().ok());
                let id = panel.and_then(|p| p.id().strip_suffix("-panel").map(str::to_owned));
                if let Some(path) = id.and_then(|id| path_to(&policy.sections, &id)) {
                    dispatch.emit(Action::Open(Rc::new(path)));
                }
            })
        });
        Box::new(move || drop((on_hash, on_match, on_slash)))
    });
    super::use_bundle_effect(bundle, effect);
}
