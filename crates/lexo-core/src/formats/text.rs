//! Plain text as scrapers save it: header lines, section, title, paragraphs, noise, source line.
//!
//! Shapes handled (all seen in real scraped corpora):
//! - section line + title + blank-line-separated paragraphs (news CMS exports);
//! - title line + the whole body on one line with paragraphs glued (`në Kosovë.Syla`);
//! - title + blank line + paragraphs (BBC-style dumps);
//! - metadata header lines (id, language, date, URL) before the title (BSNLP);
//! - hard-wrapped, indented lines (copied from fixed-width pages).

use crate::model::{Article, Block, Metadata, SourceFormat};
use crate::noise::{self, Noise};

/// Read scraped plain text into an article.
pub fn read(text: &str) -> Article {
    let text = normalize_text(text);
    let mut meta = Metadata { format: SourceFormat::PlainText, ..Metadata::default() };
    let mut paragraphs = paragraphs(&text);
    take_header(&mut paragraphs, &mut meta);
    take_section_and_title(&mut paragraphs, &mut meta);

    if let Some(site) = take_trailing_source_line(&mut paragraphs) {
        meta.site = Some(site);
    }
    let mut related = Vec::new();
    let mut body: Vec<String> = Vec::new();
    for para in paragraphs {
        if let Some(list) = as_list(&para) {
            body.push(list);
            continue;
        }
        let (para, inline_source) = noise::split_inline_source(&para);
        for piece in unglue(&para) {
            if let Some(holder) = copyright_holder(&piece) {
                meta.site = meta.site.take().or(Some(holder));
                continue;
            }
            match noise::classify(&piece) {
                Some(Noise::Related(title)) => {
                    if !title.is_empty() {
                        related.push(title)
                    }
                }
                Some(Noise::Source(site)) => meta.site = Some(site),
                Some(Noise::Embed | Noise::Chrome) => {}
                None => body.push(piece),
            }
        }
        if let Some(site) = inline_source {
            meta.site = Some(site);
        }
    }
    let blocks = to_blocks(body);
    Article { meta, blocks, related }
}

/// Line endings, BOM, zero-width characters and stray HTML entities that scrapers leave in text.
fn normalize_text(text: &str) -> String {
    let text = text.trim_start_matches('\u{FEFF}').replace("\r\n", "\n").replace('\r', "\n");
    let text: String = text.chars().filter(|c| !matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')).collect();
    decode_entities(&text)
}

/// Decode numeric (`&#233;`, `&#xE9;`) and the common named entities; anything else stays as written.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.char_indices().take(12).find(|(_, c)| *c == ';').map(|(i, _)| i);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32)
            } else {
                match name {
                    "amp" => Some('&'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "nbsp" => Some('\u{A0}'),
                    "ndash" => Some('–'),
                    "mdash" => Some('—'),
                    "hellip" => Some('…'),
                    "laquo" => Some('«'),
                    "raquo" => Some('»'),
                    "ldquo" => Some('“'),
                    "rdquo" => Some('”'),
                    "lsquo" => Some('‘'),
                    "rsquo" => Some('’'),
                    _ => None,
                }
            };
            c.filter(|c| !c.is_control() || c.is_whitespace()).map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Split into paragraphs: blank lines separate chunks; inside a chunk, hard-wrapped lines are
/// joined and other lines stay separate paragraphs.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chunk: Vec<&str> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        let line = line.trim();
        if line.is_empty() {
            if !chunk.is_empty() {
                out.extend(unwrap_chunk(&chunk));
                chunk.clear();
            }
        } else {
            chunk.push(line);
        }
    }
    out
}

