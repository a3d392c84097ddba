//! Edit distance with an early exit, for typo tolerance and suggestions.

/// Levenshtein distance between `a` and `b` if it is at most `max`.
pub fn within(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        let mut row_min = current[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            current[j + 1] = (previous[j] + cost).min(previous[j + 1] + 1).min(current[j] + 1);
            row_min = row_min.min(current[j + 1]);
        }
        if row_min > max {
            return None;
        }
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
        assert_eq!(within("recrods", "records", 1), None);
        assert_eq!(within("recrods", "records", 2), Some(2));
        assert_eq!(within("a", "abcdef", 2), None);
    }
}
