//! The pre-parse nesting bound: never panics, and a page within the bounds comes back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let limited = lexo_core::formats::nesting::limit_nesting(&text);
    assert!(limited.len() <= text.len(), "limit_nesting grew the input");
});
