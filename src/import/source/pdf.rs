//! A PDF as the importer's text: its characters in the order the PDF draws
//! them (a policy's reading order), set into lines and paragraphs by their
//! positions; the running headers, footers and page numbers that repeat on
//! every page removed; a word cut by a hyphen at a line's end joined; lines set in
//! larger type than the body made headings. A sentence split by a page break
//! is joined by the importer's later stages, as for any extracted text.
//!
//! pdf-extract (on lopdf) decodes the fonts and hands over each character
//! with its position and size.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::{Source, SourceError};
use crate::import::Notice;
use crate::keyed::Strings;

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
    let damaged = |why: String| {
        SourceError(format!(
            "could not read the PDF ({why}): it may be damaged; open it and save or print it again as a PDF"
        ))
    };
    let loaded = std::panic::catch_unwind(|| pdf_extract::Document::load_mem(bytes));
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
    let extracted =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pdf_extract::output_doc(&document, &mut pages)));
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

/// One character as drawn: where, how big.
struct Glyph {
    x: f64,
    /// From the top of the page down.
    y: f64,
    end: f64,
    size: f64,
    text: String,
    /// Which of the page's shown strings it belongs to (see [`Face`]).
    string: usize,
}

/// How a string is set: in a bold or italic font (or bold by stroking, as a
/// browser makes bold from a font that has none).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Face {
    bold: bool,
    italic: bool,
}

/// The face of each string each page shows (`Tj`, and each string of a `TJ`),
/// in the order pdf-extract shows them: it tells a glyph's face by its string.
fn faces(document: &pdf_extract::Document) -> Vec<Vec<Face>> {
    document
        .get_pages()
        .values()
        .map(|&page| {
            let fonts = document.get_page_fonts(page).unwrap_or_default();
            let font_face = |name: &[u8]| {
                let base = fonts
                    .get(name)
                    .and_then(|f| f.get(b"BaseFont").ok())
                    .and_then(|b| b.as_name().ok())
                    .map(|b| String::from_utf8_lossy(b).to_ascii_lowercase())
                    .unwrap_or_default();
                Face {
                    bold: ["bold", "black", "heavy", "demi"].iter().any(|w| base.contains(w)),
                    italic: ["italic", "oblique"].iter().any(|w| base.contains(w)),
                }
            };
            let Ok(content) = document.get_and_decode_page_content(page) else { return Vec::new() };
            let (mut face, mut stroked) = (Face::default(), false);
            let mut strings = Vec::new();
            for op in &content.operations {
                match op.operator.as_str() {
                    "Tf" => {
                        face = op.operands.first().and_then(|n| n.as_name().ok()).map_or(Face::default(), font_face)
                    }
                    "Tr" => stroked = op.operands.first().and_then(|m| m.as_i64().ok()) == Some(2),
                    "Tj" => strings.push(Face { bold: face.bold || stroked, ..face }),
                    "TJ" => {
                        let shown =
                            op.operands.first().and_then(|a| a.as_array().ok()).map_or(0, |a| {
                                a.iter().filter(|e| matches!(e, pdf_extract::Object::String(..))).count()
                            });
                        strings.extend(std::iter::repeat_n(Face { bold: face.bold || stroked, ..face }, shown));
                    }
                    _ => {}
                }
            }
            strings
        })
        .collect()
}

/// Every page's glyphs, in the order the PDF draws them.
#[derive(Default)]
struct Pages {
    pages: Vec<Vec<Glyph>>,
    /// The page's height: PDF measures up from the bottom, lines read down.
    height: f64,
    /// The strings shown on the page so far, and on each page before.
    strings: usize,
    shown: Vec<usize>,
}

