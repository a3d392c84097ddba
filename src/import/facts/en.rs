//! The facts' rules for a policy in English: how its sentences phrase each
//! fact, and the plain words each fact is drafted in.

use std::sync::LazyLock;

use regex::Regex;

use super::{re, Found};
use crate::bundle::{FactAnswer, FactKind};

static SELLS_NOT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:do|does|will|shall)\s+not\s+(?:\w+\s+)?sell\b|\bnever\s+sells?\b|\bnot\s+sold\b"));
static SELLS: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:may|will|we)\s+sell\b"));
static PUBLIC_RECORDS: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)public\s+records?\b"));
static NOT_ENCRYPTED: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:e-?mails?|information|messages?)\b.{0,60}\bnot\s+encrypted"));
static SECURITY: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)security\s+measures|https-only|encrypt(?:ed|ion)\b"));
static DAYS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(\d{1,3}|thirty|sixty|ninety|fifteen|ten|seven)\s*(?:\(\d+\)\s*)?days?\b"));
static CHANGES: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bchang\w*\b.*\b(?:this|the|our)\s+(?:privacy\s+)?policy\b|\bpolicy\b.*\bchang\w*\b"));
static RETENTION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\bindefinitely\b|\bretain\w*\b|\bdiscarded after\b|\bheld for\b|\bkept for\b|\bretention\b")
});
static VOLUNTARY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bvoluntar\w*\b.*\b(?:collect|provide|submit)|\b(?:collect|provide|submit)\w*\b.*\bvoluntar|\byou (?:may )?provide us\b",
    )
});
static AUTOMATIC: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)automatically\s+collect|collect\w*\s+and\s+store|server logs|\bIP address\b.*\b(?:collect|store)")
});
static SESSION_COOKIES: LazyLock<Regex> = LazyLock::new(|| re(r#"(?i)session\s+cookies"#));
static PERSISTENT_COOKIES: LazyLock<Regex> = LazyLock::new(|| re(r#"(?i)(?:persistent|permanent)\W+cookies?"#));
static NO_PERSISTENT: LazyLock<Regex> =
    LazyLock::new(|| re(r#"(?i)(?:not|never)\s+use\s+(?:any\s+)?(?:persistent|permanent)\W+cookies"#));
static NO_COOKIES: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?:not|never)\s+use\s+(?:any\s+)?cookies"));
static USES_COOKIES: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:use|uses|employs?)\b.*\bcookies\b"));
pub(super) static THIRD_PARTY: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)third[- ]part(?:y|ies)"));
static AGENCIES: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)need to know|disclosed only to|share information with|(?:other|another) government agency")
});
static CHILDREN: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\bchild(?:ren)?'?s?\b|\bunder (?:the age of )?13\b|\bstudents?\b|\bFERPA\b|Family Educational Rights")
});
static ACCESS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:get|access|see)\b.*\bcorrect\b|\bcorrect\b.*\binformation\b.*\brecords\b"));

/// Words for the channels through which people send information, as they appear.
const CHANNELS: [(&str, &str); 6] = [
    ("form", "forms"),
    ("survey", "surveys"),
    ("mail", "email"),
    ("account", "accounts"),
    ("payment", "payments"),
    ("comment", "comments"),
];

const AUTOMATIC_ITEMS: [(&str, &str); 7] = [
    ("ip address", "IP address"),
    ("internet protocol", "IP address"),
    ("date and time", "date and time of visit"),
    ("pages", "pages visited"),
    ("browser", "browser type"),
    ("location", "location"),
    ("device", "device"),
];

/// An English rule: a plain function, boxed into a [`Rule`] when used.
pub(super) type EnglishRule = fn(&str) -> Option<Found>;

