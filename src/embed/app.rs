//! The app inside each shadow root: loading, then the policy or an error.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::ShadowRoot;
use yew::prelude::*;

use super::fetch::{self, LoadError};
use crate::bundle::config::Labels;
use crate::bundle::Bundle;
use crate::components::{error_notice, links_to_section, loading, FirstPaint, PolicyView};

/// Where the bundle comes from.
#[derive(Clone, PartialEq)]
pub enum Source {
    Url(String),
    /// A URL whose request `policy-widget.js` already made while the wasm was
    /// loading (`{ url, request }`): the first attempt uses that answer, a retry asks again.
    Requested(String, fetch::Early),
    Json(String),
    Value(JsValue),
}

impl Source {
    pub fn from_js(value: JsValue) -> Result<Self, JsValue> {
        if let Some(url) = value.as_string() {
            return Ok(Source::Url(url));
        }
        let field = |name: &str| js_sys::Reflect::get(&value, &name.into()).ok().filter(|v| !v.is_undefined());
        if let (Some(url), Some(request)) = (field("url").and_then(|u| u.as_string()), field("request")) {
            return Ok(Source::Requested(url, fetch::Early::from_js(request)?));
        }
        match field("json").and_then(|j| j.as_string()) {
            Some(json) => Ok(Source::Json(json)),
            None if value.is_object() => Ok(Source::Value(value)),
            None => Err("the bundle must be a URL, { json: text } or an object".into()),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub source: Source,
    pub attributes: Vec<(String, String)>,
    pub shadow: ShadowRoot,
    /// The slot that shows the page's own HTML of the policy, if the element
    /// has some (`mount_widget`): removed once the policy is shown.
    pub fallback: Option<web_sys::Element>,
}

enum State {
    Loading,
    Ready(Rc<Bundle>),
    Failed(LoadError),
}

/// The state of one attempt to load: one state rather than two (each state
/// of another type is more of Yew's hook code in the wasm).
struct Load {
    /// 0, then one more for each "Try again".
    attempt: u32,
    state: State,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let load = use_state(|| Load { attempt: 0, state: State::Loading });
    {
        let load = load.clone();
        let source = props.source.clone();
        let attributes = props.attributes.clone();
        let shadow = props.shadow.clone();
        let fallback = props.fallback.clone();
        use_effect_with((props.source.clone(), load.attempt), move |&(_, attempt)| {
            let set = move |state| load.set(Load { attempt, state });
            set(State::Loading);
            let first = attempt == 0;
            wasm_bindgen_futures::spawn_local(async move {
                let result = match source {
                    Source::Url(url) => fetch::fetch_bundle(&url, None).await,
                    Source::Requested(url, early) => fetch::fetch_bundle(&url, first.then_some(early)).await,
                    Source::Json(text) => fetch::from_text(&text),
                    Source::Value(value) => fetch::from_value(value),
                };
                set(match result {
                    Ok((mut bundle, warnings)) => {
                        for w in warnings {
                            console_warn(&format!("privacy-policy: {w}"));
                        }
                        let overrides =
                            bundle.config.apply_attributes(attributes.iter().map(|(k, v)| (k.as_str(), v.as_str())));
                        for w in overrides {
                            console_warn(&format!("privacy-policy: {w}"));
                        }
                        if let Err(e) = super::style::apply_theme(&shadow, &bundle.config.theme) {
                            web_sys::console::error_2(&"privacy-policy: theme not applied".into(), &e);
                        }
                        // The policy renders in this same task (Yew's scheduler
                        // runs in a microtask), so no frame shows the element empty.
                        if let Some(slot) = &fallback {
                            slot.remove();
                        }
                        State::Ready(Rc::new(bundle))
                    }
                    Err(error) => {
                        for line in error.details() {
                            web_sys::console::error_1(&format!("privacy-policy: {line}").into());
                        }
                        State::Failed(error)
                    }
                });
            });
        });
    }
    match &load.state {
        // The page's HTML of the policy is on screen meanwhile.
        State::Loading if props.fallback.is_some() => Html::default(),
        State::Loading => loading(&Labels::default()),
        State::Ready(bundle) => {
            let first_paint = if links_to_section(bundle) { FirstPaint::Headings } else { FirstPaint::FirstScreen };
            html! { <PolicyView bundle={bundle.clone()} {first_paint} /> }
        }
        State::Failed(error) => {
            let retry = error.retryable().then(|| {
                let load = load.clone();
                Callback::from(move |_: MouseEvent| load.set(Load { attempt: load.attempt + 1, state: State::Loading }))
            });
            error_notice(&Labels::default(), error.message(), retry)
        }
    }
}

fn console_warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}
