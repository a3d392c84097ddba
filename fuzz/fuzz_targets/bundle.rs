//! Any bytes as a bundle: loading and validation answer with problems, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_widget::bundle::{load, validate};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(loaded) = load::from_json(text) {
            let _ = validate::validate(&loaded.bundle);
            let _ = validate::warnings(&loaded.bundle);
        }
    }
});
