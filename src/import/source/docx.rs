//! A Word document (`.docx`) as the importer's Markdown: headings from
//! heading styles, numbered and bulleted lists at their levels, tables,
//! hyperlinks, bold and italic; tracked changes as the document would read
//! with them accepted, deletions kept as struck text (redlines); comments left
//! out, with a notice.
//!
//! A `.docx` is a zip of XML parts: `word/document.xml` (the text),
//! `styles.xml` (which style is a heading), `numbering.xml` (which list is
//! numbered), the relationships (where each hyperlink points) and
//! `docProps/core.xml` (title, language).

use std::io::{Cursor, Read};

use roxmltree::{Document, Node};

use super::{Source, SourceError};
use crate::bundle::inline;
use crate::import::Notice;

/// Whether a zip holds a Word document's text.
pub fn is_word(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes)).is_ok_and(|mut zip| zip.by_name("word/document.xml").is_ok())
}

pub fn convert(bytes: &[u8]) -> Result<Source, SourceError> {
    let unreadable = |why: String| {
        SourceError(format!(
            "could not read the Word document ({why}): open it in Word or LibreOffice and save it again as .docx"
        ))
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
    let mut part = |name: &str| -> Option<String> {
        let mut file = zip.by_name(name).ok()?;
        let mut text = String::new();
        file.read_to_string(&mut text).ok()?;
        Some(text)
    };
    let Some(document) = part("word/document.xml") else {
        return Err(SourceError("the file is a zip archive, not a Word document (.docx): open the policy in Word or LibreOffice and save it as .docx".into()));
    };
    let styles = part("word/styles.xml").unwrap_or_default();
    let numbering = part("word/numbering.xml").unwrap_or_default();
    let relationships = part("word/_rels/document.xml.rels").unwrap_or_default();
    let comments = part("word/comments.xml").unwrap_or_default();
    let core = part("docProps/core.xml").unwrap_or_default();

    let document = Document::parse(&document).map_err(|e| unreadable(e.to_string()))?;
    let context = Context {
        headings: heading_styles(&styles),
        numbered: numbered_lists(&numbering),
        links: link_targets(&relationships),
    };
    let mut writer = Writer {
        context: &context,
        out: String::new(),
        counters: Vec::new(),
        in_list: false,
        changes: Changes::default(),
    };
    if let Some(body) = child(document.root_element(), "body") {
        writer.blocks(body);
    }
    let mut notices = Vec::new();
    let Changes { inserted, deleted } = writer.changes;
    if inserted > 0 {
        notices.push(Notice::new(0, format!("{inserted} tracked insertion(s) kept as text")));
    }
    if deleted > 0 {
        notices.push(Notice::new(0, format!("{deleted} tracked deletion(s) kept as struck text (redlines)")));
    }
    let comment_count = Document::parse(&comments).map_or(0, |c| c.descendants().filter(|n| is(*n, "comment")).count());
    if comment_count > 0 {
        notices.push(Notice::new(
            0,
            format!("{comment_count} comment(s) in the document left out: they are the editors', not the policy's"),
        ));
    }
    let core = Document::parse(&core).ok();
    let property = |name: &str| {
        core.as_ref()
            .and_then(|c| c.descendants().find(|n| is(*n, name)))
            .and_then(|n| n.text())
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    Ok(Source { text: writer.out, title: property("title"), language: property("language"), notices })
}

/// What the document's other parts say about its text.
struct Context {
    /// Style id → heading level (1 for the title style).
    headings: Vec<(String, usize)>,
    /// (list id, level) pairs whose numbers are digits or letters, not bullets.
    numbered: Vec<(String, String)>,
    /// Relationship id → hyperlink target.
    links: Vec<(String, String)>,
}

#[derive(Default)]
struct Changes {
    inserted: usize,
    deleted: usize,
}

/// An element's local name is `name`, whatever its namespace prefix.
fn is(node: Node<'_, '_>, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name
}

fn child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children().find(|n| is(*n, name))
}

/// An attribute by its local name (`w:val`, `r:id`).
fn attribute<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes().find(|a| a.name() == name).map(|a| a.value())
}

