//! A small bundle built in Rust, shared by the native and the browser tests:
//! nested sections, a tool, a redline, a glossary and a hostile string.

use policy_widget::bundle::config::Config;
use policy_widget::bundle::*;

pub const HOSTILE: &str = "<img src=x onerror=alert(1)><script>alert(2)</script>";

fn section(id: &str, title: &str, blocks: Vec<Block>, sections: Vec<Section>) -> Section {
    Section { id: id.into(), title: title.into(), blocks, sections }
}

fn para(text: &str) -> Block {
    Block::Paragraph { text: text.into() }
}

pub fn small_bundle() -> Bundle {
    Bundle {
        format: FORMAT.into(),
        meta: Meta {
            title: "Privacy Policy".into(),
            publisher: Publisher { name: "Town of Testing".into(), kind: PublisherKind::Town, website: None },
            jurisdiction: None,
            effective_date: Some("2024-02-29".into()),
            updated_date: None,
            language: "en".into(),
            canonical_url: None,
        },
        summary: vec![SummaryPoint { text: "We never sell your data.".into(), section: "selling".into() }],
        facts: vec![Fact {
            kind: FactKind::SellsData,
            answer: Some(FactAnswer::No),
            value: "No".into(),
            quote: None,
            section: "selling".into(),
        }],
        intro: vec![para("Welcome.")],
        sections: vec![
            section(
                "collection",
                "What we collect",
                vec![para("Your ~~his/her~~ IP address."), para(HOSTILE)],
                vec![section("cookies", "Cookies", vec![para("Session cookies only.")], vec![])],
            ),
            section(
                "selling",
                "Selling",
                vec![Block::Tool(Box::new(Tool {
                    name: "Analytics".into(),
                    purpose: Some("Counting visits.".into()),
                    privacy_policy: Some("[policy](https://example.org/privacy)".into()),
                    ..Tool::default()
                }))],
                vec![],
            ),
        ],
        definitions: vec![Definition {
            term: "IP address".into(),
            aliases: vec!["Internet Protocol address".into()],
            text: "A number for your computer.".into(),
            section: Some("collection".into()),
        }],
        contacts: vec![],
        front_matter: vec![],
        history: vec![],
        changes: None,
        config: Config::default(),
    }
}
