//! The parts of a policy that depend on the bundle alone: the header (title,
//! publisher, dates, reading time), the table of contents and the glossary.
//! The interactive view shows them, and so does the plain HTML of the page
//! (`fallback`), which has no controls and must not pull in the view's.

use yew::prelude::*;

use super::heading::heading;
use super::inline::{self, Ctx};
use crate::bundle::{Bundle, Section};

/// Words per minute for the reading-time estimate (adult silent reading).
const WORDS_PER_MINUTE: usize = 200;

/// The title and the line under it; `more` ends that line (the view's link
/// to what changed).
pub fn header(bundle: &Bundle, level: u8, more: Html) -> Html {
    let labels = &bundle.config.labels;
    html! {
        <header class="pp-header">
            { heading(level, "pp-title", None, inline::text(&bundle.meta.title, Ctx::unmarked(labels))) }
            <p class="pp-meta">{ for meta_line(bundle) }{ more }</p>
        </header>
    }
}

/// What the header says under the title: who publishes the policy, its dates
/// and its reading time, one `<span>` each.
pub fn meta_line(bundle: &Bundle) -> Vec<Html> {
    let meta = &bundle.meta;
    let labels = &bundle.config.labels;
    // The policy's own text: intro and sections, not the summary restating it.
    let mut words = 0;
    for block in bundle.intro.iter().chain(bundle.sections_flat().into_iter().flat_map(|(_, s)| s.blocks.iter())) {
        block.each_text(&mut |_, text| words += text.split_whitespace().count());
    }
    let minutes = words.div_ceil(WORDS_PER_MINUTE).max(1);
    let mut facts: Vec<Html> =
        vec![html! { <span>{ format!("{} {}", labels.published_by(), meta.publisher.name) }</span> }];
    let date = |label: &str, iso: &Option<String>| {
        iso.as_ref().map(|d| html! { <span>{ format!("{label} ") }<time datetime={d.clone()}>{ human_date(d, &meta.language) }</time></span> })
    };
    facts.extend(date(labels.effective(), &meta.effective_date));
    facts.extend(date(labels.updated(), &meta.updated_date));
    if bundle.config.show.reading_time {
        facts.push(html! { <span>{ labels.reading_time().replace("{minutes}", &minutes.to_string()) }</span> });
    }
    facts
}

/// `2022-07-11` → "July 11, 2022" in English; the ISO date elsewhere, which
/// every reader can parse (the bundle's labels carry no month names).
pub fn human_date(iso: &str, language: &str) -> String {
    // One string rather than a slice of them: smaller in the wasm.
    const MONTHS: &str = "January February March April May June July August September October November December";
    let parts: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
    match parts.as_slice() {
        [y, m @ 1..=12, d] if language == "en" || language.starts_with("en-") => {
            format!("{} {d}, {y}", MONTHS.split(' ').nth(*m as usize - 1).unwrap_or_default())
        }
        _ => iso.to_owned(),
    }
}

/// The table of contents of `sections` (the bundle's, or the first of
/// them), each changed or added section marked so.
pub fn contents(bundle: &Bundle, sections: &[Section], level: u8) -> Html {
    fn items(bundle: &Bundle, sections: &[Section], del: Ctx) -> Html {
        html! {
            <ol>
                { for sections.iter().map(|s| html! {
                    <li>
                        { inline::section_link(None, s, del) }
                        { super::changes::mark(bundle, &s.id) }
                        if !s.sections.is_empty() { { items(bundle, &s.sections, del) } }
                    </li>
                }) }
            </ol>
        }
    }
    let labels = &bundle.config.labels;
    html! {
        <nav class="pp-contents" aria-labelledby="pp-contents-heading">
            { heading(level, "pp-panel-heading", Some("pp-contents-heading".into()), html! { { labels.contents_heading().clone() } }) }
            { items(bundle, sections, Ctx::unmarked(labels)) }
        </nav>
    }
}

pub fn glossary(bundle: &Bundle, level: u8) -> Html {
    let labels = &bundle.config.labels;
    html! {
        <section class="pp-glossary" aria-labelledby="pp-glossary-heading">
            { heading(level, "pp-panel-heading", Some("pp-glossary-heading".into()), html! { { labels.glossary_heading().clone() } }) }
            { definitions(bundle) }
        </section>
    }
}

/// The glossary's terms (with their aliases) and definitions, as a description list.
pub fn definitions(bundle: &Bundle) -> Html {
    let del = Ctx::unmarked(&bundle.config.labels);
    html! {
        <dl>
            { for bundle.definitions.iter().map(|d| html! {
                <div class="pp-definition">
                    <dt>
                        { inline::text(&d.term, del) }
                        if !d.aliases.is_empty() { <span class="pp-aliases">{ format!(" ({})", d.aliases.join(", ")) }</span> }
                    </dt>
                    <dd>{ inline::text(&d.text, del) }</dd>
                </div>
            }) }
        </dl>
    }
}
