//! Lexo's core: article files in, a clean [`Article`] out, with its language, reading time and
//! named entities. Pure Rust, no browser or terminal dependencies; the web app and the `lexo`
//! CLI are thin layers over [`read`] and [`tag`].
//!
//! ```
//! let data = lexo_core::EntityData::empty(); // or fetched word lists and models
//! let doc = lexo_core::read("Bota\n\nTitulli i lajmit sot\n\nNjë paragraf për Tiranën.\n\nTjetri.".as_bytes(), "a.txt", &data).unwrap();
//! assert_eq!(doc.article.meta.section.as_deref(), Some("Bota"));
//! assert_eq!(doc.lang.code, "sq");
//! ```
#![forbid(unsafe_code)]

pub mod analyze;
pub mod decode;
pub mod detect;
mod error;
pub mod export;
pub mod formats;
pub mod hygiene;
pub mod limits;
pub mod model;
pub mod noise;

pub use analyze::entities::{Entities, EntityGroup, EntityKind, Mention, Recognizer, RuleRecognizer, Span};
pub use analyze::entity_data::{EntityData, Lexicon, MODEL_LANGS};
pub use analyze::language::Lang;
pub use analyze::reading_time::ReadingTime;
pub use error::Error;
pub use model::{Article, Block, Direction, Metadata, SourceFormat, Truncation};

/// A read and analysed article: what the app renders and the CLI prints.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Document {
    pub article: Article,
    /// The cleaned body as plain text ([`Article::text`]); entity offsets point into it.
    pub text: String,
    pub lang: Lang,
    pub reading_time: ReadingTime,
    pub entities: Entities,
    /// Whether a learned tagger model for the language tagged the entities.
    pub entity_model: bool,
}

/// Read a file's bytes into an analysed article (the first, for files that hold several).
pub fn read(bytes: &[u8], file_name: &str, data: &EntityData) -> Result<Document, Error> {
    read_all(bytes, file_name, data).map(|mut docs| docs.swap_remove(0))
}

/// Read every article in a file: one for most formats, one per entry for JSON lists and JSON Lines.
/// Never returns an empty list.
pub fn read_all(bytes: &[u8], file_name: &str, data: &EntityData) -> Result<Vec<Document>, Error> {
    Ok(read_articles(bytes, file_name)?.into_iter().map(|a| analyze(a, data)).collect())
}

/// The articles of a file, not yet analysed (the web worker fetches a language's model between
/// this and [`analyze`]). Never returns an empty list.
pub fn read_articles(bytes: &[u8], file_name: &str) -> Result<Vec<Article>, Error> {
    read_prefix(bytes, file_name, bytes.len() as u64)
}

