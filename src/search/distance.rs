//! Edit distance with an early exit, for typo tolerance and suggestions.

/// Edit distance between `a` and `b` if it is at most `max`, counting a swap
/// of two neighbouring letters as one edit ("cookeis" → "cookies"): the
/// commonest slip in typing, which plain Levenshtein counts as two.
///
/// This is the optimal-string-alignment form of Damerau's distance (no
/// substring is edited twice), which is all typo tolerance needs and keeps
/// the three-row table.
pub fn within(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        let mut row_min = current[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let mut best = (previous[j] + cost).min(previous[j + 1] + 1).min(current[j] + 1);
            if i > 0 && j > 0 && *ca == b[j - 1] && a[i - 1] == *cb {
                best = best.min(before[j - 1] + 1);
            }
            current[j + 1] = best;
            row_min = row_min.min(best);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[b.len()]).filter(|d| *d <= max)
}

#[cfg(test)]
mod tests {
    use super::within;

    #[test]
    fn distances() {
        assert_eq!(within("cookies", "cookies", 1), Some(0));
        assert_eq!(within("cokies", "cookies", 1), Some(1));
        assert_eq!(within("a", "abcdef", 2), None);
    }

    #[test]
    fn a_swap_of_neighbouring_letters_is_one_edit() {
        assert_eq!(within("cookeis", "cookies", 1), Some(1));
        assert_eq!(within("recrods", "records", 1), Some(1));
        assert_eq!(within("ab", "ba", 1), Some(1));
        // Two swaps are two edits; a swap across a gap is not one.
        assert_eq!(within("ocokeis", "cookies", 1), None);
        assert_eq!(within("ocokeis", "cookies", 2), Some(2));
        assert_eq!(within("cxkoies", "cookies", 1), None);
    }
}
