//! Named entities. The pipeline, one file per job: `tokens` -> `rules` + `chunks` (capitalised
//! chunks, word lists from `lexicon` with `inflection`, cues, `document` consistency) ->
//! [`tagger`] (the language's learned sequence model decides, the rules' findings among its
//! features) -> `grouping` of inflected mentions.
//!
//! The [`Recognizer`] trait is the engine's interface; [`recognize`] picks the learned tagger
//! where the language has a model and the rules alone otherwise.

use std::collections::{HashMap, HashSet};

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

pub use super::entity_data::{EntityData, Lexicon, MODEL_LANGS};
use super::language::Lang;
use super::sequence::SequenceModel;

mod chunks;
mod document;
mod grouping;
mod inflection;
mod lexicon;
mod rules;
pub mod tagger;
mod tokens;

use chunks::*;
use document::*;
pub use grouping::group;
#[allow(unused_imports)]
use grouping::*;
use inflection::*;
pub(crate) use lexicon::{build_resources, CueKind, Resources};
#[allow(unused_imports)]
use lexicon::*;
pub use rules::RuleRecognizer;
#[allow(unused_imports)]
use rules::*;
use tokens::*;

/// Entity types, CoNLL-style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize), serde(rename_all = "UPPERCASE"))]
pub enum EntityKind {
    Per,
    Loc,
    Org,
    Misc,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [EntityKind::Per, EntityKind::Loc, EntityKind::Org, EntityKind::Misc];

    /// "PER", "LOC", "ORG", "MISC".
    pub fn code(self) -> &'static str {
        match self {
            EntityKind::Per => "PER",
            EntityKind::Loc => "LOC",
            EntityKind::Org => "ORG",
            EntityKind::Misc => "MISC",
        }
    }

    /// Human label for legends.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Per => "Person",
            EntityKind::Loc => "Place",
            EntityKind::Org => "Organisation",
            EntityKind::Misc => "Other name",
        }
    }

    /// The kind of a code ("PER", "LOC", "ORG", "MISC").
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "PER" => EntityKind::Per,
            "LOC" => EntityKind::Loc,
            "ORG" => EntityKind::Org,
            "MISC" => EntityKind::Misc,
            _ => return None,
        })
    }
}

/// A recognised span: offsets in chars (Unicode scalar values), end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
}

/// One mention in the text, with the entity group it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub kind: EntityKind,
    pub text: String,
    /// Index into [`Entities::groups`].
    pub group: usize,
}

/// One entity: its mentions across inflected forms (Rusi, Rusisë, Rusinë -> "Rusi").
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct EntityGroup {
    pub id: usize,
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub kind: EntityKind,
    /// Canonical name: the base form where known, else the most frequent form.
    pub name: String,
    pub count: usize,
}

/// All entities of a text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Entities {
    pub mentions: Vec<Mention>,
    pub groups: Vec<EntityGroup>,
}

/// An entity recogniser: finds typed spans in a text of a known language.
pub trait Recognizer {
    fn recognize(&self, text: &str, lang: Lang) -> Vec<Span>;
}

/// Recognise and group entities with the default engine and the given word lists and models.
pub fn recognize(text: &str, lang: Lang, data: &EntityData) -> Entities {
    let spans = match data.model(lang.code) {
        Some(model) => LearnedRecognizer { data, model }.recognize(text, lang),
        None => RuleRecognizer { data }.recognize(text, lang),
    };
    group(text, lang, &spans, data)
}

/// The language's sequence model labels every token, with the rules' findings among its
/// features ([`tagger`]).
#[derive(Debug, Clone, Copy)]
pub struct LearnedRecognizer<'a> {
    pub data: &'a EntityData,
    pub model: &'a SequenceModel,
}

impl Recognizer for LearnedRecognizer<'_> {
    fn recognize(&self, text: &str, lang: Lang) -> Vec<Span> {
        tagger::recognize(text, lang.code, self.data.resources(), self.model)
    }
}

#[cfg(test)]
mod tests;
