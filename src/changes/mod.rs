//! What changed between two versions of a policy: which sections were added,
//! removed or changed, and inside a changed section, each piece of text word
//! by word. Natively computed from two bundles (`policy-widget diff`); the
//! widget ships none of it.
//!
//! The flow: [`matching`] pairs the old sections with the new (by id, then
//! title, then text), [`words`] compares a pair's texts, and [`redline`]
//! writes the result for a person reading a terminal.

pub mod matching;
pub mod redline;
pub mod words;

use crate::bundle::{inline, Bundle, Section};
use matching::{Match, Pairing};
use words::Piece;

/// Every difference between two versions, in the new version's order, the
/// removed sections after the others.
#[derive(Debug, Default, PartialEq)]
pub struct Changes {
    /// Each section that is not the same in both; empty when nothing changed.
    pub sections: Vec<SectionChange>,
}

/// One section's change.
#[derive(Debug, PartialEq)]
pub enum SectionChange {
    /// Only in the new version.
    Added {
        /// Its id in the new version.
        id: String,
        /// Its title.
        title: String,
        /// Its text, piece by piece.
        texts: Vec<String>,
    },
    /// Only in the old version.
    Removed {
        /// Its id in the old version.
        id: String,
        /// Its title.
        title: String,
        /// Its text, piece by piece: what a reader of the old version read.
        texts: Vec<String>,
    },
    /// In both, with another title or other text.
    Changed {
        /// Its id in the new version.
        id: String,
        /// Its title in the old version, when it was another.
        renamed_from: Option<String>,
        /// Its title.
        title: String,
        /// How it was found in the old version.
        found_by: Match,
        /// Each piece of text that differs.
        texts: Vec<TextChange>,
    },
}

/// One piece of a section's text (a paragraph, a list item, a table cell)
/// that is not the same in both versions.
#[derive(Debug, PartialEq)]
pub enum TextChange {
    /// A new piece.
    Inserted(String),
    /// A piece taken out.
    Deleted(String),
    /// A piece rewritten: its words kept, inserted and deleted.
    Edited(Vec<Piece>),
}

impl Changes {
    /// How many sections were changed, added and removed.
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |f: fn(&SectionChange) -> bool| self.sections.iter().filter(|c| f(c)).count();
        (
            count(|c| matches!(c, SectionChange::Changed { .. })),
            count(|c| matches!(c, SectionChange::Added { .. })),
            count(|c| matches!(c, SectionChange::Removed { .. })),
        )
    }
}

/// The changes from `old` to `new`.
pub fn compare(old: &Bundle, new: &Bundle) -> Changes {
    let mut sections = Vec::new();
    for pairing in matching::pair_sections(old, new) {
        match pairing {
            Pairing::Added(s) => {
                sections.push(SectionChange::Added { id: s.id.clone(), title: plain_title(s), texts: texts(s) })
            }
            Pairing::Removed(s) => {
                sections.push(SectionChange::Removed { id: s.id.clone(), title: plain_title(s), texts: texts(s) })
            }
            Pairing::Matched { old, new, found_by } => {
                let texts = words::compare_texts(&self::texts(old), &self::texts(new));
                let (before, after) = (plain_title(old), plain_title(new));
                // A title whose letters only changed case ("Privacy Policy" →
                // "Privacy policy") is not a new name for a committee to review.
                let renamed = matching::normalised(&before) != matching::normalised(&after);
                if texts.is_empty() && !renamed {
                    continue;
                }
                sections.push(SectionChange::Changed {
                    id: new.id.clone(),
                    renamed_from: renamed.then_some(before),
                    title: after,
                    found_by,
                    texts,
                });
            }
        }
    }
    Changes { sections }
}

fn plain_title(section: &Section) -> String {
    inline::plain(&section.title)
}

