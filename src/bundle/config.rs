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
    ($( $(#[$doc:meta])* $name:ident : $default:expr ),* $(,)?) => {
        /// Every string the widget shows that does not come from the policy.
        /// `{n}`-style placeholders are filled in by the widget.
        #[derive(Serialize, Clone, Debug, PartialEq, Eq)]
        #[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
        #[serde(default)]
        // Each label's name and default text say what it is (`labels!` below).
        #[allow(missing_docs)]
        pub struct Labels {
            $( $(#[$doc])* pub $name: String, )*
            /// Keys that name no label, kept to be reported (not silently dropped).
            #[serde(skip)]
            #[cfg_attr(feature = "authoring", schemars(skip))]
            pub unknown: Vec<String>,
        }

        impl Default for Labels {
            fn default() -> Self {
                Labels { $( $name: $default.to_owned(), )* unknown: Vec::new() }
            }
        }

        impl Labels {
            /// The label with this field name, if there is one.
            pub fn slot(&mut self, name: &str) -> Option<&mut String> {
                match name {
                    $( stringify!($name) => Some(&mut self.$name), )*
                    _ => None,
                }
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
    };
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

    #[test]
    fn heading_level_outside_one_to_six_is_refused() {
        let mut config = Config::default();
        assert_eq!(config.apply_attributes([("heading-level", "7")]).len(), 1);
        assert_eq!(config.heading_level, 2);
    }
}
