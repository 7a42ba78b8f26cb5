//! Bytes -> text: detect what a file is and decode UTF-8 / UTF-16, refusing binaries with a reason.

use crate::Error;

/// Magic numbers of common non-text files, so the message can name what the file is.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"RIFF", "RIFF media (WebP, WAV or AVI)"),
    (b"7z\xBC\xAF", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"\x7FELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"\x00asm", "WebAssembly module"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"\xD0\xCF\x11\xE0", "legacy Office document"),
    (b"SQLite format 3", "SQLite database"),
];

/// Decode a file's bytes into text.
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE\x00\x00") {
        return utf32(rest, u32::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\x00\x00\xFE\xFF") {
        return utf32(rest, u32::from_be_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    if let Some((_, kind)) = SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        // "MZ" and "ID3" are also plausible first letters of text: only trust them with binary bytes.
        if !(magic_is_weak(bytes) && looks_textual(bytes)) {
            return Err(Error::Unsupported { kind });
        }
    }
    if let Some(le) = utf16_without_bom(bytes) {
        return utf16(bytes, if le { u16::from_le_bytes } else { u16::from_be_bytes });
    }
    if !looks_textual(bytes) {
        return Err(Error::Binary);
    }
    utf8(bytes)
}

/// UTF-32 (only with its byte order mark: encoding_rs does not read it, and it is rare).
fn utf32(bytes: &[u8], unit: fn([u8; 4]) -> u32) -> Result<String, Error> {
    if !bytes.len().is_multiple_of(4) {
        return Err(Error::MalformedUtf16);
    }
    let text: Option<String> = bytes.chunks_exact(4).map(|c| char::from_u32(unit([c[0], c[1], c[2], c[3]]))).collect();
    non_empty(text.ok_or(Error::MalformedUtf16)?)
}

fn magic_is_weak(bytes: &[u8]) -> bool {
    bytes.starts_with(b"MZ") || bytes.starts_with(b"ID3")
}

/// UTF-8 when valid; otherwise a legacy encoding: the one an HTML page declares, else the one
/// chardetng finds most likely (Windows-125x, ISO-8859-x, KOI8-R, Shift_JIS, ...).
fn utf8(bytes: &[u8]) -> Result<String, Error> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return non_empty(repair_mojibake(text).unwrap_or_else(|| text.to_owned()));
    }
    legacy(bytes)
}

#[cfg(not(feature = "all-formats"))]
fn legacy(_: &[u8]) -> Result<String, Error> {
    Err(Error::ReaderNotBuilt { kind: "legacy encodings" })
}

#[cfg(feature = "all-formats")]
fn legacy(bytes: &[u8]) -> Result<String, Error> {
    let encoding = declared_charset(bytes).unwrap_or_else(|| {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        detector.guess(None, chardetng::Utf8Detection::Deny)
    });
    let (text, _, _) = encoding.decode(bytes);
    non_empty(text.into_owned())
}

#[cfg(feature = "all-formats")]
/// `<meta charset="...">` or `content="text/html; charset=..."` in the first 2 KB of a page.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..].trim_start_matches(['"', '\'', ' ']).chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':')).collect();
    let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
    // A page that says UTF-8 but is not valid UTF-8 is lying: let the detector decide.
    (enc != encoding_rs::UTF_8).then_some(enc)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, Error> {
    if !bytes.len().is_multiple_of(2) {
        return Err(Error::MalformedUtf16);
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let text: String = char::decode_utf16(units).collect::<Result<_, _>>().map_err(|_| Error::MalformedUtf16)?;
    non_empty(text)
}

/// What cp1252 shows for the bytes 0x80..0x9F (the C1 controls where it has no character).
const CP1252_80_9F: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›',
    'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The byte a char stands for when UTF-8 was misread as Latin-1 or cp1252.
fn misread_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        u @ 0x80..=0xFF => Some(u as u8),
        _ => CP1252_80_9F.iter().position(|&x| x == c).map(|i| 0x80 + i as u8),
    }
}

/// Text that was UTF-8, misread as Latin-1/cp1252 and saved as UTF-8 again ("computerâ€™s",
/// "Ã«" for "ë"): every run of such chars is turned back into bytes and read as UTF-8. The
/// repair is made only when runs decode cleanly far more often than not (clean text in a
/// Latin script has lone "é" or "’", which never decode), so correct text is left alone.
fn repair_mojibake(text: &str) -> Option<String> {
    // Cheap check first: a UTF-8 lead byte's char followed by a continuation byte's char.
    let mut chars = text.chars().peekable();
    let mut hint = false;
    while let Some(c) = chars.next() {
        if matches!(u32::from(c), 0xC2..=0xF4) && chars.peek().and_then(|&n| misread_byte(n)).is_some_and(|b| (0x80..=0xBF).contains(&b)) {
            hint = true;
            break;
        }
    }
    if !hint {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let (mut fixed, mut failed) = (0usize, 0usize);
    let mut i = 0;
    while i < chars.len() {
        if misread_byte(chars[i]).is_none() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && misread_byte(chars[i]).is_some() {
            i += 1;
        }
        let bytes: Vec<u8> = chars[start..i].iter().filter_map(|&c| misread_byte(c)).collect();
        match std::str::from_utf8(&bytes) {
            Ok(s) => {
                out.push_str(s);
                fixed += 1;
            }
            Err(_) => {
                out.extend(&chars[start..i]);
                failed += 1;
            }
        }
    }
    (fixed >= 2 && failed * 20 <= fixed).then_some(out)
}

fn non_empty(text: String) -> Result<String, Error> {
    // A stray NUL or terminal escape in a text is dropped, not a reason to refuse the file.
    let text = match crate::hygiene::strip_controls(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(clean) => clean,
    };
    if text.trim().is_empty() {
        Err(Error::Empty)
    } else {
        Ok(text)
    }
}

/// BOM-less UTF-16 shows as NUL bytes on every other position for Latin text.
/// Returns `Some(true)` for little-endian, `Some(false)` for big-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 >= pairs * 7 && even_nul * 20 < pairs {
        Some(true)
    } else if even_nul * 10 >= pairs * 7 && odd_nul * 20 < pairs {
        Some(false)
    } else {
        None
    }
}

