//! The policy bundle, format `policy-bundle/1`: the JSON contract between the
//! importer, the validator and the widget.
//!
//! Every human-readable string here is *inline text*: a small Markdown subset
//! (see [`super::inline`]) that is parsed into nodes, never into HTML. The JSON
//! Schema in `www/schema/policy-bundle.schema.json` is generated from these types
//! (`policy-widget schema`), so the doc comments below are also the schema's
//! descriptions: write them for the developer reading the schema.

use serde::{Deserialize, Serialize};

/// The value of `format` this version of the widget reads.
pub const FORMAT: &str = "policy-bundle/1";

/// A privacy policy, ready for the widget.
// The widget never compares two bundles by content: its props and hook
// dependencies compare the loaded bundle by identity (`components::Shared`),
// since walking a whole policy on every render once cost 0.3 s a keystroke at
// 100× Mass.gov's length, and the comparison's code would ship in the wasm.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Bundle {
    /// Always `"policy-bundle/1"` for this version of the format.
    pub format: String,
    pub meta: Meta,
    /// Key points in plain words, shown first; each names the section that backs it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub summary: Vec<SummaryPoint>,
    /// "At a glance" facts, shown as cards in the summary panel.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<Fact>,
    /// The policy's opening, before its first heading; always shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intro: Vec<Block>,
    /// The policy itself, as a tree of sections.
    pub sections: Vec<Section>,
    /// Defined terms; the widget marks them in the text and lists them in a glossary.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub definitions: Vec<Definition>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// Text that came with the source but is not the policy: an archive notice, a
    /// cover memo. Kept, so nothing is lost, and shown apart from the policy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub front_matter: Vec<FrontMatter>,
    /// Display options; attributes on the `<privacy-policy>` element override them.
    #[serde(default, skip_serializing_if = "crate::bundle::config::Config::is_default")]
    pub config: crate::bundle::config::Config,
}

/// Who publishes the policy and when it took effect.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Meta {
    /// The policy's title, as inline text.
    pub title: String,
    pub publisher: Publisher,
    /// Where the policy's law applies, e.g. "Massachusetts".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// When the policy took effect, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_date: Option<String>,
    /// When the policy was last changed, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_date: Option<String>,
    /// The policy's language as a BCP 47 tag, e.g. `en` or `es-US`.
    #[serde(default = "default_language")]
    pub language: String,
    /// The address of the page that carries the policy (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
}

fn default_language() -> String {
    "en".to_owned()
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Publisher {
    pub name: String,
    #[serde(default)]
    pub kind: PublisherKind,
    /// The publisher's home page (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PublisherKind {
    Town,
    City,
    County,
    StateAgency,
    SchoolDistrict,
    #[default]
    Other,
}

/// One key point of the quick summary.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SummaryPoint {
    /// The point in plain words, as inline text.
    pub text: String,
    /// The id of the section that backs this point.
    pub section: String,
}

/// One "at a glance" fact.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Fact {
    pub kind: FactKind,
    /// A machine-readable answer where the kind has one (see `FactAnswer`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<FactAnswer>,
    /// The fact in plain words, e.g. "Session cookies only".
    pub value: String,
    /// The policy's own words behind the fact, quoted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The id of the section the fact comes from.
    pub section: String,
}

/// The fixed vocabulary of facts, after the categories privacy research uses
/// (OPP-115) and what US public bodies must add (public records).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// Personal information you choose to give (forms, email, surveys).
    CollectsVoluntary,
    /// Information collected automatically (server logs, IP address).
    CollectsAutomatic,
    /// Cookies: answer `none`, `session` or `persistent`.
    Cookies,
    /// Third-party tools that see visitors' data (analytics, ads, embeds).
    ThirdPartyTools,
    /// Whether personal information is sold: answer `yes` or `no`.
    SellsData,
    /// What you send can be released under public records law.
    PublicRecords,
    /// Sharing with other agencies or contractors.
    SharesWithAgencies,
    /// Security measures.
    Security,
    /// Email sent to the publisher is not encrypted.
    EmailNotEncrypted,
    /// How long data is kept.
    Retention,
    /// Children's and students' information.
    Children,
    /// Your rights to see and correct your information.
    AccessRights,
    /// How changes to the policy are announced.
    PolicyChanges,
    /// Whom to ask.
    Contact,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FactAnswer {
    Yes,
    No,
    /// For `cookies`: no cookies.
    None,
    /// For `cookies`: session cookies only.
    Session,
    /// For `cookies`: cookies that outlive the visit.
    Persistent,
}

