//! An update: a new text of a policy imported beside last version's bundle.
//! What the publisher reviewed and wrote last time (summary points, facts,
//! who publishes it, display options) stays, wherever the section it points
//! at still exists; what cannot stay is reported, never dropped silently.
//! Last version goes into the history, and what changed since it into the
//! bundle (`crate::changes`).

use crate::bundle::{Bundle, Changes, Version};
use crate::changes::matching::{self, Pairing};

/// Makes `draft` the next version of `previous`: [`carry_over`], then last
/// version first in the history (once: re-importing the same version does
/// not add it twice) and what changed since it (nothing, for the same text).
/// Returns a line for each thing that could not come along, saying why.
pub fn update(previous: &Bundle, draft: &mut Bundle) -> Vec<String> {
    let mut lost = carry_over(previous, draft);
    let Some(date) = previous.meta.updated_date.clone().or_else(|| previous.meta.effective_date.clone()) else {
        lost.push(
            "what changed was not recorded: last version's bundle has no date (meta.updated_date or \
             meta.effective_date); add the date it took effect, and update again"
                .to_owned(),
        );
        return lost;
    };
    draft.history = previous.history.clone();
    if draft.history.first().map(|v| &v.date) != Some(&date) {
        draft.history.insert(0, Version { date: date.clone(), url: None, summary: None });
    }
    draft.changes = Some(Changes { since: date, sections: crate::changes::compare(previous, draft) });
    lost
}

/// Each of the previous bundle's section ids beside its id in the new one,
/// for the sections [`matching::pair_sections`] pairs (by id, then title,
/// then words): a section the new text moved or renamed keeps what pointed
/// at it, as `diff` calls it changed rather than removed.
fn new_ids(previous: &Bundle, draft: &Bundle) -> Vec<(String, String)> {
    matching::pair_sections(previous, draft)
        .into_iter()
        .filter_map(|pairing| match pairing {
            Pairing::Matched { old, new, .. } => Some((old.id.clone(), new.id.clone())),
            _ => None,
        })
        .collect()
}

/// Carries last version's reviewed work into `draft`; returns a line for each
/// summary point or fact that could not come along, saying why.
///
/// Carried summary points replace the drafted ones; carried facts replace the
/// drafted facts of their kind, and drafted facts of other kinds stay after
/// them. The publisher, jurisdiction, page address and display options are
/// last version's, which a person set; the text's own title, dates and
/// language are the new text's.
pub fn carry_over(previous: &Bundle, draft: &mut Bundle) -> Vec<String> {
    let mut lost = Vec::new();
    let ids = new_ids(previous, draft);
    let summary =
        carried(&previous.summary, |p| &mut p.section, |p| format!("summary point \"{}\"", p.text), &ids, &mut lost);
    if !summary.is_empty() {
        draft.summary = summary;
    }
    let facts = carried(&previous.facts, |f| &mut f.section, |f| format!("fact \"{}\"", f.value), &ids, &mut lost);
    let drafted = std::mem::take(&mut draft.facts);
    draft.facts = facts;
    let carried_kinds: Vec<_> = draft.facts.iter().map(|f| f.kind).collect();
    draft.facts.extend(drafted.into_iter().filter(|f| !carried_kinds.contains(&f.kind)));

    draft.meta.publisher = previous.meta.publisher.clone();
    draft.meta.jurisdiction = previous.meta.jurisdiction.clone().or(draft.meta.jurisdiction.take());
    draft.meta.canonical_url = previous.meta.canonical_url.clone().or(draft.meta.canonical_url.take());
    draft.config = previous.config.clone();
    lost
}