/// Text has few control characters besides whitespace: a NUL or an escape sequence here and
/// there (dropped in decoding) is still text, up to one byte in twenty where the rest is valid
/// UTF-8; binaries have one in ten or more, and are rarely valid UTF-8.
fn looks_textual(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count();
    let utf8 = match std::str::from_utf8(sample) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    controls * 100 <= sample.len() || (utf8 && controls * 20 <= sample.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubly_encoded_utf8_is_repaired_and_clean_text_is_not() {
        // UTF-8 read as Latin-1 (C1 controls) and as cp1252 ("â€™"), then saved as UTF-8.
        let broken = "Thereâ\u{80}\u{99}s a computerâ€™s memory. Dimri Ã«shtÃ« ftohtÃ«.";
        assert_eq!(decode(broken.as_bytes()).unwrap(), "There’s a computer’s memory. Dimri është ftohtë.");
        for clean in ["Shqipëria është e bukur në dimër, çdo ditë.", "It’s “quoted” — café, naïve, Ãbc."] {
            assert_eq!(decode(clean.as_bytes()).unwrap(), clean);
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Për ëndërr".as_bytes()).unwrap(), "Për ëndërr");
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice("Çfarë".as_bytes());
        assert_eq!(decode(&with_bom).unwrap(), "Çfarë");
    }

    #[test]
    fn utf16_both_orders_with_and_without_bom() {
        let text = "Shqipëri çelës";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&[&[0xFF, 0xFE][..], &le].concat()).unwrap(), text);
        assert_eq!(decode(&[&[0xFE, 0xFF][..], &be].concat()).unwrap(), text);
        assert_eq!(decode(&le).unwrap(), text);
        assert_eq!(decode(&be).unwrap(), text);
    }

    #[test]
    fn binaries_are_named_not_garbled() {
        assert_eq!(decode(b"%PDF-1.7\n\x00\x01"), Err(Error::Unsupported { kind: "PDF document" }));
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\x00"), Err(Error::Unsupported { kind: "PNG image" }));
        assert_eq!(decode(&[1, 2, 3, 0, 0, 7, 200, 13]), Err(Error::Binary));
        assert!(decode(b"\x89PNG").unwrap_err().to_string().contains("not supported"));
    }

    #[test]
    fn weak_magic_at_text_start_is_still_text() {
        assert_eq!(decode(b"MZ Holdings reported profits.").unwrap(), "MZ Holdings reported profits.");
    }

    #[test]
    fn empty_and_legacy_encodings_are_explained() {
        assert_eq!(decode(b""), Err(Error::Empty));
        assert_eq!(decode(b" \n\t "), Err(Error::Empty));
        assert_eq!(decode(&[0xFF, 0xFE, 0x41]), Err(Error::MalformedUtf16));
    }

    #[test]
    #[cfg(feature = "all-formats")]
    fn legacy_encodings_are_detected() {
        // Albanian in Windows-1252 / ISO-8859-1: ë is 0xEB, ç is 0xE7.
        let latin1 = b"Kjo \xEBsht\xEB nj\xEB fjali n\xEB shqip me \xE7elsa dhe \xEBndrra t\xEB shumta p\xEBr t\xEB gjith\xEB.";
        assert_eq!(decode(latin1).unwrap(), "Kjo është një fjali në shqip me çelsa dhe ëndrra të shumta për të gjithë.");
        // Russian in KOI8-R and in Windows-1251.
        let (koi8, _, _) = encoding_rs::KOI8_R.encode("Правительство заявило, что примет новые меры поддержки.");
        assert_eq!(decode(&koi8).unwrap(), "Правительство заявило, что примет новые меры поддержки.");
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode("Правительство заявило, что примет новые меры поддержки.");
        assert_eq!(decode(&cp1251).unwrap(), "Правительство заявило, что примет новые меры поддержки.");
        // A declared charset wins.
        let page = b"<html><head><meta charset=\"iso-8859-2\"></head><body>\xB3\xF3d\xBC</body></html>";
        assert!(decode(page).unwrap().contains("łódź"));
    }
}
