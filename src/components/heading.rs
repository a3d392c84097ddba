//! Headings at a level the embedding page chooses (`config.heading_level`), so
//! the widget's outline sits under the CMS page's own `<h1>`.

use yew::prelude::*;

/// A heading at `level`; past `h6` HTML has no element, so ARIA carries the level.
pub fn heading(level: u8, class: &'static str, id: Option<String>, children: Html) -> Html {
    match level {
        1..=6 => {
            let tag = format!("h{level}");
            html! { <@{tag} class={class} id={id}>{ children }</@> }
        }
        _ => html! {
            <div role="heading" aria-level={level.to_string()} class={class} id={id}>{ children }</div>
        },
    }
}
