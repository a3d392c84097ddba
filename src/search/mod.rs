//! Search inside one policy, in pure Rust: built in the browser from the bundle
//! when the widget loads, queried on each keystroke.
//!
//! Ranking is BM25 over sections, with a section's title and the summary points
//! and facts that cite it counted as stronger evidence than its body. A query
//! word matches, in decreasing weight: its stem; a phrase it stands for
//! (glossary aliases, "PII"); a synonym; a longer word it starts (the last word,
//! while typing); a word one edit away (only when nothing matches exactly, so a
//! typo never outranks a correct spelling). User input is only ever compared
//! with words: nothing in a query is compiled or interpreted.

mod case;
mod distance;
mod highlight;
mod light_stem;
mod synonyms;
mod terms;
pub mod text;

use std::collections::HashMap;
use std::rc::Rc;

pub use highlight::Highlighter;
use rust_stemmers::Algorithm;
pub use terms::Terms;

use crate::bundle::{inline, Bundle};
use crate::keyed::{Keyed, Strings};

/// Queries longer than this are cut: no resident question needs more, and the
/// cost of a query stays bounded whatever is pasted in.
pub const MAX_QUERY_CHARS: usize = 200;
/// At most this many words of a query count.
const MAX_QUERY_WORDS: usize = 12;

/// The word being typed matches as a prefix from this many letters on (as
/// Stork does): "co" would open nearly every section of a policy ("collect",
/// "contact", "cookies", "computer"…), which tells the resident nothing and
/// makes the page jump at the second keystroke.
const MIN_PREFIX_CHARS: usize = 3;

/// A word in a section's title (or a term the section defines) adds this much,
/// outside BM25's length normalisation: a long section is no less *about* its title.
const TITLE_BONUS: f32 = 2.0;
const SUMMARY_WEIGHT: f32 = 2.0;
const BM25_K1: f32 = 1.2;
const BM25_B: f32 = 0.75;

/// Words too common to search for on their own.
/// Words too common to search for on their own, and the words residents wrap
/// a question in ("can I get…", "do you…").
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "also",
    "am",
    "an",
    "and",
    "any",
    "anything",
    "are",
    "as",
    "at",
    "be",
    "been",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "for",
    "from",
    "get",
    "got",
    "has",
    "have",
    "how",
    "i",
    "if",
    "in",
    "is",
    "it",
    "its",
    "just",
    "know",
    "me",
    "my",
    "of",
    "on",
    "or",
    "our",
    "please",
    "should",
    "so",
    "some",
    "something",
    "tell",
    "that",
    "the",
    "their",
    "them",
    "there",
    "they",
    "thing",
    "this",
    "to",
    "us",
    "want",
    "was",
    "we",
    "what",
    "whats",
    "when",
    "where",
    "which",
    "who",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
];

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
    English,
    Spanish,
    Portuguese,
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
    /// stemmer. `word` is folded ([`text::fold_char`]).
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
}

/// One section, as search sees it.
struct Doc {
    section: String,
    /// Body length, summary words counting with their weight.
    length: f32,
    /// The section's term ids in order; `None` between separate texts, so a
    /// phrase never spans two of them. What the section shows (its title and
    /// text) comes first, then the summary points, facts and defined terms
    /// that stand for it elsewhere.
    sequence: Vec<Option<u32>>,
    /// How much of `sequence` the section shows: the matches a reader counts.
    shown: usize,
}

/// Where one term occurs.
#[derive(Clone, Copy)]
struct Posting {
    doc: u32,
    /// Occurrences in the body, summary points counting double.
    weighted: f32,
    /// Whether the term is in the title or a defined name.
    in_title: bool,
    /// Occurrences in what the section shows, as the reader counts its marks.
    count: u32,
}

// Maps here key by string through `Keyed` or are vectors indexed by a dense
// number (term, section): every other map type would be more hash-table code
// in the wasm, and on a keystroke a vector is cheaper than hashing anyway.
pub struct Index {
    language: Language,
    docs: Vec<Doc>,
    /// Stem → where it occurs; a term's id is its slot.
    terms: Keyed<Vec<Posting>>,
    /// Every folded word of the policy with its term id, sorted by word: for
    /// prefixes, typos and "did you mean" suggestions.
    vocabulary: Vec<(String, u32)>,
    /// Stem of any synonym-group word (in the policy or not) → the group's
    /// terms the policy has.
    synonyms: Keyed<Vec<u32>>,
    /// Folded word → phrases (as term ids) it stands for.
    phrases: Keyed<Vec<Vec<u32>>>,
    average_length: f32,
}

