#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(articles) = lexo_core::formats::json::read_all(&text) {
        assert!(!articles.is_empty(), "json::read_all returned Ok(empty)");
    }
});