/// The rules for English, in the order the facts are drafted.
pub(super) fn rules() -> Vec<(FactKind, EnglishRule)> {
    vec![
        (FactKind::SellsData, |s| {
            if SELLS_NOT.is_match(s) {
                Some(Found { answer: Some(FactAnswer::No), value: "No".into() })
            } else if SELLS.is_match(s) {
                Some(Found { answer: Some(FactAnswer::Yes), value: "Yes".into() })
            } else {
                None
            }
        }),
        (FactKind::PublicRecords, |s| {
            PUBLIC_RECORDS.is_match(s).then(|| Found {
                answer: Some(FactAnswer::Yes),
                value: "What you send can become a public record".into(),
            })
        }),
        (FactKind::EmailNotEncrypted, |s| {
            NOT_ENCRYPTED.is_match(s).then(|| Found {
                answer: Some(FactAnswer::Yes),
                value: "Not encrypted: don't send sensitive details".into(),
            })
        }),
        (FactKind::Security, |s| {
            SECURITY.is_match(s).then(|| Found { answer: None, value: "Standard security measures".into() })
        }),
        (FactKind::PolicyChanges, |s| {
            if !CHANGES.is_match(s) {
                return None;
            }
            let value = match DAYS.captures(s) {
                Some(c) => format!("Announced {} days ahead", number(&c[1])),
                None if s.to_lowercase().contains("at any time") => "May change at any time".into(),
                None => "Changes posted on this page".into(),
            };
            Some(Found { answer: None, value })
        }),
        (FactKind::Retention, |s| {
            if !RETENTION.is_match(s) {
                return None;
            }
            let lower = s.to_lowercase();
            let value = if lower.contains("indefinitely") {
                if lower.contains("ip") {
                    "IP addresses kept indefinitely".into()
                } else {
                    "Kept indefinitely".into()
                }
            } else if let Some(c) = DAYS.captures(s) {
                format!("Some data deleted after {} days", number(&c[1]))
            } else if lower.contains("retention schedule") || lower.contains("required by law") {
                "Kept as the law's retention schedule requires".into()
            } else {
                return None;
            };
            Some(Found { answer: None, value })
        }),
        (FactKind::CollectsVoluntary, |s| {
            if !VOLUNTARY.is_match(s) {
                return None;
            }
            Some(Found { answer: Some(FactAnswer::Yes), value: listed("What you choose to send", s, &CHANNELS) })
        }),
        (FactKind::CollectsAutomatic, |s| {
            if !AUTOMATIC.is_match(s) {
                return None;
            }
            Some(Found {
                answer: Some(FactAnswer::Yes),
                value: listed("Collected on every visit", s, &AUTOMATIC_ITEMS),
            })
        }),
        (FactKind::Cookies, |s| {
            let (answer, value) = if NO_COOKIES.is_match(s) {
                (FactAnswer::None, "None")
            } else if PERSISTENT_COOKIES.is_match(s) && !NO_PERSISTENT.is_match(s) {
                (FactAnswer::Persistent, "Yes, including cookies that stay after your visit")
            } else if SESSION_COOKIES.is_match(s) {
                (FactAnswer::Session, "Session cookies only")
            } else if USES_COOKIES.is_match(s) {
                return Some(Found { answer: None, value: "Yes".into() });
            } else {
                return None;
            };
            Some(Found { answer: Some(answer), value: value.into() })
        }),
        (FactKind::SharesWithAgencies, |s| {
            AGENCIES.is_match(s).then(|| Found {
                answer: Some(FactAnswer::Yes),
                value: "Only with staff and agencies who need it".into(),
            })
        }),
        (FactKind::Children, |s| {
            let lower = s.to_lowercase();
            if !CHILDREN.is_match(s) {
                return None;
            }
            let value = if lower.contains("do not knowingly collect") {
                "Not knowingly collected from children under 13"
            } else if lower.contains("ferpa") || lower.contains("family educational rights") {
                "Student records law (FERPA) applies"
            } else if lower.contains("child") {
                "Includes information about children"
            } else {
                return None;
            };
            Some(Found { answer: None, value: value.into() })
        }),
        (FactKind::AccessRights, |s| {
            ACCESS
                .is_match(s)
                .then(|| Found { answer: Some(FactAnswer::Yes), value: "You can see and correct your records".into() })
        }),
    ]
}

/// "What you choose to send: forms, surveys and email".
fn listed(lead: &str, sentence: &str, vocabulary: &[(&str, &str)]) -> String {
    let lower = sentence.to_lowercase();
    let mut found: Vec<&str> = vocabulary.iter().filter(|(k, _)| lower.contains(k)).map(|(_, v)| *v).collect();
    found.dedup();
    match found.as_slice() {
        [] => lead.to_owned(),
        [one] => format!("{lead}: {one}"),
        [init @ .., last] => format!("{lead}: {} and {last}", init.join(", ")),
    }
}

fn number(word: &str) -> String {
    match word.to_lowercase().as_str() {
        "seven" => "7".into(),
        "ten" => "10".into(),
        "fifteen" => "15".into(),
        "thirty" => "30".into(),
        "sixty" => "60".into(),
        "ninety" => "90".into(),
        n => n.to_owned(),
    }
}

/// The words for "some services are run by other companies".
pub(super) const THIRD_PARTY_WORDS: &str = "Some services are run by other companies";
