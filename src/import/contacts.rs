//! Contacts: every email address and phone number the policy gives, labelled
//! with whom it reaches when the sentence says so ("contact the Web
//! Administrator at …"), else with the mailbox's own name.

use std::sync::LazyLock;

use regex::Regex;

use super::passages::{passages, plain_sentences};
use crate::bundle::{inline, Contact, Section};

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}").unwrap());
static PHONE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b").unwrap());
static WHO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bcontact\s+(?:the\s+)?(.{3,60}?)\s+at\s*$").unwrap());

pub fn extract(sections: &[Section]) -> Vec<Contact> {
    let mut out: Vec<Contact> = Vec::new();
    for p in passages(sections) {
        for sentence in plain_sentences(p.text) {
            for m in EMAIL.find_iter(&sentence) {
                let email = m.as_str().trim_end_matches('.').to_owned();
                if out.iter().any(|c| c.email.as_deref().is_some_and(|e| e.eq_ignore_ascii_case(&email))) {
                    continue;
                }
                let label = WHO
                    .captures(&sentence[..m.start()])
                    .map(|c| c[1].trim().to_owned())
                    .filter(|who| !who.eq_ignore_ascii_case("us") && !who.to_lowercase().starts_with("us "))
                    .unwrap_or_else(|| mailbox_label(&email));
                out.push(Contact {
                    label: inline::escape(&label),
                    email: Some(email),
                    section: Some(p.section.id.clone()),
                    ..Contact::default()
                });
            }
            for m in PHONE.find_iter(&sentence) {
                let phone = m.as_str().to_owned();
                if !out.iter().any(|c| c.phone.as_deref() == Some(phone.as_str())) {
                    let label = p.section.title.clone();
                    out.push(Contact {
                        label,
                        phone: Some(phone),
                        section: Some(p.section.id.clone()),
                        ..Contact::default()
                    });
                }
            }
        }
    }
    out
}

/// `webmaster@concordma.gov` → "Webmaster"; `sarah.bourne@…` → "Sarah Bourne".
fn mailbox_label(email: &str) -> String {
    let local = email.split('@').next().unwrap_or(email);
    local
        .split(['.', '_', '-'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