/// A section of the policy; sections nest.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Section {
    /// Stable, unique across the bundle: lower-case letters, digits and hyphens,
    /// starting with a letter. Deep links (`#id`) and summary references use it.
    pub id: String,
    /// The heading, as inline text.
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<Block>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// A piece of section content.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        text: String,
    },
    List(List),
    /// Label/value pairs, e.g. "Purpose: …".
    Fields {
        fields: Vec<Field>,
    },
    Table(Table),
    /// A third-party tool the site uses.
    Tool(Box<Tool>),
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct List {
    #[serde(default)]
    pub ordered: bool,
    pub items: Vec<ListItem>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ListItem {
    pub text: String,
    /// A list nested under this item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<List>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Field {
    pub label: String,
    /// Inline text; a blank line (`\n\n`) separates paragraphs.
    pub value: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Table {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A third-party tool entry. Every value is inline text in which a blank line
/// (`\n\n`) separates paragraphs; links are inline links.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Tool {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_collected: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_policy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opt_out: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Any other labelled facts about the tool.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<Field>,
}

/// A defined term for the glossary.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Definition {
    pub term: String,
    /// Other names for the same thing, e.g. "IP address" for "Internet Protocol address".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The definition, as inline text.
    pub text: String,
    /// The section where the policy defines it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Contact {
    /// Who this reaches, e.g. "Web Administrator".
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// http or https.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A postal address; lines separated by `\n`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The section that names this contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

/// Text that travels with a policy without being part of it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct FrontMatter {
    pub kind: FrontMatterKind,
    /// A heading for the note, e.g. "About this copy".
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FrontMatterKind {
    /// A note from an archive about where the copy comes from.
    ArchiveNotice,
    /// A memo or letter that came before the policy in the source document.
    CoverMemo,
    Other,
}

impl Bundle {
    /// Every section in document order, depth first, with its depth (0 = top level).
    pub fn sections_flat(&self) -> Vec<(usize, &Section)> {
        Self::flatten(&self.sections)
    }

    /// [`Self::sections_flat`] for any list of sections.
    pub fn flatten(sections: &[Section]) -> Vec<(usize, &Section)> {
        fn walk<'a>(sections: &'a [Section], depth: usize, out: &mut Vec<(usize, &'a Section)>) {
            for s in sections {
                out.push((depth, s));
                walk(&s.sections, depth + 1, out);
            }
        }
        let mut out = Vec::new();
        walk(sections, 0, &mut out);
        out
    }

    /// Every inline-text string in the bundle with its JSON path, in reading order.
    pub fn all_texts(&self) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        self.each_text(&mut |path, text| out.push((path(), text)));
        out
    }

    /// Calls `f` with every inline-text string in the bundle, in reading
    /// order, and its JSON path ([`TextPath`]).
    pub fn each_text<'a>(&'a self, f: &mut dyn FnMut(TextPath, &'a str)) {
        fn blocks<'a>(prefix: TextPath, list: &'a [Block], f: &mut dyn FnMut(TextPath, &'a str)) {
            for (i, block) in list.iter().enumerate() {
                block.each_text(&mut |key, text| f(&|| format!("{}[{i}].{}", prefix(), key()), text));
            }
        }
        fn sections<'a>(prefix: TextPath, list: &'a [Section], f: &mut dyn FnMut(TextPath, &'a str)) {
            for (i, s) in list.iter().enumerate() {
                let path = || format!("{}sections[{i}]", prefix());
                f(&|| format!("{}.title", path()), &s.title);
                blocks(&|| format!("{}.blocks", path()), &s.blocks, f);
                sections(&|| format!("{}.", path()), &s.sections, f);
            }
        }
        f(&|| "meta.title".to_owned(), &self.meta.title);
        for (i, front) in self.front_matter.iter().enumerate() {
            f(&|| format!("front_matter[{i}].title"), &front.title);
            blocks(&|| format!("front_matter[{i}].blocks"), &front.blocks, f);
        }
        for (i, p) in self.summary.iter().enumerate() {
            f(&|| format!("summary[{i}].text"), &p.text);
        }
        for (i, fact) in self.facts.iter().enumerate() {
            f(&|| format!("facts[{i}].value"), &fact.value);
            if let Some(q) = &fact.quote {
                f(&|| format!("facts[{i}].quote"), q);
            }
        }
        blocks(&|| "intro".to_owned(), &self.intro, f);
        sections(&String::new, &self.sections, f);
        for (i, d) in self.definitions.iter().enumerate() {
            f(&|| format!("definitions[{i}].term"), &d.term);
            for (j, a) in d.aliases.iter().enumerate() {
                f(&|| format!("definitions[{i}].aliases[{j}]"), a);
            }
            f(&|| format!("definitions[{i}].text"), &d.text);
        }
        for (i, c) in self.contacts.iter().enumerate() {
            f(&|| format!("contacts[{i}].label"), &c.label);
            if let Some(a) = &c.address {
                f(&|| format!("contacts[{i}].address"), a);
            }
        }
    }

    /// Looks a section up by id anywhere in the tree.
    /// Called for every section, fact and summary point on each render, so it
    /// walks the tree without collecting it.
    /// The section at `path`: its index at each level, from the top down.
    pub fn section_at(&self, path: &[usize]) -> Option<&Section> {
        let (first, rest) = path.split_first()?;
        rest.iter().try_fold(self.sections.get(*first)?, |s, &i| s.sections.get(i))
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        fn find<'a>(sections: &'a [Section], id: &str) -> Option<&'a Section> {
            sections.iter().find_map(|s| if s.id == id { Some(s) } else { find(&s.sections, id) })
        }
        find(&self.sections, id)
    }
}

