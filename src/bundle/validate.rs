//! The rules a bundle must follow beyond its types: ids, references, links,
//! dates, theme values. Shared by `policy-widget validate` and the widget, so a
//! bundle that validates is a bundle that renders.

use super::inline::{self, LinkTarget};
use super::names::{is_valid_id, Named};
use super::{Block, Bundle, FactAnswer, FactKind, Problem, FORMAT};
use crate::keyed::Strings;

/// What is odd but not wrong: reported, never fatal.
pub fn warnings(bundle: &Bundle) -> Vec<Problem> {
    bundle
        .config
        .labels
        .unknown
        .iter()
        .map(|key| Problem::new(format!("config.labels.{key}"), "unknown label, ignored"))
        .collect()
}

/// Every error in a bundle that has already parsed; empty when it is valid.
pub fn validate(bundle: &Bundle) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut err = |path: String, message: String| problems.push(Problem::new(path, message));

    if bundle.format != FORMAT {
        err("format".into(), format!("unsupported format \"{}\"; this widget reads \"{FORMAT}\"", bundle.format));
    }
    if bundle.meta.title.trim().is_empty() {
        err("meta.title".into(), "must not be empty".into());
    }
    if bundle.meta.publisher.name.trim().is_empty() {
        err("meta.publisher.name".into(), "must not be empty".into());
    }
    for (path, date) in
        [("meta.effective_date", &bundle.meta.effective_date), ("meta.updated_date", &bundle.meta.updated_date)]
    {
        if let Some(date) = date {
            if !is_valid_date(date) {
                err(path.into(), quoted(date, "is not a date as YYYY-MM-DD"));
            }
        }
    }
    if !is_language_tag(&bundle.meta.language) {
        err("meta.language".into(), quoted(&bundle.meta.language, "is not a language tag such as \"en\" or \"es-US\""));
    }
    for (path, url) in
        [("meta.canonical_url", &bundle.meta.canonical_url), ("meta.publisher.website", &bundle.meta.publisher.website)]
    {
        if let Some(url) = url {
            if !is_web_url(url) {
                err(path.into(), quoted(url, "is not an http or https address"));
            }
        }
    }

    // Sections: ids valid and unique across the tree.
    if bundle.sections.is_empty() {
        err("sections".into(), "a policy needs at least one section".into());
    }
    let mut ids = Strings::default();
    check_sections(&bundle.sections, "", &mut ids, &mut err);

    let resolves = |id: &str| ids.contains(id);
    for (i, point) in bundle.summary.iter().enumerate() {
        if !resolves(&point.section) {
            err(item("summary", i, "section"), no_section(&point.section));
        }
    }
    for (i, fact) in bundle.facts.iter().enumerate() {
        if !resolves(&fact.section) {
            err(item("facts", i, "section"), no_section(&fact.section));
        }
        if let Some(answer) = fact.answer {
            if !answer_fits(fact.kind, answer) {
                err(
                    item("facts", i, "answer"),
                    format!("\"{}\" is not an answer for {}", answer.name(), fact.kind.name()),
                );
            }
        }
    }
    for (i, d) in bundle.definitions.iter().enumerate() {
        if d.term.trim().is_empty() {
            err(item("definitions", i, "term"), "must not be empty".into());
        }
        if let Some(s) = d.section.as_deref().filter(|s| !resolves(s)) {
            err(item("definitions", i, "section"), no_section(s));
        }
    }
    for (i, c) in bundle.contacts.iter().enumerate() {
        if let Some(e) = c.email.as_deref().filter(|e| !inline::is_email(e)) {
            err(item("contacts", i, "email"), quoted(e, "is not an email address"));
        }
        if let Some(u) = c.url.as_deref().filter(|u| !is_web_url(u)) {
            err(item("contacts", i, "url"), quoted(u, "is not an http or https address"));
        }
        if let Some(p) = c.phone.as_deref().filter(|p| !is_phone(p)) {
            err(item("contacts", i, "phone"), quoted(p, "is not a phone number"));
        }
        if let Some(s) = c.section.as_deref().filter(|s| !resolves(s)) {
            err(item("contacts", i, "section"), no_section(s));
        }
    }

    check_versions(bundle, &resolves, &mut err);

    // Links in every piece of inline text. Only a text that has a link's
    // first character is parsed: the others hold no link, and parsing all of
    // them was a third of validation's time in Chromium.
    bundle.each_text(&mut |path, text| {
        if !inline::may_link(text) {
            return;
        }
        for target in inline::links(&inline::parse(text)) {
            match target {
                LinkTarget::External(_) => {}
                LinkTarget::Section(id) if resolves(id) => {}
                LinkTarget::Section(id) => err(path(), format!("link to \"#{id}\" but no section has that id")),
                // `escape_default`, not `escape_debug`: the latter's tables of
                // printable characters would cost every resident ~3 KB gzip, for
                // a message only developers read.
                LinkTarget::Refused(raw) => err(
                    path(),
                    format!(
                        "link target \"{}\" is not allowed (only https, http, mailto, tel or #section-id)",
                        raw.escape_default()
                    ),
                ),
            }
        }
    });

    let config = &bundle.config;
    if !(1..=6).contains(&config.heading_level) {
        err("config.heading_level".into(), format!("{} is not a heading level from 1 to 6", config.heading_level));
    }
    if let Some(a) = config.theme.accent.as_deref().filter(|a| !is_hex_colour(a)) {
        err("config.theme.accent".into(), quoted(a, "is not a colour as #rgb or #rrggbb"));
    }
    if let Some(f) = config.theme.font.as_deref().filter(|f| !is_font_list(f)) {
        err(
            "config.theme.font".into(),
            quoted(f, "is not a font-family list (letters, digits, spaces, quotes, commas, hyphens)"),
        );
    }
    if let Some(r) = config.theme.radius.as_deref().filter(|r| !is_length(r)) {
        err("config.theme.radius".into(), quoted(r, "is not a length such as 4px or 0.25rem"));
    }
    problems
}

