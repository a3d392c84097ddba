//! A PDF as the importer's text: its characters in the order the PDF draws
//! them (a policy's reading order), set into lines and paragraphs by their
//! positions; the running headers, footers and page numbers that repeat on
//! every page removed; a word cut by a hyphen at a line's end joined; lines set in
//! larger type than the body made headings. A sentence split by a page break
//! is joined by the importer's later stages, as for any extracted text.
//!
//! pdf-extract (on lopdf) decodes the fonts and hands over each character
//! with its position and size.
//!
//! `lines` sets the characters into lines, with their size and their bold
//! and italic runs; `text` makes paragraphs and headings of the lines.

mod lines;
mod text;

use std::sync::atomic::{AtomicU8, Ordering};

use super::{Source, SourceError};
use lines::{faces, Pages};
use text::{without_running_lines, write};

/// The stage the reader is in (0: none, 1: the structure, 2: the text), for
/// a caller that outlives a panic the reader cannot catch: in wasm a panic
/// aborts, and the page or the Node command then asks [`interrupted`].
static STAGE: AtomicU8 = AtomicU8::new(0);

/// What stopped the reader, if a panic stopped it where `convert` would have
/// caught it: the same message `convert` gives natively.
pub fn interrupted() -> Option<SourceError> {
    match STAGE.load(Ordering::Relaxed) {
        1 => Some(damaged("its structure could not be read".into())),
        2 => Some(damaged("its text could not be decoded".into())),
        _ => None,
    }
}

fn damaged(why: String) -> SourceError {
    SourceError(format!(
        "could not read the PDF ({why}): it may be damaged; open it and save or print it again as a PDF"
    ))
}

pub fn convert(bytes: &[u8]) -> Result<Source, SourceError> {
    // lopdf and pdf-extract panic on some damaged files: a message instead,
    // without the panic's own report on stderr.
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = read_pdf(bytes);
    std::panic::set_hook(report);
    result
}

fn read_pdf(bytes: &[u8]) -> Result<Source, SourceError> {
    STAGE.store(1, Ordering::Relaxed);
    let loaded = std::panic::catch_unwind(|| pdf_extract::Document::load_mem(bytes));
    STAGE.store(0, Ordering::Relaxed);
    let mut document = match loaded {
        Ok(Ok(document)) => document,
        Ok(Err(e)) => return Err(damaged(e.to_string())),
        Err(_) => return Err(damaged("its structure could not be read".into())),
    };
    // lopdf opens a PDF that is encrypted without a password (one that only
    // forbids printing or copying) by itself; one that needs a password stays locked.
    let locked = document.trailer.get(b"Encrypt").is_ok() && !document.was_encrypted();
    if locked && document.decrypt("").is_err() {
        return Err(SourceError(
            "the PDF is protected by a password: save a copy without it (or print it to a new PDF) and import that"
                .into(),
        ));
    }
    let mut pages = Pages::default();
    STAGE.store(2, Ordering::Relaxed);
    let extracted =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pdf_extract::output_doc(&document, &mut pages)));
    STAGE.store(0, Ordering::Relaxed);
    match extracted {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(damaged(format!("{e:?}"))),
        Err(_) => return Err(damaged("its text could not be decoded".into())),
    }
    let lines = pages.lines(&faces(&document));
    if lines.iter().all(|page| page.is_empty()) {
        return Err(SourceError(
            "the PDF has no text layer (it is a scanned image): run it through OCR first (for example `ocrmypdf scan.pdf text.pdf`), or import the policy's web page or Word file".into(),
        ));
    }
    let mut notices = Vec::new();
    let lines = without_running_lines(lines, &mut notices);
    Ok(Source { text: write(&lines, &mut notices), notices, ..Source::default() })
}

#[cfg(test)]
pub(crate) mod tests {
    use pdf_extract::content::{Content, Operation};
    use pdf_extract::{dictionary, Document, Object, Stream};

    use super::*;

    /// A PDF of these pages, each a list of lines (size, text) set from the
    /// top of a US Letter page down, in Helvetica.
    pub fn pdf(pages: &[Vec<(f64, &str)>]) -> Vec<u8> {
        let mut bytes = Vec::new();
        document(pages).save_to(&mut bytes).unwrap();
        bytes
    }

