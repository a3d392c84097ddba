//! A section's blocks between its headings, as the bundle's blocks: field
//! paragraphs (`**Purpose:** …`), tool entries, nested lists and tables.

use std::sync::LazyLock;

use regex::Regex;

use super::super::blocks::Raw;
use crate::bundle::{inline, Block, Field, List, ListItem, Table, Tool, ToolField};

static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\*\*([^*:]{1,40}?)\s*:\s*\*\*\s*(.*)$|^\*\*([^*:]{1,40}?)\*\*\s*:\s*(.*)$|^\*\*([^*:]{1,40}?)\s*:\s*(\S.*?)\s*\*\*\s*(.*)$").unwrap()
});
static TOOL_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:tool|service|vendor|provider)(?:\s+name)?\s*:\s*").unwrap());

pub(super) fn is_field(text: &str) -> bool {
    FIELD.is_match(text)
}

/// The label and value of a field paragraph (`**Purpose:** …`).
pub(super) fn field_of(text: &str) -> Option<(String, String)> {
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
pub(super) fn starts_tool(body: &[Raw], i: usize) -> bool {
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
pub(super) fn convert(raw: Vec<Raw>, section_title: &str) -> Vec<Block> {
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
