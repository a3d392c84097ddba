//! The quick-summary panel, a disclosure open by default: the key points, the
//! "at a glance" facts and whom to ask — the gist in ten seconds.
//!
//! A function of the view's bundle part that keeps whether it is open, not a
//! component of its own: a component type costs the wasm Yew's lifecycle code
//! for it.

use yew::prelude::*;

use super::facts::facts;
use super::heading::heading;
use super::inline::{self, Ctx};
use super::toggle::{flip, toggle_button};
use crate::bundle::{Bundle, Contact};

/// Which parts of the quick summary show: each switched on in the config and
/// not empty. With none there is no summary at all, in the widget or in the
/// page's HTML: a disclosure that opens nothing is a control for nothing.
#[derive(Clone, Copy)]
pub struct SummaryParts {
    pub points: bool,
    pub facts: bool,
    pub contacts: bool,
}

impl SummaryParts {
    pub fn of(bundle: &Bundle) -> Self {
        let show = &bundle.config.show;
        SummaryParts {
            points: show.summary && !bundle.summary.is_empty(),
            facts: show.facts && !bundle.facts.is_empty(),
            contacts: show.contacts && !bundle.contacts.is_empty(),
        }
    }

    pub fn any(self) -> bool {
        self.points || self.facts || self.contacts
    }
}

/// The panel, its heading at `level`; `collapsed` is whether the reader closed it.
pub fn summary_panel(bundle: &Bundle, level: u8, collapsed: &UseStateHandle<bool>) -> Html {
    let labels = &bundle.config.labels;
    let parts = SummaryParts::of(bundle);
    let del = Ctx::unmarked(labels);
    let toggle = flip(collapsed);
    let label = html! { { labels.summary_heading().clone() } };
    let button = toggle_button("pp-summary-button".into(), "pp-summary-panel".into(), !**collapsed, label, toggle);
    html! {
        <section class="pp-summary" aria-labelledby="pp-summary-button">
            { heading(level, "pp-summary-heading", None, button) }
            <div id="pp-summary-panel" class="pp-summary-panel" hidden={**collapsed}>
                if parts.points {
                    <ul class="pp-points">
                        { for bundle.summary.iter().map(|p| html! {
                            <li>
                                { inline::text(&p.text, del) }
                                if let Some(s) = bundle.section(&p.section) {
                                    { " " }
                                    { inline::section_link(Some("pp-point-source"), s, del) }
                                }
                            </li>
                        }) }
                    </ul>
                }
                if parts.facts {
                    { heading(level + 1, "pp-subheading", None, html! { { labels.facts_heading().clone() } }) }
                    { facts(bundle) }
                }
                if parts.contacts {
                    { heading(level + 1, "pp-subheading", None, html! { { labels.contacts_heading().clone() } }) }
                    <ul class="pp-contacts">{ for bundle.contacts.iter().map(|c| contact(c, bundle)) }</ul>
                }
            </div>
        </section>
    }
}

fn contact(c: &Contact, bundle: &Bundle) -> Html {
    html! { <li class="pp-contact">{ for contact_parts(c, bundle) }</li> }
}

/// A contact's name, then each way to reach it, one element each.
pub(super) fn contact_parts(c: &Contact, bundle: &Bundle) -> Vec<Html> {
    let labels = &bundle.config.labels;
    let ctx = Ctx::unmarked(labels);
    let phone_link =
        |phone: &String| format!("tel:{}", phone.replace(|ch: char| !ch.is_ascii_digit() && ch != '+', ""));
    let mut parts = vec![html! { <span class="pp-contact-label">{ inline::text(&c.label, ctx) }</span> }];
    parts.extend(c.email.as_ref().map(|e| way(labels.contact_email(), link(format!("mailto:{e}"), e, None))));
    parts.extend(c.phone.as_ref().map(|p| way(labels.contact_phone(), link(phone_link(p), p, None))));
    parts.extend(c.url.as_ref().map(|u| way(labels.contact_web(), link(u.clone(), u, Some("noopener noreferrer")))));
    parts.extend(c.address.as_ref().map(|a| way(labels.contact_address(), inline::text(a, ctx))));
    parts
}

/// One way to reach a contact: "Email: …".
fn way(label: &str, value: Html) -> Html {
    html! { <span>{ format!("{label}: ") }{ value }</span> }
}

fn link(href: String, shown: &str, rel: Option<&'static str>) -> Html {
    html! { <a {href} {rel}>{ shown.to_owned() }</a> }
}
