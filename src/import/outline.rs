//! Stage 4: raw blocks become the section tree.
//!
//! Headings come in many styles: `#` Markdown, bold lines, bold or italic run-in
//! lead-ins (`**Security.** Because…`), bare short lines, numbered, lettered or
//! roman-numbered lines, `Section 3`, questions. Like reStructuredText, levels
//! follow the order in which styles first appear: the first style met is level 1,
//! the next new one level 2, and so on, so any mix of styles nests sensibly.

use std::sync::LazyLock;

use regex::Regex;

use super::blocks::Raw;
use super::ids::Slugger;
use crate::bundle::{inline, Block, Field, List, ListItem, Section, Table, Tool, ToolField};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Markdown(usize),
    /// A bold line or a bold lead-in: one style, as policies mix the two for
    /// the same level ("**Security.** Because…" and "**Definitions:**").
    Bold,
    ItalicRunIn,
    Keyword,
    Numbered(usize),
    Roman,
    Letter,
    Question,
    BareLine,
}

#[derive(Debug)]
struct Heading {
    style: Style,
    title: String,
    /// The text after a run-in heading, which opens the section.
    run_in: Option<String>,
}

/// The body as an introduction (before any heading) and a tree of sections.
pub struct Outline {
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
}

static BOLD_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\*\*|__)([^*_].*?)(?:\*\*|__)\s*([.:]?)$").unwrap());
static BOLD_RUN_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\*\*([^*]+?)([.:?])\s*\*\*\s*[.:]*\s*(\S.*)$|^\*\*([^*]+?)\*\*\s*([.:])[.:]*\s*(\S.*)$").unwrap()
});
static ITALIC_RUN_IN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([_*])([^_*]+?)\.?[_*]\s*[.:]?\s*(?:\.\s+)?(\S.*)$").unwrap());
/// "Section 3", "ARTICLE IV", "Part B" (also read by stage 2, which gives
/// such a line a block of its own).
pub(super) static KEYWORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:section|article|part|chapter)\s+(?:\d+|[ivxlc]+|[a-z])\b").unwrap());
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+(\S.*)$").unwrap());
static ROMAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([IVXLC]{1,6})[.)]\s+(\S.*)$").unwrap());
/// "A. …", "B) …" (also read by stage 2: a lettered line starts a paragraph).
pub(super) static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([A-Z])[.)]\s+(\S.*)$").unwrap());
static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\*\*([^*:]{1,40}?)\s*:\s*\*\*\s*(.*)$|^\*\*([^*:]{1,40}?)\*\*\s*:\s*(.*)$|^\*\*([^*:]{1,40}?)\s*:\s*(\S.*?)\s*\*\*\s*(.*)$").unwrap()
});
static TOOL_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:tool|service|vendor|provider)(?:\s+name)?\s*:\s*").unwrap());
static VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:is|are|was|were|will|would|may|can|could|do|does|did|not|have|has|had|we|i|you|they|it|use|uses|collect|collects|sell|sells|share|shares|must|should)\b").unwrap()
});

