//! Links in the source that cannot be links in a bundle: placeholders such as
//! `[Public Records Law](#)` left by a CMS export, anchors of the original page
//! (`#top`: the bundle's section ids are made later and differ), relative paths,
//! `javascript:`. Their text stays; the dead target goes, and it is reported.

use std::sync::LazyLock;

use regex::Regex;

use super::Notice;
use crate::bundle::inline::{self, classify_target, LinkTarget};

static AUTOLINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*)>").unwrap());
/// A link's target followed by a title in quotes or parentheses.
static TITLED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^\s*(\S+)\s+(?:"[^"]*"|'[^']*'|\([^()]*\))\s*$"#).unwrap());
static LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[([^\[\]]*)\]\(((?:[^()]|\([^()]*\))*)\)").unwrap());

/// Rewrites refused links in `text` as their label (an autolink as escaped
/// text); relative paths are made absolute when the publisher's website is known.
pub fn mend(text: &mut String, website: Option<&str>, notices: &mut Vec<Notice>) {
    if text.contains('<') {
        let mended = AUTOLINK.replace_all(text, |c: &regex::Captures| {
            if !matches!(classify_target(&c[1]), LinkTarget::External(_)) {
                notices.push(Notice::new(0, format!("kept as text a link that cannot be one: <{}>", &c[1])));
                format!("\\<{}>", &c[1])
            } else {
                c[0].to_owned()
            }
        });
        if let std::borrow::Cow::Owned(m) = mended {
            *text = m;
        }
    }
    let mended = LINK.replace_all(text, |c: &regex::Captures| {
        let label = &c[1];
        // CommonMark's title after the target (`[text](https://… "title")`):
        // the bundle's links carry none, so it goes and the link stays.
        let target = TITLED.captures(&c[2]).map_or(&c[2], |t| t.get(1).map_or("", |m| m.as_str()));
        if matches!(classify_target(target), LinkTarget::External(_)) {
            return if target == &c[2] { c[0].to_owned() } else { format!("[{label}]({target})") };
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
    // Whatever link syntax is left that could still make a refused link (nested
    // brackets, odd spacing) is written as literal text instead.
    if inline::links(&inline::parse(text)).iter().any(|l| !matches!(l, LinkTarget::External(_))) {
        *text = escape_link_openers(text);
        notices.push(Notice::new(0, "kept link-like text that cannot be a link as literal text"));
    }
}

/// A backslash before every `[` and `<` that is not escaped already.
fn escape_link_openers(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                out.extend(chars.next());
            }
            '[' | '<' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
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

    #[test]
    fn a_links_title_goes_and_the_link_stays() {
        let mut notices = Vec::new();
        let mut t =
            r#"See [the law](https://mass.gov/law "Public Records Law") and [forms](/forms 'Forms')."#.to_owned();
        mend(&mut t, Some("https://town.gov"), &mut notices);
        assert_eq!(t, "See [the law](https://mass.gov/law) and [forms](https://town.gov/forms).");
        assert!(notices.is_empty(), "{notices:?}");
    }

    #[test]
    fn link_syntax_that_cannot_be_a_link_becomes_literal_text() {
        // Found by the `import` fuzz target: a tab and a NUL inside the target.
        let mut t = "[##>](\tc**`PJ\0):sz".to_owned();
        mend(&mut t, None, &mut Vec::new());
        assert_eq!(t, "##>:sz", "the words stay, the unusable target goes");
        let mut twice = "CC<><(><CC:(><CC:.x.C<><(>c".to_owned();
        mend(&mut twice, None, &mut Vec::new());
        assert!(inline::links(&inline::parse(&twice)).is_empty(), "{twice:?}");
        let mut nested = "see [a [b] c](javascript:x)".to_owned();
        mend(&mut nested, None, &mut Vec::new());
        assert_eq!(inline::plain(&nested), "see [a [b] c](javascript:x)");
    }
}
