//! `PolicyView`: a loaded, validated bundle on screen.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::blocks::blocks;
use super::heading::heading;
use super::inline::{self, Ctx, Glossary, GlossaryTerms};
use super::search_box::{search_box, SearchForm};
use super::sections::{sections, Policy};
use super::state::{path_to, Action, Open};
use super::summary::{summary_panel, SummaryParts};
use super::turns::{Changes, Shown, FIRST_TURN, LATER_TURN, TURN_DELAY_MS};
use super::Shared;
use crate::bundle::config::{Labels, SummaryPosition};
use crate::bundle::{Bundle, Section};
use crate::search::{Index, Results};

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
    let PerBundle { shared, all_ids, terms, dispatch, root, timers, .. } = &*per_bundle;
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
        let effect: super::ViewEffect = Box::new(move |_| {
            let fill =
                waiting.then(|| super::after(AFTER_FIRST_PAINT_MS, Box::new(move || dispatch.emit(Action::Fill))));
            Box::new(move || drop(fill))
        });
        use_effect_with((shared.clone(), 0), effect);
    }
    let search = use_search(per_bundle.clone());
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
        let effect: super::ViewEffect = Box::new(move |_| {
            if let (Some(root), Some(id)) = (root.cast::<web_sys::Element>(), focus) {
                super::browser::bring_into_view(&root, &id);
            }
            Box::new(|| ())
        });
        use_effect_with((shared.clone(), open.focus_seq), effect);
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
                    { if all_open { labels.collapse_all.clone() } else { labels.expand_all.clone() } }
                </button>
            </div>
            <div class="pp-sections">
                { sections(&policy, first_screen(&bundle.sections, all_listed), &[], &open, &timers.borrow().shown.marks, level + 1) }
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
    // Whether the reader closed the summary panel; the other parts keep no
    // state. Hooks start from named `default` functions, here and elsewhere,
    // rather than closures: each distinct initialiser is another copy of Yew's
    // hook code in the wasm, and a shared one is linked once.
    let collapsed = use_state(bool::default);
    let (bundle, level) = (&*props.bundle, props.level);
    let config = &bundle.config;
    let show = &config.show;
    let del = Ctx::unmarked(&config.labels);
    let intro_terms = Glossary::new(&props.terms, "pp-intro");
    let intro = Ctx { glossary: Some(&intro_terms), ..del };
    match props.part {
        Part::Header => header(bundle, level),
        Part::Summary if SummaryParts::of(bundle).any() => summary_panel(bundle, level + 1, &collapsed),
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
                    { contents(first_screen(&bundle.sections, all_listed), &config.labels, level + 1) }
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

/// Words per minute for the reading-time estimate (adult silent reading).
const WORDS_PER_MINUTE: usize = 200;

pub(super) fn header(bundle: &Bundle, level: u8) -> Html {
    let labels = &bundle.config.labels;
    html! {
        <header class="pp-header">
            { heading(level, "pp-title", None, inline::text(&bundle.meta.title, Ctx::unmarked(labels))) }
            <p class="pp-meta">{ for meta_line(bundle) }</p>
        </header>
    }
}

/// What the header says under the title: who publishes the policy, its dates
/// and its reading time, one `<span>` each.
pub(super) fn meta_line(bundle: &Bundle) -> Vec<Html> {
    let meta = &bundle.meta;
    let labels = &bundle.config.labels;
    // The policy's own text: intro and sections, not the summary restating it.
    let mut words = 0;
    for block in bundle.intro.iter().chain(bundle.sections_flat().into_iter().flat_map(|(_, s)| s.blocks.iter())) {
        block.each_text(&mut |_, text| words += text.split_whitespace().count());
    }
    let minutes = words.div_ceil(WORDS_PER_MINUTE).max(1);
    let mut facts: Vec<Html> =
        vec![html! { <span>{ format!("{} {}", labels.published_by, meta.publisher.name) }</span> }];
    let date = |label: &str, iso: &Option<String>| {
        iso.as_ref().map(|d| html! { <span>{ format!("{label} ") }<time datetime={d.clone()}>{ human_date(d, &meta.language) }</time></span> })
    };
    facts.extend(date(&labels.effective, &meta.effective_date));
    facts.extend(date(&labels.updated, &meta.updated_date));
    if bundle.config.show.reading_time {
        facts.push(html! { <span>{ labels.reading_time.replace("{minutes}", &minutes.to_string()) }</span> });
    }
    facts
}

/// `2022-07-11` → "July 11, 2022" in English; the ISO date elsewhere, which
/// every reader can parse (the bundle's labels carry no month names).
fn human_date(iso: &str, language: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
    match parts.as_slice() {
        [y, m @ 1..=12, d] if language == "en" || language.starts_with("en-") => {
            format!("{} {d}, {y}", MONTHS[*m as usize - 1])
        }
        _ => iso.to_owned(),
    }
}

fn contents(sections: &[Section], labels: &Labels, level: u8) -> Html {
    fn items(sections: &[Section], del: Ctx) -> Html {
        html! {
            <ol>
                { for sections.iter().map(|s| html! {
                    <li>
                        { inline::section_link(None, s, del) }
                        if !s.sections.is_empty() { { items(&s.sections, del) } }
                    </li>
                }) }
            </ol>
        }
    }
    html! {
        <nav class="pp-contents" aria-labelledby="pp-contents-heading">
            { heading(level, "pp-panel-heading", Some("pp-contents-heading".into()), html! { { labels.contents_heading.clone() } }) }
            { items(sections, Ctx::unmarked(labels)) }
        </nav>
    }
}

fn glossary(bundle: &Bundle, level: u8) -> Html {
    let labels = &bundle.config.labels;
    html! {
        <section class="pp-glossary" aria-labelledby="pp-glossary-heading">
            { heading(level, "pp-panel-heading", Some("pp-glossary-heading".into()), html! { { labels.glossary_heading.clone() } }) }
            { definitions(bundle) }
        </section>
    }
}

/// The glossary's terms (with their aliases) and definitions, as a description list.
pub(super) fn definitions(bundle: &Bundle) -> Html {
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

/// The search's state as the view needs it.
struct Search {
    /// What the box shows (updated on every keystroke).
    typed: AttrValue,
    results: Rc<Results>,
    status: AttrValue,
    on_step: Callback<bool>,
    /// Searches: a typed query, a picked suggestion, a shared `#pp-q=` link.
    search_for: Callback<String>,
}

/// How long typing must pause before the query is written into the URL.
const HASH_DELAY_MS: u32 = 300;
/// Work that can wait for the policy's first paint starts this long after it is
/// rendered (three frames later; and when rendering a long policy overran the
/// timer, the browser still lays out and paints it before the next task),
/// almost always before the first keystroke: closed sections' text, then the
/// search index, each in a task of its own. A timer rather than
/// `requestAnimationFrame` and then a task: the frame callback cost 0.9 KB gzip.
const AFTER_FIRST_PAINT_MS: u32 = 50;

/// The search index, built on first use. Building it is a sixth of the
/// widget's start-up script (stemming every word of the policy), and nothing
/// needs it before the resident types: the policy is painted first.
#[derive(Clone)]
struct LazyIndex {
    bundle: Shared<Bundle>,
    built: Rc<RefCell<Option<Rc<Index>>>>,
}

impl LazyIndex {
    fn get(&self) -> Rc<Index> {
        let build = || Rc::new(Index::build(&self.bundle));
        self.built.borrow_mut().get_or_insert_with(build).clone()
    }
}

/// Runs searches nobody sees, once the index is built: the browser compiles a
/// wasm function on its first call, and the resident's first keystroke would
/// otherwise pay for compiling the search (the slowest key in the bench's runs).
/// One query that matches (stems, prefixes, ranking, marks) and one that does
/// not (typos, suggestions).
fn warm_up(index: &Index) {
    for query in ["information", "qzxv"] {
        drop(index.search(query));
    }
}

/// What the view works out once per bundle, in one memo rather than one per
/// value (each memo of another type is more of Yew's hook code in the wasm).
struct PerBundle {
    shared: Shared<Bundle>,
    all_ids: Rc<Vec<String>>,
    terms: Shared<GlossaryTerms>,
    index: LazyIndex,
    /// Changes to the open sections: stable across renders (sections compare
    /// it in their props).
    dispatch: Callback<Action>,
    /// The view's root element. Here rather than in `use_node_ref`, as are the
    /// search's timers rather than in `use_mut_ref`: each hook of another type
    /// is more of Yew's hook code in the wasm, and these live as long as the
    /// bundle is shown (a new bundle drops the old one's timers, which cancels them).
    root: NodeRef,
    timers: Rc<RefCell<Timers>>,
}

impl PerBundle {
    fn new(bundle: &Shared<Bundle>, dispatcher: UseReducerDispatcher<Open>) -> Self {
        PerBundle {
            shared: bundle.clone(),
            all_ids: Rc::new(bundle.sections_flat().into_iter().map(|(_, s)| s.id.clone()).collect()),
            // Terms are marked where the glossary is shown: a site that hides it wants none.
            terms: Shared(Rc::new(if bundle.config.show.glossary {
                GlossaryTerms::new(&bundle.definitions)
            } else {
                GlossaryTerms::default()
            })),
            index: LazyIndex { bundle: bundle.clone(), built: Rc::default() },
            dispatch: Callback::from(move |action| dispatcher.dispatch(action)),
            root: NodeRef::default(),
            timers: Rc::default(),
        }
    }
}

/// The search's timers, and what it shows, in one place (`PerBundle::timers`).
/// Replacing a timer cancels it.
#[derive(Default)]
struct Timers {
    /// Whether there was a query yet: until then the URL keeps its hash.
    searched: bool,
    /// Writes the query into the URL once typing pauses.
    hash: Option<Timeout>,
    /// Brings the current search's next turn to the screen.
    turn: Option<Timeout>,
    /// What the search shows (its marks are what the view renders).
    shown: Shown,
}

/// What the search hook keeps between renders: one state rather than one per
/// value (each state of another type is more of Yew's hook code in the wasm).
#[derive(Clone, Default)]
struct SearchState {
    /// What the box shows, and what was searched.
    typed: String,
    results: Rc<Results>,
    /// The match previous/next last showed, and how many there are.
    position: Option<(usize, usize)>,
}

/// Brings a search's changes `from..from + count` to the screen, then the
/// next `LATER_TURN`, and so on to the last: a frame after the keystroke's
/// turn, then each at once (`TURN_DELAY_MS`). Each search sets the timer
/// anew, which cancels the previous search's turns.
fn take_turn(changes: Rc<Changes>, per_bundle: Weak<PerBundle>, from: usize, count: usize) {
    // Weak: a pending turn must not keep the widget's state alive once the
    // widget is gone (the timers own the turn).
    let Some(per_bundle) = per_bundle.upgrade() else { return };
    let PerBundle { shared, all_ids, dispatch, timers, .. } = &*per_bundle;
    let action = changes.turn(&mut timers.borrow_mut().shown, from, count, &shared.sections, all_ids);
    dispatch.emit(action);
    let next = from + count;
    timers.borrow_mut().turn = (next < changes.len()).then(|| {
        let per_bundle = Rc::downgrade(&per_bundle);
        let delay = if from == 0 { TURN_DELAY_MS } else { 0 };
        super::after(delay, Box::new(move || take_turn(changes, per_bundle, next, LATER_TURN)))
    });
}

#[hook]
fn use_search(per_bundle: Rc<PerBundle>) -> Search {
    let PerBundle { shared: bundle, index, root, .. } = &*per_bundle;
    let state = use_state(SearchState::default);
    // Searches, and brings its first turn of changes to the sections (see
    // `turns`) in the same update, so a keystroke costs one render, not two.
    let search_for = {
        let (state, per_bundle) = (state.clone(), per_bundle.clone());
        Callback::from(move |q: String| {
            let PerBundle { index, all_ids, timers, .. } = &*per_bundle;
            {
                // The query goes in the URL — but not before there was one, or
                // a shared `#pp-q=` link would be wiped before it is read —
                // once typing pauses: a history update costs Chromium 1–3 ms, a
                // sixth of a keystroke's frame, and nobody shares a half-typed
                // word. Here rather than in an effect on the query: an effect
                // of another type is more of Yew's hook code in the wasm.
                let mut timers = timers.borrow_mut();
                timers.searched |= !q.is_empty();
                if timers.searched {
                    let q = q.clone();
                    // Replacing the timer cancels the write of the previous query.
                    timers.hash =
                        Some(super::after(HASH_DELAY_MS, Box::new(move || super::browser::set_query_hash(&q))));
                }
            }
            let found = Rc::new(if q.trim().is_empty() { Results::default() } else { index.get().search(&q) });
            let changes = Changes::new(&found, &timers.borrow().shown, all_ids);
            take_turn(Rc::new(changes), Rc::downgrade(&per_bundle), 0, FIRST_TURN);
            state.set(SearchState { typed: q, results: found, position: None });
        })
    };
    {
        // Built once the policy is on screen (`AFTER_FIRST_PAINT_MS`), in a task of
        // its own (a search before then builds it itself).
        let index = index.clone();
        let effect: super::ViewEffect = Box::new(move |_| {
            let build = super::after(AFTER_FIRST_PAINT_MS, Box::new(move || warm_up(&index.get())));
            // Unmounted first: it does not run.
            Box::new(move || drop(build))
        });
        use_effect_with((bundle.clone(), 0), effect);
    }
    let on_step = {
        let (state, root) = (state.clone(), root.clone());
        Callback::from(move |forward: bool| {
            let Some(root) = root.cast::<web_sys::Element>() else { return };
            let current = state.position.map(|(i, _)| i);
            if let Some(shown) = super::browser::show_match(&root, current, forward) {
                state.set(SearchState { position: Some(shown), ..(*state).clone() });
            }
        })
    };
    let results = state.results.clone();
    let labels = &bundle.config.labels;
    let sections = results.hits.len();
    let status = match (state.position, state.typed.trim().is_empty()) {
        (_, true) => String::new(),
        (Some((i, total)), _) => {
            labels.search_position.replace("{n}", &(i + 1).to_string()).replace("{total}", &total.to_string())
        }
        _ if results.still_typing => String::new(),
        _ if sections == 0 => labels.search_no_results.clone(),
        _ if results.matches == 1 => labels.search_one_result.clone(),
        _ if sections == 1 => labels.search_results_one_section.replace("{matches}", &results.matches.to_string()),
        _ => labels
            .search_results
            .replace("{matches}", &results.matches.to_string())
            .replace("{sections}", &sections.to_string()),
    };
    Search { typed: state.typed.clone().into(), results, status: status.into(), on_step, search_for }
}
