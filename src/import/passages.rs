//! The policy's text as passages (one per paragraph, item or field) and
//! sentences, each knowing its section: what the extractors read.

use crate::bundle::{inline, Section};

pub struct Passage<'a> {
    pub section: &'a Section,
    /// Inline text as in the bundle.
    pub text: &'a str,
}

/// Every passage of every section, in reading order.
pub fn passages(sections: &[Section]) -> Vec<Passage<'_>> {
    let mut out = Vec::new();
    fn walk<'a>(sections: &'a [Section], out: &mut Vec<Passage<'a>>) {
        for s in sections {
            for block in &s.blocks {
                out.extend(block.texts().into_iter().map(|(_, text)| Passage { section: s, text }));
            }
            walk(&s.sections, out);
        }
    }
    walk(sections, &mut out);
    out
}

/// Splits plain text into sentences: at `.`, `!` or `?` (and a closing quote or
/// bracket) followed by a space and a capital, a quote, a digit or a bracket.
/// Abbreviations such as "e.g." or "Ed.D." are not followed by a capital often
/// enough to matter for what the extractors do with sentences.
pub fn sentences(plain: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes: Vec<(usize, char)> = plain.char_indices().collect();
    let mut start = 0;
    for (k, &(at, c)) in bytes.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut j = k + 1;
        while j < bytes.len() && matches!(bytes[j].1, '"' | '”' | '’' | '\'' | ')') {
            j += 1;
        }
        let spaced = j < bytes.len() && bytes[j].1 == ' ';
        let next = bytes.get(j + 1).map(|&(_, c)| c);
        if spaced && next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "\"“(".contains(n)) {
            let end = bytes[j].0;
            let s = plain[start..end].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = end;
        }
        let _ = at;
    }
    let rest = plain[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// `sentences` over inline text, returning owned plain sentences.
pub fn plain_sentences(text: &str) -> Vec<String> {
    sentences(&inline::plain(text)).into_iter().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::sentences;

    #[test]
    fn sentences_split_at_real_ends() {
        assert_eq!(
            sentences("We use cookies. “Session cookies” end. Is it 30 days? Yes (30)."),
            ["We use cookies.", "“Session cookies” end.", "Is it 30 days?", "Yes (30)."]
        );
        assert_eq!(sentences("See e.g. the law."), ["See e.g. the law."]);
    }
}
