//! The five seed policies: their bundles are the importer's output, current,
//! valid, structured as a reader expects, and keep every sentence.
//!
//! `UPDATE_BUNDLES=1 cargo test --test seeds` (or `make bundles`) rewrites
//! `www/policies/*.json` after an importer change; review the diff.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use policy_widget::bundle::{self, inline, Block, Bundle, FactAnswer, FactKind, FrontMatterKind, PublisherKind};
use policy_widget::import::{import, Options};

struct Seed {
    slug: &'static str,
    source: &'static str,
    options: fn() -> Options,
}

const SEEDS: [Seed; 5] = [
    Seed {
        slug: "concord",
        source: "000_e7f2c20e997ced50.txt",
        options: || Options {
            publisher: Some("Town of Concord".into()),
            publisher_kind: Some(PublisherKind::Town),
            website: Some("https://concordma.gov".into()),
            jurisdiction: Some("Massachusetts".into()),
            ..Options::default()
        },
    },
    Seed {
        slug: "westfield",
        source: "001_1e9a06d6247eb838.txt",
        options: || Options {
            publisher: Some("City of Westfield".into()),
            publisher_kind: Some(PublisherKind::City),
            website: Some("https://www.cityofwestfield.org".into()),
            jurisdiction: Some("Massachusetts".into()),
            ..Options::default()
        },
    },
    Seed {
        slug: "massgov-2016",
        source: "002_0f4e0fd506d1c60d.txt",
        options: || Options {
            publisher: Some("Commonwealth of Massachusetts".into()),
            publisher_kind: Some(PublisherKind::StateAgency),
            website: Some("https://www.mass.gov".into()),
            jurisdiction: Some("Massachusetts".into()),
            canonical_url: Some("https://www.mass.gov/privacypolicy".into()),
            ..Options::default()
        },
    },
    Seed {
        slug: "massgov-2002",
        source: "003_cb48ddb801cf7143.txt",
        options: || Options {
            publisher: Some("Commonwealth of Massachusetts".into()),
            publisher_kind: Some(PublisherKind::StateAgency),
            website: Some("https://www.mass.gov".into()),
            jurisdiction: Some("Massachusetts".into()),
            ..Options::default()
        },
    },
    Seed {
        slug: "cambridge-schools",
        source: "004_106125d950806367.txt",
        options: || Options {
            publisher: Some("Cambridge School Committee and Cambridge Public Schools".into()),
            publisher_kind: Some(PublisherKind::SchoolDistrict),
            website: Some("https://www.cpsd.us".into()),
            jurisdiction: Some("Massachusetts".into()),
            ..Options::default()
        },
    },
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn source_text(seed: &Seed) -> String {
    // The source texts are kept in the repository, so a clone anywhere can
    // check that the bundles still hold every sentence of them.
    let path = root().join("tests/fixtures/seeds").join(seed.source);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn checked_in(slug: &str) -> Bundle {
    let path = root().join("www/policies").join(format!("{slug}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (bundle, warnings) = bundle::check_json(&text).unwrap_or_else(|p| panic!("{slug}: invalid bundle: {p:?}"));
    assert!(warnings.is_empty(), "{slug}: {warnings:?}");
    bundle
}

#[test]
fn checked_in_bundles_are_the_importers_output() {
    let update = std::env::var_os("UPDATE_BUNDLES").is_some();
    for seed in &SEEDS {
        let imported = import(&source_text(seed), &(seed.options)());
        let json = serde_json::to_string_pretty(&imported.bundle).unwrap() + "\n";
        let path = root().join("www/policies").join(format!("{}.json", seed.slug));
        if update {
            std::fs::write(&path, &json).unwrap();
        } else {
            let current = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(current == json, "{} is stale: run `make bundles` and review the diff", path.display());
        }
    }
}

/// The demo's sixth policy: Mass.gov 2016 as an update of Mass.gov 2002,
/// with what changed since (`import --previous`'s output).
const UPDATE: &str = "massgov-2016-update";

#[test]
fn the_demos_update_is_import_previous_output() {
    let seed = SEEDS.iter().find(|s| s.slug == "massgov-2016").unwrap();
    let mut bundle = import(&source_text(seed), &(seed.options)()).bundle;
    policy_widget::import::previous::update(&checked_in("massgov-2002"), &mut bundle);
    // What a publisher adds by hand after the update: where the last version
    // can still be read (the seed's archive notice), and the change in a line.
    let last = &mut bundle.history[0];
    last.url = Some(
        "https://web.archive.org/web/20030605081231/http://www.mass.gov/portal/index.jsp?pageID=privacypolicy".into(),
    );
    last.summary = Some(
        "Rewritten for the new Mass.gov: persistent cookies, third-party tools, social media and online forms are new; \
         the 2002 portal's registration and payment services are gone."
            .into(),
    );
    let json = serde_json::to_string_pretty(&bundle).unwrap() + "\n";
    let path = root().join("www/policies").join(format!("{UPDATE}.json"));
    if std::env::var_os("UPDATE_BUNDLES").is_some() {
        std::fs::write(&path, &json).unwrap();
    }
    assert!(std::fs::read_to_string(&path).unwrap_or_default() == json, "{UPDATE} is stale: run `make bundles`");
    let bundle = checked_in(UPDATE);
    assert_eq!(bundle.history[0].date, "2002-12-16");
    assert!(!bundle.changes.unwrap().sections.is_empty());
}

#[test]
fn every_bundle_is_valid() {
    for seed in &SEEDS {
        let bundle = checked_in(seed.slug);
        assert_eq!(bundle::validate::validate(&bundle), vec![], "{}", seed.slug);
    }
}

/// Whitespace folded; markup removed the same way on both sides. Asterisks go
/// too: the sources have unbalanced bold markers (`**Purpose:  **Google`) that
/// the importer reads as the label/value pairs they are.
fn normalise(text: &str) -> String {
    inline::plain(text).replace('*', "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines the seeds' README says are not policy text, and lines that become
/// metadata (title, dates) rather than body text.
fn is_not_policy_text(line: &str) -> bool {
    let t = line.trim();
    t.chars().all(|c| c.is_ascii_digit()) // page numbers ("31", "95")
        || t.starts_with("Formatted:") // word-processor residue
        || t == "|" // a stray table pipe
}

fn units(line: &str) -> Vec<String> {
    // List, quote and heading markers are structure: the bundle holds items,
    // notes and sections, and the widget draws them.
    let line = line.trim_start().trim_start_matches(['#', '>']).trim_start();
    let line = match line.split_once(' ') {
        Some((marker, rest))
            if ["-", "*", "•"].contains(&marker)
                || (marker.len() <= 3
                    && marker.ends_with([')', '.'])
                    && marker[..marker.len() - 1].chars().all(|c| c.is_ascii_digit())) =>
        {
            rest
        }
        _ => line,
    };
    let plain = normalise(line);
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = plain.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|&(_, c)| c);
        let after = chars.get(k + 2).map(|&(_, c)| c);
        if matches!(c, '.' | '?' | '!') && next == Some(' ') && after.is_some_and(char::is_uppercase) {
            out.push(plain[start..=at].to_owned());
            start = at + 1;
        }
    }
    out.push(plain[start..].to_owned());
    out.into_iter()
        .map(|u| u.trim_matches(|c: char| c.is_whitespace() || ".:|".contains(c)).to_owned())
        .filter(|u| u.split_whitespace().count() >= 2)
        .collect()
}

#[test]
fn every_sentence_of_every_seed_reaches_the_bundle() {
    for seed in &SEEDS {
        let bundle = checked_in(seed.slug);
        let mut text: String = bundle.all_texts().into_iter().map(|(_, t)| normalise(t)).collect::<Vec<_>>().join(" ");
        text.push(' ');
        text.push_str(&bundle.meta.title);
        let mut missing = Vec::new();
        // The title may be recased ("WEBSITE PRIVACY POLICY" reads as a title in title case).
        let is_title = |line: &str| {
            normalise(line.trim_start_matches(['#', ' '])).to_lowercase().starts_with(&bundle.meta.title.to_lowercase())
        };
        // A label alone ("**Express Opt Out:**", its value a list below) is a field name.
        let is_label = |line: &str| line.starts_with("**") && line.trim_end().ends_with(":**");
        for line in source_text(seed).lines().filter(|l| !is_not_policy_text(l) && !is_title(l) && !is_label(l)) {
            for unit in units(line) {
                // A label of a label/value pair is shown by the widget's own label
                // ("Purpose"), so the value alone must be there.
                let value =
                    unit.split_once(':').filter(|(l, _)| l.split_whitespace().count() <= 4).map(|(_, v)| v.trim());
                let dated = ["Last Updated", "Effective", "Revised"].iter().any(|p| unit.starts_with(p));
                if !text.contains(&unit) && !value.is_some_and(|v| text.contains(v)) && !dated {
                    missing.push(unit);
                }
            }
        }
        assert!(
            missing.is_empty(),
            "{}: {} sentences missing, e.g. {:#?}",
            seed.slug,
            missing.len(),
            &missing[..missing.len().min(5)]
        );
    }
}

fn titles(bundle: &Bundle) -> Vec<String> {
    bundle.sections_flat().iter().map(|(_, s)| s.title.clone()).collect()
}

fn fact(bundle: &Bundle, kind: FactKind) -> &policy_widget::bundle::Fact {
    bundle.facts.iter().find(|f| f.kind == kind).unwrap_or_else(|| panic!("no {kind:?} fact"))
}

#[test]
fn concord_keeps_its_own_summary_and_bare_line_headings() {
    let b = checked_in("concord");
    assert_eq!(b.meta.title, "Privacy Policy - Town of Concord");
    assert_eq!(b.meta.updated_date.as_deref(), Some("2022-07-11"));
    assert_eq!(b.summary.len(), 4, "the policy's own four summary points");
    assert!(b.summary[3].text.contains("Public Records Law"));
    assert_eq!(b.summary[3].section, "public-records");
    let t = titles(&b);
    for expected in [
        "What this covers",
        "Third-party services",
        "Public records",
        "Children's information",
        "Changes to this policy",
    ] {
        assert!(t.iter().any(|x| x == expected), "missing section {expected:?} in {t:?}");
    }
    assert!(!t.iter().any(|x| x.starts_with("Here's how")), "a tagline is not a heading");
    assert_eq!(b.contacts[0].email.as_deref(), Some("webmaster@concordma.gov"));
    assert_eq!(fact(&b, FactKind::Children).section, "childrens-information");
}

#[test]
fn westfield_headings_ending_in_periods_and_placeholder_links() {
    let b = checked_in("westfield");
    assert_eq!(b.meta.effective_date.as_deref(), Some("2012-03-01"));
    assert_eq!(
        titles(&b),
        [
            "A Privacy Partnership",
            "Personally Identifiable Information",
            "Information Voluntarily Provided by You",
            "Dissemination of Your Personally Identifiable Information",
            "Your Access and Opportunity to Correct",
            "Security",
            "Policy changes",
            "Contact Information"
        ]
    );
    assert!(!b.all_texts().iter().any(|(_, t)| t.contains("](#)")), "placeholder links become plain text");
    assert_eq!(fact(&b, FactKind::SellsData).answer, Some(FactAnswer::No));
}

#[test]
fn massgov_2016_has_eleven_structured_tools_and_a_glossary() {
    let b = checked_in("massgov-2016");
    assert_eq!(b.meta.title, "Mass.gov® Privacy Policy");
    assert_eq!(b.meta.effective_date.as_deref(), Some("2016-10-31"));
    let tools: Vec<_> = b
        .sections_flat()
        .into_iter()
        .flat_map(|(_, s)| s.blocks.iter())
        .filter_map(|b| if let Block::Tool(t) = b { Some(t) } else { None })
        .collect();
    assert_eq!(tools.len(), 11);
    assert_eq!(tools[0].name, "Google Analytics™");
    assert!(tools.iter().all(|t| t.purpose.is_some() && t.data_collected.is_some() && t.privacy_policy.is_some()));
    let twitter = tools.iter().find(|t| t.name.starts_with("Twitter")).unwrap();
    assert!(twitter.opt_out.as_deref().unwrap().contains("You are not required to log in"));
    let terms: Vec<&str> = b.definitions.iter().map(|d| d.term.as_str()).collect();
    for t in ["Cookies", "Internet Protocol Address", "Social Media", "Weblog", "Wiki"] {
        assert!(terms.contains(&t), "{t} in {terms:?}");
    }
    let ip = b.definitions.iter().find(|d| d.term == "Internet Protocol Address").unwrap();
    assert_eq!(ip.aliases, ["IP Address"]);
    assert_eq!(b.front_matter[0].kind, FrontMatterKind::ArchiveNotice);
    assert_eq!(fact(&b, FactKind::Cookies).answer, Some(FactAnswer::Persistent));
    assert!(fact(&b, FactKind::ThirdPartyTools).value.starts_with("11 tools"));
}

#[test]
fn massgov_2002_bold_and_italic_run_in_headings_nest() {
    let b = checked_in("massgov-2002");
    assert_eq!(b.meta.updated_date.as_deref(), Some("2002-12-16"));
    let voluntary = b.section("information-voluntarily-provided-by-you").unwrap();
    let subs: Vec<&str> = voluntary.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        subs,
        ["Survey and E-mail", "Personalization", "Authentication", "eBusiness Central", "Electronic Payments"]
    );
    assert!(b.sections.iter().any(|s| s.title == "Information Automatically Collected and Stored by this Site"));
    assert!(b.sections.iter().any(|s| s.title == "Definitions"));
    assert_eq!(fact(&b, FactKind::Cookies).answer, Some(FactAnswer::Session));
    assert_eq!(fact(&b, FactKind::PolicyChanges).value, "Announced 30 days ahead");
    assert!(b.definitions.iter().any(|d| d.term == "Cookies"));
}

#[test]
fn cambridge_keeps_the_memo_apart_and_mends_the_pdf() {
    let b = checked_in("cambridge-schools");
    assert_eq!(b.meta.title, "Website Privacy Policy");
    let memo = b.front_matter.iter().find(|f| f.kind == FrontMatterKind::CoverMemo).expect("cover memo kept");
    assert!(memo.blocks.iter().any(|bl| bl.texts().iter().any(|(_, t)| t.contains("TO THE HONORABLE MEMBERS"))));
    let body: Vec<String> = b
        .sections_flat()
        .iter()
        .flat_map(|(_, s)| s.blocks.iter())
        .flat_map(|bl| bl.texts())
        .map(|(_, t)| t.to_owned())
        .collect();
    assert!(
        !body.iter().any(|t| t.contains("HONORABLE") || t.contains("Respectfully submitted")),
        "memo stays out of the policy"
    );
    assert!(!b.all_texts().iter().any(|(_, t)| t.contains("Formatted:")));
    assert!(body.iter().any(|t| t.contains("sent by the user to the Cambridge School Committee website will contain")));
    assert!(body
        .iter()
        .any(|t| t.contains("to the Cambridge School Committee or a federal, state or local government agency")));
    assert!(body.iter().any(|t| t.contains("including ~~his/her~~ user's name")), "redlines stay as struck text");
    assert!(b.definitions.iter().any(|d| d.term == "Internet Protocol Address"));
}
