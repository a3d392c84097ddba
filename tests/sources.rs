//! The importer on the web pages towns actually have: a whole CMS page in
//! (Drupal, WordPress, CivicPlus), the policy out, with its structure and
//! every sentence, and none of the site around it.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use policy_widget::bundle::{inline, validate, Block, Bundle};
use policy_widget::import::source::{self, Format};
use policy_widget::import::{import_source, Imported, Options};

fn page(name: &str) -> Imported {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/sources").join(name);
    let bytes = std::fs::read(path).unwrap();
    let mut notices = Vec::new();
    let format = source::format_of(&bytes, Format::from_name(name), &mut notices);
    assert_eq!(format, Format::Html);
    let base = url::Url::parse("https://www.example-town.gov/privacy-policy").unwrap();
    let imported = import_source(source::read(&bytes, format, Some(&base)).unwrap(), &Options::default());
    assert_eq!(validate::validate(&imported.bundle), vec![], "{name} imports to a valid bundle");
    imported
}

fn outline(bundle: &Bundle) -> Vec<String> {
    bundle.sections_flat().iter().map(|(d, s)| format!("{d} {}", s.title)).collect()
}

/// Every text the bundle holds, joined.
fn all_text(bundle: &Bundle) -> String {
    bundle.all_texts().into_iter().map(|(_, t)| t.to_owned()).collect::<Vec<_>>().join("\n")
}

