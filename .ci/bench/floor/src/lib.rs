//! The floor of a wasm widget, measured beside the widget by `make bench`:
//! fetch the bundle, parse it with the browser's `JSON.parse`, and render the
//! policy's title and its first 24 section headings (the widget's first
//! screen) into an open shadow root, as `<section class="pp-section">` with a
//! button in a heading. Nothing else: no validation, no styles, no search.
//! Built twice: with web-sys calls alone, and (feature `yew`) through a Yew
//! component, to tell what wasm itself costs, what Yew adds, and what the
//! widget adds on top.

use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// As `view::FIRST_SCREEN` in the widget.
const FIRST_SCREEN: usize = 24;

struct Policy {
    title: String,
    headings: Vec<String>,
}

fn field(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

async fn load(src: &str) -> Result<Policy, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(src)).await?.dyn_into()?;
    let text = JsFuture::from(response.text()?).await?;
    let bundle = JSON::parse(&text.as_string().unwrap_or_default())?;
    let title = field(&field(&bundle, "meta"), "title").as_string().unwrap_or_default();
    let sections = Array::from(&field(&bundle, "sections"));
    let headings = sections.iter().take(FIRST_SCREEN).filter_map(|s| field(&s, "title").as_string()).collect();
    Ok(Policy { title, headings })
}

#[cfg(not(feature = "yew"))]
fn render(root: ShadowRoot, policy: Policy) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let title = document.create_element("h2")?;
    title.set_text_content(Some(&policy.title));
    root.append_child(&title)?;
    for text in policy.headings {
        let (section, heading, button) =
            (document.create_element("section")?, document.create_element("h3")?, document.create_element("button")?);
        section.set_class_name("pp-section");
        button.set_text_content(Some(&text));
        heading.append_child(&button)?;
        section.append_child(&heading)?;
        root.append_child(&section)?;
    }
    Ok(())
}

#[cfg(feature = "yew")]
mod view {
    use yew::prelude::*;

    #[derive(Properties, PartialEq)]
    pub struct Props {
        pub title: String,
        pub headings: Vec<String>,
    }

    /// With one state hook and a click handler per heading, as any
    /// interactive Yew view has.
    #[function_component(View)]
    pub fn view(props: &Props) -> Html {
        let open = use_state(|| None::<usize>);
        html! {
            <div>
                <h2>{ props.title.clone() }</h2>
                { for props.headings.iter().enumerate().map(|(i, text)| {
                    let open = open.clone();
                    html! {
                        <section class="pp-section">
                            <h3><button onclick={move |_| open.set(Some(i))}>{ text.clone() }</button></h3>
                        </section>
                    }
                }) }
            </div>
        }
    }
}

#[cfg(feature = "yew")]
fn render(root: ShadowRoot, policy: Policy) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let host = document.create_element("div")?;
    root.append_child(&host)?;
    let props = view::Props { title: policy.title, headings: policy.headings };
    yew::Renderer::<view::View>::with_root_and_props(host, props).render();
    Ok(())
}

async fn show(element: Element) -> Result<(), JsValue> {
    let src = element.get_attribute("src").ok_or("no src")?;
    let root = element.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    render(root, load(&src).await?)
}

#[wasm_bindgen(start)]
pub fn start() {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("privacy-policy").ok()?);
    if let Some(element) = element {
        spawn_local(async move {
            if let Err(e) = show(element).await {
                web_sys::console::error_1(&e);
            }
        });
    }
}
