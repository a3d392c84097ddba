//! Dates as policies write them, to `YYYY-MM-DD`.

use std::sync::LazyLock;

use regex::Regex;

static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").unwrap());
static US_NUMERIC: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b").unwrap());
static MONTH_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b").unwrap());
/// "1 March 2012", and Spanish and Portuguese "1 de julio de 2022", "1º de março de 2022".
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th|º|°)?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+|del\s+)?(\d{4})\b")
        .unwrap()
});

/// The first date in `text`, or `None`. Numeric dates are read the US way
/// (month first): these are US public bodies' policies.
pub fn parse(text: &str) -> Option<String> {
    if let Some(c) = ISO.captures(text) {
        return ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    if let Some(c) = MONTH_FIRST.captures(text) {
        return ymd(c[3].parse().ok()?, month(&c[1])?, c[2].parse().ok()?);
    }
    if let Some(c) = DAY_FIRST.captures(text) {
        return ymd(c[3].parse().ok()?, month(&c[2])?, c[1].parse().ok()?);
    }
    if let Some(c) = US_NUMERIC.captures(text) {
        let year: u32 = c[3].parse().ok()?;
        // Two-digit years: policies on the web start in the 1990s.
        let year = match year {
            0..=69 => 2000 + year,
            70..=99 => 1900 + year,
            _ => year,
        };
        return ymd(year, c[1].parse().ok()?, c[2].parse().ok()?);
    }
    None
}

fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    let date = format!("{y:04}-{m:02}-{d:02}");
    crate::bundle::validate::is_valid_date(&date).then_some(date)
}

/// A month's number from its name or abbreviation in English, Spanish or
/// Portuguese (the languages of Massachusetts towns' policies).
fn month(name: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &["jan", "ene"],
        &["feb", "fev"],
        &["mar"],
        &["apr", "abr"],
        &["may", "mai"],
        &["jun"],
        &["jul"],
        &["aug", "ago"],
        &["sep", "set"],
        &["oct", "out"],
        &["nov"],
        &["dec", "dic", "dez"],
    ];
    let lower = name.to_lowercase();
    MONTHS.iter().position(|names| names.iter().any(|m| lower.starts_with(m))).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn the_ways_policies_write_dates() {
        assert_eq!(parse("July 11, 2022 [2022-07-11]").as_deref(), Some("2022-07-11"));
        assert_eq!(parse("03/01/2012").as_deref(), Some("2012-03-01"));
        assert_eq!(parse("12/16/02").as_deref(), Some("2002-12-16"));
        assert_eq!(parse("Sept. 3rd, 2019").as_deref(), Some("2019-09-03"));
        assert_eq!(parse("1 March 2012").as_deref(), Some("2012-03-01"));
        assert_eq!(parse("1 de julio de 2022").as_deref(), Some("2022-07-01"));
        assert_eq!(parse("15 de marzo del 2024").as_deref(), Some("2024-03-15"));
        assert_eq!(parse("1º de março de 2022").as_deref(), Some("2022-03-01"));
        assert_eq!(parse("3 de dezembro de 2021").as_deref(), Some("2021-12-03"));
        assert_eq!(parse("Act 5, 2009"), None);
        assert_eq!(parse("13/45/2020"), None);
    }
}
