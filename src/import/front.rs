//! Stage 3: what comes before the policy proper — an archive's notice, a cover
//! memo, the title and its date lines — is taken off the body and kept apart.

use std::sync::LazyLock;

use regex::Regex;

use super::blocks::Raw;
use super::dates;
use super::Notice;
use crate::bundle::inline;

/// What stage 3 found.
#[derive(Debug, Default)]
pub struct Front {
    pub title: Option<String>,
    pub effective_date: Option<String>,
    pub updated_date: Option<String>,
    pub archive_notice: Vec<Raw>,
    pub cover_memo: Vec<Raw>,
}

static MEMO_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\*\*)?(?:to|from|re|subject|memo(?:randum)?|cc)\s*:|^to the honou?rable|^respectfully submitted|^recommendation\s*:|^dear\b")
        .unwrap()
});
/// A date line's label (`DATE_LINE` is a whole line that starts with one), in
/// English, Spanish and Portuguese: "Effective date", "Fecha de vigencia",
/// "Última actualización", "Data de vigência", "Última atualização"…
const DATE_LABEL: &str = concat!(
    r"(?i)(last\s+(?:updated|revised|modified)|updated|revised|effective(?:\s+date)?|date\s+of\s+last\s+revision|last\s+reviewed",
    r"|fecha\s+de\s+(?:vigencia|entrada\s+en\s+vigor|actualizaci[oó]n)|data\s+de\s+(?:vig[eê]ncia|atualiza[cç][aã]o)",
    r"|(?:vigente|en\s+vigor|em\s+vigor)\s+(?:desde|a\s+partir\s+de)",
    r"|[uú]ltima\s+(?:actualizaci[oó]n|atualiza[cç][aã]o|revisi[oó]n|revis[aã]o)|actualizad[oa]|atualizad[oa]",
    // "Adopted by the Select Board on June 3, 2019", "Approved: 5/12/2020".
    r"|adopted|approved)",
);
static DATE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^{DATE_LABEL}\s*(?:on|as\s+of)?\s*:?\s*(.+)$")).unwrap());

/// Takes the front matter off `blocks`, leaving the policy body.
pub fn split(blocks: &mut Vec<Raw>, notices: &mut Vec<Notice>) -> Front {
    let mut front = Front::default();

    // An archive's note comes first, as a quote.
    while let Some(Raw::Quote { .. }) = blocks.first() {
        front.archive_notice.push(blocks.remove(0));
    }

    // The title: a level-1 Markdown heading, a bold line naming a policy, or a
    // short line naming one. It is the first block, or the first after a cover
    // memo (a letter to a board, "Respectfully submitted," …), which is kept apart.
    let is_memo_line = |b: &Raw| matches!(b, Raw::Paragraph { text, .. } if MEMO_MARKER.is_match(&inline::plain(text)));
    let window = blocks.len().min(40);
    let last_memo_line = blocks[..window].iter().rposition(is_memo_line);
    let after_memo = last_memo_line.and_then(|m| blocks[m + 1..window].iter().position(is_title).map(|i| i + m + 1));
    let title_at = after_memo.or_else(|| blocks.first().filter(|b| is_title(b)).map(|_| 0));
    if let Some(at) = title_at.filter(|&at| !title_text(&blocks[at]).trim().is_empty()) {
        let title = blocks.remove(at);
        front.title = Some(title_text(&title));
        if at > 0 {
            front.cover_memo = blocks.drain(..at).collect();
            notices.push(Notice::new(
                0,
                format!("kept {} blocks before the title as a cover memo", front.cover_memo.len()),
            ));
        }
    }

    // Date lines just under the title become metadata (stage 2 gave the lines
    // of a title block stacked without blank lines a block each).
    let mut i = 0;
    while i < blocks.len().min(super::blocks::FRONT_BLOCKS) {
        if let Raw::Paragraph { text, .. } = &blocks[i] {
            if let Some((kind, date)) = date_line(text) {
                match kind {
                    DateKind::Effective if front.effective_date.is_none() => front.effective_date = Some(date),
                    DateKind::Updated if front.updated_date.is_none() => front.updated_date = Some(date),
                    _ => {
                        i += 1;
                        continue;
                    }
                }
                blocks.remove(i);
                continue;
            }
        }
        i += 1;
    }
    front
}

fn is_title(block: &Raw) -> bool {
    match block {
        Raw::Heading { level: 1, .. } => true,
        Raw::Paragraph { text, lines: 1 } => {
            let plain = inline::plain(text);
            let words = plain.split_whitespace().count();
            // English, Spanish and Portuguese: privacy, privacidad(e); policy, política.
            let lower = plain.to_lowercase();
            let names_policy = ["privac", "policy", "polític", "politic"].iter().any(|w| lower.contains(w));
            let bold_line = text.starts_with("**") && text.ends_with("**");
            names_policy && words <= 12 && !plain.ends_with('.') && (bold_line || !plain.contains(". "))
        }
        _ => false,
    }
}

fn title_text(block: &Raw) -> String {
    let text = match block {
        Raw::Heading { text, .. } | Raw::Paragraph { text, .. } => inline::plain(text),
        _ => String::new(),
    };
    // "Privacy Policy | Mass.gov": a web page's title carries the site's name.
    let text = match text.rsplit_once(" | ") {
        Some((title, site)) if site.split_whitespace().count() <= 3 => title.trim().to_owned(),
        _ => text,
    };
    // Titles set in capitals by a word processor read better in title case.
    let text = if text.chars().any(char::is_lowercase) { text } else { title_case(&text) };
    inline::escape(&text)
}

