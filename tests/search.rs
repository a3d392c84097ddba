//! Search quality on the seed policies, with residents' questions in their own
//! words (tests/fixtures/search-questions.tsv): precision at 1 must stay ≥ 90 %.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::path::PathBuf;

use policy_widget::bundle::{self, Bundle};
use policy_widget::search::Index;

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
