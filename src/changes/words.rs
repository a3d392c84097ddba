//! A section's texts compared piece by piece, and a rewritten piece word by
//! word, with `similar`'s patience diff (it keeps long runs of unchanged
//! words together, as a person reading a redline expects).

use similar::{capture_diff_slices, Algorithm, ChangeTag, DiffTag, TextDiff};

use crate::bundle::marked::{self, Piece};

/// Two versions of a piece of text count as one piece rewritten when at
/// least this share of their words is kept; less, and the redline shows the
/// old piece deleted and the new one inserted, which reads better than a
/// sentence made mostly of marks.
const REWRITTEN: f64 = 0.4;

/// Kept words between two replacements that are taken into one replacement
/// when there are at most this many, and fewer than either replacement's.
/// "[-In-]{+Executive+} [-1999,-]{+Order+}" reads as
/// "[-In 1999,-]{+Executive Order+}": a committee reads the old words and the
/// new, not a word-for-word interleaving.
const SHORT_KEEP: usize = 2;

/// The pieces of text that differ between a section's old and new texts
/// (`super::texts`), in reading order, each marked (`marked::write`); empty
/// when they are the same.
pub fn compare_texts(old: &[String], new: &[String]) -> Vec<String> {
    let inserted = |text: &String| marked::whole(Piece::Insert(text.clone()));
    let deleted = |text: &String| marked::whole(Piece::Delete(text.clone()));
    let mut changes = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, old, new) {
        let (tag, olds, news) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {}
            DiffTag::Delete => changes.extend(old[olds].iter().map(deleted)),
            DiffTag::Insert => changes.extend(new[news].iter().map(inserted)),
            DiffTag::Replace => {
                let (olds, news) = (&old[olds], &new[news]);
                for i in 0..olds.len().max(news.len()) {
                    match (olds.get(i), news.get(i)) {
                        (Some(before), Some(after)) => {
                            let pieces = diff_words(before, after);
                            if kept_share(&pieces) >= REWRITTEN {
                                changes.push(marked::write(&pieces));
                            } else {
                                changes.push(deleted(before));
                                changes.push(inserted(after));
                            }
                        }
                        (Some(before), None) => changes.push(deleted(before)),
                        (None, Some(after)) => changes.push(inserted(after)),
                        (None, None) => {}
                    }
                }
            }
        }
    }
    changes
}

/// Two texts word by word: runs of kept, inserted and deleted words, with the
/// spaces between them, so that the kept and inserted runs read as the new
/// text and the kept and deleted runs as the old. Replacements a few short
/// kept words apart are one ([`SHORT_KEEP`]).
pub fn diff_words(old: &str, new: &str) -> Vec<Piece> {
    join_replacements(word_runs(old, new))
}

/// [`diff_words`] before replacements are joined: `similar`'s runs, each
/// tag's consecutive words in one piece.
fn word_runs(old: &str, new: &str) -> Vec<Piece> {
    let diff = TextDiff::configure().algorithm(Algorithm::Patience).diff_words(old, new);
    let mut pieces: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let value = change.value();
        let piece = match change.tag() {
            ChangeTag::Equal => Piece::Keep(value.to_owned()),
            ChangeTag::Insert => Piece::Insert(value.to_owned()),
            ChangeTag::Delete => Piece::Delete(value.to_owned()),
        };
        match (pieces.last_mut(), piece) {
            (Some(Piece::Keep(run)), Piece::Keep(more))
            | (Some(Piece::Insert(run)), Piece::Insert(more))
            | (Some(Piece::Delete(run)), Piece::Delete(more)) => run.push_str(&more),
            (_, piece) => pieces.push(piece),
        }
    }
    pieces
}

/// A run of kept words, or a change: the words deleted and those inserted in
/// their place (either may be empty).
enum Run {
    Keep(String),
    Change(String, String),
}

