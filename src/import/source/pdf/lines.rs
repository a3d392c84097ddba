//! A PDF's characters, as pdf-extract draws them, set into lines: where each
//! line stands, the size most of it is set in, and its bold and italic runs
//! (from its fonts' names) marked as the importer reads them.

use pdf_extract::{ColorSpace, MediaBox, OutputDev, OutputError, Path, PathOp, Transform};

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
pub(super) struct Face {
    bold: bool,
    italic: bool,
}

/// The face of each string each page shows (`Tj`, and each string of a `TJ`),
/// in the order pdf-extract shows them: it tells a glyph's face by its string.
pub(super) fn faces(document: &pdf_extract::Document) -> Vec<Vec<Face>> {
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
pub(super) struct Pages {
    pages: Vec<Vec<Glyph>>,
    /// The page's height: PDF measures up from the bottom, lines read down.
    height: f64,
    /// The strings shown on the page so far, and on each page before.
    strings: usize,
    shown: Vec<usize>,
    /// Each page's small filled shapes: the bullets a browser paints before
    /// a list's items rather than drawing a "•" (x, and y from the top, of
    /// each one's middle).
    bullets: Vec<Vec<(f64, f64)>>,
}

impl OutputDev for Pages {
    fn begin_page(&mut self, _: u32, media_box: &MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        self.pages.push(Vec::new());
        self.bullets.push(Vec::new());
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

    fn fill(&mut self, ctm: &Transform, _: &ColorSpace, _: &[f64], path: &Path) -> Result<(), OutputError> {
        let points = path.ops.iter().flat_map(|op| match *op {
            PathOp::MoveTo(x, y) | PathOp::LineTo(x, y) => vec![(x, y)],
            PathOp::CurveTo(x1, y1, x2, y2, x, y) => vec![(x1, y1), (x2, y2), (x, y)],
            PathOp::Rect(x, y, w, h) => vec![(x, y), (x + w, y + h)],
            PathOp::Close => vec![],
        });
        let on_page = points.map(|(x, y)| (ctm.m11 * x + ctm.m21 * y + ctm.m31, ctm.m12 * x + ctm.m22 * y + ctm.m32));
        let (mut left, mut right, mut bottom, mut top) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for (x, y) in on_page {
            (left, right, bottom, top) = (left.min(x), right.max(x), bottom.min(y), top.max(y));
        }
        let (width, height) = (right - left, top - bottom);
        // A bullet: a dot or a square a few points across, about as wide as tall.
        if (1.0..8.0).contains(&width) && (1.0..8.0).contains(&height) && width < height * 2.0 && height < width * 2.0 {
            if let Some(page) = self.bullets.last_mut() {
                page.push(((left + right) / 2.0, self.height - (bottom + top) / 2.0));
            }
        }
        Ok(())
    }
}

/// A line of a page.
#[derive(Clone, Debug)]
pub(super) struct Line {
    /// With `**bold**` and `*italic*` runs marked, as the importer reads them.
    pub text: String,
    /// Without the marks.
    pub plain: String,
    /// Its baseline, from the top of the page.
    pub y: f64,
    /// The size most of its characters are set in.
    pub size: f64,
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
    pub fn lines(&self, faces: &[Vec<Face>]) -> Vec<Vec<Line>> {
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
                        // A painted bullet just before the line's first character, a
                        // little above its baseline: the line is a list's item.
                        let bullets = self.bullets.get(p).map_or(&[][..], Vec::as_slice);
                        if bullets.iter().any(|&(x, y)| {
                            x < g.x && g.x - x < g.size * 3.0 && (g.y - g.size * 0.35 - y).abs() < g.size * 0.4
                        }) {
                            current.as_mut().expect("a line").runs.push((Face::default(), "- ".into()));
                        }
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

pub(super) fn most_common(sizes: &[(f64, usize)]) -> f64 {
    sizes.iter().max_by_key(|(_, n)| *n).map_or(0.0, |(s, _)| *s)
}
