//! Components rendered natively with Yew's server renderer: the markup a
//! resident's browser and screen reader receive, for every seed bundle.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;
use std::rc::Rc;

use policy_widget::bundle::{self, Bundle};
use policy_widget::components::{self, FirstPaint, PolicyView, PolicyViewProps};
use yew::ServerRenderer;

fn render(bundle: Bundle) -> String {
    render_with(bundle, FirstPaint::Whole)
}

/// The first render (as the embedded widget paints it first, but for `Whole`).
fn render_with(bundle: Bundle, first_paint: FirstPaint) -> String {
    let props = move || PolicyViewProps { bundle: Rc::new(bundle), first_paint };
    futures::executor::block_on(ServerRenderer::<PolicyView>::with_props(props).hydratable(false).render())
}

fn seed(slug: &str) -> Bundle {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("www/policies/{slug}.json"));
    bundle::check_json(&std::fs::read_to_string(path).unwrap()).unwrap().0
}

const SEEDS: [&str; 5] = ["concord", "westfield", "massgov-2016", "massgov-2002", "cambridge-schools"];

/// Every value of `attribute` in the markup.
fn values<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let needle = format!(" {attribute}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

/// The start tag that contains `needle` (attribute order is the renderer's).
fn tag_with<'a>(html: &'a str, needle: &str) -> Option<&'a str> {
    let at = html.find(needle)?;
    let start = html[..at].rfind('<')?;
    let end = at + html[at..].find('>')?;
    Some(&html[start..=end])
}

#[test]
fn every_section_is_an_accordion_button_controlling_a_findable_panel() {
    // The seeds, and an update with what changed (its own controls and ids).
    for slug in SEEDS.into_iter().chain(["massgov-2016-update"]) {
        let bundle = seed(slug);
        let html = render(bundle.clone());
        let ids: Vec<&str> = values(&html, "id");
        for (_, section) in bundle.sections_flat() {
            let button = tag_with(&html, &format!("id=\"{}-button\"", section.id)).unwrap_or_default();
            assert!(button.starts_with("<button type=\"button\""), "{slug}: no button for {}", section.id);
            assert!(
                button.contains("aria-expanded=\"false\"")
                    && button.contains(&format!("aria-controls=\"{}-panel\"", section.id)),
                "{slug}: {button}"
            );
            let panel = tag_with(&html, &format!("id=\"{}-panel\"", section.id)).unwrap_or_default();
            assert!(
                panel.contains("hidden=\"until-found\""),
                "{slug}: {} panel is not findable when closed: {panel}",
                section.id
            );
        }
        for controlled in values(&html, "aria-controls") {
            assert!(ids.contains(&controlled), "{slug}: aria-controls={controlled} names no element");
        }
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len(), "{slug}: duplicate element ids");
    }
}

#[test]
fn headings_start_at_the_configured_level_and_nest() {
    let mut bundle = common::small_bundle();
    bundle.config.heading_level = 3;
    let html = render(bundle);
    assert!(html.contains("<h3 class=\"pp-title\">"), "title at h3");
    assert!(html.contains("<h4 class=\"pp-section-heading\"><button type=\"button\" id=\"collection-button\""));
    assert!(html.contains("<h5 class=\"pp-section-heading\"><button type=\"button\" id=\"cookies-button\""));
    assert!(html.contains("<h5 class=\"pp-tool-name\">Analytics</h5>"), "tool names one below their section");
    assert!(!html.contains("<h2"), "nothing above the configured level");
}

#[test]
fn policy_text_is_text_never_markup() {
    let html = render(common::small_bundle());
    assert!(!html.contains("<img") && !html.contains("<script"), "markup in the text was rendered as markup");
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;"),
        "the text shows literally"
    );
}

#[test]
fn redlines_are_deletions_that_screen_readers_announce() {
    let html = render(common::small_bundle());
    assert!(html.contains("<del><span class=\"pp-visually-hidden\">[deleted text: </span>his/her<span class=\"pp-visually-hidden\">]</span></del>"));
}