fn notes(imported: &Imported) -> String {
    imported.notices.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_drupal_page_gives_its_policy_whole_and_nothing_of_the_site() {
    let imported = page("drupal.html");
    let b = &imported.bundle;
    assert_eq!(b.meta.title, "Website Privacy Policy");
    assert_eq!(b.meta.updated_date.as_deref(), Some("2024-03-15"));
    assert_eq!(b.meta.language, "en");
    assert_eq!(
        outline(b),
        [
            "0 Information We Collect",
            "0 Cookies",
            "0 Third-Party Tools",
            "0 Public Records",
            "0 Definitions",
            "0 Contact"
        ]
    );
    let Block::List(list) = &b.section("information-we-collect").unwrap().blocks[1] else { panic!("a list") };
    assert_eq!(list.items[0].list.as_ref().unwrap().items[1].text, "Public comment forms", "nested");
    let Block::Table(table) = &b.section("third-party-tools").unwrap().blocks[0] else { panic!("a table") };
    assert_eq!(table.header, ["Tool", "Purpose"]);
    assert_eq!(table.rows[1], ["Granicus", "Sending the newsletter you subscribe to"]);
    let text = all_text(b);
    for sentence in [
        "The Town of Example respects your privacy.",
        "[our website](https://www.example-town.gov/)",
        "We use session cookies only.",
        "[the Massachusetts Public Records Law](https://www.mass.gov/info-details/massachusetts-law-about-public-records)",
        "~~We may share your email address with other agencies.~~ We do not sell or share your personal information.",
        "Questions about this policy?",
    ] {
        assert!(text.contains(sentence), "{sentence:?} is kept");
    }
    for chrome in [
        "Skip to main content",
        "uses cookies to improve",
        "Departments",
        "Related Links",
        "Town Hall, 1 Main",
        "dataLayer",
        "Home",
    ] {
        assert!(!text.contains(chrome), "{chrome:?} is the site's, not the policy's");
    }
    assert_eq!(b.definitions.iter().map(|d| d.term.as_str()).collect::<Vec<_>>(), ["Personal information", "Cookie"]);
    assert_eq!(b.contacts[0].email.as_deref(), Some("clerk@example-town.gov"));
    assert!(
        notes(&imported).contains("kept the page's main content (<main id=\"main-content\">)"),
        "{}",
        notes(&imported)
    );
}

#[test]
fn a_wordpress_page_with_bold_lines_for_headings_and_the_title_in_its_article_header() {
    let imported = page("wordpress.html");
    let b = &imported.bundle;
    assert_eq!(b.meta.title, "Privacy Policy");
    assert_eq!(
        outline(b),
        ["0 Who we are", "0 What personal data we collect and why", "0 How long we retain your data", "0 Your rights"]
    );
    let text = all_text(b);
    assert!(text.contains("Student records are protected by the Family Educational Rights and Privacy Act (FERPA)."));
    for chrome in ["Leave a Reply", "Recent Posts", "Snow day", "powered by WordPress", "Our Schools"] {
        assert!(!text.contains(chrome), "{chrome:?} is the site's, not the policy's");
    }
    assert_eq!(b.meta.publisher.name, "Example Public Schools");
}

#[test]
fn a_page_without_main_is_read_from_its_densest_block_in_its_own_language() {
    let imported = page("civicplus-es.html");
    let b = &imported.bundle;
    assert_eq!(b.meta.language, "es");
    assert_eq!(b.meta.title, "Política de privacidad", "the <title> without the site's name, where no h1 names it");
    assert_eq!(outline(b), ["0 Información que recopilamos", "0 Cookies", "0 Registros públicos"]);
    let text = all_text(b);
    assert!(text.contains("Usamos cookies de sesión solamente, que se borran cuando usted cierra su navegador."));
    for chrome in ["Empleos", "Departamentos", "Ayuntamiento", "CivicPlus"] {
        assert!(!text.contains(chrome), "{chrome:?} is the site's, not the policy's");
    }
    assert_eq!(b.config.labels.search_label(), "Buscar en esta política", "Spanish labels come with the language");
}

/// The five seed policies, each made into every format (`sources/seeds/make.sh`).
const SEEDS: [&str; 5] = ["concord", "westfield", "massgov-2016", "massgov-2002", "cambridge-schools"];

/// Text as a reader compares it: markup off, one space, straight quotes, and
/// no list numbers ("1) …" in a paragraph is a numbered list in a Word file).
fn normal(text: &str) -> String {
    let is_number =
        |w: &&str| w.len() <= 3 && w.ends_with([')', '.']) && w[..w.len() - 1].chars().all(|c| c.is_ascii_digit());
    inline::plain(text)
        .replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .replace('\u{a0}', " ")
        .split_whitespace()
        .filter(|w| !is_number(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The seed's bundle as the text importer made it: the reference.
fn seed_bundle(slug: &str) -> Bundle {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("www/policies/{slug}.json"));
    policy_widget::bundle::check_json(&std::fs::read_to_string(path).unwrap()).unwrap().0
}

/// The sentences of the seed's own text (not the importer's drafts: summary, facts).
fn seed_sentences(bundle: &Bundle) -> Vec<String> {
    // A front matter's title is the importer's ("About this copy"), not the text's.
    let own = |path: &str| {
        ["intro", "sections", "front_matter", "definitions"].iter().any(|p| path.starts_with(p))
            && !(path.starts_with("front_matter") && path.ends_with("].title"))
    };
    bundle
        .all_texts()
        .into_iter()
        .filter(|(path, _)| own(path))
        .flat_map(|(_, text)| normal(text).split(". ").map(|s| s.trim_end_matches('.').to_owned()).collect::<Vec<_>>())
        .filter(|s| s.split_whitespace().count() >= 3)
        .collect()
}

/// How many lists and tables a bundle's sections hold.
fn lists_and_tables(bundle: &Bundle) -> (usize, usize) {
    let blocks: Vec<&Block> = bundle.sections_flat().into_iter().flat_map(|(_, s)| &s.blocks).collect();
    let lists = blocks.iter().filter(|b| matches!(b, Block::List(_))).count();
    (lists, blocks.iter().filter(|b| matches!(b, Block::Table(_))).count())
}

/// (sentences lost, headings found ÷ the seed's) for one seed in one format.
fn compare(slug: &str, file: &str) -> (Vec<String>, f64, Imported) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/sources/seeds").join(file);
    let bytes = std::fs::read(&path).unwrap();
    let mut notices = Vec::new();
    let format = source::format_of(&bytes, Format::from_name(file), &mut notices);
    let imported = import_source(source::read(&bytes, format, None).unwrap(), &Options::default());
    assert_eq!(validate::validate(&imported.bundle), vec![], "{file} imports to a valid bundle");
    let seed = seed_bundle(slug);
    let text = normal(&all_text(&imported.bundle));
    let lost = seed_sentences(&seed).into_iter().filter(|s| !text.contains(s.as_str())).collect();
    let titles: Vec<String> =
        imported.bundle.sections_flat().iter().map(|(_, s)| normal(&s.title).to_lowercase()).collect();
    let seed_titles: Vec<String> = seed.sections_flat().iter().map(|(_, s)| normal(&s.title).to_lowercase()).collect();
    let found =
        seed_titles.iter().filter(|t| titles.iter().any(|x| x.contains(t.trim_end_matches(['.', ':'])))).count();
    (lost, found as f64 / seed_titles.len() as f64, imported)
}

/// A seed in a structured format (`extension`): every sentence, 95 % of the
/// headings, and its lists and tables as such.
fn keeps_the_whole_seed(extension: &str) {
    for slug in SEEDS {
        let file = format!("{slug}.{extension}");
        let (lost, headings, imported) = compare(slug, &file);
        assert!(lost.is_empty(), "{file} lost {} sentences: {lost:#?}", lost.len());
        assert!(headings >= 0.95, "{file}: {:.0} % of the headings", headings * 100.0);
        assert_eq!(
            lists_and_tables(&imported.bundle),
            lists_and_tables(&seed_bundle(slug)),
            "{file}: lists and tables"
        );
    }
}

#[test]
fn each_seed_as_a_cms_page_keeps_every_sentence_and_its_headings() {
    keeps_the_whole_seed("html");
}

#[test]
fn each_seed_as_a_word_file_keeps_every_sentence_and_its_headings() {
    keeps_the_whole_seed("docx");
}

/// Every list item's text, normalised.
fn items(bundle: &Bundle) -> Vec<String> {
    fn walk(list: &policy_widget::bundle::List, out: &mut Vec<String>) {
        for item in &list.items {
            out.push(normal(&item.text));
            if let Some(sub) = &item.list {
                walk(sub, out);
            }
        }
    }
    let mut out = Vec::new();
    for (_, s) in bundle.sections_flat() {
        for block in &s.blocks {
            if let Block::List(list) = block {
                walk(list, &mut out);
            }
        }
    }
    out
}

/// A PDF's list items stay list items, though a list may come out as several
/// (a wider space between two items reads as a new paragraph); the seeds
/// have no tables, which a PDF gives as lines of text (docs/importer.md).
#[test]
fn each_seed_as_a_pdf_keeps_every_sentence_its_list_items_and_most_headings() {
    for slug in SEEDS {
        for printer in ["chromium", "libreoffice"] {
            let file = format!("{slug}.{printer}.pdf");
            let (lost, headings, imported) = compare(slug, &file);
            assert!(lost.is_empty(), "{file} lost {} sentences: {lost:#?}", lost.len());
            assert!(headings >= 0.80, "{file}: {:.0} % of the headings", headings * 100.0);
            let pdf_items = items(&imported.bundle);
            let missing: Vec<String> =
                items(&seed_bundle(slug)).into_iter().filter(|i| !pdf_items.contains(i)).collect();
            assert!(missing.is_empty(), "{file}: list items not kept as items: {missing:#?}");
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any bytes under any name: read as what they show or what the name
    /// says, never a panic; what reads imports to a bundle that validates.
    #[test]
    fn any_bytes_under_any_name_never_panic(
        name in proptest::sample::select(vec!["p.txt", "p.md", "p.html", "p.docx", "p.pdf", "p"]),
        start in proptest::sample::select(vec![&b""[..], b"%PDF-1.4\n", b"PK\x03\x04", b"<!doctype html><body><p>", b"# Privacy\n\n"]),
        rest in proptest::collection::vec(proptest::num::u8::ANY, 0..2000),
    ) {
        let bytes = [start, &rest[..]].concat();
        let mut notices = Vec::new();
        let format = source::format_of(&bytes, Format::from_name(name), &mut notices);
        if let Ok(read) = source::read(&bytes, format, None) {
            let bundle = import_source(read, &Options::default()).bundle;
            proptest::prop_assert_eq!(validate::validate(&bundle), vec![]);
        }
    }
}

#[test]
fn a_pdf_its_reader_panics_on_gives_a_message() {
    let bytes =
        std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/sources/font-missing.pdf"))
            .unwrap();
    let file = source::File { name: "font-missing.pdf", bytes: &bytes, declared: None, base: None };
    let error = source::read_file(file).unwrap_err();
    assert_eq!(
        error,
        "font-missing.pdf: could not read the PDF (its text could not be decoded): it may be damaged; open it and save or print it again as a PDF"
    );
}
