//! The drafted quick summary: the policy's own summary when it has one
//! ("A quick summary of major points"), each point tied to the section that
//! says most about it; otherwise sentences quoted from the policy for the facts
//! residents ask about first.

// The importer runs natively only: its sets never reach the wasm.
#![allow(clippy::disallowed_types)]

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::bundle::{inline, Block, Fact, FactKind, Section, SummaryPoint};

static SUMMARY_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:summary|key points|at a glance|highlights|in brief|overview|major points)\b").unwrap()
});

/// Quoted points, in the order residents ask (FIELD-NOTES: "do you sell my data?" first).
const PRIORITY: [FactKind; 6] = [
    FactKind::SellsData,
    FactKind::PublicRecords,
    FactKind::CollectsVoluntary,
    FactKind::CollectsAutomatic,
    FactKind::Cookies,
    FactKind::EmailNotEncrypted,
];

/// Whether a section is the policy's own summary.
pub fn is_summary(section: &Section) -> bool {
    SUMMARY_TITLE.is_match(&inline::plain(&section.title))
}

pub fn draft(sections: &[Section], facts: &[Fact]) -> Vec<SummaryPoint> {
    let all = crate::bundle::Bundle::flatten(sections);
    let own = all.iter().find(|(_, s)| is_summary(s)).and_then(|(_, s)| {
        s.blocks.iter().find_map(|b| match b {
            Block::List(l) => Some((s.id.as_str(), l)),
            _ => None,
        })
    });
    if let Some((summary_id, list)) = own {
        let others: Vec<&Section> = all.iter().map(|(_, s)| *s).filter(|s| s.id != summary_id).collect();
        return list
            .items
            .iter()
            .map(|item| SummaryPoint {
                text: item.text.clone(),
                section: best_section(&item.text, &others).unwrap_or(summary_id).to_owned(),
            })
            .collect();
    }
    PRIORITY
        .iter()
        .filter_map(|kind| facts.iter().find(|f| f.kind == *kind))
        .filter_map(|f| f.quote.as_ref().map(|q| SummaryPoint { text: q.clone(), section: f.section.clone() }))
        .collect()
}

/// The section whose title and text share the most content words with `text`;
/// title words count triple, as a title names what a section is about.
fn best_section<'a>(text: &str, sections: &[&'a Section]) -> Option<&'a str> {
    let wanted = words(&inline::plain(text));
    sections
        .iter()
        .map(|s| {
            let title = words(&inline::plain(&s.title));
            let body: HashSet<String> =
                s.blocks.iter().flat_map(|b| b.texts()).flat_map(|(_, t)| words(&inline::plain(t))).collect();
            let score = wanted
                .iter()
                .map(|w| 3 * usize::from(title.contains(w)) + usize::from(body.contains(w)))
                .sum::<usize>();
            (score, s.id.as_str())
        })
        .filter(|(score, _)| *score > 0)
        // Highest score; the earliest section on a tie.
        .fold(None, |best: Option<(usize, &str)>, (score, id)| match best {
            Some((b, _)) if b >= score => best,
            _ => Some((score, id)),
        })
        .map(|(_, id)| id)
}

const STOP: [&str; 42] = [
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "to",
    "in",
    "on",
    "for",
    "is",
    "are",
    "be",
    "by",
    "with",
    "that",
    "this",
    "it",
    "as",
    "at",
    "any",
    "our",
    "we",
    "you",
    "your",
    "us",
    "will",
    "may",
    "some",
    "if",
    "from",
    "not",
    "none",
    "which",
    "would",
    "also",
    "information",
    "town",
    "digital",
    "service",
    "policy",
    "privacy",
];

fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.len() > 2 && !STOP.contains(&w.as_str()))
        .map(|w| w.trim_end_matches('s').to_owned())
        .collect()
}