impl Block {
    /// Every inline-text string of the block in reading order, each with its JSON
    /// path below the block (e.g. `items[2].text`): what the importer and the
    /// "nothing lost" tests read. Search and validation walk the same texts with
    /// [`Self::each_text`], which writes no path it is not asked for.
    pub fn texts(&self) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        self.each_text(&mut |path, text| out.push((path(), text)));
        out
    }

    /// Calls `f` with every inline-text string of the block in reading order,
    /// and its path below the block ([`TextPath`]).
    pub fn each_text<'a>(&'a self, f: &mut dyn FnMut(TextPath, &'a str)) {
        match self {
            Block::Paragraph { text } => f(&|| "text".to_owned(), text),
            Block::List(list) => list.each_text(&String::new, f),
            Block::Fields { fields } => each_field("fields", fields, f),
            Block::Table(t) => {
                if let Some(caption) = &t.caption {
                    f(&|| "caption".to_owned(), caption);
                }
                for (i, h) in t.header.iter().enumerate() {
                    f(&|| format!("header[{i}]"), h);
                }
                for (r, row) in t.rows.iter().enumerate() {
                    for (c, cell) in row.iter().enumerate() {
                        f(&|| format!("rows[{r}][{c}]"), cell);
                    }
                }
            }
            Block::Tool(tool) => {
                f(&|| "name".to_owned(), &tool.name);
                for (field, value) in tool.labelled_values() {
                    f(&|| field.key().to_owned(), value);
                }
                each_field("other", &tool.other, f);
            }
        }
    }
}

/// A text's JSON path, written only when asked for. Validation reads one only
/// for a text that is wrong, and the widget nowhere else: formatting a path
/// for every text of a long policy had been ~17 ms of its reading time alone.
pub type TextPath<'p> = &'p dyn Fn() -> String;

fn each_field<'a>(key: &str, fields: &'a [Field], f: &mut dyn FnMut(TextPath, &'a str)) {
    for (i, field) in fields.iter().enumerate() {
        f(&|| format!("{key}[{i}].label"), &field.label);
        f(&|| format!("{key}[{i}].value"), &field.value);
    }
}