/// Builds the section tree from the policy body.
pub fn build(body: Vec<Raw>, slugger: &mut Slugger) -> Outline {
    let period_titles =
        body.iter().filter(|b| matches!(b, Raw::Paragraph { text, lines: 1 } if is_period_title(text))).count();
    let mut styles: Vec<Style> = Vec::new();
    // Open sections, outermost first, with their levels.
    let mut stack: Vec<(usize, Section)> = Vec::new();
    let mut roots: Vec<Section> = Vec::new();
    let mut intro: Vec<Raw> = Vec::new();
    let mut pending: Vec<Raw> = Vec::new();

    let close_to = |level: usize, stack: &mut Vec<(usize, Section)>, roots: &mut Vec<Section>| {
        while stack.last().is_some_and(|(l, _)| *l >= level) {
            let (_, done) = stack.pop().unwrap();
            match stack.last_mut() {
                Some((_, parent)) => parent.sections.push(done),
                None => roots.push(done),
            }
        }
    };

    // Each block's heading, if it is one. A heading must name something: one
    // whose words are all markup is text.
    let mut headings: Vec<Option<Heading>> = (0..body.len())
        .map(|i| {
            heading_of(&body, i, period_titles >= 3)
                .filter(|h| !inline::plain(&h.title).trim().is_empty())
                .filter(|_| !starts_tool(&body, i))
        })
        .collect();
    if let Some(byline) = lone_leading_bare_line(&headings) {
        headings[byline] = None;
    }

    let mut i = 0;
    while i < body.len() {
        let Some(heading) = headings[i].take() else {
            pending.push(body[i].clone());
            i += 1;
            continue;
        };
        // Content so far belongs to the section that is open (or the intro).
        let content = std::mem::take(&mut pending);
        match stack.last_mut() {
            Some((_, open)) => open.blocks.extend(convert(content, &open.title)),
            None => intro.extend(content),
        }
        let level = match styles.iter().position(|s| *s == heading.style) {
            Some(p) => p + 1,
            None => {
                styles.push(heading.style);
                styles.len()
            }
        };
        close_to(level, &mut stack, &mut roots);
        let id = slugger.slug(&inline::plain(&heading.title));
        stack.push((level, Section { id, title: heading.title, blocks: Vec::new(), sections: Vec::new() }));
        if let Some(text) = heading.run_in {
            pending.push(Raw::Paragraph { text, lines: 1 });
        }
        i += 1;
    }
    match stack.last_mut() {
        Some((_, open)) => open.blocks.extend(convert(std::mem::take(&mut pending), &open.title)),
        None => intro.extend(std::mem::take(&mut pending)),
    }
    close_to(0, &mut stack, &mut roots);
    Outline { intro: convert(intro, ""), sections: roots }
}

/// The index of a bare line that would be the policy's first heading and its
/// only bare-line one, before headings of other styles: a byline or tagline
/// under the title ("City of Example"), not a heading over the whole policy.
/// It stays text, in the introduction.
fn lone_leading_bare_line(headings: &[Option<Heading>]) -> Option<usize> {
    let found: Vec<(usize, Style)> =
        headings.iter().enumerate().filter_map(|(i, h)| h.as_ref().map(|h| (i, h.style))).collect();
    match found.as_slice() {
        [(at, Style::BareLine), rest @ ..] if !rest.is_empty() && rest.iter().all(|(_, s)| *s != Style::BareLine) => {
            Some(*at)
        }
        _ => None,
    }
}

