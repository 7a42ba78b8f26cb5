//! The only code that talks to browser APIs: files, the reading worker, storage, the DOM.

pub mod dom;
pub mod engine;
pub mod files;
pub mod storage;
