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

/// How the popover shows, beyond the stylesheet's hover and focus.
#[derive(Clone, Copy, PartialEq)]
enum Popover {
    /// Shown on hover or keyboard focus only.
    Auto,
    /// Shown until clicked again or left: a tap on a touch screen.
    Pinned,
    /// Hidden by Escape until the pointer or focus leaves the term.
    Dismissed,
}

#[function_component(Term)]
pub fn term(props: &Props) -> Html {
    let popover = use_state(|| Popover::Auto);
    let onclick = {
        let popover = popover.clone();
        Callback::from(move |_: MouseEvent| {
            popover.set(if *popover == Popover::Pinned { Popover::Auto } else { Popover::Pinned })
        })
    };
    let onkeydown = {
        let popover = popover.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                popover.set(Popover::Dismissed);
            }
        })
    };
    // Leaving the term ends a dismissal, so the next hover or focus shows it again.
    let onblur = {
        let popover = popover.clone();
        Callback::from(move |_: FocusEvent| popover.set(Popover::Auto))
    };
    let onmouseleave = {
        let popover = popover.clone();
        Callback::from(move |_: MouseEvent| {
            if *popover == Popover::Dismissed {
                popover.set(Popover::Auto);
            }
        })
    };
    // A data attribute, not a class the state changes: a computed class goes
    // through Yew's `Classes` set, whose code would ship for this one use.
    let state = match *popover {
        Popover::Auto => "auto",
        Popover::Pinned => "pinned",
        Popover::Dismissed => "dismissed",
    };
    html! {
        <span class="pp-term" data-popover={state} {onmouseleave}>
            <button type="button" class="pp-term-button" aria-describedby={props.id.clone()}
                {onclick} {onkeydown} {onblur}>
                { props.children.clone() }
            </button>
            <span class="pp-term-tip" role="tooltip" id={props.id.clone()}>{ props.definition.clone() }</span>
        </span>
    }
}
