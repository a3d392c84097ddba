//! Stable, readable section ids from titles: "Information Voluntarily Provided
//! by You" → `information-voluntarily-provided-by-you`, made unique with `-2`.

// The importer runs natively only: its sets never reach the wasm.
#![allow(clippy::disallowed_types)]

use std::collections::HashSet;

#[derive(Default)]
pub struct Slugger {
    taken: HashSet<String>,
}

/// Long titles make long URLs; six words identify a section well enough.
const MAX_WORDS: usize = 6;
/// Room under the 80 characters validation allows, for a "-2" suffix.
const MAX_CHARS: usize = 60;

impl Slugger {
    pub fn slug(&mut self, title: &str) -> String {
        // "Children's" is one word: apostrophes join rather than split.
        let title = title.replace(['\'', '’'], "");
        let words: Vec<String> = title
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| fold(w).to_lowercase())
            .filter(|w| !w.is_empty())
            .take(MAX_WORDS)
            .collect();
        let mut base = words.join("-");
        base.truncate(MAX_CHARS); // ASCII only by now, so any index is a boundary
        base.truncate(base.trim_end_matches('-').len());
        if !base.starts_with(|c: char| c.is_ascii_lowercase()) {
            base = if base.is_empty() { "section".to_owned() } else { format!("s-{base}") };
        }
        let mut candidate = base.clone();
        let mut n = 2;
        while !self.taken.insert(candidate.clone()) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        candidate
    }
}

/// Keeps ASCII letters and digits, folding common accented letters.
fn fold(word: &str) -> String {
    word.chars()
        .filter_map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' => Some(c),
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => Some('a'),
            'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'í' | 'ì' | 'î' | 'ï' => Some('i'),
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => Some('o'),
            'ú' | 'ù' | 'û' | 'ü' => Some('u'),
            'ñ' => Some('n'),
            'ç' => Some('c'),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::names::is_valid_id;

    #[test]
    fn slugs_are_valid_unique_and_readable() {
        let mut s = Slugger::default();
        assert_eq!(s.slug("Security."), "security");
        assert_eq!(s.slug("Security"), "security-2");
        assert_eq!(s.slug("1. Introducción"), "s-1-introduccion");
        assert_eq!(
            s.slug("Information Voluntarily Provided by You, and more words"),
            "information-voluntarily-provided-by-you-and"
        );
        assert_eq!(s.slug("™ —"), "section");
        assert_eq!(s.slug("Children’s information"), "childrens-information");
        // Found by the `import` fuzz target: one very long word.
        let long = s.slug(&"q".repeat(200));
        assert!(long.len() <= 60 && is_valid_id(&long));
        for id in ["security", "security-2", "s-1-introduccion", "section"] {
            assert!(is_valid_id(id));
        }
    }
}
