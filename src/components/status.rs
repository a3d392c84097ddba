//! What shows while the bundle loads, and when it cannot be shown: never a
//! blank box. Errors are `role="alert"` so screen readers announce them.

use yew::prelude::*;

use crate::bundle::config::Labels;

#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    pub labels: Labels,
}

#[function_component(Loading)]
pub fn loading(props: &LoadingProps) -> Html {
    html! {
        <div class="pp pp-status" role="status">
            <span class="pp-spinner" aria-hidden="true"></span>
            { props.labels.loading.clone() }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ErrorProps {
    pub labels: Labels,
    /// What went wrong, in words a resident can act on (or pass on).
    pub message: AttrValue,
    /// Offered when trying again can help (a network failure, a timeout).
    #[prop_or_default]
    pub retry: Option<Callback<MouseEvent>>,
}

#[function_component(ErrorNotice)]
pub fn error_notice(props: &ErrorProps) -> Html {
    html! {
        <div class="pp pp-error" role="alert">
            <p class="pp-error-heading">{ props.labels.error_heading.clone() }</p>
            <p>{ props.message.clone() }</p>
            if let Some(retry) = &props.retry {
                <button type="button" class="pp-button" onclick={retry.clone()}>{ props.labels.retry.clone() }</button>
            }
        </div>
    }
}
