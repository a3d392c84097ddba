//! The file a policy arrives in, as the importer's text: plain text and
//! Markdown as they are; a web page, a Word document or a PDF converted to
//! Markdown with its headings, lists, tables and links (`html`, `docx`, `pdf`).
//!
//! Reading the file (a path, stdin, a URL) is the caller's: these take bytes,
//! so the same code serves the command line and the browser.

mod docx;
mod html;
mod pdf;

use std::fmt;

use url::Url;

use super::Notice;

/// The largest text (plain, Markdown, a web page) read: a policy runs to tens
/// of KB; this refuses what is certainly not one.
pub const MAX_TEXT_BYTES: usize = 5 * 1024 * 1024;
/// The largest PDF or Word document: their images can weigh far more than
/// their text. Also the most a caller needs to read of any file.
pub const MAX_DOCUMENT_BYTES: usize = 50 * 1024 * 1024;

/// The formats a policy arrives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// A web page.
    Html,
    /// A Word document.
    Docx,
    /// A PDF.
    Pdf,
}

impl Format {
    /// The format a file name's extension (or a `--format` value) names.
    pub fn from_name(name: &str) -> Option<Self> {
        let extension = name.rsplit('.').next().unwrap_or(name).to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// The format the bytes themselves show, where they show one: a PDF's
    /// header, a Word document's zip, a web page's tags.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        let start = &bytes[..bytes.len().min(4096)];
        if start.starts_with(b"%PDF-") {
            return Some(Format::Pdf);
        }
        if start.starts_with(b"PK\x03\x04") {
            return docx::is_word(bytes).then_some(Format::Docx);
        }
        let text = String::from_utf8_lossy(start).trim_start_matches('\u{feff}').trim_start().to_ascii_lowercase();
        let tags =
            ["<!doctype html", "<html", "<head", "<body", "<main", "<article", "<p>", "<p ", "<div", "<h1", "<h2"];
        (text.starts_with('<') && tags.iter().any(|t| text.contains(t))).then_some(Format::Html)
    }

    /// What the reader knows it as.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "plain text",
            Format::Markdown => "Markdown",
            Format::Html => "a web page (HTML)",
            Format::Docx => "a Word document (.docx)",
            Format::Pdf => "a PDF",
        }
    }
}

/// A policy's text, ready for the importer, with what its file said about it.
#[derive(Debug, Default)]
pub struct Source {
    /// Plain text or Markdown.
    pub text: String,
    /// The title the file gives where its text does not (a page's `<title>`,
    /// a document's title property).
    pub title: Option<String>,
    /// The language the file declares (`<html lang>`, the document's language).
    pub language: Option<String>,
    /// What the conversion left out or changed.
    pub notices: Vec<Notice>,
}

/// Why a file cannot be imported: one line that says what to do.
#[derive(Debug, PartialEq, Eq)]
pub struct SourceError(pub String);

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The file's format: what its content shows, else what its name says, else
/// plain text. A notice says so where the two disagree (a `.txt` that is a
/// web page).
pub fn format_of(bytes: &[u8], named: Option<Format>, notices: &mut Vec<Notice>) -> Format {
    match (Format::sniff(bytes), named) {
        (Some(sniffed), Some(named)) if sniffed != named => {
            notices.push(Notice::new(
                0,
                format!("the file is named as {} but reads as {}: read as the latter", named.name(), sniffed.name()),
            ));
            sniffed
        }
        (Some(sniffed), _) => sniffed,
        (None, Some(Format::Pdf | Format::Docx)) => named.unwrap_or(Format::Text),
        (None, Some(named)) => named,
        (None, None) => Format::Text,
    }
}

/// Converts a file in `format` to the importer's text. `base`: the address
/// the file came from, against which a page's relative links resolve.
pub fn read(bytes: &[u8], format: Format, base: Option<&Url>) -> Result<Source, SourceError> {
    match format {
        Format::Text | Format::Markdown => {
            let text = String::from_utf8(bytes.to_vec()).map_err(|e| {
                SourceError(format!(
                    "not UTF-8 text (invalid byte at offset {}): save it as UTF-8, or import the original document",
                    e.utf8_error().valid_up_to()
                ))
            })?;
            Ok(Source { text, ..Source::default() })
        }
        Format::Html => Ok(html::convert(&String::from_utf8_lossy(bytes), base)),
        Format::Docx => docx::convert(bytes),
        Format::Pdf => pdf::convert(bytes),
    }
}

