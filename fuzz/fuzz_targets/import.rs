//! Any text as a policy: the importer never panics and always produces a
//! bundle that passes validation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_widget::bundle::validate;
use policy_widget::import::{import, Options};

fuzz_target!(|text: &str| {
    let bundle = import(text, &Options::default()).bundle;
    let problems = validate::validate(&bundle);
    assert!(problems.is_empty(), "{problems:?}");
});
