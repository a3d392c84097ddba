//! A search's changes to the sections, brought to the screen a turn at a time.
//!
//! Opening and marking a section costs Chromium 0.3–1 ms (its text is
//! rendered again with the marks; the first searches after a load cost the
//! most). On a real policy a search changes a dozen sections; at 100 times
//! Mass.gov 2016's length a word matches 500, and changing them all at once
//! kept the keystroke from being painted for 170–600 ms. So a
//! search changes the first [`FIRST_TURN`] sections, in the policy's order
//! (those nearest the search box, which a search does not scroll away from),
//! in the keystroke's own render, and the rest [`LATER_TURN`] at a time, in
//! tasks of their own from a frame after the keystroke on
//! ([`TURN_DELAY_MS`]). The count in the status line is the whole search's
//! from the first turn.

use std::rc::Rc;

use super::state::{with_ancestors, Action, Turn};
use crate::bundle::Section;
use crate::keyed::{Keyed, Strings};
use crate::search::{Highlighter, Results};

/// A search's marks, by section id (an empty `Highlighter` where a search
/// takes a section's marks off).
pub type Marks = Keyed<Rc<Highlighter>>;

/// Sections changed in the keystroke's own render: what a screen shows, and
/// most searches of a real policy ("coo" changes a dozen sections of
/// Mass.gov 2016).
pub const FIRST_TURN: usize = 12;
/// Sections changed in each later turn: at 100 times Mass.gov 2016 a turn
/// takes Chromium ~10 ms, and 40–55 ms with the CPU throttled 4× for a
/// mid-range phone, about the 50 ms past which a task holds up a keystroke
/// there. Larger turns end a search sooner (96: every turn done in half the
/// time) with tasks of ~32 ms on this machine.
pub const LATER_TURN: usize = 24;
/// How long after the keystroke the first later turn may begin: a frame. The
/// keystroke's render runs at the end of its task, and Chromium paints a frame
/// that is due before it runs a timer that is due, so the keystroke's results
/// are painted before any later turn. The turns after it follow each other at
/// once (a timer of 0 ms): Chromium still runs a due frame, and a key typed,
/// between two of them. Waiting a frame before each turn would give each turn
/// a frame of its own, and two when a turn and its frame's work take longer
/// than one: a search at 100 times Mass.gov 2016's length settled a third
/// later so (docs/performance.md).
pub const TURN_DELAY_MS: u32 = 16;

/// What the search shows: what a new search's changes are measured against.
#[derive(Default)]
pub struct Shown {
    /// The marks on screen, by section (an empty `Highlighter` where a search
    /// took a section's marks off): what the view renders. They change only in
    /// a turn, just before the turn's action re-renders the view.
    pub marks: Marks,
    /// The sections the marks open, with their ancestors.
    opened: Strings,
}

/// What one search changes on screen.
pub struct Changes {
    /// The sections whose marks change, in the policy's order: those the
    /// search marks and those marked before it, but not those whose marks
    /// stay the same ("cooki" → "cookie" changes none).
    order: Vec<String>,
    /// The search's marks, by section.
    marks: Marks,
}

