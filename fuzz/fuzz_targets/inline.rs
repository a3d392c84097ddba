//! Any string as inline text: parsing never panics, keeps every character that
//! is not markup, and never lets a refused scheme through as a link.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_widget::bundle::inline::{self, LinkTarget, ALLOWED_SCHEMES};

fuzz_target!(|text: &str| {
    let nodes = inline::parse(text);
    let plain = inline::plain(text);
    assert!(plain.len() <= text.len(), "markup removal never adds text");
    for link in inline::links(&nodes) {
        if let LinkTarget::External(url) = link {
            let scheme = url.split(':').next().unwrap_or("").to_ascii_lowercase();
            assert!(ALLOWED_SCHEMES.contains(&scheme.as_str()), "{url:?} let through");
        }
    }
});
