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
    /// Text, but not UTF-8 or UTF-16 (legacy 8-bit encodings are not read yet).
    UnknownEncoding,
    /// UTF-16 with an odd number of bytes or unpaired surrogates.
    MalformedUtf16,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty => f.write_str("the file is empty"),
            Error::Unsupported { kind } => write!(f, "not supported: {kind}"),
            Error::Binary => f.write_str("not supported: this is a binary file, not text"),
            Error::UnknownEncoding => f.write_str(
                "the text is not UTF-8 or UTF-16; other encodings (Windows-125x, ISO-8859) are not read yet",
            ),
            Error::MalformedUtf16 => f.write_str("the file claims to be UTF-16 but is damaged"),
        }
    }
}

impl std::error::Error for Error {}
