//! Hostile text: 50+ payloads (script tags, event handlers, `javascript:` and
//! `data:` URLs in mixed case and with hidden characters, SVG, broken markup,
//! Markdown link tricks) in every text field render as text, and in every URL
//! field are refused by validation. The same holds for the page's fallback HTML
//! (`policy-widget render`).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;
use std::rc::Rc;

use policy_widget::bundle::marked::{whole, Piece};
use policy_widget::bundle::{
    inline, validate, Block, Bundle, ChangeKind, Changes, Contact, Field, List, ListItem, SectionChange, Table, Tool,
    Version,
};
use policy_widget::components::{self, FirstPaint, PolicyView, PolicyViewProps};
use proptest::prelude::*;
use yew::ServerRenderer;

fn payloads() -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xss-payloads.txt");
    // The file writes U+0001 as `\u0001` so that it stays readable.
    std::fs::read_to_string(path).unwrap().lines().map(|l| l.replace("\\u0001", "\u{1}")).collect()
}

/// The widget's markup, then the page's fallback (`policy-widget render`), of one bundle.
fn renders(bundle: Bundle) -> [String; 2] {
    [render(bundle.clone()), futures::executor::block_on(components::fallback_html(bundle))]
}

fn render(bundle: Bundle) -> String {
    let renderer = ServerRenderer::<PolicyView>::with_props(move || PolicyViewProps {
        bundle: Rc::new(bundle),
        first_paint: FirstPaint::Whole,
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// The small bundle with `p` in every text field.
fn everywhere(p: &str) -> Bundle {
    let mut b = common::small_bundle();
    let s = p.to_owned();
    b.meta.title = s.clone();
    b.meta.publisher.name = s.clone();
    b.summary[0].text = s.clone();
    b.facts[0].value = s.clone();
    b.intro = vec![Block::Paragraph { text: s.clone() }];
    b.sections[0].title = s.clone();
    b.sections[0].blocks = vec![
        Block::Paragraph { text: s.clone() },
        Block::List(List { ordered: false, items: vec![ListItem { text: s.clone(), list: None }] }),
        Block::Fields { fields: vec![Field { label: s.clone(), value: s.clone() }] },
        Block::Table(Table { caption: Some(s.clone()), header: vec![s.clone()], rows: vec![vec![s.clone()]] }),
        Block::Tool(Box::new(Tool {
            name: s.clone(),
            purpose: Some(s.clone()),
            privacy_policy: Some(s.clone()),
            other: vec![Field { label: s.clone(), value: s.clone() }],
            ..Tool::default()
        })),
    ];
    b.definitions[0].term = s.clone();
    b.definitions[0].text = s.clone();
    b.contacts = vec![Contact { label: s.clone(), address: Some(s.clone()), ..Contact::default() }];
    b.history = vec![Version { date: "2020-01-01".into(), url: None, summary: Some(s.clone()) }];
    let change = |section: &str, change, texts| SectionChange {
        section: section.into(),
        change,
        previous_title: Some(s.clone()),
        texts,
    };
    let id = b.sections[0].id.clone();
    b.changes = Some(Changes {
        since: "2020-01-01".into(),
        sections: vec![
            change(
                &id,
                ChangeKind::Changed,
                vec![format!("{} {}", whole(Piece::Delete(s.clone())), whole(Piece::Insert(s.clone())))],
            ),
            change("gone", ChangeKind::Removed, vec![whole(Piece::Keep(s.clone()))]),
        ],
    });
    b
}

/// The start tags of rendered markup. Text cannot hide one: a literal `<`
/// always opens a tag (text has `&lt;`).
fn tags(html: &str) -> impl Iterator<Item = &str> {
    html.split('<').skip(1).map(|t| &t[..t.find('>').unwrap_or(t.len())])
}

/// The attributes of a start tag's source (`div class="a b" id="x"`).
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag.split_once(char::is_whitespace).map_or("", |(_, r)| r);
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq].trim().to_lowercase();
        let after = &rest[eq + 1..];
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let end = after[1..].find(q).map_or(after.len(), |e| e + 1);
                (&after[1..end], after.get(end + 1..).unwrap_or(""))
            }
            _ => after.split_once(char::is_whitespace).unwrap_or((after, "")),
        };
        out.push((name, value.to_owned()));
        rest = next;
    }
    out
}

