//! Stage 2: cleaned lines become raw blocks — paragraphs, list items, table
//! rows, Markdown headings, quotes — without deciding yet what is a heading.
//!
//! Soft-wrapped lines join into one paragraph. A paragraph cut by a page break
//! (it stops mid-sentence and the next one carries on) is joined back here.

use std::sync::LazyLock;

use regex::Regex;

use super::clean::Line;
use super::Notice;

#[derive(Clone, Debug, PartialEq)]
pub enum Raw {
    /// `#`-style heading, with its number of `#`.
    Heading { level: usize, text: String },
    /// Consecutive source lines joined with spaces.
    Paragraph { text: String, lines: usize },
    /// One list item; `indent` is its column, nesting is decided later.
    Item { indent: usize, ordered: bool, marker: String, text: String },
    /// One table row, cells trimmed; separator rows (`|---|`) are dropped and
    /// mark the row above as a header.
    TableRow { cells: Vec<String>, header: bool },
    /// A `>` quote, lines joined.
    Quote { text: String },
}

impl Raw {
    /// The block's texts, for passes that mend text in place.
    pub fn texts_mut(&mut self) -> Vec<&mut String> {
        match self {
            Raw::Heading { text, .. } | Raw::Paragraph { text, .. } | Raw::Item { text, .. } | Raw::Quote { text } => {
                vec![text]
            }
            Raw::TableRow { cells, .. } => cells.iter_mut().collect(),
        }
    }
}

static MD_HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$").unwrap());
static BULLET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\s*)([-*+•◦▪–])\s+(.*)$").unwrap());
static ORDERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\s*)(\d{1,3}[.)]|\(\d{1,3}\)|[a-z][.)]|\([a-z]\)|[ivx]{1,4}[.)])\s+(.*)$").unwrap()
});
static TABLE_SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$").unwrap());
/// "Section 3", "ARTICLE IV", "Part B": such a line gets a block of its own
/// here, and stage 4 (`outline`) makes it a heading.
pub(super) static KEYWORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:section|article|part|chapter)\s+(?:\d+|[ivxlc]+|[a-z])\b").unwrap());
/// "A. …", "B) …": a lettered line starts a paragraph here; stage 4 makes a
/// short one a heading.
pub(super) static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([A-Z])[.)]\s+(\S.*)$").unwrap());

/// A bylaw-style heading line: "SECTION 1. PURPOSE." in capitals, or a short
/// "Section 2 - Information collected" without a sentence's final stop.
fn is_keyword_heading(text: &str) -> bool {
    let words = text.split_whitespace().count();
    KEYWORD.is_match(text.trim_start())
        && words <= 12
        && (!text.chars().any(char::is_lowercase) || (words <= 8 && !text.trim_end().ends_with(['.', ',', ';'])))
}

/// An FAQ's "Q:" or "A:" (or "Question:", "Answer:") opening a line; not "A."
/// which letters a heading.
static QUESTION_OR_ANSWER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[QA]|(?i:question|answer))\s*:\s+(\S.*)$").unwrap());
/// A setext underline (`=====` or `-----`) under a one-line paragraph.
static SETEXT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s{0,3}(=+|-+)\s*$").unwrap());
static RULE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s{0,3}([-*_])(\s*[-*_]){2,}\s*$").unwrap());