impl OutputDev for Pages {
    fn begin_page(&mut self, _: u32, media_box: &MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        self.pages.push(Vec::new());
        self.strings = 0;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.shown.push(self.strings);
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // The size as drawn: the font's size through the text matrix's scale.
        let (sx, sy) = (font_size * (trm.m11 + trm.m21), font_size * (trm.m12 + trm.m22));
        let size = (sx * sy).abs().sqrt();
        let (x, y) = (trm.m31, self.height - trm.m32);
        if let Some(page) = self.pages.last_mut() {
            page.push(Glyph { x, y, end: x + width * size, size, text: text.to_owned(), string: self.strings });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.strings += 1;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// A line of a page.
#[derive(Clone, Debug)]
struct Line {
    /// With `**bold**` and `*italic*` runs marked, as the importer reads them.
    text: String,
    /// Without the marks.
    plain: String,
    /// Its baseline, from the top of the page.
    y: f64,
    /// The size most of its characters are set in.
    size: f64,
}

/// A line as it is gathered: its runs of one face.
struct Gathering {
    runs: Vec<(Face, String)>,
    y: f64,
    sizes: Vec<(f64, usize)>,
}

impl Gathering {
    fn push(&mut self, face: Face, text: &str) {
        match self.runs.last_mut() {
            Some((f, run)) if *f == face || text.trim().is_empty() => run.push_str(text),
            _ => self.runs.push((face, text.to_owned())),
        }
    }

    fn line(self) -> Line {
        let plain = self.runs.iter().map(|(_, t)| t.as_str()).collect::<String>();
        let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut text = String::new();
        for (face, run) in &self.runs {
            let inner = run.split_whitespace().collect::<Vec<_>>().join(" ");
            if inner.is_empty() {
                continue;
            }
            if run.starts_with(char::is_whitespace) && !text.is_empty() && !text.ends_with(' ') {
                text.push(' ');
            }
            let mark = match (face.bold, face.italic) {
                (true, _) => "**",
                (false, true) => "*",
                _ => "",
            };
            text.push_str(&format!("{mark}{inner}{mark}"));
            if run.ends_with(char::is_whitespace) {
                text.push(' ');
            }
        }
        Line { text: text.trim_end().to_owned(), plain, y: self.y, size: most_common(&self.sizes) }
    }
}

impl Pages {
    /// Each page's lines: a new line where the baseline moves by half a
    /// character's height or more; a space where a gap opens between two
    /// characters. Many PDFs draw no space character at all, and a gap of a
    /// tenth of a character is a space there; a page that draws its spaces
    /// gets one only where a wide gap opens (a table's columns), as its fonts'
    /// widths can be off by that much inside a word ("Addr ess"). `faces`
    /// mark bold and italic runs, on a page whose strings they count alike.
    fn lines(&self, faces: &[Vec<Face>]) -> Vec<Vec<Line>> {
        self.pages
            .iter()
            .enumerate()
            .map(|(p, glyphs)| {
                let faces = faces.get(p).filter(|f| Some(&f.len()) == self.shown.get(p));
                let face = |g: &Glyph| faces.and_then(|f| f.get(g.string.wrapping_sub(1))).copied().unwrap_or_default();
                let spaces = glyphs.iter().filter(|g| g.text == " ").count();
                let gap = if spaces * 20 >= glyphs.len() { 0.5 } else { 0.1 };
                let mut lines: Vec<Line> = Vec::new();
                let mut current: Option<Gathering> = None;
                let mut last: Option<&Glyph> = None;
                for g in glyphs {
                    let new_line = last.is_none_or(|l| (g.y - l.y).abs() > l.size.max(g.size) * 0.5);
                    if new_line {
                        lines.extend(current.take().map(Gathering::line));
                        current = Some(Gathering { runs: Vec::new(), y: g.y, sizes: Vec::new() });
                    }
                    let line = current.as_mut().expect("a line");
                    if !new_line && last.is_some_and(|l| g.x > l.end + g.size * gap) && !g.text.starts_with(' ') {
                        line.push(face(g), " ");
                    }
                    line.push(face(g), &g.text);
                    match line.sizes.iter_mut().find(|(s, _)| (*s - g.size).abs() < 0.5) {
                        Some((_, n)) => *n += 1,
                        None => line.sizes.push((g.size, 1)),
                    }
                    last = Some(g);
                }
                lines.extend(current.map(Gathering::line));
                lines.retain(|l| !l.plain.is_empty());
                lines
            })
            .collect()
    }
}

/// Whether `line` opens with what looks like a list's number ("(30)", "2.")
/// but carries on a sentence that `out` leaves unfinished: a lower-case word
/// follows the number, and the line before ends mid-sentence.
fn mid_sentence_numeral(out: &str, line: &str) -> bool {
    let before = out.trim_end_matches('\n');
    let unfinished =
        out.ends_with('\n') && !out.ends_with("\n\n") && before.ends_with(|c: char| c.is_alphanumeric() || c == ',');
    let mut words = line.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else { return false };
    let digits = first.trim_start_matches('(').trim_end_matches([')', '.']);
    unfinished
        && !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && second.starts_with(char::is_lowercase)
}

fn most_common(sizes: &[(f64, usize)]) -> f64 {
    sizes.iter().max_by_key(|(_, n)| *n).map_or(0.0, |(s, _)| *s)
}

/// A line's text with its numbers as `#`: "Page 3 of 7" and "Page 4 of 7"
/// are one running footer.
fn shape(text: &str) -> String {
    text.chars().map(|c| if c.is_ascii_digit() { '#' } else { c.to_ascii_lowercase() }).collect()
}

/// Removes the lines that open or close most pages alike: running headers,
/// footers and page numbers.
fn without_running_lines(pages: Vec<Vec<Line>>, notices: &mut Vec<Notice>) -> Vec<Vec<Line>> {
    if pages.len() < 2 {
        return pages;
    }
    // The two lines at each end of a page are where running lines stand.
    let ends = |page: &Vec<Line>| -> Vec<String> {
        let n = page.len();
        let mut shapes: Vec<String> =
            page.iter().take(2).chain(page.iter().skip(n.saturating_sub(2))).map(|l| shape(&l.plain)).collect();
        shapes.sort();
        shapes.dedup();
        shapes
    };
    let mut counts: Vec<(String, usize)> = Vec::new();
    for page in &pages {
        for s in ends(page) {
            match counts.iter_mut().find(|(x, _)| *x == s) {
                Some((_, n)) => *n += 1,
                None => counts.push((s, 1)),
            }
        }
    }
    let threshold = (pages.len() / 2).max(2);
    let running: Vec<String> = counts.into_iter().filter(|(_, n)| *n >= threshold).map(|(s, _)| s).collect();
    let mut removed: Vec<(String, usize)> = Vec::new();
    let pages = pages
        .into_iter()
        .map(|page| {
            let n = page.len();
            page.into_iter()
                .enumerate()
                .filter(|(i, line)| {
                    let at_end = *i < 2 || *i + 2 >= n;
                    let is_running = at_end && running.contains(&shape(&line.plain));
                    if is_running {
                        match removed.iter_mut().find(|(t, _)| shape(t) == shape(&line.plain)) {
                            Some((_, count)) => *count += 1,
                            None => removed.push((line.plain.clone(), 1)),
                        }
                    }
                    !is_running
                })
                .map(|(_, line)| line)
                .collect()
        })
        .collect();
    for (text, count) in removed {
        notices.push(Notice::new(0, format!("removed \"{text}\", repeated at the top or bottom of {count} pages (a running header, footer or page number)")));
    }
    pages
}

/// The pages' lines as paragraphs (a blank line where the space between two
/// lines opens wider than the body's line spacing, and between pages) and
/// headings (`#` by size, largest first), hyphenated line ends joined.
fn write(pages: &[Vec<Line>], notices: &mut Vec<Notice>) -> String {
    // The body's size: the one most characters are set in.
    let mut sizes: Vec<(f64, usize)> = Vec::new();
    for line in pages.iter().flatten() {
        match sizes.iter_mut().find(|(s, _)| (*s - line.size).abs() < 0.5) {
            Some((_, n)) => *n += line.plain.len(),
            None => sizes.push((line.size, line.plain.len())),
        }
    }
    let body = most_common(&sizes);
    let is_heading = |line: &Line| {
        line.size >= body * 1.15
            && line.plain.split_whitespace().count() <= 15
            && !line.plain.ends_with(['.', ',', ';'])
    };
    // Heading sizes, largest first: the largest is `#`, the next `##`, then `###`.
    let mut heading_sizes: Vec<f64> = Vec::new();
    for line in pages.iter().flatten().filter(|l| is_heading(l)) {
        if !heading_sizes.iter().any(|s| (s - line.size).abs() < 0.5) {
            heading_sizes.push(line.size);
        }
    }
    heading_sizes.sort_by(|a, b| b.total_cmp(a));
    let level = |size: f64| heading_sizes.iter().position(|s| (s - size).abs() < 0.5).unwrap_or(0).min(2) + 1;

    // Every word the policy writes whole, to tell a word hyphenated at a
    // line's end from a word with a hyphen of its own.
    let mut words = Strings::default();
    for line in pages.iter().flatten() {
        for token in line.plain.split_whitespace() {
            let token = token.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            for part in token.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                words.insert(part.to_owned());
            }
            words.insert(token);
        }
    }
    let mut out = String::new();
    let mut joined = 0;
    for page in pages {
        let mut previous: Option<&Line> = None;
        for line in page {
            if is_heading(line) {
                // A heading over two lines stays one heading.
                if previous.is_some_and(|p| {
                    is_heading(p) && (p.size - line.size).abs() < 0.5 && line.y - p.y < line.size * 1.6
                }) {
                    out.truncate(out.trim_end().len());
                    out.push(' ');
                    out.push_str(&line.plain);
                    out.push_str("\n\n");
                } else {
                    if !out.is_empty() && !out.ends_with("\n\n") {
                        out.push('\n');
                    }
                    out.push_str(&format!("{} {}\n\n", "#".repeat(level(line.size)), line.plain));
                }
                previous = Some(line);
                continue;
            }
            let gap = previous.map_or(0.0, |p| line.y - p.y);
            let new_paragraph = previous.is_some_and(|p| is_heading(p) || gap > line.size.max(p.size) * 1.75);
            if new_paragraph && !out.ends_with("\n\n") {
                out.push('\n');
            }
            // A line that ends in a hyphen before a lower-case word: one word
            // over two lines. "infor-" + "mation" is "information" where the
            // policy writes that word elsewhere, and "e-" + "mail" "e-mail" where
            // it writes that; any other keeps its hyphen ("machine-specific":
            // browsers and word processors seldom hyphenate, so a hyphen at a
            // line's end is most often the word's own).
            if out.ends_with("-\n") && line.plain.starts_with(|c: char| c.is_lowercase()) && !out.ends_with(" -\n") {
                let before = out[..out.len() - 2].rsplit(' ').next().unwrap_or_default().to_lowercase();
                let after = line.plain.split(' ').next().unwrap_or_default().to_lowercase();
                let after = after.trim_end_matches(|c: char| !c.is_alphanumeric());
                let hyphenated = words.contains(&format!("{before}-{after}"));
                let cut = if !hyphenated && words.contains(&format!("{before}{after}")) { 2 } else { 1 };
                out.truncate(out.len() - cut);
                joined += 1;
            } else if out.ends_with('\u{ad}') || out.ends_with("\u{ad}\n") {
                out.truncate(out.trim_end_matches(['\n', '\u{ad}']).len());
                joined += 1;
            } else if mid_sentence_numeral(&out, &line.plain) {
                // "…at least thirty" + "(30) days before…": the sentence goes
                // on; on a line of its own the numeral would read as a list's.
                out.truncate(out.len() - 1);
                out.push(' ');
            }
            out.push_str(&line.text);
            out.push('\n');
            previous = Some(line);
        }
        if !out.ends_with("\n\n") {
            out.push('\n');
        }
    }
    if joined > 0 {
        notices.push(Notice::new(0, format!("joined {joined} word(s) cut by a hyphen at a line's end")));
    }
    out
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
