//! Links in the source that cannot be links in a bundle: placeholders such as
//! `[Public Records Law](#)` left by a CMS export, relative paths, `javascript:`.
//! Their text stays; the dead target goes, and the removal is reported.

use std::sync::LazyLock;

use regex::Regex;

use super::Notice;
use crate::bundle::inline::{classify_target, LinkTarget};

static LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[([^\[\]]*)\]\(((?:[^()\s]|\([^()\s]*\))*)\)").unwrap());

/// Rewrites refused links in `text` as their label; relative paths are made
/// absolute when the publisher's website is known.
pub fn mend(text: &mut String, website: Option<&str>, notices: &mut Vec<Notice>) {
    if !text.contains("](") {
        return;
    }
    let mended = LINK.replace_all(text, |c: &regex::Captures| {
        let (label, target) = (&c[1], &c[2]);
        if !matches!(classify_target(target), LinkTarget::Refused(_)) {
            return c[0].to_owned();
        }
        if let (Some(site), true) = (website, target.starts_with('/') && !target.starts_with("//")) {
            return format!("[{label}]({}{target})", site.trim_end_matches('/'));
        }
        notices
            .push(Notice::new(0, format!("kept the text of a link with no usable target ({target:?}): \"{label}\"")));
        label.to_owned()
    });
    if let std::borrow::Cow::Owned(m) = mended {
        *text = m;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_and_unsafe_links_keep_their_text() {
        let mut notices = Vec::new();
        let mut t =
            "See the [Public Records Law](#), [this](javascript:alert(1)) and [law](https://mass.gov/law).".to_owned();
        mend(&mut t, None, &mut notices);
        assert_eq!(t, "See the Public Records Law, this and [law](https://mass.gov/law).");
        assert_eq!(notices.len(), 2);
        let mut r = "[forms](/forms)".to_owned();
        mend(&mut r, Some("https://town.gov/"), &mut notices);
        assert_eq!(r, "[forms](https://town.gov/forms)");
    }
}