pub(super) fn title_case(text: &str) -> String {
    // English, Spanish and Portuguese ("Política de Privacidade").
    const SMALL: [&str; 22] = [
        "a", "an", "and", "da", "das", "de", "del", "do", "dos", "e", "el", "em", "en", "for", "in", "la", "los", "of",
        "on", "the", "to", "y",
    ];
    text.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && SMALL.contains(&lower.as_str()) {
                return lower;
            }
            let mut chars = lower.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

enum DateKind {
    Effective,
    Updated,
}

fn date_line(text: &str) -> Option<(DateKind, String)> {
    let plain = inline::plain(text);
    let plain = plain.trim();
    // "Adopted by the Board of Selectmen on June 3, 2019" at most: a sentence
    // that mentions a date is longer.
    if plain.split_whitespace().count() > 12 {
        return None;
    }
    let c = DATE_LINE.captures(plain)?;
    let date = dates::parse(&c[2])?;
    let label = c[1].to_lowercase();
    // "Effective", "Adopted", and Spanish and Portuguese "vigencia", "vigente", "en vigor".
    let effective = ["effective", "adopted", "approved"].iter().any(|w| label.starts_with(w)) || label.contains("vig");
    let kind = if effective { DateKind::Effective } else { DateKind::Updated };
    Some((kind, date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(t: &str) -> Raw {
        Raw::Paragraph { text: t.into(), lines: 1 }
    }

    #[test]
    fn title_and_date_lines_become_metadata() {
        let mut blocks = vec![
            para("Privacy Policy - Town of Concord"),
            para("Last Updated July 11, 2022 [2022-07-11]"),
            para("Body."),
        ];
        let front = split(&mut blocks, &mut Vec::new());
        assert_eq!(front.title.as_deref(), Some("Privacy Policy - Town of Concord"));
        assert_eq!(front.updated_date.as_deref(), Some("2022-07-11"));
        assert_eq!(blocks, vec![para("Body.")]);
    }

    #[test]
    fn date_lines_stacked_under_the_title_become_metadata() {
        // Through stage 2, which gives a stacked title block's lines a block each.
        let lines = "Website Privacy Policy\n\nCity of Example\nEffective date: July 1, 2022\nLast updated: March 15, 2024\n\nBody.";
        let mut notices = Vec::new();
        let mut blocks = super::super::blocks::split(&super::super::clean::clean(lines, &mut notices), &mut notices);
        let front = split(&mut blocks, &mut notices);
        assert_eq!(front.effective_date.as_deref(), Some("2022-07-01"));
        assert_eq!(front.updated_date.as_deref(), Some("2024-03-15"));
        assert_eq!(blocks, vec![Raw::Paragraph { text: "City of Example".into(), lines: 1 }, para("Body.")]);

        // Spanish (and Portuguese) titles and date lines.
        let mut blocks = vec![
            para("Política de privacidad"),
            para("Fecha de vigencia: 1 de julio de 2022"),
            para("Última actualización: 15 de marzo de 2024"),
            para("Cuerpo."),
        ];
        let front = split(&mut blocks, &mut Vec::new());
        assert_eq!(front.title.as_deref(), Some("Política de privacidad"));
        assert_eq!(front.effective_date.as_deref(), Some("2022-07-01"));
        assert_eq!(front.updated_date.as_deref(), Some("2024-03-15"));
        let mut blocks = vec![para("Política de Privacidade"), para("Última atualização: 3 de dezembro de 2021")];
        assert_eq!(split(&mut blocks, &mut Vec::new()).updated_date.as_deref(), Some("2021-12-03"));

        // Wrapped prose that mentions a date keeps it.
        let prose = "This policy was last updated on the date below, when the City reviewed it with counsel and the clerk, as it does every year.";
        let mut blocks = vec![para("Privacy Policy"), Raw::Paragraph { text: prose.into(), lines: 2 }];
        let front = split(&mut blocks, &mut Vec::new());
        assert_eq!(front.updated_date, None);
        assert_eq!(blocks, vec![Raw::Paragraph { text: prose.into(), lines: 2 }]);
    }

    #[test]
    fn a_cover_memo_before_the_title_is_kept_apart() {
        let mut blocks = vec![
            para("May 1, 2018"),
            para("TO THE HONORABLE MEMBERS OF THE SCHOOL COMMITTEE:"),
            para("Respectfully submitted,"),
            para("**WEBSITE PRIVACY POLICY**"),
            para("The policy."),
        ];
        let front = split(&mut blocks, &mut Vec::new());
        assert_eq!(front.title.as_deref(), Some("Website Privacy Policy"));
        assert_eq!(front.cover_memo.len(), 3);
        assert_eq!(blocks, vec![para("The policy.")]);
    }

    #[test]
    fn an_archive_notice_is_kept_apart() {
        let mut blocks = vec![
            Raw::Quote { text: "*Archived copy.*".into() },
            Raw::Heading { level: 1, text: "Privacy".into() },
            para("**_Effective_** : 10/31/2016"),
        ];
        let front = split(&mut blocks, &mut Vec::new());
        assert_eq!(front.archive_notice.len(), 1);
        assert_eq!(front.effective_date.as_deref(), Some("2016-10-31"));
        assert!(blocks.is_empty());
    }
}
