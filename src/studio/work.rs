//! The studio's state: the draft under review, last version's bundle for an
//! update, and what the page says of them. A reducer, so every change is one
//! action and the components only render it.

use std::rc::Rc;

use yew::Reducible;

use super::edit::{self, Edit};
use super::engine::Draft;
use crate::bundle::{self, load, Bundle};
use crate::import::previous::update;

/// Something a reviewer should know: what the importer removed or joined
/// (`line`: the source text's line it concerns, 0 for none), what the update
/// could not carry over, what an opened bundle holds that the widget ignores.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub line: usize,
    pub message: String,
}

/// The bundle under review and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Work {
    pub bundle: Bundle,
    /// The file's name, or "pasted text".
    pub name: String,
    /// The source as the importer read it; empty for an opened bundle.
    pub text: String,
    pub notes: Vec<Note>,
}

impl Work {
    /// An imported draft: with last version's reviewed work carried into it,
    /// last version in its history and what changed since (`previous::update`).
    pub fn imported(name: &str, draft: Draft, previous: Option<&Bundle>) -> Work {
        let Draft { mut bundle, text, notices } = draft;
        let mut notes: Vec<Note> = notices.into_iter().map(|(line, message)| Note { line, message }).collect();
        if let Some(previous) = previous {
            notes.extend(update(previous, &mut bundle).into_iter().map(|message| Note { line: 0, message }));
        }
        Work { bundle, name: name.to_owned(), text, notes }
    }

    /// A bundle opened to go on with (or, as last version's, to update):
    /// read with the command line's reader, so its type errors and unknown
    /// fields read the same. Rules beyond types are checked as it is edited.
    pub fn opened(name: &str, json: &str) -> Result<Work, String> {
        let loaded = load::from_json(json).map_err(|problem| format!("{name}: {problem}"))?;
        let notes = loaded.warnings.iter().map(|w| Note { line: 0, message: w.to_string() }).collect();
        Ok(Work { bundle: loaded.bundle, name: name.to_owned(), text: String::new(), notes })
    }

    /// The bundle as the download writes it: as `policy-widget import` prints it.
    pub fn json(&self) -> String {
        bundle::to_json(&self.bundle)
    }
}

/// What a file is opened as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// The policy to review: a bundle to go on with, or a text to import.
    Review,
    /// Last version's bundle, for an update.
    Previous,
}

/// What the page says it is doing, or did.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Status {
    #[default]
    Idle,
    Busy(String),
    Done(String),
    Failed(String),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub work: Option<Work>,
    /// Last version's bundle and its file's name: the next import is an update of it.
    pub previous: Option<(String, Bundle)>,
    pub status: Status,
    /// Whether the draft changed since it was opened or downloaded.
    pub unsaved: bool,
    /// Counts the draft's changes: the preview and the checks follow it.
    pub revision: u32,
    /// Counts the drafts opened: what the preview knows of one is not another's.
    pub opened: u32,
    /// The control to focus after the next render (its id): where an edit
    /// that moved or removed the focused control sends the focus.
    pub focus: Option<String>,
}

pub enum Action {
    Busy(String),
    Failed(String),
    /// A draft or a bundle to review; whether it is unsaved (an import) or
    /// a file already (an opened bundle).
    Open {
        work: Work,
        unsaved: bool,
    },
    Previous(Option<(String, Bundle)>),
    Edit {
        edit: Edit,
        focus: Option<String>,
    },
    Saved,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        state.focus = None;
        match action {
            Action::Busy(what) => state.status = Status::Busy(what),
            Action::Failed(why) => state.status = Status::Failed(why),
            Action::Open { work, unsaved } => {
                state.status = Status::Done(summary_of(&work));
                state.work = Some(work);
                state.unsaved = unsaved;
                state.revision += 1;
                state.opened += 1;
                state.focus = Some("review-heading".into());
            }
            Action::Previous(previous) => {
                state.status = Status::Done(match &previous {
                    Some((name, _)) => {
                        format!("{name} is last version's bundle: now bring the new text of the policy.")
                    }
                    None => "The next import starts afresh.".into(),
                });
                state.previous = previous;
            }
            Action::Edit { edit, focus } => {
                if let Some(work) = &mut state.work {
                    edit::apply(&mut work.bundle, edit);
                    state.unsaved = true;
                    state.revision += 1;
                    state.focus = focus;
                }
            }
            Action::Saved => {
                state.unsaved = false;
                state.status = Status::Done("Downloaded privacy-policy.json.".into());
            }
        }
        Rc::new(state)
    }
}

/// One line on what was brought in, for the status line.
fn summary_of(work: &Work) -> String {
    let b = &work.bundle;
    let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}: {}, {}, {}, {}.",
        work.name,
        count(b.sections_flat().len(), "section", "sections"),
        count(b.summary.len(), "summary point", "summary points"),
        count(b.facts.len(), "fact", "facts"),
        count(work.notes.len(), "note", "notes"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../tests/fixtures/seeds/000_e7f2c20e997ced50.txt");

    #[test]
    fn a_draft_is_what_the_command_line_imports() {
        let draft = super::super::engine::import(SEED.as_bytes(), "pasted text").unwrap();
        let cli = crate::import::import(SEED, &crate::import::Options::default());
        assert_eq!(draft.bundle, cli.bundle);
        let work = Work::imported("pasted text", draft, None);
        assert_eq!(work.json(), bundle::to_json(&cli.bundle));
    }

    #[test]
    fn a_downloaded_bundle_opens_again_unchanged() {
        let work = Work::imported("t", super::super::engine::import(SEED.as_bytes(), "t").unwrap(), None);
        let again = Work::opened("privacy-policy.json", &work.json()).unwrap();
        assert_eq!(again.bundle, work.bundle);
        assert_eq!(again.json(), work.json());
    }

    #[test]
    fn a_broken_bundle_says_where() {
        let error = Work::opened("broken.json", "{\"format\": \"policy-bundle/1\", \"meta\": ").unwrap_err();
        assert!(error.starts_with("broken.json: "), "{error}");
        let error = Work::opened("old.json", r#"{"format": "policy-bundle/9"}"#).unwrap_err();
        assert!(error.contains("policy-bundle/9"), "{error}");
    }

    #[test]
    fn bad_files_are_one_line_each() {
        let png = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n', 0, 0, 0, 13];
        assert!(super::super::engine::import(&png, "photo.png").unwrap_err().starts_with("photo.png: "));
        assert!(super::super::engine::import(b"  \n", "empty.txt").unwrap_err().contains("empty"));
    }

    #[test]
    fn an_edit_marks_the_draft_unsaved_and_a_download_saved() {
        let work = Work::opened(
            "b.json",
            &Work::imported("t", super::super::engine::import(SEED.as_bytes(), "t").unwrap(), None).json(),
        )
        .unwrap();
        let state = Rc::new(State::default()).reduce(Action::Open { work, unsaved: false });
        assert!(!state.unsaved && state.focus.as_deref() == Some("review-heading"));
        let edit = Edit::Meta(super::super::edit::MetaField::Title, "New".into());
        let state = state.reduce(Action::Edit { edit, focus: None });
        assert!(state.unsaved);
        assert_eq!(state.work.as_ref().unwrap().bundle.meta.title, "New");
        assert!(!state.reduce(Action::Saved).unsaved);
    }
}
