//! The edits a reviewer makes to a draft bundle, as values: each form control
//! of the studio sends one, and [`apply`] makes it. Kept apart from the
//! components so that every edit is tested natively, and so that an edit can
//! never leave a reference dangling (a merged section's summary points and
//! facts follow it).

use crate::bundle::names::Named;
use crate::bundle::{
    Block, Bundle, Contact, Definition, Fact, FactAnswer, FactKind, PublisherKind, Section, SummaryPoint,
};

/// A field of the policy's metadata.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetaField {
    Title,
    Publisher,
    Kind,
    Website,
    Jurisdiction,
    EffectiveDate,
    UpdatedDate,
    Language,
    CanonicalUrl,
}

/// The lists a reviewer edits item by item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Summary,
    Facts,
    Definitions,
    Contacts,
}

/// A field of one item of a [`List`]; which fields an item has depends on the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemField {
    Text,
    Section,
    Kind,
    Answer,
    Value,
    Quote,
    Term,
    /// A definition's other names, separated by commas.
    Aliases,
    Label,
    Email,
    Phone,
    Url,
    Address,
}

/// Where an item or a section moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    Remove,
}

/// A change to the outline; sections are named by their place in reading
/// order (the contents' order), which is how the studio lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutlineChange {
    /// One level up: the section (with its subsections) follows its parent.
    Promote,
    /// One level down: the section becomes the last subsection of the one before it.
    Demote,
    /// Into the section before it in reading order: a heading the importer
    /// split, or a paragraph it took for a heading.
    MergeUp,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Meta(MetaField, String),
    Item(List, usize, ItemField, String),
    Move(List, usize, Move),
    Add(List),
    SectionTitle(usize, String),
    Outline(usize, OutlineChange),
}

/// Makes one edit. Text is kept as typed: an empty required field is the
/// validator's to report beside it, not the edit's to refuse.
pub fn apply(bundle: &mut Bundle, edit: Edit) {
    match edit {
        Edit::Meta(field, value) => set_meta(bundle, field, value),
        Edit::Item(list, i, field, value) => set_item(bundle, list, i, field, value),
        Edit::Move(list, i, to) => match list {
            List::Summary => move_item(&mut bundle.summary, i, to),
            List::Facts => move_item(&mut bundle.facts, i, to),
            List::Definitions => move_item(&mut bundle.definitions, i, to),
            List::Contacts => move_item(&mut bundle.contacts, i, to),
        },
        Edit::Add(list) => {
            let section = bundle.sections.first().map(|s| s.id.clone()).unwrap_or_default();
            match list {
                List::Summary => bundle.summary.push(SummaryPoint { text: String::new(), section }),
                List::Facts => bundle.facts.push(Fact {
                    kind: FactKind::Contact,
                    answer: None,
                    value: String::new(),
                    quote: None,
                    section,
                }),
                List::Definitions => bundle.definitions.push(Definition {
                    term: String::new(),
                    aliases: Vec::new(),
                    text: String::new(),
                    section: None,
                }),
                List::Contacts => bundle.contacts.push(Contact::default()),
            }
        }
        Edit::SectionTitle(n, title) => {
            if let Some(path) = paths(&bundle.sections).get(n) {
                section_mut(&mut bundle.sections, path).title = title;
            }
        }
        Edit::Outline(n, change) => change_outline(bundle, n, change),
    }
}

fn optional(value: String) -> Option<String> {
    (!value.trim().is_empty()).then_some(value)
}

fn set_meta(bundle: &mut Bundle, field: MetaField, value: String) {
    let meta = &mut bundle.meta;
    match field {
        MetaField::Title => meta.title = value,
        MetaField::Publisher => meta.publisher.name = value,
        MetaField::Kind => meta.publisher.kind = PublisherKind::from_name(&value).unwrap_or_default(),
        MetaField::Website => meta.publisher.website = optional(value),
        MetaField::Jurisdiction => meta.jurisdiction = optional(value),
        MetaField::EffectiveDate => meta.effective_date = optional(value),
        MetaField::UpdatedDate => meta.updated_date = optional(value),
        MetaField::Language => meta.language = value,
        MetaField::CanonicalUrl => meta.canonical_url = optional(value),
    }
}

