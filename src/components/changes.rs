//! What changed since the previous version, as the bundle records it
//! (`changes`, `history`; computed when the bundle is made, never here):
//!
//! - in the header, "What changed since …", a disclosure button whose
//!   panel follows the header: the sections changed, added and removed, each
//!   changed or added one linked, each removed one with its old text; then
//!   the earlier versions (GOV.UK's "see all updates");
//! - in a changed section, a note and its changed words behind a `<details>`,
//!   deleted and inserted words in `<del>` and `<ins>` (struck through and
//!   underlined, and announced by screen readers, not told apart by colour);
//! - the table of contents' badges (`mark`);
//! - the notice of a policy that takes effect on a later date.
//!
//! Plain functions, and native `<details>` where a disclosure needs no
//! heading: every component type, closure type and hook is more code in the
//! wasm that every resident downloads (docs/performance.md has this
//! feature's share).

use yew::prelude::*;

use super::element::element;
use super::heading::heading;
use super::inline::{self, announced, Ctx};
use super::parts::human_date;
use crate::bundle::config::Labels;
use crate::bundle::marked::{self, Piece};
use crate::bundle::{Bundle, ChangeKind, SectionChange};

/// The panel's element id; its button is `pp-changes-button`.
const PANEL: &str = "pp-changes";

/// Whether the bundle has versions to show, and the site shows them.
pub fn shown(bundle: &Bundle) -> bool {
    bundle.config.show.changes && (bundle.changes.is_some() || !bundle.history.is_empty())
}

/// A section's change, if it was changed or added (a removed one has no
/// section to mark), and the site shows changes.
pub fn of<'a>(bundle: &'a Bundle, id: &str) -> Option<&'a SectionChange> {
    let changes = bundle.changes.as_ref().filter(|_| bundle.config.show.changes)?;
    changes.sections.iter().find(|c| c.section == id && c.change != ChangeKind::Removed)
}

/// The word the table of contents puts after a changed or added section.
pub fn mark(bundle: &Bundle, id: &str) -> Html {
    let labels = &bundle.config.labels;
    let word = match of(bundle, id).map(|c| c.change) {
        None => return Html::default(),
        Some(ChangeKind::Added) => labels.change_added(),
        Some(_) => labels.change_changed(),
    };
    html! { <span class="pp-badge">{ word.clone() }</span> }
}

/// `label` with the date put in: "What changed since March 1, 2002".
fn dated(label: &str, iso: &str, bundle: &Bundle) -> String {
    label.replace("{date}", &human_date(iso, &bundle.meta.language))
}

/// The header's disclosure button; `open` is whether its panel shows.
pub fn button(bundle: &Bundle, open: bool, onclick: Callback<MouseEvent>) -> Html {
    let labels = &bundle.config.labels;
    let title = match &bundle.changes {
        Some(changes) => dated(labels.changes_heading(), &changes.since, bundle),
        None => labels.history_heading().clone(),
    };
    html! {
        <span>
            <button type="button" id="pp-changes-button" class="pp-link-button" aria-expanded={open.to_string()} aria-controls={PANEL} {onclick}>
                { title }
            </button>
        </span>
    }
}

/// The panel under the header, its headings at `level`: the publisher's own
/// summary of the change, the sections changed, added and removed, and the
/// earlier versions.
pub fn panel(bundle: &Bundle, level: u8, open: bool) -> Html {
    let labels = &bundle.config.labels;
    let changes = bundle.changes.as_ref().map_or(&[][..], |c| &c.sections[..]);
    let mut parts: Vec<Html> = Vec::new();
    let mut paragraph = |text: String| parts.push(html! { <p>{ text }</p> });
    if bundle.changes.is_some() {
        if let Some(summary) = bundle.history.first().and_then(|v| v.summary.clone()) {
            paragraph(summary);
        }
        if changes.is_empty() {
            paragraph(labels.no_changes().clone());
        }
    }
    for (kind, label) in [
        (ChangeKind::Changed, labels.change_changed()),
        (ChangeKind::Added, labels.change_added()),
        (ChangeKind::Removed, labels.change_removed()),
    ] {
        let items = changes.iter().filter(|c| c.change == kind).map(|c| listed(bundle, c)).collect();
        list(&mut parts, level, label, items);
    }
    // With history alone, the button already says "Earlier versions".
    let history = if bundle.changes.is_some() { labels.history_heading().as_str() } else { "" };
    list(&mut parts, level, history, bundle.history.iter().map(|v| version(v, bundle)).collect());
    let keys = &["id", "class", "aria-labelledby", "hidden"];
    let hidden = (!open).then_some(AttrValue::Static("hidden"));
    let values = [Some(PANEL.into()), Some("pp-changes".into()), Some("pp-changes-button".into()), hidden];
    element("section", keys, values, parts.into_iter().collect())
}

/// A heading (unless `label` is empty) and its list, unless the list is empty.
fn list(parts: &mut Vec<Html>, level: u8, label: &str, items: Vec<Html>) {
    if !items.is_empty() {
        if !label.is_empty() {
            parts.push(heading(level, "pp-subheading", None, html! { { label.to_owned() } }));
        }
        parts.push(element("ul", &[], [], items.into_iter().collect()));
    }
}