/// Per section while indexing, by term id: (weighted body occurrences, in
/// title, occurrences the section shows), and which terms the section has.
#[derive(Default)]
struct Counts {
    by_term: Vec<(f32, bool, u32)>,
    terms: Vec<u32>,
}

impl Counts {
    fn add(&mut self, id: u32, weight: f32, shown: bool) {
        let i = id as usize;
        if i >= self.by_term.len() {
            self.by_term.resize(i + 1, (0.0, false, 0));
        }
        let entry = &mut self.by_term[i];
        if *entry == (0.0, false, 0) {
            self.terms.push(id);
        }
        entry.0 += weight;
        entry.1 |= weight == 0.0;
        entry.2 += u32::from(shown);
    }

    /// This section's postings; the counts are left empty for the next one.
    fn take(&mut self, doc: u32) -> impl Iterator<Item = (u32, Posting)> + '_ {
        let by_term = &mut self.by_term;
        self.terms.drain(..).map(move |id| {
            let (weighted, in_title, count) = std::mem::take(&mut by_term[id as usize]);
            (id, Posting { doc, weighted, in_title, count })
        })
    }
}

/// A section that matched.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub section: String,
    pub score: f32,
    /// Matching words in the section.
    pub matches: usize,
    /// The query's marks narrowed to the words this section has: equal from
    /// one keystroke to the next when its marks stay the same ("cooki" →
    /// "cookie"), so the widget leaves that section alone.
    pub marks: Rc<Highlighter>,
}

#[derive(Clone, Debug, Default)]
pub struct Results {
    /// Best first.
    pub hits: Vec<Hit>,
    /// Matching words in all hits.
    pub matches: usize,
    /// When nothing matched: the policy's words nearest to what was typed.
    pub suggestions: Vec<String>,
    /// Nothing matched, but every word is still shorter than a prefix needs:
    /// the resident is typing, and "No matches" would be noise (and a live
    /// region announcing it at every letter).
    pub still_typing: bool,
}

/// What a query found in one section, for its marks.
#[derive(Clone, Default)]
struct Found {
    terms: Vec<u32>,
    /// (clause, alternative) of each phrase it has.
    phrases: Vec<(usize, usize)>,
}

/// What one query word can match, with how much a match counts.
struct Clause {
    /// (term, weight) alternatives.
    terms: Vec<(u32, f32)>,
    /// (phrase, weight) alternatives.
    phrases: Vec<(Vec<u32>, f32)>,
    /// A quoted phrase: a section without it is not a result.
    required: bool,
}

