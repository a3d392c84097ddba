//! What changed between two versions of a policy, on the two Mass.gov policies
//! (2002 and 2016) as a committee would read them: every sentence only one
//! version has is marked, and no sentence both have is; and the same changes
//! recorded in the bundle by `import --previous`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::ops::Range;
use std::process::Command;

use policy_widget::bundle::marked::{self, Piece};
use policy_widget::bundle::{self, Bundle, ChangeKind, SectionChange};
use policy_widget::changes::{compare, counts, texts};

fn seed(slug: &str) -> Bundle {
    let path = format!("{}/www/policies/{slug}.json", env!("CARGO_MANIFEST_DIR"));
    bundle::check_json(&std::fs::read_to_string(path).unwrap()).unwrap().0
}

/// Sentences: a text split after `.`, `!` or `?` and a space.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b'!' | b'?') && bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace) {
            out.push(text[start..=i].trim().to_owned());
            start = i + 1;
        }
    }
    out.push(text[start..].trim().to_owned());
    out.retain(|s| s.split_whitespace().count() >= 3);
    out
}

fn all_sentences(b: &Bundle) -> BTreeSet<String> {
    b.sections_flat().into_iter().flat_map(|(_, s)| texts(s)).flat_map(|t| sentences(&t)).collect()
}

/// One version's side of the changes: each text with the character ranges
/// of its marked words (all of it for a text inserted, or deleted, whole, and
/// for each text of a section added).
fn marked_texts(changes: &[SectionChange], new: &Bundle, new_side: bool) -> Vec<(String, Vec<Range<usize>>)> {
    let whole = |t: &String| (t.clone(), std::iter::once(0..t.len()).collect());
    let mut out = Vec::new();
    for change in changes {
        if change.change == ChangeKind::Added && new_side {
            out.extend(texts(new.section(&change.section).unwrap()).iter().map(whole));
        }
        for text in &change.texts {
            let pieces = marked::pieces(text).unwrap();
            // A removed section's texts are unmarked: all of each is the old side's.
            if change.change == ChangeKind::Removed {
                if !new_side {
                    out.extend(pieces.iter().map(|p| match p {
                        Piece::Keep(t) => whole(t),
                        other => panic!("a mark in a removed section: {other:?}"),
                    }));
                }
                continue;
            }
            let (mut side, mut marks) = (String::new(), Vec::new());
            // Spaces at a mark's edges are written outside it, so one side may
            // have two where the text had one: read them as one, as a page does.
            let push = |side: &mut String, s: &str| side.push_str(if side.ends_with(' ') { s.trim_start() } else { s });
            for piece in &pieces {
                match piece {
                    Piece::Keep(s) => push(&mut side, s),
                    Piece::Insert(s) | Piece::Delete(s) if matches!(piece, Piece::Insert(_)) == new_side => {
                        let start = side.len();
                        push(&mut side, s);
                        marks.push(start..side.len());
                    }
                    _ => {}
                }
            }
            out.push((side, marks));
        }
    }
    out
}

/// Whether `sentence` stands in one of the texts with a marked word in it.
fn is_marked(sentence: &str, texts: &[(String, Vec<Range<usize>>)]) -> bool {
    texts.iter().any(|(text, marks)| {
        text.match_indices(sentence).any(|(at, s)| {
            let span = at..at + s.len();
            marks.iter().any(|m| m.start < span.end && span.start < m.end && !text[m.clone()].trim().is_empty())
        })
    })
}

#[test]
fn mass_gov_2002_to_2016_marks_every_changed_sentence_and_no_other() {
    let (old, new) = (seed("massgov-2002"), seed("massgov-2016"));
    let changes = compare(&old, &new);
    let (before, after) = (all_sentences(&old), all_sentences(&new));
    let (inserted, deleted) = (marked_texts(&changes, &new, true), marked_texts(&changes, &new, false));

    let unmarked_new: Vec<_> = after.difference(&before).filter(|s| !is_marked(s, &inserted)).collect();
    assert!(unmarked_new.is_empty(), "sentences only in 2016, not marked inserted: {unmarked_new:#?}");
    let unmarked_old: Vec<_> = before.difference(&after).filter(|s| !is_marked(s, &deleted)).collect();
    assert!(unmarked_old.is_empty(), "sentences only in 2002, not marked deleted: {unmarked_old:#?}");
    let marked_same: Vec<_> =
        before.intersection(&after).filter(|s| is_marked(s, &inserted) || is_marked(s, &deleted)).collect();
    assert!(marked_same.is_empty(), "sentences in both, marked: {marked_same:#?}");
    assert_eq!(counts(&changes), (10, 4, 5));
}

#[test]
fn a_policy_compared_with_itself_has_no_changes() {
    for slug in ["concord", "westfield", "massgov-2016", "massgov-2002", "cambridge-schools"] {
        let b = seed(slug);
        assert_eq!(compare(&b, &b.clone()), [], "{slug}");
    }
}

