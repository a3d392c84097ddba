//! Where the glossary's terms stand in a text, so the widget can mark them and
//! show their definitions. Words are compared as search compares them (folded
//! case and diacritics), so "Personally Identifiable Information" in a heading
//! and "personally identifiable information" in a sentence are the same term.

use std::ops::Range;

use super::text::{tokens, Words};
use crate::bundle::Definition;

/// The terms and aliases of a glossary, each as its folded words.
#[derive(Debug, Default, PartialEq)]
pub struct Terms {
    /// (words of a term or alias, index of its definition), longest first so
    /// "IP address" wins over "IP".
    entries: Vec<(Vec<String>, usize)>,
}

impl Terms {
    /// The terms of a bundle's definitions and their aliases.
    pub fn new(definitions: &[Definition]) -> Self {
        let mut entries: Vec<(Vec<String>, usize)> = definitions
            .iter()
            .enumerate()
            .flat_map(|(i, d)| std::iter::once(&d.term).chain(&d.aliases).map(move |t| (t, i)))
            .map(|(t, i)| (tokens(&crate::bundle::inline::plain(t)).into_iter().map(|t| t.word).collect(), i))
            .filter(|(words, _): &(Vec<String>, usize)| !words.is_empty())
            .collect();
        entries.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        Terms { entries }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Each term in `text`: its byte range and its definition's index, in order,
    /// not overlapping. A plain plural ("cookies" for "cookie") counts.
    pub fn find(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        if self.is_empty() {
            return Vec::new();
        }
        let words = Words::new(text);
        // A term's words stand together: only spaces or hyphens between them,
        // so "(“IP”) address" is not the term "IP address".
        let joined =
            |k: usize| text[words.span(k - 1).end..words.span(k).start].chars().all(|c| c.is_whitespace() || c == '-');
        let mut out = Vec::new();
        let mut at = 0;
        while at < words.len() {
            let found = self.entries.iter().find(|(term, _)| {
                term.len() <= words.len() - at
                    && term.iter().enumerate().all(|(k, t)| {
                        let w = words.word(at + k);
                        (k == 0 || joined(at + k))
                            && (t == w || (k == term.len() - 1 && w.strip_suffix('s') == Some(t.as_str())))
                    })
            });
            match found {
                Some((term, definition)) => {
                    out.push((words.span(at).start..words.span(at + term.len() - 1).end, *definition));
                    at += term.len();
                }
                None => at += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms() -> Terms {
        let d = |term: &str, aliases: &[&str]| Definition {
            term: term.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            text: "…".into(),
            section: None,
        };
        Terms::new(&[d("IP", &[]), d("IP address", &["Internet Protocol address"]), d("Cookie", &[])])
    }

    #[test]
    fn finds_terms_aliases_and_plurals_longest_first() {
        let text = "Your IP Address, an internet protocol address, sets cookies; IP alone too.";
        let found: Vec<(&str, usize)> = terms().find(text).into_iter().map(|(r, d)| (&text[r], d)).collect();
        assert_eq!(found, [("IP Address", 1), ("internet protocol address", 1), ("cookies", 2), ("IP", 0)]);
    }

    #[test]
    fn words_inside_other_words_or_apart_are_not_terms() {
        assert!(terms().find("Shipping and cookiejar").is_empty());
        let text = "the address (“IP”) address";
        let found: Vec<&str> = terms().find(text).into_iter().map(|(r, _)| &text[r]).collect();
        assert_eq!(found, ["IP"]);
    }
}
