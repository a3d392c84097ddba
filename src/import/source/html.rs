//! A web page as the importer's Markdown: the policy found in a whole CMS page
//! (Drupal, WordPress, CivicPlus, Granicus, a hand-made site), its structure
//! kept — headings, nested lists, tables, definition lists, links, emphasis,
//! struck text as redlines — and the page's chrome left out.
//!
//! The policy is the page's `main` (or `[role=main]`, or its one `article`);
//! a page with none of these is searched for its densest block of text, as
//! reader modes do. Inside it, navigation, banners, footers, sidebars, cookie
//! notices, forms' controls, scripts and styles are dropped, each kind counted
//! in a notice.

use scraper::{ElementRef, Html, Node};
use url::Url;

use super::Source;
use crate::bundle::inline;
use crate::import::Notice;

/// Elements that are never the policy's text.
const NEVER_TEXT: [&str; 14] = [
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "button", "input", "select",
    "textarea", "head", "dialog",
];

/// Elements that are the site's, not the policy's: left out wherever they stand.
const CHROME: [&str; 4] = ["nav", "header", "footer", "aside"];

/// ARIA roles of the same.
const CHROME_ROLES: [&str; 6] = ["navigation", "banner", "contentinfo", "complementary", "search", "dialog"];

/// Words in an `id` or `class` that mark a block as the site's chrome: a
/// cookie banner, a breadcrumb trail, a share bar, a skip link.
const CHROME_NAMES: [&str; 12] = [
    "cookie",
    "consent",
    "gdpr",
    "breadcrumb",
    "skip-link",
    "skiplink",
    "share",
    "social",
    "sidebar",
    "navbar",
    "site-header",
    "site-footer",
];

/// Converts a whole page. `base` is the page's address: relative links
/// become absolute against it; without one they are left as text.
pub fn convert(html: &str, base: Option<&Url>) -> Source {
    let page = Html::parse_document(html);
    let root = page.root_element();
    let mut dropped = Dropped::default();
    let main = policy_root(root);
    let mut writer = Writer { base, out: String::new(), dropped: &mut dropped, has_h1: false };
    writer.blocks(main, 0);
    let (has_h1, markdown) = (writer.has_h1, writer.out);
    let mut notices = Vec::new();
    if main != root {
        notices
            .push(Notice::new(0, format!("kept the page's main content (<{}>), not its surroundings", describe(main))));
    }
    notices.extend(dropped.notices());
    let language = root.value().attr("lang").map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned);
    // The page's <title> is the policy's only where the policy names itself nowhere else.
    let title = if has_h1 { None } else { page_title(&page) };
    Source { text: markdown, title, language, notices }
}

/// The element that holds the policy.
fn policy_root(root: ElementRef<'_>) -> ElementRef<'_> {
    let elements: Vec<ElementRef> = root.descendants().filter_map(ElementRef::wrap).filter(|e| !is_chrome(e)).collect();
    if let Some(main) = elements.iter().find(|e| e.value().name() == "main" || e.value().attr("role") == Some("main")) {
        return *main;
    }
    let articles: Vec<&ElementRef> = elements.iter().filter(|e| e.value().name() == "article").collect();
    if let [article] = articles.as_slice() {
        return **article;
    }
    densest_block(root).unwrap_or(root)
}

/// The block with the most text in paragraphs, list items, headings and
/// table cells of its own, its children's counting half (as Readability
/// scores): a whole page's wrapper holds the text too, but thinly.
fn densest_block<'a>(root: ElementRef<'a>) -> Option<ElementRef<'a>> {
    let mut scores: Vec<(ElementRef<'a>, usize)> = Vec::new();
    let mut add = |element: ElementRef<'a>, score: usize| match scores.iter_mut().find(|(e, _)| *e == element) {
        Some((_, s)) => *s += score,
        None => scores.push((element, score)),
    };
    for e in root.descendants().filter_map(ElementRef::wrap) {
        // A text block holds text, not other blocks: a layout table's cell
        // holding the whole page is not a paragraph of it.
        let holds_blocks = || e.descendants().skip(1).filter_map(ElementRef::wrap).any(is_block);
        if !matches!(e.value().name(), "p" | "li" | "h2" | "h3" | "h4" | "td" | "dd" | "blockquote")
            || holds_blocks()
            || inside_chrome(e)
        {
            continue;
        }
        let length: usize = e.text().map(|t| t.trim().len()).sum();
        let mut parents =
            e.ancestors().filter_map(ElementRef::wrap).filter(|p| p.value().name() != "ul" && p.value().name() != "ol");
        if let Some(parent) = parents.next() {
            add(parent, length);
            if let Some(grandparent) = parents.next() {
                add(grandparent, length / 2);
            }
        }
    }
    scores.into_iter().max_by_key(|(_, s)| *s).map(|(e, _)| e)
}

