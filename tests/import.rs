//! The importer on the layouts of the world: one small fixture per layout, and
//! properties over generated documents (never panics, never loses a word,
//! always produces a valid bundle).
#![cfg(not(target_arch = "wasm32"))]
// A test runs natively only: its maps never reach the wasm.
#![allow(clippy::disallowed_types)]

use std::collections::HashSet;
use std::path::PathBuf;

use policy_widget::bundle::{inline, validate, Block, Bundle, FactAnswer, FactKind, PublisherKind};
use policy_widget::import::{import, Options};
use proptest::prelude::*;

/// A fixture's text.
fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)).unwrap()
}

fn fixture(name: &str) -> Bundle {
    let bundle = import(&fixture_text(name), &Options::default()).bundle;
    assert_eq!(validate::validate(&bundle), vec![], "{name} imports to a valid bundle");
    bundle
}

/// The outline as "depth title" lines.
fn outline(bundle: &Bundle) -> Vec<String> {
    bundle.sections_flat().iter().map(|(d, s)| format!("{d} {}", s.title)).collect()
}

#[test]
fn numbered_sections_nest_by_their_numbers() {
    let b = fixture("numbered.txt");
    assert_eq!(outline(&b), ["0 1. Introduction", "1 1.1 Scope", "0 2. Information We Collect", "0 3. Contact"]);
    let Block::List(list) = &b.section("s-2-information-we-collect").unwrap().blocks[1] else { panic!("a list") };
    assert_eq!(list.items.len(), 3);
    assert_eq!(list.items[1].list.as_ref().unwrap().items[0].text, "only when you ask for a reply", "nested item");
    assert_eq!(b.meta.publisher.name, "County of Example");
    assert_eq!(b.meta.publisher.kind, PublisherKind::County);
    assert_eq!(b.contacts[0].email.as_deref(), Some("privacy@example-county.gov"));
    assert_eq!(b.contacts[1].phone.as_deref(), Some("(555) 123-4567"));
}

#[test]
fn roman_and_lettered_headings_nest_in_order_of_appearance() {
    let b = fixture("lettered-roman.txt");
    assert_eq!(outline(&b), ["0 I. General", "1 A. Cookies", "1 B. Analytics", "0 II. Records"]);
}

#[test]
fn question_headings_make_an_faq() {
    let b = fixture("faq.md");
    assert_eq!(b.meta.updated_date.as_deref(), Some("2021-03-03"));
    assert_eq!(outline(&b), ["0 Do you sell my data?", "0 What cookies do you use?", "0 Is my email a public record?"]);
    let sells = b.facts.iter().find(|f| f.kind == FactKind::SellsData).unwrap();
    assert_eq!((sells.answer, sells.section.as_str()), (Some(FactAnswer::No), "do-you-sell-my-data"));
}

#[test]
fn q_and_a_lines_make_an_faq() {
    let b = fixture("q-and-a.txt");
    assert_eq!(
        outline(&b),
        ["0 Does the Town sell my information?", "0 Are my emails public records?", "0 How long do you keep my data?"]
    );
    assert_eq!(
        b.sections[0].blocks,
        [Block::Paragraph { text: "No. The Town does not sell personal information.".into() }]
    );
    assert_eq!(b.summary[0].text, "The Town does not sell personal information.", "an answer's \"No.\" is a sentence");
}

#[test]
fn tables_keep_their_header_and_rows() {
    let b = fixture("table.md");
    let Block::Table(t) = &b.sections[0].blocks[0] else { panic!("a table") };
    assert_eq!(t.header, ["Data", "Kept for"]);
    assert_eq!(t.rows, [["Emails", "3 years"], ["Server logs", "90 days"]]);
}

#[test]
fn section_keyword_headings_and_a_capitalised_title() {
    let b = fixture("section-keyword.txt");
    assert_eq!(b.meta.title, "Privacy Policy of the Town of Example");
    assert_eq!(outline(&b), ["0 Section 1. Purpose", "0 Section 2. Collection", "0 Section 3. Changes"]);
}