/// A changed or added section, linked; a removed one, its old text a click away.
fn listed(bundle: &Bundle, change: &SectionChange) -> Html {
    let labels = &bundle.config.labels;
    let item = match bundle.section(&change.section) {
        Some(section) => {
            html! { <>{ inline::section_link(None, section, Ctx::unmarked(labels)) }{ formerly(change, labels) }</> }
        }
        None => html! {
            <details class="pp-removed">
                <summary>{ change.previous_title.clone().unwrap_or_else(|| change.section.clone()) }</summary>
                { texts(change, labels) }
            </details>
        },
    };
    element("li", &[], [], item)
}

/// " (formerly “Old title”)" after a renamed section's title.
fn formerly(change: &SectionChange, labels: &Labels) -> String {
    change
        .previous_title
        .as_ref()
        .map(|t| format!(" ({})", labels.formerly().replace("{title}", t)))
        .unwrap_or_default()
}

/// An earlier version: its date (a link to it, where it can still be read)
/// and what changed from it.
fn version(v: &crate::bundle::Version, bundle: &Bundle) -> Html {
    let date = html! { { human_date(&v.date, &bundle.meta.language) } };
    let (tag, rel) = if v.url.is_some() { ("a", Some("noopener noreferrer".into())) } else { ("span", None) };
    let shown = element(tag, &["href", "rel"], [v.url.clone().map(AttrValue::from), rel], date);
    let summary = v.summary.as_ref().map(|s| format!(": {s}")).unwrap_or_default();
    element("li", &[], [], html! { <>{ shown }{ summary }</> })
}

/// What a changed or added section says above its text: since when, and
/// (changed) its changed words behind a `<details>`.
pub fn section_note(bundle: &Bundle, id: &str) -> Html {
    let Some(change) = of(bundle, id) else { return Html::default() };
    let labels = &bundle.config.labels;
    let since = bundle.changes.as_ref().map_or("", |c| c.since.as_str());
    let label = if change.change == ChangeKind::Added { labels.added_since() } else { labels.changed_since() };
    html! {
        <>
            <p class="pp-change-note"><span class="pp-badge">{ dated(label, since, bundle) }</span>{ formerly(change, labels) }</p>
            if !change.texts.is_empty() {
                <details class="pp-redline">
                    <summary>{ labels.show_changes().clone() }</summary>
                    { texts(change, labels) }
                </details>
            }
        </>
    }
}

/// A section's changed texts (or a removed one's old texts), a paragraph each.
fn texts(change: &SectionChange, labels: &Labels) -> Html {
    change.texts.iter().map(|t| element("p", &[], [], redline(t, labels))).collect()
}

/// A changed text: its kept words as text, its deleted and inserted words
/// in `<del>` and `<ins>`, each announced ("[deleted text: …]").
fn redline(text: &str, labels: &Labels) -> Html {
    // Validation refused a bundle whose marks do not read; none reaches here.
    let pieces = marked::pieces(text).unwrap_or_default();
    pieces
        .into_iter()
        .map(|piece| match piece {
            Piece::Keep(words) => html! { { words } },
            Piece::Delete(words) => announced("del", labels.deleted_text(), html! { { words } }),
            Piece::Insert(words) => announced("ins", labels.inserted_text(), html! { { words } }),
        })
        .collect()
}

/// The notice of a policy whose effective date is still to come: "These
/// changes take effect on …" when it has changes, else "This policy takes
/// effect on …". Dates are `YYYY-MM-DD`, so they compare as strings.
pub fn future_notice(bundle: &Bundle, today: &str) -> Html {
    let Some(effective) = bundle.meta.effective_date.as_deref().filter(|d| *d > today) else {
        return Html::default();
    };
    let labels = &bundle.config.labels;
    let label = if shown(bundle) { labels.changes_take_effect() } else { labels.takes_effect() };
    html! { <p class="pp-notice" role="note">{ dated(label, effective, bundle) }</p> }
}

/// Today's date in UTC, `YYYY-MM-DD`: the reader's clock in the browser
/// (`toISOString`'s first ten characters), the system's natively (the
/// page's HTML, tests). UTC rather than the reader's zone: a notice that
/// lasts a few hours past midnight is no harm, and the browser's one call is
/// less code than the `Date` methods for the parts.
#[cfg(target_arch = "wasm32")]
pub fn today() -> String {
    String::from(js_sys::Date::new_0().to_iso_string()).chars().take(10).collect()
}

/// Today's date in UTC, `YYYY-MM-DD`, by the system's clock.
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> String {
    let since_1970 = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    date_of(since_1970.map_or(0.0, |d| d.as_millis() as f64))
}

/// Milliseconds since 1970 (UTC) as `YYYY-MM-DD`.
#[cfg(not(target_arch = "wasm32"))]
fn date_of(millis: f64) -> String {
    // Days since 1970 to a civil date (Howard Hinnant's `civil_from_days`).
    let z = (millis / 86_400_000.0) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn a_clock_reading_is_its_date() {
        assert_eq!(super::date_of(0.0), "1970-01-01");
        assert_eq!(super::date_of(951_782_400_000.0), "2000-02-29");
        assert_eq!(super::date_of(1_798_761_540_000.0), "2026-12-31");
        assert!(super::today().as_str() > "2026-12-06");
    }
}
