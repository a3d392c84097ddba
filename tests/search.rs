//! Search quality on the seed policies, with residents' questions in their own
//! words (tests/fixtures/search-questions.tsv): precision at 1 must stay ≥ 90 %.
#![cfg(not(target_arch = "wasm32"))]
// A test runs natively only: its maps never reach the wasm.
#![allow(clippy::disallowed_types)]

use std::collections::HashMap;
use std::path::PathBuf;

use policy_widget::bundle::{self, Bundle};
use policy_widget::search::Index;

mod common;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn seed(slug: &str) -> Bundle {
    bundle::check_json(&std::fs::read_to_string(root().join(format!("www/policies/{slug}.json"))).unwrap()).unwrap().0
}

#[test]
fn precision_at_one_on_residents_questions_is_at_least_90_percent() {
    let questions = std::fs::read_to_string(root().join("tests/fixtures/search-questions.tsv")).unwrap();
    let mut indexes: HashMap<String, Index> = HashMap::new();
    let (mut asked, mut right, mut wrong) = (0, 0, Vec::new());
    for line in questions.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let [slug, question, expected] = line.split('\t').collect::<Vec<_>>()[..] else { panic!("bad line: {line}") };
        let index = indexes.entry(slug.to_owned()).or_insert_with(|| Index::build(&seed(slug)));
        let first = index.search(question).hits.first().map(|h| h.section.clone()).unwrap_or_default();
        asked += 1;
        if expected.split(',').any(|e| e == first) {
            right += 1;
        } else {
            wrong.push(format!("{slug}: {question:?} → {first:?}, expected {expected}"));
        }
    }
    let precision = right as f64 / asked as f64;
    println!("search precision@1: {right}/{asked} = {:.1}%", precision * 100.0);
    for miss in &wrong {
        println!("  miss: {miss}");
    }
    assert!(asked >= 40, "the evaluation set has {asked} questions");
    assert!(precision >= 0.9, "precision@1 {:.1}% < 90%:\n{}", precision * 100.0, wrong.join("\n"));
}

/// A one-paragraph-per-section policy in `language`.
fn policy(language: &str, sections: &[(&str, &str)]) -> Bundle {
    let mut bundle = common::small_bundle();
    bundle.meta.language = language.into();
    bundle.summary.clear();
    bundle.facts.clear();
    bundle.definitions.clear();
    bundle.sections = sections
        .iter()
        .map(|(id, text)| bundle::Section {
            id: (*id).into(),
            title: (*id).into(),
            blocks: vec![bundle::Block::Paragraph { text: (*text).into() }],
            sections: vec![],
        })
        .collect();
    bundle
}

fn marked<'a>(index: &Index, query: &str, text: &'a str) -> Vec<&'a str> {
    index.search(query).hits[0].marks.ranges(text).into_iter().map(|r| &text[r]).collect()
}

#[test]
fn policies_in_other_languages_are_stemmed_in_their_language() {
    // Spanish and Portuguese are the languages Massachusetts towns translate into most.
    let spanish = Index::build(&policy(
        "es",
        &[("venta", "No vendemos sus datos personales."), ("cookies", "Usamos galletas de sesión.")],
    ));
    assert_eq!(spanish.search("dato personal").hits[0].section, "venta", "singular finds the plural");
    assert_eq!(marked(&spanish, "dato personal", "sus datos personales"), ["datos", "personales"]);

    let portuguese = Index::build(&policy(
        "pt-BR",
        &[("registros", "Os registros públicos podem ser divulgados."), ("dados", "Não vendemos dados pessoais.")],
    ));
    assert_eq!(portuguese.search("registro publico").hits[0].section, "registros", "stems and folded accents");

    // English stop words are not dropped from other languages' queries: "he" is Spanish for "I have".
    let stop = Index::build(&policy("es", &[("a", "Yo he leído."), ("b", "Otra cosa.")]));
    assert_eq!(stop.search("he").hits.len(), 1);
}

#[test]
fn accented_words_meet_their_plurals_in_spanish_and_portuguese() {
    // Stems are taken from folded words: "información" is "informacion" then,
    // and its plural's ending comes off to meet it. Neither word is a prefix
    // of the other nor one edit away: only the stem joins them.
    let spanish = Index::build(&policy("es", &[("a", "La información."), ("b", "Otra cosa.")]));
    assert_eq!(spanish.search("informaciones").hits[0].section, "a");
    assert_eq!(marked(&spanish, "informaciones", "La información."), ["información"]);
    let portuguese = Index::build(&policy("pt", &[("a", "Informações pessoais."), ("b", "Outra coisa.")]));
    assert_eq!(portuguese.search("informação pessoal").hits[0].section, "a");
    assert_eq!(marked(&portuguese, "informação pessoal", "Informações pessoais."), ["Informações", "pessoais"]);
}

#[test]
fn chinese_is_searched_character_by_character_as_phrases() {
    let chinese =
        Index::build(&policy("zh-Hans", &[("sell", "我们不出售您的个人数据。"), ("cookies", "我们只使用会话数据。")]));
    let hits = chinese.search("出售").hits;
    assert_eq!(hits.len(), 1, "the two characters as a phrase, not each anywhere");
    assert_eq!(hits[0].section, "sell");
    assert_eq!(marked(&chinese, "出售", "我们不出售您的个人数据。"), ["出", "售"]);
    assert_eq!(chinese.search("数据").hits.len(), 2);
    assert!(chinese.search("售出").hits.is_empty(), "the order of the characters counts");
}

#[test]
fn two_letters_swapped_find_the_word_as_one_typo() {
    let index = Index::build(&seed("massgov-2016"));
    let found = index.search("cookeis");
    assert!(
        found.hits.iter().any(|h| h.section == "usage-data-and-known-persistent-cookies"),
        "\"cookeis\" finds the cookies section: {:?}",
        found.hits.iter().map(|h| &h.section).collect::<Vec<_>>()
    );
}
