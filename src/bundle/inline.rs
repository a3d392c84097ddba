//! Inline text: the small Markdown subset every string of a bundle is written in.
//!
//! Supported: `**strong**`, `*emphasis*` / `_emphasis_`, `~~struck~~` (redlines),
//! `` `code` ``, `[text](target)`, `<https://autolink>`, `<name@example.org>` and
//! backslash escapes. Anything else, raw HTML included, is literal text.
//!
//! Why not a full Markdown crate: policy text needs no blocks here (blocks are
//! already structured in the bundle), a full parser treats raw HTML as markup that
//! would have to be filtered out again, and its size ships to every resident. This
//! parser produces nodes, never HTML, so there is nothing to sanitise afterwards.

/// A parsed run of inline text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// `**strong**`.
    Strong(Vec<Inline>),
    /// `*emphasis*` or `_emphasis_`.
    Emphasis(Vec<Inline>),
    /// Struck text, e.g. a redline deletion.
    Struck(Vec<Inline>),
    /// `` `code` ``.
    Code(String),
    /// `[text](target)` or an autolink.
    Link {
        /// Where it goes, checked.
        target: LinkTarget,
        /// The link's text.
        children: Vec<Inline>,
    },
}

/// Where a link goes, after the scheme check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkTarget {
    /// An `https`, `http`, `mailto` or `tel` address, trimmed.
    External(String),
    /// `#id`: another section of the same policy.
    Section(String),
    /// Anything else (`javascript:`, `data:`, relative paths, an empty target):
    /// the link text is shown, the target is dropped, and validation reports it.
    Refused(String),
}

/// Schemes a link may use. Everything else is refused.
pub const ALLOWED_SCHEMES: [&str; 4] = ["https", "http", "mailto", "tel"];

/// Deeper nesting than this is shown literally: real policies nest two or three
/// levels, and the bound keeps hostile input from costing more than linear time
/// per level.
const MAX_DEPTH: usize = 8;

/// Checks a link target. Control characters and spaces anywhere are refused
/// because browsers strip some of them (`java\tscript:` is `javascript:`).
pub fn classify_target(raw: &str) -> LinkTarget {
    let target = raw.trim_matches(|c: char| c == ' ' || c == '\u{a0}');
    let refused = || LinkTarget::Refused(raw.to_owned());
    if target.is_empty() || target.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return refused();
    }
    if let Some(id) = target.strip_prefix('#') {
        return if crate::bundle::names::is_valid_id(id) { LinkTarget::Section(id.to_owned()) } else { refused() };
    }
    match target.split_once(':') {
        Some((scheme, rest)) if !rest.is_empty() && ALLOWED_SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme)) => {
            LinkTarget::External(target.to_owned())
        }
        _ => refused(),
    }
}

/// Parses inline text into nodes.
pub fn parse(text: &str) -> Vec<Inline> {
    // Most of a policy's text has no markup: one text node, without the
    // parser's copy of it as characters. Validation parses every text of the
    // bundle while the resident waits (half its time at Mass.gov 2016's
    // length), and each keystroke's marks re-render the matched sections.
    if !text.contains(MARKUP) {
        return if text.is_empty() { Vec::new() } else { vec![Inline::Text(text.to_owned())] };
    }
    let chars: Vec<char> = text.chars().collect();
    Parser { chars: &chars, depth: 0 }.run(0, chars.len())
}

/// The text a reader sees, markup removed (struck text included).
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_plain(&parse(text), &mut out);
    out
}

/// Appends the visible text of nodes to `out`.
pub fn push_plain(nodes: &[Inline], out: &mut String) {
    for node in nodes {
        match node {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Struck(c) | Inline::Link { children: c, .. } => {
                push_plain(c, out)
            }
        }
    }
}