impl Index {
    /// Indexes every section of a bundle.
    pub fn build(bundle: &Bundle) -> Self {
        let mut index = Index {
            language: Language::for_tag(&bundle.meta.language),
            docs: Vec::new(),
            terms: Keyed::default(),
            vocabulary: Vec::new(),
            synonyms: Keyed::default(),
            phrases: Keyed::default(),
            average_length: 0.0,
        };
        // Summary points and facts count for the section they cite.
        let mut cited: Keyed<Vec<&str>> = Keyed::default();
        for p in &bundle.summary {
            cited.entry(&p.section).push(&p.text);
        }
        let mut defined: Keyed<Vec<&str>> = Keyed::default();
        for d in &bundle.definitions {
            if let Some(section) = &d.section {
                defined
                    .entry(section)
                    .extend(std::iter::once(d.term.as_str()).chain(d.aliases.iter().map(String::as_str)));
            }
        }
        for f in &bundle.facts {
            cited.entry(&f.section).push(&f.value);
        }
        // Folded word → term id, while words arrive; sorted into `vocabulary` after.
        let mut words_seen: HashMap<String, u32> = HashMap::new();
        let mut counts = Counts::default();
        for (_, section) in bundle.sections_flat() {
            let doc = index.docs.len() as u32;
            let mut sequence = Vec::new();
            let mut length = 0.0;
            // `weight` 0 marks a title: counted apart from the body. `shown`:
            // whether the section shows the text (with its marks). Returns
            // how long the sequence is now.
            let mut add = |index: &mut Index, text: &str, weight: f32, shown: bool| {
                let words = text::Words::new(&inline::plain(text));
                for i in 0..words.len() {
                    let id = index.term(&mut words_seen, words.word(i));
                    counts.add(id, weight, shown);
                    sequence.push(Some(id));
                    length += weight;
                }
                sequence.push(None);
                sequence.len()
            };
            let mut shown = add(&mut index, &section.title, 0.0, true);
            for block in &section.blocks {
                block.each_text(&mut |_, text| shown = add(&mut index, text, 1.0, true));
            }
            // A term defined here is what this section is about.
            for term in defined.get(&section.id).into_iter().flatten() {
                add(&mut index, term, 0.0, false);
            }
            for text in cited.get(&section.id).into_iter().flatten() {
                add(&mut index, text, SUMMARY_WEIGHT, false);
            }
            for (id, posting) in counts.take(doc) {
                index.terms.at_mut(id).push(posting);
            }
            index.docs.push(Doc { section: section.id.clone(), length, sequence, shown });
        }
        index.vocabulary = words_seen.into_iter().collect();
        index.vocabulary.sort_unstable();
        index.average_length = index.docs.iter().map(|d| d.length).sum::<f32>() / index.docs.len().max(1) as f32;
        index.link_synonyms(bundle);
        index
    }

    /// The id of a folded word's term, creating it (and its entry in `seen`).
    fn term(&mut self, seen: &mut HashMap<String, u32>, word: &str) -> u32 {
        if let Some(id) = seen.get(word) {
            return *id;
        }
        let id = self.terms.slot(&self.language.stem(word), Vec::new);
        seen.insert(word.to_owned(), id);
        id
    }

    /// Where `word` stands, or would stand, in the vocabulary.
    fn vocabulary_from(&self, word: &str) -> usize {
        self.vocabulary.partition_point(|(w, _)| w.as_str() < word)
    }

    /// The term id of a word if the policy has it.
    fn known(&self, word: &str) -> Option<u32> {
        match self.vocabulary.get(self.vocabulary_from(word)) {
            Some((w, id)) if w == word => Some(*id),
            _ => self.terms.slot_of(&self.language.stem(word)),
        }
    }

    fn phrase_ids(&self, words: &str) -> Option<Vec<u32>> {
        let ids: Option<Vec<u32>> = text::tokens(words).iter().map(|t| self.known(&t.word)).collect();
        ids.filter(|ids| !ids.is_empty())
    }

    fn link_synonyms(&mut self, bundle: &Bundle) {
        for group in synonyms::GROUPS {
            let mut ids: Vec<u32> = group.iter().filter_map(|w| self.known(w)).collect();
            ids.sort_unstable();
            ids.dedup();
            for word in *group {
                self.synonyms.entry(&self.language.stem(word)).extend(&ids);
            }
        }
        let mut pairs: Vec<(String, String)> =
            synonyms::PHRASES.iter().map(|(w, p)| (w.to_string(), p.to_string())).collect();
        // Glossary: each name of a term stands for the others.
        for d in &bundle.definitions {
            let names: Vec<String> = std::iter::once(&d.term).chain(&d.aliases).map(|n| inline::plain(n)).collect();
            for a in &names {
                for b in names.iter().filter(|b| *b != a) {
                    pairs.push((a.clone(), b.clone()));
                }
            }
        }
        for (name, phrase) in pairs {
            let key: Vec<String> = text::tokens(&name).into_iter().map(|t| t.word).collect();
            if let (Some(ids), [word]) = (self.phrase_ids(&phrase), key.as_slice()) {
                self.phrases.entry(word).push(ids);
            }
        }
    }

