//! JSON lines for `lexo read` and `lexo tag`: the contract evaluation scripts rely on.

use std::io::{BufRead, Read, Write};
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
    /// The whole file's size in bytes, when only its beginning was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    truncated_from_bytes: Option<u64>,
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
    /// The line of a JSON Lines input that failed (the others are read).
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    error: String,
}

/// One output line: a JSON object, or the line number (JSON Lines) and reason of a failure.
type Emitted = Result<String, (Option<usize>, String)>;

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
        truncated_from_bytes: meta.truncated.map(|t| t.file_bytes),
        entities: entities(&d.entities),
    }
}

fn tag_line<'a>(path: &'a str, t: &'a Tagged) -> TagLine<'a> {
    TagLine { path, lang: t.lang.code, entities: entities(&t.entities) }
}

/// Print one line per article (`read`) or file (`tag`); a file that fails prints an `error`
/// line and the run exits 1. `-` is standard input. Memory is bounded by the largest article,
/// not the file: of a large file only [`lexo_core::limits::MAX_READ_BYTES`] are read, and JSON
/// Lines are read and printed a line at a time.
pub fn run(paths: &[String], mode: Mode) -> ExitCode {
    let data = EntityData::embedded();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    for path in paths {
        let name = if path == "-" { "stdin" } else { std::path::Path::new(path).file_name().and_then(|n| n.to_str()).unwrap_or(path) };
        let opened: std::io::Result<(Box<dyn BufRead>, Option<u64>)> = if path == "-" {
            Ok((Box::new(std::io::stdin().lock()), None))
        } else {
            std::fs::File::open(path).and_then(|f| Ok((f.metadata()?.len(), f))).map(|(len, f)| (Box::new(std::io::BufReader::with_capacity(1 << 16, f)) as Box<dyn BufRead>, Some(len)))
        };
        let mut emit = |line: Emitted| {
            let json = line.unwrap_or_else(|(line, error)| {
                failed = true;
                serde_json::to_string(&ErrorLine { path, line, error }).expect("plain data")
            });
            writeln!(out, "{json}")
        };
        let written = match opened {
            Err(e) => emit(Err((None, format!("cannot open the file: {e}")))),
            Ok((mut input, len)) => match mode {
                Mode::Read if is_json_lines(name, &mut input) => read_json_lines(input, path, data, &mut emit),
                Mode::Read => match read_bounded(&mut input, len) {
                    Err(e) => emit(Err((None, format!("cannot read the file: {e}")))),
                    Ok((bytes, len)) => match lexo_core::read_prefix(&bytes, name, len) {
                        Err(e) => emit(Err((None, e.to_string()))),
                        Ok(articles) => articles.into_iter().enumerate().try_for_each(|(i, a)| {
                            let doc = lexo_core::analyze(a, data);
                            emit(Ok(serde_json::to_string(&read_line(path, i, &doc)).expect("plain data")))
                        }),
                    },
                },
                Mode::Tag => match read_bounded(&mut input, len) {
                    Err(e) => emit(Err((None, format!("cannot read the file: {e}")))),
                    Ok((bytes, _)) => emit(lexo_core::tag(&bytes, data).map(|t| serde_json::to_string(&tag_line(path, &t)).expect("plain data")).map_err(|e| (None, e.to_string()))),
                },
            },
        };
        if written.and_then(|()| out.flush()).is_err() {
            return ExitCode::from(1); // stdout closed (e.g. piped into head)
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The first [`lexo_core::limits::MAX_READ_BYTES`] of an input, and its whole length (the rest
/// of a stream is read and counted, not kept).
fn read_bounded(input: &mut dyn BufRead, len: Option<u64>) -> std::io::Result<(Vec<u8>, u64)> {
    let mut bytes = Vec::new();
    input.take(lexo_core::limits::MAX_READ_BYTES as u64).read_to_end(&mut bytes)?;
    let len = match len {
        Some(len) => len,
        None => bytes.len() as u64 + std::io::copy(input, &mut std::io::sink())?,
    };
    Ok((bytes, len))
}

/// JSON Lines by name, or (standard input) by its first line holding a JSON object.
fn is_json_lines(name: &str, input: &mut dyn BufRead) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return true;
    }
    name == "stdin" && input.fill_buf().is_ok_and(|b| b.iter().find(|c| !c.is_ascii_whitespace()) == Some(&b'{') && b.contains(&b'\n'))
}

/// Read, analyse and print a JSON Lines input one line at a time. A line longer than
/// [`lexo_core::limits::MAX_READ_BYTES`] is skipped with an error line; so is one that does not parse.
fn read_json_lines(mut input: Box<dyn BufRead>, path: &str, data: &EntityData, emit: &mut dyn FnMut(Emitted) -> std::io::Result<()>) -> std::io::Result<()> {
    let mut line = Vec::new();
    let (mut number, mut index) = (0usize, 0usize);
    loop {
        line.clear();
        let too_long = match read_line_bounded(&mut *input, &mut line, lexo_core::limits::MAX_READ_BYTES) {
            Ok(None) => return Ok(()),
            Ok(Some(too_long)) => too_long,
            Err(e) => return emit(Err((Some(number + 1), format!("cannot read the file: {e}")))),
        };
        number += 1;
        if too_long {
            emit(Err((Some(number), format!("too large: a line over {} MB is not read", lexo_core::limits::MAX_READ_BYTES >> 20))))?;
            continue;
        }
        let text = String::from_utf8_lossy(&line);
        if text.trim().is_empty() {
            continue;
        }
        match lexo_core::formats::json::read_line(&text) {
            Err(e) => emit(Err((Some(number), e.to_string())))?,
            Ok(articles) => {
                for article in articles {
                    let doc = lexo_core::analyze(article, data);
                    emit(Ok(serde_json::to_string(&read_line(path, index, &doc)).expect("plain data")))?;
                    index += 1;
                }
            }
        }
    }
}

/// One line into `line` (without its end), keeping at most `limit` bytes of it: `None` at the
/// end of the input, else whether the line was longer (the rest is read and dropped).
fn read_line_bounded(input: &mut dyn BufRead, line: &mut Vec<u8>, limit: usize) -> std::io::Result<Option<bool>> {
    let mut too_long = false;
    let mut any = false;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(any.then_some(too_long));
        }
        any = true;
        let (chunk, done) = match buf.iter().position(|b| *b == b'\n') {
            Some(k) => (&buf[..k], k + 1),
            None => (buf, buf.len()),
        };
        if line.len() + chunk.len() > limit {
            too_long = true;
        } else {
            line.extend_from_slice(chunk);
        }
        let ended = done > chunk.len();
        input.consume(done);
        if ended {
            return Ok(Some(too_long));
        }
    }
}