#[test]
fn summary_facts_and_glossary_link_to_their_sections() {
    let html = render(common::small_bundle());
    assert!(html.contains("We never sell your data."));
    assert!(html.contains("<span class=\"pp-fact-label\">Sells your data</span><span class=\"pp-fact-value\">No</span><a href=\"#selling\" data-section=\"selling\" class=\"pp-fact-source\">Selling</a>"));
    assert!(html.contains("Internet Protocol address"), "aliases shown in the glossary");
    assert!(html.contains("Effective <time datetime=\"2024-02-29\">February 29, 2024</time>"));
}

#[test]
fn the_initial_state_and_hidden_panels_follow_the_config() {
    let mut bundle = common::small_bundle();
    bundle.config.initial = policy_widget::bundle::config::InitialState::Expanded;
    bundle.config.show.facts = false;
    let html = render(bundle);
    assert!(!html.contains("hidden=\"until-found\""), "all open");
    assert!(tag_with(&html, "pp-toggle-all").is_some_and(|t| t.contains("aria-expanded=\"true\"")));
    assert!(html.contains("Collapse all sections"));
    assert!(!html.contains("pp-facts"), "facts hidden by config");
}

#[test]
fn the_embedded_widgets_first_paint_holds_every_heading_and_the_open_sections_text() {
    let mut bundle = common::small_bundle();
    bundle.config.initial = policy_widget::bundle::config::InitialState::First;
    let first = render_with(bundle.clone(), FirstPaint::FirstScreen);
    let whole = render_with(bundle, FirstPaint::Whole);
    for heading in ["What we collect", "Selling", "We never sell your data."] {
        assert!(first.contains(heading), "{heading} in the first paint");
    }
    assert!(first.contains("Your <del"), "the open first section's text is there");
    assert!(!first.contains("Session cookies only."), "its closed subsection waits");
    assert!(whole.contains("Session cookies only."), "unless the view renders everything at once");
    let panel = tag_with(&first, "id=\"selling-panel\"").unwrap();
    assert!(panel.contains("hidden=\"until-found\""), "a closed panel is there, empty: {panel}");
    assert_eq!(values(&first, "aria-controls"), values(&whole, "aria-controls"), "every button controls its panel");
}

#[test]
fn a_long_policys_first_paint_holds_its_first_screen_and_the_rest_follows() {
    let mut bundle = common::small_bundle();
    let template = bundle.sections[1].clone();
    bundle.sections = (1..=40)
        .map(|i| policy_widget::bundle::Section {
            id: format!("part-{i}"),
            title: format!("Part {i}"),
            ..template.clone()
        })
        .collect();
    bundle.summary.clear();
    bundle.facts.clear();
    bundle.definitions.clear();
    let first = render_with(bundle.clone(), FirstPaint::FirstScreen);
    let linked = render_with(bundle.clone(), FirstPaint::Headings);
    let whole = render_with(bundle, FirstPaint::Whole);
    let headings = |html: &str| values(html, "aria-controls").iter().filter(|c| c.starts_with("part-")).count();
    let entries = |html: &str| values(html, "href").iter().filter(|h| h.starts_with("#part-")).count();
    assert_eq!((headings(&first), entries(&first)), (24, 24), "a tall screen's worth of headings and contents");
    assert!(first.contains("Part 24") && !first.contains("Part 25"));
    assert_eq!((headings(&whole), entries(&whole)), (40, 40), "every section once the first paint is behind");
    // A deep link's page: every section, so the link's target is there to scroll to.
    assert_eq!((headings(&linked), entries(&linked)), (40, 40));
    assert!(!linked.contains("Counting visits.") && whole.contains("Counting visits."), "closed text still waits");
}