#[test]
fn pdf_residue_goes_and_split_sentences_join() {
    let imported = import(&fixture_text("pdf-residue.txt"), &Options::default());
    let b = &imported.bundle;
    let Block::Paragraph { text } = &b.sections[0].blocks[0] else { panic!("a paragraph") };
    assert_eq!(text, "The office may collect personally identifiable information that the visitor enters into the forms on the website of the office and uses it only to answer the request.");
    let all: String = b.all_texts().iter().map(|(_, t)| *t).collect::<Vec<_>>().join(" ");
    assert!(!all.contains("Formatted") && !all.contains("Comment [JS1]"));
    assert!(all.contains("~~never~~ rarely"), "redline kept as struck text");
    assert_eq!(imported.notices.len(), 4, "{:?}", imported.notices);
}

#[test]
fn bold_and_italic_run_in_headings() {
    let text = "**Security.** We protect data.\n\n_Email._ Email is not encrypted.\n\n**Changes.** We post changes 30 days ahead.";
    let b = import(text, &Options::default()).bundle;
    assert_eq!(outline(&b), ["0 Security", "1 Email", "0 Changes"]);
    assert_eq!(b.section("email").unwrap().blocks, [Block::Paragraph { text: "Email is not encrypted.".into() }]);
}

#[test]
fn an_archive_preamble_and_a_cover_memo_stay_out_of_the_policy() {
    let text = "> *Archived copy of the policy.*\n\nTO: The Board\n\nRespectfully submitted,\n\n**PRIVACY POLICY**\n\n**Scope.** This policy covers the site.";
    let b = import(text, &Options::default()).bundle;
    assert_eq!(b.front_matter.len(), 2);
    assert_eq!(b.meta.title, "Privacy Policy");
    assert_eq!(outline(&b), ["0 Scope"]);
}

#[test]
fn a_title_block_of_stacked_lines_gives_its_dates_and_stays_out_of_the_outline() {
    // Title, then publisher and date lines with no blank line between them, then
    // numbered sections; a Massachusetts citation in the text.
    let b = fixture("title-block.txt");
    assert_eq!(b.meta.title, "Website Privacy Policy");
    assert_eq!(b.meta.effective_date.as_deref(), Some("2022-07-01"));
    assert_eq!(b.meta.updated_date.as_deref(), Some("2024-03-15"));
    assert_eq!(outline(&b)[0], "0 1. Information we collect automatically", "the publisher line is no heading");
    let intro: Vec<&str> = b.intro.iter().flat_map(Block::texts).map(|(_, t)| t).collect();
    assert_eq!(intro[0], "City of Example", "kept, as text, and not joined to the next paragraph");
    assert!(intro[1].starts_with("The City of Example respects your privacy."));
    let records = b.summary.iter().find(|p| p.section == "s-4-public-records").expect("a summary point on records");
    assert!(records.text.ends_with("(M.G.L. c. 66, § 10)."), "a citation does not end the sentence: {}", records.text);

    // The same lines apart: the publisher's line alone is still no heading over
    // the whole policy.
    let spaced = fixture_text("title-block.txt").replacen("Example\nEffective", "Example\n\nEffective", 1);
    let b = import(&spaced, &Options::default()).bundle;
    assert_eq!(outline(&b)[0], "0 1. Information we collect automatically");
    assert_eq!(b.intro[0], Block::Paragraph { text: "City of Example".into() });
    assert_eq!(b.meta.effective_date.as_deref(), Some("2022-07-01"));
}

#[test]
fn an_underlined_title_and_capitalised_or_colon_headings() {
    let b = fixture("underlined.txt");
    assert_eq!(b.meta.title, "Town of Sample Privacy Policy", "the underline is no text");
    assert_eq!(b.meta.updated_date.as_deref(), Some("2023-01-05"));
    assert_eq!(outline(&b), ["0 INFORMATION WE COLLECT", "0 HOW WE USE COOKIES", "0 Sharing Your Information"]);
    assert!(
        matches!(&b.sections[0].blocks[0], Block::Paragraph { text } if text.ends_with("for example:")),
        "a line that leads into a list stays text"
    );
    assert!(b.all_texts().iter().all(|(_, t)| !t.contains("===")));
}

