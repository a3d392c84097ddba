//! A PDF's lines as paragraphs and headings: running headers, footers and
//! page numbers removed, words cut by a hyphen joined, a numeral that carries
//! a sentence on kept in it.

use super::lines::{most_common, Line};
use crate::import::Notice;
use crate::keyed::Strings;

/// Whether a line opens a list's item: a bullet ("•", "-", a painted one
/// written as "- ") or a number or letter ("1.", "(a)") and a space.
fn opens_item(line: &str) -> bool {
    let Some((marker, _)) = line.split_once(' ') else { return false };
    let numbered = marker.len() <= 4
        && marker.ends_with(['.', ')'])
        && marker.trim_start_matches('(').trim_end_matches(['.', ')']).chars().all(|c| c.is_ascii_alphanumeric());
    matches!(marker, "-" | "•" | "◦" | "▪" | "–" | "*" | "o") || numbered
}

/// Whether `line` opens with what looks like a list's number ("(30)", "2.")
/// but carries on a sentence that `out` leaves unfinished: a lower-case word
/// follows the number, and the line before ends mid-sentence.
fn mid_sentence_numeral(out: &str, line: &str) -> bool {
    let before = out.trim_end_matches('\n');
    let unfinished =
        out.ends_with('\n') && !out.ends_with("\n\n") && before.ends_with(|c: char| c.is_alphanumeric() || c == ',');
    let mut words = line.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else { return false };
    let digits = first.trim_start_matches('(').trim_end_matches([')', '.']);
    unfinished
        && !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && second.starts_with(char::is_lowercase)
}

/// A line's text with its numbers as `#`: "Page 3 of 7" and "Page 4 of 7"
/// are one running footer.
fn shape(text: &str) -> String {
    text.chars().map(|c| if c.is_ascii_digit() { '#' } else { c.to_ascii_lowercase() }).collect()
}

/// Removes the lines that open or close most pages alike: running headers,
/// footers and page numbers.
pub(super) fn without_running_lines(pages: Vec<Vec<Line>>, notices: &mut Vec<Notice>) -> Vec<Vec<Line>> {
    if pages.len() < 2 {
        return pages;
    }
    // The two lines at each end of a page are where running lines stand.
    let ends = |page: &Vec<Line>| -> Vec<String> {
        let n = page.len();
        let mut shapes: Vec<String> =
            page.iter().take(2).chain(page.iter().skip(n.saturating_sub(2))).map(|l| shape(&l.plain)).collect();
        shapes.sort();
        shapes.dedup();
        shapes
    };
    let mut counts: Vec<(String, usize)> = Vec::new();
    for page in &pages {
        for s in ends(page) {
            match counts.iter_mut().find(|(x, _)| *x == s) {
                Some((_, n)) => *n += 1,
                None => counts.push((s, 1)),
            }
        }
    }
    let threshold = (pages.len() / 2).max(2);
    let running: Vec<String> = counts.into_iter().filter(|(_, n)| *n >= threshold).map(|(s, _)| s).collect();
    let mut removed: Vec<(String, usize)> = Vec::new();
    let pages = pages
        .into_iter()
        .map(|page| {
            let n = page.len();
            page.into_iter()
                .enumerate()
                .filter(|(i, line)| {
                    let at_end = *i < 2 || *i + 2 >= n;
                    let is_running = at_end && running.contains(&shape(&line.plain));
                    if is_running {
                        match removed.iter_mut().find(|(t, _)| shape(t) == shape(&line.plain)) {
                            Some((_, count)) => *count += 1,
                            None => removed.push((line.plain.clone(), 1)),
                        }
                    }
                    !is_running
                })
                .map(|(_, line)| line)
                .collect()
        })
        .collect();
    for (text, count) in removed {
        notices.push(Notice::new(0, format!("removed \"{text}\", repeated at the top or bottom of {count} pages (a running header, footer or page number)")));
    }
    pages
}

