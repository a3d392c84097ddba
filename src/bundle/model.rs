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
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
pub struct Bundle {
    /// Always `"policy-bundle/1"` for this version of the format.
    pub format: String,
    /// The title, the publisher and the dates.
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
    /// Whom to ask about the policy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// Text that came with the source but is not the policy: an archive notice, a
    /// cover memo. Kept, so nothing is lost, and shown apart from the policy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub front_matter: Vec<FrontMatter>,
    /// Earlier versions of the policy, the latest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Version>,
    /// What changed since the previous version (the first of `history`), as
    /// `policy-widget import --previous` computes it. Absent: not known; present
    /// with no sections: nothing changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<Changes>,
    /// Display options; attributes on the `<privacy-policy>` element override them.
    #[serde(default, skip_serializing_if = "crate::bundle::config::Config::is_default")]
    pub config: crate::bundle::config::Config,
}

/// Who publishes the policy and when it took effect.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
pub struct Meta {
    /// The policy's title, as inline text.
    pub title: String,
    /// Who publishes the policy.
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

/// The public body that publishes the policy.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
pub struct Publisher {
    /// Its name, e.g. "Town of Concord".
    pub name: String,
    /// What kind of public body it is.
    #[serde(default)]
    pub kind: PublisherKind,
    /// The publisher's home page (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// The kinds of public body the widget knows.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PublisherKind {
    /// A town.
    Town,
    /// A city.
    City,
    /// A county.
    County,
    /// A state agency or department.
    StateAgency,
    /// A school district or school committee.
    SchoolDistrict,
    /// Any other public body.
    #[default]
    Other,
}

/// One key point of the quick summary.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
pub struct SummaryPoint {
    /// The point in plain words, as inline text.
    pub text: String,
    /// The id of the section that backs this point.
    pub section: String,
}

/// One "at a glance" fact.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
pub struct Fact {
    /// What the fact is about.
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
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
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

/// A fact's machine-readable answer.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FactAnswer {
    /// Yes.
    Yes,
    /// No.
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
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
pub struct Section {
    /// Stable, unique across the bundle: lower-case letters, digits and hyphens,
    /// starting with a letter. Deep links (`#id`) and summary references use it.
    pub id: String,
    /// The heading, as inline text.
    pub title: String,
    /// The section's content, before its subsections.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<Block>,
    /// Subsections.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// A piece of section content.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph.
    Paragraph {
        /// Inline text.
        text: String,
    },
    /// A bulleted or numbered list.
    List(List),
    /// Label/value pairs, e.g. "Purpose: …".
    Fields {
        /// The pairs, in order.
        fields: Vec<Field>,
    },
    /// A table.
    Table(Table),
    /// A third-party tool the site uses.
    Tool(Box<Tool>),
}

/// A bulleted or numbered list; items may hold lists.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
pub struct List {
    /// Numbered (`true`) or bulleted.
    #[serde(default)]
    pub ordered: bool,
    /// The items, in order.
    pub items: Vec<ListItem>,
}

/// One list item.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
pub struct ListItem {
    /// The item, as inline text.
    pub text: String,
    /// A list nested under this item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<List>,
}

/// One label and its value.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
pub struct Field {
    /// The label, e.g. "Purpose".
    pub label: String,
    /// Inline text; a blank line (`\n\n`) separates paragraphs.
    pub value: String,
}

/// A table of inline text cells.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
pub struct Table {
    /// What the table shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Column headings; every row has as many cells.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header: Vec<String>,
    /// The rows, each a list of cells.
    pub rows: Vec<Vec<String>>,
}

/// A third-party tool entry. Every value is inline text in which a blank line
/// (`\n\n`) separates paragraphs; links are inline links.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
pub struct Tool {
    /// The tool's name, e.g. "Google Analytics".
    pub name: String,
    /// What the site uses it for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// What it collects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_collected: Option<String>,
    /// The tool's own privacy policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_policy: Option<String>,
    /// The tool's terms of use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<String>,
    /// How a visitor opts out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opt_out: Option<String>,
    /// Anything else about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Any other labelled facts about the tool.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<Field>,
}

/// A defined term for the glossary.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
pub struct Definition {
    /// The term, as the policy writes it.
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

/// A way to reach the people behind the policy.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
pub struct Contact {
    /// Who this reaches, e.g. "Web Administrator".
    pub label: String,
    /// An email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A phone number.
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
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
pub struct FrontMatter {
    /// What kind of note it is.
    pub kind: FrontMatterKind,
    /// A heading for the note, e.g. "About this copy".
    pub title: String,
    /// The note's text.
    pub blocks: Vec<Block>,
}

/// The kinds of front matter.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FrontMatterKind {
    /// A note from an archive about where the copy comes from.
    ArchiveNotice,
    /// A memo or letter that came before the policy in the source document.
    CoverMemo,
    /// Anything else that came with the policy.
    Other,
}

/// An earlier version of the policy.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
pub struct Version {
    /// When it took effect, or was last changed: `YYYY-MM-DD`.
    pub date: String,
    /// Where it can still be read (http or https), e.g. an archived copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What changed from it, in one line, in the publisher's words (plain text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// What changed since the previous version, section by section.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
pub struct Changes {
    /// The previous version's date, `YYYY-MM-DD`.
    pub since: String,
    /// Each section added, removed or changed, in this version's order, the
    /// removed ones last; empty when nothing changed.
    #[serde(default)]
    pub sections: Vec<SectionChange>,
}

/// One section's change.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
pub struct SectionChange {
    /// The section's id: in this version, or in the previous one for a removed section.
    pub section: String,
    /// Added, removed or changed.
    pub change: ChangeKind,
    /// The section's title in the previous version: for a removed section, and
    /// for a changed one whose title changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_title: Option<String>,
    /// A changed section: each of its texts (paragraph, list item, field, cell)
    /// that differs, its words marked: `We [-may-]{+never+} sell it` (an
    /// inserted or deleted text is marked whole). A removed section: its
    /// texts, as the previous version had them, unmarked. An added section:
    /// none (its text is in the section). Plain text, not inline Markdown:
    /// `\` escapes the next character, and the text's own `\`, `[`, `]`, `{`
    /// and `}` are escaped (docs/bundle-format.md).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub texts: Vec<String>,
}

/// How a section changed.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// New in this version.
    Added,
    /// In the previous version only.
    Removed,
    /// In both, with other text or another title (a section renamed or moved
    /// is changed, not removed and added).
    Changed,
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

    /// The section at `path`: its index at each level, from the top down.
    pub fn section_at(&self, path: &[usize]) -> Option<&Section> {
        let (first, rest) = path.split_first()?;
        rest.iter().try_fold(self.sections.get(*first)?, |s, &i| s.sections.get(i))
    }

    /// Looks a section up by id anywhere in the tree. Called for every
    /// summary point and fact on each render, so it walks the tree without
    /// collecting it.
    pub fn section(&self, id: &str) -> Option<&Section> {
        fn find<'a>(sections: &'a [Section], id: &str) -> Option<&'a Section> {
            sections.iter().find_map(|s| if s.id == id { Some(s) } else { find(&s.sections, id) })
        }
        find(&self.sections, id)
    }
}

/// Which of a tool's standard fields a label names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToolField {
    /// `purpose`.
    Purpose,
    /// `data_collected`.
    DataCollected,
    /// `privacy_policy`.
    PrivacyPolicy,
    /// `terms`.
    Terms,
    /// `opt_out`.
    OptOut,
    /// `notes`.
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
