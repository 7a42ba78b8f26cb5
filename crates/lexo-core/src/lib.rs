//! Lexo's core: article files in, a clean [`Article`] out, with its language, reading time and
//! named entities. Pure Rust, no browser or terminal dependencies; the web app and the `lexo`
//! CLI are thin layers over [`read`] and [`tag`].
//!
//! ```
//! let doc = lexo_core::read("Bota\n\nTitulli i lajmit sot\n\nNjë paragraf për Tiranën.\n\nTjetri.".as_bytes(), "a.txt").unwrap();
//! assert_eq!(doc.article.meta.section.as_deref(), Some("Bota"));
//! assert_eq!(doc.lang.code, "sq");
//! ```
#![forbid(unsafe_code)]

pub mod analyze;
pub mod decode;
pub mod detect;
mod error;
pub mod formats;
pub mod model;
pub mod noise;

pub use analyze::entities::{Entities, EntityGroup, EntityKind, Mention, Recognizer, RuleRecognizer, Span};
pub use analyze::language::Lang;
pub use analyze::reading_time::ReadingTime;
pub use error::Error;
pub use model::{Article, Block, Direction, Metadata, SourceFormat};

/// A read and analysed article: what the app renders and the CLI prints.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub article: Article,
    /// The cleaned body as plain text ([`Article::text`]); entity offsets point into it.
    pub text: String,
    pub lang: Lang,
    pub reading_time: ReadingTime,
    pub entities: Entities,
    /// Whether a learned typing model for the language was installed when entities were tagged
    /// (the app tags first with what it has, then again once it has fetched the model).
    pub entity_model: bool,
    /// The [`analyze::entities::data_generation`] entities were tagged with: older than the
    /// current one means models or word lists arrived since, and [`Document::retag`] helps.
    pub entity_data: u64,
}

impl Document {
    /// Tag the entities again, with whatever models are installed now.
    pub fn retag(&self) -> Document {
        let (entities, entity_model, entity_data) = tag_entities(&self.text, self.lang);
        Document { entities, entity_model, entity_data, ..self.clone() }
    }
}

/// Entities of a text, with whether a model typed them and the data generation they saw (read
/// first, so data installed meanwhile counts as newer).
fn tag_entities(text: &str, lang: Lang) -> (Entities, bool, u64) {
    let entity_data = analyze::entities::data_generation();
    (analyze::entities::recognize(text, lang), analyze::entities::has_model(lang.code), entity_data)
}

/// Read a file's bytes into an analysed article (the first, for files that hold several).
pub fn read(bytes: &[u8], file_name: &str) -> Result<Document, Error> {
    read_all(bytes, file_name).map(|mut docs| docs.swap_remove(0))
}

/// Read every article in a file: one for most formats, one per entry for JSON lists and JSON Lines.
/// Never returns an empty list.
pub fn read_all(bytes: &[u8], file_name: &str) -> Result<Vec<Document>, Error> {
    let (format, text) = detect::detect(bytes, file_name)?;
    let articles = match format {
        SourceFormat::PlainText => vec![formats::text::read(&text)],
        SourceFormat::Html => vec![formats::html::read(&text)],
        SourceFormat::Markdown => vec![formats::markdown::read(&text)],
        SourceFormat::Json => formats::json::read_all(&text)?,
        // Packages are read from their bytes (detect found them uncompressed).
        SourceFormat::Docx | SourceFormat::Epub if bytes.starts_with(b"\x1F\x8B") => return Err(Error::Unsupported { kind: "gzip-compressed document package" }),
        SourceFormat::Docx | SourceFormat::Epub => vec![formats::zipped::read(bytes)?],
    };
    Ok(articles.into_iter().map(analyze).collect())
}

/// Language, reading time and entities of a read article.
pub fn analyze(mut article: Article) -> Document {
    let body = article.text();
    // Title included: it is text in the article's language too, and short bodies need it.
    let lang_sample = format!("{}\n{}", article.meta.title.as_deref().unwrap_or(""), body);
    let detected = analyze::language::detect(&lang_sample);
    // A language the file declares is trusted when the text is too short to tell.
    let lang = match (detected.code, article.meta.declared_lang.as_deref().and_then(static_code)) {
        ("und", Some(code)) => Lang { code, script: detected.script },
        _ => detected,
    };
    if lang.is_rtl() {
        article.meta.direction = Direction::Rtl;
    }
    let reading_time = analyze::reading_time::estimate(&body, lang.code);
    let (entities, entity_model, entity_data) = tag_entities(&body, lang);
    Document { article, text: body, lang, reading_time, entities, entity_model, entity_data }
}

/// Entities of a file's whole decoded text, as it is (no cleanup): what gold sets score.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged {
    pub text: String,
    pub lang: Lang,
    pub entities: Entities,
}

/// Tag a file's whole decoded text with entities.
pub fn tag(bytes: &[u8]) -> Result<Tagged, Error> {
    let text = decode::decode(bytes)?;
    let lang = analyze::language::detect(&text);
    let entities = analyze::entities::recognize(&text, lang);
    Ok(Tagged { text, lang, entities })
}

/// Entity recognition on text already in memory (used by `tag` and by evaluation tools).
pub fn tag_text(text: &str, lang: Option<&str>) -> Tagged {
    let detected = analyze::language::detect(text);
    let lang = match lang {
        Some(code) => Lang { code: static_code(code).unwrap_or(detected.code), script: detected.script },
        None => detected,
    };
    Tagged { text: text.to_owned(), lang, entities: analyze::entities::recognize(text, lang) }
}

/// Map a language code to the static code used in [`Lang`], if supported.
fn static_code(code: &str) -> Option<&'static str> {
    ["sq", "en", "de", "fr", "it", "es", "pt", "nl", "pl", "sr", "ru", "el", "tr"].into_iter().find(|c| *c == code)
}
