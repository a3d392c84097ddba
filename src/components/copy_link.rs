//! "Copy link to this section": a deep link residents can paste anywhere.
//! A function of its section (which keeps whether the link was copied), not a
//! component of its own: a component type per control costs the wasm Yew's
//! lifecycle code for it.

use yew::prelude::*;

use crate::bundle::config::Labels;

/// The control for section `id`; `copied` turns its label into "Link copied".
pub fn copy_link(id: &str, labels: &Labels, copied: &UseStateHandle<bool>) -> Html {
    let onclick = {
        let copied = copied.clone();
        let id = id.to_owned();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let id = id.clone();
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(crate::components::browser::copy_section_link(&id).await);
            });
        })
    };
    html! {
        <p class="pp-copy">
            <button type="button" class="pp-link-button" {onclick} aria-describedby={format!("{id}-button")}>
                { if **copied { labels.link_copied().clone() } else { labels.copy_link().clone() } }
            </button>
        </p>
    }
}
