//! Search inside one policy, in pure Rust: built in the browser from the bundle
//! when the widget loads, queried on each keystroke.
//!
//! Ranking is BM25 over sections, with a section's title and the summary points
//! and facts that cite it counted as stronger evidence than its body. A query
//! word matches, in decreasing weight: its stem; a phrase it stands for
//! (glossary aliases, "PII"); a synonym; a longer word it starts (the last word,
//! while typing); a word one edit away (only when nothing matches exactly, so a
//! typo never outranks a correct spelling). User input is only ever compared
//! with words: nothing in a query is compiled or interpreted.
//!
//! The flow of a search: [`Index::build`] (`index`) once per bundle, in the
//! policy's [`Language`] (`language`); then per query, its clauses (`query`),
//! each section's score (`rank`), and each hit's marks or, when nothing
//! matched, suggestions (`marks`).

mod case;
mod distance;
mod highlight;
mod index;
mod language;
mod light_stem;
mod marks;
mod query;
mod rank;
mod synonyms;
mod terms;
pub mod text;

use std::rc::Rc;

pub use highlight::Highlighter;
pub use language::Language;
pub use terms::Terms;

use crate::keyed::Keyed;

/// Queries longer than this are cut: no resident question needs more, and the
/// cost of a query stays bounded whatever is pasted in.
pub const MAX_QUERY_CHARS: usize = 200;

// Maps here key by string through `Keyed` or are vectors indexed by a dense
// number (term, section): every other map type would be more hash-table code
// in the wasm, and on a keystroke a vector is cheaper than hashing anyway.
/// A policy's sections, indexed for search ([`Index::build`]).
pub struct Index {
    language: Language,
    /// The sections, numbered in the policy's order.
    docs: Vec<index::Doc>,
    /// Stem → where it occurs; a term's id is its slot.
    terms: Keyed<Vec<index::Posting>>,
    /// Every folded word of the policy with its term id, sorted by word: for
    /// prefixes, typos and "did you mean" suggestions.
    vocabulary: Vec<(String, u32)>,
    /// Stem of any synonym-group word (in the policy or not) → the group's
    /// terms the policy has.
    synonyms: Keyed<Vec<u32>>,
    /// Folded word → phrases (as term ids) it stands for.
    phrases: Keyed<Vec<Vec<u32>>>,
    average_length: f32,
}

/// A section that matched.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The matching section's id.
    pub section: String,
    /// How well it matches (BM25): higher is better.
    pub score: f32,
    /// Matching words in the section.
    pub matches: usize,
    /// The query's marks narrowed to the words this section has: equal from
    /// one keystroke to the next when its marks stay the same ("cooki" →
    /// "cookie"), so the widget leaves that section alone.
    pub marks: Rc<Highlighter>,
}

/// What a query found, best first.
#[derive(Clone, Debug, Default)]
pub struct Results {
    /// Best first.
    pub hits: Vec<Hit>,
    /// Matching words in all hits.
    pub matches: usize,
    /// When nothing matched: the policy's words nearest to what was typed.
    pub suggestions: Vec<String>,
    /// Nothing matched, but every word is still shorter than a prefix needs:
    /// the resident is typing, and "No matches" would be noise (and a live
    /// region announcing it at every letter).
    pub still_typing: bool,
}

