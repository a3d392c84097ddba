//! Which sections are open: the only state residents change. Kept in memory
//! only — a privacy widget stores nothing, and a remembered state surprises.

use std::rc::Rc;

use yew::Reducible;

use crate::bundle::config::InitialState;
use crate::bundle::{Bundle, Section};
use crate::keyed::Strings;

#[derive(Clone, Default)]
pub struct Open {
    /// The reader's own choice.
    ids: Strings,
    /// While a search shows results: the sections it opened (and what the
    /// reader toggles meanwhile). Dropping it restores the reader's own state.
    search: Option<Strings>,
    /// The section to bring into view after the next render, if any.
    pub focus: Option<String>,
    /// Bumped on each navigation so that navigating twice to the same section
    /// still scrolls.
    pub focus_seq: u32,
    /// Whether the view renders the whole policy, or only what its first
    /// paint holds (`view::FirstPaint`, `sections::Policy::filled`).
    pub filled: bool,
    /// The reader pressed "Expand all" or "Collapse all" while a search's
    /// turns were still coming: the rest of its turns bring their marks but
    /// leave the sections as the reader set them, until the next search.
    arranged: bool,
}

pub enum Action {
    Toggle(String),
    /// Open a section and its ancestors, then scroll to it (summary links,
    /// deep links, find-in-page).
    Reveal(String, Rc<Vec<String>>),
    /// Open sections without moving the reader (find-in-page has already scrolled).
    Open(Rc<Vec<String>>),
    /// Bring a search's changes to some sections on screen.
    Turn(Rc<Turn>),
    /// Drop the search: back to the reader's own open sections.
    EndSearch,
    ExpandAll(Rc<Vec<String>>),
    CollapseAll,
    /// Render what the first paint left out (after it).
    Fill,
}

/// One turn of a search's changes: the sections (with their ancestors) that
/// open and close with the marks it brings. Open and close rather than a new
/// set, so that what the reader opened or closed since the search began
/// stays so where the turn does not change it.
pub struct Turn {
    pub open: Vec<String>,
    pub close: Vec<String>,
    /// The keystroke's own turn: a new search, whose matches open even if
    /// the reader arranged the sections during the previous one.
    pub first: bool,
}

impl Open {
    pub fn initial(bundle: &Bundle, initial: InitialState, filled: bool) -> Self {
        let ids = match initial {
            InitialState::Collapsed => Strings::default(),
            InitialState::Expanded => bundle.sections_flat().into_iter().map(|(_, s)| s.id.clone()).collect(),
            InitialState::First => bundle.sections.first().map(|s| s.id.clone()).into_iter().collect(),
        };
        Open { ids, filled, ..Open::default() }
    }

    /// Exactly these sections open (a subtree's share of the state).
    pub fn only(ids: impl IntoIterator<Item = String>) -> Self {
        Open { ids: ids.into_iter().collect(), ..Open::default() }
    }

    fn current(&self) -> &Strings {
        self.search.as_ref().unwrap_or(&self.ids)
    }

    fn current_mut(&mut self) -> &mut Strings {
        self.search.as_mut().unwrap_or(&mut self.ids)
    }

    pub fn is_open(&self, id: &str) -> bool {
        self.current().contains(id)
    }

    pub fn all_open(&self, total: usize) -> bool {
        self.current().len() >= total
    }
}

impl Reducible for Open {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        // Whatever comes after the first paint may need a section it left
        // out (a link's, a search's): from then on the view renders the
        // whole policy, `Fill` or not.
        next.filled = true;
        match action {
            Action::Toggle(id) => {
                let open = next.current_mut();
                if !open.remove(&id) {
                    open.insert(id);
                }
                next.focus = None;
            }
            Action::Reveal(id, path) => {
                next.current_mut().extend(path.iter().cloned());
                next.focus = Some(id);
                next.focus_seq += 1;
            }
            Action::Open(path) => {
                next.current_mut().extend(path.iter().cloned());
                next.focus = None;
            }
            Action::Turn(turn) => {
                next.arranged &= !turn.first;
                // A search's first turn starts from nothing open.
                let search = next.search.get_or_insert_with(Strings::default);
                if !next.arranged {
                    for id in &turn.close {
                        search.remove(id);
                    }
                    search.extend(turn.open.iter().cloned());
                }
                next.focus = None;
            }
            Action::EndSearch => {
                next.search = None;
                next.arranged = false;
                next.focus = None;
            }
            Action::ExpandAll(all) => {
                *next.current_mut() = all.iter().cloned().collect();
                next.arranged = next.search.is_some();
                next.focus = None;
            }
            Action::CollapseAll => {
                next.current_mut().clear();
                next.arranged = next.search.is_some();
                next.focus = None;
            }
            // The fill comes on a timer, and may come before the view has
            // rendered a deep link's `Reveal`: its focus must still happen.
            Action::Fill => {}
        }
        Rc::new(next)
    }
}

/// The ids from the top-level section down to `id`, if `id` exists.
pub fn path_to(sections: &[Section], id: &str) -> Option<Vec<String>> {
    for s in sections {
        if s.id == id {
            return Some(vec![s.id.clone()]);
        }
        if let Some(mut path) = path_to(&s.sections, id) {
            path.insert(0, s.id.clone());
            return Some(path);
        }
    }
    None
}

