//! Bundle JSON text straight into a [`Bundle`], for the widget.
//!
//! The command-line tool reads bundles with serde (which also reports unknown
//! fields); the widget reads them here, with [`super::json`], because serde's
//! machinery would be a third of the wasm. Both must accept and refuse the same
//! bundles with the same paths: `tests/reader.rs` checks that on every seed,
//! every invalid fixture and random bundles. Unknown fields are skipped, as serde does.

use super::config::{Config, Labels, Panels, Theme};
use super::json::{Parser, Result};
use super::model::*;
use super::names::Named;

/// Reads a whole bundle. The format is checked first, wherever it stands in the
/// object, so a bundle of another version gets "unsupported format" rather than
/// a list of type errors.
pub fn bundle(text: &str) -> std::result::Result<Bundle, super::Problem> {
    read_bundle(text).map_err(|p| *p)
}

fn read_bundle(text: &str) -> Result<Bundle> {
    let mut p = Parser::new(text);
    let format = p.peek_tag("format")?;
    super::load::check_format(format.as_ref().map(|f| f.as_deref().ok()))?;
    let (mut format, mut meta, mut sections) = (None, None, None);
    let (mut summary, mut facts, mut intro, mut definitions) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut contacts, mut front, mut history, mut changes) = (Vec::new(), Vec::new(), Vec::new(), None);
    let mut settings = Config::default();
    p.object(&mut |p, key| {
        match key {
            "format" => format = Some(p.string()?),
            "meta" => meta = Some(read_meta(p)?),
            "summary" => summary = list(p, summary_point)?,
            "facts" => facts = list(p, fact)?,
            "intro" => intro = list(p, block)?,
            "sections" => sections = Some(list(p, section)?),
            "definitions" => definitions = list(p, definition)?,
            "contacts" => contacts = list(p, contact)?,
            "front_matter" => front = list(p, front_matter)?,
            "history" => history = list(p, version)?,
            "changes" => changes = if p.null() { None } else { Some(read_changes(p)?) },
            "config" => settings = config(p)?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    let bundle = Bundle {
        format: required(&p, "format", format)?,
        meta: required(&p, "meta", meta)?,
        summary,
        facts,
        intro,
        sections: required(&p, "sections", sections)?,
        definitions,
        contacts,
        front_matter: front,
        history,
        changes,
        config: settings,
    };
    p.finish()?;
    Ok(bundle)
}

/// A missing required field, reported at the object that lacks it.
fn required<T>(p: &Parser, name: &str, value: Option<T>) -> Result<T> {
    match value {
        Some(v) => Ok(v),
        None => p.fail(format!("missing field `{name}`")),
    }
}

fn list<'a, T>(p: &mut Parser<'a>, read: fn(&mut Parser<'a>) -> Result<T>) -> Result<Vec<T>> {
    let mut out = Vec::new();
    p.array(&mut |p| {
        out.push(read(p)?);
        Ok(())
    })?;
    Ok(out)
}

/// An optional string: absent or `null` is `None`.
fn optional(p: &mut Parser) -> Result<Option<String>> {
    if p.null() {
        Ok(None)
    } else {
        p.string().map(Some)
    }
}

fn strings(p: &mut Parser) -> Result<Vec<String>> {
    list(p, Parser::string)
}

fn named<T: Named>(p: &mut Parser) -> Result<T> {
    let names: Vec<&str> = T::NAMES.iter().map(|(n, _)| *n).collect();
    name_index(p, &names).map(|i| T::NAMES[i].1)
}

/// Which of `names` the next string is. Apart from [`named`], which is one
/// copy per enum in the wasm: this holds what they share.
fn name_index(p: &mut Parser, names: &[&str]) -> Result<usize> {
    let name = p.string()?;
    match names.iter().position(|n| *n == name) {
        Some(i) => Ok(i),
        None => {
            // Owned, so the join is the one the glossary's aliases use (one copy in the wasm).
            let known: Vec<String> = names.iter().map(|n| n.to_string()).collect();
            p.fail(format!("unknown value \"{name}\", expected one of {}", known.join(", ")))
        }
    }
}

fn read_meta(p: &mut Parser) -> Result<Meta> {
    let (mut title, mut publisher) = (None, None);
    let mut m = Meta {
        title: String::new(),
        publisher: Publisher { name: String::new(), kind: PublisherKind::default(), website: None },
        jurisdiction: None,
        effective_date: None,
        updated_date: None,
        language: "en".to_owned(),
        canonical_url: None,
    };
    p.object(&mut |p, key| {
        match key {
            "title" => title = Some(p.string()?),
            "publisher" => publisher = Some(read_publisher(p)?),
            "jurisdiction" => m.jurisdiction = optional(p)?,
            "effective_date" => m.effective_date = optional(p)?,
            "updated_date" => m.updated_date = optional(p)?,
            "language" => m.language = p.string()?,
            "canonical_url" => m.canonical_url = optional(p)?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    m.title = required(p, "title", title)?;
    m.publisher = required(p, "publisher", publisher)?;
    Ok(m)
}

fn read_publisher(p: &mut Parser) -> Result<Publisher> {
    let mut name = None;
    let mut out = Publisher { name: String::new(), kind: PublisherKind::default(), website: None };
    p.object(&mut |p, key| {
        match key {
            "name" => name = Some(p.string()?),
            "kind" => out.kind = named(p)?,
            "website" => out.website = optional(p)?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    out.name = required(p, "name", name)?;
    Ok(out)
}

/// An object of two required strings, `first` and `second` (summary points, fields).
fn string_pair(p: &mut Parser, first: &str, second: &str) -> Result<(String, String)> {
    let (mut a, mut b) = (None, None);
    p.object(&mut |p, key| {
        match key {
            k if k == first => a = Some(p.string()?),
            k if k == second => b = Some(p.string()?),
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok((required(p, first, a)?, required(p, second, b)?))
}

fn summary_point(p: &mut Parser) -> Result<SummaryPoint> {
    let (text, section) = string_pair(p, "text", "section")?;
    Ok(SummaryPoint { text, section })
}

fn fact(p: &mut Parser) -> Result<Fact> {
    let (mut kind, mut answer, mut value, mut quote, mut section) = (None, None, None, None, None);
    p.object(&mut |p, key| {
        match key {
            "kind" => kind = Some(named(p)?),
            "answer" => answer = if p.null() { None } else { Some(named(p)?) },
            "value" => value = Some(p.string()?),
            "quote" => quote = optional(p)?,
            "section" => section = Some(p.string()?),
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(Fact {
        kind: required(p, "kind", kind)?,
        answer,
        value: required(p, "value", value)?,
        quote,
        section: required(p, "section", section)?,
    })
}

fn section(p: &mut Parser) -> Result<Section> {
    let (mut id, mut title) = (None, None);
    let (mut blocks, mut sections) = (Vec::new(), Vec::new());
    p.object(&mut |p, key| {
        match key {
            "id" => id = Some(p.string()?),
            "title" => title = Some(p.string()?),
            "blocks" => blocks = list(p, block)?,
            "sections" => sections = list(p, section)?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(Section { id: required(p, "id", id)?, title: required(p, "title", title)?, blocks, sections })
}

/// A block is tagged by its `"type"`, which may stand anywhere in its object.
fn block(p: &mut Parser) -> Result<Block> {
    let kind = match p.peek_tag("type")? {
        Some(Ok(kind)) => kind,
        Some(Err(found)) => return p.fail(format!("type: expected a string, found {found}")),
        None => return p.fail("missing field `type`"),
    };
    match kind.as_str() {
        "paragraph" => {
            let mut text = None;
            p.object(&mut |p, key| {
                match key {
                    "text" => text = Some(p.string()?),
                    _ => p.skip()?,
                }
                Ok(())
            })?;
            Ok(Block::Paragraph { text: required(p, "text", text)? })
        }
        "list" => list_block(p).map(Block::List),
        "fields" => {
            let mut fields = None;
            p.object(&mut |p, key| {
                match key {
                    "fields" => fields = Some(list(p, field)?),
                    _ => p.skip()?,
                }
                Ok(())
            })?;
            Ok(Block::Fields { fields: required(p, "fields", fields)? })
        }
        "table" => table(p).map(Block::Table),
        "tool" => tool(p).map(|t| Block::Tool(Box::new(t))),
        other => {
            p.fail(format!("unknown block type \"{other}\", expected one of paragraph, list, fields, table, tool"))
        }
    }
}

fn list_block(p: &mut Parser) -> Result<List> {
    let (mut ordered, mut items) = (false, None);
    p.object(&mut |p, key| {
        match key {
            "ordered" => ordered = p.bool()?,
            "items" => items = Some(list(p, list_item)?),
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(List { ordered, items: required(p, "items", items)? })
}

fn list_item(p: &mut Parser) -> Result<ListItem> {
    let (mut text, mut sublist) = (None, None);
    p.object(&mut |p, key| {
        match key {
            "text" => text = Some(p.string()?),
            "list" => sublist = if p.null() { None } else { Some(list_block(p)?) },
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(ListItem { text: required(p, "text", text)?, list: sublist })
}

fn field(p: &mut Parser) -> Result<Field> {
    let (label, value) = string_pair(p, "label", "value")?;
    Ok(Field { label, value })
}

fn table(p: &mut Parser) -> Result<Table> {
    let (mut caption, mut header, mut rows) = (None, Vec::new(), None);
    p.object(&mut |p, key| {
        match key {
            "caption" => caption = optional(p)?,
            "header" => header = strings(p)?,
            "rows" => rows = Some(list(p, strings)?),
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(Table { caption, header, rows: required(p, "rows", rows)? })
}

fn tool(p: &mut Parser) -> Result<Tool> {
    let mut name = None;
    let mut t = Tool::default();
    p.object(&mut |p, key| {
        match key {
            "name" => name = Some(p.string()?),
            "purpose" => t.purpose = optional(p)?,
            "data_collected" => t.data_collected = optional(p)?,
            "privacy_policy" => t.privacy_policy = optional(p)?,
            "terms" => t.terms = optional(p)?,
            "opt_out" => t.opt_out = optional(p)?,
            "notes" => t.notes = optional(p)?,
            "other" => t.other = list(p, field)?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    t.name = required(p, "name", name)?;
    Ok(t)
}

fn definition(p: &mut Parser) -> Result<Definition> {
    let (mut term, mut text, mut aliases, mut section) = (None, None, Vec::new(), None);
    p.object(&mut |p, key| {
        match key {
            "term" => term = Some(p.string()?),
            "aliases" => aliases = strings(p)?,
            "text" => text = Some(p.string()?),
            "section" => section = optional(p)?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(Definition { term: required(p, "term", term)?, aliases, text: required(p, "text", text)?, section })
}

fn contact(p: &mut Parser) -> Result<Contact> {
    let mut label = None;
    let mut c = Contact::default();
    p.object(&mut |p, key| {
        match key {
            "label" => label = Some(p.string()?),
            "email" => c.email = optional(p)?,
            "phone" => c.phone = optional(p)?,
            "url" => c.url = optional(p)?,
            "address" => c.address = optional(p)?,
            "section" => c.section = optional(p)?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    c.label = required(p, "label", label)?;
    Ok(c)
}

fn front_matter(p: &mut Parser) -> Result<FrontMatter> {
    let (mut kind, mut title, mut blocks) = (None, None, None);
    p.object(&mut |p, key| {
        match key {
            "kind" => kind = Some(named(p)?),
            "title" => title = Some(p.string()?),
            "blocks" => blocks = Some(list(p, block)?),
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(FrontMatter {
        kind: required(p, "kind", kind)?,
        title: required(p, "title", title)?,
        blocks: required(p, "blocks", blocks)?,
    })
}

fn version(p: &mut Parser) -> Result<Version> {
    let (mut date, mut url, mut summary) = (None, None, None);
    p.object(&mut |p, key| {
        match key {
            "date" => date = Some(p.string()?),
            "url" => url = optional(p)?,
            "summary" => summary = optional(p)?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(Version { date: required(p, "date", date)?, url, summary })
}

fn read_changes(p: &mut Parser) -> Result<Changes> {
    let (mut since, mut sections) = (None, Vec::new());
    p.object(&mut |p, key| {
        match key {
            "since" => since = Some(p.string()?),
            "sections" => sections = list(p, section_change)?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(Changes { since: required(p, "since", since)?, sections })
}

fn section_change(p: &mut Parser) -> Result<SectionChange> {
    let (mut section, mut change, mut previous_title, mut texts) = (None, None, None, Vec::new());
    p.object(&mut |p, key| {
        match key {
            "section" => section = Some(p.string()?),
            "change" => change = Some(named(p)?),
            "previous_title" => previous_title = optional(p)?,
            "texts" => texts = strings(p)?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(SectionChange {
        section: required(p, "section", section)?,
        change: required(p, "change", change)?,
        previous_title,
        texts,
    })
}

/// Every field of `config` is optional; what is absent keeps its default.
fn config(p: &mut Parser) -> Result<Config> {
    let mut c = Config::default();
    p.object(&mut |p, key| {
        match key {
            "initial" => c.initial = named(p)?,
            "summary_position" => c.summary_position = named(p)?,
            "heading_level" => c.heading_level = p.integer(u64::from(u8::MAX))? as u8,
            "show" => c.show = panels(p)?,
            "theme" => c.theme = theme(p)?,
            "labels" => c.labels = labels(p)?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(c)
}

fn panels(p: &mut Parser) -> Result<Panels> {
    let mut show = Panels::default();
    p.object(&mut |p, key| match show.by_field(key) {
        Some(slot) => {
            *slot = p.bool()?;
            Ok(())
        }
        None => p.skip(),
    })?;
    Ok(show)
}

fn theme(p: &mut Parser) -> Result<Theme> {
    let mut t = Theme::default();
    p.object(&mut |p, key| {
        match key {
            "accent" => t.accent = optional(p)?,
            "font" => t.font = optional(p)?,
            "radius" => t.radius = optional(p)?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(t)
}

fn labels(p: &mut Parser) -> Result<Labels> {
    let mut labels = Labels::default();
    p.object(&mut |p, key| {
        let value = p.string()?;
        match labels.slot(key) {
            Some(slot) => *slot = value,
            None => labels.unknown.push(key.to_owned()),
        }
        Ok(())
    })?;
    Ok(labels)
}
