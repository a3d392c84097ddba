//! The search form: a labelled box in `role="search"`, previous/next buttons,
//! and one polite status line that exists from the start and says only the
//! count (GOV.UK and Pagefind found a live results list too noisy).

use yew::prelude::*;

use crate::bundle::config::Labels;

/// What the form shows and whom it tells. A function, not a component: the
/// form changes on every keystroke with the view around it, so a component
/// of its own would only add Yew's lifecycle code for it to the wasm.
pub struct SearchForm<'a> {
    pub labels: &'a Labels,
    /// What the box shows.
    pub value: AttrValue,
    /// The status line: empty before a search.
    pub status: AttrValue,
    /// Words to try after "No matches".
    pub suggestions: &'a [String],
    /// Searches for what was typed, nothing (Escape) or a suggestion picked.
    pub on_search: Callback<String>,
    /// `true` for the next match, `false` for the previous one.
    pub on_step: Callback<bool>,
    pub has_matches: bool,
}

pub fn search_box(props: SearchForm) -> Html {
    let labels = props.labels;
    let oninput = props.on_search.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.value()
    });
    let onkeydown = {
        let on_search = props.on_search.clone();
        let on_step = props.on_step.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                on_step.emit(!e.shift_key());
            }
            "Escape" => on_search.emit(String::new()),
            _ => {}
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let step = |forward: bool| props.on_step.reform(move |_: MouseEvent| forward);
    html! {
        <form class="pp-search" role="search" {onsubmit}>
            <label for="pp-search-input" class="pp-search-label">{ labels.search_label().clone() }</label>
            <div class="pp-search-row">
                <input id="pp-search-input" class="pp-search-input" type="search" autocomplete="off" spellcheck="false"
                    aria-describedby="pp-search-status" value={props.value} {oninput} {onkeydown} />
                <button type="button" class="pp-step" onclick={step(false)} disabled={!props.has_matches}
                    aria-label={labels.search_previous().clone()}>{ "↑" }</button>
                <button type="button" class="pp-step" onclick={step(true)} disabled={!props.has_matches}
                    aria-label={labels.search_next().clone()}>{ "↓" }</button>
            </div>
            <p id="pp-search-status" class="pp-search-status" role="status">{ props.status }</p>
            if !props.suggestions.is_empty() {
                <p class="pp-suggestions">
                    { format!("{} ", labels.search_suggestions()) }
                    { for props.suggestions.iter().map(|word| {
                        let on_search = props.on_search.clone();
                        let w = word.clone();
                        html! { <button type="button" class="pp-link-button" onclick={move |_| on_search.emit(w.clone())}>{ word.clone() }</button> }
                    }) }
                </p>
            }
        </form>
    }
}