/// `history` and `changes`: dates, addresses, each changed or added section
/// naming one of this version's, and each changed text's marks well formed.
fn check_versions(bundle: &Bundle, resolves: &dyn Fn(&str) -> bool, err: &mut impl FnMut(String, String)) {
    for (i, version) in bundle.history.iter().enumerate() {
        if !is_valid_date(&version.date) {
            err(item("history", i, "date"), quoted(&version.date, "is not a date as YYYY-MM-DD"));
        }
        if let Some(u) = version.url.as_deref().filter(|u| !is_web_url(u)) {
            err(item("history", i, "url"), quoted(u, "is not an http or https address"));
        }
    }
    if let Some(changes) = &bundle.changes {
        if !is_valid_date(&changes.since) {
            err("changes.since".into(), quoted(&changes.since, "is not a date as YYYY-MM-DD"));
        }
        // A removed section's id is the previous version's: it names no section here.
        for (i, change) in changes.sections.iter().enumerate() {
            if change.change != super::ChangeKind::Removed && !resolves(&change.section) {
                err(item("changes.sections", i, "section"), no_section(&change.section));
            }
            for (j, text) in change.texts.iter().enumerate() {
                if let Err(wrong) = super::marked::pieces(text) {
                    err(format!("changes.sections[{i}].texts[{j}]"), wrong.into());
                }
            }
        }
    }
}

/// `"value" complaint`: how most problems name what is wrong. One function
/// rather than a `format!` at each rule: each expands to its own code in the wasm.
fn quoted(value: &str, complaint: &str) -> String {
    format!("\"{value}\" {complaint}")
}

fn no_section(id: &str) -> String {
    format!("no section has id \"{id}\"")
}

/// The path of a field of a list's item: `facts[2].section`.
fn item(list: &str, i: usize, field: &str) -> String {
    format!("{list}[{i}].{field}")
}

