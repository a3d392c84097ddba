//! Which section of the old version each section of the new one is.
//!
//! By id first (ids are stable across an update made with `--previous`), then
//! by title (a section moved elsewhere keeps its title; the importer may give
//! it another id), then by text (a renamed section keeps most of its words).
//! So a renamed or moved section is "changed", not "removed" and "added".

use crate::bundle::{inline, Bundle, Section};
use crate::keyed::Strings;

/// How an old section was found for a new one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// The same id.
    Id,
    /// The same title.
    Title,
    /// Most of the same words.
    Text,
}

/// A new section and its old self, or a section in one version only.
#[derive(Debug)]
pub enum Pairing<'a> {
    /// The same section in both versions.
    Matched {
        /// The old version's.
        old: &'a Section,
        /// The new version's.
        new: &'a Section,
        /// How it was found.
        found_by: Match,
    },
    /// Only in the new version.
    Added(&'a Section),
    /// Only in the old version.
    Removed(&'a Section),
}

/// The share of words two sections must have in common to be one section
/// under two titles: half. A section split in two matches the half that keeps
/// its title; the other half is new.
const SAME_TEXT: f64 = 0.5;

/// Every section of both versions, paired: the new version's order, then the
/// sections only the old one has, in its order.
pub fn pair_sections<'a>(old: &'a Bundle, new: &'a Bundle) -> Vec<Pairing<'a>> {
    let olds: Vec<&Section> = old.sections_flat().into_iter().map(|(_, s)| s).collect();
    let news: Vec<&Section> = new.sections_flat().into_iter().map(|(_, s)| s).collect();
    // For each new section, the index of its old self and how it was found.
    let mut found: Vec<Option<(usize, Match)>> = vec![None; news.len()];
    let mut taken = vec![false; olds.len()];

    let mut pass = |found: &mut Vec<Option<(usize, Match)>>, how: Match, same: &dyn Fn(&Section, &Section) -> bool| {
        for (n, new) in news.iter().enumerate() {
            if found[n].is_some() {
                continue;
            }
            if let Some(o) = (0..olds.len()).find(|&o| !taken[o] && same(olds[o], new)) {
                taken[o] = true;
                found[n] = Some((o, how));
            }
        }
    };
    pass(&mut found, Match::Id, &|old, new| old.id == new.id);
    pass(&mut found, Match::Title, &|old, new| normalised(&old.title) == normalised(&new.title));

    // By text: the most alike pair first, so one loose likeness cannot take a
    // section from its closer match.
    let words = |s: &Section| word_set(s);
    let old_words: Vec<Strings> = olds.iter().map(|s| words(s)).collect();
    let new_words: Vec<Strings> = news.iter().map(|s| words(s)).collect();
    let mut candidates = Vec::new();
    for (n, new) in new_words.iter().enumerate().filter(|(n, _)| found[*n].is_none()) {
        for (o, old) in old_words.iter().enumerate().filter(|(o, _)| !taken[*o]) {
            let score = likeness(old, new);
            if score >= SAME_TEXT {
                candidates.push((score, o, n));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (_, o, n) in candidates {
        if !taken[o] && found[n].is_none() {
            taken[o] = true;
            found[n] = Some((o, Match::Text));
        }
    }

    let mut pairings: Vec<Pairing> = news
        .iter()
        .zip(&found)
        .map(|(new, found)| match found {
            Some((o, how)) => Pairing::Matched { old: olds[*o], new, found_by: *how },
            None => Pairing::Added(new),
        })
        .collect();
    pairings.extend(olds.iter().zip(&taken).filter(|(_, taken)| !**taken).map(|(old, _)| Pairing::Removed(old)));
    pairings
}

/// A title as a reader compares titles: its words, in lower case.
pub(crate) fn normalised(title: &str) -> String {
    inline::plain(title).split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

/// A section's words (title and own text), lower-cased, for likeness.
fn word_set(section: &Section) -> Strings {
    let mut words = Strings::default();
    for text in std::iter::once(inline::plain(&section.title)).chain(super::texts(section)) {
        for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            words.insert(word.to_lowercase());
        }
    }
    words
}

/// Words in common over words in either (Jaccard): 1 for the same words.
fn likeness(a: &Strings, b: &Strings) -> f64 {
    let common = a.iter().filter(|word| b.contains(word)).count();
    let union = a.len() + b.len() - common;
    if union == 0 {
        return 0.0;
    }
    common as f64 / union as f64
}
