//! Inline text to DOM nodes. Policy text is data: every string becomes a text
//! node, and only the node types of [`crate::bundle::inline`] become elements.

use yew::prelude::*;

use crate::bundle::inline::{self, Inline, LinkTarget};

/// Renders inline text. `deleted` labels struck text for screen readers, which
/// do not announce `<del>` by default.
pub fn text(source: &str, deleted: &str) -> Html {
    nodes(&inline::parse(source), deleted)
}

/// Renders a value whose paragraphs are separated by blank lines (tool entries
/// and fields): one `<p>` each when there are several.
pub fn paragraphs(source: &str, deleted: &str) -> Html {
    let parts: Vec<&str> = source.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        [one] => text(one, deleted),
        _ => parts.iter().map(|p| html! { <p>{ text(p, deleted) }</p> }).collect(),
    }
}

fn nodes(nodes: &[Inline], deleted: &str) -> Html {
    nodes.iter().map(|n| node(n, deleted)).collect()
}

fn node(node: &Inline, deleted: &str) -> Html {
    match node {
        Inline::Text(t) => html! { { t.clone() } },
        Inline::Code(t) => html! { <code>{ t.clone() }</code> },
        Inline::Strong(c) => html! { <strong>{ nodes(c, deleted) }</strong> },
        Inline::Emphasis(c) => html! { <em>{ nodes(c, deleted) }</em> },
        Inline::Struck(c) => html! {
            <del>
                <span class="pp-visually-hidden">{ format!("[{deleted}: ") }</span>
                { nodes(c, deleted) }
                <span class="pp-visually-hidden">{ "]" }</span>
            </del>
        },
        Inline::Link { target: LinkTarget::External(href), children } => {
            html! { <a href={href.clone()} rel="noopener noreferrer">{ nodes(children, deleted) }</a> }
        }
        Inline::Link { target: LinkTarget::Section(id), children } => {
            html! { <a href={format!("#{id}")} data-section={id.clone()}>{ nodes(children, deleted) }</a> }
        }
        // A refused target: the words stay, the link goes.
        Inline::Link { target: LinkTarget::Refused(_), children } => nodes(children, deleted),
    }
}