    /// Runs a query.
    pub fn search(&self, query: &str) -> Results {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let clauses = self.clauses(&query);
        if clauses.is_empty() {
            return Results::default();
        }
        let n = self.docs.len() as f32;
        // Per section, by index (sections are numbered densely): score, clauses
        // matched, words matched. Vectors, not maps: no hashing on a keystroke.
        let mut scores = vec![(0.0f32, 0usize, 0usize); self.docs.len()];
        let mut excluded = vec![false; self.docs.len()];
        let mut found = vec![Found::default(); self.docs.len()];
        for (c, clause) in clauses.iter().enumerate() {
            // This clause's best score and its words, where it matched.
            let mut per_doc: Vec<Option<(f32, usize)>> = vec![None; self.docs.len()];
            for &(term, weight) in &clause.terms {
                let postings = self.terms.at(term);
                let idf = (1.0 + (n - postings.len() as f32 + 0.5) / (postings.len() as f32 + 0.5)).ln();
                for p in postings {
                    let doc = &self.docs[p.doc as usize];
                    let norm = 1.0 - BM25_B + BM25_B * doc.length / self.average_length.max(1.0);
                    let body = p.weighted * (BM25_K1 + 1.0) / (p.weighted + BM25_K1 * norm);
                    let s = weight * idf * (body + if p.in_title { TITLE_BONUS } else { 0.0 });
                    let e = per_doc[p.doc as usize].get_or_insert((0.0, 0));
                    e.0 = e.0.max(s);
                    e.1 += p.count as usize;
                    found[p.doc as usize].terms.push(term);
                }
            }
            for (a, (phrase, weight)) in clause.phrases.iter().enumerate() {
                for (d, doc) in self.docs.iter().enumerate() {
                    // Those the section shows count as its matches; a phrase
                    // never spans the `None` that ends what it shows.
                    let (mut count, mut shown) = (0, 0);
                    for start in occurrences(&doc.sequence, phrase) {
                        count += 1;
                        shown += usize::from(start < doc.shown);
                    }
                    if count > 0 {
                        let e = per_doc[d].get_or_insert((0.0, 0));
                        e.0 = e.0.max(weight * count as f32 * 2.0);
                        e.1 += shown * phrase.len();
                        found[d].phrases.push((c, a));
                    }
                }
            }
            for (d, matched) in per_doc.into_iter().enumerate() {
                match matched {
                    Some((s, words)) => {
                        let e = &mut scores[d];
                        e.0 += s;
                        e.1 += 1;
                        e.2 += words;
                    }
                    None => excluded[d] |= clause.required,
                }
            }
        }
        let total = clauses.len() as f32;
        let forms = self.forms(&clauses);
        let mut hits: Vec<Hit> = scores
            .into_iter()
            .enumerate()
            // A section must show a match (a clause matched there, then): one
            // that only the summary citing it has would open with nothing marked.
            .filter(|&(doc, (_, _, words))| words > 0 && !excluded[doc])
            .map(|(doc, (score, matched, words))| Hit {
                section: self.docs[doc].section.clone(),
                // Sections that answer more of the question come first.
                score: score * (matched as f32 / total).powi(2),
                matches: words,
                marks: {
                    let Found { terms, phrases } = std::mem::take(&mut found[doc]);
                    let phrases = phrases.iter().map(|&(c, a)| clauses[c].phrases[a].0.as_slice());
                    Rc::new(marks(&forms, terms.into_iter(), phrases))
                },
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.section.cmp(&b.section)));
        let matches = hits.iter().map(|h| h.matches).sum();
        if hits.is_empty() && is_short(&query) {
            return Results { still_typing: true, ..Results::default() };
        }
        let suggestions = if hits.is_empty() { self.suggestions(&query) } else { Vec::new() };
        Results { hits, matches, suggestions, still_typing: false }
    }