impl Index {
    /// Runs a query.
    pub fn search(&self, query: &str) -> Results {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let clauses = self.clauses(&query);
        if clauses.is_empty() {
            return Results::default();
        }
        let total = clauses.len() as f32;
        let forms = self.forms(&clauses);
        let mut hits: Vec<Hit> = self
            .score(&clauses)
            .into_iter()
            .enumerate()
            // A section must show a match (a clause matched there, then): one
            // that only the summary citing it has would open with nothing marked.
            .filter(|(_, s)| s.words > 0 && !s.excluded)
            .map(|(doc, s)| Hit {
                section: self.docs[doc].section.clone(),
                // Sections that answer more of the question come first.
                score: s.score * (s.clauses as f32 / total).powi(2),
                matches: s.words,
                marks: Rc::new(forms.marks(s.terms, &s.phrases, &clauses)),
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.section.cmp(&b.section)));
        let matches = hits.iter().map(|h| h.matches).sum();
        if hits.is_empty() && query::is_short(&query) {
            return Results { still_typing: true, ..Results::default() };
        }
        let suggestions = if hits.is_empty() { self.suggestions(&query) } else { Vec::new() };
        Results { hits, matches, suggestions, still_typing: false }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{Block, Bundle, Definition, Meta, Publisher, PublisherKind, Section, FORMAT};

    fn bundle(sections: &[(&str, &str, &str)]) -> Bundle {
        Bundle {
            format: FORMAT.into(),
            meta: Meta {
                title: "T".into(),
                publisher: Publisher { name: "P".into(), kind: PublisherKind::Town, website: None },
                jurisdiction: None,
                effective_date: None,
                updated_date: None,
                language: "en".into(),
                canonical_url: None,
            },
            summary: vec![],
            facts: vec![],
            intro: vec![],
            sections: sections
                .iter()
                .map(|(id, title, text)| Section {
                    id: (*id).into(),
                    title: (*title).into(),
                    blocks: vec![Block::Paragraph { text: (*text).into() }],
                    sections: vec![],
                })
                .collect(),
            definitions: vec![Definition {
                term: "Internet Protocol Address".into(),
                aliases: vec!["IP Address".into()],
                text: "A number.".into(),
                section: Some("ip".into()),
            }],
            contacts: vec![],
            front_matter: vec![],
            history: vec![],
            changes: None,
            config: Default::default(),
        }
    }

    fn index() -> Index {
        Index::build(&bundle(&[
            ("cookies", "Cookies", "We use session cookies. A cookie expires when you close the browser."),
            ("records", "Public records", "What you send us may become a public record under the law."),
            ("ip", "Logs", "We store the Internet Protocol address of each visit."),
            ("selling", "Sharing", "We do not sell or rent personal information."),
            ("cookie-jar", "Recipes", "A coockie jar recipe, spelled oddly."),
        ]))
    }

    fn first(query: &str) -> String {
        index().search(query).hits.first().map(|h| h.section.clone()).unwrap_or_default()
    }

    #[test]
    fn stems_and_titles_rank_the_section_about_it_first() {
        assert_eq!(first("cookie"), "cookies");
        assert_eq!(first("public records "), "records");
    }

    #[test]
    fn the_last_word_matches_as_a_prefix_while_typing() {
        assert_eq!(first("cook"), "cookies");
        assert_eq!(first("coo"), "cookies");
        let typing = index().search("co");
        assert!(typing.hits.is_empty() && typing.still_typing, "two letters are not yet a prefix");
        assert!(typing.suggestions.is_empty(), "nor a reason to suggest words");
        assert!(!index().search("cooxz").still_typing, "a longer word that matches nothing is a miss");
        assert!(index().search("cook ").hits.is_empty(), "a finished word is a word");
    }

    #[test]
    fn quoted_phrases_must_match_as_phrases() {
        let results = index().search("\"public record\"");
        assert_eq!(results.hits.iter().map(|h| h.section.as_str()).collect::<Vec<_>>(), ["records"]);
        assert!(index().search("\"record public\"").hits.is_empty());
    }

    #[test]
    fn synonyms_and_glossary_aliases_find_the_policys_words() {
        assert_eq!(first("do you trade my data"), "selling");
        assert_eq!(first("ip"), "ip");
        assert_eq!(first("pii "), "selling");
    }

    #[test]
    fn a_typo_finds_the_word_but_never_outranks_a_correct_spelling() {
        assert_eq!(first("recxrdz "), "", "two edits: no match");
        assert_eq!(first("recods "), "records", "one edit on a word of five letters or more");
        // "coockie" is a word of the policy: typed correctly, it wins over "cookie".
        assert_eq!(first("coockie "), "cookie-jar");
    }

    #[test]
    fn counts_and_highlights_follow_the_matches() {
        let results = index().search("cookies ");
        assert_eq!(results.hits[0].matches, 3, "title once, body twice");
        let text = "Cookies expire; a cookie is small.";
        // Marks are found by the forms the policy uses ("cookies", "cookie"), not by stemming on render.
        let marked: Vec<&str> = results.hits[0].marks.ranges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(marked, ["Cookies", "cookie"]);
    }

    #[test]
    fn matches_count_what_the_section_shows_not_the_summary_that_cites_it() {
        let mut policy = bundle(&[
            ("cookies", "Cookies", "We use session cookies. A cookie expires when you close the browser."),
            ("records", "Public records", "What you send us may become a public record under the law."),
        ]);
        policy.summary.push(crate::bundle::SummaryPoint {
            text: "Cookies last a session; public records are public.".into(),
            section: "cookies".into(),
        });
        let index = Index::build(&policy);
        let hit = |query: &str, id: &str| index.search(query).hits.into_iter().find(|h| h.section == id).unwrap();
        assert_eq!(hit("cookies", "cookies").matches, 3, "the title and the body's two, as the marks show");
        assert_eq!(hit("\"public records\"", "records").matches, 4, "the title's phrase and the body's");
        let found = index.search("\"public records\"");
        assert_eq!(found.hits.len(), 1, "the summary's phrase opens no section without it");
        assert_eq!(found.matches, 4);
        assert!(index.search("last").hits.is_empty(), "nor does a word the summary alone has");
    }

    #[test]
    fn each_hit_marks_its_own_words_and_keeps_them_while_typing_on() {
        let index = index();
        let marks =
            |query: &str, id: &str| index.search(query).hits.into_iter().find(|h| h.section == id).unwrap().marks;
        let text = "Cookies expire; a coockie jar.";
        let marked = |m: Rc<Highlighter>| m.ranges(text).into_iter().map(|r| &text[r]).collect::<Vec<_>>();
        // "coo" starts both "cookies" and "coockie"; each section marks the one it has.
        assert_eq!(marked(marks("coo", "cookies")), ["Cookies"]);
        assert_eq!(marked(marks("coo", "cookie-jar")), ["coockie"]);
        // The same words marked from one keystroke to the next: equal marks,
        // so the widget leaves the section as it is.
        assert_eq!(marks("cooki", "cookies"), marks("cookie", "cookies"));
    }

    #[test]
    fn no_matches_suggests_the_nearest_words() {
        let results = index().search("rekkords ");
        assert!(results.hits.is_empty());
        assert!(results.suggestions.contains(&"records".to_owned()), "{:?}", results.suggestions);
    }

    #[test]
    fn strange_queries_are_safe() {
        let idx = index();
        for q in ["", "   ", "!!!???", "🍪🍪🍪", "\"", "\"\"", "(.*)+$[", &"a".repeat(10_000), &"cookie ".repeat(2_000)]
        {
            let results = idx.search(q);
            assert!(results.hits.len() <= 5, "{q:?}");
        }
        assert_eq!(first(&format!("{} cookies", "x".repeat(10_000))), "", "queries are cut at 200 characters");
    }
}
