//! Which format a file is: by content first (an .txt that is HTML is HTML), then by extension.
//! Gzip-compressed files are unpacked (with a size limit) and detected again.

#[cfg(feature = "all-formats")]
use std::io::Read;

use crate::model::SourceFormat;
use crate::{decode, Error};

/// The most a compressed file may unpack to.
pub const MAX_UNPACKED_BYTES: usize = 64 * 1024 * 1024;

/// Decode a file and say which reader should read it. Zip packages (DOCX, EPUB) are read from
/// the bytes, so their text is empty here.
pub fn detect(bytes: &[u8], file_name: &str) -> Result<(SourceFormat, String), Error> {
    let lower = file_name.to_lowercase();
    if bytes.starts_with(b"\x1F\x8B") {
        #[cfg(not(feature = "all-formats"))]
        return Err(Error::ReaderNotBuilt { kind: "gzip" });
        #[cfg(feature = "all-formats")]
        {
            let unpacked = gunzip(bytes)?;
            return detect(&unpacked, lower.strip_suffix(".gz").unwrap_or(&lower));
        }
    }
    if bytes.starts_with(b"PK\x03\x04") {
        #[cfg(not(feature = "all-formats"))]
        return Err(Error::ReaderNotBuilt { kind: "ZIP packages" });
        #[cfg(feature = "all-formats")]
        return match crate::formats::zipped::kind(bytes) {
            crate::formats::zipped::ZipKind::Docx => Ok((SourceFormat::Docx, String::new())),
            crate::formats::zipped::ZipKind::Epub => Ok((SourceFormat::Epub, String::new())),
            crate::formats::zipped::ZipKind::Other => Err(Error::Unsupported { kind: "ZIP archive (only DOCX and EPUB packages are read)" }),
        };
    }
    let text = decode::decode(bytes)?;
    Ok((sniff(&text, &lower), text))
}

#[cfg(feature = "all-formats")]
fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    let mut reader = flate2::read::MultiGzDecoder::new(bytes).take(MAX_UNPACKED_BYTES as u64 + 1);
    reader.read_to_end(&mut out).map_err(|_| Error::Unsupported { kind: "damaged gzip archive" })?;
    if out.len() > MAX_UNPACKED_BYTES {
        return Err(Error::TooLarge { limit_mb: MAX_UNPACKED_BYTES >> 20 });
    }
    Ok(out)
}

fn sniff(text: &str, name: &str) -> SourceFormat {
    let head: String = text.trim_start_matches('\u{FEFF}').trim_start().chars().take(4096).collect::<String>().to_lowercase();
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    if looks_like_html(&head) {
        return SourceFormat::Html;
    }
    if head.starts_with('{') || head.starts_with('[') {
        let first_line = text.trim_start().lines().next().unwrap_or("");
        if serde_json::from_str::<serde_json::Value>(text.trim()).is_ok() || serde_json::from_str::<serde_json::Value>(first_line).is_ok() {
            return SourceFormat::Json;
        }
    }
    match ext {
        "html" | "htm" | "xhtml" | "shtml" => SourceFormat::Html,
        "md" | "markdown" | "mdown" | "mkd" => SourceFormat::Markdown,
        "json" | "jsonl" | "ndjson" => SourceFormat::Json,
        _ if head.starts_with("---\n") && has_front_matter(text) => SourceFormat::Markdown,
        _ => SourceFormat::PlainText,
    }
}

fn looks_like_html(head: &str) -> bool {
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with("<?xml") && head.contains("<html"))
        || (head.starts_with('<') && (head.contains("<body") || head.contains("<head")))
        || (head.starts_with("<!--") && head.contains("<html"))
}

fn has_front_matter(text: &str) -> bool {
    let mut lines = text.lines().skip(1);
    lines.by_ref().take(50).any(|l| l.trim() == "---")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_beats_extension() {
        assert_eq!(detect(b"<!DOCTYPE html><html><body><p>x</p></body></html>", "page.txt").unwrap().0, SourceFormat::Html);
        assert_eq!(detect(br#"{"title": "T", "text": "Body."}"#, "a.txt").unwrap().0, SourceFormat::Json);
        assert_eq!(detect(b"{\"title\": \"A\"}\n{\"title\": \"B\"}\n", "a.jsonl").unwrap().0, SourceFormat::Json);
        assert_eq!(detect(b"---\ntitle: T\n---\n\n# Hello\n", "notes.txt").unwrap().0, SourceFormat::Markdown);
        assert_eq!(detect(b"# Hello\n\nText.", "readme.md").unwrap().0, SourceFormat::Markdown);
        assert_eq!(detect(b"Just text. {not json", "a.txt").unwrap().0, SourceFormat::PlainText);
    }

    #[test]
    fn gzip_is_unpacked_and_bombs_refused() {
        use flate2::{write::GzEncoder, Compression};
        use std::io::Write;
        let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
        enc.write_all(b"<html><body><p>Hi</p></body></html>").unwrap();
        let gz = enc.finish().unwrap();
        let (format, text) = detect(&gz, "page.html.gz").unwrap();
        assert_eq!((format, text.as_str()), (SourceFormat::Html, "<html><body><p>Hi</p></body></html>"));

        let mut bomb = GzEncoder::new(Vec::new(), Compression::best());
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..(MAX_UNPACKED_BYTES >> 20) + 1 {
            bomb.write_all(&zeros).unwrap();
        }
        let bomb = bomb.finish().unwrap();
        assert!(bomb.len() < 200_000);
        assert_eq!(detect(&bomb, "x.gz").unwrap_err(), Error::TooLarge { limit_mb: 64 });
        assert!(detect(b"\x1F\x8B\x08\x00garbage", "x.gz").unwrap_err().to_string().contains("gzip"));
    }
}
