//! Definitions: from a "Definitions" section (`**Term** is …`, `**Term:** …`)
//! and from definitions in running text (`the term "X" to mean …`).

use std::sync::LazyLock;

use regex::Regex;

use super::passages::{passages, plain_sentences};
use crate::bundle::{inline, Definition, Section};

static BOLD_TERM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:(?:An?|The)\s+)?\*\*(.+?)\*\*").unwrap());
static IN_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)\bthe term\s+["“]([^"”]{2,60})["”]\s+(?:to mean|means|refers to)"#).unwrap());

pub fn extract(sections: &[Section]) -> Vec<Definition> {
    let mut out: Vec<Definition> = Vec::new();
    for p in passages(sections) {
        let title = inline::plain(&p.section.title).to_lowercase();
        let in_glossary = title.contains("definition") || title.contains("glossary");
        if in_glossary {
            if let Some(c) = BOLD_TERM.captures(p.text) {
                let names = split_names(&inline::plain(&c[1]));
                if let Some((term, aliases)) = names.split_first() {
                    push(&mut out, term, aliases, p.text.to_owned(), &p.section.id);
                }
                continue;
            }
        }
        // The whole passage, as inline text: a plain sentence would lose its
        // redlines and links.
        for sentence in plain_sentences(p.text) {
            if let Some(c) = IN_TEXT.captures(&sentence) {
                push(&mut out, c[1].trim(), &[], p.text.to_owned(), &p.section.id);
            }
        }
    }
    out
}

fn push(out: &mut Vec<Definition>, term: &str, aliases: &[String], text: String, section: &str) {
    let known =
        |d: &Definition| d.term.eq_ignore_ascii_case(term) || d.aliases.iter().any(|a| a.eq_ignore_ascii_case(term));
    if term.is_empty() || out.iter().any(known) {
        return;
    }
    let aliases = aliases.iter().map(|a| inline::escape(a)).collect();
    out.push(Definition { term: inline::escape(term), aliases, text, section: Some(section.to_owned()) });
}

/// `An "Internet Protocol Address" or "IP Address"` → the term and its aliases.
fn split_names(bold: &str) -> Vec<String> {
    let bold = bold.trim().trim_end_matches([':', '.']);
    let bold = bold.strip_prefix("An ").or_else(|| bold.strip_prefix("A ")).unwrap_or(bold);
    bold.split(" or ")
        .map(|n| n.trim().trim_matches(|c| "\"“”'‘’".contains(c)).trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases() {
        assert_eq!(
            split_names("An “Internet Protocol Address” or “IP Address”"),
            ["Internet Protocol Address", "IP Address"]
        );
        assert_eq!(split_names("“Weblog” or “Blog”:"), ["Weblog", "Blog"]);
        assert_eq!(split_names("Cookies"), ["Cookies"]);
    }
}
