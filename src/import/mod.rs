//! The importer: a policy's existing text becomes a bundle, with nothing lost.
//!
//! [`source`] first turns the file a policy arrives in (a web page, a Word
//! document, a PDF, plain text or Markdown) into text with Markdown's
//! structure. Then the stages, each its own module:
//! 1. [`clean`]: lines; page numbers and word-processor residue removed (reported).
//! 2. [`blocks`]: paragraphs, list items, table rows, quotes; page breaks mended.
//! 3. [`front`]: archive notice, cover memo, title and date lines taken apart.
//! 4. [`outline`]: heading styles recognised; the section tree, lists, tables,
//!    label/value fields and third-party tool entries built.
//! 5. Extraction: [`glossary`], [`contacts`], [`facts`], [`summary`] — drafts
//!    an editor reviews, each pointing at the section it comes from.
//!
//! Everything that is not kept as text is reported as a [`Notice`], so "nothing
//! lost" can be checked by a person as well as by the tests.

mod blocks;
mod clean;
mod contacts;
mod dates;
mod facts;
mod front;
mod glossary;
mod ids;
mod labels;
mod language;
mod links;
mod outline;
mod passages;
pub mod previous;
pub mod source;
mod summary;

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

use crate::bundle::{
    inline, Block, Bundle, Config, FrontMatter, FrontMatterKind, Meta, Publisher, PublisherKind, FORMAT,
};

/// What the person importing knows better than the text does.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The policy's title.
    pub title: Option<String>,
    /// The publisher's name.
    pub publisher: Option<String>,
    /// What kind of public body the publisher is.
    pub publisher_kind: Option<PublisherKind>,
    /// The publisher's home page.
    pub website: Option<String>,
    /// Where the policy's law applies.
    pub jurisdiction: Option<String>,
    /// Where the policy is published.
    pub canonical_url: Option<String>,
    /// The policy's language, a BCP 47 tag.
    pub language: Option<String>,
}

/// Something the importer did that a reviewer should know about: a line it
/// removed as residue, a sentence it joined across a page break.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// 1-based source line; 0 when it concerns no single line.
    pub line: usize,
    /// What the importer noticed.
    pub message: String,
}

impl Notice {
    /// A notice about a line of the source.
    pub fn new(line: usize, message: impl Into<String>) -> Self {
        Notice { line, message: message.into() }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            f.write_str(&self.message)
        } else {
            write!(f, "line {}: {}", self.line, self.message)
        }
    }
}

/// What an import gives: the draft bundle and what to review in it.
pub struct Imported {
    /// The draft bundle.
    pub bundle: Bundle,
    /// What a person should check, by source line.
    pub notices: Vec<Notice>,
}

/// Imports a policy from its file's text ([`source::read`]): what the file
/// says of its title and language counts where `options` say nothing, and
/// the conversion's notices come first.
pub fn import_source(source: source::Source, options: &Options) -> Imported {
    let options = Options {
        title: options.title.clone().or(source.title),
        language: options.language.clone().or(source.language),
        ..options.clone()
    };
    let mut imported = import(&source.text, &options);
    imported.notices.splice(0..0, source.notices);
    imported
}

/// Imports a plain-text or Markdown policy. Deterministic: the same text and
/// options always give the same bundle.
pub fn import(text: &str, options: &Options) -> Imported {
    let mut notices = Vec::new();
    let lines = clean::clean(text, &mut notices);
    let mut raw = blocks::split(&lines, &mut notices);
    for text in raw.iter_mut().flat_map(blocks::Raw::texts_mut) {
        links::mend(text, options.website.as_deref(), &mut notices);
    }
    let front = front::split(&mut raw, &mut notices);

    let mut slugger = ids::Slugger::default();
    let outline = outline::build(raw, &mut slugger);
    let mut sections = outline.sections;
    // A policy without headings is still a policy: one section holds it all.
    let mut intro = outline.intro;
    if sections.is_empty() {
        let title = options.title.clone().or(front.title.clone()).unwrap_or_else(|| "Privacy policy".to_owned());
        sections.push(crate::bundle::Section {
            id: slugger.slug(&title),
            title,
            blocks: std::mem::take(&mut intro),
            sections: Vec::new(),
        });
    }

    let definitions = glossary::extract(&sections);
    let contacts = contacts::extract(&sections);
    let language = options.language.clone().unwrap_or_else(|| {
        let detected = language::detect(text);
        if detected != "en" {
            notices.push(Notice::new(
                0,
                format!("the text reads as \"{detected}\": language set to it (--language to change)"),
            ));
        }
        detected.to_owned()
    });
    let facts = facts::extract(&sections, &contacts, &language);
    let summary = summary::draft(&sections, &facts);

    let title = options.title.clone().or(front.title).unwrap_or_else(|| "Privacy policy".to_owned());
    let (guessed_name, guessed_kind) = guess_publisher(text);
    let publisher = Publisher {
        name: options.publisher.clone().or(guessed_name).unwrap_or_else(|| "Unknown publisher".to_owned()),
        kind: options.publisher_kind.unwrap_or(guessed_kind),
        website: options.website.clone(),
    };

    let mut front_matter = Vec::new();
    if !front.archive_notice.is_empty() {
        front_matter.push(FrontMatter {
            kind: FrontMatterKind::ArchiveNotice,
            title: "About this copy".into(),
            blocks: paragraphs(front.archive_notice),
        });
    }
    if !front.cover_memo.is_empty() {
        front_matter.push(FrontMatter {
            kind: FrontMatterKind::CoverMemo,
            title: "Cover memo".into(),
            blocks: paragraphs(front.cover_memo),
        });
    }

    let bundle = Bundle {
        format: FORMAT.to_owned(),
        meta: Meta {
            title,
            publisher,
            jurisdiction: options.jurisdiction.clone(),
            effective_date: front.effective_date,
            updated_date: front.updated_date,
            language: language.clone(),
            canonical_url: options.canonical_url.clone(),
        },
        summary,
        facts,
        intro,
        sections,
        definitions,
        contacts,
        front_matter,
        history: Vec::new(),
        changes: None,
        config: Config { labels: labels::for_language(&language).unwrap_or_default(), ..Config::default() },
    };
    Imported { bundle, notices }
}

