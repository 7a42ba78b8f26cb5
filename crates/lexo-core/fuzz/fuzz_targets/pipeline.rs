//! The whole pipeline (detect, decode, every reader, analyze) on arbitrary bytes; the first byte
//! picks the file name, so every extension-driven path is reached.
#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &["a.txt", "a.html", "a.md", "a.json", "a.jsonl", "a.docx", "a.epub", "a.gz", "a.htm.gz", "a.xhtml", "a"];

fuzz_target!(
    // Build the word lists and models once, before libFuzzer's per-input timeout applies.
    init: lexo_core::EntityData::embedded().prepare(),
    |data: &[u8]| {
        let Some((&pick, bytes)) = data.split_first() else { return };
        let name = NAMES[pick as usize % NAMES.len()];
        if let Ok(docs) = lexo_core::read_all(bytes, name, lexo_core::EntityData::embedded()) {
            assert!(!docs.is_empty(), "read_all returned Ok(empty)");
        }
    }
);
