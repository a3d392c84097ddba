//! Drafted "at a glance" facts: for each kind, the first sentence that states
//! it, turned into plain words, with the sentence kept as the fact's quote so a
//! reviewer (and a resident) can check it against the policy.
//!
//! These are drafts: the rules look for how policies phrase each fact, and an
//! editor reviews the result. A fact is only drafted when a sentence says it.

//!
//! The rules are by language: `en` for English, `es_pt` for Spanish and
//! Portuguese (the languages Massachusetts towns translate into most).

mod en;
mod es_pt;

use regex::Regex;

use super::passages::{passages, plain_sentences};
use crate::bundle::{inline, Block, Contact, Fact, FactAnswer, FactKind, Section};
use es_pt::Iberian;

pub struct Found {
    pub answer: Option<FactAnswer>,
    pub value: String,
}

/// A sentence → the fact it states, if it states this rule's kind.
pub type Rule = Box<dyn Fn(&str) -> Option<Found>>;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap()
}

/// Drafts the facts in the vocabulary's order, from a policy in `language`
/// (English rules, or Spanish and Portuguese ones with their own words).
pub fn extract(sections: &[Section], contacts: &[Contact], language: &str) -> Vec<Fact> {
    // A policy's own summary restates; facts cite the section that says it in full.
    let passages: Vec<_> = passages(sections).into_iter().filter(|p| !super::summary::is_summary(p.section)).collect();
    let iberian = Iberian::of(language);
    let rules: Vec<(FactKind, Rule)> = match iberian {
        Some(language) => es_pt::rules(language),
        None => en::rules().into_iter().map(|(kind, rule)| (kind, Box::new(rule) as Rule)).collect(),
    };
    let mut facts: Vec<Fact> = Vec::new();
    for (kind, rule) in rules {
        if kind == FactKind::Cookies {
            facts.extend(cookies_fact(&passages, &rule));
            continue;
        }
        'search: for p in &passages {
            for sentence in plain_sentences(p.text) {
                if let Some(found) = rule(&sentence) {
                    facts.push(Fact {
                        kind,
                        answer: found.answer,
                        value: found.value,
                        quote: Some(inline::escape(&sentence)),
                        section: p.section.id.clone(),
                    });
                    break 'search;
                }
            }
        }
    }
    if let Some(f) = tools_fact(sections, iberian) {
        facts.push(f);
    }
    if let Some(c) = contacts.first() {
        if let (Some(email), Some(section)) = (&c.email, &c.section) {
            facts.push(Fact {
                kind: FactKind::Contact,
                answer: None,
                value: inline::escape(email),
                quote: None,
                section: section.clone(),
            });
        }
    }
    facts.sort_by_key(|f| f.kind);
    facts
}

/// Cookies are decided by the whole policy, not its first mention: "does not use
/// permanent cookies. However, … session cookies" means session cookies. The
/// strongest use stated wins: persistent, then session, then none, then "yes".
fn cookies_fact(passages: &[super::passages::Passage<'_>], rule: &Rule) -> Option<Fact> {
    let strength = |a: Option<FactAnswer>| match a {
        Some(FactAnswer::Persistent) => 3,
        Some(FactAnswer::Session) => 2,
        Some(FactAnswer::None) => 1,
        _ => 0,
    };
    let mut best: Option<Fact> = None;
    for p in passages {
        for sentence in plain_sentences(p.text) {
            if let Some(found) = rule(&sentence) {
                if best.as_ref().is_none_or(|b| strength(found.answer) > strength(b.answer)) {
                    best = Some(Fact {
                        kind: FactKind::Cookies,
                        answer: found.answer,
                        value: found.value,
                        quote: Some(inline::escape(&sentence)),
                        section: p.section.id.clone(),
                    });
                }
            }
        }
    }
    best
}

/// Third-party tools: named tool entries when the policy lists them, else the
/// first sentence that mentions third-party services (in English, or in
/// Spanish or Portuguese, `iberian`).
fn tools_fact(sections: &[Section], iberian: Option<Iberian>) -> Option<Fact> {
    let mut names = Vec::new();
    let mut first_section = None;
    for (_, s) in crate::bundle::Bundle::flatten(sections) {
        for b in &s.blocks {
            if let Block::Tool(t) = b {
                names.push(inline::escape(inline::plain(&t.name).replace('™', "").trim()));
                first_section.get_or_insert_with(|| s.id.clone());
            }
        }
    }
    if let Some(section) = first_section {
        let value = match names.len() {
            1..=3 => names.join(", "),
            n => format!("{} tools, including {}", n, names[..3].join(", ")),
        };
        return Some(Fact {
            kind: FactKind::ThirdPartyTools,
            answer: Some(FactAnswer::Yes),
            value,
            quote: None,
            section,
        });
    }
    passages(sections).into_iter().find_map(|p| {
        let third_party: &Regex = if iberian.is_some() { &es_pt::THIRD_PARTY } else { &en::THIRD_PARTY };
        plain_sentences(p.text).into_iter().find(|s| third_party.is_match(s)).map(|sentence| Fact {
            kind: FactKind::ThirdPartyTools,
            answer: Some(FactAnswer::Yes),
            value: iberian.map_or(en::THIRD_PARTY_WORDS, Iberian::third_party_words).into(),
            quote: Some(inline::escape(&sentence)),
            section: p.section.id.clone(),
        })
    })
}
