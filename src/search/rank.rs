//! Ranking: BM25 over sections, a section's title counted apart from its
//! body's length, quoted phrases required; and which of a query's terms and
//! phrases each section has, for its marks.

use super::query::Clause;
use super::Index;

/// A word in a section's title (or a term the section defines) adds this much,
/// outside BM25's length normalisation: a long section is no less *about* its title.
const TITLE_BONUS: f32 = 2.0;
const BM25_K1: f32 = 1.2;
const BM25_B: f32 = 0.75;

/// How one section answers a query.
#[derive(Clone, Default)]
pub(super) struct Scored {
    pub score: f32,
    /// How many of the query's clauses it matches.
    pub clauses: usize,
    /// The matching words it shows: its marks.
    pub words: usize,
    /// A required clause (a quoted phrase) is missing: no result.
    pub excluded: bool,
    /// The query's terms it has, and its phrases (`PhraseFound`).
    pub terms: Vec<u32>,
    pub phrases: Vec<PhraseFound>,
}

/// A phrase of the query that a section has: `clauses[clause].phrases[alternative]`.
#[derive(Clone, Copy)]
pub(super) struct PhraseFound {
    pub clause: usize,
    pub alternative: usize,
}

/// One clause's match in one section: its best alternative's score, and the
/// words it matched there.
#[derive(Clone, Copy, Default)]
struct ClauseMatch {
    best: f32,
    words: usize,
}

impl Index {
    /// Every section's answer to `clauses`, by section number. Vectors, not
    /// maps: no hashing on a keystroke.
    pub(super) fn score(&self, clauses: &[Clause]) -> Vec<Scored> {
        let n = self.docs.len() as f32;
        let mut scored = vec![Scored::default(); self.docs.len()];
        for (c, clause) in clauses.iter().enumerate() {
            let mut per_doc: Vec<Option<ClauseMatch>> = vec![None; self.docs.len()];
            for alternative in &clause.terms {
                let postings = self.terms.at(alternative.term);
                let idf = (1.0 + (n - postings.len() as f32 + 0.5) / (postings.len() as f32 + 0.5)).ln();
                for p in postings {
                    let doc = &self.docs[p.doc as usize];
                    let norm = 1.0 - BM25_B + BM25_B * doc.length / self.average_length.max(1.0);
                    let body = p.weighted * (BM25_K1 + 1.0) / (p.weighted + BM25_K1 * norm);
                    let s = alternative.weight * idf * (body + if p.in_title { TITLE_BONUS } else { 0.0 });
                    let m = per_doc[p.doc as usize].get_or_insert_with(ClauseMatch::default);
                    m.best = m.best.max(s);
                    m.words += p.count as usize;
                    scored[p.doc as usize].terms.push(alternative.term);
                }
            }
            for (a, phrase) in clause.phrases.iter().enumerate() {
                for (d, doc) in self.docs.iter().enumerate() {
                    // Those the section shows count as its matches; a phrase
                    // never spans the `None` that ends what it shows.
                    let (mut count, mut shown) = (0, 0);
                    for start in occurrences(&doc.sequence, &phrase.terms) {
                        count += 1;
                        shown += usize::from(start < doc.shown);
                    }
                    if count > 0 {
                        let m = per_doc[d].get_or_insert_with(ClauseMatch::default);
                        m.best = m.best.max(phrase.weight * count as f32 * 2.0);
                        m.words += shown * phrase.terms.len();
                        scored[d].phrases.push(PhraseFound { clause: c, alternative: a });
                    }
                }
            }
            for (section, matched) in scored.iter_mut().zip(per_doc) {
                match matched {
                    Some(m) => {
                        section.score += m.best;
                        section.clauses += 1;
                        section.words += m.words;
                    }
                    None => section.excluded |= clause.required,
                }
            }
        }
        scored
    }
}

/// Where `phrase` occurs, consecutively, in `sequence`: each occurrence's start.
fn occurrences<'a>(sequence: &'a [Option<u32>], phrase: &'a [u32]) -> impl Iterator<Item = usize> + 'a {
    // `windows(0)` would panic, and `all` holds for an empty phrase: a
    // phrase of no words occurs nowhere.
    let matches = move |w: &[Option<u32>]| !phrase.is_empty() && w.iter().zip(phrase).all(|(a, b)| *a == Some(*b));
    sequence.windows(phrase.len().max(1)).enumerate().filter(move |(_, w)| matches(w)).map(|(start, _)| start)
}
