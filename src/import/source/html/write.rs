//! A page's policy as the importer's Markdown: blocks (headings, paragraphs,
//! nested lists, tables, definition lists, quotes) and inline text (links
//! made absolute, emphasis, redlines), the site's parts left out as they come.

use scraper::{ElementRef, Node};
use url::Url;

use super::page::{describe, is_chrome, NEVER_TEXT};
use crate::bundle::inline;
use crate::import::Notice;

/// What was left out, by kind, for the notices.
#[derive(Default)]
pub(super) struct Dropped {
    chrome: Vec<String>,
    links: usize,
}

impl Dropped {
    pub fn notices(&self) -> Vec<Notice> {
        let mut notices = Vec::new();
        if !self.chrome.is_empty() {
            let mut kinds = self.chrome.clone();
            kinds.sort();
            kinds.dedup();
            notices.push(Notice::new(
                0,
                format!(
                    "left out {} part(s) of the page that are the site's, not the policy's: {}",
                    self.chrome.len(),
                    kinds.join(", ")
                ),
            ));
        }
        if self.links > 0 {
            notices.push(Notice::new(
                0,
                format!(
                    "{} relative link(s) kept as text: give the page's address (import its URL) to keep them",
                    self.links
                ),
            ));
        }
        notices
    }
}

/// Writes Markdown blocks for what it walks.
pub(super) struct Writer<'a> {
    pub base: Option<&'a Url>,
    pub out: String,
    pub dropped: &'a mut Dropped,
    pub has_h1: bool,
}

