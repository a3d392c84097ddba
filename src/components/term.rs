//! A glossary term in the policy's text, with its definition in a popover.
//!
//! The WAI-ARIA tooltip pattern, made to meet WCAG 1.4.13 (content on hover or
//! focus): the term is a button whose description is the definition, so a
//! screen reader says it on focus; the popover shows on hover and on keyboard
//! focus, stays while the pointer is over it, and Escape hides it. A click or
//! tap pins it open, for touch screens that have no hover. The definition is
//! plain text (a link inside a popover could never be reached); the whole
//! definition, links and all, also stands in the glossary section.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The popover's element id, unique in the widget.
    pub id: AttrValue,
    pub definition: AttrValue,
    /// The term as the text writes it (with any search marks).
    pub children: Html,
}

#[function_component(Term)]
pub fn term(props: &Props) -> Html {
    let pinned = use_state(|| false);
    let dismissed = use_state(|| false);
    let onclick = {
        let (pinned, dismissed) = (pinned.clone(), dismissed.clone());
        Callback::from(move |_: MouseEvent| {
            pinned.set(!*pinned || *dismissed);
            dismissed.set(false);
        })
    };
    let onkeydown = {
        let (pinned, dismissed) = (pinned.clone(), dismissed.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                pinned.set(false);
                dismissed.set(true);
            }
        })
    };
    // Leaving the term ends a dismissal, so the next hover or focus shows it again.
    let reset = {
        let (pinned, dismissed) = (pinned.clone(), dismissed.clone());
        Callback::from(move |_: FocusEvent| {
            pinned.set(false);
            dismissed.set(false);
        })
    };
    let onmouseleave = {
        let dismissed = dismissed.clone();
        Callback::from(move |_: MouseEvent| dismissed.set(false))
    };
    let class = classes!("pp-term", pinned.then_some("pp-term--open"), dismissed.then_some("pp-term--dismissed"));
    html! {
        <span {class} {onmouseleave}>
            <button type="button" class="pp-term-button" aria-describedby={props.id.clone()}
                {onclick} {onkeydown} onblur={reset}>
                { props.children.clone() }
            </button>
            <span class="pp-term-tip" role="tooltip" id={props.id.clone()}>{ props.definition.clone() }</span>
        </span>
    }
}
