//! Exports only what the reading worker's entity step uses: language identification,
//! recognition and grouping, and installing a model or word list. The linker drops every other
//! part of lexo-core (formats, HTML, encodings), so the module's size is the engine's.
#![allow(unsafe_code)]

use std::cell::RefCell;

use lexo_core::{EntityData, Lexicon};

thread_local! {
    /// The harness's entity data (the worker owns one the same way).
    static DATA: RefCell<EntityData> = RefCell::new(EntityData::empty());
}

fn bytes<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    // The harness hands over a live buffer of `len` bytes.
    unsafe { std::slice::from_raw_parts(ptr, len) }
}

/// Tag UTF-8 text; returns the number of entities.
#[no_mangle]
pub extern "C" fn lexo_tag(ptr: *const u8, len: usize) -> usize {
    let text = std::str::from_utf8(bytes(ptr, len)).unwrap_or("");
    let lang = lexo_core::analyze::language::detect(text);
    DATA.with(|d| lexo_core::analyze::entities::recognize(text, lang, &d.borrow()).mentions.len())
}

/// Install a tagger model for a language code given as two bytes.
#[no_mangle]
pub extern "C" fn lexo_install_model(lang: u16, ptr: *const u8, len: usize) -> bool {
    let code = String::from_utf8_lossy(&lang.to_le_bytes()).into_owned();
    DATA.with(|d| d.borrow_mut().install_model(&code, bytes(ptr, len)).is_ok())
}

/// Install the learned-names word list.
#[no_mangle]
pub extern "C" fn lexo_install_names(ptr: *const u8, len: usize) -> bool {
    let text = String::from_utf8_lossy(bytes(ptr, len)).into_owned();
    DATA.with(|d| d.borrow_mut().install_lexicon(Lexicon::LearnedNames, text).is_ok())
}