impl List {
    fn each_text<'a>(&'a self, prefix: TextPath, f: &mut dyn FnMut(TextPath, &'a str)) {
        for (i, item) in self.items.iter().enumerate() {
            let path = || format!("{}items[{i}]", prefix());
            f(&|| format!("{}.text", path()), &item.text);
            if let Some(sub) = &item.list {
                sub.each_text(&|| format!("{}.list.", path()), f);
            }
        }
    }
}

/// Which of a tool's standard fields a label names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToolField {
    Purpose,
    DataCollected,
    PrivacyPolicy,
    Terms,
    OptOut,
    Notes,
}

impl ToolField {
    /// The field's name in the JSON.
    pub fn key(self) -> &'static str {
        match self {
            ToolField::Purpose => "purpose",
            ToolField::DataCollected => "data_collected",
            ToolField::PrivacyPolicy => "privacy_policy",
            ToolField::Terms => "terms",
            ToolField::OptOut => "opt_out",
            ToolField::Notes => "notes",
        }
    }
}

impl Tool {
    /// The standard fields that are present, in display order.
    pub fn labelled_values(&self) -> Vec<(ToolField, &str)> {
        [
            (ToolField::Purpose, &self.purpose),
            (ToolField::DataCollected, &self.data_collected),
            (ToolField::PrivacyPolicy, &self.privacy_policy),
            (ToolField::Terms, &self.terms),
            (ToolField::OptOut, &self.opt_out),
            (ToolField::Notes, &self.notes),
        ]
        .into_iter()
        .filter_map(|(field, value)| value.as_deref().map(|v| (field, v)))
        .collect()
    }

    /// The slot for a standard field.
    pub fn field_mut(&mut self, field: ToolField) -> &mut Option<String> {
        match field {
            ToolField::Purpose => &mut self.purpose,
            ToolField::DataCollected => &mut self.data_collected,
            ToolField::PrivacyPolicy => &mut self.privacy_policy,
            ToolField::Terms => &mut self.terms,
            ToolField::OptOut => &mut self.opt_out,
            ToolField::Notes => &mut self.notes,
        }
    }
}

#[cfg(test)]
mod tests {
    /// The paths name each text where the JSON holds it: they are what
    /// `policy-widget validate` prints before a problem.
    #[test]
    fn every_text_comes_with_its_json_path_in_reading_order() {
        let bundle = crate::bundle::read::bundle(
            r##"{"format":"policy-bundle/1","meta":{"title":"T","publisher":{"name":"P"}},
            "intro":[{"type":"paragraph","text":"i"}],
            "sections":[{"id":"a","title":"A","blocks":[
                {"type":"list","items":[{"text":"one","list":{"items":[{"text":"one.one"}]}}]},
                {"type":"table","caption":"c","header":["h"],"rows":[["r"]]}
            ],"sections":[{"id":"b","title":"B","blocks":[
                {"type":"fields","fields":[{"label":"l","value":"v"}]},
                {"type":"tool","name":"n","purpose":"p","other":[{"label":"ol","value":"ov"}]}
            ]}]}]}"##,
        )
        .unwrap();
        let paths: Vec<(String, &str)> = bundle.all_texts();
        let expected = [
            ("meta.title", "T"),
            ("intro[0].text", "i"),
            ("sections[0].title", "A"),
            ("sections[0].blocks[0].items[0].text", "one"),
            ("sections[0].blocks[0].items[0].list.items[0].text", "one.one"),
            ("sections[0].blocks[1].caption", "c"),
            ("sections[0].blocks[1].header[0]", "h"),
            ("sections[0].blocks[1].rows[0][0]", "r"),
            ("sections[0].sections[0].title", "B"),
            ("sections[0].sections[0].blocks[0].fields[0].label", "l"),
            ("sections[0].sections[0].blocks[0].fields[0].value", "v"),
            ("sections[0].sections[0].blocks[1].name", "n"),
            ("sections[0].sections[0].blocks[1].purpose", "p"),
            ("sections[0].sections[0].blocks[1].other[0].label", "ol"),
            ("sections[0].sections[0].blocks[1].other[0].value", "ov"),
        ];
        let expected: Vec<(String, &str)> = expected.iter().map(|(p, t)| (p.to_string(), *t)).collect();
        assert_eq!(paths, expected);
    }
}
