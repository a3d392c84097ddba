//! The widget's bundle reader (`bundle::read`) against the command-line tool's
//! (serde): the same bundles in, the same bundles out, the same bundles refused.
//! A resident's browser and `policy-widget validate` must never disagree.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;

use policy_widget::bundle::config::{InitialState, SummaryPosition};
use policy_widget::bundle::{
    load, read, Block, Bundle, ChangeKind, Changes, Contact, Field, FrontMatter, FrontMatterKind, List, ListItem,
    SectionChange, Table, Version,
};
use proptest::prelude::*;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &str) -> Vec<(String, String)> {
    let mut out: Vec<_> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    out.sort();
    out
}

/// Every field of the format set, with values that are not the defaults.
fn everything() -> Bundle {
    let mut b = common::small_bundle();
    b.meta.jurisdiction = Some("Massachusetts".into());
    b.meta.updated_date = Some("2025-01-02".into());
    b.meta.canonical_url = Some("https://example.gov/privacy".into());
    b.meta.language = "es".into();
    b.meta.publisher.website = Some("https://example.gov".into());
    b.intro.push(Block::List(List {
        ordered: true,
        items: vec![ListItem {
            text: "one \"quoted\" \\ é 😀 \u{1}".into(),
            list: Some(List { ordered: false, items: vec![ListItem { text: "nested".into(), list: None }] }),
        }],
    }));
    b.intro.push(Block::Fields { fields: vec![Field { label: "Office".into(), value: "Clerk".into() }] });
    b.intro.push(Block::Table(Table {
        caption: Some("Kept".into()),
        header: vec!["Data".into(), "For".into()],
        rows: vec![vec!["Email".into(), "3 years".into()]],
    }));
    b.contacts.push(Contact {
        label: "Clerk".into(),
        email: Some("clerk@example.gov".into()),
        phone: Some("555".into()),
        url: Some("https://example.gov/clerk".into()),
        address: Some("1 Main St".into()),
        section: Some("selling".into()),
    });
    b.front_matter.push(FrontMatter {
        kind: FrontMatterKind::ArchiveNotice,
        title: "About this copy".into(),
        blocks: vec![Block::Paragraph { text: "Archived.".into() }],
    });
    b.history = vec![
        Version {
            date: "2024-01-01".into(),
            url: Some("https://example.gov/privacy-2024".into()),
            summary: Some("Cookies".into()),
        },
        Version { date: "2020-06-30".into(), url: None, summary: None },
    ];
    b.changes = Some(Changes {
        since: "2024-01-01".into(),
        sections: vec![
            SectionChange {
                section: "selling".into(),
                change: ChangeKind::Changed,
                previous_title: Some("Sales".into()),
                texts: vec!["We [-may-]{+never+} sell \\[1\\]".into(), "{+New+}".into()],
            },
            SectionChange {
                section: "gone".into(),
                change: ChangeKind::Removed,
                previous_title: Some("Gone".into()),
                texts: vec!["Old".into()],
            },
        ],
    });
    let c = &mut b.config;
    c.initial = InitialState::First;
    c.summary_position = SummaryPosition::End;
    c.heading_level = 3;
    c.show.facts = false;
    c.show.reading_time = false;
    c.theme.accent = Some("#005ea2".into());
    *c.labels.slot("expand_all").unwrap() = "Abrir todo".into();
    b
}

/// What serde makes of the text: the bundle, or where it failed.
fn by_serde(text: &str) -> Result<Bundle, String> {
    load::from_json(text).map(|l| l.bundle).map_err(|p| p.path)
}

fn by_reader(text: &str) -> Result<Bundle, String> {
    load::check_text(text).and_then(|()| read::bundle(text)).map_err(|p| p.path)
}

#[test]
fn every_seed_reads_the_same() {
    for (name, text) in files("www/policies") {
        assert_eq!(by_reader(&text), by_serde(&text), "{name}");
    }
}

