//! A changed text as one string, its words marked as `git diff --word-diff`
//! marks them: `We [-may-]{+never+} sell it.` One string rather than a list
//! of typed runs, because the widget reads it as it reads any other text:
//! a structured form cost its reader 1.4 KB gzip, this one a small parser.
//!
//! `\` escapes the next character, and every `\`, `[`, `]`, `{` and `}` of
//! the policy's own text is escaped, so any bracket left bare is a mark. The
//! redline `policy-widget diff` prints is these strings.

/// A run of words in a changed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// In both versions.
    Keep(String),
    /// Only in this version.
    Insert(String),
    /// Only in the previous version.
    Delete(String),
}

/// The pieces written as one marked string. The spaces at a deleted or
/// inserted run's edges go outside its marks (`a {+new+} b`), where they
/// read as the space between words.
pub fn write(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        let (open, text, close) = match piece {
            Piece::Keep(text) => {
                escape(text, &mut out);
                continue;
            }
            Piece::Insert(text) => ("{+", text, "+}"),
            Piece::Delete(text) => ("[-", text, "-]"),
        };
        let core = text.trim();
        if core.is_empty() {
            out.push_str(text);
            continue;
        }
        let start = text.len() - text.trim_start().len();
        out.push_str(&text[..start]);
        out.push_str(open);
        escape(core, &mut out);
        out.push_str(close);
        out.push_str(&text[start + core.len()..]);
    }
    out
}

/// A text that is all kept, all inserted or all deleted.
pub fn whole(piece: Piece) -> String {
    write(&[piece])
}

fn escape(text: &str, out: &mut String) {
    for ch in text.chars() {
        if matches!(ch, '\\' | '[' | ']' | '{' | '}') {
            out.push('\\');
        }
        out.push(ch);
    }
}

/// The pieces a marked string holds, or what is wrong with its marks.
pub fn pieces(text: &str) -> Result<Vec<Piece>, &'static str> {
    let mut out = Vec::new();
    let mut run = String::new();
    // The mark open now: '[' (deleted) or '{' (inserted), or none.
    let mut open: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        let next = chars.peek().copied();
        match (ch, open, next) {
            ('\\', _, Some(escaped)) => {
                run.push(escaped);
                chars.next();
            }
            ('\\', _, None) => return Err("ends with a lone \\"),
            ('[', None, Some('-')) | ('{', None, Some('+')) => {
                chars.next();
                flush(&mut out, &mut run, None);
                open = Some(ch);
            }
            ('-', Some('['), Some(']')) | ('+', Some('{'), Some('}')) => {
                chars.next();
                if run.is_empty() {
                    return Err("has an empty mark");
                }
                flush(&mut out, &mut run, open);
                open = None;
            }
            ('[' | ']' | '{' | '}', ..) => return Err("has a bracket that is neither a mark nor escaped"),
            _ => run.push(ch),
        }
    }
    if open.is_some() {
        return Err("has a mark that is not closed");
    }
    flush(&mut out, &mut run, None);
    Ok(out)
}

/// Ends the run so far as a piece of the kind `open` says.
fn flush(out: &mut Vec<Piece>, run: &mut String, open: Option<char>) {
    if run.is_empty() {
        return;
    }
    let text = std::mem::take(run);
    out.push(match open {
        Some('[') => Piece::Delete(text),
        Some(_) => Piece::Insert(text),
        None => Piece::Keep(text),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keep(s: &str) -> Piece {
        Piece::Keep(s.into())
    }

    #[test]
    fn marks_are_written_around_the_words_and_read_back() {
        let runs = [keep("We "), Piece::Delete("may ".into()), Piece::Insert("never ".into()), keep("sell it.")];
        let text = write(&runs);
        assert_eq!(text, "We [-may-] {+never+} sell it.");
        assert_eq!(
            pieces(&text).unwrap(),
            [keep("We "), Piece::Delete("may".into()), keep(" "), Piece::Insert("never".into()), keep(" sell it.")]
        );
    }

    #[test]
    fn the_policys_own_brackets_and_marks_stay_text() {
        let own = r"See [1] {a} \ [-x-] {+y+} a-] b+}";
        for piece in [keep(own), Piece::Insert(own.into()), Piece::Delete(own.into())] {
            assert_eq!(pieces(&whole(piece.clone())).unwrap(), [piece]);
        }
    }

    #[test]
    fn a_hyphen_or_plus_at_a_runs_end_stays_in_it() {
        assert_eq!(pieces("[-a--]{+b++}").unwrap(), [Piece::Delete("a-".into()), Piece::Insert("b+".into())]);
    }

    #[test]
    fn broken_marks_are_refused() {
        for bad in ["[-open", "{+open", "a [b", "a]", "[--]", "[-a {+b+}-]", "end\\"] {
            assert!(pieces(bad).is_err(), "{bad}");
        }
    }
}