/// Plain text written as inline text that reads back as exactly that text:
/// the characters that could start markup get a backslash.
pub fn escape(plain: &str) -> String {
    let mut out = String::with_capacity(plain.len());
    for c in plain.chars() {
        if matches!(c, '\\' | '*' | '_' | '~' | '`' | '[' | ']' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Every link in nodes, depth first.
pub fn links(nodes: &[Inline]) -> Vec<&LinkTarget> {
    let mut out = Vec::new();
    fn walk<'a>(nodes: &'a [Inline], out: &mut Vec<&'a LinkTarget>) {
        for node in nodes {
            match node {
                Inline::Link { target, children } => {
                    out.push(target);
                    walk(children, out);
                }
                Inline::Strong(c) | Inline::Emphasis(c) | Inline::Struck(c) => walk(c, out),
                Inline::Text(_) | Inline::Code(_) => {}
            }
        }
    }
    walk(nodes, &mut out);
    out
}

/// Whether `text` has a character that can start a link (`[text](target)`,
/// `<target>`).
pub fn may_link(text: &str) -> bool {
    text.bytes().any(|b| b == b'[' || b == b'<')
}

/// Every character that can start markup (`Parser::run`, `Parser::try_special`).
const MARKUP: [char; 7] = ['\\', '`', '[', '<', '*', '_', '~'];

struct Parser<'a> {
    chars: &'a [char],
    depth: usize,
}

/// Makes the node a pair of delimiters stands for.
type Wrap = fn(Vec<Inline>) -> Inline;

/// The paired delimiters, longest first so `**` wins over `*`.
const DELIMITERS: [(&str, Wrap); 5] = [
    ("**", Inline::Strong),
    ("__", Inline::Strong),
    ("~~", Inline::Struck),
    ("*", Inline::Emphasis),
    ("_", Inline::Emphasis),
];

impl Parser<'_> {
    fn run(&mut self, start: usize, end: usize) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut text = String::new();
        // Where a search for each delimiter's closer already failed: a later search
        // from further on would fail too, so it is not repeated (keeps this linear).
        let mut no_closer_after = [usize::MAX; DELIMITERS.len()];
        let mut no_bracket_close_after = usize::MAX;
        let mut i = start;
        while i < end {
            let c = self.chars[i];
            if c == '\\' && i + 1 < end && self.chars[i + 1].is_ascii_punctuation() {
                text.push(self.chars[i + 1]);
                i += 2;
                continue;
            }
            if self.depth < MAX_DEPTH {
                if let Some((node, next)) = self.try_special(i, end, &mut no_closer_after, &mut no_bracket_close_after)
                {
                    flush(&mut text, &mut out);
                    out.push(node);
                    i = next;
                    continue;
                }
            }
            text.push(c);
            i += 1;
        }
        flush(&mut text, &mut out);
        out
    }

    fn try_special(
        &mut self,
        i: usize,
        end: usize,
        no_closer_after: &mut [usize; DELIMITERS.len()],
        no_bracket_close_after: &mut usize,
    ) -> Option<(Inline, usize)> {
        match self.chars[i] {
            '`' => {
                let close = self.find(i + 1, end, "`")?;
                Some((Inline::Code(self.chars[i + 1..close].iter().collect()), close + 1))
            }
            '[' if i >= *no_bracket_close_after => None,
            '[' => {
                let Some(close) = self.matching_bracket(i, end) else {
                    *no_bracket_close_after = i;
                    return None;
                };
                if close + 1 >= end || self.chars[close + 1] != '(' {
                    return None;
                }
                let target_end = self.matching_paren(close + 1, end)?;
                let raw: String = self.chars[close + 2..target_end].iter().collect();
                let children = self.nested(i + 1, close);
                Some((Inline::Link { target: classify_target(&raw), children }, target_end + 1))
            }
            '<' => {
                let close = self.find(i + 1, end, ">")?;
                let inner: String = self.chars[i + 1..close].iter().collect();
                if inner.is_empty() || inner.contains(char::is_whitespace) {
                    return None;
                }
                let raw = if is_autolink_scheme(&inner) {
                    inner.clone()
                } else if is_email(&inner) {
                    format!("mailto:{inner}")
                } else {
                    return None;
                };
                Some((Inline::Link { target: classify_target(&raw), children: vec![Inline::Text(inner)] }, close + 1))
            }
            '*' | '_' | '~' => {
                for (k, (delim, make)) in DELIMITERS.iter().enumerate() {
                    if i >= no_closer_after[k] || !self.starts_with(i, end, delim) {
                        continue;
                    }
                    let open_end = i + delim.chars().count();
                    if !self.can_open(i, open_end, end, delim) {
                        continue;
                    }
                    match self.find_closer(open_end, end, delim) {
                        Some(close) => {
                            let children = self.nested(open_end, close);
                            return Some((make(children), close + delim.chars().count()));
                        }
                        None => no_closer_after[k] = i,
                    }
                }
                None
            }
            _ => None,
        }
    }

    fn nested(&mut self, start: usize, end: usize) -> Vec<Inline> {
        self.depth += 1;
        let nodes = self.run(start, end);
        self.depth -= 1;
        nodes
    }

    fn starts_with(&self, i: usize, end: usize, s: &str) -> bool {
        let n = s.chars().count();
        i + n <= end && s.chars().zip(&self.chars[i..i + n]).all(|(a, b)| a == *b)
    }

    fn find(&self, from: usize, end: usize, s: &str) -> Option<usize> {
        (from..end).find(|&j| self.starts_with(j, end, s))
    }

    /// An opener must be followed by a non-space; `_` must also not sit inside a
    /// word (`snake_case_name` stays literal).
    fn can_open(&self, i: usize, open_end: usize, end: usize, delim: &str) -> bool {
        let next_ok = open_end < end && !self.chars[open_end].is_whitespace();
        let intraword = delim.starts_with('_') && i > 0 && self.chars[i - 1].is_alphanumeric();
        next_ok && !intraword
    }

    fn find_closer(&self, from: usize, end: usize, delim: &str) -> Option<usize> {
        let n = delim.chars().count();
        let mut j = from;
        while j < end {
            if self.chars[j] == '\\' {
                j += 2;
                continue;
            }
            if self.chars[j] == '`' {
                // A code span hides delimiters inside it.
                if let Some(close) = self.find(j + 1, end, "`") {
                    j = close + 1;
                    continue;
                }
            }
            if j > from && self.starts_with(j, end, delim) && !self.chars[j - 1].is_whitespace() {
                let after = j + n;
                // `**a*` must not close `*` with the first star of a `**`.
                let doubled = after < end && self.chars[after] == self.chars[j] && n == 1;
                let intraword = delim.starts_with('_') && after < end && self.chars[after].is_alphanumeric();
                if !doubled && !intraword {
                    return Some(j);
                }
                j += n + usize::from(doubled);
                continue;
            }
            j += 1;
        }
        None
    }

    fn matching_bracket(&self, open: usize, end: usize) -> Option<usize> {
        self.matching(open, end, '[', ']')
    }

    /// Link targets may hold balanced parentheses (`…/Foo_(bar)`), and a
    /// `javascript:alert(1)` target must be read whole to be refused whole.
    fn matching_paren(&self, open: usize, end: usize) -> Option<usize> {
        self.matching(open, end, '(', ')')
    }

    fn matching(&self, open: usize, end: usize, left: char, right: char) -> Option<usize> {
        let mut depth = 0usize;
        let mut j = open;
        while j < end {
            match self.chars[j] {
                '\\' => j += 1,
                c if c == left => depth += 1,
                c if c == right => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(j);
                    }
                }
                _ => {}
            }
            j += 1;
        }
        None
    }
}

