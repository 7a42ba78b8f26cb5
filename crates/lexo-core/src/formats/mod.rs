//! File formats: each reader turns decoded text into [`Article`](crate::Article)s.

pub mod html;
mod inline;
pub mod json;
pub mod markdown;
mod math;
pub mod nesting;
pub mod text;
pub mod zipped;