/// `w:val` of the child `name`.
fn value<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(node, name).and_then(|c| attribute(c, "val"))
}

/// The styles that are headings: named "heading N" or "Title", or with an
/// outline level, directly or through the style they are based on.
fn heading_styles(styles: &str) -> Vec<(String, usize)> {
    let Ok(doc) = Document::parse(styles) else { return Vec::new() };
    let own = |style: Node| -> Option<usize> {
        let name = value(style, "name").unwrap_or_default().to_ascii_lowercase();
        if name == "title" {
            return Some(1);
        }
        if let Some(n) = name.strip_prefix("heading ").and_then(|n| n.trim().parse::<usize>().ok()) {
            return Some(n.clamp(1, 6));
        }
        let level = child(style, "pPr").and_then(|p| value(p, "outlineLvl"))?.parse::<usize>().ok()?;
        (level < 9).then_some((level + 1).min(6))
    };
    let all: Vec<Node> = doc.descendants().filter(|n| is(*n, "style")).collect();
    let mut headings = Vec::new();
    for style in &all {
        let Some(id) = attribute(*style, "styleId") else { continue };
        // Follow `basedOn` a few steps: a custom "Policy Heading" based on "heading 2".
        let mut current = Some(*style);
        for _ in 0..5 {
            let Some(s) = current else { break };
            if let Some(level) = own(s) {
                headings.push((id.to_owned(), level));
                break;
            }
            let base = value(s, "basedOn");
            current = base.and_then(|b| all.iter().find(|x| attribute(**x, "styleId") == Some(b)).copied());
        }
    }
    headings
}

/// The (list, level) pairs that are numbered rather than bulleted.
fn numbered_lists(numbering: &str) -> Vec<(String, String)> {
    let Ok(doc) = Document::parse(numbering) else { return Vec::new() };
    let abstracts: Vec<Node> = doc.descendants().filter(|n| is(*n, "abstractNum")).collect();
    let mut numbered = Vec::new();
    for num in doc.descendants().filter(|n| is(*n, "num")) {
        let (Some(id), Some(abstract_id)) = (attribute(num, "numId"), value(num, "abstractNumId")) else { continue };
        let Some(definition) = abstracts.iter().find(|a| attribute(**a, "abstractNumId") == Some(abstract_id)) else {
            continue;
        };
        for level in definition.children().filter(|n| is(*n, "lvl")) {
            let format = value(level, "numFmt").unwrap_or("bullet");
            if !matches!(format, "bullet" | "none") {
                numbered.push((id.to_owned(), attribute(level, "ilvl").unwrap_or("0").to_owned()));
            }
        }
    }
    numbered
}

fn link_targets(relationships: &str) -> Vec<(String, String)> {
    let Ok(doc) = Document::parse(relationships) else { return Vec::new() };
    doc.descendants()
        .filter(|n| is(*n, "Relationship") && attribute(*n, "Type").is_some_and(|t| t.ends_with("/hyperlink")))
        .filter_map(|n| Some((attribute(n, "Id")?.to_owned(), attribute(n, "Target")?.to_owned())))
        .collect()
}

struct Writer<'a> {
    context: &'a Context,
    out: String,
    /// The next number at each level of the list being written.
    counters: Vec<usize>,
    in_list: bool,
    changes: Changes,
}

