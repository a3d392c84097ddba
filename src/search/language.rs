//! The policy's language, as search sees it: how its words reduce to stems,
//! and which English words are too common to search for.

use rust_stemmers::Algorithm;

use super::light_stem;

/// Words too common to search for on their own, and the words residents wrap
/// a question in ("can I get…", "do you…"), apart by spaces (one string is
/// smaller in the wasm than a slice of them).
const STOP_WORDS: &str = concat!(
    "a about also am an and any anything are as at be been by can could did do does for from get got ",
    "has have how i if in is it its just know me my of on or our please should so some something ",
    "tell that the their them there they thing this to us want was we what whats when where which ",
    "who why will with would you your",
);

/// How words of the policy's language are reduced to stems: English by
/// Snowball's algorithm; Spanish and Portuguese, the languages Massachusetts
/// towns translate into most, by light stemmers (`light_stem`: plural, gender
/// and adverb endings). The others high on that list, Chinese, Haitian Creole
/// and Vietnamese, inflect little or not at all. Other languages are matched on
/// folded words, with prefixes and typos.
///
/// All three are in every build, the widget's wasm included: the light
/// stemmers cost it 0.2 KB gzip, where Snowball's Spanish and Portuguese
/// tables cost 4.5 KB each and were a module of their own, fetched per policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Language {
    /// Snowball's English stemmer.
    English,
    /// A light Spanish stemmer.
    Spanish,
    /// A light Portuguese stemmer.
    Portuguese,
    /// Words as they are, for other languages.
    #[default]
    Unstemmed,
}

impl Language {
    /// The language of a BCP 47 tag ("es", "pt-BR", "en-US"): only the primary
    /// subtag counts, as regional variants stem alike.
    pub fn for_tag(tag: &str) -> Self {
        match tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase().as_str() {
            "en" => Language::English,
            "es" => Language::Spanish,
            "pt" => Language::Portuguese,
            _ => Language::Unstemmed,
        }
    }

    /// The word's stem in this language; the word itself where it has no
    /// stemmer. `word` is folded ([`super::text::fold_char`]).
    pub fn stem(self, word: &str) -> String {
        match self {
            // Only this algorithm is linked (a runtime `Algorithm` would pull
            // in all eighteen: +39 KB gzip). Creating a stemmer only picks a
            // function: cheaper than keeping one.
            Language::English => rust_stemmers::Stemmer::create(Algorithm::English).stem(word).into_owned(),
            Language::Spanish => light_stem::spanish(word),
            Language::Portuguese => light_stem::portuguese(word),
            Language::Unstemmed => word.to_owned(),
        }
    }

    /// Whether a query word is too common to search for on its own: English
    /// alone has a list; in other languages every word counts.
    pub(super) fn is_stop_word(self, word: &str) -> bool {
        self == Language::English && STOP_WORDS.split(' ').any(|w| w == word)
    }
}

#[cfg(test)]
mod tests {
    use super::Language;

    #[test]
    fn stop_words_are_whole_english_words() {
        for word in ["a", "you", "your", "whats"] {
            assert!(Language::English.is_stop_word(word), "{word}");
        }
        for word in ["yo", "cookies", "sell", ""] {
            assert!(!Language::English.is_stop_word(word), "{word}");
        }
        assert!(!Language::Spanish.is_stop_word("a"));
    }
}