/// Groups lines into raw blocks.
pub fn split(lines: &[Line], notices: &mut Vec<Notice>) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut quote: Vec<String> = Vec::new();

    fn flush_para(para: &mut Vec<&str>, out: &mut Vec<Raw>) {
        let text = join_lines(para);
        // A title block stacked without blank lines (title, publisher, dates):
        // short lines, each starting afresh (wrapped prose carries on in lower
        // case). Each line is a block of its own, for stage 3.
        let starts_afresh =
            |line: &&str| line.trim_start().starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if out.len() < FRONT_BLOCKS && is_stack(&text, para.len()) && para[1..].iter().all(starts_afresh) {
            out.extend(para.iter().map(|line| Raw::Paragraph { text: line.trim().to_owned(), lines: 1 }));
        } else if !para.is_empty() {
            out.push(Raw::Paragraph { text, lines: para.len() });
        }
        para.clear();
    }
    fn flush_quote(quote: &mut Vec<String>, out: &mut Vec<Raw>) {
        if !quote.is_empty() {
            let text = quote.iter().map(String::as_str).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
            if !text.is_empty() {
                out.push(Raw::Quote { text });
            }
            quote.clear();
        }
    }

    for line in lines {
        let text = line.text.as_str();
        if let Some(rest) = text.trim_start().strip_prefix('>') {
            flush_para(&mut para, &mut out);
            quote.push(rest.trim().to_owned());
            continue;
        }
        flush_quote(&mut quote, &mut out);
        if text.trim().is_empty() {
            flush_para(&mut para, &mut out);
            continue;
        }
        if let Some(c) = MD_HEADING.captures(text).filter(|c| !c[2].trim().is_empty()) {
            flush_para(&mut para, &mut out);
            out.push(Raw::Heading { level: c[1].len(), text: c[2].to_owned() });
        } else if let (Some(c), [title]) = (SETEXT.captures(text), para.as_slice()) {
            // "Title" underlined with `===` or `---`: a heading of level 1 or 2.
            let level = if c[1].starts_with('=') { 1 } else { 2 };
            out.push(Raw::Heading { level, text: title.trim().to_owned() });
            para.clear();
        } else if RULE.is_match(text) || SETEXT.is_match(text) {
            flush_para(&mut para, &mut out);
        } else if text.trim_start().starts_with('|') {
            flush_para(&mut para, &mut out);
            if TABLE_SEPARATOR.is_match(text) {
                if let Some(Raw::TableRow { header, .. }) = out.last_mut() {
                    *header = true;
                }
            } else {
                out.push(Raw::TableRow { cells: split_cells(text), header: false });
            }
        } else if let Some(c) = BULLET.captures(text).filter(|c| !c[3].is_empty()) {
            flush_para(&mut para, &mut out);
            out.push(Raw::Item { indent: c[1].len(), ordered: false, marker: c[2].to_owned(), text: c[3].to_owned() });
        } else if let Some(c) = ORDERED.captures(text) {
            flush_para(&mut para, &mut out);
            out.push(Raw::Item { indent: c[1].len(), ordered: true, marker: c[2].to_owned(), text: c[3].to_owned() });
        } else if let (true, Some(Raw::Item { indent, text: item, .. })) = (para.is_empty(), out.last_mut()) {
            // An indented line right under a list item continues it.
            let lead = text.len() - text.trim_start().len();
            if lead > *indent && lead >= 2 && !line.after_page_break {
                item.push(' ');
                item.push_str(text.trim());
            } else {
                para.push(text);
            }
        } else if is_keyword_heading(text) {
            // "SECTION 1. PURPOSE." with its text on the next line: a line of its own.
            flush_para(&mut para, &mut out);
            out.push(Raw::Paragraph { text: text.trim().to_owned(), lines: 1 });
        } else if LETTER.is_match(text.trim_start()) {
            // "A. Automatically. The site records…": a lettered paragraph starts
            // afresh rather than joining the one above.
            flush_para(&mut para, &mut out);
            para.push(text);
        } else if let Some(c) = QUESTION_OR_ANSWER.captures(text) {
            // "Q: …?" and "A: …": the question becomes its own paragraph (a
            // heading, to the outline), the answer the text under it.
            flush_para(&mut para, &mut out);
            para.push(c.get(1).map_or(text, |m| m.as_str()));
        } else {
            para.push(text);
        }
    }
    flush_para(&mut para, &mut out);
    flush_quote(&mut quote, &mut out);
    join_split_sentences(lone_numbers_to_lines(out), notices)
}

/// "1. Introduction" with no numbered item next to it is a numbered heading,
/// not a one-item list: it goes back to being a line for the heading detector.
fn lone_numbers_to_lines(blocks: Vec<Raw>) -> Vec<Raw> {
    let is_item = |b: Option<&Raw>| matches!(b, Some(Raw::Item { ordered: true, .. }));
    let lone: Vec<bool> = (0..blocks.len())
        .map(|i| !is_item(i.checked_sub(1).and_then(|p| blocks.get(p))) && !is_item(blocks.get(i + 1)))
        .collect();
    blocks
        .into_iter()
        .zip(lone)
        .map(|(block, lone)| match block {
            Raw::Item { ordered: true, marker, text, .. }
                if lone && text.split_whitespace().count() <= 10 && !text.ends_with(['.', ':', ';', ',']) =>
            {
                Raw::Paragraph { text: format!("{marker} {text}"), lines: 1 }
            }
            other => other,
        })
        .collect()
}

/// Joins soft-wrapped lines; a line ending in two spaces (a Markdown hard
/// break) keeps its break as a space too: line structure is not policy text.
fn join_lines(lines: &[&str]) -> String {
    lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ")
}

fn split_cells(row: &str) -> Vec<String> {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let row = row.strip_suffix('|').unwrap_or(row);
    row.split('|').map(|c| c.trim().to_owned()).collect()
}

