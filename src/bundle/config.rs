//! Display options (`config` in the bundle), with the embed element's
//! attribute overrides applied on top.
//!
//! Every string the widget shows that does not come from the policy is a label
//! here, so a bundle in any language reads right. Defaults are English.

use serde::{Deserialize, Serialize};

use super::names::Named;

/// Display options: where the summary stands, what is open, which panels show, the theme and the labels.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Config {
    /// Which sections are open when the widget first shows.
    pub initial: InitialState,
    /// Where the quick-summary panel stands.
    pub summary_position: SummaryPosition,
    /// The heading level (1–6) of the policy's title. Choose one below the CMS page's
    /// own headings, usually 2; sections take the levels below it.
    pub heading_level: u8,
    /// Which panels show.
    pub show: Panels,
    /// Colours, font and corner radius, within the widget's accessible defaults.
    pub theme: Theme,
    /// Every string of the widget's own, for a policy in another language.
    pub labels: Labels,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            initial: InitialState::Collapsed,
            summary_position: SummaryPosition::Start,
            heading_level: 2,
            show: Panels::default(),
            theme: Theme::default(),
            labels: Labels::default(),
        }
    }
}

/// Which sections are open when the widget first shows.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum InitialState {
    /// Every section closed: the reader sees the outline.
    #[default]
    Collapsed,
    /// Every section open.
    Expanded,
    /// Only the first section open.
    First,
}

/// Where the quick-summary panel stands.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SummaryPosition {
    /// Before the sections (recommended: the gist first).
    #[default]
    Start,
    /// After the sections.
    End,
}

/// Which parts of the widget show.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Panels {
    /// The quick summary: key points, facts and contacts.
    pub summary: bool,
    /// The "at a glance" fact cards.
    pub facts: bool,
    /// The contacts list.
    pub contacts: bool,
    /// The table of contents.
    pub contents: bool,
    /// The search box.
    pub search: bool,
    /// The glossary and the marks on defined terms.
    pub glossary: bool,
    /// Archive notices and cover memos.
    pub front_matter: bool,
    /// The estimated reading time in the header.
    pub reading_time: bool,
    /// What changed since the previous version, and the earlier versions
    /// (`history`, `changes`): the header's link, the disclosure, the marks
    /// in the contents and the notes in changed sections.
    pub changes: bool,
}

impl Default for Panels {
    fn default() -> Self {
        Panels {
            summary: true,
            facts: true,
            contacts: true,
            contents: true,
            search: true,
            glossary: true,
            front_matter: true,
            reading_time: true,
            changes: true,
        }
    }
}

impl Panels {
    /// The switch for a panel, by its field name in the bundle.
    pub fn by_field(&mut self, name: &str) -> Option<&mut bool> {
        Some(match name {
            "summary" => &mut self.summary,
            "facts" => &mut self.facts,
            "contacts" => &mut self.contacts,
            "contents" => &mut self.contents,
            "search" => &mut self.search,
            "glossary" => &mut self.glossary,
            "front_matter" => &mut self.front_matter,
            "reading_time" => &mut self.reading_time,
            "changes" => &mut self.changes,
            _ => return None,
        })
    }

    /// The panel a name (as written in the `hide` attribute, `front-matter` or
    /// `front_matter`) switches.
    fn by_name(&mut self, name: &str) -> Option<&mut bool> {
        self.by_field(&name.replace('-', "_"))
    }
}

/// Colours and shapes. Each value becomes a CSS custom property on the widget's
/// host, so a site can also set `--pp-accent`, `--pp-font` and `--pp-radius` in its
/// own stylesheet. Values are checked (see `validate`): they cannot carry CSS.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Theme {
    /// Accent colour: `#rgb` or `#rrggbb`. Defaults to a blue with AA contrast.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accent: Option<String>,
    /// A font-family list; by default the widget inherits the page's font.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub font: Option<String>,
    /// Corner radius in `px` or `rem`, e.g. `4px`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub radius: Option<String>,
}

