//! File formats: each reader turns decoded text into [`Article`](crate::Article)s.

//! Plain text and JSON are always built; the others only with the `all-formats` feature (they
//! carry html5ever, Readability, pulldown-cmark, zip and the legacy encodings).

#[cfg(feature = "all-formats")]
pub mod html;
#[cfg_attr(not(feature = "all-formats"), allow(dead_code))]
mod inline;
pub mod json;
#[cfg(feature = "all-formats")]
pub mod markdown;
#[cfg(feature = "all-formats")]
mod math;
pub mod nesting;
pub mod text;
#[cfg(feature = "all-formats")]
pub mod zipped;
