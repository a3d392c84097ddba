//! What the preview shows while the draft has problems: the widget refuses a
//! bundle with any, but one wrong date must not freeze the preview of every
//! other edit. So the preview takes the draft with each problem's value put
//! back as it was in the last version without problems, or, where that
//! version had none there (a fact just added), without the item at fault.

use serde_json::Value;

use crate::bundle::validate::validate;
use crate::bundle::{Bundle, Problem};

/// One step of a problem's path: `facts[2].section` is `facts`, 2, `section`.
#[derive(Debug, PartialEq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        for index in rest.split('[') {
            if !index.is_empty() {
                out.push(Step::Index(index.trim_end_matches(']').parse().ok()?));
            }
        }
    }
    Some(out)
}

fn get<'a>(value: &'a Value, steps: &[Step]) -> Option<&'a Value> {
    steps.iter().try_fold(value, |v, step| match step {
        Step::Key(k) => v.get(*k),
        Step::Index(i) => v.get(*i),
    })
}

fn get_mut<'a>(value: &'a mut Value, steps: &[Step]) -> Option<&'a mut Value> {
    steps.iter().try_fold(value, |v, step| match step {
        Step::Key(k) => v.get_mut(*k),
        Step::Index(i) => v.get_mut(*i),
    })
}

/// Puts back, or takes out, what `problem` is about. False when it cannot.
fn repair(draft: &mut Value, last: Option<&Value>, problem: &Problem) -> bool {
    let Some(steps) = steps(&problem.path) else { return false };
    if steps.is_empty() {
        return false;
    }
    if let Some(before) = last.and_then(|l| get(l, &steps)) {
        if let Some(slot) = get_mut(draft, &steps) {
            *slot = before.clone();
            return true;
        }
    }
    // Nothing to put back: take out the innermost list item around it, or
    // else the field (one the last version did without).
    let Some(item) = steps.iter().rposition(|s| matches!(s, Step::Index(_))) else {
        let (Some(Step::Key(key)), parent) = (steps.last(), &steps[..steps.len() - 1]) else { return false };
        return get_mut(draft, parent).and_then(Value::as_object_mut).and_then(|o| o.remove(*key)).is_some();
    };
    let Step::Index(index) = steps[item] else { return false };
    match get_mut(draft, &steps[..item]).and_then(Value::as_array_mut) {
        Some(list) if index < list.len() => {
            list.remove(index);
            true
        }
        _ => false,
    }
}

/// The bundle the preview shows: `draft` itself when it has no problems,
/// else `draft` repaired from `last_valid`, else `last_valid` (or nothing).
pub fn shown(draft: &Bundle, problems: &[Problem], last_valid: Option<&Bundle>) -> Option<Bundle> {
    if problems.is_empty() {
        return Some(draft.clone());
    }
    let mut value = serde_json::to_value(draft).ok()?;
    let last = last_valid.and_then(|b| serde_json::to_value(b).ok());
    // Last first, so that taking an item out does not shift the ones before it.
    let mut ordered: Vec<&Problem> = problems.iter().collect();
    ordered.sort_by(|a, b| b.path.cmp(&a.path));
    let repaired = ordered.iter().all(|p| repair(&mut value, last.as_ref(), p));
    let bundle = repaired.then(|| serde_json::from_value::<Bundle>(value).ok()).flatten();
    match bundle {
        Some(bundle) if validate(&bundle).is_empty() => Some(bundle),
        _ => last_valid.cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::Fact;

    fn concord() -> Bundle {
        serde_json::from_str(include_str!("../../www/policies/concord.json")).unwrap()
    }

    #[test]
    fn paths_read_as_steps() {
        assert_eq!(
            steps("sections[1].sections[0].title").unwrap(),
            [Step::Key("sections"), Step::Index(1), Step::Key("sections"), Step::Index(0), Step::Key("title")]
        );
        assert_eq!(steps("meta.effective_date").unwrap(), [Step::Key("meta"), Step::Key("effective_date")]);
    }

    #[test]
    fn a_wrong_value_shows_as_it_was_and_every_other_edit_shows() {
        let valid = concord();
        let mut draft = valid.clone();
        draft.meta.effective_date = Some("2024-13-45".into());
        draft.summary[0].text = "Edited point.".into();
        let problems = validate(&draft);
        assert_eq!(problems.len(), 1);
        let shown = shown(&draft, &problems, Some(&valid)).unwrap();
        assert_eq!(shown.meta.effective_date, valid.meta.effective_date);
        assert_eq!(shown.summary[0].text, "Edited point.");
    }

    #[test]
    fn a_new_item_with_a_problem_is_left_out_until_it_has_none() {
        let valid = concord();
        let mut draft = valid.clone();
        draft.facts.push(Fact { section: "no-such-section".into(), ..draft.facts[0].clone() });
        draft.meta.title = "New title".into();
        let problems = validate(&draft);
        let shown = shown(&draft, &problems, Some(&valid)).unwrap();
        assert_eq!(shown.facts.len(), valid.facts.len());
        assert_eq!(shown.meta.title, "New title");
    }

    #[test]
    fn without_a_valid_version_nothing_wrong_is_shown() {
        let mut draft = concord();
        draft.meta.title = String::new();
        let problems = validate(&draft);
        assert_eq!(shown(&draft, &problems, None), None);
    }
}