    fn clauses(&self, query: &str) -> Vec<Clause> {
        let mut clauses = Vec::new();
        // Quoted phrases (straight or curly quotes) are required.
        let parts: Vec<&str> = query.split(['"', '“', '”']).collect();
        let mut words: Vec<String> = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            if i % 2 == 1 {
                if let Some(ids) = self.phrase_ids(part) {
                    clauses.push(Clause { terms: vec![], phrases: vec![(ids, 1.0)], required: true });
                } else if !text::tokens(part).is_empty() {
                    // A quoted word the policy never uses: nothing can match.
                    clauses.push(Clause { terms: vec![], phrases: vec![], required: true });
                }
            } else {
                for run in text::runs(part) {
                    match run {
                        text::Run::Word(word) => words.push(word),
                        // Chinese and Japanese write without spaces: a run of
                        // ideographs in the query is a phrase of characters.
                        text::Run::Ideographs(run) => match self.phrase_ids(&run) {
                            Some(ids) => {
                                clauses.push(Clause { terms: vec![], phrases: vec![(ids, 1.0)], required: false })
                            }
                            None => clauses.push(Clause { terms: vec![], phrases: vec![], required: false }),
                        },
                    }
                }
            }
        }
        let still_typing = parts.len() % 2 == 1 && query.ends_with(|c: char| c.is_alphanumeric());
        let stop = |w: &&String| self.language == Language::English && STOP_WORDS.contains(&w.as_str());
        let content: Vec<&String> = words.iter().filter(|w| !stop(w)).collect();
        let chosen: Vec<&String> = if content.is_empty() { words.iter().collect() } else { content };
        let last = words.last();
        for word in chosen.into_iter().take(MAX_QUERY_WORDS) {
            let is_last = still_typing && Some(word) == last;
            clauses.push(self.clause(word, is_last));
        }
        clauses
    }

    fn clause(&self, word: &str, prefix: bool) -> Clause {
        let mut terms: Vec<(u32, f32)> = Vec::new();
        if let Some(id) = self.known(word) {
            terms.push((id, 1.0));
        }
        for &s in self.synonyms.get(&self.language.stem(word)).into_iter().flatten() {
            terms.push((s, 0.6));
        }
        let phrases: Vec<(Vec<u32>, f32)> =
            self.phrases.get(word).into_iter().flatten().map(|p| (p.clone(), 0.9)).collect();
        if prefix && word.chars().count() >= MIN_PREFIX_CHARS {
            let from = self.vocabulary_from(word);
            let longer = self.vocabulary[from..].iter().take_while(|(w, _)| w.starts_with(word)).take(50);
            terms.extend(longer.map(|&(_, id)| (id, 0.8)));
        }
        // Typos only where nothing matches as typed, so they never outrank it.
        if terms.is_empty() && phrases.is_empty() && word.chars().count() >= 5 {
            let near = self.vocabulary.iter().filter(|(w, _)| distance::within(w, word, 1).is_some());
            terms.extend(near.map(|&(_, id)| (id, 0.5)));
        }
        terms.sort_by_key(|t| t.0);
        terms.dedup_by_key(|t| t.0); // the first (heaviest) weight of a term stays
        Clause { terms, phrases, required: false }
    }

    /// Every surface form the policy uses for each term a query can match.
    fn forms(&self, clauses: &[Clause]) -> Forms {
        let mut terms: Vec<u32> = clauses
            .iter()
            .flat_map(|c| {
                c.terms.iter().map(|(id, _)| *id).chain(c.phrases.iter().flat_map(|(p, _)| p.iter().copied()))
            })
            .collect();
        terms.sort_unstable();
        terms.dedup();
        let mut forms = vec![Strings::default(); terms.len()];
        for (word, id) in &self.vocabulary {
            if let Ok(i) = terms.binary_search(id) {
                forms[i].insert(word.clone());
            }
        }
        Forms { terms, forms }
    }

    /// The policy's words nearest to the query's words (edit distance ≤ 2).
    fn suggestions(&self, query: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in text::tokens(query).iter().filter(|t| t.word.chars().count() >= 3) {
            let mut near: Vec<(usize, usize, &String)> = self
                .vocabulary
                .iter()
                .filter_map(|(w, id)| {
                    distance::within(w, &t.word, 2).map(|d| (d, usize::MAX - self.terms.at(*id).len(), w))
                })
                .collect();
            near.sort();
            out.extend(near.into_iter().take(3).map(|(_, _, w)| w.clone()));
        }
        out.dedup();
        out.truncate(5);
        out
    }
}

/// The surface forms of the terms a query can match: `forms[i]` are the
/// words of the policy whose term is `terms[i]` (sorted).
struct Forms {
    terms: Vec<u32>,
    forms: Vec<Strings>,
}