/// Joins two replacements (changes with both deleted and inserted words) and
/// the few kept words between them into one, while any are left to join.
fn join_replacements(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut runs: Vec<Run> = Vec::new();
    for piece in pieces {
        match (runs.last_mut(), piece) {
            (Some(Run::Change(deleted, _)), Piece::Delete(words)) => deleted.push_str(&words),
            (Some(Run::Change(_, inserted)), Piece::Insert(words)) => inserted.push_str(&words),
            (_, Piece::Delete(words)) => runs.push(Run::Change(words, String::new())),
            (_, Piece::Insert(words)) => runs.push(Run::Change(String::new(), words)),
            (_, Piece::Keep(words)) => runs.push(Run::Keep(words)),
        }
    }
    let mut i = 1;
    while i + 1 < runs.len() {
        if let [Run::Change(d0, i0), Run::Keep(kept), Run::Change(d1, i1)] = &runs[i - 1..=i + 1] {
            let size = |deleted: &str, inserted: &str| word_count(deleted).max(word_count(inserted));
            let replacements = ![d0, i0, d1, i1].iter().any(|s| s.is_empty());
            let few = word_count(kept);
            if replacements && (few == 0 || (few <= SHORT_KEEP && few < size(d0, i0) && few < size(d1, i1))) {
                let joined = Run::Change(format!("{d0}{kept}{d1}"), format!("{i0}{kept}{i1}"));
                runs.splice(i - 1..=i + 1, [joined]);
                // The joined change may now join the one before it.
                i = i.saturating_sub(1).max(1);
                continue;
            }
        }
        i += 1;
    }
    let mut out = Vec::new();
    for run in runs {
        match run {
            Run::Keep(words) => out.push(Piece::Keep(words)),
            Run::Change(deleted, inserted) => {
                out.extend((!deleted.is_empty()).then_some(Piece::Delete(deleted)));
                out.extend((!inserted.is_empty()).then_some(Piece::Insert(inserted)));
            }
        }
    }
    out
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The share of words kept, over the words of either version.
fn kept_share(pieces: &[Piece]) -> f64 {
    let words = word_count;
    let (mut kept, mut all) = (0, 0);
    for piece in pieces {
        match piece {
            Piece::Keep(s) => {
                kept += words(s);
                all += words(s);
            }
            Piece::Insert(s) | Piece::Delete(s) => all += words(s),
        }
    }
    if all == 0 {
        1.0
    } else {
        kept as f64 / all as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(old: &str, new: &str) -> String {
        marked::write(&diff_words(old, new))
    }

    #[test]
    fn replacements_a_space_apart_are_one() {
        assert_eq!(
            marked("In 1999, the Governor issued it.", "Executive Order 504, the Governor issued it."),
            "[-In 1999,-]{+Executive Order 504,+} the Governor issued it."
        );
    }

    #[test]
    fn replacements_a_short_word_apart_are_one_when_both_are_longer() {
        assert_eq!(
            marked("It limits collection and use of data.", "It greatly enhances security and data integrity of data."),
            "It [-limits collection and use-]{+greatly enhances security and data integrity+} of data."
        );
    }

    #[test]
    fn a_kept_word_between_single_word_changes_stays_kept() {
        // A space apart they are one; a word apart, the word stays in between.
        assert_eq!(
            marked("We may sell the data.", "We will share the data."),
            "We [-may sell-]{+will share+} the data."
        );
        assert_eq!(
            marked("We may not sell data.", "We will not share data."),
            "We [-may-]{+will+} not [-sell-]{+share+} data."
        );
    }

    #[test]
    fn a_deletion_or_insertion_alone_is_not_joined() {
        // Joined, the space would have to be deleted and inserted at the edge of a mark.
        let pieces = vec![
            Piece::Delete("today".into()),
            Piece::Keep(" ".into()),
            Piece::Delete("by".into()),
            Piece::Insert("before".into()),
        ];
        assert_eq!(join_replacements(pieces.clone()), pieces);
    }
}