/// The heading at `body[i]`, if it is one.
fn heading_of(body: &[Raw], i: usize, period_titles_are_headings: bool) -> Option<Heading> {
    let heading = |style, title: &str| Some(Heading { style, title: title.trim().to_owned(), run_in: None });
    match &body[i] {
        Raw::Heading { level, text } => heading(Style::Markdown(*level), &without_whole_bold(text)),
        Raw::Paragraph { text, lines } => {
            let after_field = i > 0 && matches!(&body[i - 1], Raw::Paragraph { text, .. } if is_field(text));
            if let Some((label, value)) = field_of(text) {
                // "**Definitions:**" alone is a heading; "**Opt out:**" after other
                // fields is a field whose value follows as a list.
                let lone_label = value.is_empty() && !after_field && label.split_whitespace().count() <= 6;
                return lone_label.then_some(Heading { style: Style::Bold, title: label, run_in: None });
            }
            if let Some(c) = BOLD_LINE.captures(text) {
                let inner = c[1].trim_end_matches('.');
                let words = inline::plain(inner).split_whitespace().count();
                if words <= 15 && !inner.contains("**") && !(&c[2] == ":" && after_field) {
                    return heading(Style::Bold, inner.trim_end_matches(':'));
                }
            }
            if let Some(c) = BOLD_RUN_IN.captures(text) {
                let (title, mark, rest) = match c.get(1) {
                    Some(t) => (t.as_str(), &c[2], &c[3]),
                    None => (&c[4], &c[5], &c[6]),
                };
                if mark != ":" && inline::plain(title).split_whitespace().count() <= 12 {
                    let title = if mark == "?" { format!("{title}?") } else { title.to_owned() };
                    return Some(Heading { style: Style::Bold, title, run_in: Some(rest.to_owned()) });
                }
            }
            if let Some(c) = ITALIC_RUN_IN.captures(text) {
                let closes_with_period = text[1..].contains(".") && text.find(&c[1][..]).is_some();
                if c[2].split_whitespace().count() <= 8
                    && closes_with_period
                    && text[..text.len() - c[3].len()].contains('.')
                {
                    return Some(Heading {
                        style: Style::ItalicRunIn,
                        title: c[2].trim().to_owned(),
                        run_in: Some(c[3].to_owned()),
                    });
                }
            }
            if *lines != 1 {
                return None;
            }
            let plain = inline::plain(text);
            let words = plain.split_whitespace().count();
            let next_is_content = body.get(i + 1).is_some_and(|n| !matches!(n, Raw::Heading { .. }));
            if !next_is_content || words > 14 || plain.len() > 120 {
                return None;
            }
            if KEYWORD.is_match(&plain) {
                return heading(Style::Keyword, text.trim_end_matches('.'));
            }
            let titled = |t: &str| t.split_whitespace().count() <= 12 && !t.ends_with([',', ';', ':', '.']);
            if let Some(c) = NUMBERED.captures(text).filter(|c| titled(&c[2])) {
                return heading(Style::Numbered(c[1].split('.').count()), text);
            }
            if ROMAN.captures(text).is_some_and(|c| titled(&c[2])) {
                return heading(Style::Roman, text);
            }
            if LETTER.captures(text).is_some_and(|c| titled(&c[2])) {
                return heading(Style::Letter, text);
            }
            if plain.ends_with('?') {
                return heading(Style::Question, text);
            }
            let first = plain.chars().next().unwrap_or(' ');
            // "Sharing Your Information:" over a paragraph is a heading; "For
            // example:" or "We collect:" over a list is not.
            let colon_title = plain.ends_with(':')
                && is_title_case(plain.trim_end_matches(':'))
                && matches!(body.get(i + 1), Some(Raw::Paragraph { .. }));
            let bare = words <= 12
                && (first.is_uppercase() || first.is_ascii_digit() || "\"“'".contains(first))
                && (!plain.ends_with([',', ';', ':', '!']) || colon_title)
                && (!plain.ends_with('.') || (period_titles_are_headings && is_period_title(text)));
            // Two bare lines in a row: the first is a tagline, not a heading.
            let next_bare = matches!(body.get(i + 1), Some(Raw::Paragraph { text: t, lines: 1 })
                if { let p = inline::plain(t); p.split_whitespace().count() <= 12 && !p.ends_with(['.', ':', ',', ';']) });
            (bare && !next_bare).then(|| Heading {
                style: Style::BareLine,
                title: text.trim_end_matches(['.', ':']).to_owned(),
                run_in: None,
            })
        }
        _ => None,
    }
}

/// A Markdown heading set in bold as a whole, as word processors export them
/// (`## 1. **Information We Collect**`): headings are bold already, and the
/// contents would show the markup's emphasis twice.
fn without_whole_bold(text: &str) -> String {
    static WHOLE_BOLD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^((?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+)?)(?:\*\*([^*]+)\*\*|__([^_]+)__)\s*$").unwrap()
    });
    match WHOLE_BOLD.captures(text) {
        Some(c) => format!("{}{}", &c[1], c.get(2).or(c.get(3)).map_or("", |m| m.as_str().trim())),
        None => text.to_owned(),
    }
}