/// Join hard-wrapped lines. A line ends a paragraph when the next line's first word would have
/// fitted on it (the writer broke the line on purpose), the classic rule of text unwrapping.
fn unwrap_chunk(lines: &[&str]) -> Vec<String> {
    let len = |s: &str| s.chars().count();
    let width = lines.iter().map(|l| len(l)).max().unwrap_or(0);
    let near = |l: &str| len(l) * 100 >= width * 80;
    let body = &lines[..lines.len().saturating_sub(1)];
    // Wrapped text: the first line and most lines but the last run to the wrap width.
    let wrapped = lines.len() >= 2 && (40..=200).contains(&width) && near(lines[0]) && body.iter().filter(|l| near(l)).count() * 2 >= body.len();
    if !wrapped || lines.iter().any(|l| is_list_item(l)) {
        return lines.iter().map(|l| (*l).to_owned()).collect();
    }
    let mut out = Vec::new();
    let mut current = String::new();
    for (i, line) in lines.iter().enumerate() {
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line);
        let next_word = lines.get(i + 1).and_then(|n| n.split_whitespace().next()).map_or(0, len);
        let ended_early = len(line) + 1 + next_word <= width && line.ends_with(['.', '!', '?', '"', '”', '»', ':']);
        if i + 1 == lines.len() || ended_early {
            out.push(std::mem::take(&mut current));
        }
    }
    out
}

/// BSNLP-style header: an id, a language code, a date and a URL, one per line, before the title.
fn take_header(paragraphs: &mut Vec<String>, meta: &mut Metadata) {
    if paragraphs.len() < 5 {
        return;
    }
    let p = &paragraphs[..4];
    let is_id = !p[0].contains(' ') && p[0].len() <= 60;
    let is_lang = p[1].len() == 2 && p[1].chars().all(|c| c.is_ascii_lowercase());
    let is_date = is_iso_date(&p[2]);
    let is_url = p[3].starts_with("http://") || p[3].starts_with("https://");
    if is_id && is_lang && is_date && is_url {
        meta.declared_lang = Some(p[1].clone());
        meta.published = Some(p[2].clone());
        meta.site = host(&p[3]);
        meta.url = Some(p[3].clone());
        paragraphs.drain(..4);
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && b[5..7].iter().all(u8::is_ascii_digit) && b[7] == b'-' && b[8..10].iter().all(u8::is_ascii_digit)
}

fn host(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1)?;
    let host = rest.split(['/', '?', '#']).next()?;
    Some(host.trim_start_matches("www.").to_owned()).filter(|h| !h.is_empty())
}

/// A first short label line followed by a title is a section ("Bota", "Serie A"); otherwise a
/// short first paragraph followed by more text is the title.
fn take_section_and_title(paragraphs: &mut Vec<String>, meta: &mut Metadata) {
    let title_like = |s: &str| s.chars().count() <= 300 && !s.ends_with(':');
    // A headline has no final full stop; a first paragraph has one.
    let headline = |s: &str| s.chars().count() <= 200 && !s.ends_with('.') && s.split_whitespace().count() >= 3;
    if paragraphs.len() >= 3 && is_label(&paragraphs[0]) && headline(&paragraphs[1]) {
        meta.section = Some(paragraphs.remove(0));
    }
    if paragraphs.len() >= 2 && title_like(&paragraphs[0]) && noise::classify(&paragraphs[0]).is_none() {
        meta.title = Some(paragraphs.remove(0));
    }
}

