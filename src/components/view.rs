//! `PolicyView`: a loaded, validated bundle on screen.

use std::rc::Rc;

use yew::prelude::*;

use super::blocks::blocks;
use super::changes;
use super::inline::{self, Ctx, Glossary, GlossaryTerms};
use super::parts::{contents, glossary, header};
use super::search_box::{search_box, SearchForm};
use super::search_session::{use_search, SearchSession};
use super::sections::{sections, Policy};
use super::state::{path_to, Action, Open};
use super::summary::{summary_panel, SummaryParts};
use super::toggle::flip;
use super::{use_bundle_effect, use_bundle_effect_when, Shared, AFTER_FIRST_PAINT_MS};
use crate::bundle::config::SummaryPosition;
use crate::bundle::{Bundle, Section};

/// [`PolicyView`]'s properties.
#[derive(Properties)]
pub struct Props {
    /// The bundle, its `config` already merged with the element's attributes.
    pub bundle: Rc<Bundle>,
    /// What the first render holds; the rest comes just after the first paint.
    #[prop_or_default]
    pub first_paint: FirstPaint,
}

/// What the view's first render holds. The embedded widget's first paint
/// comes sooner for leaving out what its first screen does not show: closed
/// sections' text (most of a policy's text), and on a long policy the
/// sections and contents entries after the first [`FIRST_SCREEN`]. The
/// resident first sees the header, the summary and the first headings.
#[derive(Clone, Copy, Default, PartialEq)]
pub enum FirstPaint {
    /// Everything: server rendering, and tests that read the DOM at once.
    #[default]
    Whole,
    /// Every section, closed ones without their text: the embedded widget
    /// when the page's URL links to a section ([`super::links_to_section`]).
    /// The view scrolls to it in an effect, and a section component created
    /// in the render before that effect had not yet rendered when it ran (Yew
    /// 0.23, in Chromium), so the scroll found nothing.
    Headings,
    /// The first screen, closed sections without their text: the embedded widget.
    FirstScreen,
}

/// One bundle is loaded once: the same bundle is the same `Rc`. Comparing by
/// identity here and in the hooks' dependencies ([`Shared`]) also keeps the
/// model's deep comparisons out of the wasm.
impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bundle, &other.bundle) && self.first_paint == other.first_paint
    }
}