fn is_chrome(e: &ElementRef<'_>) -> bool {
    let element = e.value();
    // An article's own header or footer (its title, its date) is the
    // article's: only the page's are the site's (as HTML maps them to roles).
    let own = |name: &str| {
        matches!(name, "header" | "footer")
            && e.ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| matches!(a.value().name(), "article" | "main" | "section"))
    };
    if (CHROME.contains(&element.name()) && !own(element.name()))
        || element.attr("role").is_some_and(|r| CHROME_ROLES.contains(&r))
    {
        return true;
    }
    if element.attr("aria-hidden") == Some("true") || element.attr("hidden").is_some() {
        return true;
    }
    // Names mark the site's boxes only: a heading's id ("links-to-social-media")
    // names the policy's own text, and so may a long box's class.
    if !matches!(element.name(), "div" | "section" | "span" | "ul" | "ol" | "form" | "table" | "a") {
        return false;
    }
    let names = format!("{} {}", element.attr("id").unwrap_or_default(), element.attr("class").unwrap_or_default())
        .to_ascii_lowercase();
    CHROME_NAMES.iter().any(|n| names.contains(n)) && e.text().map(str::len).sum::<usize>() < 1000
}

fn inside_chrome(e: ElementRef<'_>) -> bool {
    e.ancestors().filter_map(ElementRef::wrap).any(|a| is_chrome(&a) || NEVER_TEXT.contains(&a.value().name()))
}

/// `main`, or `div id="content"`: how a notice names an element.
fn describe(e: ElementRef<'_>) -> String {
    let element = e.value();
    match (element.attr("id"), element.attr("class")) {
        (Some(id), _) => format!("{} id=\"{id}\"", element.name()),
        (None, Some(class)) => format!("{} class=\"{class}\"", element.name()),
        _ => element.name().to_owned(),
    }
}

/// The page's `<title>` without its site name: "Privacy Policy | Town of
/// Example, MA" → "Privacy Policy".
fn page_title(page: &Html) -> Option<String> {
    let title = page.root_element().descendants().filter_map(ElementRef::wrap).find(|e| e.value().name() == "title")?;
    let text = collapse(&title.text().collect::<String>());
    let separators = [" | ", " – ", " — ", " - ", " :: ", " » "];
    let end = separators.iter().filter_map(|s| text.find(s)).min().unwrap_or(text.len());
    let first = text[..end].trim();
    (!first.is_empty()).then(|| first.to_owned())
}

/// What was left out, by kind, for the notices.
#[derive(Default)]
struct Dropped {
    chrome: Vec<String>,
    links: usize,
}

