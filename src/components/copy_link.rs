//! "Copy link to this section": a deep link residents can paste anywhere.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub label: AttrValue,
    /// Shown once the link is on the clipboard.
    pub done: AttrValue,
}

#[function_component(CopyLink)]
pub fn copy_link(props: &Props) -> Html {
    let copied = use_state(|| false);
    let onclick = {
        let copied = copied.clone();
        let id = props.id.clone();
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
            <button type="button" class="pp-link-button" {onclick} aria-describedby={format!("{}-button", props.id)}>
                { if *copied { props.done.clone() } else { props.label.clone() } }
            </button>
        </p>
    }
}