fn paragraphs(raw: Vec<blocks::Raw>) -> Vec<Block> {
    raw.into_iter()
        .map(|b| match b {
            blocks::Raw::Heading { text, .. } | blocks::Raw::Paragraph { text, .. } | blocks::Raw::Quote { text } => {
                text
            }
            blocks::Raw::Item { marker, text, .. } => format!("{marker} {text}"),
            blocks::Raw::TableRow { cells, .. } => cells.join(" | "),
        })
        .map(|text| Block::Paragraph { text })
        .collect()
}

static PUBLISHER: LazyLock<Vec<(Regex, PublisherKind)>> = LazyLock::new(|| {
    [
        (r"\b(Town of [A-Z][a-z]+(?: [A-Z][a-z]+)?)", PublisherKind::Town),
        (r"\b(City of [A-Z][a-z]+(?: [A-Z][a-z]+)?)", PublisherKind::City),
        // A letterhead in capitals: "TOWN OF SAMPLE, MASSACHUSETTS".
        (r"\b(TOWN OF [A-Z]{2,}(?: [A-Z]{2,})?)\b", PublisherKind::Town),
        (r"\b(CITY OF [A-Z]{2,}(?: [A-Z]{2,})?)\b", PublisherKind::City),
        // Spanish and Portuguese: "Pueblo de …", "Ciudad de …", "Cidade de …".
        (r"\b((?:Pueblo|Municipio) de [A-Z]\p{Ll}+(?: [A-Z]\p{Ll}+)?)", PublisherKind::Town),
        (r"\b((?:Ciudad|Cidade) de [A-Z]\p{Ll}+(?: [A-Z]\p{Ll}+)?)", PublisherKind::City),
        (r"\b(County of [A-Z][a-z]+)", PublisherKind::County),
        (r"\b([A-Z][a-z]+ County)\b", PublisherKind::County),
        (r"\b([A-Z][a-z]+ (?:Public Schools|School District|School Committee))", PublisherKind::SchoolDistrict),
        (r"\b(Commonwealth of [A-Z][a-z]+|State of [A-Z][a-z]+|(?i:mass\.gov))", PublisherKind::StateAgency),
    ]
    .into_iter()
    .map(|(p, k)| (Regex::new(p).unwrap(), k))
    .collect()
});

/// The publisher most often named in the text's opening, if any is.
fn guess_publisher(text: &str) -> (Option<String>, PublisherKind) {
    let opening: String = inline::plain(&text.chars().take(4000).collect::<String>());
    let mut best: Option<(usize, usize, String, PublisherKind)> = None;
    for (re, kind) in PUBLISHER.iter() {
        for m in re.captures_iter(&opening) {
            let name = if m[1].chars().any(char::is_lowercase) { m[1].to_owned() } else { front::title_case(&m[1]) };
            if name.starts_with("The ") {
                continue; // "The County" names no county
            }
            let count = opening.matches(name.as_str()).count();
            let first = m.get(1).map_or(0, |g| g.start());
            let better = match &best {
                Some((c, f, _, _)) => count > *c || (count == *c && first < *f),
                None => true,
            };
            if better {
                best = Some((count, first, name, *kind));
            }
        }
    }
    match best {
        Some((_, _, name, kind)) => (Some(name), kind),
        None => (None, PublisherKind::Other),
    }
}
