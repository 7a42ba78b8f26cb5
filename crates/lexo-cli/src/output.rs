//! JSON lines for `lexo read` and `lexo tag`: the contract evaluation scripts rely on.

use std::io::Write;
use std::process::ExitCode;

use lexo_core::{Document, EntityData, Tagged};
use serde::Serialize;

#[derive(Clone, Copy)]
pub enum Mode {
    Read,
    Tag,
}

#[derive(Serialize)]
struct Entity<'a> {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: &'static str,
    text: &'a str,
    /// Canonical name of the entity this mention belongs to.
    group: &'a str,
}

#[derive(Serialize)]
struct ReadingTimeOut {
    min_minutes: u32,
    max_minutes: u32,
    words: u32,
    chars: u32,
}

#[derive(Serialize)]
struct ReadLine<'a> {
    path: &'a str,
    /// Position of the article in a file that holds several (JSON lists, JSON Lines).
    index: usize,
    format: &'static str,
    title: Option<&'a str>,
    section: Option<&'a str>,
    byline: Option<&'a str>,
    published: Option<&'a str>,
    site: Option<&'a str>,
    lang: &'static str,
    reading_time: ReadingTimeOut,
    text: &'a str,
    related: &'a [String],
    entities: Vec<Entity<'a>>,
}

#[derive(Serialize)]
struct TagLine<'a> {
    path: &'a str,
    lang: &'static str,
    entities: Vec<Entity<'a>>,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    path: &'a str,
    error: String,
}

fn entities(e: &lexo_core::Entities) -> Vec<Entity<'_>> {
    e.mentions
        .iter()
        .map(|m| Entity { start: m.start, end: m.end, kind: m.kind.code(), text: &m.text, group: &e.groups[m.group].name })
        .collect()
}

fn read_line<'a>(path: &'a str, index: usize, d: &'a Document) -> ReadLine<'a> {
    let meta = &d.article.meta;
    ReadLine {
        path,
        index,
        format: match meta.format {
            lexo_core::SourceFormat::PlainText => "text",
            lexo_core::SourceFormat::Html => "html",
            lexo_core::SourceFormat::Markdown => "markdown",
            lexo_core::SourceFormat::Json => "json",
            lexo_core::SourceFormat::Docx => "docx",
            lexo_core::SourceFormat::Epub => "epub",
        },
        title: meta.title.as_deref(),
        section: meta.section.as_deref(),
        byline: meta.byline.as_deref(),
        published: meta.published.as_deref(),
        site: meta.site.as_deref(),
        lang: d.lang.code,
        reading_time: ReadingTimeOut {
            min_minutes: d.reading_time.min_minutes,
            max_minutes: d.reading_time.max_minutes,
            words: d.reading_time.words,
            chars: d.reading_time.chars,
        },
        text: &d.text,
        related: &d.article.related,
        entities: entities(&d.entities),
    }
}

fn tag_line<'a>(path: &'a str, t: &'a Tagged) -> TagLine<'a> {
    TagLine { path, lang: t.lang.code, entities: entities(&t.entities) }
}

/// Print one line per file; a file that fails prints an `error` line and the run exits 1.
pub fn run(paths: &[String], mode: Mode) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    for path in paths {
        let line = match std::fs::read(path) {
            Err(e) => Err(format!("cannot open the file: {e}")),
            Ok(bytes) => {
                let name = std::path::Path::new(path).file_name().and_then(|n| n.to_str()).unwrap_or(path);
                match mode {
                    Mode::Read => lexo_core::read_all(&bytes, name, EntityData::embedded()).map(|docs| {
                        docs.iter().enumerate().map(|(i, d)| serde_json::to_string(&read_line(path, i, d)).expect("plain data")).collect::<Vec<_>>().join("\n")
                    }),
                    Mode::Tag => lexo_core::tag(&bytes, EntityData::embedded()).map(|t| serde_json::to_string(&tag_line(path, &t)).expect("plain data")),
                }
                .map_err(|e| e.to_string())
            }
        };
        let json = line.unwrap_or_else(|error| {
            failed = true;
            serde_json::to_string(&ErrorLine { path, error }).expect("plain data")
        });
        if writeln!(out, "{json}").is_err() {
            return ExitCode::from(1); // stdout closed (e.g. piped into head)
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