/// The sections in `ids` and all their ancestors, in one walk of the tree
/// (looking up each id's path would be quadratic in a long policy).
pub fn with_ancestors(sections: &[Section], ids: &Strings) -> Strings {
    fn walk(sections: &[Section], ids: &Strings, out: &mut Strings) -> bool {
        let mut any = false;
        for s in sections {
            if walk(&s.sections, ids, out) || ids.contains(&s.id) {
                out.insert(s.id.clone());
                any = true;
            }
        }
        any
    }
    let mut out = Strings::default();
    walk(sections, ids, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(id: &str, children: Vec<Section>) -> Section {
        Section { id: id.into(), title: id.into(), blocks: vec![], sections: children }
    }

    #[test]
    fn reveal_opens_the_ancestors_and_asks_for_a_scroll() {
        let tree = vec![section("a", vec![section("b", vec![section("c", vec![])])]), section("d", vec![])];
        let path = path_to(&tree, "c").unwrap();
        assert_eq!(path, ["a", "b", "c"]);
        let open = Rc::new(Open::default()).reduce(Action::Reveal("c".into(), Rc::new(path)));
        assert!(open.is_open("a") && open.is_open("b") && open.is_open("c") && !open.is_open("d"));
        assert_eq!(open.focus.as_deref(), Some("c"));
        let open = open.reduce(Action::Toggle("a".into()));
        assert!(!open.is_open("a") && open.focus.is_none());
        assert_eq!(path_to(&tree, "zz"), None);
    }

    #[test]
    fn a_search_opens_its_matches_in_turns_and_ending_it_restores_the_readers_choice() {
        let open = Rc::new(Open::default()).reduce(Action::Toggle("d".into()));
        let open = open.reduce(turn(&["a", "b"], &[], true));
        assert!(open.is_open("a") && open.is_open("b") && !open.is_open("d"), "a search starts from its own matches");
        let open = open.reduce(Action::Toggle("a".into()));
        assert!(!open.is_open("a"), "the reader can still close a match");
        let open = open.reduce(turn(&["c"], &["b"], false));
        assert!(open.is_open("c") && !open.is_open("b"), "a later turn opens and closes");
        assert!(!open.is_open("a"), "and leaves what the reader closed closed");
        let open = open.reduce(Action::EndSearch);
        assert!(open.is_open("d") && !open.is_open("c"), "back to the reader's own state");
    }

    #[test]
    fn collapse_all_during_a_search_holds_until_the_next_search() {
        let open = Rc::new(Open::default()).reduce(turn(&["a"], &[], true));
        let open = open.reduce(Action::CollapseAll);
        let open = open.reduce(turn(&["b"], &[], false));
        assert!(!open.is_open("a") && !open.is_open("b"), "the search's later turns leave everything closed");
        let open = open.reduce(turn(&["c"], &[], true));
        assert!(open.is_open("c") && !open.is_open("b"), "the next search opens its new matches");
        let all = Rc::new(vec!["a".to_owned(), "b".to_owned(), "c".to_owned()]);
        let open = open.reduce(Action::ExpandAll(all)).reduce(turn(&[], &["a", "b"], false));
        assert!(open.is_open("a") && open.is_open("b"), "nor do they close what the reader expanded");
    }

    #[test]
    fn whatever_follows_the_first_paint_renders_the_whole_policy() {
        // A deep link or a click may name a section the first paint left out.
        let first_paint = Rc::new(Open::default());
        assert!(!first_paint.filled);
        assert!(first_paint.clone().reduce(Action::Reveal("z".into(), Rc::new(vec!["z".into()]))).filled);
        assert!(first_paint.clone().reduce(Action::Toggle("a".into())).filled);
        assert!(first_paint.clone().reduce(turn(&["a"], &[], true)).filled);
        assert!(first_paint.reduce(Action::Fill).filled, "and the fill after the first paint");
    }

    #[test]
    fn a_fill_before_the_render_leaves_a_deep_links_focus_in_place() {
        // On a slow computer the fill's timer can fire before the view has
        // rendered the Reveal: the section must still be scrolled to.
        let path = Rc::new(vec!["z".to_owned()]);
        let open = Rc::new(Open::default()).reduce(Action::Reveal("z".into(), path)).reduce(Action::Fill);
        assert_eq!((open.focus.as_deref(), open.focus_seq), (Some("z"), 1));
    }

    fn turn(open: &[&str], close: &[&str], first: bool) -> Action {
        let ids = |ids: &[&str]| ids.iter().map(|id| id.to_string()).collect();
        Action::Turn(Rc::new(Turn { open: ids(open), close: ids(close), first }))
    }

    #[test]
    fn matches_open_with_their_ancestors_only() {
        let tree = vec![
            section("a", vec![section("b", vec![section("c", vec![])]), section("e", vec![])]),
            section("d", vec![]),
        ];
        let ids = |ids: &[&str]| ids.iter().map(|id| id.to_string()).collect();
        let mut opened: Vec<String> = with_ancestors(&tree, &ids(&["c", "d"])).iter().cloned().collect();
        opened.sort();
        assert_eq!(opened, ["a", "b", "c", "d"]);
        assert!(with_ancestors(&tree, &ids(&["zz"])).is_empty());
    }
}