fn set_item(bundle: &mut Bundle, list: List, i: usize, field: ItemField, value: String) {
    use ItemField as F;
    match list {
        List::Summary => {
            let Some(point) = bundle.summary.get_mut(i) else { return };
            match field {
                F::Section => point.section = value,
                _ => point.text = value,
            }
        }
        List::Facts => {
            let Some(fact) = bundle.facts.get_mut(i) else { return };
            match field {
                F::Kind => fact.kind = FactKind::from_name(&value).unwrap_or(fact.kind),
                F::Answer => fact.answer = FactAnswer::from_name(&value),
                F::Quote => fact.quote = optional(value),
                F::Section => fact.section = value,
                _ => fact.value = value,
            }
        }
        List::Definitions => {
            let Some(definition) = bundle.definitions.get_mut(i) else { return };
            match field {
                F::Term => definition.term = value,
                F::Aliases => {
                    definition.aliases =
                        value.split(',').map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect()
                }
                F::Section => definition.section = optional(value),
                _ => definition.text = value,
            }
        }
        List::Contacts => {
            let Some(contact) = bundle.contacts.get_mut(i) else { return };
            match field {
                F::Email => contact.email = optional(value),
                F::Phone => contact.phone = optional(value),
                F::Url => contact.url = optional(value),
                F::Address => contact.address = optional(value),
                F::Section => contact.section = optional(value),
                _ => contact.label = value,
            }
        }
    }
}

fn move_item<T>(items: &mut Vec<T>, i: usize, to: Move) {
    if i >= items.len() {
        return;
    }
    match to {
        Move::Up if i > 0 => items.swap(i, i - 1),
        Move::Down if i + 1 < items.len() => items.swap(i, i + 1),
        Move::Remove => {
            items.remove(i);
        }
        _ => {}
    }
}

/// Every section's place in the tree, in reading order.
pub fn paths(sections: &[Section]) -> Vec<Vec<usize>> {
    fn walk(sections: &[Section], prefix: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        for (i, s) in sections.iter().enumerate() {
            prefix.push(i);
            out.push(prefix.clone());
            walk(&s.sections, prefix, out);
            prefix.pop();
        }
    }
    let mut out = Vec::new();
    walk(sections, &mut Vec::new(), &mut out);
    out
}

fn siblings_mut<'a>(sections: &'a mut Vec<Section>, parent: &[usize]) -> &'a mut Vec<Section> {
    match parent.split_last() {
        None => sections,
        Some(_) => &mut section_mut(sections, parent).sections,
    }
}

fn section_mut<'a>(sections: &'a mut [Section], path: &[usize]) -> &'a mut Section {
    let (first, rest) = path.split_first().expect("a section's path is never empty");
    rest.iter().fold(&mut sections[*first], |s, &i| &mut s.sections[i])
}

fn change_outline(bundle: &mut Bundle, n: usize, change: OutlineChange) {
    let all = paths(&bundle.sections);
    let Some(path) = all.get(n).cloned() else { return };
    let (&index, parent) = path.split_last().expect("a section's path is never empty");
    match change {
        OutlineChange::Promote => {
            let Some((&parent_index, grandparent)) = parent.split_last() else { return };
            let section = siblings_mut(&mut bundle.sections, parent).remove(index);
            siblings_mut(&mut bundle.sections, grandparent).insert(parent_index + 1, section);
        }
        OutlineChange::Demote => {
            if index == 0 {
                return;
            }
            let siblings = siblings_mut(&mut bundle.sections, parent);
            let section = siblings.remove(index);
            siblings[index - 1].sections.push(section);
        }
        OutlineChange::MergeUp => {
            let Some(before) = n.checked_sub(1).map(|b| all[b].clone()) else { return };
            let siblings = siblings_mut(&mut bundle.sections, parent);
            let merged = siblings.remove(index);
            // Its subsections take its place, so the reading order stays.
            for (k, child) in merged.sections.into_iter().enumerate() {
                siblings.insert(index + k, child);
            }
            let into = section_mut(&mut bundle.sections, &before);
            if into.blocks.is_empty() {
                // A heading split over two lines: one title again.
                into.title = format!("{} {}", into.title.trim_end(), merged.title.trim_start());
            } else {
                into.blocks.push(Block::Paragraph { text: merged.title });
            }
            into.blocks.extend(merged.blocks);
            let (from, to) = (merged.id, into.id.clone());
            follow_section(bundle, &from, &to);
        }
    }
}

