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

/// An object's string fields, `names` apart by spaces, read in that order: a
/// name written `?name` is optional (absent or `null`), the others are
/// required. `other` reads (or skips) every other key. Most types are mostly
/// strings: one copy of this in the wasm is smaller than a `match` per type,
/// and one string of names smaller than a slice of them.
fn record<'a>(
    p: &mut Parser<'a>,
    names: &str,
    other: &mut dyn FnMut(&mut Parser<'a>, &str) -> Result<()>,
) -> Result<Fields> {
    let mut values: Vec<Option<String>> = vec![None; names.split(' ').count()];
    p.object(&mut |p, key| {
        match names.split(' ').enumerate().find(|(_, n)| n.trim_start_matches('?') == key) {
            Some((i, name)) if name.starts_with('?') => values[i] = optional(p)?,
            Some((i, _)) => values[i] = Some(p.string()?),
            None => other(p, key)?,
        }
        Ok(())
    })?;
    match names.split(' ').zip(&values).find(|(n, v)| v.is_none() && !n.starts_with('?')) {
        Some((name, _)) => required(p, name, None),
        None => Ok(Fields(values.into_iter())),
    }
}

/// For a [`record`] without other fields.
fn skip(p: &mut Parser, _key: &str) -> Result<()> {
    p.skip()
}

/// A [`record`]'s values, taken in the order of its names.
struct Fields(std::vec::IntoIter<Option<String>>);

impl Fields {
    /// The next optional field.
    fn optional(&mut self) -> Option<String> {
        self.0.next().flatten()
    }

    /// The next required field ([`record`] checked that it is there).
    fn string(&mut self) -> String {
        self.optional().unwrap_or_default()
    }
}

fn strings(p: &mut Parser) -> Result<Vec<String>> {
    list(p, Parser::string)
}

fn named<T: Named>(p: &mut Parser) -> Result<T> {
    name_index(p, T::NAMES).map(|i| T::VALUES[i])
}

/// Which of `names` (apart by spaces) the next string is. Apart from
/// [`named`], which is one copy per enum in the wasm: this holds what they share.
fn name_index(p: &mut Parser, names: &str) -> Result<usize> {
    let name = p.string()?;
    match names.split(' ').position(|n| n == name) {
        Some(i) => Ok(i),
        None => p.fail(format!("unknown value \"{name}\", expected one of {}", names.replace(' ', ", "))),
    }
}

