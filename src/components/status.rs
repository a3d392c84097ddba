//! What shows while the bundle loads, and when it cannot be shown: never a
//! blank box. Errors are `role="alert"` so screen readers announce them.
//! Plain functions, not components: they hold no state, and each component
//! type costs the wasm Yew's lifecycle code for it.

use yew::prelude::*;

use crate::bundle::config::Labels;

/// What the element shows while its bundle loads.
pub fn loading(labels: &Labels) -> Html {
    html! {
        <div class="pp pp-status" role="status">
            <span class="pp-spinner" aria-hidden="true"></span>
            { labels.loading().clone() }
        </div>
    }
}

/// `message` says what went wrong in words a resident can act on (or pass
/// on); `retry` is offered when trying again can help (a network failure, a
/// timeout).
pub fn error_notice(labels: &Labels, message: String, retry: Option<Callback<MouseEvent>>) -> Html {
    html! {
        <div class="pp pp-error" role="alert">
            <p class="pp-error-heading">{ labels.error_heading().clone() }</p>
            <p>{ message }</p>
            if let Some(retry) = retry {
                <button type="button" class="pp-button" onclick={retry}>{ labels.retry().clone() }</button>
            }
        </div>
    }
}
