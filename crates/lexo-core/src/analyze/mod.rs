//! Analysis of a read article: language, reading time, entities.

pub mod entities;
pub mod entity_data;
pub mod language;
pub mod reading_time;
pub mod sequence;