#[test]
fn every_field_reads_the_same_in_any_key_order_and_layout() {
    let bundle = everything();
    let compact = serde_json::to_string(&bundle).unwrap();
    // serde_json's Value sorts keys: "type" after "text", "format" after "facts".
    let sorted = serde_json::to_string_pretty(&serde_json::to_value(&bundle).unwrap()).unwrap();
    for text in [compact, sorted] {
        assert_eq!(load::from_json(&text).unwrap().bundle, bundle, "serde reads every field");
        assert_eq!(by_reader(&text), by_serde(&text));
        assert_eq!(by_reader(&text).unwrap(), bundle);
    }
}

#[test]
fn every_broken_fixture_is_refused_at_the_same_place() {
    for (name, text) in files("tests/fixtures/invalid") {
        let (ours, theirs) = (by_reader(&text), by_serde(&text));
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{name}"),
            // Inside a tagged block serde's path stops at the block; ours goes on.
            (Err(a), Err(b)) => assert!(a.starts_with(b.as_str()), "{name}: {a:?} vs {b:?}"),
            _ => panic!("{name}: reader {ours:?}, serde {theirs:?}"),
        }
    }
}

#[test]
fn problems_read_like_the_validators() {
    let message = |text: &str| read::bundle(text).unwrap_err().to_string();
    let text = serde_json::to_string(&common::small_bundle()).unwrap();
    assert_eq!(
        message(&text.replace("policy-bundle/1", "policy-bundle/9")),
        load::from_json(&text.replace("policy-bundle/1", "policy-bundle/9")).unwrap_err().to_string()
    );
    assert_eq!(message(&text.replace(r#""id":"cookies","#, "")), "sections[0].sections[0]: missing field `id`");
    assert_eq!(
        message(&text.replace(r#""type":"paragraph""#, r#""type":"poem""#)),
        "intro[0]: unknown block type \"poem\", expected one of paragraph, list, fields, table, tool"
    );
    assert_eq!(
        message(&text.replace(r#""kind":"sells_data""#, r#""kind":"sells""#)),
        "facts[0].kind: unknown value \"sells\", expected one of collects_voluntary, collects_automatic, cookies, \
         third_party_tools, sells_data, public_records, shares_with_agencies, security, email_not_encrypted, \
         retention, children, access_rights, policy_changes, contact"
    );
    assert!(message("{\"format\": \"policy-bundle/1\",\n \"meta\": }").starts_with("line 2, column 10: not valid JSON"));
}

#[test]
fn enum_names_are_serdes() {
    use policy_widget::bundle::names::Named;
    fn check<T: Named + serde::Serialize>() {
        for (name, value) in T::each() {
            assert_eq!(serde_json::to_value(value).unwrap(), name);
        }
    }
    check::<policy_widget::bundle::PublisherKind>();
    check::<policy_widget::bundle::FactKind>();
    check::<policy_widget::bundle::FactAnswer>();
    check::<FrontMatterKind>();
    check::<InitialState>();
    check::<SummaryPosition>();
}

/// A seed with a few characters cut or a JSON token put in at one place.
fn mutated() -> impl Strategy<Value = String> {
    let seeds: Vec<String> = files("www/policies").into_iter().map(|(_, t)| t).collect();
    let insert = prop::sample::select(vec![
        "",
        "\"",
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "null",
        "1",
        "-0.5e2",
        "true",
        "\"x\"",
        "\\u00",
        "{\"type\":\"list\"}",
    ]);
    (prop::sample::select(seeds), any::<prop::sample::Index>(), 0..4usize, insert).prop_map(
        |(text, at, cut, insert)| {
            let mut at = at.index(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            format!("{}{insert}{}", &text[..at], &text[end..])
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn damaged_bundles_are_judged_alike(text in mutated()) {
        match (by_reader(&text), by_serde(&text)) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (Err(_), Err(_)) => {}
            (ours, theirs) => prop_assert!(false, "reader {:?}, serde {:?}", ours.map(|_| ()), theirs.map(|_| ())),
        }
    }
}
