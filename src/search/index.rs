//! Building the index: every section's words as terms (stems) with where they
//! occur, the policy's vocabulary, and the synonyms and phrases a query word
//! can stand for.

#[allow(clippy::disallowed_types)] // `keyed`'s own table type: no more of its code
use std::collections::HashMap;

use super::{synonyms, text, Index, Language};
use crate::bundle::{inline, Bundle};
use crate::keyed::Keyed;

/// A summary point or fact citing a section counts this many times a word of
/// its body: the publisher chose it as what the section says.
const SUMMARY_WEIGHT: f32 = 2.0;

/// One section, as search sees it.
pub(super) struct Doc {
    pub section: String,
    /// Body length, summary words counting with their weight.
    pub length: f32,
    /// The section's term ids in order; `None` between separate texts, so a
    /// phrase never spans two of them. What the section shows (its title and
    /// text) comes first, then the summary points, facts and defined terms
    /// that stand for it elsewhere.
    pub sequence: Vec<Option<u32>>,
    /// How much of `sequence` the section shows: the matches a reader counts.
    pub shown: usize,
}

/// Where one term occurs.
#[derive(Clone, Copy)]
pub(super) struct Posting {
    pub doc: u32,
    /// Occurrences in the body, summary points counting double.
    pub weighted: f32,
    /// Whether the term is in the title or a defined name.
    pub in_title: bool,
    /// Occurrences in what the section shows, as the reader counts its marks.
    pub count: u32,
}

/// One term's occurrences in the section being indexed: a [`Posting`] without
/// its section.
#[derive(Clone, Copy, Default, PartialEq)]
struct Tally {
    weighted: f32,
    in_title: bool,
    count: u32,
}

/// The section being indexed: a tally by term id, and which terms it has.
#[derive(Default)]
struct Counts {
    by_term: Vec<Tally>,
    terms: Vec<u32>,
}

impl Counts {
    fn add(&mut self, id: u32, weight: f32, shown: bool) {
        let i = id as usize;
        if i >= self.by_term.len() {
            self.by_term.resize(i + 1, Tally::default());
        }
        let tally = &mut self.by_term[i];
        if *tally == Tally::default() {
            self.terms.push(id);
        }
        tally.weighted += weight;
        tally.in_title |= weight == 0.0;
        tally.count += u32::from(shown);
    }

    /// This section's postings; the counts are left empty for the next one.
    fn take(&mut self, doc: u32) -> impl Iterator<Item = (u32, Posting)> + '_ {
        let by_term = &mut self.by_term;
        self.terms.drain(..).map(move |id| {
            let Tally { weighted, in_title, count } = std::mem::take(&mut by_term[id as usize]);
            (id, Posting { doc, weighted, in_title, count })
        })
    }
}