/// A paragraph that stops mid-sentence and a paragraph that carries on are one
/// paragraph cut by a page break (or a blank line the extractor inserted).
fn join_split_sentences(blocks: Vec<Raw>, notices: &mut Vec<Notice>) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::with_capacity(blocks.len());
    for block in blocks {
        if let (Some(Raw::Paragraph { text: prev, lines: n }), Raw::Paragraph { text: next, .. }) =
            (out.last_mut(), &block)
        {
            if stops_mid_sentence(prev) && !is_stack(prev, *n) && continues_sentence(next) {
                notices.push(Notice::new(
                    0,
                    format!("joined a sentence split across a break: \"…{}\" + \"{}…\"", tail(prev, 4), head(next, 4)),
                ));
                prev.push(' ');
                prev.push_str(next);
                *n += 1;
                continue;
            }
        }
        out.push(block);
    }
    out
}

fn stops_mid_sentence(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let last = text.trim_end().chars().last().unwrap_or('.');
    words >= 12 && (last.is_alphanumeric() || last == ',')
}

/// How many blocks open the document where stage 3 looks for the title and
/// its date lines.
pub const FRONT_BLOCKS: usize = 4;

/// Whether a paragraph of `lines` source lines is short lines stacked (a
/// title block's publisher and dates, an address) rather than wrapped prose,
/// whose lines run to ten words or more: such a block ends where its last line does.
fn is_stack(text: &str, lines: usize) -> bool {
    lines >= 2 && text.split_whitespace().count() < lines * 8
}

fn continues_sentence(text: &str) -> bool {
    let first = text.chars().next().unwrap_or('*');
    first.is_alphanumeric() && text.split_whitespace().count() >= 3
}

fn tail(text: &str, words: usize) -> String {
    let all: Vec<&str> = text.split_whitespace().collect();
    all[all.len().saturating_sub(words)..].join(" ")
}

fn head(text: &str, words: usize) -> String {
    text.split_whitespace().take(words).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::clean::clean;

    fn blocks(text: &str) -> Vec<Raw> {
        let mut notices = Vec::new();
        split(&clean(text, &mut notices), &mut notices)
    }

    #[test]
    fn paragraphs_lists_tables_quotes_and_headings() {
        let b =
            blocks("# Title\n\nOne\ntwo.\n\n- a\n  more a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n> quoted\n> text");
        assert_eq!(b[0], Raw::Heading { level: 1, text: "Title".into() });
        assert_eq!(b[1], Raw::Paragraph { text: "One two.".into(), lines: 2 });
        assert!(matches!(&b[2], Raw::Item { text, .. } if text == "a more a"));
        assert!(matches!(&b[4], Raw::TableRow { header: true, cells } if cells == &["x", "y"]));
        assert!(matches!(&b[5], Raw::TableRow { header: false, .. }));
        assert_eq!(b[6], Raw::Quote { text: "quoted text".into() });
    }

    #[test]
    fn underlined_lines_are_headings_and_a_lone_underline_is_a_rule() {
        let b = blocks("Privacy Policy\n==============\n\nContact Us\n----------\n\nText.\n\n=====\n\nMore.");
        assert_eq!(b[0], Raw::Heading { level: 1, text: "Privacy Policy".into() });
        assert_eq!(b[1], Raw::Heading { level: 2, text: "Contact Us".into() });
        assert_eq!(
            b[2..],
            [Raw::Paragraph { text: "Text.".into(), lines: 1 }, Raw::Paragraph { text: "More.".into(), lines: 1 }]
        );
    }

    #[test]
    fn questions_and_answers_are_paragraphs_of_their_own() {
        let b = blocks("Q: Do you sell my data?\nA: No. We never\nsell it.\nQuestion: Cookies?\nAnswer: Session only.");
        let texts: Vec<&str> = b
            .iter()
            .map(|r| match r {
                Raw::Paragraph { text, .. } => text.as_str(),
                _ => "",
            })
            .collect();
        assert_eq!(texts, ["Do you sell my data?", "No. We never sell it.", "Cookies?", "Session only."]);
    }

    #[test]
    fn a_sentence_split_by_a_page_break_is_joined() {
        let b = blocks("Any e-mail messages sent by the user to the office will be read by the staff of the Cambridge School\n\n\n95\n\nCommittee website and answered.");
        assert_eq!(b.len(), 1);
        assert!(matches!(&b[0], Raw::Paragraph { text, .. } if text.contains("Cambridge School Committee website")));
    }

    #[test]
    fn short_lines_are_not_joined() {
        let b = blocks("What this covers\n\nThe Town of Concord is committed to providing users.");
        assert_eq!(b.len(), 2);
    }
}
