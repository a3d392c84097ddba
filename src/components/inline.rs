//! Inline text to DOM nodes. Policy text is data: every string becomes a text
//! node, and only the node types of [`crate::bundle::inline`] become elements.
//! Search matches are wrapped in `<mark>` here, wherever the text is rendered,
//! and glossary terms become [`term`]s showing their definitions.

use std::cell::RefCell;
use std::ops::Range;

use yew::prelude::*;

use super::term::term;
use crate::bundle::config::Labels;
use crate::bundle::inline::{self, Inline, LinkTarget};
use crate::bundle::Definition;
use crate::search::{Highlighter, Terms};

/// What rendering text needs besides the text: the labels (struck text is
/// announced with one), the current search's matches and, in the policy's own
/// text, the glossary.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub labels: &'a Labels,
    pub highlighter: &'a Highlighter,
    pub glossary: Option<&'a Glossary<'a>>,
}

impl<'a> Ctx<'a> {
    /// The same labels, no search marks, no terms (panels outside the policy's sections).
    pub fn unmarked(labels: &'a Labels) -> Self {
        static NONE: std::sync::OnceLock<Highlighter> = std::sync::OnceLock::new();
        Ctx { labels, highlighter: NONE.get_or_init(Highlighter::default), glossary: None }
    }

    /// The same, without glossary terms (text inside a button, such as a
    /// section's title: a term there would be a control inside a control).
    pub fn without_terms(self) -> Self {
        Ctx { glossary: None, ..self }
    }
}

/// The glossary as text needs it, worked out once per bundle: where its terms
/// stand, and each definition as its popover says it (a mark used to work out
/// its popover's text on every render, a tenth of a keystroke's time).
#[derive(Default)]
pub struct GlossaryTerms {
    terms: Terms,
    tips: Vec<AttrValue>,
}

impl GlossaryTerms {
    pub fn new(definitions: &[Definition]) -> Self {
        GlossaryTerms { terms: Terms::new(definitions), tips: definitions.iter().map(|d| tip_text(d).into()).collect() }
    }
}

/// The glossary while one part of the policy (a section, the introduction)
/// renders. Only a term's first use in each part is marked: every mark is a
/// tab stop, and a paragraph of them would be a wall of controls.
pub struct Glossary<'a> {
    terms: &'a GlossaryTerms,
    /// Makes the definitions' element ids unique: the part's own id.
    scope: &'a str,
    used: RefCell<Vec<usize>>,
}

impl<'a> Glossary<'a> {
    pub fn new(terms: &'a GlossaryTerms, scope: &'a str) -> Self {
        Glossary { terms, scope, used: RefCell::new(Vec::new()) }
    }

    /// The terms of `text` not yet marked in this part, and notes them as marked.
    fn first_uses(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        let mut used = self.used.borrow_mut();
        let mut found = self.terms.terms.find(text);
        found.retain(|(_, d)| {
            let first = !used.contains(d);
            used.push(*d);
            first
        });
        found
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
    let mut writer = Writer { ctx, ranges, offset: 0, in_link: false };
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

/// A link to a section of the policy, named by its title (summary points,
/// facts, the table of contents). The view's click handler opens the section.
pub fn section_link(class: Option<&'static str>, section: &crate::bundle::Section, ctx: Ctx) -> Html {
    let keys = &["href", "data-section", "class"];
    let values = [Some(format!("#{}", section.id).into()), Some(section.id.clone().into()), class.map(AttrValue::from)];
    super::element::element("a", keys, values, text(&section.title, ctx))
}

/// `<del>` or `<ins>` whose words a screen reader announces as deleted or
/// inserted ("[deleted text: …]"): most do not announce the elements themselves.
pub fn announced(tag: &'static str, label: &str, children: Html) -> Html {
    let hidden = |text: String| html! { <span class="pp-visually-hidden">{ text }</span> };
    let all = html! { <>{ hidden(format!("[{label}: ")) }{ children }{ hidden("]".into()) }</> };
    super::element::element(tag, &[], [], all)
}

/// A definition as its popover shows it: plain text, without a leading "Term:"
/// that would repeat the word the reader is pointing at (the glossary section
/// keeps the whole text).
fn tip_text(d: &Definition) -> String {
    let text = inline::plain(&d.text);
    for name in std::iter::once(&d.term).chain(&d.aliases).map(|n| inline::plain(n)) {
        let rest = text.get(..name.len()).filter(|head| head.eq_ignore_ascii_case(&name)).map(|_| &text[name.len()..]);
        if let Some(rest) = rest.and_then(|r| r.trim_start().strip_prefix([':', '-', '–', '—'])) {
            if !rest.trim().is_empty() {
                return rest.trim_start().to_owned();
            }
        }
    }
    text
}

/// Walks the nodes keeping the offset in the plain text, to place the marks.
struct Writer<'a> {
    ctx: Ctx<'a>,
    ranges: Vec<Range<usize>>,
    offset: usize,
    /// Inside a link no term is marked (a control inside a control).
    in_link: bool,
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
            Inline::Struck(c) => announced("del", self.ctx.labels.deleted_text(), self.nodes(c)),
            Inline::Link { target: LinkTarget::External(href), children } => {
                html! { <a href={href.clone()} rel="noopener noreferrer">{ self.link_text(children) }</a> }
            }
            Inline::Link { target: LinkTarget::Section(id), children } => {
                html! { <a href={format!("#{id}")} data-section={id.clone()}>{ self.link_text(children) }</a> }
            }
            // A refused target: the words stay, the link goes.
            Inline::Link { target: LinkTarget::Refused(_), children } => self.nodes(children),
        }
    }

    fn link_text(&mut self, children: &[Inline]) -> Html {
        self.in_link = true;
        let html = self.nodes(children);
        self.in_link = false;
        html
    }

    /// A run of text: glossary terms as [`term`]s, search matches in `<mark>`.
    fn words(&mut self, t: &str) -> Html {
        let base = self.offset;
        self.offset += t.len();
        let glossary = self.ctx.glossary.filter(|_| !self.in_link);
        let terms = glossary.map(|g| g.first_uses(t)).unwrap_or_default();
        let (Some(glossary), false) = (glossary, terms.is_empty()) else { return self.marked(t, base, 0..t.len()) };
        let mut out = Vec::new();
        let mut at = 0;
        for (range, definition) in terms {
            if range.start > at {
                out.push(self.marked(t, base, at..range.start));
            }
            let id = format!("{}-def-{definition}", glossary.scope);
            out.push(term(id, glossary.terms.tips[definition].clone(), self.marked(t, base, range.clone())));
            at = range.end;
        }
        if at < t.len() {
            out.push(self.marked(t, base, at..t.len()));
        }
        out.into_iter().collect()
    }

    /// `piece` of the run `t` (which starts at `base` in the plain text), with
    /// the parts a search matched in `<mark>`.
    fn marked(&self, t: &str, base: usize, piece: Range<usize>) -> Html {
        let (start, end) = (base + piece.start, base + piece.end);
        let mut out = Vec::new();
        let mut at = start;
        for r in self.ranges.iter().filter(|r| r.start < end && r.end > start) {
            let (s, e) = (r.start.max(start), r.end.min(end));
            if s > at {
                out.push(html! { { t[at - base..s - base].to_owned() } });
            }
            out.push(html! { <mark>{ t[s - base..e - base].to_owned() }</mark> });
            at = e;
        }
        if at < end || out.is_empty() {
            out.push(html! { { t[at - base..end - base].to_owned() } });
        }
        out.into_iter().collect()
    }
}