/// A bundle on screen: header, search, quick summary, sections, glossary, with their state
/// (open sections, search, popovers). Give it a bundle that [`crate::bundle::read_json`]
/// accepted; it renders natively with Yew's server renderer as well as in the browser.
#[function_component(PolicyView)]
pub fn policy_view(props: &Props) -> Html {
    let bundle = &props.bundle;
    let config = &bundle.config;
    let labels = &config.labels;
    let open = {
        let bundle = bundle.clone();
        let whole = props.first_paint == FirstPaint::Whole;
        use_reducer(move || Open::initial(&bundle, bundle.config.initial, whole))
    };
    let per_bundle = {
        let dispatcher = open.dispatcher();
        use_memo(Shared(bundle.clone()), move |bundle| PerBundle::new(bundle, dispatcher))
    };
    let PerBundle { shared, all_ids, terms, dispatch, root, search: search_session } = &*per_bundle;
    let dispatch = dispatch.clone();
    let reveal = {
        let dispatch = dispatch.clone();
        let bundle = bundle.clone();
        Callback::from(move |id: String| {
            if let Some(path) = path_to(&bundle.sections, &id) {
                dispatch.emit(Action::Reveal(id, Rc::new(path)));
            }
        })
    };

    // In-widget links (`#section-id`: summary points, facts, contents, text
    // cross-references) open their section instead of jumping to a closed one.
    let onclick = {
        let reveal = reveal.clone();
        let bundle = bundle.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(id) = super::events::section_link_target(&e) else { return };
            if path_to(&bundle.sections, &id).is_some() {
                e.prevent_default();
                super::browser::push_hash(&id);
                reveal.emit(id);
            }
        })
    };

    {
        // The rest of the policy comes once the first paint is behind us.
        // Declared before the search, so its timer runs before the index build's.
        let dispatch = dispatch.clone();
        let waiting = !open.filled;
        use_bundle_effect(
            shared.clone(),
            Box::new(move || {
                let fill =
                    waiting.then(|| super::after(AFTER_FIRST_PAINT_MS, Box::new(move || dispatch.emit(Action::Fill))));
                Box::new(move || drop(fill))
            }),
        );
    }
    let search = use_search(search_session.clone(), root.clone());
    super::events::use_navigation(
        root.clone(),
        shared.clone(),
        reveal.clone(),
        dispatch.clone(),
        search.search_for.clone(),
    );
    {
        let root = root.clone();
        let focus = open.focus.clone();
        use_bundle_effect_when(
            shared.clone(),
            open.focus_seq,
            Box::new(move || {
                if let (Some(root), Some(id)) = (root.cast::<web_sys::Element>(), focus) {
                    super::browser::bring_into_view(&root, &id);
                }
                Box::new(|| ())
            }),
        );
    }

    let level = config.heading_level;
    let show = &config.show;
    let total = all_ids.len();
    let all_open = open.all_open(total);
    let toggle_all = {
        let dispatch = dispatch.clone();
        let all_ids = all_ids.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(if all_open { Action::CollapseAll } else { Action::ExpandAll(all_ids.clone()) })
        })
    };

    let part = |part: Part| html! { <BundlePart bundle={shared.clone()} terms={terms.clone()} {part} {level} /> };
    let policy =
        Policy { bundle: shared.clone(), terms: terms.clone(), dispatch: dispatch.clone(), filled: open.filled };
    // Every section and contents entry, or the first screen's.
    let all_listed = open.filled || props.first_paint != FirstPaint::FirstScreen;

    html! {
        <div class="pp" lang={bundle.meta.language.clone()} ref={root.clone()} {onclick}>
            { part(Part::Header) }
            if show.search {
                { search_box(SearchForm {
                    labels,
                    value: search.typed.clone(),
                    status: search.status.clone(),
                    suggestions: &search.results.suggestions,
                    on_search: search.search_for.clone(),
                    on_step: search.on_step.clone(),
                    has_matches: !search.results.hits.is_empty(),
                }) }
            }
            if config.summary_position == SummaryPosition::Start { { part(Part::Summary) } }
            { part(Part::Opening { all_listed }) }
            <div class="pp-controls">
                <button type="button" class="pp-toggle-all" aria-expanded={all_open.to_string()} onclick={toggle_all}>
                    { if all_open { labels.collapse_all().clone() } else { labels.expand_all().clone() } }
                </button>
            </div>
            <div class="pp-sections">
                { sections(&policy, first_screen(&bundle.sections, all_listed), &[], &open, &search_session.marks(), level + 1) }
            </div>
            { part(Part::Glossary) }
            if config.summary_position == SummaryPosition::End { { part(Part::Summary) } }
        </div>
    }
}

/// The parts of the view that depend on the bundle alone. Each is a component
/// of its own with props that never change, so a keystroke in the search box
/// does not rebuild them: at 100 times Mass.gov's length the table of contents
/// alone is 1,800 links and the reading time a count over 2.6 MB of text.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Header,
    /// The quick-summary panel (with its own open or closed state).
    Summary,
    /// Front matter, introduction and table of contents (every entry once
    /// `all_listed`, see [`first_screen`]).
    Opening {
        all_listed: bool,
    },
    Glossary,
}

#[derive(Properties, PartialEq)]
struct PartProps {
    bundle: Shared<Bundle>,
    terms: Shared<GlossaryTerms>,
    part: Part,
    level: u8,
}

