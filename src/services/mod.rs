//! The only code that talks to browser APIs: files, the reading worker, the library store,
//! small settings storage, downloads, speech, offline, the DOM.

pub mod dom;
pub mod download;
pub mod engine;
pub mod files;
pub mod offline;
pub mod speech;
pub mod storage;
pub mod store;
