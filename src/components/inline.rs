//! Inline text to DOM nodes. Policy text is data: every string becomes a text
//! node, and only the node types of [`crate::bundle::inline`] become elements.
//! Search matches are wrapped in `<mark>` here, wherever the text is rendered.

use std::ops::Range;

use yew::prelude::*;

use crate::bundle::config::Labels;
use crate::bundle::inline::{self, Inline, LinkTarget};
use crate::search::Highlighter;

/// What rendering text needs besides the text: the labels (struck text is
/// announced with one) and the current search's matches.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub labels: &'a Labels,
    pub highlighter: &'a Highlighter,
}

impl<'a> Ctx<'a> {
    /// The same labels, no search marks (panels outside the policy's sections).
    pub fn unmarked(labels: &'a Labels) -> Self {
        static NONE: std::sync::OnceLock<Highlighter> = std::sync::OnceLock::new();
        Ctx { labels, highlighter: NONE.get_or_init(Highlighter::default) }
    }
}

/// Renders inline text.
pub fn text(source: &str, ctx: Ctx) -> Html {
    let nodes = inline::parse(source);
    let ranges = if ctx.highlighter.is_empty() {
        Vec::new()
    } else {
        let mut plain = String::new();
        inline::push_plain(&nodes, &mut plain);
        ctx.highlighter.ranges(&plain)
    };
    let mut writer = Writer { ctx, ranges, offset: 0 };
    writer.nodes(&nodes)
}

/// Renders a value whose paragraphs are separated by blank lines (tool entries
/// and fields): one `<p>` each when there are several.
pub fn paragraphs(source: &str, ctx: Ctx) -> Html {
    let parts: Vec<&str> = source.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        [one] => text(one, ctx),
        _ => parts.iter().map(|p| html! { <p>{ text(p, ctx) }</p> }).collect(),
    }
}

/// Walks the nodes keeping the offset in the plain text, to place the marks.
struct Writer<'a> {
    ctx: Ctx<'a>,
    ranges: Vec<Range<usize>>,
    offset: usize,
}

impl Writer<'_> {
    fn nodes(&mut self, nodes: &[Inline]) -> Html {
        nodes.iter().map(|n| self.node(n)).collect()
    }

    fn node(&mut self, node: &Inline) -> Html {
        match node {
            Inline::Text(t) => self.words(t),
            Inline::Code(t) => html! { <code>{ self.words(t) }</code> },
            Inline::Strong(c) => html! { <strong>{ self.nodes(c) }</strong> },
            Inline::Emphasis(c) => html! { <em>{ self.nodes(c) }</em> },
            Inline::Struck(c) => {
                let deleted = &self.ctx.labels.deleted_text;
                html! {
                    <del>
                        <span class="pp-visually-hidden">{ format!("[{deleted}: ") }</span>
                        { self.nodes(c) }
                        <span class="pp-visually-hidden">{ "]" }</span>
                    </del>
                }
            }
            Inline::Link { target: LinkTarget::External(href), children } => {
                html! { <a href={href.clone()} rel="noopener noreferrer">{ self.nodes(children) }</a> }
            }
            Inline::Link { target: LinkTarget::Section(id), children } => {
                html! { <a href={format!("#{id}")} data-section={id.clone()}>{ self.nodes(children) }</a> }
            }
            // A refused target: the words stay, the link goes.
            Inline::Link { target: LinkTarget::Refused(_), children } => self.nodes(children),
        }
    }

    /// A run of text, with the parts a search matched in `<mark>`.
    fn words(&mut self, t: &str) -> Html {
        let (start, end) = (self.offset, self.offset + t.len());
        self.offset = end;
        let mut out = Vec::new();
        let mut at = start;
        for r in self.ranges.iter().filter(|r| r.start < end && r.end > start) {
            let (s, e) = (r.start.max(start), r.end.min(end));
            if s > at {
                out.push(html! { { t[at - start..s - start].to_owned() } });
            }
            out.push(html! { <mark>{ t[s - start..e - start].to_owned() }</mark> });
            at = e;
        }
        if at < end || out.is_empty() {
            out.push(html! { { t[at - start..].to_owned() } });
        }
        out.into_iter().collect()
    }
}