macro_rules! labels {
    ($( $(#[doc = $doc:literal])* $name:ident : $default:literal ),* $(,)?) => {
        /// Every string the widget shows that does not come from the policy.
        /// `{n}`-style placeholders are filled in by the widget.
        ///
        /// Read one by its name (`labels.search_label()`), set one with
        /// [`Labels::slot`]. One list of strings rather than a field each: the
        /// code a field costs (its default, its name to match, its drop) was
        /// 1.5 KB gzip of the widget's wasm, and grew with every label.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Labels {
            /// Each label's text, in [`Self::NAMES`]'s order.
            values: Vec<String>,
            /// Keys that name no label, kept to be reported (not silently dropped).
            pub unknown: Vec<String>,
        }

        /// A label's place in [`Labels::NAMES`].
        #[allow(non_camel_case_types)]
        enum Label { $( $name, )* }

        impl Labels {
            /// Each label's name, as the bundle writes it, a line each. Lines
            /// of one string rather than a slice of them: a slice is also a
            /// table of addresses and lengths in the wasm, as big as the text.
            pub const NAMES: &'static str = concat!($( stringify!($name), "\n", )*);

            /// Each label's default text, a line each, in [`Self::NAMES`]'s order.
            pub const DEFAULTS: &'static str = concat!($( $default, "\n", )*);

            /// What each label's doc comment says, in [`Self::NAMES`]'s order:
            /// for the schema, and kept out of the widget's wasm.
            #[cfg(feature = "authoring")]
            const DESCRIPTIONS: &'static [&'static str] = &[ $( concat!($($doc),*), )* ];

            $(
                $(#[doc = $doc])*
                #[allow(missing_docs)]
                pub fn $name(&self) -> &String {
                    &self.values[Label::$name as usize]
                }
            )*

            /// The label with this name, if there is one.
            pub fn slot(&mut self, name: &str) -> Option<&mut String> {
                let i = Self::NAMES.lines().position(|n| n == name)?;
                self.values.get_mut(i)
            }
        }

        impl Default for Labels {
            fn default() -> Self {
                Labels { values: Self::DEFAULTS.lines().map(str::to_owned).collect(), unknown: Vec::new() }
            }
        }
    };
}

/// Written as a map of every label, in [`Labels::NAMES`]'s order.
impl Serialize for Labels {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.values.len()))?;
        for (name, value) in Self::NAMES.lines().zip(&self.values) {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// Read as a map of strings (by the CLI; the widget reads labels with
/// `read`), so that a key naming no label is kept for a warning
/// (`validate::warnings`) rather than refused: a bundle written for a
/// newer widget, or with a label this one retired, still loads.
impl<'de> Deserialize<'de> for Labels {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = std::collections::BTreeMap::<String, String>::deserialize(deserializer)?;
        let mut labels = Labels::default();
        for (key, value) in map {
            match labels.slot(&key) {
                Some(slot) => *slot = value,
                None => labels.unknown.push(key),
            }
        }
        Ok(labels)
    }
}

/// An object of optional strings, each with its default and description.
#[cfg(feature = "authoring")]
impl schemars::JsonSchema for Labels {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Labels".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut properties = serde_json::Map::new();
        for ((name, default), doc) in Self::NAMES.lines().zip(Self::DEFAULTS.lines()).zip(Self::DESCRIPTIONS) {
            let mut property = serde_json::Map::new();
            if !doc.is_empty() {
                property.insert("description".into(), doc.trim().into());
            }
            property.insert("type".into(), "string".into());
            property.insert("default".into(), default.into());
            properties.insert(name.into(), property.into());
        }
        schemars::json_schema!({
            "description": "Every string the widget shows that does not come from the policy.\n`{n}`-style placeholders are filled in by the widget.",
            "type": "object",
            "properties": properties,
        })
    }
}

labels! {
    summary_heading: "Quick summary",
    facts_heading: "At a glance",
    contacts_heading: "Questions?",
    contents_heading: "Contents",
    glossary_heading: "Definitions",
    expand_all: "Expand all sections",
    collapse_all: "Collapse all sections",
    copy_link: "Copy link to this section",
    link_copied: "Link copied",
    /// Before the effective date.
    effective: "Effective",
    /// Before the last-updated date.
    updated: "Last updated",
    /// `{minutes}` is replaced by the number.
    reading_time: "{minutes} min read",
    published_by: "Published by",
    loading: "Loading the privacy policy…",
    error_heading: "The privacy policy could not be shown",
    retry: "Try again",
    deleted_text: "deleted text",
    inserted_text: "inserted text",
    /// `{date}` is the previous version's date.
    changes_heading: "What changed since {date}",
    /// A new version whose text is the previous one's.
    no_changes: "The text has not changed.",
    /// Changed sections, in the list and the contents.
    change_changed: "Changed",
    /// Added sections, in the list and the contents.
    change_added: "New",
    change_removed: "Removed",
    /// After a renamed section's title; `{title}` is its previous title.
    formerly: "formerly “{title}”",
    /// Above a changed section's text; `{date}` is the previous version's date.
    changed_since: "Changed since {date}",
    /// Above an added section's text.
    added_since: "New since {date}",
    /// Shows a changed section's changed words.
    show_changes: "Show changes",
    history_heading: "Earlier versions",
    /// A policy that takes effect later; `{date}` is its effective date.
    takes_effect: "This policy takes effect on {date}.",
    /// The same, for a policy with changes.
    changes_take_effect: "These changes take effect on {date}.",
    tool_purpose: "Purpose",
    tool_data_collected: "Data collected",
    tool_privacy_policy: "Privacy policy",
    tool_terms: "Terms of use",
    tool_opt_out: "How to opt out",
    tool_notes: "Notes",
    contact_email: "Email",
    contact_phone: "Phone",
    contact_web: "Web",
    contact_address: "Address",
    fact_collects_voluntary: "Information you give",
    fact_collects_automatic: "Collected automatically",
    fact_cookies: "Cookies",
    fact_third_party_tools: "Third-party tools",
    fact_sells_data: "Sells your data",
    fact_public_records: "Public records",
    fact_shares_with_agencies: "Shared with",
    fact_security: "Security",
    fact_email_not_encrypted: "Email",
    fact_retention: "How long it is kept",
    fact_children: "Children",
    fact_access_rights: "Your rights",
    fact_policy_changes: "Changes",
    fact_contact: "Contact",
    search_label: "Search this policy",
    /// `{matches}` and `{sections}` are replaced by numbers.
    search_results: "{matches} matches in {sections} sections",
    search_one_result: "1 match in 1 section",
    /// Several matches, all in one section; `{matches}` is replaced by the number.
    search_results_one_section: "{matches} matches in 1 section",
    search_no_results: "No matches",
    /// While stepping through matches; `{n}` and `{total}` are numbers.
    search_position: "Match {n} of {total}",
    search_suggestions: "Try:",
    search_previous: "Previous match",
    search_next: "Next match",
}

