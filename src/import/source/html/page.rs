//! Where the policy is in a page, and which of the page's parts are the
//! site's: its navigation, banners, footers, sidebars and notices.

use scraper::{ElementRef, Html};

use super::write::{collapse, is_block};

/// Elements that are never the policy's text.
pub(super) const NEVER_TEXT: [&str; 14] = [
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

/// The element that holds the policy.
pub(super) fn policy_root(root: ElementRef<'_>) -> ElementRef<'_> {
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

pub(super) fn is_chrome(e: &ElementRef<'_>) -> bool {
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
pub(super) fn describe(e: ElementRef<'_>) -> String {
    let element = e.value();
    match (element.attr("id"), element.attr("class")) {
        (Some(id), _) => format!("{} id=\"{id}\"", element.name()),
        (None, Some(class)) => format!("{} class=\"{class}\"", element.name()),
        _ => element.name().to_owned(),
    }
}

/// The page's `<title>` without its site name: "Privacy Policy | Town of
/// Example, MA" → "Privacy Policy".
pub(super) fn page_title(page: &Html) -> Option<String> {
    let title = page.root_element().descendants().filter_map(ElementRef::wrap).find(|e| e.value().name() == "title")?;
    let text = collapse(&title.text().collect::<String>());
    let separators = [" | ", " – ", " — ", " - ", " :: ", " » "];
    let end = separators.iter().filter_map(|s| text.find(s)).min().unwrap_or(text.len());
    let first = text[..end].trim();
    (!first.is_empty()).then(|| first.to_owned())
}
