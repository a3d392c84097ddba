//! What a search shows besides its ranking: each hit's marks, in every form
//! the policy writes its words, and when nothing matched, the policy's words
//! nearest to what was typed.

use super::query::Clause;
use super::rank::PhraseFound;
use super::{distance, text, Highlighter, Index};
use crate::keyed::Strings;

/// The surface forms of the terms a query can match: `forms[i]` are the
/// words of the policy whose term is `terms[i]` (sorted).
pub(super) struct Forms {
    terms: Vec<u32>,
    forms: Vec<Strings>,
}

impl Forms {
    /// Every term a query can match has at least one form (the word it came
    /// from); `None` only for a term the query did not ask about.
    fn of(&self, term: u32) -> Option<&Strings> {
        self.terms.binary_search(&term).ok().map(|i| &self.forms[i])
    }

    /// Marks for these terms and these of the query's phrases, in every form
    /// the policy uses.
    pub fn marks(&self, terms: Vec<u32>, phrases: &[PhraseFound], clauses: &[Clause]) -> Highlighter {
        let words = terms.into_iter().flat_map(|id| self.of(id).into_iter().flat_map(Strings::iter).cloned()).collect();
        let phrases = phrases
            .iter()
            .map(|p| &clauses[p.clause].phrases[p.alternative].terms)
            .map(|ids| ids.iter().map(|&id| self.of(id).cloned().unwrap_or_default()).collect())
            .collect();
        Highlighter::new(words, phrases)
    }
}

impl Index {
    /// Every surface form the policy uses for each term a query can match.
    pub(super) fn forms(&self, clauses: &[Clause]) -> Forms {
        let mut terms: Vec<u32> = clauses
            .iter()
            .flat_map(|c| c.terms.iter().map(|t| t.term).chain(c.phrases.iter().flat_map(|p| p.terms.iter().copied())))
            .collect();
        terms.sort_unstable();
        terms.dedup();
        let mut forms = vec![Strings::default(); terms.len()];
        for (word, id) in &self.vocabulary {
            if let Ok(i) = terms.binary_search(id) {
                forms[i].insert(word.clone());
            }
        }
        Forms { terms, forms }
    }

    /// The policy's words nearest to the query's words (edit distance ≤ 2),
    /// the more common first among those as near.
    pub(super) fn suggestions(&self, query: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in text::tokens(query).iter().filter(|t| t.word.chars().count() >= 3) {
            let mut near: Vec<(usize, usize, &String)> = self
                .vocabulary
                .iter()
                .filter_map(|(w, id)| {
                    distance::within(w, &t.word, 2).map(|d| (d, usize::MAX - self.terms.at(*id).len(), w))
                })
                .collect();
            near.sort();
            out.extend(near.into_iter().take(3).map(|(_, _, w)| w.clone()));
        }
        out.dedup();
        out.truncate(5);
        out
    }
}