/// Where a reader stopped on a panic it could not catch (in wasm, where a
/// panic aborts): the message the native reader gives for that file.
pub fn interrupted() -> Option<String> {
    pdf::interrupted().map(|e| e.0)
}

/// The message for a file over a limit: the size in whole MB, as a person
/// reads it in their file manager.
pub fn too_large(name: &str, size: usize, limit: usize) -> String {
    let mb = |n: usize| n.div_ceil(1024 * 1024);
    format!("{name}: {} MB is over the {} MB limit", mb(size), mb(limit))
}

/// A policy's file as it arrives, from a disk, a web address or a browser's
/// file input.
pub struct File<'a> {
    /// What the person calls it (a path, an address, a file's name): the
    /// start of every error message.
    pub name: &'a str,
    /// Its content.
    pub bytes: &'a [u8],
    /// The format a `--format` option or a server's content type declares;
    /// else the name's extension counts.
    pub declared: Option<Format>,
    /// The address the file came from, against which a page's relative links resolve.
    pub base: Option<&'a Url>,
}

/// Reads a policy's file, whatever its format, into the importer's text:
/// what the command line and the studio both run, so the same file gives the
/// same bundle in each. Errors are one line, starting with the file's name.
pub fn read_file(file: File) -> Result<Source, String> {
    let File { name, bytes, declared, base } = file;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(too_large(name, bytes.len(), MAX_DOCUMENT_BYTES));
    }
    let mut notices = Vec::new();
    let format = format_of(bytes, declared.or_else(|| Format::from_name(name)), &mut notices);
    if matches!(format, Format::Text | Format::Markdown | Format::Html) {
        if bytes.len() > MAX_TEXT_BYTES {
            return Err(too_large(name, bytes.len(), MAX_TEXT_BYTES));
        }
        if bytes.contains(&0) {
            return Err(format!("{name}: looks like a binary file, not text"));
        }
    }
    let mut source = read(bytes, format, base).map_err(|e| format!("{name}: {e}"))?;
    if source.text.trim().is_empty() {
        return Err(match format {
            Format::Html => format!("{name}: the page holds no text besides its menus, header and footer"),
            Format::Docx => format!("{name}: the document holds no text"),
            _ => format!("{name}: the file is empty"),
        });
    }
    source.notices.splice(0..0, notices);
    Ok(source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_decides_the_format_and_the_name_breaks_ties() {
        let mut notices = Vec::new();
        assert_eq!(format_of(b"%PDF-1.7\n...", Some(Format::Text), &mut notices), Format::Pdf);
        assert_eq!(
            format_of(b"\n  <!DOCTYPE html><html><body><p>Hi</p>", Some(Format::Text), &mut notices),
            Format::Html
        );
        assert_eq!(notices.len(), 2, "each disagreement is said");
        assert_eq!(format_of(b"# Privacy\n\nText.", Some(Format::Markdown), &mut notices), Format::Markdown);
        assert_eq!(format_of(b"Privacy policy\n\nWe do not sell data.", None, &mut notices), Format::Text);
        assert_eq!(format_of(b"<b>Bold</b> is how we write.", None, &mut notices), Format::Text, "a tag is not a page");
        assert_eq!(Format::from_name("Policy.HTM"), Some(Format::Html));
        assert_eq!(Format::from_name("policy.docx"), Some(Format::Docx));
        assert_eq!(Format::from_name("policy.rtf"), None);
    }

    #[test]
    fn text_that_is_not_utf8_is_refused_with_what_to_do() {
        let error = read(b"caf\xe9", Format::Text, None).unwrap_err();
        assert!(error.0.contains("not UTF-8") && error.0.contains("save it as UTF-8"), "{error}");
    }
}
