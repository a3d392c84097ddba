//! Taking the work away: the bundle as a file, the embed snippet for the
//! page, and the page HTML `policy-widget render` writes.

use yew::prelude::*;

use super::fields::{Control, Field};
use crate::bundle::Bundle;

#[derive(Properties, PartialEq)]
pub struct TakeProps {
    /// The bundle as the download writes it.
    pub json: AttrValue,
    /// The Subresource Integrity value of the `policy-widget.js` beside the studio.
    pub integrity: AttrValue,
    /// How many problems the bundle has: said by the download button.
    pub problems: usize,
    pub on_download: Callback<()>,
}

/// The snippet a web editor pastes into the page.
pub fn snippet(files: &str, src: &str, integrity: &str) -> String {
    let files = if files.is_empty() || files.ends_with('/') { files.to_owned() } else { format!("{files}/") };
    let integrity = if integrity.is_empty() { String::new() } else { format!(" integrity=\"{integrity}\"") };
    format!(
        "<script type=\"module\" src=\"{}policy-widget.js\"{integrity} crossorigin=\"anonymous\"></script>\n<privacy-policy src=\"{}\"></privacy-policy>\n",
        attribute(&files),
        attribute(src)
    )
}

fn attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
}

/// A read-only text to copy, with its button.
fn copyable(id: &str, label: &str, text: &str, copied: &UseStateHandle<Option<String>>) -> Html {
    let onclick = {
        let (id, text, copied) = (id.to_owned(), text.to_owned(), copied.clone());
        Callback::from(move |_| {
            #[cfg(target_arch = "wasm32")]
            {
                let (id, text, copied) = (id.clone(), text.clone(), copied.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let said = if super::browser::copy(&text).await {
                        "Copied."
                    } else {
                        super::browser::select(&id);
                        "Selected: press Ctrl+C (⌘C on a Mac) to copy."
                    };
                    copied.set(Some(format!("{id}:{said}")));
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (&id, &text, &copied);
        })
    };
    let said = copied.as_deref().and_then(|c| c.strip_prefix(id)).and_then(|c| c.strip_prefix(':'));
    html! {
        <div class="copyable">
            <label for={id.to_owned()}>{ label }</label>
            <textarea id={id.to_owned()} readonly=true rows="4" value={text.to_owned()} />
            <button type="button" {onclick}>{ format!("Copy {}", label.to_lowercase()) }</button>
            <span class="copied" role="status">{ said.unwrap_or_default() }</span>
        </div>
    }
}

#[function_component(Take)]
pub fn take(props: &TakeProps) -> Html {
    let files = use_state(|| "https://www.example.gov/privacy-policy-widget/".to_owned());
    let src = use_state(|| "/privacy-policy.json".to_owned());
    let page_html = use_state(|| None::<String>);
    let copied = use_state(|| None::<String>);
    let on_download = {
        let on_download = props.on_download.clone();
        Callback::from(move |_: MouseEvent| on_download.emit(()))
    };
    let make_page = {
        let (json, src, page_html) = (props.json.clone(), src.clone(), page_html.clone());
        Callback::from(move |_: MouseEvent| {
            let (json, src, page_html) = (json.clone(), (*src).clone(), page_html.clone());
            let make = async move {
                let text = match serde_json::from_str::<Bundle>(&json) {
                    Ok(bundle) => crate::components::page_element(bundle, &src, &[]).await.0,
                    Err(e) => format!("<!-- the bundle could not be read: {e} -->"),
                };
                page_html.set(Some(text));
            };
            #[cfg(target_arch = "wasm32")]
            wasm_bindgen_futures::spawn_local(make);
            #[cfg(not(target_arch = "wasm32"))]
            drop(make);
        })
    };
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v| state.set(v))
    };
    let field = |path: &str, label, hint, value, on_change| {
        Field { path: path.into(), label, hint: Some(hint), value, control: Control::Line, problems: &[], on_change }
            .render()
    };
    let warning = match props.problems {
        0 => None,
        1 => Some("The bundle has 1 problem (listed above): the widget will not show it until it is fixed.".to_owned()),
        n => Some(format!(
            "The bundle has {n} problems (listed above): the widget will not show it until they are fixed."
        )),
    };
    html! {
        <section class="take" aria-labelledby="take-heading">
            <h2 id="take-heading">{ "Take it away" }</h2>
            <div class="take-download">
                <button type="button" class="primary" onclick={on_download}>{ "Download privacy-policy.json" }</button>
                if let Some(warning) = warning {
                    <p class="problem">{ warning }</p>
                }
                <p class="hint">{ "Open it here again to go on with the review, or next year to update the policy." }</p>
            </div>
            <h3>{ "Embed it" }</h3>
            { field("take.files", "Where the widget's files will live", "The folder holding policy-widget.js and its .wasm, on your site or a CDN.", &files, set(&files)) }
            { field("take.src", "Where the bundle will live", "The address of privacy-policy.json on your site.", &src, set(&src)) }
            { copyable("snippet", "Snippet", &snippet(&files, &src, &props.integrity), &copied) }
            <h3>{ "The policy in the page" }</h3>
            <p class="hint">{ "The element with the whole policy inside it as plain HTML: the page shows it before the widget loads, and where scripts do not run. Make it again after every change." }</p>
            <button type="button" onclick={make_page}>{ "Make the page HTML" }</button>
            if let Some(text) = &*page_html {
                { copyable("page-html", "Page HTML", text, &copied) }
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_loads_the_widget_with_its_integrity_from_where_it_will_live() {
        let s = snippet("https://cdn.example.gov/w", "/p.json", "sha384-abc");
        assert_eq!(
            s,
            "<script type=\"module\" src=\"https://cdn.example.gov/w/policy-widget.js\" integrity=\"sha384-abc\" crossorigin=\"anonymous\"></script>\n<privacy-policy src=\"/p.json\"></privacy-policy>\n"
        );
        assert!(snippet("/w/", "/a\"b.json", "").contains("src=\"/a&quot;b.json\""));
    }
}