/// Elements a payload must not create (the widget's own `<svg>` icons and
/// `<form>` are counted against a harmless render of the same bundle).
const TAGS: [&str; 18] = [
    "<script",
    "<img",
    "<svg",
    "<iframe",
    "<object",
    "<embed",
    "<form",
    "<meta",
    "<link",
    "<style",
    "<base",
    "<video",
    "<input",
    "<details",
    "<math",
    "<template",
    "<noscript",
    "<body",
];

fn assert_inert(html: &str, baseline: &str, payload: &str) {
    for tag in TAGS {
        assert_eq!(html.matches(tag).count(), baseline.matches(tag).count(), "{payload:?} made a {tag} element");
    }
    // No event-handler attribute and no dangerous URL in any tag.
    for tag in tags(html) {
        for (name, value) in attributes(tag) {
            assert!(!name.starts_with("on"), "{payload:?} made an event-handler attribute: <{tag}>");
            if name == "href" || name == "src" || name == "action" {
                let ok =
                    ["https:", "http:", "mailto:", "tel:", "#"].iter().any(|p| value.to_lowercase().starts_with(p));
                assert!(ok, "{payload:?} made a link to {value:?}");
            }
        }
    }
}

#[test]
fn payloads_in_every_text_field_render_as_text() {
    let payloads = payloads();
    assert!(payloads.len() >= 50, "{} payloads", payloads.len());
    let baselines = renders(everywhere("plain words"));
    for p in &payloads {
        for (html, baseline) in renders(everywhere(p)).iter().zip(&baselines) {
            assert_inert(html, baseline, p);
            // The words a reader would see are on the page, escaped.
            let visible = inline::plain(p);
            let escaped =
                visible.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
            assert!(
                html.contains(&escaped)
                    || html.contains(&visible.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")),
                "{p:?}: its text is not shown literally"
            );
        }
    }
}

#[test]
fn payloads_in_links_are_refused_by_validation() {
    for p in payloads().iter().filter(|p| p.contains("](") || p.starts_with('<')) {
        let mut b = common::small_bundle();
        b.sections[0].blocks = vec![Block::Paragraph { text: p.clone() }];
        let refused = validate::validate(&b).iter().any(|e| e.message.contains("is not allowed"));
        let nodes = inline::parse(p);
        let links = inline::links(&nodes);
        let safe = links.iter().all(|l| matches!(l, inline::LinkTarget::External(u) if u.starts_with("http")));
        assert!(refused || safe, "{p:?}: a dangerous link passed validation");
    }
}

#[test]
fn a_refused_link_shows_its_hidden_characters_to_the_developer() {
    let mut b = common::small_bundle();
    b.sections[0].blocks = vec![Block::Paragraph { text: "[x](java\u{7}script:alert(1))".into() }];
    let messages: Vec<String> = validate::validate(&b).iter().map(|e| e.message.clone()).collect();
    assert!(
        messages.iter().any(|m| m.contains(r#"link target "java\u{7}script:alert(1)" is not allowed"#)),
        "{messages:?}"
    );
}

#[test]
fn payloads_in_url_fields_are_refused_by_validation() {
    for p in payloads() {
        let mut b = common::small_bundle();
        b.meta.canonical_url = Some(p.clone());
        b.meta.publisher.website = Some(p.clone());
        b.history = vec![Version { date: "2020-01-01".into(), url: Some(p.clone()), summary: None }];
        b.contacts = vec![Contact {
            label: "x".into(),
            email: Some(p.clone()),
            phone: Some(p.clone()),
            url: Some(p.clone()),
            ..Contact::default()
        }];
        let paths: Vec<String> = validate::validate(&b).into_iter().map(|e| e.path).collect();
        for field in [
            "meta.canonical_url",
            "meta.publisher.website",
            "history[0].url",
            "contacts[0].email",
            "contacts[0].phone",
            "contacts[0].url",
        ] {
            assert!(paths.contains(&field.to_owned()), "{p:?} accepted in {field}: {paths:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Any string at all, in every text field: rendering never panics, and it
    /// never makes an element or attribute of its own.
    #[test]
    fn any_string_appears_only_as_text(s in "\\PC{0,80}") {
        let baselines = renders(everywhere("plain words"));
        for (html, baseline) in renders(everywhere(&s)).iter().zip(&baselines) {
            assert_inert(html, baseline, &s);
        }
    }
}
