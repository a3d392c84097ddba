//! Reading a query: quoted phrases, words (the common ones left out), runs of
//! ideographs, and for each what in the policy it can match, with how much a
//! match counts.

use super::{distance, text, Index};

/// At most this many words of a query count.
const MAX_QUERY_WORDS: usize = 12;

/// The word being typed matches as a prefix from this many letters on (as
/// Stork does): "co" would open nearly every section of a policy ("collect",
/// "contact", "cookies", "computer"…), which tells the resident nothing and
/// makes the page jump at the second keystroke.
const MIN_PREFIX_CHARS: usize = 3;

/// How much each way of matching a query word counts, against the word
/// itself (1).
const PHRASE_WEIGHT: f32 = 0.9;
const PREFIX_WEIGHT: f32 = 0.8;
const SYNONYM_WEIGHT: f32 = 0.6;
const TYPO_WEIGHT: f32 = 0.5;

/// A term a query word can match, with how much a match counts.
#[derive(Clone, Copy)]
pub(super) struct TermAlternative {
    pub term: u32,
    pub weight: f32,
}

/// A phrase (as term ids) a query word can match, with how much a match counts.
pub(super) struct PhraseAlternative {
    pub terms: Vec<u32>,
    pub weight: f32,
}

/// What one query word (or quoted phrase) can match.
pub(super) struct Clause {
    pub terms: Vec<TermAlternative>,
    pub phrases: Vec<PhraseAlternative>,
    /// A quoted phrase: a section without it is not a result.
    pub required: bool,
}

impl Clause {
    /// A clause of one phrase, or of nothing when the policy lacks one of its
    /// words (`None`): then no section can match it.
    fn phrase(terms: Option<Vec<u32>>, required: bool) -> Self {
        let phrases = terms.map(|terms| PhraseAlternative { terms, weight: 1.0 }).into_iter().collect();
        Clause { terms: vec![], phrases, required }
    }
}

impl Index {
    /// The query's clauses: one per quoted phrase, run of ideographs and
    /// searched word.
    pub(super) fn clauses(&self, query: &str) -> Vec<Clause> {
        let mut clauses = Vec::new();
        // Quoted phrases (straight or curly quotes) are required.
        let parts: Vec<&str> = query.split(['"', '“', '”']).collect();
        let mut words: Vec<String> = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            if i % 2 == 1 {
                // A quoted word the policy never uses: nothing can match.
                if !text::tokens(part).is_empty() {
                    clauses.push(Clause::phrase(self.phrase_ids(part), true));
                }
            } else {
                for run in text::runs(part) {
                    match run {
                        text::Run::Word(word) => words.push(word),
                        // Chinese and Japanese write without spaces: a run of
                        // ideographs in the query is a phrase of characters.
                        text::Run::Ideographs(run) => clauses.push(Clause::phrase(self.phrase_ids(&run), false)),
                    }
                }
            }
        }
        let still_typing = parts.len() % 2 == 1 && query.ends_with(|c: char| c.is_alphanumeric());
        let content: Vec<&String> = words.iter().filter(|w| !self.language.is_stop_word(w)).collect();
        let chosen: Vec<&String> = if content.is_empty() { words.iter().collect() } else { content };
        let last = words.last();
        for word in chosen.into_iter().take(MAX_QUERY_WORDS) {
            let is_last = still_typing && Some(word) == last;
            clauses.push(self.clause(word, is_last));
        }
        clauses
    }

    /// What `word` can match: its term, synonyms, phrases it stands for, the
    /// longer words it starts (`prefix`: it is being typed), and only where
    /// none of these matches, the words one edit away.
    fn clause(&self, word: &str, prefix: bool) -> Clause {
        let mut terms: Vec<TermAlternative> = Vec::new();
        if let Some(term) = self.known(word) {
            terms.push(TermAlternative { term, weight: 1.0 });
        }
        for &term in self.synonyms.get(&self.language.stem(word)).into_iter().flatten() {
            terms.push(TermAlternative { term, weight: SYNONYM_WEIGHT });
        }
        let phrases: Vec<PhraseAlternative> = self
            .phrases
            .get(word)
            .into_iter()
            .flatten()
            .map(|p| PhraseAlternative { terms: p.clone(), weight: PHRASE_WEIGHT })
            .collect();
        if prefix && word.chars().count() >= MIN_PREFIX_CHARS {
            let from = self.vocabulary_from(word);
            let longer = self.vocabulary[from..].iter().take_while(|(w, _)| w.starts_with(word)).take(50);
            terms.extend(longer.map(|&(_, term)| TermAlternative { term, weight: PREFIX_WEIGHT }));
        }
        // Typos only where nothing matches as typed, so they never outrank it.
        if terms.is_empty() && phrases.is_empty() && word.chars().count() >= 5 {
            let near = self.vocabulary.iter().filter(|(w, _)| distance::within(w, word, 1).is_some());
            terms.extend(near.map(|&(_, term)| TermAlternative { term, weight: TYPO_WEIGHT }));
        }
        terms.sort_by_key(|t| t.term);
        terms.dedup_by_key(|t| t.term); // the first (heaviest) weight of a term stays
        Clause { terms, phrases, required: false }
    }
}

/// Whether every word of a query is shorter than a prefix match needs (and
/// none is an ideograph, which is a word by itself).
pub(super) fn is_short(query: &str) -> bool {
    text::tokens(query)
        .iter()
        .all(|t| t.word.chars().count() < MIN_PREFIX_CHARS && !t.word.chars().any(text::is_ideograph))
}