#[test]
fn the_search_form_and_its_silent_status_line_exist_from_the_start() {
    let html = render(common::small_bundle());
    assert!(tag_with(&html, "role=\"search\"").is_some_and(|t| t.starts_with("<form")));
    assert!(html.contains("<label for=\"pp-search-input\" class=\"pp-search-label\">Search this policy</label>"));
    let status = tag_with(&html, "id=\"pp-search-status\"").unwrap();
    assert!(status.contains("role=\"status\""));
    assert!(html.contains(&format!("{status}</p>")), "empty before a search");
}

mod properties {
    use policy_widget::import::{import, Options};
    use proptest::prelude::*;

    use super::{render, values};

    /// Policies of random shape: headings of several styles, nested levels,
    /// repeated titles (which must still get unique ids).
    fn policy() -> impl Strategy<Value = String> {
        let title = prop::sample::select(vec!["Cookies", "Security", "Your rights", "Cookies", "Records", "Changes"]);
        let line = (0..5usize, title).prop_map(|(kind, t)| match kind {
            0 => format!("## {t}\n\nText about {t}."),
            1 => format!("### {t}\n\nMore about {t}."),
            2 => format!("**{t}.** Run-in text."),
            3 => format!("_{t}._ Italic run-in."),
            _ => format!("- an item about {t}"),
        });
        prop::collection::vec(line, 1..25).prop_map(|lines| lines.join("\n\n"))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 60, ..ProptestConfig::default() })]

        #[test]
        fn ids_are_unique_and_every_aria_controls_resolves(text in policy()) {
            let bundle = import(&text, &Options::default()).bundle;
            let html = render(bundle);
            let ids = values(&html, "id");
            let mut unique = ids.clone();
            unique.sort_unstable();
            unique.dedup();
            prop_assert_eq!(unique.len(), ids.len(), "duplicate element ids");
            for controlled in values(&html, "aria-controls") {
                prop_assert!(ids.contains(&controlled), "aria-controls={} names no element", controlled);
            }
        }
    }
}

/// The terms marked in the markup: (button text, the id it is described by).
fn terms(html: &str) -> Vec<(String, String)> {
    html.match_indices("class=\"pp-term-button\"")
        .map(|(i, _)| {
            let tag = &html[html[..i].rfind('<').unwrap()..i + html[i..].find('>').unwrap()];
            let described = values(tag, "aria-describedby")[0].to_owned();
            let rest = &html[i..];
            let text = &rest[rest.find('>').unwrap() + 1..rest.find("</button>").unwrap()];
            (text.replace("<mark>", "").replace("</mark>", ""), described)
        })
        .collect()
}

#[test]
fn glossary_terms_are_marked_once_per_section_and_described_by_their_definition() {
    for slug in SEEDS {
        let bundle = seed(slug);
        let html = render(bundle.clone());
        let found = terms(&html);
        assert_eq!(found.is_empty(), bundle.definitions.is_empty(), "{slug}: terms marked iff there is a glossary");
        let mut ids: Vec<&str> = found.iter().map(|(_, id)| id.as_str()).collect();
        for (text, id) in &found {
            let tip = tag_with(&html, &format!("id=\"{id}\"")).unwrap_or_else(|| panic!("{slug}: {id} names nothing"));
            assert!(tip.contains("role=\"tooltip\""), "{slug}: {tip}");
            let index: usize = id.rsplit('-').next().unwrap().parse().unwrap();
            let d = &bundle.definitions[index];
            let names: Vec<String> = std::iter::once(&d.term).chain(&d.aliases).map(|t| t.to_lowercase()).collect();
            let text = text.to_lowercase();
            assert!(names.iter().any(|n| text == *n || text == format!("{n}s")), "{slug}: {text:?} is not {names:?}");
        }
        let before = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), before, "{slug}: a term is marked twice in one section");
    }
}

