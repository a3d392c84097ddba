//! Writes into `OUT_DIR` what the wasm ships in a smaller form than its source:
//!
//! - the widget's stylesheet without its comments and indentation, for
//!   `components::STYLESHEET` (comments are for the people who edit
//!   `src/components/widget.css`, not for browsers: a quarter of its bytes);
//! - the Unicode lower-case mapping as runs, for `search::case`: std's own
//!   table is ~12 KB in the wasm, the runs ~1.5 KB. They are read from this
//!   toolchain's std, so both give the same answers (a test checks every
//!   character).

use std::{env, fs, path::Path};

const SOURCE: &str = "src/components/widget.css";

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let css = fs::read_to_string(SOURCE).expect("read the stylesheet");
    fs::write(Path::new(&out_dir).join("widget.css"), minify(&css)).expect("write the minified stylesheet");
    fs::write(Path::new(&out_dir).join("lowercase.rs"), lowercase_runs()).expect("write the lower-case runs");
}

/// Every non-ASCII character whose lower case is another single character,
/// as runs `(start << 11 | length << 1 | stride - 1, delta)`: `length`
/// characters from `start`, `stride` (1 or 2) apart, each lower-cased by
/// adding `delta`. Most of Unicode's case pairs come in such runs (A–Z,
/// Cyrillic, Latin Extended's alternating pairs). U+0130 (İ), the one whose
/// lower case is two characters, is left to the caller.
fn lowercase_runs() -> String {
    let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new(); // start, length, stride, delta
    for c in '\u{80}'..=char::MAX {
        let mut lower = c.to_lowercase();
        let (Some(l), None) = (lower.next(), lower.next()) else { continue };
        if l == c {
            continue;
        }
        let (cp, delta) = (c as u32, l as i64 - c as i64);
        if let Some((start, length, stride, d)) = runs.last_mut() {
            let last = *start + (*length - 1) * *stride;
            let gap = cp - last;
            if *d == delta && ((*length == 1 && gap <= 2) || gap == *stride) {
                *stride = gap;
                *length += 1;
                continue;
            }
        }
        runs.push((cp, 1, 1, delta));
    }
    let mut out = format!("static LOWERCASE_RUNS: [(u32, i32); {}] = [\n", runs.len());
    for (start, length, stride, delta) in runs {
        assert!(start < 1 << 21 && length < 1 << 10 && (1..=2).contains(&stride), "a run that does not pack");
        out.push_str(&format!("({}, {delta}),\n", start << 11 | length << 1 | (stride - 1)));
    }
    out.push_str("];\n");
    out
}

/// Drops comments, folds each run of whitespace into one space, drops the
/// space next to `{`, `}`, `;`, `,`, after `:` and before `!important`, where
/// CSS never needs it, and a rule's last `;`.
/// Quoted strings are copied as they are. Spaces around `+`, `-`, `>` and
/// before `:` stay: `calc(1em + 2px)` and `.a :focus` need theirs.
fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '"' | '\'' => {
                push_space(&mut out, &mut pending_space, c);
                out.push(c);
                while let Some(s) = chars.next() {
                    out.push(s);
                    if s == '\\' {
                        out.extend(chars.next());
                    } else if s == c {
                        break;
                    }
                }
            }
            '}' if out.ends_with(';') => {
                pending_space = false;
                out.pop();
                out.push('}');
            }
            c => {
                push_space(&mut out, &mut pending_space, c);
                out.push(c);
            }
        }
    }
    out
}

/// Writes the space folded before `next`, unless either side makes it useless.
fn push_space(out: &mut String, pending_space: &mut bool, next: char) {
    let needless_after = |c: char| matches!(c, '{' | '}' | ';' | ',' | ':');
    let needless_before = |c: char| matches!(c, '{' | '}' | ';' | ',' | '!');
    if std::mem::take(pending_space) && !out.is_empty() && !out.ends_with(needless_after) && !needless_before(next) {
        out.push(' ');
    }
}