impl Writer<'_> {
    /// The block-level content of `parent`; `depth` is the list nesting.
    pub fn blocks(&mut self, parent: ElementRef<'_>, depth: usize) {
        // Inline content between blocks makes a paragraph of its own.
        let mut inline = String::new();
        for child in parent.children() {
            match child.value() {
                Node::Text(text) => inline.push_str(&inline::escape(&collapse_keep_edges(text))),
                Node::Element(_) => {
                    let element = ElementRef::wrap(child).expect("an element node");
                    let name = element.value().name();
                    if NEVER_TEXT.contains(&name) {
                        continue;
                    }
                    if is_chrome(&element) {
                        self.dropped.chrome.push(describe(element));
                        continue;
                    }
                    if is_block(element) {
                        self.paragraph(&std::mem::take(&mut inline));
                        self.block(element, depth);
                    } else {
                        inline.push_str(&self.inline(element));
                    }
                }
                _ => {}
            }
        }
        self.paragraph(&inline);
    }

    fn block(&mut self, element: ElementRef<'_>, depth: usize) {
        let name = element.value().name();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name[1..].parse::<usize>().unwrap_or(2);
                self.has_h1 |= level == 1;
                let text = self.inline_of(element);
                if !text.trim().is_empty() {
                    self.line(&format!("{} {}", "#".repeat(level), text.trim()));
                }
            }
            "ul" | "ol" | "menu" => self.list(element, depth),
            "table" => self.table(element),
            "dl" => self.definitions(element),
            "blockquote" => {
                let mut inner = Writer { base: self.base, out: String::new(), dropped: self.dropped, has_h1: false };
                inner.blocks(element, depth);
                for line in inner.out.lines().filter(|l| !l.trim().is_empty()) {
                    self.line(&format!("> {line}"));
                }
            }
            "pre" => {
                for line in element.text().collect::<String>().lines().filter(|l| !l.trim().is_empty()) {
                    self.line(&inline::escape(line.trim()));
                }
            }
            "hr" | "br" | "img" => {}
            _ => self.blocks(element, depth),
        }
    }

    fn list(&mut self, list: ElementRef<'_>, depth: usize) {
        let ordered = list.value().name() == "ol";
        let start: usize = list.value().attr("start").and_then(|s| s.parse().ok()).unwrap_or(1);
        let items = list.children().filter_map(ElementRef::wrap).filter(|e| e.value().name() == "li");
        for (n, item) in (start..).zip(items) {
            let marker = if ordered { format!("{n}.") } else { "-".to_owned() };
            let indent = "    ".repeat(depth);
            // The item's own text, then its nested lists below it.
            let nested: Vec<ElementRef> = item
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|e| matches!(e.value().name(), "ul" | "ol"))
                .collect();
            let text = self.inline_children(item, &nested);
            self.out.push_str(&format!("{indent}{marker} {}\n", collapse(&text)));
            for list in nested {
                self.list(list, depth + 1);
            }
        }
        // A blank line ends the whole list, not a nested one.
        if depth == 0 {
            self.out.push('\n');
        }
    }

    fn table(&mut self, table: ElementRef<'_>) {
        let rows: Vec<ElementRef> =
            table.descendants().filter_map(ElementRef::wrap).filter(|e| e.value().name() == "tr").collect();
        if let Some(caption) = table.children().filter_map(ElementRef::wrap).find(|e| e.value().name() == "caption") {
            let caption = self.inline_of(caption);
            self.paragraph(&caption);
        }
        for (i, row) in rows.iter().enumerate() {
            let cells: Vec<ElementRef> = row
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|e| matches!(e.value().name(), "td" | "th"))
                .collect();
            let texts: Vec<String> = cells.iter().map(|c| collapse(&self.inline_of(*c)).replace('|', "\\|")).collect();
            self.out.push_str(&format!("| {} |\n", texts.join(" | ")));
            if i == 0 && cells.iter().all(|c| c.value().name() == "th") {
                self.out.push_str(&format!("|{}\n", "---|".repeat(cells.len())));
            }
        }
        self.out.push('\n');
    }

    /// A definition list as `**Term:** definition` paragraphs, the form the
    /// glossary stage reads.
    fn definitions(&mut self, list: ElementRef<'_>) {
        let mut term = String::new();
        for e in list.descendants().filter_map(ElementRef::wrap) {
            match e.value().name() {
                "dt" => term = collapse(&self.inline_of(e)),
                "dd" => {
                    let definition = collapse(&self.inline_of(e));
                    let text = if term.is_empty() {
                        definition
                    } else {
                        format!("**{}:** {definition}", inline::plain(&term))
                    };
                    self.paragraph(&text);
                    term.clear();
                }
                _ => {}
            }
        }
    }

    /// An inline element as Markdown.
    fn inline(&mut self, element: ElementRef<'_>) -> String {
        let inner = self.inline_of(element);
        let value = element.value();
        let wrap = |mark: &str| {
            let trimmed = inner.trim();
            if trimmed.is_empty() {
                inner.clone()
            } else {
                // Spaces stay outside the marks, where Markdown needs them.
                let (start, end) = (&inner[..inner.len() - inner.trim_start().len()], &inner[inner.trim_end().len()..]);
                format!("{start}{mark}{trimmed}{mark}{end}")
            }
        };
        match value.name() {
            "strong" | "b" => wrap("**"),
            "em" | "i" | "cite" => wrap("*"),
            "del" | "s" | "strike" => wrap("~~"),
            "br" => " ".to_owned(),
            "img" => value.attr("alt").map(|a| inline::escape(a.trim())).unwrap_or_default(),
            "a" => match value.attr("href").map(|h| self.link_target(h)) {
                Some(Some(target)) if !inner.trim().is_empty() => format!("[{}]({target})", inner.trim()),
                _ => inner,
            },
            "time" if inner.trim().is_empty() => value.attr("datetime").unwrap_or_default().to_owned(),
            _ => inner,
        }
    }

    /// The inline content of an element, whatever its own kind.
    fn inline_of(&mut self, element: ElementRef<'_>) -> String {
        self.inline_children(element, &[])
    }

    /// The inline content of an element's children but `except`.
    fn inline_children(&mut self, element: ElementRef<'_>, except: &[ElementRef<'_>]) -> String {
        let mut out = String::new();
        for child in element.children() {
            match child.value() {
                Node::Text(t) => out.push_str(&inline::escape(&collapse_keep_edges(t))),
                Node::Element(e) if !NEVER_TEXT.contains(&e.name()) => {
                    let e = ElementRef::wrap(child).expect("an element node");
                    if except.contains(&e) {
                        continue;
                    }
                    if is_chrome(&e) {
                        self.dropped.chrome.push(describe(e));
                    } else if is_block(e) {
                        let inner = self.inline_of(e);
                        if !out.ends_with(' ') && !out.is_empty() {
                            out.push(' ');
                        }
                        out.push_str(&inner);
                    } else {
                        out.push_str(&self.inline(e));
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// A link's target as the bundle can hold it: absolute, in an allowed
    /// scheme; `None` keeps its text alone.
    fn link_target(&mut self, href: &str) -> Option<String> {
        let href = href.trim();
        if href.is_empty() || href.starts_with('#') || href.starts_with("javascript:") {
            return None;
        }
        let absolute = match Url::parse(href) {
            Ok(url) => url,
            Err(_) => match self.base.map(|b| b.join(href)) {
                Some(Ok(url)) => url,
                _ => {
                    self.dropped.links += 1;
                    return None;
                }
            },
        };
        matches!(absolute.scheme(), "https" | "http" | "mailto" | "tel").then(|| absolute.to_string())
    }

    fn paragraph(&mut self, text: &str) {
        let text = collapse(text);
        if !text.is_empty() {
            self.line(&text);
        }
    }

    /// A block of its own, with a blank line after it.
    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push_str("\n\n");
    }
}

/// Whether an element starts a block of its own in a page's layout.
pub(super) fn is_block(e: ElementRef<'_>) -> bool {
    matches!(
        e.value().name(),
        "html"
            | "body"
            | "p"
            | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "menu"
            | "li"
            | "table"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "address"
            | "hr"
            | "form"
            | "fieldset"
            | "details"
            | "summary"
            | "center"
    )
}

/// Runs of whitespace as one space, trimmed.
pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs of whitespace as one space, keeping one at either end where there
/// was any: "We <b>do not</b> sell" keeps its spaces around the bold words.
fn collapse_keep_edges(text: &str) -> String {
    let inner = collapse(text);
    if inner.is_empty() {
        return if text.is_empty() { String::new() } else { " ".to_owned() };
    }
    let start = if text.starts_with(char::is_whitespace) { " " } else { "" };
    let end = if text.ends_with(char::is_whitespace) { " " } else { "" };
    format!("{start}{inner}{end}")
}
