//! The sections as the importer found them, in reading order and indented by
//! level: each title to rename, and a section to promote, demote or merge
//! into the one before it where the importer read a heading wrong.

use yew::prelude::*;

use super::edit::{paths, Edit, OutlineChange};
use super::fields::{field_id, Control, Field};
use super::review::Ctx;
use crate::bundle::{inline, Block, Bundle};

/// The first words of a section's text, to tell sections apart.
fn opening(blocks: &[Block]) -> String {
    let text = blocks.iter().find_map(|b| match b {
        Block::Paragraph { text } => Some(text.as_str()),
        Block::List(list) => list.items.first().map(|i| i.text.as_str()),
        _ => None,
    });
    let plain = inline::plain(text.unwrap_or_default());
    match plain.char_indices().nth(90) {
        Some((cut, _)) => format!("{}…", &plain[..cut]),
        None => plain,
    }
}

/// The JSON path of a section at `path` (indices from the top).
fn json_path(path: &[usize]) -> String {
    path.iter().map(|i| format!("sections[{i}]")).collect::<Vec<_>>().join(".")
}

pub fn outline(bundle: &Bundle, ctx: &Ctx) -> Html {
    let flat = bundle.sections_flat();
    let all = paths(&bundle.sections);
    html! {
        <section class="part" aria-labelledby="part-sections">
            <h3 id="part-sections">{ "Sections" }</h3>
            <p class="hint">{ "Rename a section, or fix a heading the importer read wrong: promote or demote it a level, or merge it into the section above (its title becomes a paragraph there, or completes that title when the section above has no text)." }</p>
            <ol class="outline">
                { for flat.iter().zip(&all).enumerate().map(|(n, ((depth, section), path))| {
                    let key = &section.id;
                    let button = |change: OutlineChange, text: &str, possible: bool, focus: String| {
                        let id = format!("outline-{key}-{}", text.to_lowercase().replace(' ', "-"));
                        let onclick = possible.then(|| ctx.on_click(Edit::Outline(n, change), focus));
                        html! {
                            <button type="button" {id} aria-disabled={(!possible).then_some("true")} {onclick}
                                aria-label={format!("{text}: {}", inline::plain(&section.title))}>{ text }</button>
                        }
                    };
                    let before = n.checked_sub(1).map(|b| flat[b].1.id.clone());
                    let title = Field {
                        path: format!("{}.title", json_path(path)),
                        label: "Title",
                        hint: None,
                        value: &section.title,
                        control: Control::Line,
                        problems: ctx.problems,
                        on_change: ctx.on_edit(move |v| Edit::SectionTitle(n, v)),
                    };
                    html! {
                        <li id={field_id(&json_path(path))} class={format!("depth-{}", depth.min(&5))}>
                            <fieldset>
                                <legend>{ format!("Level {} · #{}", depth + 1, section.id) }</legend>
                                { title.render() }
                                <p class="opening">{ opening(&section.blocks) }</p>
                                <div class="item-actions">
                                    { button(OutlineChange::Promote, "Promote", *depth > 0, format!("outline-{key}-promote")) }
                                    { button(OutlineChange::Demote, "Demote", path.last() != Some(&0), format!("outline-{key}-demote")) }
                                    { button(OutlineChange::MergeUp, "Merge up", before.is_some(),
                                        before.as_ref().map(|b| format!("outline-{b}-merge-up")).unwrap_or_default()) }
                                </div>
                            </fieldset>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