#[function_component(BundlePart)]
fn bundle_part(props: &PartProps) -> Html {
    // Whether the reader toggled this part's disclosure: closed the summary
    // (open at first), opened what changed (closed at first). The other parts
    // keep no state. Hooks start from named `default` functions, here and
    // elsewhere, rather than closures: each distinct initialiser is another
    // copy of Yew's hook code in the wasm, and a shared one is linked once.
    let toggled = use_state(bool::default);
    let (bundle, level) = (&*props.bundle, props.level);
    let config = &bundle.config;
    let show = &config.show;
    let del = Ctx::unmarked(&config.labels);
    let intro_terms = Glossary::new(&props.terms, "pp-intro");
    let intro = Ctx { glossary: Some(&intro_terms), ..del };
    match props.part {
        Part::Header => {
            let shown = changes::shown(bundle);
            let button = if shown { changes::button(bundle, *toggled, flip(&toggled)) } else { Html::default() };
            html! {
                <>
                    { header(bundle, level, button) }
                    { changes::future_notice(bundle, &changes::today()) }
                    if shown { { changes::panel(bundle, level + 1, *toggled) } }
                </>
            }
        }
        Part::Summary if SummaryParts::of(bundle).any() => summary_panel(bundle, level + 1, &toggled),
        Part::Summary => Html::default(),
        Part::Opening { all_listed } => html! {
            <>
                if show.front_matter {
                    { for bundle.front_matter.iter().map(|f| html! {
                        <details class="pp-front">
                            <summary>{ inline::text(&f.title, del) }</summary>
                            { blocks(&f.blocks, del, level + 2) }
                        </details>
                    }) }
                }
                if !bundle.intro.is_empty() {
                    <div class="pp-intro">{ blocks(&bundle.intro, intro, level + 1) }</div>
                }
                if show.contents && bundle.sections.len() > 1 {
                    { contents(bundle, first_screen(&bundle.sections, all_listed), level + 1) }
                }
            </>
        },
        Part::Glossary if show.glossary && !bundle.definitions.is_empty() => glossary(bundle, level + 1),
        Part::Glossary => Html::default(),
    }
}

/// Top-level sections in the embedded widget's first paint, and entries in
/// its table of contents: more headings than the tallest screen shows (each
/// is a line or two). The rest come just after the first paint, below what
/// the resident sees, with closed sections' text. At 100 times Mass.gov
/// 2016's length (1,500 sections, 1,800 contents entries) the first paint
/// came 41 % sooner (docs/performance.md); a real policy has fewer sections.
const FIRST_SCREEN: usize = 24;

/// `sections`, or the first of them while the view shows only its first
/// screen (`all` false).
fn first_screen(sections: &[Section], all: bool) -> &[Section] {
    if all {
        sections
    } else {
        &sections[..sections.len().min(FIRST_SCREEN)]
    }
}

/// What the view works out once per bundle, in one memo rather than one per
/// value (each memo of another type is more of Yew's hook code in the wasm).
struct PerBundle {
    shared: Shared<Bundle>,
    all_ids: Rc<Vec<String>>,
    terms: Shared<GlossaryTerms>,
    /// Changes to the open sections: stable across renders (sections compare
    /// it in their props).
    dispatch: Callback<Action>,
    /// The view's root element. Here rather than in `use_node_ref`: each hook
    /// of another type is more of Yew's hook code in the wasm.
    root: NodeRef,
    search: Rc<SearchSession>,
}

impl PerBundle {
    fn new(bundle: &Shared<Bundle>, dispatcher: UseReducerDispatcher<Open>) -> Self {
        let all_ids: Rc<Vec<String>> = Rc::new(bundle.sections_flat().into_iter().map(|(_, s)| s.id.clone()).collect());
        let dispatch = Callback::from(move |action| dispatcher.dispatch(action));
        PerBundle {
            shared: bundle.clone(),
            all_ids: all_ids.clone(),
            // Terms are marked where the glossary is shown: a site that hides it wants none.
            terms: Shared(Rc::new(if bundle.config.show.glossary {
                GlossaryTerms::new(&bundle.definitions)
            } else {
                GlossaryTerms::default()
            })),
            dispatch: dispatch.clone(),
            root: NodeRef::default(),
            search: Rc::new(SearchSession::new(bundle.clone(), all_ids, dispatch)),
        }
    }
}
