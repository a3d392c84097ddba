//! The policy's sections as a WAI-ARIA accordion: each heading holds one button
//! (`aria-expanded`, `aria-controls`); a closed panel is `hidden="until-found"`
//! so the browser's find-in-page still reaches its text and opens it.

use yew::prelude::*;
use yew::virtual_dom::VTag;

use super::blocks::blocks;
use super::copy_link::CopyLink;
use super::heading::heading;
use super::inline::{self, Ctx};
use super::state::{Action, Open};
use crate::bundle::Section;

pub struct Accordion<'a> {
    pub open: &'a Open,
    pub ctx: Ctx<'a>,
    pub dispatch: Callback<Action>,
}

impl Accordion<'_> {
    pub fn sections(&self, sections: &[Section], level: u8) -> Html {
        sections.iter().map(|s| self.section(s, level)).collect()
    }

    fn section(&self, section: &Section, level: u8) -> Html {
        let id = section.id.clone();
        let is_open = self.open.is_open(&id);
        let toggle = {
            let dispatch = self.dispatch.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::Toggle(id.clone())))
        };
        let button_id = format!("{id}-button");
        let panel_id = format!("{id}-panel");
        let title = html! {
            <button type="button" id={button_id.clone()} class="pp-toggle"
                aria-expanded={is_open.to_string()} aria-controls={panel_id.clone()} onclick={toggle}>
                <span class="pp-toggle-text">{ inline::text(&section.title, self.ctx) }</span>
                <svg class="pp-chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                    <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
                </svg>
            </button>
        };
        let content = html! {
            <>
                { blocks(&section.blocks, self.ctx, level + 1) }
                { self.sections(&section.sections, level + 1) }
                <CopyLink id={id.clone()} label={self.ctx.labels.copy_link.clone()} done={self.ctx.labels.link_copied.clone()} />
            </>
        };
        html! {
            <section class="pp-section" id={id.clone()}>
                { heading(level, "pp-section-heading", None, title) }
                { panel(&panel_id, is_open, content) }
            </section>
        }
    }
}

/// The panel element. Built by hand because the `html!` macro treats `hidden`
/// as a boolean, and a closed panel needs the value `until-found`.
fn panel(id: &str, open: bool, content: Html) -> Html {
    let mut tag = VTag::new("div");
    tag.add_attribute("id", id.to_owned());
    tag.add_attribute("class", "pp-panel");
    tag.add_attribute("data-section-panel", "");
    if !open {
        tag.add_attribute("hidden", "until-found");
    }
    tag.add_child(content);
    tag.into()
}
