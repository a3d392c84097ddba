//! Headings at a level the embedding page chooses (`config.heading_level`), so
//! the widget's outline sits under the CMS page's own `<h1>`.

use yew::prelude::*;

use super::element::element;

/// A heading at `level`; past `h6` HTML has no element, so ARIA carries the level.
pub fn heading(level: u8, class: &'static str, id: Option<String>, children: Html) -> Html {
    let (tag, aria) = match level {
        1..=6 => (format!("h{level}"), None),
        _ => ("div".to_owned(), Some(level.to_string().into())),
    };
    let role = aria.is_some().then_some(AttrValue::Static("heading"));
    let keys = &["role", "aria-level", "class", "id"];
    element(tag, keys, [role, aria, Some(class.into()), id.map(AttrValue::from)], children)
}