/// Two words or more, every word of four letters or more capitalised
/// ("Sharing Your Information", "HOW WE USE COOKIES").
fn is_title_case(plain: &str) -> bool {
    let words: Vec<&str> = plain.split_whitespace().collect();
    words.len() >= 2
        && words.iter().filter(|w| w.chars().count() >= 4).all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A short line ending with a period that names a topic rather than says
/// something ("Policy changes." and not "We do not sell data.").
fn is_period_title(text: &str) -> bool {
    let plain = inline::plain(text);
    let body = plain.trim_end_matches('.');
    plain.ends_with('.') && !body.contains('.') && body.split_whitespace().count() <= 8 && !VERB.is_match(body)
}

fn is_field(text: &str) -> bool {
    FIELD.is_match(text)
}

/// The label and value of a field paragraph (`**Purpose:** …`).
fn field_of(text: &str) -> Option<(String, String)> {
    let c = FIELD.captures(text)?;
    let (label, value) = if let Some(l) = c.get(1) {
        (l.as_str().to_owned(), c[2].to_owned())
    } else if let Some(l) = c.get(3) {
        (l.as_str().to_owned(), c[4].to_owned())
    } else {
        // `**Label:value** more` — the value sits inside the bold.
        (c[5].to_owned(), format!("{} {}", &c[6], &c[7]).trim().to_owned())
    };
    Some((label.trim().to_owned(), value.trim().to_owned()))
}

fn tool_field(label: &str) -> Option<ToolField> {
    let l = label.to_lowercase();
    let l = l.trim();
    Some(match l {
        _ if l == "purpose" || l == "what it does" => ToolField::Purpose,
        _ if l.starts_with("data collected") || l == "information collected" || l == "data" => ToolField::DataCollected,
        _ if l.starts_with("privacy") => ToolField::PrivacyPolicy,
        _ if l.starts_with("terms") => ToolField::Terms,
        _ if l.contains("opt out") || l.contains("opt-out") => ToolField::OptOut,
        _ if l.contains("notes") || l == "note" => ToolField::Notes,
        _ => return None,
    })
}

/// A heading whose next blocks describe a tool ("Purpose:", "Data collected:"…)
/// is a tool entry, not a section.
fn starts_tool(body: &[Raw], i: usize) -> bool {
    let is_heading = matches!(&body[i], Raw::Heading { .. })
        || matches!(&body[i], Raw::Paragraph { text, lines: 1 } if !is_field(text) && inline::plain(text).split_whitespace().count() <= 10);
    let named = match &body[i] {
        Raw::Heading { text, .. } | Raw::Paragraph { text, .. } => TOOL_NAME.is_match(&inline::plain(text)),
        _ => false,
    };
    let tool_fields = body[i + 1..]
        .iter()
        .take(3)
        .take_while(|b| matches!(b, Raw::Paragraph { text, .. } if is_field(text)))
        .filter(|b| matches!(b, Raw::Paragraph { text, .. } if field_of(text).is_some_and(|(l, _)| tool_field(&l).is_some())))
        .count();
    is_heading && (tool_fields >= 2 || (named && tool_fields >= 1))
}

/// Raw content blocks of one section become bundle blocks.
fn convert(raw: Vec<Raw>, section_title: &str) -> Vec<Block> {
    let glossary =
        section_title.to_lowercase().contains("definition") || section_title.to_lowercase().contains("glossary");
    let mut out: Vec<Block> = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        match &raw[i] {
            Raw::Heading { text, .. } | Raw::Paragraph { text, .. } if starts_tool(&raw, i) => {
                let name = TOOL_NAME.replace(&inline::plain(text), "").trim().to_owned();
                let (tool, next) = read_tool(name, &raw, i + 1);
                out.push(Block::Tool(Box::new(tool)));
                i = next;
            }
            Raw::Paragraph { text, .. } if !glossary && is_field(text) => {
                let mut fields = Vec::new();
                while let Some(Raw::Paragraph { text, .. }) = raw.get(i) {
                    let Some((label, value)) = field_of(text) else {
                        break;
                    };
                    fields.push(Field { label, value });
                    i += 1;
                }
                out.push(Block::Fields { fields });
            }
            Raw::Heading { text, .. } | Raw::Paragraph { text, .. } | Raw::Quote { text } => {
                out.push(Block::Paragraph { text: text.clone() });
                i += 1;
            }
            Raw::Item { .. } => {
                let end = raw[i..].iter().position(|b| !matches!(b, Raw::Item { .. })).map_or(raw.len(), |p| p + i);
                out.push(Block::List(build_list(&raw[i..end])));
                i = end;
            }
            Raw::TableRow { .. } => {
                let end = raw[i..].iter().position(|b| !matches!(b, Raw::TableRow { .. })).map_or(raw.len(), |p| p + i);
                out.push(Block::Table(build_table(&raw[i..end])));
                i = end;
            }
        }
    }
    out
}

