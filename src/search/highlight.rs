//! Marks the words a query matched, in any text the widget renders.

use std::ops::Range;

use super::text::Words;
use crate::keyed::Strings;

/// The matched words of a query: every form of them the policy uses, so that
/// marking a text is a lookup per word, with no stemming on the render path.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlighter {
    words: Strings,
    /// Each phrase as the forms each of its positions may take.
    phrases: Vec<Vec<Strings>>,
}

impl Highlighter {
    /// Marks `words` and the words of `phrases`.
    pub fn new(words: Strings, phrases: Vec<Vec<Strings>>) -> Self {
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
        let words = Words::new(text);
        let mut marked: Vec<bool> = (0..words.len()).map(|i| self.words.contains(words.word(i))).collect();
        for phrase in self.phrases.iter().filter(|p| !p.is_empty() && p.len() <= words.len()) {
            for start in 0..=words.len() - phrase.len() {
                if phrase.iter().enumerate().all(|(k, forms)| forms.contains(words.word(start + k))) {
                    marked[start..start + phrase.len()].iter_mut().for_each(|m| *m = true);
                }
            }
        }
        (0..words.len()).filter(|&i| marked[i]).map(|i| words.span(i)).collect()
    }
}