#[test]
fn a_bylaw_style_policy_with_its_letterhead_and_adoption_date() {
    // A title block in capitals, "Adopted by … on …", "SECTION 1. PURPOSE." with
    // its text on the next line, lettered paragraphs.
    let b = fixture("bylaw.txt");
    assert_eq!(b.meta.title, "Website Privacy Policy");
    assert_eq!(b.meta.publisher.name, "Town of Sample");
    assert_eq!(b.meta.effective_date.as_deref(), Some("2019-06-03"));
    assert_eq!(
        outline(&b),
        ["0 SECTION 1. PURPOSE", "0 SECTION 2. INFORMATION COLLECTED", "0 SECTION 3. PUBLIC RECORDS"]
    );
    let lettered: Vec<&str> = b.sections[1].blocks.iter().flat_map(Block::texts).map(|(_, t)| t).collect();
    assert_eq!(
        lettered,
        ["A. Automatically. The site records your IP address.", "B. Voluntarily. Forms collect what you type."]
    );
    assert_eq!(b.intro, [Block::Paragraph { text: "TOWN OF SAMPLE, MASSACHUSETTS".into() }]);
}

#[test]
fn a_word_processors_bullets_nest_by_their_marks() {
    // "•", a tab, the text; the second level "o", a tab, the text: no indentation.
    let b = fixture("word-bullets.txt");
    let Block::List(list) = &b.sections[0].blocks[1] else { panic!("a list: {:?}", b.sections[0].blocks) };
    let top: Vec<&str> = list.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(top, ["Contact details", "Usage data"]);
    let nested: Vec<&str> = list.items[0].list.as_ref().unwrap().items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(nested, ["your name", "your email address"]);
}

#[test]
fn a_table_copied_as_tab_separated_text_stays_a_table() {
    let b = fixture("tab-table.txt");
    let Block::Table(table) = &b.sections[0].blocks[1] else { panic!("a table: {:?}", b.sections[0].blocks) };
    assert_eq!(table.header, ["Service", "Purpose", "Privacy policy"]);
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[1][0], "Granicus");
    assert!(
        b.all_texts().iter().all(|(_, t)| !t.contains("Back to top")),
        "the web page's navigation is no policy text"
    );
}

#[test]
fn markdown_exported_by_a_word_processor_loses_its_doubled_bold() {
    let b = fixture("exported.md");
    assert_eq!(b.meta.title, "Privacy Policy");
    assert_eq!(b.meta.effective_date.as_deref(), Some("2024-03-01"));
    assert_eq!(
        outline(&b),
        ["0 1. Information We Collect", "0 2. Cookies", "1 2.1 Session cookies", "0 3. Your Rights"]
    );
}

#[test]
fn spanish_and_portuguese_policies_give_their_title_dates_and_publisher() {
    let b = fixture("spanish.txt");
    assert_eq!(b.meta.title, "Política de privacidad del sitio web");
    assert_eq!(b.meta.effective_date.as_deref(), Some("2022-07-01"));
    assert_eq!(b.meta.updated_date.as_deref(), Some("2024-03-15"));
    assert_eq!(outline(&b).len(), 6);
    assert_eq!(outline(&b)[2], "0 3. ¿Vendemos su información?");
    assert_eq!(b.meta.publisher.name, "Ciudad de Ejemplo");
    assert_eq!(b.meta.publisher.kind, PublisherKind::City);
    // Its language read from the text, and facts and the quick summary drafted in it.
    assert_eq!(b.meta.language, "es");
    let es = b;
    let fact = |kind| es.facts.iter().find(|f| f.kind == kind).map(|f| (f.answer, f.value.as_str()));
    assert_eq!(fact(FactKind::SellsData), Some((Some(FactAnswer::No), "No")));
    assert_eq!(fact(FactKind::Cookies), Some((Some(FactAnswer::Session), "Solo cookies de sesión")));
    assert_eq!(
        es.summary[0].text,
        "No vendemos, alquilamos ni compartimos su información personal con terceros para fines comerciales."
    );

    let b = fixture("portuguese.txt");
    assert_eq!(b.meta.language, "pt");
    assert_eq!(b.meta.title, "Política de Privacidade", "capitals to title case, with Portuguese small words");
    assert_eq!(b.meta.effective_date.as_deref(), Some("2023-03-01"));
    assert_eq!(b.meta.publisher.name, "Cidade de Exemplo");
    assert_eq!(outline(&b), ["0 1. Informações que coletamos", "0 2. Cookies", "0 3. Vendemos seus dados?"]);
}

