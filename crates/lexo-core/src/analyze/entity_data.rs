//! What entity recognition knows beyond its code: the word lists and the per-language typing
//! models. It is a value the caller owns and passes in (the web worker fetches the files and
//! installs them; native binaries take [`EntityData::embedded`]), so two callers never see each
//! other's data and tests are deterministic.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::entities::{build_resources, Resources};
use super::sequence::{ModelError, SequenceModel};

/// Languages that have a tagger model file (`models/entities-LANG.bin`): every language Lexo
/// identifies and tags.
pub const MODEL_LANGS: &[&str] = &["sq", "en", "de", "fr", "it", "es", "pt", "nl", "pl", "sr", "ru", "el", "tr"];

/// Word lists kept out of the web app's wasm (~1.1 MB together; the cue words and known names
/// are small but are data, and the engine's size budget is for code): installed at run time.
/// Without one, recognition still works (fewer names known, fewer common words, no titles,
/// heads or connectors: capitalisation alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lexicon {
    /// Albanian lowercase lemmas (`data/entities/sq_lemmas.txt`): sentence-initial common words.
    SqLemmas,
    /// Names and first names learned from WikiANN (`data/entities/wikiann_names.tsv`), all languages.
    LearnedNames,
    /// Place names from CLDR and GeoNames (`data/entities/places_derived.txt`), all languages.
    Places,
    /// Hand-written cue words (`data/entities/cues.tsv`): titles, institution heads, connectors...
    Cues,
    /// Hand-written well-known names (`data/entities/known.tsv`): organisations, media, clubs...
    Known,
}

impl Lexicon {
    pub const ALL: [Lexicon; 5] = [Lexicon::SqLemmas, Lexicon::LearnedNames, Lexicon::Places, Lexicon::Cues, Lexicon::Known];

    /// The one language whose text the list is consulted for, if it serves only one: the web
    /// engine fetches such a list with that language's first article, the others with the first
    /// file. (The Albanian lemmas are looked up for Albanian text alone; a test checks that the
    /// other languages tag the same without them.)
    pub fn language(self) -> Option<&'static str> {
        match self {
            Lexicon::SqLemmas => Some("sq"),
            Lexicon::LearnedNames | Lexicon::Places | Lexicon::Cues | Lexicon::Known => None,
        }
    }

    /// The file's name under `data/entities/` (and under `lexicons/` in the web app's dist).
    pub fn file_name(self) -> &'static str {
        match self {
            Lexicon::SqLemmas => "sq_lemmas.txt",
            Lexicon::LearnedNames => "wikiann_names.tsv",
            Lexicon::Places => "places_derived.txt",
            Lexicon::Cues => "cues.tsv",
            Lexicon::Known => "known.tsv",
        }
    }

    /// How the file starts: a host that answers a missing file with its index page is caught here.
    fn header(self) -> &'static str {
        match self {
            Lexicon::SqLemmas => "# Lowercase Albanian lemmas",
            Lexicon::LearnedNames => "# Derived by tools/build_lexicons.py from WikiANN",
            Lexicon::Places => "# Derived by tools/build_lexicons.py from Unicode CLDR",
            Lexicon::Cues => "# Hand-written cue words",
            Lexicon::Known => "# Well-known names",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Word lists and tagger models for entity recognition. Cheap to clone (shared parts).
#[derive(Clone, Default)]
pub struct EntityData {
    lexicons: [Option<Arc<str>>; 5],
    models: HashMap<String, Arc<SequenceModel>>,
    /// The word lists' indexes, built on first use and dropped when a word list is added.
    resources: OnceLock<Arc<Resources>>,
}

impl std::fmt::Debug for EntityData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lexicons: Vec<&str> = Lexicon::ALL.iter().filter(|l| self.has_lexicon(**l)).map(|l| l.file_name()).collect();
        let mut models: Vec<&str> = self.models.keys().map(String::as_str).collect();
        models.sort_unstable();
        f.debug_struct("EntityData").field("lexicons", &lexicons).field("models", &models).finish()
    }
}

impl EntityData {
    /// No word lists, no models: capitalisation and the built-in function words alone.
    pub fn empty() -> EntityData {
        EntityData::default()
    }