/// The articles of a file of which `prefix` is the beginning (or all) and `file_len` the size:
/// callers with a large file need only hand over its first [`limits::MAX_READ_BYTES`]. What
/// is not read, and bodies past [`limits::MAX_BODY_CHARS`], are left out and the article says
/// so ([`Metadata::truncated`]).
pub fn read_prefix(prefix: &[u8], file_name: &str, file_len: u64) -> Result<Vec<Article>, Error> {
    let bytes = limits::cut_bytes(prefix, limits::MAX_READ_BYTES);
    let mut partial = (bytes.len() as u64) < file_len;
    if partial && bytes.starts_with(b"PK\x03\x04") {
        return Err(Error::TooLargeWhole { kind: "document packages (DOCX, EPUB)", limit_mb: limits::MAX_READ_BYTES >> 20 });
    }
    let (format, mut text) = detect::detect(bytes, file_name)?;
    if matches!(format, SourceFormat::PlainText | SourceFormat::Markdown) {
        partial |= limits::cut_text(&mut text, limits::MAX_TEXT_BYTES);
    }
    let mut articles = match format {
        SourceFormat::PlainText => vec![formats::text::read(&text)],
        #[cfg(feature = "all-formats")]
        SourceFormat::Html => vec![formats::html::read(&text)],
        #[cfg(feature = "all-formats")]
        SourceFormat::Markdown => vec![formats::markdown::read(&text)],
        #[cfg(not(feature = "all-formats"))]
        SourceFormat::Html => return Err(Error::ReaderNotBuilt { kind: "HTML" }),
        #[cfg(not(feature = "all-formats"))]
        SourceFormat::Markdown => return Err(Error::ReaderNotBuilt { kind: "Markdown" }),
        // A cut JSON Lines file: its whole lines (the last one is likely cut).
        SourceFormat::Json if partial => formats::json::read_lines(&text, true)
            .map_err(|e| if matches!(e, Error::ReaderNotBuilt { .. }) { e } else { Error::TooLargeWhole { kind: "JSON documents (JSON Lines files are read line by line)", limit_mb: limits::MAX_READ_BYTES >> 20 } })?,
        SourceFormat::Json => formats::json::read_all(&text)?,
        // Packages are read from their bytes (detect found them uncompressed).
        SourceFormat::Docx | SourceFormat::Epub if bytes.starts_with(b"\x1F\x8B") => return Err(Error::Unsupported { kind: "gzip-compressed document package" }),
        #[cfg(feature = "all-formats")]
        SourceFormat::Docx | SourceFormat::Epub => vec![formats::zipped::read(bytes)?],
        #[cfg(not(feature = "all-formats"))]
        SourceFormat::Docx | SourceFormat::Epub => return Err(Error::ReaderNotBuilt { kind: "document packages (DOCX, EPUB)" }),
    };
    for article in &mut articles {
        if limits::cut_body(article) || partial {
            limits::mark(article, file_len);
        }
    }
    Ok(articles)
}

/// The language of a read article: detected from its title and body, or the one the file
/// declares when the text is too short to tell.
pub fn article_language(article: &Article) -> Lang {
    language_of(article, &article.text())
}

/// [`article_language`] with the article's body text already at hand.
fn language_of(article: &Article, body: &str) -> Lang {
    // Title included: it is text in the article's language too, and short bodies need it.
    let lang_sample = format!("{}\n{}", article.meta.title.as_deref().unwrap_or(""), body);
    let detected = analyze::language::detect(&lang_sample);
    match (detected.code, article.meta.declared_lang.as_deref().and_then(static_code)) {
        ("und", Some(code)) => Lang { code, script: detected.script },
        _ => detected,
    }
}

/// Language, reading time and entities of a read article.
pub fn analyze(mut article: Article, data: &EntityData) -> Document {
    hygiene::clean_metadata(&mut article.meta);
    let body = article.text();
    let lang = language_of(&article, &body);
    if lang.is_rtl() {
        article.meta.direction = Direction::Rtl;
    }
    let reading_time = analyze::reading_time::estimate(&body, lang.code);
    let entities = analyze::entities::recognize(&body, lang, data);
    Document { article, text: body, lang, reading_time, entities, entity_model: data.has_model(lang.code) }
}

/// Entities of a file's whole decoded text, as it is (no cleanup): what gold sets score.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged {
    pub text: String,
    pub lang: Lang,
    pub entities: Entities,
}

/// Tag a file's whole decoded text with entities.
pub fn tag(bytes: &[u8], data: &EntityData) -> Result<Tagged, Error> {
    let text = decode::decode(bytes)?;
    let lang = analyze::language::detect(&text);
    let entities = analyze::entities::recognize(&text, lang, data);
    Ok(Tagged { text, lang, entities })
}

/// Entity recognition on text already in memory (used by `tag` and by evaluation tools).
pub fn tag_text(text: &str, lang: Option<&str>, data: &EntityData) -> Tagged {
    let detected = analyze::language::detect(text);
    let lang = match lang {
        Some(code) => Lang { code: static_code(code).unwrap_or(detected.code), script: detected.script },
        None => detected,
    };
    Tagged { text: text.to_owned(), lang, entities: analyze::entities::recognize(text, lang, data) }
}

/// Map a language code to the static code used in [`Lang`], if supported.
fn static_code(code: &str) -> Option<&'static str> {
    ["sq", "en", "de", "fr", "it", "es", "pt", "nl", "pl", "sr", "ru", "el", "tr"].into_iter().find(|c| *c == code)
}
