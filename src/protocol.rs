//! The messages between the page and the reading worker. The page posts `[header JSON, bytes]`
//! (the bytes' buffer transferred, not copied); the worker answers with one JSON [`Envelope`]
//! per file, in the order the files were sent. Versioned, so a cached page and a newer worker
//! (or the reverse) fail with a message instead of misreading each other.
//!
//! The engine worker reads plain text and JSON itself; the other formats go to its reader
//! module (a nested worker, `src/bin/lexo-reader.rs`, fetched the first time one arrives) with
//! the same `[Job JSON, bytes]`, and come back as [`ReaderReply`] articles to analyse.

use lexo_core::{Article, Document};
use serde::{Deserialize, Serialize};

pub const VERSION: u32 = 1;

/// Most articles the worker analyses and sends back per file (see `state::MAX_ARTICLES_PER_FILE`).
pub const MAX_ARTICLES: usize = crate::state::MAX_ARTICLES_PER_FILE;

/// A file to read: its bytes (at most `lexo_core::limits::MAX_READ_BYTES`) travel beside it.
#[derive(Debug, Serialize, Deserialize)]
pub struct Job {
    pub id: u32,
    pub name: String,
    /// The whole file's size (the bytes may be only its beginning).
    pub size: u64,
}

#[derive(Debug, Serialize, Deserialize)]
pub enum Reply {
    /// The worker listens (messages sent before this are lost).
    Ready,
    /// A file's articles (at most [`MAX_ARTICLES`]) or why it could not be read.
    Done { id: u32, result: Result<Vec<Document>, String>, articles_in_file: usize },
    /// The reader panicked on a file: this worker is done for.
    Crashed { id: Option<u32>, reason: String },
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Envelope {
    pub version: u32,
    pub reply: Reply,
}

/// The reason a worker's panic hook sends in `Crashed` (the engine's and the reader module's):
/// "the reader failed on it", with the panic's message when it has one.
pub fn crash_reason(info: &std::panic::PanicHookInfo) -> String {
    let payload = info.payload();
    match payload.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| payload.downcast_ref::<String>().cloned()) {
        Some(msg) => format!("the reader failed on it ({msg})"),
        None => "the reader failed on it".to_owned(),
    }
}

/// The reader module's answers to the engine worker.
#[derive(Debug, Serialize, Deserialize)]
pub enum ReaderReply {
    /// The reader listens.
    Ready,
    /// A file's articles (at most [`MAX_ARTICLES`]), not yet analysed, or why it could not be read.
    Read { id: u32, result: Result<Vec<Article>, String>, articles_in_file: usize },
    /// The reader panicked on a file: this reader is done for (the engine starts another).
    Crashed { id: Option<u32>, reason: String },
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ReaderEnvelope {
    pub version: u32,
    pub reply: ReaderReply,
}
