//! Marks the words a query matched, in any text the widget renders.

use std::collections::HashSet;
use std::ops::Range;

use super::text::tokens;
use super::Language;

/// The matched terms of a query, as stems and phrases of stems.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Highlighter {
    language: Language,
    stems: HashSet<String>,
    phrases: Vec<Vec<String>>,
}

impl Highlighter {
    pub fn new(language: Language, stems: HashSet<String>, phrases: Vec<Vec<String>>) -> Self {
        Highlighter { language, stems, phrases }
    }

    /// Whether anything would be marked at all.
    pub fn is_empty(&self) -> bool {
        self.stems.is_empty() && self.phrases.is_empty()
    }

    /// Byte ranges of `text` to mark, in order, not overlapping.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        let language = self.language;
        if self.is_empty() {
            return Vec::new();
        }
        let tokens = tokens(text);
        let stems: Vec<String> = tokens.iter().map(|t| language.stem(&t.word)).collect();
        let mut marked = vec![false; tokens.len()];
        for (i, stem) in stems.iter().enumerate() {
            if self.stems.contains(stem) {
                marked[i] = true;
            }
        }
        for phrase in &self.phrases {
            for start in 0..stems.len().saturating_sub(phrase.len() - 1) {
                if stems[start..start + phrase.len()] == phrase[..] {
                    marked[start..start + phrase.len()].iter_mut().for_each(|m| *m = true);
                }
            }
        }
        let mut out: Vec<Range<usize>> = Vec::new();
        for (token, _) in tokens.iter().zip(&marked).filter(|(_, m)| **m) {
            out.push(token.span.clone());
        }
        out
    }
}
