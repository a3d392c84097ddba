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
//!
//! `page` finds the policy in the page and tells the site's parts from it;
//! `write` turns what it holds into Markdown.

mod page;
mod write;

use scraper::Html;
use url::Url;

use super::Source;
use crate::import::Notice;
use page::{describe, page_title, policy_root};
use write::{Dropped, Writer};

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
