//! The resident's search as it goes on: each query's results and status line,
//! its changes brought to the sections a turn at a time (`turns`), the query
//! written into the URL once typing pauses, and the index, built after the
//! first paint.

use std::cell::{Ref, RefCell};
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::state::Action;
use super::turns::{Changes, Marks, Shown, FIRST_TURN, LATER_TURN, TURN_DELAY_MS};
use super::{use_bundle_effect, Shared, AFTER_FIRST_PAINT_MS};
use crate::bundle::Bundle;
use crate::search::{Index, Results};

/// How long typing must pause before the query is written into the URL.
const HASH_DELAY_MS: u32 = 300;

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

/// One bundle's searches: what they share between keystrokes and timers. It
/// lives as long as the bundle is shown (a new bundle drops it, which cancels
/// its timers); its methods say what to dispatch, and [`take_turn`] does.
pub(super) struct SearchSession {
    bundle: Shared<Bundle>,
    /// Every section id, in the policy's order.
    all_ids: Rc<Vec<String>>,
    dispatch: Callback<Action>,
    index: LazyIndex,
    timers: RefCell<Timers>,
}

/// A session's timers, and the marks its turns have brought. Replacing a
/// timer cancels it.
#[derive(Default)]
struct Timers {
    /// Whether there was a query yet: until then the URL keeps its hash.
    searched: bool,
    /// Writes the query into the URL once typing pauses.
    hash: Option<Timeout>,
    /// Brings the current search's next turn to the screen.
    turn: Option<Timeout>,
    /// What the search shows: what the next search's changes are measured against.
    shown: Shown,
}

impl SearchSession {
    pub fn new(bundle: Shared<Bundle>, all_ids: Rc<Vec<String>>, dispatch: Callback<Action>) -> Self {
        let index = LazyIndex { bundle: bundle.clone(), built: Rc::default() };
        SearchSession { bundle, all_ids, dispatch, index, timers: RefCell::default() }
    }

    /// Searches for `query` (nothing, when it is blank), and what the search
    /// changes on screen. The query goes into the URL once typing pauses —
    /// but not before there was one, or a shared `#pp-q=` link would be wiped
    /// before it is read: a history update costs Chromium 1–3 ms, a sixth of
    /// a keystroke's frame, and nobody shares a half-typed word.
    fn search(&self, query: &str) -> (Rc<Results>, Changes) {
        {
            let mut timers = self.timers.borrow_mut();
            timers.searched |= !query.is_empty();
            if timers.searched {
                let query = query.to_owned();
                // Replacing the timer cancels the write of the previous query.
                timers.hash =
                    Some(super::after(HASH_DELAY_MS, Box::new(move || super::browser::set_query_hash(&query))));
            }
        }
        let found = Rc::new(if query.trim().is_empty() { Results::default() } else { self.index.get().search(query) });
        let changes = Changes::new(&found, &self.timers.borrow().shown, &self.all_ids);
        (found, changes)
    }

    /// The marks the search's turns have brought to the screen, for the view
    /// to render. Here rather than in the view's reducer state: that state is
    /// copied on every action, and holding the marks there (shared, copied
    /// when a turn changes them) cost the wasm 0.3 KB gzip.
    pub fn marks(&self) -> Ref<'_, Marks> {
        Ref::map(self.timers.borrow(), |timers| &timers.shown.marks)
    }

    /// Brings `changes` from `from` to `from + count` into what the search
    /// shows; the action that puts them on screen.
    fn turn(&self, changes: &Changes, from: usize, count: usize) -> Action {
        changes.turn(&mut self.timers.borrow_mut().shown, from, count, &self.bundle.sections, &self.all_ids)
    }
}

/// Brings a search's changes `from..from + count` to the screen, then the
/// next `LATER_TURN`, and so on to the last: a frame after the keystroke's
/// turn, then each at once (`TURN_DELAY_MS`). Each search sets the timer
/// anew, which cancels the previous search's turns.
fn take_turn(session: Weak<SearchSession>, changes: Rc<Changes>, from: usize, count: usize) {
    // Weak: a pending turn must not keep the widget's state alive once the
    // widget is gone (the session's timers own the turn).
    let Some(session) = session.upgrade() else { return };
    session.dispatch.emit(session.turn(&changes, from, count));
    let next = from + count;
    let later = (next < changes.len()).then(|| {
        let weak = Rc::downgrade(&session);
        let delay = if from == 0 { TURN_DELAY_MS } else { 0 };
        super::after(delay, Box::new(move || take_turn(weak, changes, next, LATER_TURN)))
    });
    session.timers.borrow_mut().turn = later;
}

/// The search as the view shows it.
pub(super) struct Search {
    /// What the box shows (updated on every keystroke).
    pub typed: AttrValue,
    pub results: Rc<Results>,
    pub status: AttrValue,
    pub on_step: Callback<bool>,
    /// Searches: a typed query, a picked suggestion, a shared `#pp-q=` link.
    pub search_for: Callback<String>,
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

/// The search box's state and callbacks. `root` is the view's root element,
/// where previous/next find the marks.
#[hook]
pub(super) fn use_search(session: Rc<SearchSession>, root: NodeRef) -> Search {
    let state = use_state(SearchState::default);
    // Searches, and brings its first turn of changes to the sections in the
    // same update, so a keystroke costs one render, not two.
    let search_for = {
        let (state, session) = (state.clone(), session.clone());
        Callback::from(move |q: String| {
            let (results, changes) = session.search(&q);
            take_turn(Rc::downgrade(&session), Rc::new(changes), 0, FIRST_TURN);
            state.set(SearchState { typed: q, results, position: None });
        })
    };
    {
        // Built once the policy is on screen (`AFTER_FIRST_PAINT_MS`), in a task of
        // its own (a search before then builds it itself).
        let index = session.index.clone();
        use_bundle_effect(
            session.bundle.clone(),
            Box::new(move || {
                let build = super::after(AFTER_FIRST_PAINT_MS, Box::new(move || warm_up(&index.get())));
                // Unmounted first: it does not run.
                Box::new(move || drop(build))
            }),
        );
    }
    let on_step = {
        let state = state.clone();
        Callback::from(move |forward: bool| {
            let Some(root) = root.cast::<web_sys::Element>() else { return };
            let current = state.position.map(|(i, _)| i);
            if let Some(shown) = super::browser::show_match(&root, current, forward) {
                state.set(SearchState { position: Some(shown), ..(*state).clone() });
            }
        })
    };
    let results = state.results.clone();
    let labels = &session.bundle.config.labels;
    let sections = results.hits.len();
    let status = match (state.position, state.typed.trim().is_empty()) {
        (_, true) => String::new(),
        (Some((i, total)), _) => {
            labels.search_position().replace("{n}", &(i + 1).to_string()).replace("{total}", &total.to_string())
        }
        _ if results.still_typing => String::new(),
        _ if sections == 0 => labels.search_no_results().clone(),
        _ if results.matches == 1 => labels.search_one_result().clone(),
        _ if sections == 1 => labels.search_results_one_section().replace("{matches}", &results.matches.to_string()),
        _ => labels
            .search_results()
            .replace("{matches}", &results.matches.to_string())
            .replace("{sections}", &sections.to_string()),
    };
    Search { typed: state.typed.clone().into(), results, status: status.into(), on_step, search_for }
}