/// Last version's `items` (summary points, facts) whose section the new text
/// still has (`ids`: [`new_ids`]), each pointed at that section's id there;
/// for each other, a line in `lost` that names it (`name`) and says why.
fn carried<T: Clone>(
    items: &[T],
    section_of: fn(&mut T) -> &mut String,
    name: fn(&T) -> String,
    ids: &[(String, String)],
    lost: &mut Vec<String>,
) -> Vec<T> {
    let mut kept = Vec::new();
    for item in items {
        let mut item = item.clone();
        let old = section_of(&mut item).clone();
        match ids.iter().find(|(before, _)| *before == old) {
            Some((_, id)) => {
                *section_of(&mut item) = id.clone();
                kept.push(item);
            }
            None => {
                lost.push(format!("{} was not carried over: its section \"{old}\" is not in the new text", name(&item)))
            }
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::validate::validate;
    use crate::bundle::{Block, Fact, FactKind, Section, SummaryPoint};

    fn bundle(sections: &[(&str, &str)]) -> Bundle {
        let mut b: Bundle = serde_json::from_str(
            r#"{"format":"policy-bundle/1","meta":{"title":"P","publisher":{"name":"Town"}},"sections":[]}"#,
        )
        .unwrap();
        b.sections = sections
            .iter()
            .map(|(id, title)| Section {
                id: (*id).into(),
                title: (*title).into(),
                blocks: vec![Block::Paragraph { text: "Text.".into() }],
                sections: Vec::new(),
            })
            .collect();
        b
    }

    fn fact(kind: FactKind, value: &str, section: &str) -> Fact {
        Fact { kind, answer: None, value: value.into(), quote: None, section: section.into() }
    }

    #[test]
    fn reviewed_points_and_facts_follow_their_sections_by_id_or_title() {
        let mut previous = bundle(&[("cookies", "Cookies"), ("security", "Security"), ("gone", "Old part")]);
        previous.meta.publisher.name = "Town of Concord".into();
        previous.summary = vec![
            SummaryPoint { text: "Cookies only for sessions.".into(), section: "cookies".into() },
            SummaryPoint { text: "Kept safe.".into(), section: "security".into() },
            SummaryPoint { text: "Old.".into(), section: "gone".into() },
        ];
        previous.facts =
            vec![fact(FactKind::Cookies, "Session only", "cookies"), fact(FactKind::Retention, "1 year", "gone")];
        // The new text renamed the cookies section's id, kept its title; security is as it was.
        let mut draft = bundle(&[("cookies-and-tracking", "Cookies"), ("security", "Security")]);
        draft.summary = vec![SummaryPoint { text: "Drafted.".into(), section: "security".into() }];
        draft.facts = vec![fact(FactKind::Cookies, "drafted", "security"), fact(FactKind::Security, "SSL", "security")];

        let lost = carry_over(&previous, &mut draft);
        let points: Vec<_> = draft.summary.iter().map(|p| (p.text.as_str(), p.section.as_str())).collect();
        assert_eq!(points, [("Cookies only for sessions.", "cookies-and-tracking"), ("Kept safe.", "security")]);
        let facts: Vec<_> = draft.facts.iter().map(|f| (f.kind, f.value.as_str())).collect();
        assert_eq!(facts, [(FactKind::Cookies, "Session only"), (FactKind::Security, "SSL")]);
        assert_eq!(lost.len(), 2, "{lost:?}");
        assert!(lost[0].contains("\"Old.\"") && lost[1].contains("\"1 year\"") && lost[1].contains("\"gone\""));
        assert_eq!(draft.meta.publisher.name, "Town of Concord");
        assert_eq!(validate(&draft), []);
    }

    #[test]
    fn a_point_follows_its_section_renamed_with_the_same_words() {
        let mut previous = bundle(&[("safety", "Safety")]);
        previous.sections[0].blocks =
            vec![Block::Paragraph { text: "We protect what you send us with encryption.".into() }];
        previous.summary = vec![SummaryPoint { text: "Encrypted.".into(), section: "safety".into() }];
        let mut draft = bundle(&[("how-we-protect-it", "How we protect it")]);
        draft.sections[0].blocks = previous.sections[0].blocks.clone();
        assert_eq!(carry_over(&previous, &mut draft), Vec::<String>::new());
        assert_eq!(draft.summary[0].section, "how-we-protect-it");
    }

    #[test]
    fn nothing_carried_keeps_the_draft() {
        let previous = bundle(&[("a", "A")]);
        let mut draft = bundle(&[("b", "B")]);
        draft.summary = vec![SummaryPoint { text: "Drafted.".into(), section: "b".into() }];
        assert_eq!(carry_over(&previous, &mut draft), Vec::<String>::new());
        assert_eq!(draft.summary.len(), 1);
    }
}