fn check_sections(sections: &[super::Section], prefix: &str, ids: &mut Strings, err: &mut impl FnMut(String, String)) {
    for (i, s) in sections.iter().enumerate() {
        let path = format!("{prefix}sections[{i}]");
        if !is_valid_id(&s.id) {
            err(
                format!("{path}.id"),
                quoted(&s.id, "is not a valid id (lower-case letters, digits and hyphens, starting with a letter)"),
            );
        } else if !ids.insert(s.id.clone()) {
            err(format!("{path}.id"), format!("duplicate id \"{}\"", s.id));
        }
        if s.title.trim().is_empty() {
            err(format!("{path}.title"), "must not be empty".into());
        }
        for (j, block) in s.blocks.iter().enumerate() {
            if let Block::Table(t) = block {
                let width = t.header.len().max(t.rows.first().map_or(0, Vec::len));
                if let Some(r) = t.rows.iter().position(|row| row.len() != width) {
                    err(
                        format!("{path}.blocks[{j}].rows[{r}]"),
                        format!("has {} cells where the table has {width}", t.rows[r].len()),
                    );
                }
            }
        }
        check_sections(&s.sections, &format!("{path}."), ids, err);
    }
}

fn answer_fits(kind: FactKind, answer: FactAnswer) -> bool {
    use FactAnswer::*;
    match kind {
        FactKind::Cookies => matches!(answer, None | Session | Persistent),
        _ => matches!(answer, Yes | No),
    }
}

/// `YYYY-MM-DD`, a real calendar date.
pub fn is_valid_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn is_web_url(s: &str) -> bool {
    matches!(inline::classify_target(s), LinkTarget::External(ref t)
        if t.get(..7).is_some_and(|p| p.eq_ignore_ascii_case("http://"))
            || t.get(..8).is_some_and(|p| p.eq_ignore_ascii_case("https://")))
}

fn is_phone(s: &str) -> bool {
    s.chars().filter(char::is_ascii_digit).count() >= 3
        && s.chars().all(|c| c.is_ascii_digit() || " +-().x".contains(c))
}

fn is_hex_colour(s: &str) -> bool {
    s.strip_prefix('#').is_some_and(|h| (h.len() == 3 || h.len() == 6) && h.chars().all(|c| c.is_ascii_hexdigit()))
}

fn is_font_list(s: &str) -> bool {
    !s.trim().is_empty() && s.len() <= 200 && s.chars().all(|c| c.is_alphanumeric() || " ,'\"-".contains(c))
}

/// A length from 0 to 100 in px, rem or em, as plain decimals ("4px",
/// "0.25rem", ".5em"). Checked digit by digit: parsing a float would bring
/// float-parsing tables (17 KB) into the wasm.
fn is_length(s: &str) -> bool {
    let Some(number) = s.strip_suffix("px").or_else(|| s.strip_suffix("rem")).or_else(|| s.strip_suffix("em")) else {
        return false;
    };
    let (whole, fraction) = match number.split_once('.') {
        Some((_, "")) => return false,
        Some(parts) => parts,
        None => (number, ""),
    };
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    let whole_value = whole.trim_start_matches('0');
    !number.is_empty()
        && digits(whole)
        && digits(fraction)
        && whole_value.len() <= 3
        && match whole_value.parse::<u16>().unwrap_or(0) {
            0..=99 => true,
            100 => fraction.bytes().all(|b| b == b'0'),
            _ => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(is_valid_date("2024-02-29"));
        for bad in ["2023-02-29", "2023-13-01", "03/01/2012", "2023-1-1", "2023-04-31"] {
            assert!(!is_valid_date(bad), "{bad}");
        }
    }

    #[test]
    fn theme_values_cannot_carry_css() {
        assert!(is_hex_colour("#0b5cad") && is_hex_colour("#fff"));
        assert!(!is_hex_colour("red;}body{display:none"));
        assert!(is_font_list("\"Public Sans\", Arial, sans-serif"));
        assert!(!is_font_list("Arial; } * { color: red"));
        for good in ["4px", "0.25rem", ".5em", "0px", "100px", "100.0rem", "007px"] {
            assert!(is_length(good), "{good}");
        }
        for bad in
            ["4px;x", "px", "5.px", "100.5px", "101px", "1e1px", "-1px", "+1px", "1..2em", "4 px", "9999999999px"]
        {
            assert!(!is_length(bad), "{bad}");
        }
    }
}