impl Dropped {
    fn notices(&self) -> Vec<Notice> {
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
struct Writer<'a> {
    base: Option<&'a Url>,
    out: String,
    dropped: &'a mut Dropped,
    has_h1: bool,
}

impl Writer<'_> {
    /// The block-level content of `parent`; `depth` is the list nesting.
    fn blocks(&mut self, parent: ElementRef<'_>, depth: usize) {
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
            // The item's own text, then its nested lists (and other blocks) below it.
            let mut text = String::new();
            let mut nested = Vec::new();
            for child in item.children() {
                match child.value() {
                    Node::Text(t) => text.push_str(&inline::escape(&collapse_keep_edges(t))),
                    Node::Element(_) => {
                        let e = ElementRef::wrap(child).expect("an element node");
                        if NEVER_TEXT.contains(&e.value().name()) {
                            continue;
                        }
                        if matches!(e.value().name(), "ul" | "ol") {
                            nested.push(e);
                        } else if is_block(e) {
                            let inner = self.inline_of(e);
                            if !text.trim().is_empty() && !inner.trim().is_empty() {
                                text.push(' ');
                            }
                            text.push_str(&inner);
                        } else {
                            text.push_str(&self.inline(e));
                        }
                    }
                    _ => {}
                }
            }
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
        let mut out = String::new();
        for child in element.children() {
            match child.value() {
                Node::Text(t) => out.push_str(&inline::escape(&collapse_keep_edges(t))),
                Node::Element(e) if !NEVER_TEXT.contains(&e.name()) => {
                    let e = ElementRef::wrap(child).expect("an element node");
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
fn is_block(e: ElementRef<'_>) -> bool {
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
fn collapse(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn markdown(html: &str) -> String {
        convert(html, Url::parse("https://www.example-town.gov/privacy/").ok().as_ref()).text
    }

    #[test]
    fn a_cms_page_gives_its_main_content_without_the_sites_chrome() {
        let page = r#"<!doctype html><html lang="en-US"><head><title>Privacy Policy | Town of Example, MA</title>
            <style>p{color:red}</style><script>track()</script></head><body>
            <header><nav><a href="/">Home</a> <a href="/departments">Departments</a></nav></header>
            <div id="cookie-banner">We use cookies. <button>Accept</button></div>
            <main><h2>Information we collect</h2><p>We collect what you <b>choose</b> to send.</p></main>
            <aside>Related links</aside><footer>© Town of Example</footer></body></html>"#;
        let source = convert(page, None);
        assert_eq!(source.text, "## Information we collect\n\nWe collect what you **choose** to send.\n\n");
        assert_eq!(source.title.as_deref(), Some("Privacy Policy"), "the <title> without its site name");
        assert_eq!(source.language.as_deref(), Some("en-US"));
        let notes = source.notices.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
        assert!(notes.contains("<main>"), "{notes}");
    }

    #[test]
    fn without_main_the_densest_block_is_the_policy() {
        let page = r#"<body><div class="menu"><p>Home</p><p>Contact</p></div>
            <div class="content"><div class="field"><p>This policy says how the Town collects information online.</p>
            <p>We never sell personal information to anyone, for any purpose.</p></div></div>
            <div class="footer-links"><p>Site map</p></div></body>"#;
        let text = markdown(page);
        assert!(text.starts_with("This policy says"), "{text}");
        assert!(!text.contains("Site map") && !text.contains("Home"), "{text}");
    }

    #[test]
    fn lists_nest_tables_keep_their_header_and_definitions_become_glossary_lines() {
        let page = r#"<main><ul><li>Forms<ul><li>Permits</li></ul></li><li>Email</li></ul>
            <ol start="3"><li>Third</li></ol>
            <table><tr><th>Tool</th><th>Purpose</th></tr><tr><td>Analytics</td><td>Counting | visits</td></tr></table>
            <dl><dt>Cookie</dt><dd>A small file.</dd></dl></main>"#;
        assert_eq!(
            markdown(page),
            "- Forms\n    - Permits\n- Email\n\n3. Third\n\n| Tool | Purpose |\n|---|---|\n| Analytics | Counting \\| visits |\n\n**Cookie:** A small file.\n\n"
        );
    }

    #[test]
    fn links_become_absolute_redlines_are_struck_and_text_stays_text() {
        let page = r#"<main><p>See the <a href="../records/">records page</a>, <a href="mailto:clerk@example.gov">write</a>
            or <a href="javascript:void(0)">click</a>. <del>We sell data.</del> <s>Old</s> 5 * 3 &lt;b&gt;</p></main>"#;
        let text = markdown(page);
        assert!(text.contains("[records page](https://www.example-town.gov/records/)"), "{text}");
        assert!(text.contains("[write](mailto:clerk@example.gov)"), "{text}");
        assert!(text.contains("or click."), "a script link keeps its words only: {text}");
        assert!(text.contains("~~We sell data.~~ ~~Old~~"), "{text}");
        assert!(text.contains("5 \\* 3 \\<b\\>"), "markup in the text stays text: {text}");
    }

    #[test]
    fn a_page_that_names_itself_in_an_h1_keeps_it_and_its_dates() {
        let page = r#"<html><head><title>Privacy | City</title></head><body><main><h1>Website Privacy Policy</h1>
            <p>Last updated: <time datetime="2024-03-15">March 15, 2024</time></p><p>Body.</p></main></body></html>"#;
        let source = convert(page, None);
        assert_eq!(source.title, None, "the h1 is the title, read by the importer");
        assert!(source.text.starts_with("# Website Privacy Policy\n\nLast updated: March 15, 2024"), "{}", source.text);
    }
}
