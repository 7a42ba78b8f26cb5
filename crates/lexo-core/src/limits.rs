//! How much of a file Lexo reads: a bound per file and per article body, so that time and memory
//! stay bounded whatever the file. What is cut is said: [`Truncation`] in the article's metadata.

use crate::model::{Article, Block, Truncation};

/// Of a file larger than this, only its first this-many bytes are read (callers may hand over
/// just that much and the file's size: [`crate::read_prefix`]). DOCX and EPUB packages larger
/// than this are refused, since a zip's directory sits at its end.
pub const MAX_READ_BYTES: usize = 16 << 20;

/// Plain text and Markdown are read up to this many bytes (about 700,000 words).
pub const MAX_TEXT_BYTES: usize = 4 << 20;

/// An article's body is kept up to this many characters (about 170,000 words: some 12 hours of
/// reading); tagging it takes about half a second natively.
pub const MAX_BODY_CHARS: usize = 1_000_000;

/// The bytes up to the limit, cut where a UTF-8 or UTF-16 sequence is whole.
pub fn cut_bytes(bytes: &[u8], limit: usize) -> &[u8] {
    if bytes.len() <= limit {
        return bytes;
    }
    let cut = &bytes[..limit];
    if cut.starts_with(b"\xFF\xFE") || cut.starts_with(b"\xFE\xFF") {
        return &cut[..cut.len() & !3];
    }
    match std::str::from_utf8(cut) {
        // Incomplete at the end: back off to the last whole character.
        Err(e) if e.error_len().is_none() => &cut[..e.valid_up_to()],
        _ => cut,
    }
}

/// The text up to `limit` bytes, cut after the last line break before it (or at a character).
pub fn cut_text(text: &mut String, limit: usize) -> bool {
    if text.len() <= limit {
        return false;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let end = text[..end].rfind('\n').filter(|&n| n > limit / 2).unwrap_or(end);
    text.truncate(end);
    true
}

/// Blocks past [`MAX_BODY_CHARS`] of text left out (a paragraph that crosses the bound is cut);
/// whether anything was.
pub fn cut_body(article: &mut Article) -> bool {
    let mut total = 0usize;
    for (i, block) in article.blocks.iter_mut().enumerate() {
        let Some(text) = block.text() else { continue };
        let len = text.chars().count();
        if total + len <= MAX_BODY_CHARS {
            total += len + crate::model::BLOCK_SEPARATOR.len();
            continue;
        }
        let room = MAX_BODY_CHARS.saturating_sub(total);
        let keep = match block {
            Block::Paragraph { text, links } if room > 0 => {
                let end = text.char_indices().nth(room).map_or(text.len(), |(b, _)| b);
                text.truncate(end);
                links.retain(|l| l.end <= room);
                i + 1
            }
            _ => i,
        };
        article.blocks.truncate(keep);
        return true;
    }
    false
}

/// Mark an article as the beginning of a longer file.
pub fn mark(article: &mut Article, file_bytes: u64) {
    article.meta.truncated = Some(Truncation { file_bytes });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_fall_between_characters_and_lines() {
        let text = "ë".repeat(10);
        assert_eq!(cut_bytes(text.as_bytes(), 5), "ëë".as_bytes());
        let mut s = "rreshti një\nrreshti dy\nrreshti tre".to_owned();
        assert!(cut_text(&mut s, 30));
        assert_eq!(s, "rreshti një\nrreshti dy");
        assert!(!cut_text(&mut s, 100));
    }

    #[test]
    fn long_bodies_are_cut_at_the_bound() {
        let mut article = Article { blocks: vec![Block::paragraph("a".repeat(MAX_BODY_CHARS - 10)), Block::paragraph("b".repeat(100)), Block::paragraph("c")], ..Article::default() };
        assert!(cut_body(&mut article));
        assert_eq!(article.blocks.len(), 2);
        assert!(article.text().chars().count() <= MAX_BODY_CHARS);
    }
}
