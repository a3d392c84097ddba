//! Which blocks are headings, and in which style: `#` Markdown, bold lines,
//! bold or italic run-in lead-ins, bare short lines, numbered, lettered or
//! roman-numbered lines, `Section 3`, questions.

use std::sync::LazyLock;

use regex::Regex;

use super::super::blocks::{Raw, KEYWORD, LETTER};
use super::content::{field_of, is_field};
use crate::bundle::inline;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    Markdown(usize),
    /// A bold line or a bold lead-in: one style, as policies mix the two for
    /// the same level ("**Security.** Because…" and "**Definitions:**").
    Bold,
    ItalicRunIn,
    Keyword,
    Numbered(usize),
    Roman,
    Letter,
    Question,
    BareLine,
}

#[derive(Debug)]
pub(super) struct Heading {
    pub style: Style,
    pub title: String,
    /// The text after a run-in heading, which opens the section.
    pub run_in: Option<String>,
}

static BOLD_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\*\*|__)([^*_].*?)(?:\*\*|__)\s*([.:]?)$").unwrap());
static BOLD_RUN_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\*\*([^*]+?)([.:?])\s*\*\*\s*[.:]*\s*(\S.*)$|^\*\*([^*]+?)\*\*\s*([.:])[.:]*\s*(\S.*)$").unwrap()
});
static ITALIC_RUN_IN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([_*])([^_*]+?)\.?[_*]\s*[.:]?\s*(?:\.\s+)?(\S.*)$").unwrap());
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+(\S.*)$").unwrap());
static ROMAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([IVXLC]{1,6})[.)]\s+(\S.*)$").unwrap());
static VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:is|are|was|were|will|would|may|can|could|do|does|did|not|have|has|had|we|i|you|they|it|use|uses|collect|collects|sell|sells|share|shares|must|should)\b").unwrap()
});

/// The index of a bare line that would be the policy's first heading and its
/// only bare-line one, before headings of other styles: a byline or tagline
/// under the title ("City of Example"), not a heading over the whole policy.
/// It stays text, in the introduction.
pub(super) fn lone_leading_bare_line(headings: &[Option<Heading>]) -> Option<usize> {
    let found: Vec<(usize, Style)> =
        headings.iter().enumerate().filter_map(|(i, h)| h.as_ref().map(|h| (i, h.style))).collect();
    match found.as_slice() {
        [(at, Style::BareLine), rest @ ..] if !rest.is_empty() && rest.iter().all(|(_, s)| *s != Style::BareLine) => {
            Some(*at)
        }
        _ => None,
    }
}

/// The heading at `body[i]`, if it is one.
pub(super) fn heading_of(body: &[Raw], i: usize, period_titles_are_headings: bool) -> Option<Heading> {
    let heading = |style, title: &str| Some(Heading { style, title: title.trim().to_owned(), run_in: None });
    match &body[i] {
        Raw::Heading { level, text } => heading(Style::Markdown(*level), &without_whole_bold(text)),
        Raw::Paragraph { text, lines } => {
            let after_field = i > 0 && matches!(&body[i - 1], Raw::Paragraph { text, .. } if is_field(text));
            if let Some((label, value)) = field_of(text) {
                // "**Definitions:**" alone is a heading; "**Opt out:**" after other
                // fields is a field whose value follows as a list.
                let lone_label = value.is_empty() && !after_field && label.split_whitespace().count() <= 6;
                return lone_label.then_some(Heading { style: Style::Bold, title: label, run_in: None });
            }
            if let Some(c) = BOLD_LINE.captures(text) {
                let inner = c[1].trim_end_matches('.');
                let words = inline::plain(inner).split_whitespace().count();
                if words <= 15 && !inner.contains("**") && !(&c[2] == ":" && after_field) {
                    return heading(Style::Bold, inner.trim_end_matches(':'));
                }
            }
            if let Some(c) = BOLD_RUN_IN.captures(text) {
                let (title, mark, rest) = match c.get(1) {
                    Some(t) => (t.as_str(), &c[2], &c[3]),
                    None => (&c[4], &c[5], &c[6]),
                };
                if mark != ":" && inline::plain(title).split_whitespace().count() <= 12 {
                    let title = if mark == "?" { format!("{title}?") } else { title.to_owned() };
                    return Some(Heading { style: Style::Bold, title, run_in: Some(rest.to_owned()) });
                }
            }
            if let Some(c) = ITALIC_RUN_IN.captures(text) {
                let closes_with_period = text[1..].contains(".") && text.find(&c[1][..]).is_some();
                if c[2].split_whitespace().count() <= 8
                    && closes_with_period
                    && text[..text.len() - c[3].len()].contains('.')
                {
                    return Some(Heading {
                        style: Style::ItalicRunIn,
                        title: c[2].trim().to_owned(),
                        run_in: Some(c[3].to_owned()),
                    });
                }
            }
            if *lines != 1 {
                return None;
            }
            let plain = inline::plain(text);
            let words = plain.split_whitespace().count();
            let next_is_content = body.get(i + 1).is_some_and(|n| !matches!(n, Raw::Heading { .. }));
            if !next_is_content || words > 14 || plain.len() > 120 {
                return None;
            }
            if KEYWORD.is_match(&plain) {
                return heading(Style::Keyword, text.trim_end_matches('.'));
            }
            let titled = |t: &str| t.split_whitespace().count() <= 12 && !t.ends_with([',', ';', ':', '.']);
            if let Some(c) = NUMBERED.captures(text).filter(|c| titled(&c[2])) {
                return heading(Style::Numbered(c[1].split('.').count()), text);
            }
            if ROMAN.captures(text).is_some_and(|c| titled(&c[2])) {
                return heading(Style::Roman, text);
            }
            if LETTER.captures(text).is_some_and(|c| titled(&c[2])) {
                return heading(Style::Letter, text);
            }
            if plain.ends_with('?') {
                return heading(Style::Question, text);
            }
            let first = plain.chars().next().unwrap_or(' ');
            // "Sharing Your Information:" over a paragraph is a heading; "For
            // example:" or "We collect:" over a list is not.
            let colon_title = plain.ends_with(':')
                && is_title_case(plain.trim_end_matches(':'))
                && matches!(body.get(i + 1), Some(Raw::Paragraph { .. }));
            let bare = words <= 12
                && (first.is_uppercase() || first.is_ascii_digit() || "\"“'".contains(first))
                && (!plain.ends_with([',', ';', ':', '!']) || colon_title)
                && (!plain.ends_with('.') || (period_titles_are_headings && is_period_title(text)));
            // Two bare lines in a row: the first is a tagline, not a heading.
            let next_bare = matches!(body.get(i + 1), Some(Raw::Paragraph { text: t, lines: 1 })
                if { let p = inline::plain(t); p.split_whitespace().count() <= 12 && !p.ends_with(['.', ':', ',', ';']) });
            (bare && !next_bare).then(|| Heading {
                style: Style::BareLine,
                title: text.trim_end_matches(['.', ':']).to_owned(),
                run_in: None,
            })
        }
        _ => None,
    }
}

