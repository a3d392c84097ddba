//! Form controls with their label and, beside them, the validator's messages
//! about the field they edit: a problem is shown where it is fixed, and
//! announced with the control (`aria-describedby`, `aria-invalid`).

use yew::prelude::*;

use crate::bundle::Problem;

/// The id of the control that edits the value at a bundle's JSON `path`
/// (`facts[2].section` → `f-facts-2-section`): problems link to it.
pub fn field_id(path: &str) -> String {
    let mut id = String::from("f-");
    for c in path.chars() {
        match c {
            '.' | '[' => id.push('-'),
            ']' => {}
            c => id.push(c),
        }
    }
    id
}

/// The fields the studio edits in each list's items.
const ITEM_FIELDS: &[(&str, &[&str])] = &[
    ("summary", &["text", "section"]),
    ("facts", &["kind", "answer", "value", "quote", "section"]),
    ("definitions", &["term", "aliases", "text", "section"]),
    ("contacts", &["label", "email", "phone", "url", "address", "section"]),
];

/// Where a problem at `path` is fixed: its field; else the item or the
/// section that holds what is wrong (a link in a section's text); else
/// nowhere on the page (the format, say).
pub fn anchor_for(path: &str) -> Option<String> {
    let top = path.split(['.', '[']).next()?;
    if top == "meta" {
        return Some(field_id(path));
    }
    if top == "sections" {
        let start = path.rfind("sections[")?;
        let end = start + path[start..].find(']')? + 1;
        let at_title = &path[end..] == ".title";
        return Some(field_id(if at_title { path } else { &path[..end] }));
    }
    let (_, fields) = ITEM_FIELDS.iter().find(|(list, _)| *list == top)?;
    let end = path.find(']')? + 1;
    let field = path[end..].strip_prefix('.').and_then(|rest| rest.split(['.', '[']).next());
    Some(match field.filter(|f| fields.contains(f)) {
        Some(field) => field_id(&format!("{}.{field}", &path[..end])),
        None => field_id(&path[..end]),
    })
}

/// The problems at `path` or inside it.
pub fn problems_at<'a>(problems: &'a [Problem], path: &str) -> Vec<&'a Problem> {
    problems
        .iter()
        .filter(|p| {
            p.path == path
                || (p.path.starts_with(path) && matches!(p.path.as_bytes().get(path.len()), Some(b'.' | b'[')))
        })
        .collect()
}

/// A control's current value, whatever element it is (input, textarea, select).
fn value_of(e: &Event) -> String {
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// What kind of control a field is.
#[derive(Clone, PartialEq)]
pub enum Control {
    Line,
    Lines,
    /// `(value, label)` pairs.
    Choice(Vec<(String, String)>),
}

/// A labelled control for the value at `path`.
pub struct Field<'a> {
    pub path: String,
    pub label: &'a str,
    pub hint: Option<&'a str>,
    pub value: &'a str,
    pub control: Control,
    pub problems: &'a [Problem],
    pub on_change: Callback<String>,
}

impl Field<'_> {
    pub fn render(self) -> Html {
        let id = field_id(&self.path);
        let problems = problems_at(self.problems, &self.path);
        let (hint_id, problem_id) = (format!("{id}-hint"), format!("{id}-problem"));
        let described = [self.hint.map(|_| hint_id.clone()), (!problems.is_empty()).then(|| problem_id.clone())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let described = (!described.is_empty()).then_some(described);
        let invalid = (!problems.is_empty()).then_some("true");
        let on_change = self.on_change;
        let oninput = Callback::from(move |e: InputEvent| on_change.emit(value_of(&e)));
        let value = self.value.to_owned();
        let control = match self.control {
            Control::Line => html! {
                <input type="text" id={id.clone()} {value} {oninput} aria-describedby={described} aria-invalid={invalid} />
            },
            Control::Lines => html! {
                <textarea id={id.clone()} {value} {oninput} rows="3" aria-describedby={described} aria-invalid={invalid} />
            },
            Control::Choice(options) => html! {
                <select id={id.clone()} {oninput} aria-describedby={described} aria-invalid={invalid}>
                    { for options.into_iter().map(|(v, label)| html! {
                        <option selected={v == value} value={v.clone()}>{ label }</option>
                    }) }
                </select>
            },
        };
        html! {
            <div class={if problems.is_empty() { "field" } else { "field field-invalid" }}>
                <label for={id}>{ self.label }</label>
                if let Some(hint) = self.hint {
                    <p class="hint" id={hint_id}>{ hint }</p>
                }
                { control }
                if !problems.is_empty() {
                    <p class="problem" id={problem_id}>
                        { for problems.iter().map(|p| html! { <span>{ problem_text(p, &self.path) }</span> }) }
                    </p>
                }
            </div>
        }
    }
}

/// A problem as said beside its field: the message, with the path only where
/// it goes deeper than the field.
fn problem_text(problem: &Problem, path: &str) -> String {
    match problem.path.strip_prefix(path) {
        Some("") | None => problem.message.clone(),
        Some(deeper) => format!("{}: {}", deeper.trim_start_matches('.'), problem.message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_belongs_to_its_field_and_those_around_it() {
        let problems = [Problem::new("facts[2].section", "no such section"), Problem::new("facts[20].value", "empty")];
        assert_eq!(problems_at(&problems, "facts[2].section").len(), 1);
        assert_eq!(problems_at(&problems, "facts[2]").len(), 1);
        assert_eq!(problems_at(&problems, "facts").len(), 2);
        assert_eq!(problems_at(&problems, "facts[2].sec").len(), 0);
        assert_eq!(field_id("facts[2].section"), "f-facts-2-section");
    }

    #[test]
    fn a_problem_links_to_its_field_or_else_what_holds_it() {
        assert_eq!(anchor_for("meta.publisher.name").as_deref(), Some("f-meta-publisher-name"));
        assert_eq!(anchor_for("facts[2].section").as_deref(), Some("f-facts-2-section"));
        assert_eq!(anchor_for("definitions[0].aliases[1]").as_deref(), Some("f-definitions-0-aliases"));
        assert_eq!(anchor_for("contacts[1]").as_deref(), Some("f-contacts-1"));
        assert_eq!(anchor_for("sections[1].sections[0].title").as_deref(), Some("f-sections-1-sections-0-title"));
        assert_eq!(anchor_for("sections[3].blocks[0].items[2].text").as_deref(), Some("f-sections-3"));
        assert_eq!(anchor_for("format"), None);
        assert_eq!(anchor_for("intro[0].text"), None);
    }
}
