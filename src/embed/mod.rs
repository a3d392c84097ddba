//! The browser side: the JavaScript API that `policy-widget.js` calls, the
//! shadow root, and the app that loads a bundle and shows it or says why not.
//!
//! One `mount` per widget; several on one page keep separate Yew apps, shadow
//! roots and state.

mod app;
mod fetch;
mod style;

use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

use app::{App, AppProps, Source};

/// Talc instead of the default dlmalloc: the same memory after load on the
/// bench's pages (3.2 MB at Mass.gov's length), 1.8 KB gzip less to download.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// A mounted widget, returned to JavaScript so it can be destroyed.
#[wasm_bindgen]
pub struct Widget {
    app: Option<yew::AppHandle<App>>,
}

#[wasm_bindgen]
impl Widget {
    /// Removes the widget's content; the host element stays.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Mounts a widget into `host`'s open shadow root (created if missing).
///
/// `source` is a bundle URL (string), bundle JSON text (`{ json: "…" }`, from an
/// inline `<script type="application/json">`), or a bundle object. `attributes`
/// is a list of `[name, value]` pairs that override the bundle's `config`.
/// `fallback` is a `<slot>` when `host` holds HTML of its own (made by
/// `policy-widget.js`, which finds that in a line of JavaScript where Rust
/// would need more of web-sys in the wasm).
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(
    host: HtmlElement,
    source: JsValue,
    attributes: JsValue,
    fallback: Option<web_sys::Element>,
) -> Result<Widget, JsValue> {
    let shadow = match host.shadow_root() {
        Some(root) => root,
        None => {
            let init = ShadowRootInit::new(ShadowRootMode::Open);
            host.attach_shadow(&init)?
        }
    };
    // A remount (a new `src`) starts from an empty root.
    while let Some(child) = shadow.first_child() {
        shadow.remove_child(&child)?;
    }
    style::adopt(&shadow)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let container = document.create_element("div")?;
    shadow.append_child(&container)?;
    // The page's own HTML of the policy (`policy-widget render`) stays on screen
    // through the slot until the widget shows the policy, so the resident never
    // sees an empty box or a loading line in its place, and keeps it if the
    // bundle fails to load.
    if let Some(slot) = &fallback {
        shadow.append_child(slot)?;
    }

    let source = Source::from_js(source)?;
    let attributes = name_value_pairs(&attributes);
    let props = AppProps { source, attributes, shadow, fallback };
    let app = yew::Renderer::<App>::with_root_and_props(container, props).render();
    Ok(Widget { app: Some(app) })
}

/// `[[name, value], …]` from JavaScript; anything else in the list is skipped.
fn name_value_pairs(list: &JsValue) -> Vec<(String, String)> {
    let Some(list) = list.dyn_ref::<js_sys::Array>() else { return Vec::new() };
    list.iter()
        .filter_map(|pair| {
            let pair = pair.dyn_into::<js_sys::Array>().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}