/// A section's own text (not its subsections'), as a reader sees it, one
/// string a paragraph, list item, field or cell.
pub fn texts(section: &Section) -> Vec<String> {
    section
        .blocks
        .iter()
        .flat_map(|block| block.texts().into_iter().map(|(_, text)| inline::plain(text).trim().to_owned()))
        .filter(|text| !text.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bundle from `(id, title, paragraphs, subsections)` sections.
    fn bundle(sections: serde_json::Value) -> Bundle {
        serde_json::from_value(serde_json::json!({
            "format": "policy-bundle/1",
            "meta": {"title": "Privacy Policy", "publisher": {"name": "Town of Example"}},
            "sections": sections,
        }))
        .unwrap()
    }

    fn section(id: &str, title: &str, paragraphs: &[&str]) -> serde_json::Value {
        let blocks: Vec<_> = paragraphs.iter().map(|p| serde_json::json!({"type": "paragraph", "text": p})).collect();
        serde_json::json!({"id": id, "title": title, "blocks": blocks})
    }

    const COOKIES: &str = "We use session cookies only. They expire when you close the browser.";
    const RECORDS: &str = "What you send us may be a public record under the Public Records Law.";

    #[test]
    fn the_same_text_has_no_changes() {
        let old = bundle(serde_json::json!([
            section("cookies", "Cookies", &[COOKIES]),
            section("records", "Public records", &[RECORDS])
        ]));
        assert_eq!(compare(&old, &old.clone()), Changes::default());
        assert!(redline::redline(&compare(&old, &old), &old, &old).ends_with("No changes.\n"));
    }

    #[test]
    fn a_renamed_section_is_changed_not_removed_and_added() {
        let old = bundle(serde_json::json!([section("cookies", "Cookies", &[COOKIES])]));
        let new = bundle(serde_json::json!([section("use-of-cookies", "Use of cookies", &[COOKIES])]));
        assert_eq!(
            compare(&old, &new).sections,
            [SectionChange::Changed {
                id: "use-of-cookies".into(),
                renamed_from: Some("Cookies".into()),
                title: "Use of cookies".into(),
                found_by: Match::Text,
                texts: vec![],
            }]
        );
    }

    #[test]
    fn a_moved_section_keeps_its_title_and_is_unchanged() {
        let old = bundle(serde_json::json!([
            section("cookies", "Cookies", &[COOKIES]),
            section("records", "Public records", &[RECORDS])
        ]));
        let mut moved = section("records-2", "Public records", &[RECORDS]);
        moved["sections"] = serde_json::json!([section("cookies-2", "Cookies", &[COOKIES])]);
        let new = bundle(serde_json::json!([moved]));
        assert_eq!(compare(&old, &new), Changes::default());
    }

    #[test]
    fn a_split_section_keeps_its_title_and_the_new_half_is_added() {
        let old = bundle(serde_json::json!([section("cookies", "Cookies", &[COOKIES, RECORDS])]));
        let new = bundle(serde_json::json!([
            section("cookies", "Cookies", &[COOKIES]),
            section("records", "Public records", &[RECORDS])
        ]));
        let changes = compare(&old, &new).sections;
        assert_eq!(changes.len(), 2, "{changes:?}");
        assert!(matches!(&changes[0], SectionChange::Changed { id, texts, .. }
            if id == "cookies" && texts == &[TextChange::Deleted(RECORDS.into())]));
        assert!(
            matches!(&changes[1], SectionChange::Added { id, texts, .. } if id == "records" && texts == &[RECORDS.to_owned()])
        );
    }

    #[test]
    fn an_edited_sentence_is_marked_word_by_word() {
        let old = bundle(serde_json::json!([section("cookies", "Cookies", &[COOKIES])]));
        let edited = "We use session cookies and analytics cookies. They expire when you close the browser.";
        let new = bundle(serde_json::json!([section("cookies", "Cookies", &[edited])]));
        let changes = compare(&old, &new).sections;
        let [SectionChange::Changed { texts, found_by: Match::Id, .. }] = &changes[..] else { panic!("{changes:?}") };
        let [TextChange::Edited(pieces)] = &texts[..] else { panic!("{texts:?}") };
        let side = |keep: fn(&Piece) -> Option<&String>| pieces.iter().filter_map(keep).cloned().collect::<String>();
        assert_eq!(
            side(|p| match p {
                Piece::Keep(s) | Piece::Delete(s) => Some(s),
                Piece::Insert(_) => None,
            }),
            COOKIES
        );
        assert_eq!(
            side(|p| match p {
                Piece::Keep(s) | Piece::Insert(s) => Some(s),
                Piece::Delete(_) => None,
            }),
            edited
        );
        assert!(pieces.contains(&Piece::Delete("only.".into())), "{pieces:?}");
        assert!(pieces.iter().any(|p| matches!(p, Piece::Insert(s) if s.contains("analytics"))), "{pieces:?}");
        let text = redline::redline(&compare(&old, &new), &old, &new);
        assert!(text.contains("  We use session cookies [-only.-]{+and analytics cookies.+} They expire"), "{text}");
    }

    #[test]
    fn an_added_list_item_is_inserted() {
        let list = |items: &[&str]| {
            let items: Vec<_> = items.iter().map(|t| serde_json::json!({"text": t})).collect();
            serde_json::json!({"id": "collect", "title": "What we collect", "blocks": [{"type": "list", "items": items}]})
        };
        let old = bundle(serde_json::json!([list(&["Your name", "Your email address"])]));
        let new = bundle(serde_json::json!([list(&["Your name", "Your email address", "Your phone number"])]));
        let changes = compare(&old, &new).sections;
        assert!(
            matches!(&changes[..], [SectionChange::Changed { texts, .. }] if texts == &[TextChange::Inserted("Your phone number".into())])
        );
    }

    #[test]
    fn a_removed_section_keeps_its_old_text() {
        let old = bundle(serde_json::json!([
            section("cookies", "Cookies", &[COOKIES]),
            section("records", "Public records", &[RECORDS])
        ]));
        let new = bundle(serde_json::json!([section("cookies", "Cookies", &[COOKIES])]));
        let changes = compare(&old, &new);
        assert_eq!(changes.counts(), (0, 0, 1));
        let text = redline::redline(&changes, &old, &new);
        assert!(
            text.contains("0 sections changed, 0 added, 1 removed.\n\nRemoved: Public records\n  [-What you send us"),
            "{text}"
        );
    }
}
