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
/// bracket) followed by a space and a capital, a quote, a digit or a bracket —
/// but not after an abbreviation ([`abbreviation`]): Massachusetts policies cite
/// "M.G.L. c. 66, § 10", and a summary must not quote "… under M.G.L. c." as a
/// sentence.
pub fn sentences(plain: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = plain.char_indices().collect();
    let mut start = 0;
    for (k, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut j = k + 1;
        while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')') {
            j += 1;
        }
        let spaced = j < chars.len() && chars[j].1 == ' ';
        let next = chars.get(j + 1).map(|&(_, c)| c);
        let abbreviated = c == '.' && j == k + 1 && abbreviation(&plain[start..at], next.unwrap_or(' '));
        if spaced && !abbreviated && next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "\"“(".contains(n))
        {
            let end = chars[j].0;
            let s = plain[start..end].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = end;
        }
    }
    let rest = plain[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// Whether the word that `before` ends with, followed by a period and then
/// `next`, is an abbreviation rather than a sentence's last word: a single
/// letter ("c.", initials), a dotted one ("U.S.", "M.G.L.", "e.g."; not a
/// site's name such as "Mass.gov."), a title or a law's name ("Dr.", "Mass.
/// Gen. Laws"), or a citation's word before its number ("No. 5", "ch. 66";
/// an FAQ's "No. We do not…" ends a sentence). Not "etc.": it ends sentences
/// as often as not.
fn abbreviation(before: &str, next: char) -> bool {
    const TITLES: [&str; 13] = ["cf", "dr", "fed", "gen", "mass", "mr", "mrs", "ms", "pub", "reg", "st", "stat", "vs"];
    const BEFORE_NUMBERS: [&str; 10] = ["art", "ch", "no", "nos", "para", "pp", "sec", "secs", "ss", "vol"];
    let word = before.rsplit([' ', '(', '“', '"']).next().unwrap_or_default();
    let lower = word.to_lowercase();
    let letters = |part: &str| (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic);
    // "U.S", "e.g", "Ph.D": parts of one or two letters ("Mass.gov" is a name).
    let dotted = word.contains('.') && word.split('.').all(letters);
    word.chars().count() == 1 && letters(word)
        || dotted
        || TITLES.contains(&lower.as_str())
        || BEFORE_NUMBERS.contains(&lower.as_str()) && next.is_ascii_digit()
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

    #[test]
    fn citations_and_titles_do_not_end_a_sentence() {
        assert_eq!(
            sentences("It may be a public record under M.G.L. c. 66, § 10. We keep it."),
            ["It may be a public record under M.G.L. c. 66, § 10.", "We keep it."]
        );
        assert_eq!(
            sentences("See Mass. Gen. Laws ch. 66, s. 10 and the U.S. Department of Education. Ask Dr. Ruiz. Done."),
            ["See Mass. Gen. Laws ch. 66, s. 10 and the U.S. Department of Education.", "Ask Dr. Ruiz.", "Done."]
        );
        assert_eq!(
            sentences("We keep logs, forms, etc. Then we delete them."),
            ["We keep logs, forms, etc.", "Then we delete them."]
        );
    }
}
