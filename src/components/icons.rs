//! Inline SVG icons for the "at a glance" cards. Decorative: the card's words
//! carry the meaning, so each icon is hidden from assistive technology.

use yew::prelude::*;

use crate::bundle::FactKind;

/// One 24×24 outline path per fact kind, drawn with `currentColor`.
fn path(kind: FactKind) -> &'static str {
    match kind {
        // A hand-written form.
        FactKind::CollectsVoluntary => "M6 3h9l3 3v15H6z M9 9h6 M9 13h6 M9 17h4",
        // A gauge: collected as you browse.
        FactKind::CollectsAutomatic => "M4 16a8 8 0 0 1 16 0 M12 16l4-5 M3 19h18",
        // A cookie with chips.
        FactKind::Cookies => "M12 3a9 9 0 1 0 9 9 3 3 0 0 1-4-4 3 3 0 0 1-5-5z M8 12h.01 M12 16h.01 M15 13h.01",
        // Linked boxes: other companies' tools.
        FactKind::ThirdPartyTools => "M4 4h7v7H4z M13 13h7v7h-7z M11 7h4a2 2 0 0 1 2 2v4",
        // A price tag.
        FactKind::SellsData => "M3 12V4h8l10 10-8 8z M7.5 7.5h.01",
        // A folder of records.
        FactKind::PublicRecords => "M3 6h6l2 2h10v11H3z M7 13h10",
        // People: shared with.
        FactKind::SharesWithAgencies => {
            "M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M2 20a6 6 0 0 1 12 0 M16 11a3 3 0 1 0 0-6 M18 20a6 6 0 0 0-3-5"
        }
        // A shield.
        FactKind::Security => "M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z",
        // An envelope with an open lock.
        FactKind::EmailNotEncrypted => "M3 6h18v12H3z M3 6l9 7 9-7",
        // A clock.
        FactKind::Retention => "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M12 7v5l3 3",
        // A small person.
        FactKind::Children => "M12 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M7 21l2-9h6l2 9 M9 15h6",
        // A key.
        FactKind::AccessRights => "M8 15a4 4 0 1 1 3-6.5L21 8.5V12h-3v3h-3l-1.5-1.5A4 4 0 0 1 8 15z",
        // A bell: you will be told.
        FactKind::PolicyChanges => "M6 17V11a6 6 0 0 1 12 0v6l2 2H4z M10 21h4",
        // A speech bubble.
        FactKind::Contact => "M4 5h16v11H9l-5 4z",
    }
}

pub fn fact_icon(kind: FactKind) -> Html {
    html! {
        <svg class="pp-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d={path(kind)} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}