impl Forms {
    /// Every term a query can match has at least one form (the word it came
    /// from); `None` only for a term the query did not ask about.
    fn of(&self, term: u32) -> Option<&Strings> {
        self.terms.binary_search(&term).ok().map(|i| &self.forms[i])
    }
}

/// Marks for these terms and phrases, in every form the policy uses.
fn marks<'a>(forms: &Forms, terms: impl Iterator<Item = u32>, phrases: impl Iterator<Item = &'a [u32]>) -> Highlighter {
    let words = terms.flat_map(|id| forms.of(id).into_iter().flat_map(Strings::iter).cloned()).collect();
    let phrases =
        phrases.map(|ids| ids.iter().map(|&id| forms.of(id).cloned().unwrap_or_default()).collect()).collect();
    Highlighter::new(words, phrases)
}

/// Where `phrase` occurs, consecutively, in `sequence`: each occurrence's start.
fn occurrences<'a>(sequence: &'a [Option<u32>], phrase: &'a [u32]) -> impl Iterator<Item = usize> + 'a {
    // `windows(0)` would panic, and `all` holds for an empty phrase: a
    // phrase of no words occurs nowhere.
    let matches = move |w: &[Option<u32>]| !phrase.is_empty() && w.iter().zip(phrase).all(|(a, b)| *a == Some(*b));
    sequence.windows(phrase.len().max(1)).enumerate().filter(move |(_, w)| matches(w)).map(|(start, _)| start)
}

