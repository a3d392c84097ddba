//! Writes the widget's stylesheet without its comments and indentation into
//! `OUT_DIR`, for `components::STYLESHEET`: the stylesheet ships inside the wasm
//! to every resident, and its comments are for the people who edit
//! `src/components/widget.css`, not for browsers (a quarter of its bytes).

use std::{env, fs, path::Path};

const SOURCE: &str = "src/components/widget.css";

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    let css = fs::read_to_string(SOURCE).expect("read the stylesheet");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("widget.css");
    fs::write(out, minify(&css)).expect("write the minified stylesheet");
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