    fn document(pages: &[Vec<(f64, &str)>]) -> Document {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font_id = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
        });
        let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
        let mut kids = Vec::new();
        for lines in pages {
            let mut operations = Vec::new();
            let mut y = 740.0;
            for (size, text) in lines {
                operations.push(Operation::new("BT", vec![]));
                operations.push(Operation::new("Tf", vec!["F1".into(), (*size).into()]));
                operations.push(Operation::new("Td", vec![72.into(), y.into()]));
                operations.push(Operation::new("Tj", vec![Object::string_literal(*text)]));
                operations.push(Operation::new("ET", vec![]));
                y -= size * 1.3;
            }
            let content = Content { operations };
            let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
            kids.push(
                doc.add_object(dictionary! {
                    "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
                })
                .into(),
            );
        }
        let count = kids.len() as i64;
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => kids, "Count" => count,
                "Resources" => resources_id, "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            }),
        );
        let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog_id);
        doc
    }

    const BODY: &str = "The Town collects only the information that you choose to give it when";

    #[test]
    fn headings_by_size_paragraphs_and_pages_in_order() {
        let source = convert(&pdf(&[
            vec![
                (20.0, "Website Privacy Policy"),
                (14.0, "Information We Collect"),
                (11.0, BODY),
                (11.0, "you fill in a form."),
            ],
            vec![(14.0, "Security"), (11.0, "We use encryption.")],
        ]))
        .unwrap();
        assert_eq!(
            source.text,
            format!("# Website Privacy Policy\n\n## Information We Collect\n\n{BODY}\nyou fill in a form.\n\n## Security\n\nWe use encryption.\n\n")
        );
    }

    #[test]
    fn running_headers_footers_and_page_numbers_go_and_hyphenated_words_join() {
        let page = |n: usize, body: Vec<(f64, &'static str)>| {
            let mut lines = vec![(9.0, "Town of Example Privacy Policy")];
            lines.extend(body);
            lines.push((9.0, ["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"][n]));
            lines
        };
        let source = convert(&pdf(&[
            page(
                0,
                vec![
                    (11.0, "We keep the infor-"),
                    (11.0, "mation for three years; machine-"),
                    (11.0, "specific information too."),
                ],
            ),
            page(1, vec![(11.0, "Public records law applies.")]),
            page(2, vec![(11.0, "Contact the clerk.")]),
        ]))
        .unwrap();
        assert_eq!(
            source.text,
            "We keep the information for three years; machine-specific information too.\n\nPublic records law applies.\n\nContact the clerk.\n\n"
        );
        let notes: Vec<String> = source.notices.iter().map(ToString::to_string).collect();
        assert!(
            notes
                .iter()
                .any(|n| n.contains("\"Town of Example Privacy Policy\", repeated at the top or bottom of 3 pages")),
            "{notes:?}"
        );
        assert!(notes.iter().any(|n| n.contains("Page 1 of 3")), "{notes:?}");
        assert!(notes.iter().any(|n| n.contains("joined 2 word(s) cut by a hyphen")), "{notes:?}");
    }

    #[test]
    fn a_pdf_policy_imports_whole_with_its_outline_across_pages() {
        let bytes = pdf(&[
            vec![
                (20.0, "Privacy Policy"),
                (14.0, "Information We Collect"),
                (11.0, "We collect only what you choose to send us through online forms, and we keep"),
            ],
            vec![
                (11.0, "it for as long as the law requires."),
                (14.0, "Cookies"),
                (11.0, "We use session cookies only."),
            ],
        ]);
        let imported = crate::import::import_source(convert(&bytes).unwrap(), &crate::import::Options::default());
        let b = &imported.bundle;
        assert_eq!(b.meta.title, "Privacy Policy");
        assert_eq!(
            b.sections.iter().map(|s| s.title.as_str()).collect::<Vec<_>>(),
            ["Information We Collect", "Cookies"]
        );
        assert_eq!(
            b.sections[0].blocks,
            [crate::bundle::Block::Paragraph {
                text: "We collect only what you choose to send us through online forms, and we keep it for as long as the law requires.".into()
            }],
            "a sentence split by the page break is one again"
        );
        assert!(imported.notices.iter().any(|n| n.message.contains("joined a sentence split across a break")));
    }

    #[test]
    fn a_scan_a_locked_file_and_a_damaged_one_each_say_what_to_do() {
        let mut locked = document(&[vec![(11.0, BODY)]]);
        let password = Object::string_literal(vec![0u8; 32]);
        let encrypt = locked.add_object(
            dictionary! { "Filter" => "Standard", "V" => 1, "R" => 2, "O" => password.clone(), "U" => password, "P" => -4 },
        );
        locked.trailer.set("Encrypt", encrypt);
        let mut bytes = Vec::new();
        locked.save_to(&mut bytes).unwrap();
        let error = convert(&bytes).unwrap_err();
        assert!(error.0.contains("protected by a password") && error.0.contains("save a copy without it"), "{error}");
        let scan = convert(&pdf(&[vec![], vec![]])).unwrap_err();
        assert!(scan.0.contains("no text layer") && scan.0.contains("OCR"), "{scan}");
        let damaged = convert(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF").unwrap_err();
        assert!(damaged.0.starts_with("could not read the PDF"), "{damaged}");
        let truncated = pdf(&[vec![(11.0, BODY)]]);
        let error = convert(&truncated[..truncated.len() / 3]).unwrap_err();
        assert!(error.0.starts_with("could not read the PDF") || error.0.contains("no text layer"), "{error}");
    }
}