impl Index {
    /// Indexes every section of a bundle.
    pub fn build(bundle: &Bundle) -> Self {
        let mut index = Index {
            language: Language::for_tag(&bundle.meta.language),
            docs: Vec::new(),
            terms: Keyed::default(),
            vocabulary: Vec::new(),
            synonyms: Keyed::default(),
            phrases: Keyed::default(),
            average_length: 0.0,
        };
        // Summary points and facts count for the section they cite.
        let mut cited: Keyed<Vec<&str>> = Keyed::default();
        for p in &bundle.summary {
            cited.entry(&p.section).push(&p.text);
        }
        let mut defined: Keyed<Vec<&str>> = Keyed::default();
        for d in &bundle.definitions {
            if let Some(section) = &d.section {
                defined
                    .entry(section)
                    .extend(std::iter::once(d.term.as_str()).chain(d.aliases.iter().map(String::as_str)));
            }
        }
        for f in &bundle.facts {
            cited.entry(&f.section).push(&f.value);
        }
        // Folded word → term id, while words arrive; sorted into `vocabulary` after.
        #[allow(clippy::disallowed_types)]
        let mut words_seen: HashMap<String, u32> = HashMap::new();
        let mut counts = Counts::default();
        for (_, section) in bundle.sections_flat() {
            let doc = index.docs.len() as u32;
            let mut sequence = Vec::new();
            let mut length = 0.0;
            // `weight` 0 marks a title: counted apart from the body. `shown`:
            // whether the section shows the text (with its marks). Returns
            // how long the sequence is now.
            let mut add = |index: &mut Index, text: &str, weight: f32, shown: bool| {
                let words = text::Words::new(&inline::plain(text));
                for i in 0..words.len() {
                    let id = index.term(&mut words_seen, words.word(i));
                    counts.add(id, weight, shown);
                    sequence.push(Some(id));
                    length += weight;
                }
                sequence.push(None);
                sequence.len()
            };
            let mut shown = add(&mut index, &section.title, 0.0, true);
            for block in &section.blocks {
                block.each_text(&mut |_, text| shown = add(&mut index, text, 1.0, true));
            }
            // A term defined here is what this section is about.
            for term in defined.get(&section.id).into_iter().flatten() {
                add(&mut index, term, 0.0, false);
            }
            for text in cited.get(&section.id).into_iter().flatten() {
                add(&mut index, text, SUMMARY_WEIGHT, false);
            }
            for (id, posting) in counts.take(doc) {
                index.terms.at_mut(id).push(posting);
            }
            index.docs.push(Doc { section: section.id.clone(), length, sequence, shown });
        }
        index.vocabulary = words_seen.into_iter().collect();
        index.vocabulary.sort_unstable();
        index.average_length = index.docs.iter().map(|d| d.length).sum::<f32>() / index.docs.len().max(1) as f32;
        index.link_synonyms(bundle);
        index
    }

    /// The id of a folded word's term, creating it (and its entry in `seen`).
    #[allow(clippy::disallowed_types)]
    fn term(&mut self, seen: &mut HashMap<String, u32>, word: &str) -> u32 {
        if let Some(id) = seen.get(word) {
            return *id;
        }
        let id = self.terms.slot(&self.language.stem(word), Vec::new);
        seen.insert(word.to_owned(), id);
        id
    }

    /// Where `word` stands, or would stand, in the vocabulary.
    pub(super) fn vocabulary_from(&self, word: &str) -> usize {
        self.vocabulary.partition_point(|(w, _)| w.as_str() < word)
    }

    /// The term id of a word if the policy has it.
    pub(super) fn known(&self, word: &str) -> Option<u32> {
        match self.vocabulary.get(self.vocabulary_from(word)) {
            Some((w, id)) if w == word => Some(*id),
            _ => self.terms.slot_of(&self.language.stem(word)),
        }
    }

    /// The term ids of a phrase's words, if the policy has every one.
    pub(super) fn phrase_ids(&self, words: &str) -> Option<Vec<u32>> {
        let ids: Option<Vec<u32>> = text::tokens(words).iter().map(|t| self.known(&t.word)).collect();
        ids.filter(|ids| !ids.is_empty())
    }

    fn link_synonyms(&mut self, bundle: &Bundle) {
        for group in synonyms::GROUPS.lines() {
            let mut ids: Vec<u32> = group.split(' ').filter_map(|w| self.known(w)).collect();
            ids.sort_unstable();
            ids.dedup();
            for word in group.split(' ') {
                self.synonyms.entry(&self.language.stem(word)).extend(&ids);
            }
        }
        let mut pairs: Vec<(String, String)> =
            synonyms::PHRASES.iter().map(|(w, p)| (w.to_string(), p.to_string())).collect();
        // Glossary: each name of a term stands for the others.
        for d in &bundle.definitions {
            let names: Vec<String> = std::iter::once(&d.term).chain(&d.aliases).map(|n| inline::plain(n)).collect();
            for a in &names {
                for b in names.iter().filter(|b| *b != a) {
                    pairs.push((a.clone(), b.clone()));
                }
            }
        }
        for (name, phrase) in pairs {
            let key: Vec<String> = text::tokens(&name).into_iter().map(|t| t.word).collect();
            if let (Some(ids), [word]) = (self.phrase_ids(&phrase), key.as_slice()) {
                self.phrases.entry(word).push(ids);
            }
        }
    }
}