#[test]
fn a_policy_without_headings_is_one_section() {
    let b = import("We collect nothing. We sell nothing.", &Options::default()).bundle;
    assert_eq!(b.sections.len(), 1);
    assert_eq!(b.sections[0].blocks, [Block::Paragraph { text: "We collect nothing. We sell nothing.".into() }]);
    assert!(validate::validate(&b).is_empty());
}

#[test]
fn headings_made_only_of_markup_are_kept_as_text() {
    // Found by the `import` fuzz target: "# # " made an empty title and section.
    for text in ["# # ", "## **", "**  **\n\nText.", "# _ _"] {
        let b = import(text, &Options::default()).bundle;
        assert_eq!(validate::validate(&b), vec![], "{text:?}");
    }
}

#[test]
fn import_is_deterministic() {
    let text = fixture_text("numbered.txt");
    assert_eq!(import(&text, &Options::default()).bundle, import(&text, &Options::default()).bundle);
}

/// The words a reader would read, lower-cased.
fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| w.len() >= 3).map(str::to_lowercase).collect()
}

/// One generated line of a policy, in one of the layouts the importer reads.
fn line() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "privacy",
        "data",
        "cookies",
        "records",
        "town",
        "residents",
        "website",
        "email",
        "forms",
        "security",
        "request",
        "office",
        "information",
        "collect",
        "share",
        "notice",
        "law",
        "public",
        "children",
        "access",
    ]);
    let words = prop::collection::vec(word, 1..12).prop_map(|w| w.join(" "));
    (0..16usize, words).prop_map(|(kind, w)| match kind {
        0 => format!("# {w}"),
        1 => format!("### {w}"),
        2 => format!("- {w}."),
        3 => format!("1. {w}"),
        4 => format!("**{w}.** {w} {w}."),
        5 => format!("_{w}._ {w}."),
        6 => format!("| {w} | {w} |"),
        7 => String::new(),
        8 => format!("> {w}"),
        9 => "=====".to_owned(),
        10 => format!("{w}\t{w}"),
        11 => format!("Q: {w}?"),
        12 => format!("A: {w}."),
        13 => format!("SECTION 2. {}.", w.to_uppercase()),
        14 => format!("B. {w}."),
        _ => format!("{w}."),
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn import_never_panics_never_loses_a_word_and_always_validates(lines in prop::collection::vec(line(), 0..40)) {
        let text = lines.join("\n");
        let bundle = import(&text, &Options::default()).bundle;
        let mut kept: String = bundle.all_texts().iter().map(|(_, t)| inline::plain(t)).collect::<Vec<_>>().join(" ");
        kept.push(' ');
        kept.push_str(&bundle.meta.title);
        let missing: Vec<String> = words(&text).difference(&words(&kept)).cloned().collect();
        prop_assert!(missing.is_empty(), "lost {:?}", missing);
        prop_assert_eq!(validate::validate(&bundle), vec![]);
    }

    #[test]
    fn import_survives_any_text(text in "\\PC{0,2000}") {
        let bundle = import(&text, &Options::default()).bundle;
        prop_assert!(!bundle.sections.is_empty());
    }
}
