//! File formats: each reader turns decoded text into an [`Article`](crate::Article).

pub mod text;
