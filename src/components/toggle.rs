//! The button that opens and closes a panel, as the WAI-ARIA disclosure and
//! accordion patterns describe it: `aria-expanded` says whether the panel is
//! open, `aria-controls` names it, and a chevron (the button's `::after` box
//! in the stylesheet, which assistive technology does not read) turns with
//! it. The accordion's sections and the summary panel both use it.

use yew::prelude::*;

pub fn toggle_button(id: String, panel: String, expanded: bool, label: Html, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" {id} class="pp-toggle" aria-expanded={expanded.to_string()} aria-controls={panel} {onclick}>
            <span class="pp-toggle-text">{ label }</span>
        </button>
    }
}

/// A click that turns `state` over: one closure type for every disclosure
/// that keeps its own state (each closure type is more code in the wasm).
pub fn flip(state: &UseStateHandle<bool>) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_: MouseEvent| state.set(!*state))
}