fn read_meta(p: &mut Parser) -> Result<Meta> {
    let (mut publisher, mut language) = (None, "en".to_owned());
    let names = "title ?jurisdiction ?effective_date ?updated_date ?canonical_url";
    let mut f = record(p, names, &mut |p, key| {
        match key {
            "publisher" => publisher = Some(read_publisher(p)?),
            "language" => language = p.string()?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(Meta {
        title: f.string(),
        publisher: required(p, "publisher", publisher)?,
        jurisdiction: f.optional(),
        effective_date: f.optional(),
        updated_date: f.optional(),
        language,
        canonical_url: f.optional(),
    })
}

fn read_publisher(p: &mut Parser) -> Result<Publisher> {
    let mut kind = PublisherKind::default();
    let mut f = record(p, "name ?website", &mut |p, key| {
        match key {
            "kind" => kind = named(p)?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(Publisher { name: f.string(), kind, website: f.optional() })
}

fn summary_point(p: &mut Parser) -> Result<SummaryPoint> {
    let mut f = record(p, "text section", &mut skip)?;
    Ok(SummaryPoint { text: f.string(), section: f.string() })
}

fn fact(p: &mut Parser) -> Result<Fact> {
    let (mut kind, mut answer) = (None, None);
    let mut f = record(p, "value ?quote section", &mut |p, key| {
        match key {
            "kind" => kind = Some(named(p)?),
            "answer" => answer = if p.null() { None } else { Some(named(p)?) },
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(Fact { kind: required(p, "kind", kind)?, answer, value: f.string(), quote: f.optional(), section: f.string() })
}

fn section(p: &mut Parser) -> Result<Section> {
    let (mut blocks, mut sections) = (Vec::new(), Vec::new());
    let mut f = record(p, "id title", &mut |p, key| {
        match key {
            "blocks" => blocks = list(p, block)?,
            "sections" => sections = list(p, section)?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(Section { id: f.string(), title: f.string(), blocks, sections })
}

/// A block is tagged by its `"type"`, which may stand anywhere in its object.
fn block(p: &mut Parser) -> Result<Block> {
    let kind = match p.peek_tag("type")? {
        Some(Ok(kind)) => kind,
        Some(Err(found)) => return p.fail(format!("type: expected a string, found {found}")),
        None => return p.fail("missing field `type`"),
    };
    match kind.as_str() {
        "paragraph" => Ok(Block::Paragraph { text: record(p, "text", &mut skip)?.string() }),
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
    let mut sublist = None;
    let mut f = record(p, "text", &mut |p, key| {
        match key {
            "list" => sublist = if p.null() { None } else { Some(list_block(p)?) },
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(ListItem { text: f.string(), list: sublist })
}

fn field(p: &mut Parser) -> Result<Field> {
    let mut f = record(p, "label value", &mut skip)?;
    Ok(Field { label: f.string(), value: f.string() })
}

fn table(p: &mut Parser) -> Result<Table> {
    let (mut header, mut rows) = (Vec::new(), None);
    let mut f = record(p, "?caption", &mut |p, key| {
        match key {
            "header" => header = strings(p)?,
            "rows" => rows = Some(list(p, strings)?),
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(Table { caption: f.optional(), header, rows: required(p, "rows", rows)? })
}

fn tool(p: &mut Parser) -> Result<Tool> {
    let mut other = Vec::new();
    let names = "name ?purpose ?data_collected ?privacy_policy ?terms ?opt_out ?notes";
    let mut f = record(p, names, &mut |p, key| {
        match key {
            "other" => other = list(p, field)?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(Tool {
        name: f.string(),
        purpose: f.optional(),
        data_collected: f.optional(),
        privacy_policy: f.optional(),
        terms: f.optional(),
        opt_out: f.optional(),
        notes: f.optional(),
        other,
    })
}

fn definition(p: &mut Parser) -> Result<Definition> {
    let mut aliases = Vec::new();
    let mut f = record(p, "term text ?section", &mut |p, key| {
        match key {
            "aliases" => aliases = strings(p)?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(Definition { term: f.string(), aliases, text: f.string(), section: f.optional() })
}

fn contact(p: &mut Parser) -> Result<Contact> {
    let mut f = record(p, "label ?email ?phone ?url ?address ?section", &mut skip)?;
    Ok(Contact {
        label: f.string(),
        email: f.optional(),
        phone: f.optional(),
        url: f.optional(),
        address: f.optional(),
        section: f.optional(),
    })
}

fn front_matter(p: &mut Parser) -> Result<FrontMatter> {
    let (mut kind, mut blocks) = (None, None);
    let mut f = record(p, "title", &mut |p, key| {
        match key {
            "kind" => kind = Some(named(p)?),
            "blocks" => blocks = Some(list(p, block)?),
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(FrontMatter { kind: required(p, "kind", kind)?, title: f.string(), blocks: required(p, "blocks", blocks)? })
}

fn version(p: &mut Parser) -> Result<Version> {
    let mut f = record(p, "date ?url ?summary", &mut skip)?;
    Ok(Version { date: f.string(), url: f.optional(), summary: f.optional() })
}

fn read_changes(p: &mut Parser) -> Result<Changes> {
    let mut sections = Vec::new();
    let mut f = record(p, "since", &mut |p, key| {
        match key {
            "sections" => sections = list(p, section_change)?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(Changes { since: f.string(), sections })
}

fn section_change(p: &mut Parser) -> Result<SectionChange> {
    let (mut change, mut texts) = (None, Vec::new());
    let mut f = record(p, "section ?previous_title", &mut |p, key| {
        match key {
            "change" => change = Some(named(p)?),
            "texts" => texts = strings(p)?,
            _ => p.skip()?,
        }
        Ok(())
    })?;
    Ok(SectionChange {
        section: f.string(),
        change: required(p, "change", change)?,
        previous_title: f.optional(),
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
    let mut f = record(p, "?accent ?font ?radius", &mut skip)?;
    Ok(Theme { accent: f.optional(), font: f.optional(), radius: f.optional() })
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
