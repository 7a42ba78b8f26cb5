#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let article = lexo_core::formats::text::read(&text);
    // Body offsets are computed on Article::text(); make sure it is producible.
    let _ = article.text();
});
