//! The studio's page: bring a policy, review the draft beside the live
//! widget, take the bundle away.

use std::rc::Rc;

use yew::prelude::*;

use super::outline::outline;
use super::preview;
use super::review::{self, Ctx};
use super::take::Take;
use super::work::{Action, Purpose, State, Status, Work};
use crate::bundle::validate::validate;
use crate::bundle::Problem;

#[derive(Properties, PartialEq)]
pub struct StudioProps {
    /// The Subresource Integrity value of the widget's `policy-widget.js`.
    #[prop_or_default]
    pub integrity: AttrValue,
    /// A state to start from (the tests render the review natively).
    #[prop_or_default]
    pub start: Option<Rc<State>>,
}

#[function_component(Studio)]
pub fn studio(props: &StudioProps) -> Html {
    let start = props.start.clone();
    let state = use_reducer(move || start.map(|s| (*s).clone()).unwrap_or_default());
    let dispatch = state.dispatcher();
    // Each memo holds the reducer's handle (an `Rc`), not a copy of the work:
    // it reads the draft only when the revision moved.
    let problems = use_memo(state.revision, {
        let state = state.clone();
        move |_| state.work.as_ref().map(|w| validate(&w.bundle)).unwrap_or_default()
    });
    let json = use_memo(state.revision, {
        let state = state.clone();
        move |_| state.work.as_ref().map(Work::json).unwrap_or_default()
    });
    let shown = use_shown(&state, problems.clone(), json.clone());
    use_focus_and_leave_warning(state.revision, state.focus.clone(), state.unsaved);

    let on_download = {
        let (json, dispatch) = (json.clone(), dispatch.clone());
        Callback::from(move |()| {
            #[cfg(target_arch = "wasm32")]
            if super::browser::download(&json) {
                dispatch.dispatch(Action::Saved);
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (&json, &dispatch);
        })
    };
    let (status, failed) = match &state.status {
        Status::Idle => (String::new(), String::new()),
        Status::Busy(s) | Status::Done(s) => (s.clone(), String::new()),
        Status::Failed(s) => (String::new(), s.clone()),
    };
    html! {
        <div class="studio" ondragover={on_drag_over()} ondrop={on_drop(&state)} aria-busy={matches!(state.status, Status::Busy(_)).then_some("true")}>
            { bring(&state) }
            <p class="status" role="status">{ status }</p>
            <p class="failure" role="alert">{ failed }</p>
            if let Some(work) = &state.work {
                <div class="workspace">
                    <section class="review" aria-labelledby="review-heading">
                        <h2 id="review-heading" tabindex="-1">{ format!("Review the draft: {}", work.name) }</h2>
                        { review_parts(work, &problems, dispatch.clone()) }
                    </section>
                    <Preview json={shown.as_ref().clone().map(AttrValue::from)} complete={problems.is_empty()} />
                </div>
                <Take json={AttrValue::from((*json).clone())} integrity={props.integrity.clone()}
                    problems={problems.len()} {on_download} />
            }
        </div>
    }
}

/// The preview's bundle as JSON (`preview::shown`), remembering the draft's
/// last version without problems. A draft without problems is shown as it
/// is: its JSON is the download's (`json`).
#[hook]
fn use_shown(state: &UseReducerHandle<State>, problems: Rc<Vec<Problem>>, json: Rc<String>) -> Rc<Option<String>> {
    let last_valid = use_mut_ref(|| (0, None::<crate::bundle::Bundle>));
    let state = state.clone();
    use_memo(state.revision, move |_| {
        let work = state.work.as_ref()?;
        let mut last = last_valid.borrow_mut();
        if last.0 != state.opened {
            *last = (state.opened, None);
        }
        if problems.is_empty() {
            last.1 = Some(work.bundle.clone());
            return Some((*json).clone());
        }
        preview::shown(&work.bundle, &problems, last.1.as_ref()).map(|b| crate::bundle::to_json(&b))
    })
}

/// After a render: the focus an edit asked for, and the warning before an
/// unsaved draft is left.
#[hook]
fn use_focus_and_leave_warning(revision: u32, focus: Option<String>, unsaved: bool) {
    use_effect_with((revision, focus), |(_, focus)| {
        #[cfg(target_arch = "wasm32")]
        if let Some(id) = focus {
            super::browser::focus(id);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = focus;
    });
    use_effect_with(unsaved, |unsaved| {
        #[cfg(target_arch = "wasm32")]
        let listener = unsaved.then(super::browser::warn_before_leaving);
        // Effects run in the browser alone; natively this only type-checks.
        #[cfg(not(target_arch = "wasm32"))]
        let listener = unsaved.then(String::new);
        // Dropped with this closure: the warning goes once the draft is saved.
        move || drop(listener)
    });
}

fn review_parts(work: &Work, problems: &[Problem], dispatch: UseReducerDispatcher<State>) -> Html {
    let bundle = &work.bundle;
    let ctx = Ctx::of(bundle, problems, dispatch);
    html! { <>
        { notes(work, problems) }
        { review::meta(bundle, &ctx) }
        { review::summary(bundle, &ctx) }
        { review::facts(bundle, &ctx) }
        { outline(bundle, &ctx) }
        { review::definitions(bundle, &ctx) }
        { review::contacts(bundle, &ctx) }
        if !work.text.is_empty() {
            <section class="part" aria-labelledby="part-source">
                <h3 id="part-source">{ "The text as imported" }</h3>
                <p class="hint">{ "The notes' line numbers count these lines." }</p>
                <ol class="source" tabindex="0" aria-labelledby="part-source">
                    { for work.text.lines().enumerate().map(|(i, line)| html! {
                        <li id={format!("source-{}", i + 1)}>{ line.to_owned() }</li>
                    }) }
                </ol>
            </section>
        }
    </> }
}

/// The problems left to fix, each linking to its field, and the importer's notes.
fn notes(work: &Work, problems: &[Problem]) -> Html {
    html! {
        <section class="part" aria-labelledby="part-notes">
            <h3 id="part-notes">{ "Check" }</h3>
            if problems.is_empty() {
                <p class="ok">{ "No problems: the widget shows this bundle." }</p>
            } else {
                <p class="problem">{ format!("{} to fix before the widget shows this bundle:", plural(problems.len(), "problem")) }</p>
                <ul class="problems">
                    { for problems.iter().map(|p| html! {
                        <li>
                            if let Some(anchor) = super::fields::anchor_for(&p.path) {
                                <a href={format!("#{anchor}")}>{ p.path.clone() }</a>
                            } else {
                                { p.path.clone() }
                            }
                            { format!(": {}", p.message) }
                        </li>
                    }) }
                </ul>
            }
            if work.notes.is_empty() {
                <p>{ "The importer has no notes." }</p>
            } else {
                <p>{ format!("{} from the importer: what it removed, joined or could not carry over. Check each.", plural(work.notes.len(), "note")) }</p>
                <ul class="notes">
                    { for work.notes.iter().map(|n| html! {
                        <li>
                            if n.line > 0 {
                                <a href={format!("#source-{}", n.line)}>{ format!("Line {}", n.line) }</a>{ ": " }
                            }
                            { n.message.clone() }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

fn plural(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

/// Bring a policy: a file, a paste, or last version's bundle first for an update.
fn bring(state: &UseReducerHandle<State>) -> Html {
    let on_file = |purpose: Purpose| {
        let state = state.clone();
        Callback::from(move |e: Event| open_input(e, purpose, &state))
    };
    let on_paste = {
        let state = state.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            paste(&e, &state);
        })
    };
    let forget = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Previous(None)))
    };
    html! {
        <section class="bring" aria-labelledby="bring-heading">
            <h2 id="bring-heading">{ "Bring a policy" }</h2>
            <div class="bring-ways">
                <div class="bring-file">
                    <label for="policy-file">{ "Policy file" }</label>
                    <p class="hint" id="policy-file-hint">{ "A web page (.html), Word document (.docx), PDF, text or Markdown file, or a bundle (.json) to go on with. Or drop a file anywhere on this page." }</p>
                    <input type="file" id="policy-file" aria-describedby="policy-file-hint"
                        accept=".txt,.md,.markdown,.html,.htm,.pdf,.docx,.json,text/plain,text/markdown,text/html,application/pdf,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        onchange={on_file(Purpose::Review)} />
                </div>
                <form class="bring-paste" onsubmit={on_paste}>
                    <label for="policy-text">{ "Policy text" }</label>
                    <p class="hint" id="policy-text-hint">{ "Paste the policy's text (plain text or Markdown)." }</p>
                    <textarea id="policy-text" name="policy-text" rows="6" aria-describedby="policy-text-hint" />
                    <button type="submit">{ "Import the text" }</button>
                </form>
            </div>
            <div class="bring-previous">
                if let Some((name, previous)) = &state.previous {
                    <p>{ format!("Updating {name} ({}): the next import keeps its summary points and facts where their sections remain.", previous.meta.title) }</p>
                    <button type="button" onclick={forget}>{ "Start afresh instead" }</button>
                } else {
                    <label for="previous-file">{ "Updating a policy? Last version's bundle" }</label>
                    <p class="hint" id="previous-file-hint">{ "Open it first, then bring the new text: its reviewed summary points and facts carry over." }</p>
                    <input type="file" id="previous-file" accept=".json,application/json" aria-describedby="previous-file-hint"
                        onchange={on_file(Purpose::Previous)} />
                }
            </div>
            <p class="hint">{ "Nothing leaves your computer: the studio reads and imports files in this page." }</p>
        </section>
    }
}

#[allow(unused_variables)]
fn open_input(e: Event, purpose: Purpose, state: &UseReducerHandle<State>) {
    #[cfg(target_arch = "wasm32")]
    {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        if let Some(file) = super::browser::file_of(input.files()) {
            let previous = state.previous.as_ref().map(|(_, b)| b.clone());
            super::browser::open(file, purpose, previous, state.dispatcher());
        }
        // The same file chosen again is a change again.
        input.set_value("");
    }
}

#[allow(unused_variables)]
fn paste(e: &SubmitEvent, state: &UseReducerHandle<State>) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(form) = e.target_dyn_into::<web_sys::HtmlFormElement>() else { return };
        let Some(field) = form.elements().named_item("policy-text") else { return };
        let text = js_sys::Reflect::get(&field, &"value".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
        if text.trim().is_empty() {
            state.dispatch(Action::Failed("Paste the policy's text into the box first.".into()));
            return;
        }
        let previous = state.previous.as_ref().map(|(_, b)| b.clone());
        super::browser::import_text(text, previous, state.dispatcher());
    }
}

fn on_drag_over() -> Callback<DragEvent> {
    // Without this, the browser would open the dropped file in place of the page.
    Callback::from(|e: DragEvent| e.prevent_default())
}

#[allow(unused_variables)]
fn on_drop(state: &UseReducerHandle<State>) -> Callback<DragEvent> {
    let state = state.clone();
    Callback::from(move |e: DragEvent| {
        e.prevent_default();
        #[cfg(target_arch = "wasm32")]
        if let Some(file) = super::browser::file_of(e.data_transfer().and_then(|d| d.files())) {
            let previous = state.previous.as_ref().map(|(_, b)| b.clone());
            super::browser::open(file, Purpose::Review, previous, state.dispatcher());
        }
    })
}

#[derive(Properties, PartialEq)]
struct PreviewProps {
    /// The bundle to show (`preview::shown`), if any can be.
    json: Option<AttrValue>,
    /// Whether it is the whole draft, without a problem left out.
    complete: bool,
}

/// The real widget, showing the draft as residents will see it, a moment
/// after the typing stops (a long policy takes a while to lay out). Each
/// change mounts a new element, as a page loading the new bundle would.
#[function_component(Preview)]
fn preview(props: &PreviewProps) -> Html {
    let shown = use_state(|| None::<(AttrValue, u32)>);
    use_effect_with(props.json.clone(), {
        let shown = shown.clone();
        move |json| {
            let key = shown.as_ref().map_or(0, |(_, k)| k + 1);
            let show = json.clone().map(|json| move || shown.set(Some((json, key))));
            #[cfg(target_arch = "wasm32")]
            let timer = show.map(|show| crate::components::after(300, Box::new(show)));
            #[cfg(not(target_arch = "wasm32"))]
            let timer = show;
            move || drop(timer)
        }
    });
    html! {
        <section class="preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{ "Preview" }</h2>
            if props.complete {
                <p class="hint">{ "As residents will see it, updated as you edit." }</p>
            } else if props.json.is_some() {
                <p class="problem">{ "Shown without the changes that have problems: fix them to see them here." }</p>
            } else {
                <p class="problem">{ "Nothing to show until the problems listed are fixed." }</p>
            }
            if let Some((json, key)) = &*shown {
                <privacy-policy key={key.to_string()} heading-level="3">
                    <script type="application/json">{ json.clone() }</script>
                </privacy-policy>
            }
        </section>
    }
}