#[test]
fn terms_stay_out_of_controls_and_the_glossary_follows_its_switch() {
    let mut bundle = common::small_bundle();
    // A definition that starts by repeating its term: the popover leaves that out.
    bundle.definitions[0].text = "IP address: A number for your computer.".into();
    bundle.sections[0].title = "Your IP address".into();
    bundle.sections[0].blocks = vec![bundle::Block::Paragraph {
        text: "An IP address, an [IP address](https://example.org/ip) link, and an Internet Protocol address.".into(),
    }];
    let html = render(bundle.clone());
    // The title's button holds no term, the link holds none, the second use in the section is plain.
    assert_eq!(terms(&html), [("IP address".to_owned(), "collection-def-0".to_owned())]);
    let tip = tag_with(&html, "id=\"collection-def-0\"").unwrap();
    assert!(tip.contains("role=\"tooltip\""), "{tip}");
    assert!(
        html.contains("id=\"collection-def-0\" class=\"pp-term-tip\">A number for your computer.</span>"),
        "plain definition"
    );
    bundle.config.show.glossary = false;
    assert!(terms(&render(bundle)).is_empty(), "hiding the glossary hides its marks");
}

#[test]
fn a_policy_imported_in_spanish_shows_the_widget_in_spanish() {
    use policy_widget::import::{import, Options};
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/spanish.txt");
    let options = Options { language: Some("es".into()), ..Options::default() };
    let imported = import(&std::fs::read_to_string(path).unwrap(), &options).bundle;
    // Through its JSON, as a site serves it.
    let bundle = bundle::check_json(&serde_json::to_string(&imported).unwrap()).unwrap().0;
    let html = render(bundle);
    assert!(html.contains(" lang=\"es\""));
    for label in
        ["Buscar en esta política", "Abrir todas las secciones", "Contenido", "Publicado por Ciudad de Ejemplo"]
    {
        assert!(html.contains(label), "{label}");
    }
    for english in ["Search this policy", "Expand all sections", "Contents", "Published by"] {
        assert!(!html.contains(english), "{english}");
    }
}

/// The words a reader sees in markup: tags and the widget's visually hidden
/// words ("[deleted text: …]") left out (a block's tag as a space between
/// words), entities decoded, spaces folded.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        rest = &rest[open..];
        if rest.starts_with("<span class=\"pp-visually-hidden\">") {
            rest = &rest[rest.find("</span>").unwrap() + "</span>".len()..];
        } else {
            let end = rest.find('>').unwrap();
            let name = rest[1..end].trim_start_matches('/').split([' ', '>']).next().unwrap_or_default();
            if !["a", "em", "strong", "del", "code", "span", "time", "mark"].contains(&name) {
                text.push(' ');
            }
            rest = &rest[end + 1..];
        }
    }
    text.push_str(rest);
    let decoded = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
    decoded.replace("&amp;", "&").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_pages_fallback_holds_every_text_the_widget_shows_as_plain_html() {
    for slug in SEEDS {
        let bundle = seed(slug);
        let html = futures::executor::block_on(components::fallback_html(bundle.clone()));
        let shown = visible_text(&html);
        for (path, text) in bundle.all_texts() {
            // The widget shows a fact's value, not the quote it was found in.
            if path.ends_with(".quote") {
                continue;
            }
            let words = bundle::inline::plain(text).split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(shown.contains(&words), "{slug}: {path} is missing: {words:?}");
        }
        let section_ids: Vec<&str> = bundle.sections_flat().into_iter().map(|(_, s)| s.id.as_str()).collect();
        for id in &section_ids {
            assert!(html.contains(&format!("<section id=\"{id}\">")), "{slug}: {id} has no anchor");
        }
        // Two policies on one page can clash only on their own section ids.
        assert!(values(&html, "id").iter().all(|id| section_ids.contains(id)), "{slug}: an id of the widget's own");
        // Read without the widget's stylesheet or script: nothing that needs either.
        for widget_only in ["<button", "<input", "<form", "<svg", "<script", "<style", " hidden", "aria-expanded"] {
            assert!(!html.contains(widget_only), "{slug}: the fallback has {widget_only}");
        }
    }
}

