//! Entity recognition (tokenizer, rules, learned tagger, grouping) with the built-in data.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(
    // Build the word lists and models once, before libFuzzer's per-input timeout applies.
    init: lexo_core::EntityData::embedded().prepare(),
    |data: &[u8]| {
        let text = String::from_utf8_lossy(data);
        let tagged = lexo_core::tag_text(&text, None, lexo_core::EntityData::embedded());
        let chars = tagged.text.chars().count();
        for m in &tagged.entities.mentions {
            assert!(m.start <= m.end && m.end <= chars, "mention {m:?} outside the text ({chars} chars)");
        }
    }
);