/// A label: at most four words and 40 characters, no sentence punctuation.
fn is_label(s: &str) -> bool {
    s.split_whitespace().count() <= 4
        && s.chars().count() <= 40
        && !s.ends_with(['.', ',', ';', ':', '!', '?', '"', '”'])
        && s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

fn is_list_item(line: &str) -> bool {
    list_marker_len(line).is_some()
}

/// Length in bytes of a list marker at the start of a line ("- ", "• ", "3. ", "b) ").
fn list_marker_len(line: &str) -> Option<usize> {
    for bullet in ["- ", "– ", "• ", "* ", "· ", "▪ ", "► "] {
        if line.starts_with(bullet) {
            return Some(bullet.len());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) && matches!(&line.as_bytes()[digits..], [b'.' | b')', b' ', ..]) {
        return Some(digits + 2);
    }
    None
}

/// Marks a chunk of list lines so `to_blocks` can make a list block of it.
const LIST_TAG: char = '\u{E000}';

/// A paragraph made of list lines (kept separate by `unwrap_chunk`) is handed through as a list.
fn as_list(para: &str) -> Option<String> {
    // Only single lines reach here; consecutive list lines are grouped in `to_blocks`.
    let len = list_marker_len(para)?;
    Some(format!("{LIST_TAG}{}{}", if para.as_bytes()[0].is_ascii_digit() { '1' } else { '-' }, para[len..].trim()))
}

/// "© KOHA. All rights reserved." -> "KOHA".
fn copyright_holder(para: &str) -> Option<String> {
    let rest = para.strip_prefix('©').or_else(|| para.strip_prefix("(c)")).or_else(|| para.strip_prefix("Copyright"))?;
    let holder = rest.trim().split(['.', ',', '|']).next()?.trim();
    let holder = holder.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == ' ');
    (!holder.is_empty() && holder.split_whitespace().count() <= 6).then(|| holder.to_owned())
}

/// The last line before trailing noise is a source line when it is a short name after a real
/// body: "Rruga Press", "(Kosova Sot Online)", "/Telegrafi/". Only whole lines count: the last
/// sentence of a glued paragraph is content.
fn take_trailing_source_line(paragraphs: &mut Vec<String>) -> Option<String> {
    let last = paragraphs.iter().rposition(|p| noise::classify(p).is_none())?;
    if last < 2 {
        return None;
    }
    let line = paragraphs[last].trim();
    let inner = line.strip_prefix('(').and_then(|s| s.strip_suffix(')')).unwrap_or(line);
    let inner = inner.trim_matches(|c: char| matches!(c, '/' | '—' | '–' | '-' | ' '));
    if noise::is_source_name(inner) && inner.split_whitespace().count() <= 4 {
        let site = inner.to_owned();
        paragraphs.remove(last);
        return Some(site);
    }
    None
}

/// Split paragraphs that a scraper glued together: a sentence end directly followed by the
/// next sentence's capital or opening quote (`në Kosovë.Syla`, `tha ai.“Ne`). Only clear
/// evidence splits: initials (`J.K.`) and abbreviations (`Dr.`) stay.
fn unglue(para: &str) -> Vec<String> {
    let chars: Vec<char> = para.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + 1 < chars.len() {
        let c = chars[i];
        if matches!(c, '.' | '!' | '?' | '”' | '"') {
            // Closing quote after the sentence mark belongs to the sentence.
            let mut j = i + 1;
            if matches!(c, '.' | '!' | '?') && j < chars.len() && matches!(chars[j], '”' | '"' | '»' | '’') && j + 1 < chars.len() && !chars[j + 1].is_whitespace() {
                j += 1;
            }
            let closes_sentence = matches!(c, '.' | '!' | '?') || (j >= 2 && matches!(chars[i - 1], '.' | '!' | '?'));
            if closes_sentence && j < chars.len() && starts_sentence(&chars[j..]) && word_before_is_sentence_end(&chars[..i]) {
                out.push(chars[start..j].iter().collect::<String>());
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out.push(chars[start..].iter().collect::<String>());
    out.into_iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
}

fn starts_sentence(rest: &[char]) -> bool {
    match rest {
        [c, ..] if c.is_uppercase() => rest.get(1).is_some_and(|n| n.is_lowercase() || n.is_uppercase() || n.is_whitespace()),
        ['“' | '„' | '«' | '"', c, ..] => c.is_uppercase(),
        ['©', ..] => true,
        _ => false,
    }
}

/// The word before a sentence mark must be a real word, not an initial, abbreviation or number.
fn word_before_is_sentence_end(before: &[char]) -> bool {
    let word: String = before.iter().rev().take_while(|c| !c.is_whitespace() && !matches!(c, '.' | '(' | '“' | '"')).collect::<Vec<_>>().into_iter().rev().collect();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 {
        // "... 100%!Maska" or "… 2020.Ai": digits and signs end sentences too, but not "3.5".
        return word.chars().last().is_some_and(|c| !c.is_ascii_digit()) || word.is_empty();
    }
    const ABBREVIATIONS: &[&str] = &["Dr", "Mr", "Mrs", "Ms", "St", "Prof", "Jr", "Sr", "Nr", "No", "Zj", "Znj", "Sh", "Mt", "Gen", "Col", "Lt", "Sgt", "Rev", "Hon", "Inc", "Ltd", "Co", "vs", "etc", "p", "fq", "nr", "ca", "approx", "Dipl", "Ing", "Mag", "Mme", "Mlle", "Sig", "Dott", "Sra", "Sr", "Hr", "Fr"];
    letters >= 2 && !ABBREVIATIONS.contains(&word.as_str())
}

/// Turn cleaned paragraphs into typed blocks: list runs, subheadings, paragraphs.
fn to_blocks(body: Vec<String>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let n = body.len();
    let mut i = 0;
    while i < n {
        let para = &body[i];
        if para.starts_with(LIST_TAG) {
            let ordered = para.chars().nth(1) == Some('1');
            let mut items = Vec::new();
            while i < n && body[i].starts_with(LIST_TAG) {
                items.push(body[i].chars().skip(2).collect());
                i += 1;
            }
            blocks.push(Block::list(ordered, items));
            continue;
        }
        let next_is_long = body.get(i + 1).is_some_and(|p| p.split_whitespace().count() >= 20);
        if i > 0 && next_is_long && is_subheading(para) {
            blocks.push(Block::heading(2, para.clone()));
        } else {
            blocks.push(Block::paragraph(para.clone()));
        }
        i += 1;
    }
    blocks
}

/// A short line without sentence punctuation inside the body reads as a subheading.
fn is_subheading(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=12).contains(&words)
        && s.chars().count() <= 90
        && s.chars().next().is_some_and(char::is_uppercase)
        && !s.ends_with(['.', ',', ';', ':', '"', '”', '»', ')'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(a: &Article) -> Vec<String> {
        a.blocks.iter().filter_map(|b| b.text()).collect()
    }

    #[test]
    fn section_title_paragraphs_teasers_source_and_embed() {
        let text = "Sport\n\nEkipi fiton kupën pas njëzet vitesh\n\nNjë paragraf i parë për ndeshjen në Tiranë.\n\nLexo më shumë  Trajneri flet pas fitores\n\nParagrafi i dytë, me më shumë fjalë.\n\nAgjencia Lajmore\n\nYouTube player\n";
        let a = read(text);
        assert_eq!(a.meta.section.as_deref(), Some("Sport"));
        assert_eq!(a.meta.title.as_deref(), Some("Ekipi fiton kupën pas njëzet vitesh"));
        assert_eq!(a.meta.site.as_deref(), Some("Agjencia Lajmore"));
        assert_eq!(a.related, vec!["Trajneri flet pas fitores"]);
        assert_eq!(paras(&a), vec!["Një paragraf i parë për ndeshjen në Tiranë.", "Paragrafi i dytë, me më shumë fjalë."]);
    }

    #[test]
    fn glued_paragraphs_are_split_on_clear_evidence() {
        let text = "Titulli i lajmit\nFjalia e parë mbaron në Kosovë.Syla tha se do të vijë.“Ne jemi gati”, tha ai.Dr. Smith dhe J.K. Rowling mbeten bashkë, si edhe 3.5 për qind.(Portali Sot)";
        let a = read(text);
        assert_eq!(a.meta.title.as_deref(), Some("Titulli i lajmit"));
        assert_eq!(
            paras(&a),
            vec!["Fjalia e parë mbaron në Kosovë.", "Syla tha se do të vijë.", "“Ne jemi gati”, tha ai.", "Dr. Smith dhe J.K. Rowling mbeten bashkë, si edhe 3.5 për qind."]
        );
        assert_eq!(a.meta.site.as_deref(), Some("Portali Sot"));
    }

    #[test]
    fn copyright_tail_gives_site() {
        let a = read("Titull\nTekst i parë këtu.© GAZETA. Të gjitha të drejtat janë të rezervuara.");
        assert_eq!(a.meta.site.as_deref(), Some("GAZETA"));
        assert_eq!(paras(&a), vec!["Tekst i parë këtu."]);
    }

    #[test]
    fn slash_tagged_sources_and_glued_last_sentences() {
        let a = read("Titulli i lajmit këtu\nFjalia e parë.Fjalia e dytë. /Portali/");
        assert_eq!(a.meta.site.as_deref(), Some("Portali"));
        let b = read("Titulli i lajmit këtu\nFjalia e parë shkon gjatë.Fjalia e dytë.DISTANCA ESHTE KYÇE");
        assert_eq!(b.meta.site, None);
        assert_eq!(paras(&b).last().map(String::as_str), Some("DISTANCA ESHTE KYÇE"));
        let c = read("Titulli i lajmit këtu\nNjë fjali e fundit.Tjetra vjen këtu./Lajmi.net/");
        assert_eq!(c.meta.site.as_deref(), Some("Lajmi.net"));
    }

    #[test]
    fn header_lines_become_metadata() {
        let text = "xx-12\nru\n2019-03-01\nhttps://www.example.org/news/1\nЗаголовок статьи\n\nПервый абзац текста.\n\nВторой абзац.";
        let a = read(text);
        assert_eq!(a.meta.declared_lang.as_deref(), Some("ru"));
        assert_eq!(a.meta.published.as_deref(), Some("2019-03-01"));
        assert_eq!(a.meta.site.as_deref(), Some("example.org"));
        assert_eq!(a.meta.title.as_deref(), Some("Заголовок статьи"));
        assert_eq!(paras(&a).len(), 2);
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let text = "Naslov vesti\n\n            Prvi pasus koji je prelomljen na više redova jer je tekst bio kopiran\n            sa stranice fiksne širine i nastavlja se ovde do kraja reda tako da\n            se završava ovde.\n            Drugi pasus počinje novim redom i ima dovoljno reči da zauzme ceo\n            red i završava se.";
        let a = read(text);
        assert_eq!(paras(&a).len(), 2, "{:?}", paras(&a));
        assert!(paras(&a)[0].starts_with("Prvi pasus") && paras(&a)[0].ends_with("ovde."));
    }

    #[test]
    fn lists_and_subheadings_are_typed() {
        let text = "Title here\n\nIntro paragraph of the piece.\n\n- first item\n- second item\n\nWhat happens next\n\nA long paragraph follows with enough words to count as body text for the heading rule to apply here, and then some more.";
        let a = read(text);
        assert!(matches!(&a.blocks[1], Block::List { ordered: false, items, .. } if items == &vec!["first item".to_string(), "second item".to_string()]));
        assert!(matches!(&a.blocks[2], Block::Heading { level: 2, text, .. } if text == "What happens next"));
    }

    #[test]
    fn odd_text_never_panics() {
        for text in ["&ëëëëëëëëëëëë;", "&#;", "&#xFFFFFFFF;", "&#0;", "a.“", "“", ".©", "- ", "1)", "(", ")", "x /", "\r\r\n", "©"] {
            let _ = read(text);
        }
    }

    #[test]
    fn entities_in_text_are_decoded() {
        let a = read("Titre\n\nCaf&#233; &amp; cr&egrave;me &#x263A;.");
        assert_eq!(paras(&a), vec!["Café & cr&egrave;me ☺."]);
    }
}
