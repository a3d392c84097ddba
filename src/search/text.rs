//! Words as search sees them: case and diacritics folded, split at anything
//! that is not a letter or digit, each with where it stands in the text (so a
//! match can be highlighted exactly where the reader sees it).

use std::ops::Range;

/// One word of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Folded: lower case, no diacritics, no possessive "'s".
    pub word: String,
    /// Byte range in the text it came from.
    pub span: Range<usize>,
}

/// Lower-cases and strips the diacritics of the letters policies use
/// (Latin-1 and Latin Extended-A); other characters pass through lower-cased.
/// A small table rather than full Unicode normalisation: the tables of the
/// latter would triple the size of search in the wasm.
pub fn fold_char(c: char, out: &mut String) {
    // Most policy text is ASCII: the fast path keeps highlighting a long
    // policy's matches (which tokenises every matched text) cheap.
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let base = match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => 'a',
        'Ç' | 'ç' | 'Ć'..='č' => 'c',
        'Ď'..='đ' => 'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => 'e',
        'Ĝ'..='ģ' => 'g',
        'Ĥ'..='ħ' => 'h',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => 'i',
        'Ĵ' | 'ĵ' => 'j',
        'Ķ' | 'ķ' => 'k',
        'Ĺ'..='ł' => 'l',
        'Ñ' | 'ñ' | 'Ń'..='ň' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => 'o',
        'Ŕ'..='ř' => 'r',
        'Ś'..='š' => 's',
        'Ţ'..='ŧ' => 't',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => 'u',
        'Ý' | 'ý' | 'ÿ' | 'Ŷ'..='Ÿ' => 'y',
        'Ź'..='ž' => 'z',
        'ß' => {
            out.push_str("ss");
            return;
        }
        'Æ' | 'æ' => {
            out.push_str("ae");
            return;
        }
        'Œ' | 'œ' => {
            out.push_str("oe");
            return;
        }
        _ if is_combining(c) => return,
        _ => super::case::lower(c),
    };
    out.push(base);
}

/// Combining diacritical marks: text in decomposed form (NFD) writes "é" as
/// "e" + U+0301. They belong to the word and fold away, so "résumé" matches
/// whichever way it was encoded.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    (c.is_alphanumeric() || is_combining(c)) && !is_ideograph(c)
}

/// Han characters and kana. Chinese and Japanese put no spaces between words
/// and a dictionary to find them would outweigh the whole widget, so each
/// character is a word of its own and a query's run of them is a phrase (the
/// approach of most small search engines for these scripts).
pub fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}

/// A query split the way it is searched: words, and runs of ideographs.
#[derive(Debug, PartialEq, Eq)]
pub enum Run {
    /// A word, as written.
    Word(String),
    /// Adjacent ideographs, as text (each is one token).
    Ideographs(String),
}

/// The text split into words and what lies between them.
pub fn runs(text: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut last_end = usize::MAX;
    for token in tokens(text) {
        let ideograph = token.word.chars().next().is_some_and(is_ideograph);
        match out.last_mut() {
            Some(Run::Ideographs(run)) if ideograph && token.span.start == last_end => run.push_str(&token.word),
            _ if ideograph => out.push(Run::Ideographs(token.word)),
            _ => out.push(Run::Word(token.word)),
        }
        last_end = token.span.end;
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The words of `text`. An apostrophe inside a word joins ("don't"), and a
/// possessive "'s" is dropped ("children's" is "children").
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    scan(text, &mut String::new(), |word, span| out.push(Token { word: word.to_owned(), span }));
    out
}

/// The words of a text in one buffer, for the render path: highlighting and
/// glossary terms walk every matched text on each keystroke, and a `String`
/// per word there showed up in profiles as allocator time.
#[derive(Default)]
pub struct Words {
    folded: String,
    /// Each word's range in `folded` and its span in the text.
    words: Vec<(Range<usize>, Range<usize>)>,
}

impl Words {
    /// The text, ready to search.
    pub fn new(text: &str) -> Self {
        let mut folded = String::new();
        let mut words = Vec::new();
        let mut from = 0;
        scan(text, &mut folded, |word, span| {
            // `scan` appends each word to the buffer: it ends where the word does.
            let end = from + word.len();
            words.push((from..end, span));
            from = end;
        });
        Words { folded, words }
    }

    /// Its length in characters.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The `i`th word, folded.
    pub fn word(&self, i: usize) -> &str {
        &self.folded[self.words[i].0.clone()]
    }

    /// Where the `i`th word stands in the text.
    pub fn span(&self, i: usize) -> Range<usize> {
        self.words[i].1.clone()
    }
}

/// Appends each word of `text`, folded, to `folded` and passes it with its
/// span to `found`.
fn scan(text: &str, folded: &mut String, mut found: impl FnMut(&str, Range<usize>)) {
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let from = folded.len();
        if is_ideograph(c) {
            folded.push(c);
            found(&folded[from..], start..start + c.len_utf8());
            continue;
        }
        if !is_word_char(c) {
            continue;
        }
        fold_char(c, folded);
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) {
                fold_char(c, folded);
            } else if is_apostrophe(c) && text[i + c.len_utf8()..].starts_with(is_word_char) {
                // keep "don't" whole; "'s" is dropped below
            } else {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        // Apostrophes were skipped above; a possessive leaves its "s" behind.
        let surface = &text[start..end];
        if surface.ends_with("'s") || surface.ends_with("’s") {
            folded.pop();
        }
        if folded.len() > from {
            found(&folded[from..], start..end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.word).collect()
    }

    #[test]
    fn folding_and_splitting() {
        assert_eq!(words("Résumé: the E-MAIL you send"), ["resume", "the", "e", "mail", "you", "send"]);
        assert_eq!(words("Children’s records don't change"), ["children", "records", "dont", "change"]);
        assert_eq!(words("“IP” address (Ärger) straße"), ["ip", "address", "arger", "strasse"]);
        assert_eq!(words("!!! 🍪 ???"), Vec::<String>::new());
        assert_eq!(words("re\u{301}sume\u{301} résumé"), ["resume", "resume"], "decomposed and composed alike");
        assert_eq!(
            words("ПОЛИТИКА ΑΘΗΝΑ Ǆ İstanbul"),
            ["политика", "αθηνα", "ǆ", "istanbul"],
            "other scripts lower-cased"
        );
    }

    #[test]
    fn ideographs_are_words_of_one_character() {
        assert_eq!(words("我们不出售您的数据 (data)"), ["我", "们", "不", "出", "售", "您", "的", "数", "据", "data"]);
        assert_eq!(
            runs("出售 数据 cookies"),
            [Run::Ideographs("出售".into()), Run::Ideographs("数据".into()), Run::Word("cookies".into())]
        );
    }

    #[test]
    fn words_agree_with_tokens() {
        let text = "Résumé: the E-MAIL you send, the Town’s 我们 policy don't";
        let words = Words::new(text);
        let pairs: Vec<(&str, Range<usize>)> = (0..words.len()).map(|i| (words.word(i), words.span(i))).collect();
        let tokens = tokens(text);
        let expected: Vec<(&str, Range<usize>)> = tokens.iter().map(|t| (t.word.as_str(), t.span.clone())).collect();
        assert_eq!(pairs, expected);
        assert!(Words::new("!!! 🍪").is_empty());
    }

    #[test]
    fn spans_point_at_the_original_text() {
        let text = "See the Town’s policy";
        let t = tokens(text);
        assert_eq!(&text[t[2].span.clone()], "Town’s");
        assert_eq!(t[2].word, "town");
    }
}
