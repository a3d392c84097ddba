//! Marks the words a query matched, in any text the widget renders.

use std::collections::HashSet;
use std::ops::Range;

use super::text::tokens;

/// The matched words of a query: every form of them the policy uses, so that
/// marking a text is a lookup per word, with no stemming on the render path.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Highlighter {
    words: HashSet<String>,
    /// Each phrase as the forms each of its positions may take.
    phrases: Vec<Vec<HashSet<String>>>,
}

impl Highlighter {
    pub fn new(words: HashSet<String>, phrases: Vec<Vec<HashSet<String>>>) -> Self {
        Highlighter { words, phrases }
    }

    /// Whether anything would be marked at all.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }

    /// Byte ranges of `text` to mark, in order, not overlapping.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        if self.is_empty() {
            return Vec::new();
        }
        let tokens = tokens(text);
        let mut marked: Vec<bool> = tokens.iter().map(|t| self.words.contains(&t.word)).collect();
        for phrase in self.phrases.iter().filter(|p| !p.is_empty() && p.len() <= tokens.len()) {
            for start in 0..=tokens.len() - phrase.len() {
                if phrase.iter().zip(&tokens[start..]).all(|(forms, t)| forms.contains(&t.word)) {
                    marked[start..start + phrase.len()].iter_mut().for_each(|m| *m = true);
                }
            }
        }
        tokens.iter().zip(&marked).filter(|(_, m)| **m).map(|(t, _)| t.span.clone()).collect()
    }
}