/// A Markdown heading set in bold as a whole, as word processors export them
/// (`## 1. **Information We Collect**`): headings are bold already, and the
/// contents would show the markup's emphasis twice.
fn without_whole_bold(text: &str) -> String {
    static WHOLE_BOLD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^((?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+)?)(?:\*\*([^*]+)\*\*|__([^_]+)__)\s*$").unwrap()
    });
    match WHOLE_BOLD.captures(text) {
        Some(c) => format!("{}{}", &c[1], c.get(2).or(c.get(3)).map_or("", |m| m.as_str().trim())),
        None => text.to_owned(),
    }
}

/// Two words or more, every word of four letters or more capitalised
/// ("Sharing Your Information", "HOW WE USE COOKIES").
fn is_title_case(plain: &str) -> bool {
    let words: Vec<&str> = plain.split_whitespace().collect();
    words.len() >= 2
        && words.iter().filter(|w| w.chars().count() >= 4).all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A short line ending with a period that names a topic rather than says
/// something ("Policy changes." and not "We do not sell data.").
pub(super) fn is_period_title(text: &str) -> bool {
    let plain = inline::plain(text);
    let body = plain.trim_end_matches('.');
    plain.ends_with('.') && !body.contains('.') && body.split_whitespace().count() <= 8 && !VERB.is_match(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Raw {
        Raw::Paragraph { text: text.into(), lines: 1 }
    }

    const BODY: &str = "We collect what you send us, and keep it as the law requires of us.";

    /// The heading `line` makes over a paragraph of body text, as (style, title, run-in).
    fn over_text(line: &str) -> Option<(Style, String, Option<String>)> {
        heading_of(&[para(line), para(BODY)], 0, false).map(|h| (h.style, h.title, h.run_in))
    }

    fn style(line: &str) -> Option<Style> {
        over_text(line).map(|(style, _, _)| style)
    }

    #[test]
    fn each_style_of_heading_is_told_apart() {
        let md = heading_of(&[Raw::Heading { level: 2, text: "**Cookies**".into() }, para(BODY)], 0, false).unwrap();
        assert_eq!((md.style, md.title.as_str()), (Style::Markdown(2), "Cookies"), "whole bold is dropped");
        assert_eq!(style("**Information We Collect**"), Some(Style::Bold));
        assert_eq!(style("SECTION 3. RETENTION"), Some(Style::Keyword));
        assert_eq!(style("2.1 Cookies"), Some(Style::Numbered(2)));
        assert_eq!(style("IV. Security"), Some(Style::Roman));
        assert_eq!(style("B. Public records"), Some(Style::Letter));
        assert_eq!(style("Do you sell my data?"), Some(Style::Question));
        assert_eq!(style("Sharing Your Information"), Some(Style::BareLine));
    }

    #[test]
    fn a_run_in_lead_opens_its_section_with_the_rest_of_the_line() {
        let (style, title, run_in) = over_text("**Security.** Because we care, we encrypt.").unwrap();
        assert_eq!((style, title.as_str()), (Style::Bold, "Security"));
        assert_eq!(run_in.as_deref(), Some("Because we care, we encrypt."));
        let (style, title, _) = over_text("_Children._ We do not collect from children.").unwrap();
        assert_eq!((style, title.as_str()), (Style::ItalicRunIn, "Children"));
    }

    #[test]
    fn sentences_fields_and_lines_without_content_are_not_headings() {
        assert_eq!(style(BODY), None, "a sentence");
        assert_eq!(style("For example:"), None, "a lead-in to a list");
        assert_eq!(style("**Purpose:** to count visits."), None, "a field with its value");
        assert_eq!(
            heading_of(&[para("Cookies"), Raw::Heading { level: 2, text: "Logs".into() }], 0, false).map(|h| h.title),
            None,
            "no content under it"
        );
        assert_eq!(
            heading_of(&[para("City of Example"), para("Town Hall"), para(BODY)], 0, false).map(|h| h.title),
            None,
            "a tagline over another bare line"
        );
    }

    #[test]
    fn a_short_line_ending_in_a_period_is_a_heading_only_where_such_lines_are_the_policys_style() {
        let body = [para("Policy changes."), para(BODY)];
        assert!(heading_of(&body, 0, false).is_none());
        assert_eq!(heading_of(&body, 0, true).map(|h| h.title).as_deref(), Some("Policy changes"));
        assert!(!is_period_title("We do not sell data."), "a sentence with a verb");
    }
}