#[test]
fn the_diff_command_prints_the_redline_and_exits_0() {
    let out = run(&["diff", &path("massgov-2002"), &path("massgov-2016")]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Changes from \"Mass.Gov - privacy policy\" (2002-12-16) to \"Mass.gov® Privacy Policy\" (2016-10-31)\n10 sections changed, 4 added, 5 removed.\n"), "{text}");
    assert!(text.contains("\nAdded: Usage data and known persistent cookies\n"), "{text}");
    assert!(text.contains("\nRemoved: eBusiness Central\n"), "{text}");
    assert!(text.contains("(was \"Information Automatically Collected and Stored by this Site\")"), "{text}");

    let same = run(&["diff", &path("concord"), &path("concord")]);
    assert!(same.status.success());
    assert!(String::from_utf8(same.stdout).unwrap().ends_with("\nNo changes.\n"));

    let invalid = format!("{}/tests/fixtures/invalid/duplicate-id.json", env!("CARGO_MANIFEST_DIR"));
    let refused = run(&["diff", &path("concord"), &invalid]);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(refused.stderr).unwrap(),
        format!("{invalid}: sections[3].id: duplicate id \"security\"\n")
    );
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_policy-widget")).args(args).output().unwrap()
}

fn path(slug: &str) -> String {
    format!("{}/www/policies/{slug}.json", env!("CARGO_MANIFEST_DIR"))
}

fn seed_text(file: &str) -> String {
    format!("{}/tests/fixtures/seeds/{file}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn import_previous_records_last_version_and_what_changed_since() {
    let out = run(&["import", &seed_text("002_0f4e0fd506d1c60d.txt"), "--previous", &path("massgov-2002")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (new, _) = bundle::check_json(&String::from_utf8(out.stdout).unwrap()).expect("a valid bundle");
    let old = seed("massgov-2002");
    assert_eq!(new.history.len(), 1);
    assert_eq!(new.history[0].date, "2002-12-16");
    let changes = new.changes.as_ref().expect("changes");
    assert_eq!(changes.since, "2002-12-16");
    assert_eq!(changes.sections, compare(&old, &new), "the same as `diff` finds");
    assert_eq!(counts(&changes.sections), (10, 4, 5));
    // Last version's reviewed work comes along: who publishes it.
    assert_eq!(new.meta.publisher, old.meta.publisher);
}

#[test]
fn re_importing_the_same_text_records_no_changes_and_no_second_history_entry() {
    let out = run(&["import", &seed_text("003_cb48ddb801cf7143.txt"), "--previous", &path("massgov-2002")]);
    assert!(out.status.success());
    let (again, _) = bundle::check_json(&String::from_utf8(out.stdout).unwrap()).unwrap();
    let changes = again.changes.clone().expect("changes recorded");
    assert!(changes.sections.is_empty(), "{:?}", changes.sections);
    assert_eq!(changes.since, "2002-12-16");

    // Updating that again keeps one entry for 2002-12-16.
    let file = std::env::temp_dir().join(format!("again-{}.json", std::process::id()));
    std::fs::write(&file, bundle::to_json(&again)).unwrap();
    let twice = run(&["import", &seed_text("003_cb48ddb801cf7143.txt"), "--previous", file.to_str().unwrap()]);
    let (twice, _) = bundle::check_json(&String::from_utf8(twice.stdout).unwrap()).unwrap();
    assert_eq!(twice.history, again.history);
    std::fs::remove_file(file).unwrap();
}

#[test]
fn import_previous_says_what_it_could_not_do() {
    // Last version without a date: carried over, but no history or changes, and a note says why.
    let mut undated = seed("massgov-2002");
    undated.meta.effective_date = None;
    undated.meta.updated_date = None;
    let file = std::env::temp_dir().join(format!("undated-{}.json", std::process::id()));
    std::fs::write(&file, bundle::to_json(&undated)).unwrap();
    let out = run(&["import", &seed_text("002_0f4e0fd506d1c60d.txt"), "--previous", file.to_str().unwrap()]);
    std::fs::remove_file(&file).unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("note: what changed was not recorded: last version's bundle has no date"));
    let (new, _) = bundle::check_json(&String::from_utf8(out.stdout).unwrap()).unwrap();
    assert!(new.changes.is_none() && new.history.is_empty());

    // Last version not a valid bundle: refused before the import, with its file's name.
    let invalid = format!("{}/tests/fixtures/invalid/duplicate-id.json", env!("CARGO_MANIFEST_DIR"));
    let out = run(&["import", &seed_text("002_0f4e0fd506d1c60d.txt"), "--previous", &invalid]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stderr), format!("{invalid}: sections[3].id: duplicate id \"security\"\n"));
    assert!(out.stdout.is_empty());
}
