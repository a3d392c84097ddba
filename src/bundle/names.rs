//! How the bundle names things: its enums' values as written in JSON, and
//! the rule for section ids. The widget's reader (`read`), validation, the
//! display options and the importer all need them.

use super::config::{InitialState, SummaryPosition};
use super::{ChangeKind, FactAnswer, FactKind, FrontMatterKind, PublisherKind};

/// A section id: starts with a lower-case letter; then lower-case letters,
/// digits and single hyphens. It is used in URLs and as an element id.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('a'..='z'))
        && id.len() <= 80
        && !id.ends_with('-')
        && !id.contains("--")
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-'))
}

/// Enums are written as their snake_case names (serde's `rename_all`; a test
/// checks the two agree).
pub trait Named: Sized + Copy + PartialEq + 'static {
    /// Each value's name, as the bundle writes it, apart by spaces: one
    /// string is smaller in the wasm than a slice of them, which is also a
    /// table of addresses and lengths.
    const NAMES: &'static str;

    /// The values, in [`Self::NAMES`]'s order.
    const VALUES: &'static [Self];

    /// Each value with its name.
    fn each() -> impl Iterator<Item = (&'static str, Self)> {
        Self::NAMES.split(' ').zip(Self::VALUES.iter().copied())
    }

    /// The value a name stands for.
    fn from_name(name: &str) -> Option<Self> {
        Self::NAMES.split(' ').position(|n| n == name).map(|i| Self::VALUES[i])
    }

    /// The value's name.
    fn name(self) -> &'static str {
        Self::each().find(|(_, v)| *v == self).map_or("", |(n, _)| n)
    }
}

macro_rules! named {
    ($ty:ident { $first:literal => $first_variant:ident $(, $name:literal => $variant:ident)* $(,)? }) => {
        impl Named for $ty {
            const NAMES: &'static str = concat!($first $(, " ", $name)*);
            const VALUES: &'static [Self] = &[$ty::$first_variant $(, $ty::$variant)*];
        }
    };
}

named!(PublisherKind {
    "town" => Town, "city" => City, "county" => County, "state_agency" => StateAgency,
    "school_district" => SchoolDistrict, "other" => Other,
});
named!(FactKind {
    "collects_voluntary" => CollectsVoluntary, "collects_automatic" => CollectsAutomatic,
    "cookies" => Cookies, "third_party_tools" => ThirdPartyTools, "sells_data" => SellsData,
    "public_records" => PublicRecords, "shares_with_agencies" => SharesWithAgencies,
    "security" => Security, "email_not_encrypted" => EmailNotEncrypted, "retention" => Retention,
    "children" => Children, "access_rights" => AccessRights, "policy_changes" => PolicyChanges,
    "contact" => Contact,
});
named!(FactAnswer { "yes" => Yes, "no" => No, "none" => None, "session" => Session, "persistent" => Persistent });
named!(FrontMatterKind { "archive_notice" => ArchiveNotice, "cover_memo" => CoverMemo, "other" => Other });
named!(ChangeKind { "added" => Added, "removed" => Removed, "changed" => Changed });
named!(InitialState { "collapsed" => Collapsed, "expanded" => Expanded, "first" => First });
named!(SummaryPosition { "start" => Start, "end" => End });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_valid_id("security"));
        assert!(is_valid_id("tool-google-analytics-2"));
        for bad in ["", "Security", "1st", "a--b", "a-", "a b", "a_b", "#a"] {
            assert!(!is_valid_id(bad), "{bad:?}");
        }
    }
}