/// The pages' lines as paragraphs (a blank line where the space between two
/// lines opens wider than the body's line spacing, and between pages) and
/// headings (`#` by size, largest first), hyphenated line ends joined.
pub(super) fn write(pages: &[Vec<Line>], notices: &mut Vec<Notice>) -> String {
    // The body's size: the one most characters are set in.
    let mut sizes: Vec<(f64, usize)> = Vec::new();
    for line in pages.iter().flatten() {
        match sizes.iter_mut().find(|(s, _)| (*s - line.size).abs() < 0.5) {
            Some((_, n)) => *n += line.plain.len(),
            None => sizes.push((line.size, line.plain.len())),
        }
    }
    let body = most_common(&sizes);
    let is_heading = |line: &Line| {
        line.size >= body * 1.15
            && line.plain.split_whitespace().count() <= 15
            && !line.plain.ends_with(['.', ',', ';'])
    };
    // Heading sizes, largest first: the largest is `#`, the next `##`, then `###`.
    let mut heading_sizes: Vec<f64> = Vec::new();
    for line in pages.iter().flatten().filter(|l| is_heading(l)) {
        if !heading_sizes.iter().any(|s| (s - line.size).abs() < 0.5) {
            heading_sizes.push(line.size);
        }
    }
    heading_sizes.sort_by(|a, b| b.total_cmp(a));
    let level = |size: f64| heading_sizes.iter().position(|s| (s - size).abs() < 0.5).unwrap_or(0).min(2) + 1;

    // Every word the policy writes whole, to tell a word hyphenated at a
    // line's end from a word with a hyphen of its own.
    let mut words = Strings::default();
    for line in pages.iter().flatten() {
        for token in line.plain.split_whitespace() {
            let token = token.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            for part in token.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                words.insert(part.to_owned());
            }
            words.insert(token);
        }
    }
    let mut out = String::new();
    let mut joined = 0;
    // Whether the paragraph being written is a list's item.
    let mut in_item = false;
    for page in pages {
        let mut previous: Option<&Line> = None;
        for line in page {
            if is_heading(line) {
                // A heading over two lines stays one heading.
                if previous.is_some_and(|p| {
                    is_heading(p) && (p.size - line.size).abs() < 0.5 && line.y - p.y < line.size * 1.6
                }) {
                    out.truncate(out.trim_end().len());
                    out.push(' ');
                    out.push_str(&line.plain);
                    out.push_str("\n\n");
                } else {
                    if !out.is_empty() && !out.ends_with("\n\n") {
                        out.push('\n');
                    }
                    out.push_str(&format!("{} {}\n\n", "#".repeat(level(line.size)), line.plain));
                }
                previous = Some(line);
                continue;
            }
            let gap = previous.map_or(0.0, |p| line.y - p.y);
            let new_paragraph = previous.is_some_and(|p| is_heading(p) || gap > line.size.max(p.size) * 1.75);
            if new_paragraph && !out.ends_with("\n\n") {
                out.push('\n');
            }
            // A line that ends in a hyphen before a lower-case word: one word
            // over two lines. "infor-" + "mation" is "information" where the
            // policy writes that word elsewhere, and "e-" + "mail" "e-mail" where
            // it writes that; any other keeps its hyphen ("machine-specific":
            // browsers and word processors seldom hyphenate, so a hyphen at a
            // line's end is most often the word's own).
            if out.ends_with("-\n") && line.plain.starts_with(|c: char| c.is_lowercase()) && !out.ends_with(" -\n") {
                let before = out[..out.len() - 2].rsplit(' ').next().unwrap_or_default().to_lowercase();
                let after = line.plain.split(' ').next().unwrap_or_default().to_lowercase();
                let after = after.trim_end_matches(|c: char| !c.is_alphanumeric());
                let hyphenated = words.contains(&format!("{before}-{after}"));
                let cut = if !hyphenated && words.contains(&format!("{before}{after}")) { 2 } else { 1 };
                out.truncate(out.len() - cut);
                joined += 1;
            } else if out.ends_with('\u{ad}') || out.ends_with("\u{ad}\n") {
                out.truncate(out.trim_end_matches(['\n', '\u{ad}']).len());
                joined += 1;
            } else if mid_sentence_numeral(&out, &line.plain) {
                // "…at least thirty" + "(30) days before…": the sentence goes
                // on; on a line of its own the numeral would read as a list's.
                out.truncate(out.len() - 1);
                out.push(' ');
            } else if out.ends_with('\n') && !out.ends_with("\n\n") && in_item && !opens_item(&line.plain) {
                // A list item's next line, indented so that it continues the item.
                out.push_str("  ");
            }
            if out.ends_with("\n\n") || out.is_empty() || opens_item(&line.plain) {
                in_item = opens_item(&line.plain);
            }
            out.push_str(&line.text);
            out.push('\n');
            previous = Some(line);
        }
        if !out.ends_with("\n\n") {
            out.push('\n');
        }
    }
    if joined > 0 {
        notices.push(Notice::new(0, format!("joined {joined} word(s) cut by a hyphen at a line's end")));
    }
    out
}
