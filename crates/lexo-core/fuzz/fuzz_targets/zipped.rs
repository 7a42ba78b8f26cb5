//! DOCX / EPUB packages from arbitrary bytes (mostly rejected by the zip reader; the seed corpus
//! of real packages lets libFuzzer mutate inside valid archives).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = lexo_core::formats::zipped::read(data);
});