fn flush(text: &mut String, out: &mut Vec<Inline>) {
    if !text.is_empty() {
        out.push(Inline::Text(std::mem::take(text)));
    }
}

/// `scheme:rest` with a CommonMark scheme (a letter, then 1–31 letters, digits,
/// `+`, `.` or `-`): what makes `<…>` an autolink rather than text.
fn is_autolink_scheme(s: &str) -> bool {
    let Some((scheme, _)) = s.split_once(':') else { return false };
    scheme.len() >= 2
        && scheme.len() <= 32
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
}

/// A plain `name@domain.tld` address, as found in policy text.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.chars().all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c))
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use Inline::*;

    fn t(s: &str) -> Inline {
        Text(s.to_owned())
    }

    #[test]
    fn a_text_validation_skips_has_no_link() {
        for text in ["[a](https://x.org)", "<https://x.org>", "<a@b.org>", "**[b](#s)**", "~~[c](javascript:x)~~"] {
            assert!(!links(&parse(text)).is_empty() && may_link(text), "{text}");
        }
        assert!(!may_link("*Emphasis*, `code` and (parentheses) hold no link: https://x.org"));
    }

    /// The parser itself, without `parse`'s shortcut for text with no markup.
    #[cfg(not(target_arch = "wasm32"))]
    fn parsed_char_by_char(text: &str) -> Vec<Inline> {
        let chars: Vec<char> = text.chars().collect();
        Parser { chars: &chars, depth: 0 }.run(0, chars.len())
    }

    // proptest is a native dev-dependency (the wasm test build has no use for it).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn the_shortcut_for_text_without_markup_reads_as_the_parser_does(
            // Plain text, and text with one kind of markup around a word.
            text in "[a-z ().,:é]{0,60}|[a-z ]{0,9}(_|\\*|~~|`|\\\\|<https:|\\[)[a-z]{1,9}(_|\\*|~~|`|>|\\]\\(https:x\\)|\\.)[a-z ]{0,9}"
        ) {
            proptest::prop_assert_eq!(parse(&text), parsed_char_by_char(&text));
        }
    }

    #[test]
    fn emphasis_strong_struck_and_code() {
        assert_eq!(
            parse("a **b** *c* _d_ ~~e~~ `f*g`"),
            vec![
                t("a "),
                Strong(vec![t("b")]),
                t(" "),
                Emphasis(vec![t("c")]),
                t(" "),
                Emphasis(vec![t("d")]),
                t(" "),
                Struck(vec![t("e")]),
                t(" "),
                Code("f*g".into())
            ]
        );
    }

    #[test]
    fn nested_markup_as_in_mass_gov() {
        assert_eq!(parse("**_Effective_**"), vec![Strong(vec![Emphasis(vec![t("Effective")])])]);
        assert_eq!(
            parse("[**Mass.gov**](http://mass.gov/)"),
            vec![Link {
                target: LinkTarget::External("http://mass.gov/".into()),
                children: vec![Strong(vec![t("Mass.gov")])]
            }]
        );
    }

    #[test]
    fn unmatched_and_intraword_delimiters_stay_literal() {
        assert_eq!(plain("2 * 3 = 6 and snake_case_name"), "2 * 3 = 6 and snake_case_name");
        assert_eq!(parse("**open only"), vec![t("**open only")]);
        assert_eq!(plain(r"\*not emphasis\*"), "*not emphasis*");
    }

    #[test]
    fn raw_html_is_literal_text() {
        let s = "<script>alert(1)</script><img src=x onerror=alert(1)>";
        assert_eq!(parse(s), vec![t(s)]);
    }

    #[test]
    fn escaped_plain_text_reads_back_unchanged() {
        for s in ["a *b* _c_ ~~d~~ `e` [f](g) <h:i> \\ j", "**", "<CCC:*`.z>", "snake_case"] {
            assert_eq!(plain(&escape(s)), s);
            assert!(links(&parse(&escape(s))).is_empty());
        }
    }

    #[test]
    fn angle_brackets_without_a_scheme_are_text() {
        assert_eq!(parse("a <:**> b <1:2> c"), vec![t("a <:**> b <1:2> c")]);
    }

    #[test]
    fn autolinks_and_emails() {
        assert_eq!(
            parse("<https://example.org/a>"),
            vec![Link {
                target: LinkTarget::External("https://example.org/a".into()),
                children: vec![t("https://example.org/a")]
            }]
        );
        assert_eq!(
            parse("<webadmin@cpsd.us>"),
            vec![Link {
                target: LinkTarget::External("mailto:webadmin@cpsd.us".into()),
                children: vec![t("webadmin@cpsd.us")]
            }]
        );
    }

    #[test]
    fn dangerous_targets_are_refused_but_their_text_kept() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<b>x</b>",
            "vbscript:msgbox(1)",
            "//evil.example",
            "",
            "#",
        ] {
            assert!(matches!(classify_target(bad), LinkTarget::Refused(_)), "{bad:?} was accepted");
        }
        assert_eq!(plain("[click](javascript:alert(1))"), "click");
        for good in ["https://a.org", "HTTP://a.org", "mailto:a@b.org", "tel:+16175551212"] {
            assert!(matches!(classify_target(good), LinkTarget::External(_)), "{good:?} was refused");
        }
        assert_eq!(classify_target("#security"), LinkTarget::Section("security".into()));
    }

    #[test]
    fn hostile_nesting_keeps_the_text() {
        let deep = "[".repeat(5000) + "x" + &"*".repeat(5000) + &"~~".repeat(2000) + "y";
        let text = plain(&deep);
        assert!(text.contains('x') && text.ends_with('y'));
        let nested = "**a ".repeat(50) + "b" + &"**".repeat(50);
        assert_eq!(plain(&nested).matches('a').count(), 50);
    }
}
