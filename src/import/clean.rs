//! Stage 1: the source's lines, with what is not text removed and reported.
//!
//! PDF extraction and word processors leave lines that are not part of any
//! sentence: page numbers alone on a line, "Formatted: Font: Not Bold" comments,
//! a stray table pipe. They are removed here, and each removal becomes a
//! [`Notice`] so the person importing sees exactly what was dropped.

use std::sync::LazyLock;

use regex::Regex;

use super::Notice;

/// A source line that survived cleaning.
#[derive(Clone, Debug)]
pub struct Line {
    pub text: String,
    /// A removed residue line (a page number) sat just before this line's block:
    /// a hint that a sentence may continue across a page break here.
    pub after_page_break: bool,
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:page\s+)?(?:\d{1,4}|[-–]\s*\d{1,4}\s*[-–])(?:\s+of\s+\d{1,4})?\s*$").unwrap()
});
static WORD_PROCESSOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:Formatted(?: Table)?:|Formatted Table\s*$|Field Code Changed\s*$|Comment \[[A-Za-z0-9]+\]:)")
        .unwrap()
});
static STRAY_PIPES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*\|[\s|]*$").unwrap());
/// A list item's marker alone: a bullet (a word processor's second level is
/// "o"), a number or a letter.
static LIST_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[-*+•◦▪–o§]|\d{1,3}[.)]|[a-zA-Z][.)]|[ivxIVX]{1,4}[.)]|\(\w{1,4}\))$").unwrap());
/// A web page's own navigation, copied with the policy: "Back to top", "Skip to
/// main content", a breadcrumb trail ("Home › Government › Privacy Policy").
static PAGE_NAVIGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^\s*[\^↑]?\s*(?:(?:back|return|go)\s+to\s+(?:the\s+)?top(?:\s+of\s+(?:the\s+)?page)?|top\s+of\s+(?:the\s+)?page)\s*[\^↑]?\s*$",
        r"|(?i)^\s*skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation)\s*$",
        r"|^\s*Home\s*(?:[›»>/|]\s*[^›»>/|]{1,60}){1,6}$",
    ))
    .unwrap()
});

/// Normalises the text and drops residue lines.
pub fn clean(text: &str, notices: &mut Vec<Notice>) -> Vec<Line> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raws: Vec<&str> = text.split('\n').collect();
    let cells: Vec<Option<Vec<&str>>> = raws.iter().map(|raw| tab_cells(raw)).collect();
    let mut out = Vec::new();
    let mut page_break = false;
    for (i, raw) in raws.iter().enumerate() {
        let number = i + 1;
        // Rows of a table copied as tab-separated text (from a word processor
        // or a web page), two rows or more of as many cells: a Markdown table,
        // its first row the header.
        let width = |j: usize| cells.get(j).and_then(Option::as_ref).map(Vec::len);
        if let Some(row) = &cells[i] {
            let in_run = |j: Option<usize>| j.is_some_and(|j| width(j) == Some(row.len()));
            let (before, after) = (in_run(i.checked_sub(1)), in_run(Some(i + 1)));
            if before || after {
                out.push(Line { text: format!("| {} |", row.join(" | ")), after_page_break: false });
                if !before {
                    out.push(Line { text: format!("|{}", "---|".repeat(row.len())), after_page_break: false });
                }
                continue;
            }
        }
        let line = normalise_line(raw);
        let residue = if PAGE_NUMBER.is_match(&line) {
            Some("page number")
        } else if WORD_PROCESSOR.is_match(&line) {
            Some("word-processor comment")
        } else if STRAY_PIPES.is_match(&line) {
            Some("stray table border")
        } else if PAGE_NAVIGATION.is_match(&line) {
            Some("page navigation")
        } else {
            None
        };
        if let Some(what) = residue {
            notices.push(Notice::new(number, format!("removed {what} \"{}\"", line.trim())));
            page_break |= what == "page number";
            continue;
        }
        let blank = line.trim().is_empty();
        out.push(Line { text: line, after_page_break: page_break && !blank });
        if !blank {
            page_break = false;
        }
    }
    out
}

/// The cells of a line whose text is split by tabs (not merely indented by
/// one), when it has two cells or more — and is not a list item, which a word
/// processor writes as its marker, a tab and the text ("•\tUsage data").
fn tab_cells(raw: &str) -> Option<Vec<&str>> {
    let cells: Vec<&str> =
        raw.trim().split('\t').map(str::trim).filter(|c| !c.is_empty()).map(|c| c.trim_matches('|').trim()).collect();
    (cells.len() >= 2 && !LIST_MARKER.is_match(cells[0])).then_some(cells)
}

/// Line endings, tabs and invisible characters that only get in the way; a
/// word processor's second-level bullet ("o" and a tab) becomes one the list
/// reader knows.
fn normalise_line(raw: &str) -> String {
    let trimmed = raw.trim_start();
    let raw = match trimmed.strip_prefix("o\t") {
        Some(item) => format!("{}◦ {item}", &raw[..raw.len() - trimmed.len()]),
        None => raw.to_owned(),
    };
    raw.trim_end_matches('\r')
        .chars()
        .filter(|c| !matches!(c, '\u{200b}' | '\u{feff}' | '\u{ad}'))
        .map(|c| match c {
            '\t' => ' ',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect::<String>()
        .trim_end()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn residue_is_removed_and_reported() {
        let mut notices = Vec::new();
        let lines = clean("Text one\n31\n\nFormatted: Font: Not Bold\n|\nPage 2 of 9\n- 3 -\nText two", &mut notices);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).filter(|t| !t.is_empty()).collect();
        assert_eq!(texts, ["Text one", "Text two"]);
        assert_eq!(notices.len(), 5);
        assert!(notices[0].to_string().contains("line 2"));
        assert!(lines.last().unwrap().after_page_break);
    }

    #[test]
    fn tab_separated_rows_become_a_table_and_page_navigation_goes() {
        let mut notices = Vec::new();
        let text =
            "Service\tPurpose\nAnalytics\tStatistics\r\nGranicus\t\tEmail\n\tIndented line\nName:\tAlone\nBack to top\nSkip to Main Content\nHome › Government › Privacy Policy\nHome is where we keep it > there.\n•\tUsage data\no\tyour name\n1.\tFirst";
        let lines: Vec<String> = clean(text, &mut notices).into_iter().map(|l| l.text).collect();
        assert_eq!(
            lines,
            [
                "| Service | Purpose |",
                "|---|---|",
                "| Analytics | Statistics |",
                "| Granicus | Email |",
                " Indented line",
                "Name: Alone",
                "Home is where we keep it > there.",
                "• Usage data",
                "◦ your name",
                "1. First"
            ]
        );
        assert_eq!(notices.len(), 3, "{notices:?}");
    }

    #[test]
    fn numbers_inside_sentences_are_kept() {
        let mut notices = Vec::new();
        let lines = clean("We keep email for 3 years.\n2012", &mut notices);
        assert_eq!(lines[0].text, "We keep email for 3 years.");
        assert_eq!(notices.len(), 1);
    }
}
