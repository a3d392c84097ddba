//! The changes written for a person reading a terminal or a printout: the
//! redline a council or school committee reviews before adopting a revision.
//! Plain text, marked as `git diff --word-diff` marks words (`[-deleted-]`,
//! `{+inserted+}`), so it reads without colour and prints as it shows.

use std::fmt::Write;

use crate::bundle::marked::{self, Piece};
use crate::bundle::{inline, Bundle, ChangeKind, SectionChange};

/// The whole redline: a heading naming both versions, a count, then each
/// changed section with its changed texts.
pub fn redline(changes: &[SectionChange], old: &Bundle, new: &Bundle) -> String {
    let mut out = String::new();
    let version = |b: &Bundle| {
        let date = b.meta.updated_date.as_ref().or(b.meta.effective_date.as_ref());
        match date {
            Some(date) => format!("\"{}\" ({date})", inline::plain(&b.meta.title)),
            None => format!("\"{}\"", inline::plain(&b.meta.title)),
        }
    };
    let _ = writeln!(out, "Changes from {} to {}", version(old), version(new));
    let (changed, added, removed) = super::counts(changes);
    if changes.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let sections = if changed == 1 { "section" } else { "sections" };
    let _ = writeln!(out, "{changed} {sections} changed, {added} added, {removed} removed.");
    for change in changes {
        out.push('\n');
        let section = new.section(&change.section);
        let title = section.map(super::plain_title).unwrap_or_default();
        match (change.change, &change.previous_title) {
            (ChangeKind::Added, _) => {
                let _ = writeln!(out, "Added: {title}");
                for text in section.map(super::texts).unwrap_or_default() {
                    indented(&mut out, &marked::whole(Piece::Insert(text)));
                }
                continue;
            }
            (ChangeKind::Removed, before) => {
                let _ = writeln!(out, "Removed: {}", before.as_deref().unwrap_or(&change.section));
                // The bundle keeps a removed section's text unmarked; here it is marked deleted.
                for text in &change.texts {
                    indented(&mut out, &format!("[-{text}-]"));
                }
                continue;
            }
            (ChangeKind::Changed, Some(before)) => {
                let _ = writeln!(out, "Changed: {title} (was \"{before}\")");
            }
            (ChangeKind::Changed, None) => {
                let _ = writeln!(out, "Changed: {title}");
            }
        }
        for text in &change.texts {
            indented(&mut out, text);
        }
    }
    out
}

/// A text under its section's heading: each of its lines indented.
fn indented(out: &mut String, text: &str) {
    for line in text.lines() {
        let _ = writeln!(out, "{}{line}", if line.is_empty() { "" } else { "  " });
    }
}
