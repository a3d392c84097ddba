//! The studio's page rendered natively (Yew's server renderer) with a draft
//! under review: what a screen reader receives. The browser half (files, the
//! worker, the preview, focus) is in `tests/e2e/studio.test.mjs`.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use policy_widget::studio::work::{State, Work};
use policy_widget::studio::{engine, Studio, StudioProps};
use yew::ServerRenderer;

fn render(state: State) -> String {
    let props = move || StudioProps { integrity: "sha384-x".into(), start: Some(Rc::new(state)) };
    futures::executor::block_on(ServerRenderer::<Studio>::with_props(props).hydratable(false).render())
}

fn draft(seed: &str) -> Work {
    let text = std::fs::read(format!("{}/tests/fixtures/seeds/{seed}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    Work::imported("pasted text", engine::import(&text, "pasted text").unwrap(), None)
}

/// Every value of `attribute` in the markup.
fn values<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let needle = format!(" {attribute}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

#[test]
fn every_control_has_a_label_and_ids_are_unique() {
    let html = render(State { work: Some(draft("002_0f4e0fd506d1c60d.txt")), ..State::default() });
    let ids = values(&html, "id");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "ids are unique");
    let labelled = values(&html, "for");
    for control in ["<input", "<textarea", "<select"] {
        for (i, _) in html.match_indices(control) {
            let tag = &html[i..i + html[i..].find('>').unwrap()];
            let id = values(tag, "id")[0];
            assert!(labelled.contains(&id), "a label for {id}");
        }
    }
    for reference in values(&html, "aria-describedby").iter().flat_map(|v| v.split(' ')) {
        assert!(ids.contains(&reference), "aria-describedby={reference} names an element");
    }
    assert!(html.contains(">Review the draft: pasted text</h2>"));
}

#[test]
fn a_problem_is_said_beside_its_field_and_listed_with_a_link_to_it() {
    let mut work = draft("000_e7f2c20e997ced50.txt");
    work.bundle.meta.effective_date = Some("2024-13-45".into());
    work.bundle.facts[0].section = "no-such-section".into();
    work.bundle.sections[2]
        .blocks
        .push(policy_widget::bundle::Block::Paragraph { text: "[x](javascript:alert(1))".into() });
    let html = render(State { work: Some(work), ..State::default() });
    assert!(html.contains(r#"id="f-meta-effective_date" aria-describedby="f-meta-effective_date-hint f-meta-effective_date-problem" aria-invalid="true""#));
    assert!(html.contains(
        r#"<p id="f-meta-effective_date-problem" class="problem"><span>"2024-13-45" is not a date as YYYY-MM-DD"#
    ));
    assert!(html.contains(r##"<a href="#f-facts-0-section">facts[0].section</a>"##));
    assert!(html.contains("3 problems to fix before the widget shows this bundle"));
    let ids = values(&html, "id");
    for href in values(&html, "href").iter().filter_map(|h| h.strip_prefix("#f-")) {
        assert!(ids.contains(&format!("f-{href}").as_str()), "#f-{href} leads to an element");
    }
    assert!(
        html.contains(r##"<a href="#f-sections-2">sections[2].blocks"##),
        "a problem in a section's text links to the section"
    );
}

#[test]
fn the_embed_snippet_carries_the_widgets_integrity() {
    let html = render(State { work: Some(draft("001_1e9a06d6247eb838.txt")), ..State::default() });
    assert!(html.contains(r#"src="https://www.example.gov/privacy-policy-widget/policy-widget.js" integrity="sha384-x" crossorigin="anonymous"&gt;"#));
}
