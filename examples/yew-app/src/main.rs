//! A Yew app that renders a privacy policy with [`PolicyView`], the component
//! the `<privacy-policy>` element itself renders.
//!
//! The bundle is read with [`bundle::read_json`], which checks it as the
//! element does; a bundle with problems shows them rather than a blank page.
//! The view goes into a shadow root with the widget's stylesheet, as the
//! element does, so the page's styles and the widget's stay apart.
//!
//! `trunk serve --config examples/yew-app/Trunk.toml`, then open the address it prints.

use std::rc::Rc;

use policy_widget::bundle::{self, Bundle, Problem};
use policy_widget::components::{PolicyView, STYLESHEET};
use yew::prelude::*;

/// The City of Westfield's policy, one of the project's seed bundles. An app
/// could as well fetch its bundle, or build one with `policy_widget::import`.
const POLICY: &str = include_str!("../../../www/policies/westfield.json");

#[function_component(App)]
fn app() -> Html {
    let read = use_memo((), |_| bundle::read_json(POLICY).map(|(bundle, _warnings)| Rc::new(bundle)));
    html! {
        <>
            // CSS text, not markup: Yew sets it as the style element's text.
            <style>{ STYLESHEET }</style>
            { match &*read {
                Ok(bundle) => policy(bundle),
                Err(problems) => problem_list(problems),
            } }
        </>
    }
}

fn policy(bundle: &Rc<Bundle>) -> Html {
    html! { <PolicyView bundle={bundle.clone()} /> }
}

fn problem_list(problems: &[Problem]) -> Html {
    html! {
        <div role="alert">
            <p>{ "The policy could not be shown:" }</p>
            <ul>{ for problems.iter().map(|problem| html! { <li>{ problem.to_string() }</li> }) }</ul>
        </div>
    }
}

fn main() {
    let document = web_sys::window().and_then(|w| w.document()).expect("a browser page");
    let host = document.get_element_by_id("policy").expect("the page's #policy element");
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .expect("a shadow root on #policy");
    let root = document.create_element("div").expect("a div");
    shadow.append_child(&root).expect("the app's root in the shadow root");
    yew::Renderer::<App>::with_root(root).render();
}