    /// Install a word list from its file's text (replacing one installed before).
    pub fn install_lexicon(&mut self, lexicon: Lexicon, text: impl Into<Arc<str>>) -> Result<(), ModelError> {
        let text = text.into();
        if !text.starts_with(lexicon.header()) {
            return Err(ModelError("not a Lexo word list (wrong header)"));
        }
        self.lexicons[lexicon.index()] = Some(text);
        self.resources = OnceLock::new();
        Ok(())
    }

    /// Whether a word list is installed.
    pub fn has_lexicon(&self, lexicon: Lexicon) -> bool {
        self.lexicons[lexicon.index()].is_some()
    }

    /// Install (or replace) the tagger model of a language from a model file's bytes.
    pub fn install_model(&mut self, lang: &str, bytes: &[u8]) -> Result<(), ModelError> {
        let model = SequenceModel::from_bytes(bytes)?;
        self.models.insert(lang.to_owned(), Arc::new(model));
        Ok(())
    }

    /// Install a model already in memory (cross-validation trains and tests without files).
    pub fn install_sequence_model(&mut self, lang: &str, model: SequenceModel) {
        self.models.insert(lang.to_owned(), Arc::new(model));
    }

    /// Forget a language's model (evaluation compares with and without).
    pub fn remove_model(&mut self, lang: &str) {
        self.models.remove(lang);
    }

    /// Whether a tagger model is installed for the language.
    pub fn has_model(&self, lang: &str) -> bool {
        self.models.contains_key(lang)
    }

    pub(crate) fn model(&self, lang: &str) -> Option<&SequenceModel> {
        self.models.get(lang).map(|m| &**m)
    }

    /// Build the word-list indexes now rather than when the next text is tagged (the worker calls
    /// it once every word list is in, so the first article is not the one that waits).
    pub fn prepare(&self) {
        self.resources();
    }

    pub(crate) fn resources(&self) -> &Resources {
        self.resources.get_or_init(|| {
            let texts = Lexicon::ALL.map(|l| self.lexicons[l.index()].as_deref().unwrap_or(""));
            Arc::new(build_resources(texts))
        })
    }

    /// Every word list and model built into the binary (feature `embedded-models`: the CLI and the
    /// core's tests); built once, then shared.
    #[cfg(feature = "embedded-models")]
    pub fn embedded() -> &'static EntityData {
        static EMBEDDED: OnceLock<EntityData> = OnceLock::new();
        EMBEDDED.get_or_init(embedded::data)
    }

    /// The built-in word lists without any model: what training and cross-validation start from.
    #[cfg(feature = "embedded-models")]
    pub fn embedded_lexicons() -> &'static EntityData {
        static LEXICONS: OnceLock<EntityData> = OnceLock::new();
        LEXICONS.get_or_init(embedded::lexicons)
    }
}

/// The files built into native binaries; the web app fetches them instead.
#[cfg(feature = "embedded-models")]
mod embedded {
    use super::{EntityData, Lexicon};

    // Keep in step with MODEL_LANGS (a test checks every one of those is installed).
    macro_rules! models {
        ($($lang:literal),*) => {
            const MODELS: &[(&str, &[u8])] = &[$(($lang, include_bytes!(concat!("../../models/entities-", $lang, ".bin")))),*];
        };
    }
    models!("sq", "en", "de", "fr", "it", "es", "pt", "nl", "pl", "sr", "ru", "el", "tr");

    const LEXICONS: [(Lexicon, &str); 5] = [
        (Lexicon::SqLemmas, include_str!("../../data/entities/sq_lemmas.txt")),
        (Lexicon::LearnedNames, include_str!("../../data/entities/wikiann_names.tsv")),
        (Lexicon::Places, include_str!("../../data/entities/places_derived.txt")),
        (Lexicon::Cues, include_str!("../../data/entities/cues.tsv")),
        (Lexicon::Known, include_str!("../../data/entities/known.tsv")),
    ];

    pub fn lexicons() -> EntityData {
        let mut data = EntityData::empty();
        for (lexicon, text) in LEXICONS {
            data.install_lexicon(lexicon, text).expect("embedded word list");
        }
        data
    }

    pub fn data() -> EntityData {
        // The files are built by `lexo train-ner` / tools/build_lexicons.py and checked by
        // tests; a bad one is a build bug.
        let mut data = lexicons();
        for (lang, bytes) in MODELS {
            data.install_model(lang, bytes).expect("embedded entity model");
        }
        data
    }
}
