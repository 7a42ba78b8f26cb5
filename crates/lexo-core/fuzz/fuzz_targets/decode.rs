#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = lexo_core::decode::decode(data) {
        // A String is valid UTF-8 by construction; touch it so the work is not optimised out.
        std::hint::black_box(text.len());
    }
});
