//! The policy's sections as a WAI-ARIA accordion: each heading holds one button
//! (`aria-expanded`, `aria-controls`); a closed panel is `hidden="until-found"`
//! so the browser's find-in-page still reaches its text and opens it.
//!
//! Each section is its own component with cheap-to-compare props, so a
//! keystroke in the search box re-renders only the sections whose matches or
//! open state changed — not the whole policy.

use std::rc::Rc;

use yew::prelude::*;

use super::blocks::blocks;
use super::changes;
use super::copy_link::copy_link;
use super::element::element;
use super::heading::heading;
use super::inline::{self, Ctx, Glossary, GlossaryTerms};
use super::state::{Action, Open};
use super::toggle::toggle_button;
use super::turns::Marks;
use super::Shared;
use crate::bundle::{Bundle, Section};
use crate::search::Highlighter;

/// What every section gets from the view: cheap to compare (by identity), and
/// it changes once at most per bundle (`filled`), so it does not make a
/// section re-render as the resident types.
#[derive(Clone, PartialEq)]
pub struct Policy {
    pub bundle: Shared<Bundle>,
    /// Passed down rather than through a Yew context: a context is one more
    /// component type in the wasm and a subscription per section.
    pub terms: Shared<GlossaryTerms>,
    pub dispatch: Callback<Action>,
    /// Whether closed panels hold their text: not until the embedded widget's
    /// first paint, which then comes sooner (by 15–60 ms at Mass.gov 2016's
    /// length, by a third of a second at 100 times it). The text is there for
    /// find-in-page (`hidden="until-found"`) and print once the page shows.
    /// Until then the view may also leave out the sections below the first
    /// screen (`view::FirstPaint`).
    pub filled: bool,
}

/// The sections at one level of the tree; `path` is where that level stands
/// (the indices of its ancestors in the bundle).
pub fn sections(policy: &Policy, list: &[Section], path: &[usize], open: &Open, marks: &Marks, level: u8) -> Html {
    list.iter()
        .enumerate()
        .map(|(i, s)| {
            // What a section shows depends only on these props: equal props, no
            // re-render. Each gets only its own subtree's open ids and marks,
            // so typing re-renders only the sections whose marks changed.
            let subtree = Bundle::flatten(std::slice::from_ref(s));
            let open_ids =
                Rc::new(subtree.iter().filter(|(_, x)| open.is_open(&x.id)).map(|(_, x)| x.id.clone()).collect());
            // An empty highlighter is a section whose marks a search took off.
            let marked = |id: &String| marks.get(id).filter(|m| !m.is_empty()).map(|m| (id.clone(), m.clone()));
            let marks = Rc::new(subtree.iter().filter_map(|(_, x)| marked(&x.id)).collect());
            let path: Rc<[usize]> = path.iter().copied().chain([i]).collect();
            html! {
                <SectionView key={s.id.clone()} policy={policy.clone()} {path} {level} {open_ids} {marks} />
            }
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub policy: Policy,
    /// Where the section stands: indices from the top level down (a lookup by
    /// id would walk the whole tree for each of a long policy's sections).
    pub path: Rc<[usize]>,
    pub level: u8,
    /// Open sections in this section's subtree (itself included).
    pub open_ids: Rc<Vec<String>>,
    /// The search's marks for the sections of this subtree it matched.
    pub marks: Rc<Vec<(String, Rc<Highlighter>)>>,
}

#[function_component(SectionView)]
pub fn section_view(props: &SectionProps) -> Html {
    // Whether this section's link was copied (its "copy link" control says so).
    let copied = use_state(bool::default);
    let policy = &props.policy;
    let bundle = &policy.bundle;
    let Some(section) = bundle.section_at(&props.path) else { return Html::default() };
    let labels = &bundle.config.labels;
    let id = section.id.clone();
    let marks: Marks = props.marks.iter().cloned().collect();
    let none = Rc::new(Highlighter::default());
    let highlighter = marks.get(&id).unwrap_or(&none);
    let glossary = Glossary::new(&policy.terms, &id);
    let ctx = Ctx { labels, highlighter, glossary: Some(&glossary) };
    let is_open = props.open_ids.contains(&id);
    let toggle = {
        let dispatch = policy.dispatch.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Toggle(id.clone())))
    };
    let button_id = format!("{id}-button");
    let panel_id = format!("{id}-panel");
    let level = props.level;
    let label = inline::text(&section.title, ctx.without_terms());
    let title = toggle_button(button_id, panel_id.clone(), is_open, label, toggle);
    let open = Open::only(props.open_ids.iter().cloned());
    let content = if is_open || policy.filled {
        html! {
            <>
                { changes::section_note(bundle, &id) }
                { blocks(&section.blocks, ctx, level + 1) }
                { sections(policy, &section.sections, &props.path, &open, &marks, level + 1) }
                { copy_link(&id, labels, &copied) }
            </>
        }
    } else {
        Html::default()
    };
    html! {
        <section class="pp-section" id={id.clone()}>
            { heading(level, "pp-section-heading", None, title) }
            { panel(&panel_id, is_open, content) }
        </section>
    }
}

/// The panel element: a closed one is `hidden="until-found"`.
fn panel(id: &str, open: bool, content: Html) -> Html {
    let keys = &["id", "class", "data-section-panel", "hidden"];
    let hidden = (!open).then_some(AttrValue::Static("until-found"));
    element("div", keys, [Some(id.to_owned().into()), Some("pp-panel".into()), Some("".into()), hidden], content)
}
