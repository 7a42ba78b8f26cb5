//! The one error type of the pipeline: why a file could not be read.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The file has no bytes, or only whitespace.
    Empty,
    /// The bytes are a known non-text format (PDF, PNG, ZIP...).
    Unsupported { kind: &'static str },
    /// The bytes look binary: not text in any encoding we read.
    Binary,
    /// JSON that does not parse, or holds no article.
    Json(String),
    /// A compressed file that unpacks to more than Lexo reads.
    TooLarge { limit_mb: usize },
    /// A file that must be read whole to be read at all (a DOCX or EPUB package, one JSON
    /// document), larger than Lexo reads.
    TooLargeWhole { kind: &'static str, limit_mb: usize },
    /// UTF-16 or UTF-32 with a broken length or invalid code units.
    MalformedUtf16,
    /// A file this build has no reader for (built without `all-formats`): HTML, Markdown, a
    /// package, gzip or a legacy encoding. A build with every reader reads it.
    ReaderNotBuilt { kind: &'static str },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty => f.write_str("the file is empty"),
            Error::Unsupported { kind } => write!(f, "not supported: {kind}"),
            Error::Binary => f.write_str("not supported: this is a binary file, not text"),
            Error::Json(why) => write!(f, "not a readable JSON article: {why}"),
            Error::TooLarge { limit_mb } => write!(f, "too large: it unpacks to more than {limit_mb} MB"),
            Error::TooLargeWhole { kind, limit_mb } => write!(f, "too large: {kind} over {limit_mb} MB are not read"),
            Error::MalformedUtf16 => f.write_str("the file claims to be UTF-16 or UTF-32 but is damaged"),
            Error::ReaderNotBuilt { kind } => write!(f, "not read by this build: {kind}"),
        }
    }
}

impl std::error::Error for Error {}