impl Changes {
    /// `all_ids`: every section id in the policy's order.
    pub fn new(found: &Results, shown: &Shown, all_ids: &[String]) -> Self {
        let marks: Marks = found.hits.iter().map(|h| (h.section.clone(), h.marks.clone())).collect();
        let none = Rc::default();
        let changed = |id: &&String| marks.get(id).unwrap_or(&none) != shown.marks.get(id).unwrap_or(&none);
        Changes { order: all_ids.iter().filter(changed).cloned().collect(), marks }
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Brings the changes `from..from + count` into `shown`, and says what
    /// opens and closes with them. A search that found nothing takes the marks
    /// off in turns too; its last turn ends the search, which gives the reader
    /// back their own open sections.
    pub fn turn(
        &self,
        shown: &mut Shown,
        from: usize,
        count: usize,
        sections: &[Section],
        all_ids: &[String],
    ) -> Action {
        if from + count >= self.order.len() && self.marks.is_empty() {
            *shown = Shown::default();
            return Action::EndSearch;
        }
        for id in self.order.iter().skip(from).take(count) {
            *shown.marks.entry(id) = self.marks.get(id).cloned().unwrap_or_default();
        }
        let marked = all_ids.iter().filter(|id| shown.marks.get(id).is_some_and(|m| !m.is_empty()));
        let before = std::mem::replace(&mut shown.opened, with_ancestors(sections, &marked.cloned().collect()));
        let after = &shown.opened;
        let open = after.iter().filter(|id| !before.contains(id)).cloned().collect();
        let close = before.iter().filter(|id| !after.contains(id)).cloned().collect();
        Action::Turn(Rc::new(Turn { open, close, first: from == 0 }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{Block, Bundle};
    use crate::search::Index;

    /// A policy of thirty sections (every third says "cookies", the rest
    /// "records"; the first has a subsection that says "Cookies again"), its
    /// index, and what its searches have shown so far.
    struct Policy {
        bundle: Bundle,
        ids: Vec<String>,
        index: Index,
        shown: Shown,
    }

    impl Policy {
        fn new() -> Self {
            let mut bundle = crate::bundle::read::bundle(
                r#"{"format":"policy-bundle/1","meta":{"title":"T","publisher":{"name":"P"}},"sections":[]}"#,
            )
            .unwrap();
            let section = |id: String, text: &str| Section {
                title: id.clone(),
                id,
                blocks: vec![Block::Paragraph { text: text.into() }],
                sections: vec![],
            };
            bundle.sections = (0..30)
                .map(|i| section(format!("s{i}"), if i % 3 == 0 { "We set cookies." } else { "We keep records." }))
                .collect();
            bundle.sections[0].sections.push(section("s0-sub".into(), "Cookies again."));
            let ids = bundle.sections_flat().into_iter().map(|(_, s)| s.id.clone()).collect();
            let index = Index::build(&bundle);
            Policy { bundle, ids, index, shown: Shown::default() }
        }

        /// What searching for `query` (nothing, for `""`) would change now.
        fn changes(&self, query: &str) -> Changes {
            let found = if query.is_empty() { Results::default() } else { self.index.search(query) };
            Changes::new(&found, &self.shown, &self.ids)
        }

        fn turn(&mut self, changes: &Changes, from: usize, count: usize) -> Action {
            changes.turn(&mut self.shown, from, count, &self.bundle.sections, &self.ids)
        }

        /// Every turn of a search, as the view's timers would run them.
        fn search(&mut self, query: &str) -> Vec<Action> {
            let changes = self.changes(query);
            let mut actions = vec![self.turn(&changes, 0, FIRST_TURN)];
            let mut from = FIRST_TURN;
            while from < changes.len() {
                actions.push(self.turn(&changes, from, LATER_TURN));
                from += LATER_TURN;
            }
            actions
        }

        fn marked(&self, id: &str) -> Option<bool> {
            self.shown.marks.get(id).map(|m| !m.is_empty())
        }
    }

    fn turn(action: &Action) -> &Turn {
        match action {
            Action::Turn(turn) => turn,
            _ => panic!("not a turn"),
        }
    }

    #[test]
    fn the_first_turn_changes_the_sections_nearest_the_top_and_later_turns_the_rest() {
        let mut policy = Policy::new();
        let changes = policy.changes("cookies");
        assert_eq!(changes.len(), 11, "s0, its subsection, and every third section after");
        let first = policy.turn(&changes, 0, FIRST_TURN);
        let first = &turn(&first).open;
        assert_eq!(first.len(), 11, "fewer than a turn: all at once");
        assert!(first.contains(&"s0-sub".to_owned()) && first.contains(&"s27".to_owned()));
        assert!(policy.marked("s27") == Some(true) && policy.marked("s1").is_none());

        // "records" matches twenty sections, and "cookies" is taken off eleven.
        assert_eq!(policy.changes("records").len(), 31);
        let actions = policy.search("records");
        assert_eq!(actions.len(), 2, "twelve, then the other nineteen");
        let first = turn(&actions[0]);
        let mut open = first.open.clone();
        open.sort_by_key(|id| id[1..].parse::<u32>().unwrap());
        assert_eq!(
            open,
            ["s1", "s2", "s4", "s5", "s7", "s8", "s10"],
            "the first twelve changes, in the policy's order"
        );
        assert!(first.close.contains(&"s0".to_owned()) && first.close.contains(&"s9".to_owned()));
        assert!(!first.close.contains(&"s12".to_owned()), "later sections wait for their turn");
        assert!(policy.marked("s12") == Some(false) && policy.marked("s29") == Some(true));
    }

    #[test]
    fn a_section_keeps_its_ancestors_open_and_unchanged_marks_are_no_change() {
        let mut policy = Policy::new();
        policy.search("cookies");
        assert_eq!(policy.changes("cookies").len(), 0, "the same search again");
        // Only the subsection matches "again": its parent stays open for it.
        let actions = policy.search("again");
        let turn = turn(&actions[0]);
        assert!(
            turn.open.is_empty() && !turn.close.contains(&"s0".to_owned()) && turn.close.contains(&"s3".to_owned())
        );
    }

    #[test]
    fn a_search_that_finds_nothing_takes_the_marks_off_in_turns_then_ends() {
        let mut policy = Policy::new();
        policy.search("records");
        let actions = policy.search("");
        assert_eq!(actions.len(), 2, "twenty sections: a turn of twelve, then the end");
        assert!(matches!(actions[0], Action::Turn(_)) && matches!(actions[1], Action::EndSearch));
        assert!(policy.shown.marks.is_empty());
        let nothing = policy.search("");
        assert!(matches!(nothing[..], [Action::EndSearch]), "nothing shown: the search ends at once");
    }
}
