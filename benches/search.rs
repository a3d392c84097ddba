//! Search speed, natively: building the index and answering residents'
//! questions, on each seed policy and on a generated policy of about 1 MB.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use policy_widget::bundle::{self, Bundle, Section};
use policy_widget::search::Index;

const SEEDS: [&str; 5] = ["concord", "westfield", "massgov-2016", "massgov-2002", "cambridge-schools"];
const QUERIES: [&str; 4] = ["do you sell my data", "cookies", "how long do you keep my emai", "\"public records\""];

fn seed(slug: &str) -> Bundle {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("www/policies/{slug}.json"));
    bundle::check_json(&std::fs::read_to_string(path).unwrap()).unwrap().0
}

/// Mass.gov 2016's sections repeated, with fresh ids, until the bundle's JSON
/// is about 1 MB: a policy far longer than any real one.
fn one_megabyte() -> Bundle {
    let base = seed("massgov-2016");
    let mut big = base.clone();
    big.sections.clear();
    let mut copy = 0;
    while serde_json::to_string(&big).unwrap().len() < 1024 * 1024 {
        copy += 1;
        big.sections.extend(base.sections.iter().cloned().map(|s| renumber(s, copy)));
    }
    big.summary.clear();
    big.facts.clear();
    big.definitions.clear();
    big
}

fn renumber(mut s: Section, copy: usize) -> Section {
    s.id = format!("{}-{copy}", s.id);
    s.sections = s.sections.into_iter().map(|c| renumber(c, copy)).collect();
    s
}

fn bench(c: &mut Criterion) {
    let mut bundles: Vec<(String, Bundle)> = SEEDS.iter().map(|s| (s.to_string(), seed(s))).collect();
    bundles.push(("generated-1mb".into(), one_megabyte()));
    for (name, bundle) in &bundles {
        c.bench_function(&format!("index build / {name}"), |b| b.iter(|| Index::build(black_box(bundle))));
        let index = Index::build(bundle);
        for q in QUERIES {
            c.bench_function(&format!("query {q:?} / {name}"), |b| b.iter(|| index.search(black_box(q))));
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