impl Writer<'_> {
    /// The body's paragraphs and tables, and those inside content controls.
    fn blocks(&mut self, parent: Node) {
        for node in parent.children().filter(Node::is_element) {
            match node.tag_name().name() {
                "p" => self.paragraph(node),
                "tbl" => {
                    self.end_list();
                    self.table(node);
                }
                "sdt" | "sdtContent" | "customXml" | "ins" => self.blocks(node),
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: Node) {
        let properties = child(p, "pPr");
        let style = properties.and_then(|pr| value(pr, "pStyle"));
        let heading = style.and_then(|s| self.context.headings.iter().find(|(id, _)| id == s)).map(|(_, l)| *l);
        let outline = properties.and_then(|pr| value(pr, "outlineLvl")).and_then(|l| l.parse::<usize>().ok());
        let heading = heading.or(outline.filter(|l| *l < 9).map(|l| (l + 1).min(6)));
        let list = properties.and_then(|pr| child(pr, "numPr")).and_then(|n| {
            let id = value(n, "numId")?;
            (id != "0").then(|| (id.to_owned(), value(n, "ilvl").unwrap_or("0").to_owned()))
        });
        let text = self.runs(p);
        if text.trim().is_empty() {
            return;
        }
        match (heading, list) {
            (Some(level), _) => {
                self.end_list();
                self.out.push_str(&format!("{} {}\n\n", "#".repeat(level), text.trim()));
            }
            (None, Some((id, level))) => {
                let depth = level.parse::<usize>().unwrap_or(0).min(8);
                self.counters.resize(depth + 1, 1);
                let numbered = self.context.numbered.iter().any(|(n, l)| *n == id && *l == level);
                let marker = if numbered { format!("{}.", self.counters[depth]) } else { "-".to_owned() };
                self.counters[depth] += 1;
                self.out.push_str(&format!("{}{marker} {}\n", "    ".repeat(depth), text.trim()));
                self.in_list = true;
            }
            (None, None) => {
                self.end_list();
                self.out.push_str(&format!("{}\n\n", text.trim()));
            }
        }
    }

    fn end_list(&mut self) {
        if self.in_list {
            self.out.push('\n');
            self.in_list = false;
        }
        self.counters.clear();
    }

    fn table(&mut self, table: Node) {
        for (i, row) in table.children().filter(|n| is(*n, "tr")).enumerate() {
            let cells: Vec<String> = row
                .children()
                .filter(|n| is(*n, "tc"))
                .map(|cell| {
                    let texts: Vec<String> = cell.descendants().filter(|n| is(*n, "p")).map(|p| self.runs(p)).collect();
                    texts
                        .iter()
                        .map(|t| t.trim())
                        .filter(|t| !t.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                        .replace('|', "\\|")
                })
                .collect();
            self.out.push_str(&format!("| {} |\n", cells.join(" | ")));
            let header = child(row, "trPr").and_then(|p| child(p, "tblHeader")).is_some();
            if i == 0 && header {
                self.out.push_str(&format!("|{}\n", "---|".repeat(cells.len())));
            }
        }
        self.out.push('\n');
    }

    /// A paragraph's text as inline Markdown: runs of the same formatting
    /// merged, so bold words split over several runs are one bold span.
    fn runs(&mut self, p: Node) -> String {
        let mut spans: Vec<Span> = Vec::new();
        self.collect(p, Mark::default(), None, &mut spans);
        let mut out = String::new();
        let mut i = 0;
        while i < spans.len() {
            let (mark, link) = (spans[i].mark, spans[i].link.clone());
            let mut text = String::new();
            while i < spans.len() && spans[i].mark == mark && spans[i].link == link {
                text.push_str(&spans[i].text);
                i += 1;
            }
            let mut piece = inline::escape(&text);
            for (on, wrap) in [(mark.struck, "~~"), (mark.italic, "*"), (mark.bold, "**")] {
                if on && !piece.trim().is_empty() {
                    let (start, end) =
                        (&piece[..piece.len() - piece.trim_start().len()], &piece[piece.trim_end().len()..]);
                    piece = format!("{start}{wrap}{}{wrap}{end}", piece.trim());
                }
            }
            if let Some(target) = link.filter(|_| !piece.trim().is_empty()) {
                piece = format!("[{}]({target})", piece.trim());
            }
            out.push_str(&piece);
        }
        out
    }

    /// Gathers the text of runs under `node`, with their formatting.
    fn collect(&mut self, node: Node, mark: Mark, link: Option<String>, spans: &mut Vec<Span>) {
        for n in node.children().filter(Node::is_element) {
            match n.tag_name().name() {
                "r" => {
                    let properties = child(n, "rPr");
                    let on = |name: &str| {
                        properties
                            .and_then(|p| child(p, name))
                            .is_some_and(|e| !matches!(attribute(e, "val"), Some("0" | "false")))
                    };
                    let mark = Mark {
                        bold: mark.bold || on("b"),
                        italic: mark.italic || on("i"),
                        struck: mark.struck || on("strike") || on("dstrike"),
                    };
                    let mut text = String::new();
                    for piece in n.children().filter(Node::is_element) {
                        match piece.tag_name().name() {
                            "t" | "delText" => text.push_str(piece.text().unwrap_or_default()),
                            "tab" | "br" | "cr" => text.push(' '),
                            "noBreakHyphen" => text.push('-'),
                            _ => {}
                        }
                    }
                    spans.push(Span { text, mark, link: link.clone() });
                }
                "hyperlink" => {
                    let target = attribute(n, "id")
                        .and_then(|id| self.context.links.iter().find(|(i, _)| i == id))
                        .map(|(_, t)| t.clone())
                        .filter(|t| matches!(inline::classify_target(t), inline::LinkTarget::External(_)));
                    self.collect(n, mark, target.or(link.clone()), spans);
                }
                "ins" => {
                    self.changes.inserted += 1;
                    self.collect(n, mark, link.clone(), spans);
                }
                "del" => {
                    self.changes.deleted += 1;
                    self.collect(n, Mark { struck: true, ..mark }, link.clone(), spans);
                }
                "smartTag" | "sdt" | "sdtContent" | "fldSimple" | "customXml" => {
                    self.collect(n, mark, link.clone(), spans)
                }
                _ => {}
            }
        }
    }
}

#[derive(Clone, Copy, Default, PartialEq)]
struct Mark {
    bold: bool,
    italic: bool,
    struck: bool,
}

struct Span {
    text: String,
    mark: Mark,
    link: Option<String>,
}

#[cfg(test)]
pub(crate) mod tests {
    use std::io::Write;

    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

    /// A `.docx` with this body, and these parts beside it.
    pub fn docx(body: &str, parts: &[(&str, &str)]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default();
        let document = format!(r#"<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>"#);
        for (name, text) in [("word/document.xml", document.as_str())].into_iter().chain(parts.iter().copied()) {
            zip.start_file(name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    fn styles() -> String {
        format!(
            r#"<w:styles {W}><w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
            <w:style w:styleId="Titre2"><w:name w:val="heading 2"/></w:style>
            <w:style w:styleId="PolicyHead"><w:name w:val="Policy Head"/><w:basedOn w:val="Titre2"/></w:style></w:styles>"#
        )
    }

    fn numbering() -> String {
        format!(
            r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl>
            <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
            <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
        )
    }

    fn para(style: Option<&str>, runs: &str) -> String {
        let style = style.map(|s| format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#)).unwrap_or_default();
        format!("<w:p>{style}{runs}</w:p>")
    }

    fn run(text: &str) -> String {
        format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
    }

    fn item(level: usize, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="5"/></w:numPr></w:pPr>{}</w:p>"#,
            run(text)
        )
    }

    #[test]
    fn headings_lists_and_tables_keep_their_structure() {
        let body = [
            para(Some("Heading1"), &run("Privacy Policy")),
            para(Some("PolicyHead"), &run("What we collect")),
            item(0, "Forms"),
            item(1, "Permits"),
            item(0, "Email"),
            para(None, &run("After the list.")),
            r#"<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>Tool</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Purpose</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:p><w:r><w:t>Analytics</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Counting</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#
                .to_owned(),
        ]
        .concat();
        let source =
            convert(&docx(&body, &[("word/styles.xml", &styles()), ("word/numbering.xml", &numbering())])).unwrap();
        assert_eq!(
            source.text,
            "# Privacy Policy\n\n## What we collect\n\n1. Forms\n    - Permits\n2. Email\n\nAfter the list.\n\n| Tool | Purpose |\n|---|---|\n| Analytics | Counting |\n\n"
        );
    }

    #[test]
    fn formatting_links_and_tracked_changes_read_as_accepted_with_redlines() {
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.example.gov/records" TargetMode="External"/></Relationships>"#;
        let body = para(
            None,
            &[
                r#"<w:r><w:rPr><w:b/></w:rPr><w:t>Sec</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>urity.</w:t></w:r>"#,
                &run(" See "),
                r#"<w:hyperlink r:id="rId7"><w:r><w:t>public records</w:t></w:r></w:hyperlink>"#,
                &run(". We "),
                r#"<w:del><w:r><w:delText>may sell</w:delText></w:r></w:del><w:ins><w:r><w:t>never sell</w:t></w:r></w:ins>"#,
                &run(" data*."),
                r#"<w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>"#,
            ]
            .concat(),
        );
        let comments = format!(
            r#"<w:comments {W}><w:comment w:id="0"><w:p><w:r><w:t>Check with counsel</w:t></w:r></w:p></w:comment></w:comments>"#
        );
        let source =
            convert(&docx(&body, &[("word/_rels/document.xml.rels", rels), ("word/comments.xml", &comments)])).unwrap();
        assert_eq!(source.text, "**Security.** See [public records](https://www.example.gov/records). We ~~may sell~~never sell data\\*.\n\n");
        assert!(!source.text.contains("counsel"), "comments are left out");
        let notes: Vec<String> = source.notices.iter().map(ToString::to_string).collect();
        assert_eq!(notes.len(), 3, "{notes:?}");
        assert!(notes[2].contains("1 comment(s)"), "{notes:?}");
    }

    #[test]
    fn the_document_properties_give_title_and_language() {
        let core = r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Website Privacy Policy</dc:title><dc:language>es-US</dc:language></cp:coreProperties>"#;
        let source = convert(&docx(&para(None, &run("Texto.")), &[("docProps/core.xml", core)])).unwrap();
        assert_eq!(source.title.as_deref(), Some("Website Privacy Policy"));
        assert_eq!(source.language.as_deref(), Some("es-US"));
    }

    #[test]
    fn a_word_policy_imports_whole_with_its_outline() {
        let body = [
            para(Some("Heading1"), &run("Website Privacy Policy")),
            para(None, &run("Last updated: March 15, 2024")),
            para(Some("Titre2"), &run("Information We Collect")),
            para(None, &run("We collect what you choose to send us:")),
            item(0, "online forms"),
            item(0, "email"),
            para(Some("Titre2"), &run("Cookies")),
            para(None, &run("We use session cookies only.")),
        ]
        .concat();
        let bytes = docx(&body, &[("word/styles.xml", &styles()), ("word/numbering.xml", &numbering())]);
        let imported = crate::import::import_source(convert(&bytes).unwrap(), &crate::import::Options::default());
        let b = &imported.bundle;
        assert_eq!(b.meta.title, "Website Privacy Policy");
        assert_eq!(b.meta.updated_date.as_deref(), Some("2024-03-15"));
        assert_eq!(
            b.sections.iter().map(|s| s.title.as_str()).collect::<Vec<_>>(),
            ["Information We Collect", "Cookies"]
        );
        let texts: Vec<&str> = b.all_texts().into_iter().map(|(_, t)| t).collect();
        for sentence in
            ["We collect what you choose to send us:", "online forms", "email", "We use session cookies only."]
        {
            assert!(texts.contains(&sentence), "{sentence:?} in {texts:?}");
        }
    }

    #[test]
    fn a_damaged_document_is_refused_with_what_to_do() {
        let error = convert(b"PK\x03\x04 not really a zip").unwrap_err();
        assert!(
            error.0.starts_with("could not read the Word document") && error.0.contains("save it again"),
            "{error}"
        );
        let error = convert(&docx("<w:p>", &[])).unwrap_err();
        assert!(error.0.contains("could not read the Word document"), "{error}");
    }
}