/// Reads a tool's fields from `raw[start..]`; paragraphs and list items that are
/// not fields continue the field before them (Mass.gov's "Express opt out:"
/// is followed by a numbered list, its "Data collected:" by a second paragraph).
fn read_tool(name: String, raw: &[Raw], start: usize) -> (Tool, usize) {
    enum Slot {
        Standard(ToolField),
        Other(usize),
        Nothing,
    }
    let mut tool = Tool { name, ..Tool::default() };
    let mut last = Slot::Nothing;
    let mut i = start;
    while i < raw.len() && !starts_tool(raw, i) {
        let extra = match &raw[i] {
            Raw::Paragraph { text, .. } => match field_of(text) {
                Some((label, value)) => {
                    last = match tool_field(&label) {
                        Some(f) if tool.field_mut(f).is_none() => {
                            *tool.field_mut(f) = Some(value);
                            Slot::Standard(f)
                        }
                        _ => {
                            tool.other.push(Field { label, value });
                            Slot::Other(tool.other.len() - 1)
                        }
                    };
                    i += 1;
                    continue;
                }
                None => text.clone(),
            },
            Raw::Item { marker, text, .. } => format!("{marker} {text}"),
            Raw::Quote { text } => text.clone(),
            Raw::Heading { .. } | Raw::TableRow { .. } => break,
        };
        let value = match last {
            Slot::Standard(f) => tool.field_mut(f).get_or_insert_with(String::new),
            Slot::Other(k) => &mut tool.other[k].value,
            Slot::Nothing => tool.field_mut(ToolField::Notes).get_or_insert_with(String::new),
        };
        if !value.is_empty() {
            value.push_str("\n\n");
        }
        value.push_str(&extra);
        i += 1;
    }
    (tool, i)
}

fn build_list(items: &[Raw]) -> List {
    let depth = list_depths(items);
    // Each open level: its indent and the list being filled.
    let mut stack: Vec<(usize, List)> = Vec::new();
    for (item, indent) in items.iter().zip(&depth) {
        let Raw::Item { ordered, text, .. } = item else {
            continue;
        };
        while stack.len() > 1 && stack.last().is_some_and(|(i, _)| *i > *indent) {
            let (_, done) = stack.pop().unwrap();
            attach(&mut stack, done);
        }
        match stack.last() {
            Some((i, _)) if *indent > *i => stack.push((*indent, List { ordered: *ordered, items: Vec::new() })),
            None => stack.push((*indent, List { ordered: *ordered, items: Vec::new() })),
            _ => {}
        }
        stack.last_mut().unwrap().1.items.push(ListItem { text: text.clone(), list: None });
    }
    while stack.len() > 1 {
        let (_, done) = stack.pop().unwrap();
        attach(&mut stack, done);
    }
    stack.pop().map(|(_, l)| l).unwrap_or(List { ordered: false, items: Vec::new() })
}

/// Each item's depth: its indent — or, where every item stands at one indent
/// and a word processor's lower-level bullets appear ("•", then "◦" or "▪"),
/// its bullet's rank in order of first appearance, as the levels were written.
fn list_depths(items: &[Raw]) -> Vec<usize> {
    let parts: Vec<(usize, &str)> = items
        .iter()
        .map(|item| match item {
            Raw::Item { indent, marker, .. } => (*indent, marker.as_str()),
            _ => (0, ""),
        })
        .collect();
    let flat = parts.windows(2).all(|w| w[0].0 == w[1].0);
    let mut bullets: Vec<&str> = Vec::new();
    for (_, marker) in &parts {
        if !bullets.contains(marker) {
            bullets.push(marker);
        }
    }
    if flat && bullets.iter().any(|b| ["◦", "▪"].contains(b)) {
        parts.iter().map(|(_, marker)| bullets.iter().position(|b| b == marker).unwrap_or(0)).collect()
    } else {
        parts.iter().map(|(indent, _)| *indent).collect()
    }
}

/// Hangs a finished nested list under the last item of its parent.
fn attach(stack: &mut [(usize, List)], list: List) {
    let parent = &mut stack.last_mut().unwrap().1;
    match parent.items.last_mut() {
        Some(item) if item.list.is_none() => item.list = Some(list),
        Some(item) => item.list.as_mut().unwrap().items.extend(list.items),
        None => parent.items.extend(list.items),
    }
}

fn build_table(rows: &[Raw]) -> Table {
    let mut header = Vec::new();
    let mut body = Vec::new();
    for (n, row) in rows.iter().enumerate() {
        if let Raw::TableRow { cells, header: is_header } = row {
            if n == 0 && *is_header {
                header = cells.clone();
            } else {
                body.push(cells.clone());
            }
        }
    }
    // Ragged rows are padded so every cell has a column; no text is dropped.
    let width = body.iter().map(Vec::len).chain([header.len()]).max().unwrap_or(0);
    for row in body.iter_mut().chain(std::iter::once(&mut header).filter(|h| !h.is_empty())) {
        row.resize(width, String::new());
    }
    Table { caption: None, header, rows: body }
}
