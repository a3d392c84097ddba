//! Lower case for characters outside ASCII, from runs that `build.rs` derives
//! from std's own mapping: the same answers as `char::to_lowercase` in an
//! eighth of its bytes in the wasm, where search is the only user of it.

include!(concat!(env!("OUT_DIR"), "/lowercase.rs"));

/// The lower case of `c`. U+0130 (İ), whose lower case is two characters, is
/// folded by the caller before it gets here.
pub fn lower(c: char) -> char {
    let cp = c as u32;
    let i = LOWERCASE_RUNS.partition_point(|&(packed, _)| packed >> 11 <= cp);
    let Some(&(packed, delta)) = i.checked_sub(1).map(|i| &LOWERCASE_RUNS[i]) else { return c };
    let (start, length, stride) = (packed >> 11, (packed >> 1) & 0x3ff, (packed & 1) + 1);
    let offset = cp - start;
    if offset < length * stride && offset % stride == 0 {
        char::from_u32(cp.wrapping_add_signed(delta)).unwrap_or(c)
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_std_on_every_character() {
        for c in ('\u{80}'..=char::MAX).filter(|&c| c != 'İ') {
            let std: Vec<char> = c.to_lowercase().collect();
            assert_eq!(vec![lower(c)], std, "{c:?} (U+{:04X})", c as u32);
        }
    }
}
