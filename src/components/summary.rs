//! The quick-summary panel, a disclosure open by default: the key points, the
//! "at a glance" facts and whom to ask — the gist in ten seconds.

use yew::prelude::*;

use super::facts::facts;
use super::heading::heading;
use super::inline::{self, Ctx};
use super::Shared;
use crate::bundle::{Bundle, Contact};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub bundle: Shared<Bundle>,
    pub level: u8,
}

#[function_component(SummaryPanel)]
pub fn summary_panel(props: &Props) -> Html {
    let expanded = use_state(|| true);
    let bundle = &props.bundle;
    let labels = &bundle.config.labels;
    let show = &bundle.config.show;
    let del = Ctx::unmarked(labels);
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    let button = html! {
        <button type="button" id="pp-summary-button" class="pp-toggle" aria-expanded={expanded.to_string()} aria-controls="pp-summary-panel" onclick={toggle}>
            <span class="pp-toggle-text">{ labels.summary_heading.clone() }</span>
            <svg class="pp-chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
            </svg>
        </button>
    };
    html! {
        <section class="pp-summary" aria-labelledby="pp-summary-button">
            { heading(props.level, "pp-summary-heading", None, button) }
            <div id="pp-summary-panel" class="pp-summary-panel" hidden={!*expanded}>
                if show.summary && !bundle.summary.is_empty() {
                    <ul class="pp-points">
                        { for bundle.summary.iter().map(|p| html! {
                            <li>
                                { inline::text(&p.text, del) }
                                if let Some(s) = bundle.section(&p.section) {
                                    { " " }
                                    <a class="pp-point-source" href={format!("#{}", s.id)} data-section={s.id.clone()}>
                                        { inline::text(&s.title, del) }
                                    </a>
                                }
                            </li>
                        }) }
                    </ul>
                }
                if show.facts && !bundle.facts.is_empty() {
                    { heading(props.level + 1, "pp-subheading", None, html! { { labels.facts_heading.clone() } }) }
                    { facts(bundle) }
                }
                if show.contacts && !bundle.contacts.is_empty() {
                    { heading(props.level + 1, "pp-subheading", None, html! { { labels.contacts_heading.clone() } }) }
                    <ul class="pp-contacts">{ for bundle.contacts.iter().map(|c| contact(c, bundle)) }</ul>
                }
            </div>
        </section>
    }
}

fn contact(c: &Contact, bundle: &Bundle) -> Html {
    let labels = &bundle.config.labels;
    html! {
        <li class="pp-contact">
            <span class="pp-contact-label">{ inline::text(&c.label, Ctx::unmarked(labels)) }</span>
            if let Some(email) = &c.email {
                <span>{ format!("{}: ", labels.contact_email) }<a href={format!("mailto:{email}")}>{ email.clone() }</a></span>
            }
            if let Some(phone) = &c.phone {
                <span>{ format!("{}: ", labels.contact_phone) }<a href={format!("tel:{}", phone.replace(|ch: char| !ch.is_ascii_digit() && ch != '+', ""))}>{ phone.clone() }</a></span>
            }
            if let Some(url) = &c.url {
                <span>{ format!("{}: ", labels.contact_web) }<a href={url.clone()} rel="noopener noreferrer">{ url.clone() }</a></span>
            }
            if let Some(address) = &c.address {
                <span>{ format!("{}: ", labels.contact_address) }{ inline::text(address, Ctx::unmarked(labels)) }</span>
            }
        </li>
    }
}
