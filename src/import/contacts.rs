//! Contacts: every email address, phone number and postal address the policy
//! gives, labelled with whom it reaches when the text says so ("contact the
//! Web Administrator at …", "Office of the Town Clerk, 1 Main Street, …"),
//! else with the mailbox's own name or the section's title.

use std::sync::LazyLock;

use regex::Regex;

use super::passages::{passages, plain_sentences};
use crate::bundle::{inline, Contact, Section};

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}").unwrap());
static PHONE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b").unwrap());
/// A US postal address: a street line (a number, or a word such as "One" as
/// Boston's state buildings write it, then the street's name and type) or a
/// post office box, maybe a suite, then the town, the state and the ZIP code.
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<street>(?:(?:\d{1,6}|One|Two|Three|Four|Five|Ten)\s+(?:[A-Z0-9][\w.'’-]*\s+){0,4}",
        r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Square|Sq|Place|Pl|Way|Drive|Dr|Lane|Ln|Court|Ct|Plaza|Highway|Hwy|Parkway|Pkwy|Center|Centre|Row|Terrace|Circle|Park)\b\.?",
        r"|P\.?\s?O\.?\s+Box\s+\d+))",
        r"(?P<unit>,?\s+(?:Suite|Ste\.?|Room|Rm\.?|Floor|Fl\.?|Unit|#)\s*[\w-]+)?",
        r",?\s+(?P<town>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}),?\s+(?P<state>MA|Mass\.|Massachusetts|[A-Z]{2})\.?\s+(?P<zip>\d{5}(?:-\d{4})?)",
    ))
    .unwrap()
});
static WHO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bcontact\s+(?:the\s+)?(.{3,60}?)\s+at\s*$").unwrap());

pub fn extract(sections: &[Section]) -> Vec<Contact> {
    let mut out: Vec<Contact> = Vec::new();
    for p in passages(sections) {
        // This passage's address, which its phone number then joins.
        let mut addressed: Option<usize> = None;
        let plain = inline::plain(p.text);
        for c in ADDRESS.captures_iter(&plain) {
            let address = format!(
                "{}{}\n{}, {} {}",
                &c["street"],
                c.name("unit").map_or("", |u| u.as_str()),
                &c["town"],
                &c["state"],
                &c["zip"]
            );
            if out.iter().any(|known| known.address.as_deref() == Some(address.as_str())) {
                continue;
            }
            let at = c.get(0).map_or(0, |m| m.start());
            let label = addressee(&plain[..at]).unwrap_or_else(|| section_name(&p.section.title));
            addressed = Some(out.len());
            out.push(Contact {
                label: inline::escape(&label),
                address: Some(inline::escape(&address)),
                section: Some(p.section.id.clone()),
                ..Contact::default()
            });
        }
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
                if let Some(at) = addressed.filter(|&at| out[at].phone.is_none()) {
                    out[at].phone = Some(phone);
                } else if !out.iter().any(|c| c.phone.as_deref() == Some(phone.as_str())) {
                    let label = section_name(&p.section.title);
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

/// A section's title as a contact's label: without its number ("6. Contact"
/// labels a phone "Contact").
fn section_name(title: &str) -> String {
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVXLC]{1,6}[.)]|[A-Z][.)])\s+(\S.*)$").unwrap()
    });
    NUMBER.captures(title).map_or_else(|| title.to_owned(), |c| c[1].to_owned())
}

/// Whom an address reaches: the capitalised name just before it ("Office of
/// the Town Clerk", "… write to the Records Access Officer, 1 Main Street").
fn addressee(before: &str) -> Option<String> {
    const SMALL: [&str; 5] = ["of", "the", "and", "for", "&"];
    let clause = before.trim_end().trim_end_matches([',', ':']).rsplit([',', ':', '.', ';', '(']).next()?;
    let words: Vec<&str> = clause.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let mut start = words.len();
    while start > 0 && (capitalised(&words[start - 1]) || SMALL.contains(&words[start - 1])) {
        start -= 1;
    }
    let name: Vec<&str> = words[start..].iter().copied().skip_while(|w| !capitalised(w)).collect();
    (!name.is_empty() && name.len() <= 8).then(|| name.join(" "))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn contacts(text: &str) -> Vec<Contact> {
        let section = Section {
            id: "contact".into(),
            title: "Contact".into(),
            blocks: vec![crate::bundle::Block::Paragraph { text: text.into() }],
            sections: vec![],
        };
        extract(&[section])
    }

    #[test]
    fn a_postal_address_is_a_contact_labelled_with_whom_it_reaches() {
        let c = contacts("Office of the Town Clerk 1 Main Street Sample, MA 01234 Tel. 555-555-0100");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].label, "Office of the Town Clerk");
        assert_eq!(c[0].address.as_deref(), Some("1 Main Street\nSample, MA 01234"));
        assert_eq!(c[0].phone.as_deref(), Some("555-555-0100"), "its phone joins it");

        let c = contacts("Write to the Records Access Officer, One Ashburton Place, Room 1611, Boston, MA 02108.");
        assert_eq!(c[0].label, "Records Access Officer");
        assert_eq!(c[0].address.as_deref(), Some("One Ashburton Place, Room 1611\nBoston, MA 02108"));

        assert_eq!(section_name("6. Contact"), "Contact");
        assert_eq!(section_name("IV. Questions"), "Questions");
        assert_eq!(section_name("2024 in review"), "2024 in review");

        let c = contacts("Mail it to P.O. Box 123, Springfield, Massachusetts 01101-0123.");
        assert_eq!(c[0].label, "Contact", "no name before it: the section's title");
        assert_eq!(c[0].address.as_deref(), Some("P.O. Box 123\nSpringfield, Massachusetts 01101-0123"));

        assert!(contacts("We keep 3 Main Street records for 5 years.").is_empty());
    }
}
