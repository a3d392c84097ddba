//! The policy as plain HTML for the host page itself, inside `<privacy-policy>`:
//! what `policy-widget render` writes. The page shows it as soon as a static
//! page would show the policy, before the widget's script and wasm have run,
//! and instead of the widget wherever they do not run (scripts off, a blocked
//! wasm, a crawler that reads HTML). The widget takes its place once it shows
//! the policy (`embed`), and keeps it on screen if the bundle fails to load.
//!
//! Every text of the bundle the widget shows is here, as text nodes (Yew's
//! server renderer escapes them), with the widget's own block rendering. It is
//! read without the widget's stylesheet, under the page's theme, so it holds
//! only plain HTML: headings at the element's level, sections as `<section>`
//! with their ids (a deep link works before the script runs) and no other ids
//! (two policies on one page must not clash), no controls, no icons and no
//! glossary popovers.

use std::rc::Rc;

use yew::prelude::*;

use super::blocks::blocks;
use super::facts::fact_label;
use super::heading::heading;
use super::inline::{self, Ctx};
use super::parts::{definitions, meta_line};
use super::summary::{contact_parts, SummaryParts};
use crate::bundle::{Bundle, Section};

#[derive(Properties)]
pub struct FallbackProps {
    /// The bundle, its `config` already merged with the element's attributes.
    pub bundle: Rc<Bundle>,
}

impl PartialEq for FallbackProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bundle, &other.bundle)
    }
}

#[function_component(Fallback)]
pub fn fallback(props: &FallbackProps) -> Html {
    let bundle = &*props.bundle;
    let (config, level) = (&bundle.config, bundle.config.heading_level);
    let (labels, show) = (&config.labels, &config.show);
    let parts = SummaryParts::of(bundle);
    let ctx = Ctx::unmarked(labels);
    let subheading = |text: &str| heading(level + 2, "pp-subheading", None, html! { { text.to_owned() } });
    html! {
        <article class="pp-fallback" lang={bundle.meta.language.clone()}>
            <header>
                { heading(level, "pp-title", None, inline::text(&bundle.meta.title, ctx)) }
                <p>{ joined(meta_line(bundle)) }</p>
            </header>
            if show.front_matter {
                { for bundle.front_matter.iter().map(|f| html! {
                    <section class="pp-front">
                        { heading(level + 1, "pp-front-title", None, inline::text(&f.title, ctx)) }
                        { blocks(&f.blocks, ctx, level + 2) }
                    </section>
                }) }
            }
            if parts.any() {
                <section class="pp-summary">
                    { heading(level + 1, "pp-summary-heading", None, html! { { labels.summary_heading().clone() } }) }
                    if parts.points {
                        <ul>
                            { for bundle.summary.iter().map(|p| html! {
                                <li>
                                    { inline::text(&p.text, ctx) }
                                    if let Some(s) = bundle.section(&p.section) {
                                        { " (" }{ inline::section_link(None, s, ctx) }{ ")" }
                                    }
                                </li>
                            }) }
                        </ul>
                    }
                    if parts.facts {
                        { subheading(labels.facts_heading()) }
                        <dl>
                            { for bundle.facts.iter().map(|f| html! {
                                <div>
                                    <dt>{ fact_label(f.kind, labels).to_owned() }</dt>
                                    <dd>{ inline::text(&f.value, ctx) }</dd>
                                </div>
                            }) }
                        </dl>
                    }
                    if parts.contacts {
                        { subheading(labels.contacts_heading()) }
                        <ul>{ for bundle.contacts.iter().map(|c| html! { <li>{ joined(contact_parts(c, bundle)) }</li> }) }</ul>
                    }
                </section>
            }
            { blocks(&bundle.intro, ctx, level + 1) }
            { sections(&bundle.sections, ctx, level + 1) }
            if show.glossary && !bundle.definitions.is_empty() {
                <section class="pp-glossary">
                    { heading(level + 1, "pp-panel-heading", None, html! { { labels.glossary_heading().clone() } }) }
                    { definitions(bundle) }
                </section>
            }
        </article>
    }
}

/// Parts that the widget's stylesheet sets apart, set apart in text: " · ".
fn joined(parts: Vec<Html>) -> Html {
    let mut out = Vec::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push(html! { { " · " } });
        }
        out.push(part);
    }
    out.into_iter().collect()
}

fn sections(list: &[Section], ctx: Ctx, level: u8) -> Html {
    list.iter()
        .map(|s| {
            html! {
                <section id={s.id.clone()}>
                    { heading(level, "pp-section-title", None, inline::text(&s.title, ctx)) }
                    { blocks(&s.blocks, ctx, level + 1) }
                    { sections(&s.sections, ctx, level + 1) }
                </section>
            }
        })
        .collect()
}

/// The fallback's markup (Yew's server renderer). Awaited: in the browser
/// and in Node, the renderer's work runs on the page's task queue, which a
/// blocking wait would never let run.
pub async fn render(bundle: Bundle) -> String {
    let renderer = yew::LocalServerRenderer::<Fallback>::with_props(FallbackProps { bundle: Rc::new(bundle) });
    renderer.hydratable(false).render().await
}

/// The `<privacy-policy>` element for a page, loading the bundle from `src`
/// with `attributes` set, and the policy inside it as HTML: what
/// `policy-widget render` prints and the studio copies. The HTML follows the
/// attributes as the widget does; what they could not set comes back as warnings.
pub async fn element(mut bundle: Bundle, src: &str, attributes: &[(&str, &str)]) -> (String, Vec<String>) {
    let warnings = bundle.config.apply_attributes(attributes.iter().copied());
    let mut element = format!("<privacy-policy src=\"{}\"", attribute_value(src));
    for (name, value) in attributes {
        element.push_str(&format!(" {name}=\"{}\"", attribute_value(value)));
    }
    (format!("{element}>\n{}\n</privacy-policy>\n", render(bundle).await), warnings)
}

/// Text as a double-quoted HTML attribute value.
fn attribute_value(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
}
