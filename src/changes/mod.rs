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

use crate::bundle::marked::{self, Piece};
use crate::bundle::{inline, Bundle, ChangeKind, Section, SectionChange};
use matching::Pairing;

/// Every section that is not the same in `old` and `new`, in the new
/// version's order, the removed sections after the others; empty when
/// nothing changed. A bundle's `changes` (`import --previous`) and
/// `policy-widget diff` are made of it.
pub fn compare(old: &Bundle, new: &Bundle) -> Vec<SectionChange> {
    let mut changes = Vec::new();
    for pairing in matching::pair_sections(old, new) {
        let change = |section: &Section, change, previous_title, texts| SectionChange {
            section: section.id.clone(),
            change,
            previous_title,
            texts,
        };
        match pairing {
            Pairing::Added(s) => changes.push(change(s, ChangeKind::Added, None, Vec::new())),
            Pairing::Removed(s) => {
                let texts = self::texts(s).into_iter().map(|t| marked::whole(Piece::Keep(t))).collect();
                changes.push(change(s, ChangeKind::Removed, Some(plain_title(s)), texts));
            }
            Pairing::Matched { old, new, .. } => {
                let texts = words::compare_texts(&self::texts(old), &self::texts(new));
                let before = plain_title(old);
                // A title whose letters only changed case ("Privacy Policy" →
                // "Privacy policy") is not a new name for a committee to review.
                let renamed = matching::normalised(&before) != matching::normalised(&plain_title(new));
                if !texts.is_empty() || renamed {
                    changes.push(change(new, ChangeKind::Changed, renamed.then_some(before), texts));
                }
            }
        }
    }
    changes
}

/// How many sections were changed, added and removed.
pub fn counts(changes: &[SectionChange]) -> (usize, usize, usize) {
    let count = |kind| changes.iter().filter(|c| c.change == kind).count();
    (count(ChangeKind::Changed), count(ChangeKind::Added), count(ChangeKind::Removed))
}

pub(crate) fn plain_title(section: &Section) -> String {
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
    use matching::Match;

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
        assert_eq!(compare(&old, &old.clone()), []);
        assert!(redline::redline(&compare(&old, &old), &old, &old).ends_with("No changes.\n"));
    }

    #[test]
    fn a_renamed_section_is_changed_not_removed_and_added() {
        let old = bundle(serde_json::json!([section("cookies", "Cookies", &[COOKIES])]));
        let new = bundle(serde_json::json!([section("use-of-cookies", "Use of cookies", &[COOKIES])]));
        assert_eq!(
            compare(&old, &new),
            [SectionChange {
                section: "use-of-cookies".into(),
                change: ChangeKind::Changed,
                previous_title: Some("Cookies".into()),
                texts: vec![],
            }]
        );
        assert!(matches!(&matching::pair_sections(&old, &new)[..], [Pairing::Matched { found_by: Match::Text, .. }]));
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
        assert_eq!(compare(&old, &new), []);
        assert!(matches!(
            &matching::pair_sections(&old, &new)[..],
            [Pairing::Matched { found_by: Match::Title, .. }, Pairing::Matched { found_by: Match::Title, .. }]
        ));
    }

    #[test]
    fn a_split_section_keeps_its_title_and_the_new_half_is_added() {
        let old = bundle(serde_json::json!([section("cookies", "Cookies", &[COOKIES, RECORDS])]));
        let new = bundle(serde_json::json!([
            section("cookies", "Cookies", &[COOKIES]),
            section("records", "Public records", &[RECORDS])
        ]));
        assert_eq!(
            compare(&old, &new),
            [
                SectionChange {
                    section: "cookies".into(),
                    change: ChangeKind::Changed,
                    previous_title: None,
                    texts: vec![format!("[-{RECORDS}-]")],
                },
                SectionChange {
                    section: "records".into(),
                    change: ChangeKind::Added,
                    previous_title: None,
                    texts: vec![]
                },
            ]
        );
    }

    #[test]
    fn an_edited_sentence_is_marked_word_by_word() {
        let old = bundle(serde_json::json!([section("cookies", "Cookies", &[COOKIES])]));
        let edited = "We use session cookies and analytics cookies. They expire when you close the browser.";
        let new = bundle(serde_json::json!([section("cookies", "Cookies", &[edited])]));
        let changes = compare(&old, &new);
        let [SectionChange { texts, change: ChangeKind::Changed, .. }] = &changes[..] else { panic!("{changes:?}") };
        let [text] = &texts[..] else { panic!("{texts:?}") };
        let pieces = marked::pieces(text).unwrap();
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
        let changes = compare(&old, &new);
        assert!(matches!(&changes[..], [SectionChange { texts, .. }] if texts == &["{+Your phone number+}"]));
    }

    #[test]
    fn a_removed_section_keeps_its_old_text() {
        let old = bundle(serde_json::json!([
            section("cookies", "Cookies", &[COOKIES]),
            section("records", "Public records", &[RECORDS])
        ]));
        let new = bundle(serde_json::json!([section("cookies", "Cookies", &[COOKIES])]));
        let changes = compare(&old, &new);
        assert_eq!(counts(&changes), (0, 0, 1));
        let text = redline::redline(&changes, &old, &new);
        assert!(
            text.contains("0 sections changed, 0 added, 1 removed.\n\nRemoved: Public records\n  [-What you send us"),
            "{text}"
        );
    }
}
