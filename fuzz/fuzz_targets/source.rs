//! Any bytes as a policy file, read as each format (the first byte picks it):
//! the readers of web pages, Word documents and PDFs never panic, and what
//! they read imports to a bundle that passes validation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_widget::bundle::validate;
use policy_widget::import::source::{self, Format};
use policy_widget::import::{import_source, Options};

const FORMATS: [Format; 5] = [Format::Text, Format::Markdown, Format::Html, Format::Docx, Format::Pdf];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let format = FORMATS[pick as usize % FORMATS.len()];
    if let Ok(read) = source::read(bytes, format, None) {
        let bundle = import_source(read, &Options::default()).bundle;
        let problems = validate::validate(&bundle);
        assert!(problems.is_empty(), "{problems:?}");
    }
});