/// One problem with an attribute override, for the developer's console.
pub type OverrideWarning = String;

impl Config {
    /// Applies the `<privacy-policy>` element's attributes over the bundle's config.
    /// Unknown attributes are not ours (the CMS may add its own) and are ignored;
    /// a known attribute with a bad value is reported and left at the bundle's value.
    pub fn apply_attributes<'a>(
        &mut self,
        attributes: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Vec<OverrideWarning> {
        let mut warnings = Vec::new();
        for (name, value) in attributes {
            let value = value.trim();
            let ok = match name {
                "initial" => set(&mut self.initial, InitialState::from_name(value)),
                "summary-position" => set(&mut self.summary_position, SummaryPosition::from_name(value)),
                "heading-level" => set(&mut self.heading_level, value.parse().ok().filter(|l| (1..=6).contains(l))),
                "hide" | "show" => {
                    let visible = name == "show";
                    let mut all_known = true;
                    for panel in value.split([',', ' ']).filter(|p| !p.is_empty()) {
                        match self.show.by_name(panel) {
                            Some(slot) => *slot = visible,
                            None => all_known = false,
                        }
                    }
                    all_known
                }
                // Checked with the bundle's own theme values by `validate`.
                "accent" => set(&mut self.theme.accent, Some(Some(value.to_owned()))),
                "font" => set(&mut self.theme.font, Some(Some(value.to_owned()))),
                "radius" => set(&mut self.theme.radius, Some(Some(value.to_owned()))),
                _ => continue,
            };
            if !ok {
                warnings.push(format!("attribute {name}=\"{value}\" is not valid and was ignored"));
            }
        }
        warnings
    }
}

impl Config {
    /// Whether nothing is set: a bundle then leaves `config` out.
    pub fn is_default(&self) -> bool {
        *self == Config::default()
    }
}

/// Stores a parsed value; `false` when it did not parse.
fn set<T>(slot: &mut T, value: Option<T>) -> bool {
    match value {
        Some(v) => {
            *slot = v;
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_override_the_bundle_and_bad_values_are_reported() {
        let mut config = Config::default();
        let warnings = config.apply_attributes([
            ("heading-level", "3"),
            ("initial", "expanded"),
            ("hide", "facts, contents"),
            ("data-cms-id", "42"),
            ("summary-position", "sideways"),
        ]);
        assert_eq!(config.heading_level, 3);
        assert_eq!(config.initial, InitialState::Expanded);
        assert!(!config.show.facts && !config.show.contents && config.show.summary);
        assert_eq!(config.summary_position, SummaryPosition::Start);
        assert_eq!(warnings, vec!["attribute summary-position=\"sideways\" is not valid and was ignored"]);
    }

    /// Names and defaults are lines of two strings: a default that held a
    /// line break would shift every label after it.
    #[test]
    fn every_label_reads_its_own_default() {
        let mut labels = Labels::default();
        assert_eq!(Labels::NAMES.lines().count(), Labels::DEFAULTS.lines().count());
        assert_eq!(labels.summary_heading(), "Quick summary");
        assert_eq!(labels.changes_heading(), "What changed since {date}");
        assert_eq!(labels.search_next(), "Next match");
        *labels.slot("search_next").unwrap() = "Siguiente".into();
        assert_eq!(labels.search_next(), "Siguiente");
        assert!(labels.slot("no_such_label").is_none());
    }

    #[test]
    fn heading_level_outside_one_to_six_is_refused() {
        let mut config = Config::default();
        assert_eq!(config.apply_attributes([("heading-level", "7")]).len(), 1);
        assert_eq!(config.heading_level, 2);
    }
}