#[test]
fn the_fallbacks_headings_start_at_the_configured_level_and_panels_follow_the_config() {
    let mut bundle = common::small_bundle();
    bundle.config.heading_level = 3;
    bundle.config.show.facts = false;
    let html = futures::executor::block_on(components::fallback_html(bundle));
    assert!(html.contains("<h3 class=\"pp-title\">Privacy Policy</h3>"), "title at h3");
    assert!(html.contains("<h4 class=\"pp-section-title\">"), "top-level sections one below");
    assert!(
        html.contains("<h5 class=\"pp-tool-name\">Analytics</h5>")
            || html.contains("<h6 class=\"pp-tool-name\">Analytics</h6>")
    );
    assert!(!html.contains("<h2") && !html.contains("At a glance"), "nothing above h3, no facts");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "text shows literally");
}

#[test]
fn nothing_to_summarise_is_no_summary_panel_in_the_widget_or_the_page() {
    let mut bundle = common::small_bundle();
    assert!(render(bundle.clone()).contains("pp-summary-button"), "a summary point: the panel");
    bundle.summary.clear();
    bundle.facts.clear();
    // Switched on, but with nothing in them, the three parts make no disclosure
    // that opens onto nothing.
    assert!(bundle.contacts.is_empty() && bundle.config.show.summary && bundle.config.show.facts);
    assert!(!render(bundle.clone()).contains("pp-summary"), "no panel in the widget");
    assert!(
        !futures::executor::block_on(components::fallback_html(bundle)).contains("pp-summary"),
        "none in the page's HTML"
    );
}

/// Mass.gov 2016 as an update of 2002, as the demo shows it.
fn update() -> Bundle {
    seed("massgov-2016-update")
}

/// The markup between the start tag that contains `needle` and its end tag.
fn element_with<'a>(html: &'a str, needle: &str, tag: &str) -> &'a str {
    let at = html.find(needle).unwrap() + needle.len();
    let start = html[..at].rfind(&format!("<{tag}")).unwrap();
    let end = start + html[start..].find(&format!("</{tag}>")).unwrap();
    &html[start..end]
}

#[test]
fn what_changed_is_a_disclosure_in_the_header_whose_panel_follows_it() {
    let bundle = update();
    let html = render(bundle.clone());
    let header = element_with(&html, "class=\"pp-header\"", "header");
    let button = tag_with(header, "id=\"pp-changes-button\"").unwrap();
    assert!(button.contains("aria-expanded=\"false\"") && button.contains("aria-controls=\"pp-changes\""), "{button}");
    assert!(header.contains(">What changed since December 16, 2002</button>"), "{header}");
    let panel = tag_with(&html, "id=\"pp-changes\"").unwrap();
    assert!(
        panel.contains("aria-labelledby=\"pp-changes-button\"") && panel.contains("hidden"),
        "closed at first: {panel}"
    );
    assert!(html.find("</header>").unwrap() < html.find("id=\"pp-changes\"").unwrap(), "the panel follows the header");

    let changes = bundle.changes.as_ref().unwrap();
    let listed = element_with(&html, "id=\"pp-changes\"", "section");
    for change in &changes.sections {
        match bundle.section(&change.section) {
            Some(section) => assert!(listed.contains(&format!("href=\"#{}\"", section.id)), "{} linked", section.id),
            None => {
                let title = change.previous_title.as_deref().unwrap();
                assert!(
                    listed.contains(&format!("<details class=\"pp-removed\"><summary>{title}</summary><p>")),
                    "{title}"
                );
            }
        }
    }
    // A removed section's old text is there, unmarked.
    assert!(
        listed.contains("By registering with the portal&#39;s eBusiness Central")
            || listed.contains("By registering with the portal's eBusiness Central")
    );
    for heading in ["Changed</h3>", "New</h3>", "Removed</h3>", "Earlier versions</h3>"] {
        assert!(listed.contains(heading), "{heading} under the title's h2");
    }
    assert!(listed.contains(
        "<a href=\"https://web.archive.org/web/20030605081231/http://www.mass.gov/portal/index.jsp?pageID=privacypolicy\" rel=\"noopener noreferrer\">December 16, 2002</a>: Rewritten for the new Mass.gov"
    ), "{listed}");
    assert!(listed.contains("(formerly “Information Automatically Collected and Stored by this Site”)"));
}