/// Whether every word of a query is shorter than a prefix match needs (and
/// none is an ideograph, which is a word by itself).
fn is_short(query: &str) -> bool {
    text::tokens(query)
        .iter()
        .all(|t| t.word.chars().count() < MIN_PREFIX_CHARS && !t.word.chars().any(text::is_ideograph))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{Block, Definition, Meta, Publisher, PublisherKind, Section, FORMAT};

    fn bundle(sections: &[(&str, &str, &str)]) -> Bundle {
        Bundle {
            format: FORMAT.into(),
            meta: Meta {
                title: "T".into(),
                publisher: Publisher { name: "P".into(), kind: PublisherKind::Town, website: None },
                jurisdiction: None,
                effective_date: None,
                updated_date: None,
                language: "en".into(),
                canonical_url: None,
            },
            summary: vec![],
            facts: vec![],
            intro: vec![],
            sections: sections
                .iter()
                .map(|(id, title, text)| Section {
                    id: (*id).into(),
                    title: (*title).into(),
                    blocks: vec![Block::Paragraph { text: (*text).into() }],
                    sections: vec![],
                })
                .collect(),
            definitions: vec![Definition {
                term: "Internet Protocol Address".into(),
                aliases: vec!["IP Address".into()],
                text: "A number.".into(),
                section: Some("ip".into()),
            }],
            contacts: vec![],
            front_matter: vec![],
            config: Default::default(),
        }
    }

    fn index() -> Index {
        Index::build(&bundle(&[
            ("cookies", "Cookies", "We use session cookies. A cookie expires when you close the browser."),
            ("records", "Public records", "What you send us may become a public record under the law."),
            ("ip", "Logs", "We store the Internet Protocol address of each visit."),
            ("selling", "Sharing", "We do not sell or rent personal information."),
            ("cookie-jar", "Recipes", "A coockie jar recipe, spelled oddly."),
        ]))
    }

    fn first(query: &str) -> String {
        index().search(query).hits.first().map(|h| h.section.clone()).unwrap_or_default()
    }

    #[test]
    fn stems_and_titles_rank_the_section_about_it_first() {
        assert_eq!(first("cookie"), "cookies");
        assert_eq!(first("public records "), "records");
    }

    #[test]
    fn the_last_word_matches_as_a_prefix_while_typing() {
        assert_eq!(first("cook"), "cookies");
        assert_eq!(first("coo"), "cookies");
        let typing = index().search("co");
        assert!(typing.hits.is_empty() && typing.still_typing, "two letters are not yet a prefix");
        assert!(typing.suggestions.is_empty(), "nor a reason to suggest words");
        assert!(!index().search("cooxz").still_typing, "a longer word that matches nothing is a miss");
        assert!(index().search("cook ").hits.is_empty(), "a finished word is a word");
    }

    #[test]
    fn quoted_phrases_must_match_as_phrases() {
        let results = index().search("\"public record\"");
        assert_eq!(results.hits.iter().map(|h| h.section.as_str()).collect::<Vec<_>>(), ["records"]);
        assert!(index().search("\"record public\"").hits.is_empty());
    }

    #[test]
    fn synonyms_and_glossary_aliases_find_the_policys_words() {
        assert_eq!(first("do you trade my data"), "selling");
        assert_eq!(first("ip"), "ip");
        assert_eq!(first("pii "), "selling");
    }

    #[test]
    fn a_typo_finds_the_word_but_never_outranks_a_correct_spelling() {
        assert_eq!(first("recxrdz "), "", "two edits: no match");
        assert_eq!(first("recods "), "records", "one edit on a word of five letters or more");
        // "coockie" is a word of the policy: typed correctly, it wins over "cookie".
        assert_eq!(first("coockie "), "cookie-jar");
    }

    #[test]
    fn counts_and_highlights_follow_the_matches() {
        let results = index().search("cookies ");
        assert_eq!(results.hits[0].matches, 3, "title once, body twice");
        let text = "Cookies expire; a cookie is small.";
        // Marks are found by the forms the policy uses ("cookies", "cookie"), not by stemming on render.
        let marked: Vec<&str> = results.hits[0].marks.ranges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(marked, ["Cookies", "cookie"]);
    }

    #[test]
    fn matches_count_what_the_section_shows_not_the_summary_that_cites_it() {
        let mut policy = bundle(&[
            ("cookies", "Cookies", "We use session cookies. A cookie expires when you close the browser."),
            ("records", "Public records", "What you send us may become a public record under the law."),
        ]);
        policy.summary.push(crate::bundle::SummaryPoint {
            text: "Cookies last a session; public records are public.".into(),
            section: "cookies".into(),
        });
        let index = Index::build(&policy);
        let hit = |query: &str, id: &str| index.search(query).hits.into_iter().find(|h| h.section == id).unwrap();
        assert_eq!(hit("cookies", "cookies").matches, 3, "the title and the body's two, as the marks show");
        assert_eq!(hit("\"public records\"", "records").matches, 4, "the title's phrase and the body's");
        let found = index.search("\"public records\"");
        assert_eq!(found.hits.len(), 1, "the summary's phrase opens no section without it");
        assert_eq!(found.matches, 4);
        assert!(index.search("last").hits.is_empty(), "nor does a word the summary alone has");
    }

    #[test]
    fn each_hit_marks_its_own_words_and_keeps_them_while_typing_on() {
        let index = index();
        let marks =
            |query: &str, id: &str| index.search(query).hits.into_iter().find(|h| h.section == id).unwrap().marks;
        let text = "Cookies expire; a coockie jar.";
        let marked = |m: Rc<Highlighter>| m.ranges(text).into_iter().map(|r| &text[r]).collect::<Vec<_>>();
        // "coo" starts both "cookies" and "coockie"; each section marks the one it has.
        assert_eq!(marked(marks("coo", "cookies")), ["Cookies"]);
        assert_eq!(marked(marks("coo", "cookie-jar")), ["coockie"]);
        // The same words marked from one keystroke to the next: equal marks,
        // so the widget leaves the section as it is.
        assert_eq!(marks("cooki", "cookies"), marks("cookie", "cookies"));
    }

    #[test]
    fn no_matches_suggests_the_nearest_words() {
        let results = index().search("rekkords ");
        assert!(results.hits.is_empty());
        assert!(results.suggestions.contains(&"records".to_owned()), "{:?}", results.suggestions);
    }

    #[test]
    fn strange_queries_are_safe() {
        let idx = index();
        for q in ["", "   ", "!!!???", "🍪🍪🍪", "\"", "\"\"", "(.*)+$[", &"a".repeat(10_000), &"cookie ".repeat(2_000)]
        {
            let results = idx.search(q);
            assert!(results.hits.len() <= 5, "{q:?}");
        }
        assert_eq!(first(&format!("{} cookies", "x".repeat(10_000))), "", "queries are cut at 200 characters");
    }
}
