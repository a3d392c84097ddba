//! The "at a glance" cards: a fact in plain words, an icon, and a link to the
//! section it comes from.

use yew::prelude::*;

use super::icons::fact_icon;
use super::inline::{self, Ctx};
use crate::bundle::config::Labels;
use crate::bundle::{Bundle, FactKind};

pub fn fact_label(kind: FactKind, labels: &Labels) -> &str {
    match kind {
        FactKind::CollectsVoluntary => labels.fact_collects_voluntary(),
        FactKind::CollectsAutomatic => labels.fact_collects_automatic(),
        FactKind::Cookies => labels.fact_cookies(),
        FactKind::ThirdPartyTools => labels.fact_third_party_tools(),
        FactKind::SellsData => labels.fact_sells_data(),
        FactKind::PublicRecords => labels.fact_public_records(),
        FactKind::SharesWithAgencies => labels.fact_shares_with_agencies(),
        FactKind::Security => labels.fact_security(),
        FactKind::EmailNotEncrypted => labels.fact_email_not_encrypted(),
        FactKind::Retention => labels.fact_retention(),
        FactKind::Children => labels.fact_children(),
        FactKind::AccessRights => labels.fact_access_rights(),
        FactKind::PolicyChanges => labels.fact_policy_changes(),
        FactKind::Contact => labels.fact_contact(),
    }
}

pub fn facts(bundle: &Bundle) -> Html {
    let labels = &bundle.config.labels;
    let del = Ctx::unmarked(labels);
    html! {
        <ul class="pp-facts">
            { for bundle.facts.iter().map(|f| {
                let section = bundle.section(&f.section);
                html! {
                    <li class="pp-fact">
                        { fact_icon(f.kind) }
                        <span class="pp-fact-label">{ fact_label(f.kind, labels).to_owned() }</span>
                        <span class="pp-fact-value">{ inline::text(&f.value, del) }</span>
                        if let Some(s) = section {
                            { inline::section_link(Some("pp-fact-source"), s, del) }
                        }
                    </li>
                }
            }) }
        </ul>
    }
}