/// Points every reference to section `from` at section `to`.
fn follow_section(bundle: &mut Bundle, from: &str, to: &str) {
    let retarget = |id: &mut String| {
        if id == from {
            *id = to.to_owned();
        }
    };
    bundle.summary.iter_mut().for_each(|p| retarget(&mut p.section));
    bundle.facts.iter_mut().for_each(|f| retarget(&mut f.section));
    bundle.definitions.iter_mut().filter_map(|d| d.section.as_mut()).for_each(retarget);
    bundle.contacts.iter_mut().filter_map(|c| c.section.as_mut()).for_each(retarget);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::validate::validate;

    fn section(id: &str, text: &str, children: Vec<Section>) -> Section {
        let blocks = if text.is_empty() { Vec::new() } else { vec![Block::Paragraph { text: text.into() }] };
        Section { id: id.into(), title: id.to_uppercase(), blocks, sections: children }
    }

    fn bundle(sections: Vec<Section>) -> Bundle {
        let mut b: Bundle = serde_json::from_str(
            r#"{"format":"policy-bundle/1","meta":{"title":"P","publisher":{"name":"Town"}},"sections":[]}"#,
        )
        .unwrap();
        b.sections = sections;
        b
    }

    fn outline(b: &Bundle) -> Vec<(usize, String)> {
        b.sections_flat().into_iter().map(|(d, s)| (d, s.id.clone())).collect()
    }

    fn words(b: &Bundle) -> Vec<String> {
        let mut out = Vec::new();
        b.each_text(&mut |_, text| out.extend(text.split_whitespace().map(str::to_owned)));
        out
    }

    #[test]
    fn promoting_and_demoting_move_a_section_with_its_subsections() {
        let mut b = bundle(vec![section(
            "a",
            "1",
            vec![section("b", "2", vec![section("c", "3", vec![])]), section("d", "4", vec![])],
        )]);
        apply(&mut b, Edit::Outline(1, OutlineChange::Promote));
        assert_eq!(outline(&b), [(0, "a".into()), (1, "d".into()), (0, "b".into()), (1, "c".into())]);
        apply(&mut b, Edit::Outline(2, OutlineChange::Demote));
        assert_eq!(outline(&b), [(0, "a".into()), (1, "d".into()), (1, "b".into()), (2, "c".into())]);
        // The first section has nothing to go under, a top section nothing above it.
        let before = b.clone();
        apply(&mut b, Edit::Outline(0, OutlineChange::Demote));
        apply(&mut b, Edit::Outline(0, OutlineChange::Promote));
        assert_eq!(b, before);
    }

    #[test]
    fn merging_keeps_every_word_in_order_and_every_reference_valid() {
        let mut b = bundle(vec![section("a", "one", vec![]), section("b", "two", vec![section("c", "three", vec![])])]);
        b.summary.push(SummaryPoint { text: "A point.".into(), section: "b".into() });
        b.facts.push(Fact {
            kind: FactKind::Cookies,
            answer: None,
            value: "v".into(),
            quote: None,
            section: "b".into(),
        });
        let before = words(&b);
        apply(&mut b, Edit::Outline(1, OutlineChange::MergeUp));
        assert_eq!(outline(&b), [(0, "a".into()), (0, "c".into())]);
        assert_eq!(words(&b), before, "the merged title is a paragraph where it stood");
        assert_eq!((b.summary[0].section.as_str(), b.facts[0].section.as_str()), ("a", "a"));
        assert_eq!(validate(&b), []);
    }

    #[test]
    fn merging_into_an_empty_section_joins_a_heading_split_in_two() {
        let mut b = bundle(vec![section("use-of", "", vec![]), section("information", "We use it.", vec![])]);
        apply(&mut b, Edit::Outline(1, OutlineChange::MergeUp));
        assert_eq!(b.sections.len(), 1);
        assert_eq!(b.sections[0].title, "USE-OF INFORMATION");
        assert_eq!(b.sections[0].blocks, [Block::Paragraph { text: "We use it.".into() }]);
    }

    #[test]
    fn items_are_edited_moved_added_and_removed() {
        let mut b = bundle(vec![section("a", "one", vec![])]);
        apply(&mut b, Edit::Add(List::Facts));
        apply(&mut b, Edit::Item(List::Facts, 0, ItemField::Kind, "sells_data".into()));
        apply(&mut b, Edit::Item(List::Facts, 0, ItemField::Answer, "no".into()));
        apply(&mut b, Edit::Item(List::Facts, 0, ItemField::Value, "We do not sell it.".into()));
        assert_eq!(
            (b.facts[0].kind, b.facts[0].answer, b.facts[0].section.as_str()),
            (FactKind::SellsData, Some(FactAnswer::No), "a")
        );
        apply(&mut b, Edit::Add(List::Summary));
        apply(&mut b, Edit::Add(List::Summary));
        apply(&mut b, Edit::Item(List::Summary, 1, ItemField::Text, "Second".into()));
        apply(&mut b, Edit::Move(List::Summary, 1, Move::Up));
        assert_eq!(b.summary[0].text, "Second");
        apply(&mut b, Edit::Move(List::Summary, 1, Move::Remove));
        assert_eq!(b.summary.len(), 1);
        apply(&mut b, Edit::Meta(MetaField::Kind, "school_district".into()));
        apply(&mut b, Edit::Meta(MetaField::Website, " ".into()));
        assert_eq!((b.meta.publisher.kind, b.meta.publisher.website.as_deref()), (PublisherKind::SchoolDistrict, None));
        apply(&mut b, Edit::Add(List::Definitions));
        apply(&mut b, Edit::Item(List::Definitions, 0, ItemField::Aliases, "PII, personal data, ".into()));
        assert_eq!(b.definitions[0].aliases, ["PII", "personal data"]);
        // Out of range is nothing, never a panic.
        apply(&mut b, Edit::Move(List::Contacts, 9, Move::Down));
        apply(&mut b, Edit::SectionTitle(9, "x".into()));
    }
}
