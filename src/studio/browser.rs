//! What the studio asks of the browser: files read and imported (in the
//! worker the page's script starts), the download, the clipboard, focus and
//! the warning before an unsaved draft is left.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File};
use yew::UseReducerDispatcher;

use super::engine::Draft;
use super::work::{Action, Purpose, State, Work};
use crate::bundle::load::MAX_BUNDLE_BYTES;
use crate::bundle::Bundle;
use crate::import::source::{too_large, MAX_DOCUMENT_BYTES};

thread_local! {
    /// `(source: Blob, name) → Promise<string>`: the page's script runs the
    /// import in its worker and answers with the draft as JSON, or rejects
    /// with the error's line.
    static IMPORTER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

pub fn set_importer(importer: js_sys::Function) {
    IMPORTER.with(|i| *i.borrow_mut() = Some(importer));
}

async fn import(source: &Blob, name: &str) -> Result<Draft, String> {
    let importer = IMPORTER.with(|i| i.borrow().clone()).ok_or("the importer did not start")?;
    let promise = importer
        .call2(&JsValue::NULL, source, &JsValue::from_str(name))
        .map_err(|e| e.as_string().unwrap_or_else(|| "the importer did not start".into()))?;
    let answer = JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{name}: the importer failed")))?;
    serde_json::from_str(&answer.as_string().unwrap_or_default()).map_err(|e| format!("{name}: {e}"))
}

async fn text_of(blob: &Blob) -> Result<String, String> {
    let text = JsFuture::from(blob.text()).await.map_err(|_| "the file could not be read".to_owned())?;
    Ok(text.as_string().unwrap_or_default())
}

fn is_bundle(file: &File) -> bool {
    file.name().to_ascii_lowercase().ends_with(".json") || file.type_() == "application/json"
}

/// Opens a file chosen or dropped: a bundle is read, anything else imported.
/// Every failure becomes the status line's message.
pub fn open(file: File, purpose: Purpose, previous: Option<Bundle>, dispatch: UseReducerDispatcher<State>) {
    wasm_bindgen_futures::spawn_local(async move {
        let name = file.name();
        let size = file.size() as usize;
        let result = if is_bundle(&file) {
            if size > MAX_BUNDLE_BYTES {
                Err(too_large(&name, size, MAX_BUNDLE_BYTES))
            } else {
                match text_of(&file).await.and_then(|json| Work::opened(&name, &json)) {
                    Ok(work) if purpose == Purpose::Previous => Ok(Action::Previous(Some((name, work.bundle)))),
                    Ok(work) => Ok(Action::Open { work, unsaved: false }),
                    Err(e) => Err(e),
                }
            }
        } else if purpose == Purpose::Previous {
            Err(format!("{name}: last version's bundle is the .json file the studio or `policy-widget import` made"))
        } else if size > MAX_DOCUMENT_BYTES {
            Err(too_large(&name, size, MAX_DOCUMENT_BYTES))
        } else {
            dispatch.dispatch(Action::Busy(format!("Importing {name}…")));
            import(&file, &name)
                .await
                .map(|draft| Action::Open { work: Work::imported(&name, draft, previous.as_ref()), unsaved: true })
        };
        dispatch.dispatch(result.unwrap_or_else(Action::Failed));
    });
}

/// Imports pasted text, as `policy-widget import -` reads it from stdin.
pub fn import_text(text: String, previous: Option<Bundle>, dispatch: UseReducerDispatcher<State>) {
    wasm_bindgen_futures::spawn_local(async move {
        let name = "pasted text";
        dispatch.dispatch(Action::Busy("Importing the pasted text…".into()));
        let parts = js_sys::Array::of1(&JsValue::from_str(&text));
        let result = match Blob::new_with_str_sequence(&parts) {
            Ok(blob) => import(&blob, name).await,
            Err(_) => Err("the text could not be read".into()),
        };
        dispatch.dispatch(match result {
            Ok(draft) => Action::Open { work: Work::imported(name, draft, previous.as_ref()), unsaved: true },
            Err(e) => Action::Failed(e),
        });
    });
}

/// Saves `json` as `privacy-policy.json` through the browser's download.
pub fn download(json: &str) -> bool {
    let save = || -> Result<(), JsValue> {
        let document = gloo::utils::document();
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        let blob = Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&JsValue::from_str(json)), &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
        link.set_href(&url);
        link.set_download("privacy-policy.json");
        link.set_hidden(true);
        document.body().ok_or(JsValue::NULL)?.append_child(&link)?;
        link.click();
        link.remove();
        // The browser has taken the file once the click is handled.
        crate::components::after(0, Box::new(move || drop(web_sys::Url::revoke_object_url(&url)))).forget();
        Ok(())
    };
    save().is_ok()
}

pub async fn copy(text: &str) -> bool {
    let clipboard = gloo::utils::window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Selects a text field's whole text, for a copy by hand.
pub fn select(id: &str) {
    if let Some(field) = gloo::utils::document().get_element_by_id(id) {
        if let Ok(field) = field.dyn_into::<web_sys::HtmlTextAreaElement>() {
            let _ = field.focus();
            field.select();
        }
    }
}

pub fn focus(id: &str) {
    if let Some(element) = gloo::utils::document().get_element_by_id(id) {
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}

/// While the draft has unsaved changes, leaving the page asks first.
pub fn warn_before_leaving() -> gloo::events::EventListener {
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    gloo::events::EventListener::new_with_options(&gloo::utils::window(), "beforeunload", options, |event| {
        event.prevent_default();
        // Browsers that predate preventDefault here ask when returnValue is set.
        if let Some(event) = event.dyn_ref::<web_sys::BeforeUnloadEvent>() {
            event.set_return_value("unsaved");
        }
    })
}

pub fn file_of(list: Option<web_sys::FileList>) -> Option<File> {
    list.and_then(|files| files.get(0))
}