#[test]
fn changed_sections_are_marked_in_the_contents_and_show_their_changed_words_on_request() {
    let bundle = update();
    let html = render(bundle.clone());
    let contents = element_with(&html, "class=\"pp-contents\"", "nav");
    let marks = |word: &str| contents.matches(&format!("<span class=\"pp-badge\">{word}</span>")).count();
    let (changed, added, _) = policy_widget::changes::counts(&bundle.changes.as_ref().unwrap().sections);
    assert_eq!((marks("Changed"), marks("New")), (changed, added));

    // A changed section: since when, and its changed words behind a disclosure.
    let panel = element_with(&html, "id=\"security-panel\"", "section");
    assert!(panel.contains("<span class=\"pp-badge\">Changed since December 16, 2002</span>"), "{panel}");
    let words = element_with(panel, "<details class=\"pp-redline\">", "details");
    assert!(words.contains("<summary>Show changes</summary>"), "closed, behind its summary: {words}");
    assert!(words.contains("Because <del><span class=\"pp-visually-hidden\">[deleted text: </span>e-mail<span class=\"pp-visually-hidden\">]</span></del><ins><span class=\"pp-visually-hidden\">[inserted text: </span>information<span class=\"pp-visually-hidden\">]</span></ins> sent"), "{words}");
    // An added section says so, with nothing to show.
    let added = element_with(&html, "id=\"links-to-social-media-sites-panel\"", "div");
    assert!(added.contains("New since December 16, 2002") && !added.contains("pp-redline"), "{added}");
}

#[test]
fn hide_changes_leaves_no_trace_of_them() {
    let mut bundle = update();
    assert!(bundle.config.apply_attributes([("hide", "changes")]).is_empty());
    let html = render(bundle);
    for trace in ["pp-changes", "What changed", "pp-badge", "pp-change-note", "<ins>", "pp-redline"] {
        assert!(!html.contains(trace), "{trace}");
    }
}

#[test]
fn a_policy_that_takes_effect_later_says_so_until_then() {
    let notice =
        |html: &str| tag_with(html, "class=\"pp-notice\"").map(|_| element_with(html, "pp-notice", "p").to_owned());
    let mut bundle = update();
    bundle.meta.effective_date = Some("2999-07-01".into());
    let html = render(bundle.clone());
    assert_eq!(
        notice(&html).unwrap(),
        "<p role=\"note\" class=\"pp-notice\">These changes take effect on July 1, 2999."
    );
    bundle.changes = None;
    bundle.history.clear();
    assert!(notice(&render(bundle)).unwrap().ends_with("This policy takes effect on July 1, 2999."));
    assert_eq!(notice(&render(update())), None, "2016 is past");
}

#[test]
fn earlier_versions_alone_are_named_once() {
    let mut bundle = update();
    bundle.changes = None;
    let html = render(bundle);
    let button = element_with(&html, "id=\"pp-changes-button\"", "button");
    assert!(button.ends_with(">Earlier versions"), "{button}");
    let panel = element_with(&html, "id=\"pp-changes\"", "section");
    assert!(panel.contains("December 16, 2002</a>: Rewritten for the new Mass.gov"), "{panel}");
    assert!(!panel.contains("Earlier versions"), "the button names the panel: {panel}");
}

#[test]
fn a_new_version_with_the_same_text_says_nothing_changed() {
    let mut bundle = update();
    bundle.changes.as_mut().unwrap().sections.clear();
    let html = render(bundle);
    assert!(element_with(&html, "id=\"pp-changes\"", "section").contains("<p>The text has not changed.</p>"));
    assert!(!html.contains("pp-badge"));
}
