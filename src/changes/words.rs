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
/// text and the kept and deleted runs as the old.
pub fn diff_words(old: &str, new: &str) -> Vec<Piece> {
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

/// The share of words kept, over the words of either version.
fn kept_share(pieces: &[Piece]) -> f64 {
    let words = |s: &str| s.split_whitespace().count();
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
