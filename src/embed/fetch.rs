//! Getting a bundle: fetch, size and encoding checks, then the widget's own
//! JSON reader and the same validation rules as `policy-widget validate`
//! (`bundle::read_json`).

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

use crate::bundle::load::MAX_BUNDLE_BYTES;
use crate::bundle::{Bundle, Problem};

/// How long a bundle may take before the reader is offered a retry. Generous,
/// for phones on a poor connection; a hung server should not mean a spinner forever.
const TIMEOUT_MS: u32 = 15_000;

/// Why a bundle cannot be shown.
pub enum LoadError {
    Network,
    Timeout,
    Http(u16),
    /// The file is not a bundle this widget reads; the problems say why.
    Invalid(Vec<Problem>),
}

impl LoadError {
    /// The message residents see: what happened and what they can do.
    pub fn message(&self) -> String {
        match self {
            LoadError::Network => "The policy could not be loaded. Check your connection, then try again.".into(),
            LoadError::Timeout => "The policy is taking too long to load. Try again in a moment.".into(),
            LoadError::Http(404) => {
                "The policy file was not found on this website (error 404). Please tell the website's team.".into()
            }
            LoadError::Http(code @ 500..=599) => {
                format!("The website's server had a problem (error {code}). Try again in a moment.")
            }
            LoadError::Http(code) => {
                format!("The website refused to send the policy (error {code}). Please tell the website's team.")
            }
            LoadError::Invalid(_) => {
                "The policy file is damaged or in a format this widget cannot read. Please tell the website's team."
                    .into()
            }
        }
    }

    /// Whether trying again could help.
    pub fn retryable(&self) -> bool {
        matches!(self, LoadError::Network | LoadError::Timeout | LoadError::Http(500..=599))
    }

    /// Details for the site's developers, with JSON paths.
    pub fn details(&self) -> Vec<String> {
        match self {
            LoadError::Invalid(problems) => problems.iter().map(ToString::to_string).collect(),
            LoadError::Network => vec!["the request failed (network, CORS or a blocked URL)".into()],
            LoadError::Timeout => vec![format!("no complete answer within {} s", TIMEOUT_MS / 1000)],
            LoadError::Http(code) => vec![format!("HTTP status {code}")],
        }
    }
}

fn invalid(problem: Problem) -> LoadError {
    LoadError::Invalid(vec![problem])
}

/// A request for the bundle made before the wasm was ready: its pending
/// answer, and the controller that can abort it.
#[derive(Clone)]
pub struct Early {
    response: js_sys::Promise,
    controller: AbortController,
}

impl PartialEq for Early {
    /// The same request (JavaScript identity).
    fn eq(&self, other: &Self) -> bool {
        JsValue::from(&self.response) == JsValue::from(&other.response)
    }
}

impl Early {
    /// From `{ response: Promise<Response>, controller: AbortController }`.
    pub fn from_js(request: JsValue) -> Result<Self, JsValue> {
        let field = |name: &str| js_sys::Reflect::get(&request, &name.into());
        Ok(Early { response: field("response")?.dyn_into()?, controller: field("controller")?.dyn_into()? })
    }
}

/// Fetches and checks a bundle, or finishes the request made `early`.
pub async fn fetch_bundle(url: &str, early: Option<Early>) -> Result<(Bundle, Vec<Problem>), LoadError> {
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let (response, controller) = match early {
        Some(Early { response, controller }) => (response, controller),
        None => {
            let controller = AbortController::new().map_err(|_| LoadError::Network)?;
            let init = RequestInit::new();
            init.set_signal(Some(&controller.signal()));
            (window.fetch_with_str_and_init(url, &init), controller)
        }
    };
    let timer = {
        let controller = controller.clone();
        crate::components::after(TIMEOUT_MS, Box::new(move || controller.abort()))
    };
    // A failed wait is a time-out when the timer aborted it.
    let failed = |_: JsValue| if controller.signal().aborted() { LoadError::Timeout } else { LoadError::Network };

    let response = JsFuture::from(response).await.map_err(failed)?;
    let response: Response = response.dyn_into().map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let declared = response.headers().get("content-length").ok().flatten().and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_BUNDLE_BYTES) {
        controller.abort();
        return Err(invalid(Problem::new(
            "",
            format!("the bundle is over the {} MB limit", MAX_BUNDLE_BYTES / (1024 * 1024)),
        )));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| LoadError::Network)?).await.map_err(failed)?;
    drop(timer);
    let bytes = Uint8Array::new(&buffer).to_vec();
    let text = String::from_utf8(bytes).map_err(|e| {
        invalid(Problem::new("", format!("not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to())))
    })?;
    from_text(&text)
}

/// Checks bundle JSON text (from a fetch or an inline `<script>`) with the
/// same rules as `policy-widget validate`.
pub fn from_text(text: &str) -> Result<(Bundle, Vec<Problem>), LoadError> {
    crate::bundle::read_json(text).map_err(LoadError::Invalid)
}

/// Checks a bundle given as a JavaScript object (the `mount()` API): as JSON
/// text, so that one reader serves every source.
pub fn from_value(value: JsValue) -> Result<(Bundle, Vec<Problem>), LoadError> {
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(invalid(Problem::new("", "the bundle must be a JSON object")));
    }
    let text = js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| invalid(Problem::new("", "the bundle object cannot be written as JSON")))?;
    from_text(&text)
}
