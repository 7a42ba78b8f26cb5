//! Zip-packaged documents: DOCX (paragraphs, headings, lists, tables) and EPUB (each chapter a
//! section of one article). Guarded against zip bombs: entry count, entry size and total
//! unpacked size are capped before anything is inflated.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::model::{Article, Block, Metadata, SourceFormat};
use crate::{noise, Error};

const MAX_ENTRIES: usize = 10_000;
const MAX_ENTRY_BYTES: u64 = 32 * 1024 * 1024;
const MAX_TOTAL_BYTES: u64 = 128 * 1024 * 1024;

/// What kind of zip a file is, by its entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZipKind {
    Docx,
    Epub,
    Other,
}

struct Package {
    archive: zip::ZipArchive<Cursor<Vec<u8>>>,
    unpacked: u64,
}

impl Package {
    fn open(bytes: &[u8]) -> Result<Self, Error> {
        let archive = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).map_err(|_| Error::Unsupported { kind: "damaged ZIP archive" })?;
        if archive.len() > MAX_ENTRIES {
            return Err(Error::Unsupported { kind: "ZIP archive with too many entries" });
        }
        Ok(Package { archive, unpacked: 0 })
    }

    fn has(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// An entry's text, refusing entries whose declared or real size is too large.
    fn text(&mut self, name: &str) -> Result<String, Error> {
        let mut entry = self.archive.by_name(name).map_err(|_| Error::Unsupported { kind: "document package with a missing part" })?;
        let limit = MAX_ENTRY_BYTES.min(MAX_TOTAL_BYTES.saturating_sub(self.unpacked));
        if entry.size() > limit {
            return Err(Error::TooLarge { limit_mb: (MAX_ENTRY_BYTES >> 20) as usize });
        }
        let mut bytes = Vec::new();
        (&mut entry).take(limit + 1).read_to_end(&mut bytes).map_err(|_| Error::Unsupported { kind: "damaged ZIP archive" })?;
        if bytes.len() as u64 > limit {
            return Err(Error::TooLarge { limit_mb: (MAX_ENTRY_BYTES >> 20) as usize });
        }
        self.unpacked += bytes.len() as u64;
        crate::decode::decode(&bytes)
    }
}

pub fn kind(bytes: &[u8]) -> ZipKind {
    let Ok(p) = Package::open(bytes) else { return ZipKind::Other };
    if p.has("word/document.xml") {
        ZipKind::Docx
    } else if p.has("META-INF/container.xml") {
        ZipKind::Epub
    } else {
        ZipKind::Other
    }
}

/// Read a zip-packaged document.
pub fn read(bytes: &[u8]) -> Result<Article, Error> {
    match kind(bytes) {
        ZipKind::Docx => read_docx(bytes),
        ZipKind::Epub => read_epub(bytes),
        ZipKind::Other => Err(Error::Unsupported { kind: "ZIP archive (only DOCX and EPUB packages are read)" }),
    }
}

fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|b| *b == b':').next().unwrap_or(name)
}

fn attr(e: &quick_xml::events::BytesStart, key: &[u8]) -> Option<String> {
    e.attributes().flatten().find(|a| local(a.key.as_ref()) == key).and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

// ---------------------------------------------------------------------------------------------
// DOCX

fn read_docx(bytes: &[u8]) -> Result<Article, Error> {
    let mut pkg = Package::open(bytes)?;
    let xml = pkg.text("word/document.xml")?;
    let mut meta = Metadata { format: SourceFormat::Docx, ..Metadata::default() };
    if pkg.has("docProps/core.xml") {
        let core = pkg.text("docProps/core.xml")?;
        for (tag, value) in simple_elements(&core) {
            match tag.as_str() {
                "title" => meta.title = Some(value),
                "creator" => meta.byline = Some(value),
                "created" => meta.published = Some(value),
                "language" => meta.declared_lang = Some(value.split('-').next().unwrap_or("").to_lowercase()),
                "keywords" => meta.tags = value.split([',', ';']).map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect(),
                _ => {}
            }
        }
    }
    let mut blocks = docx_blocks(&xml)?;
    // A leading Title-styled paragraph is the title.
    if let Some(Block::Heading { level: 0, text, .. }) = blocks.first() {
        if meta.title.is_none() {
            meta.title = Some(text.clone());
        }
        blocks.remove(0);
    }
    for b in &mut blocks {
        if let Block::Heading { level, .. } = b {
            *level = (*level).max(1);
        }
    }
    let mut related = Vec::new();
    let blocks = noise::clean_blocks(blocks, &mut meta.site, &mut related);
    Ok(Article { meta, blocks, related })
}

/// `<tag>value</tag>` pairs of a flat XML document (docProps/core.xml, OPF metadata).
fn simple_elements(xml: &str) -> Vec<(String, String)> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => current = Some(String::from_utf8_lossy(local(e.name().as_ref())).into_owned()),
            Ok(Event::Text(t)) => {
                if let (Some(tag), Ok(v)) = (&current, t.unescape()) {
                    let v = v.trim().to_owned();
                    if !v.is_empty() {
                        out.push((tag.clone(), v));
                    }
                }
            }
            Ok(Event::End(_)) => current = None,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

fn docx_blocks(xml: &str) -> Result<Vec<Block>, Error> {
    let mut reader = Reader::from_str(xml);
    let mut blocks = Vec::new();
    let mut para = String::new();
    let mut style: Option<String> = None;
    let mut numbered = false;
    let mut in_text = false;
    let mut table: Option<Vec<Vec<String>>> = None;
    let mut cell = String::new();
    let mut list: Option<Vec<String>> = None;
    loop {
        let event = reader.read_event().map_err(|_| Error::Unsupported { kind: "damaged DOCX document" })?;
        match event {
            Event::Start(e) | Event::Empty(e) => match local(e.name().as_ref()) {
                b"p" => {
                    para.clear();
                    style = None;
                    numbered = false;
                }
                b"pStyle" => style = attr(&e, b"val"),
                b"numPr" => numbered = true,
                b"t" => in_text = true,
                b"tab" => para.push(' '),
                b"br" => para.push(' '),
                b"tbl" => table = Some(Vec::new()),
                b"tr" => {
                    if let Some(t) = &mut table {
                        t.push(Vec::new());
                    }
                }
                b"tc" => cell.clear(),
                _ => {}
            },
            Event::Text(t) if in_text => para.push_str(&t.unescape().unwrap_or_default()),
            Event::End(e) => match local(e.name().as_ref()) {
                b"t" => in_text = false,
                b"p" => {
                    let text = super::inline::collapse(&para);
                    if table.is_some() {
                        if !cell.is_empty() && !text.is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(&text);
                        continue;
                    }
                    if numbered {
                        if !text.is_empty() {
                            list.get_or_insert_with(Vec::new).push(text);
                        }
                        continue;
                    }
                    if let Some(items) = list.take() {
                        blocks.push(Block::list(false, items));
                    }
                    if text.is_empty() {
                        continue;
                    }
                    let s = style.as_deref().unwrap_or("").to_ascii_lowercase();
                    let block = if s == "title" {
                        Block::heading(0, text)
                    } else if let Some(n) = s.strip_prefix("heading").and_then(|n| n.trim().parse::<u8>().ok()) {
                        Block::heading(n.clamp(1, 6), text)
                    } else if s.contains("quote") {
                        Block::quote(text)
                    } else if s.contains("listparagraph") || s.contains("listbullet") {
                        list.get_or_insert_with(Vec::new).push(text);
                        continue;
                    } else {
                        Block::paragraph(text)
                    };
                    blocks.push(block);
                }
                b"tc" => {
                    if let Some(row) = table.as_mut().and_then(|t| t.last_mut()) {
                        row.push(std::mem::take(&mut cell));
                    }
                }
                b"tbl" => {
                    if let Some(rows) = table.take() {
                        if let Some(items) = list.take() {
                            blocks.push(Block::list(false, items));
                        }
                        blocks.push(Block::Table { rows });
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(items) = list.take() {
        blocks.push(Block::list(false, items));
    }
    Ok(blocks)
}

// ---------------------------------------------------------------------------------------------
// EPUB

fn read_epub(bytes: &[u8]) -> Result<Article, Error> {
    let mut pkg = Package::open(bytes)?;
    let container = pkg.text("META-INF/container.xml")?;
    let opf_path = find_attr(&container, b"rootfile", b"full-path").ok_or(Error::Unsupported { kind: "EPUB without a package document" })?;
    let opf = pkg.text(&opf_path)?;
    let base = opf_path.rsplit_once('/').map(|(d, _)| format!("{d}/")).unwrap_or_default();
    let mut meta = Metadata { format: SourceFormat::Epub, ..Metadata::default() };
    for (tag, value) in simple_elements(&opf) {
        match tag.as_str() {
            "title" if meta.title.is_none() => meta.title = Some(value),
            "creator" if meta.byline.is_none() => meta.byline = Some(value),
            "date" if meta.published.is_none() => meta.published = Some(value),
            "language" if meta.declared_lang.is_none() => meta.declared_lang = Some(value.split('-').next().unwrap_or("").to_lowercase()),
            "publisher" if meta.site.is_none() => meta.site = Some(value),
            "subject" => meta.tags.push(value),
            _ => {}
        }
    }
    // Manifest id -> href, then the spine's reading order.
    let mut manifest = Vec::new();
    let mut spine = Vec::new();
    let mut reader = Reader::from_str(&opf);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match local(e.name().as_ref()) {
                b"item" => {
                    if let (Some(id), Some(href)) = (attr(&e, b"id"), attr(&e, b"href")) {
                        manifest.push((id, href, attr(&e, b"media-type").unwrap_or_default()));
                    }
                }
                b"itemref" => spine.extend(attr(&e, b"idref")),
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    let mut blocks = Vec::new();
    for idref in spine {
        let Some((_, href, media)) = manifest.iter().find(|(id, _, _)| *id == idref) else { continue };
        if !media.contains("html") {
            continue;
        }
        let path = format!("{base}{}", href.split('#').next().unwrap_or(href));
        let Ok(xhtml) = pkg.text(&path) else { continue };
        let mut chapter = super::html::blocks_from_html(&xhtml);
        let starts_with_heading = matches!(chapter.first(), Some(Block::Heading { .. }));
        if !starts_with_heading {
            let title = super::html::parse(&xhtml).select("title").text().trim().to_owned();
            if !title.is_empty() && !chapter.is_empty() {
                chapter.insert(0, Block::heading(1, title));
            }
        }
        if !blocks.is_empty() && !chapter.is_empty() {
            blocks.push(Block::Rule);
        }
        blocks.extend(chapter);
    }
    if blocks.is_empty() {
        return Err(Error::Unsupported { kind: "EPUB without readable chapters" });
    }
    let mut related = Vec::new();
    let blocks = noise::clean_blocks(blocks, &mut meta.site, &mut related);
    Ok(Article { meta, blocks, related })
}

fn find_attr(xml: &str, tag: &[u8], key: &[u8]) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if local(e.name().as_ref()) == tag => return attr(&e, key),
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    pub(crate) fn zip_of(files: &[(&str, &str)]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, content) in files {
            w.start_file(*name, zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated)).unwrap();
            w.write_all(content.as_bytes()).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    const DOCX: &str = r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Raporti vjetor</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Hyrje</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Ky është </w:t></w:r><w:r><w:t>paragrafi i parë &amp; i vetëm.</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>pika një</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>pika dy</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Viti</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Shuma</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>2024</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>10</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>"#;

    #[test]
    fn docx_paragraphs_headings_lists_tables() {
        let core = r#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:creator>Arta Leka</dc:creator></cp:coreProperties>"#;
        let bytes = zip_of(&[("[Content_Types].xml", "<Types/>"), ("word/document.xml", DOCX), ("docProps/core.xml", core)]);
        assert_eq!(kind(&bytes), ZipKind::Docx);
        let a = read(&bytes).unwrap();
        assert_eq!(a.meta.title.as_deref(), Some("Raporti vjetor"));
        assert_eq!(a.meta.byline.as_deref(), Some("Arta Leka"));
        assert_eq!(
            a.blocks,
            vec![
                Block::heading(1, "Hyrje"),
                Block::paragraph("Ky është paragrafi i parë & i vetëm."),
                Block::list(false, vec!["pika një".into(), "pika dy".into()]),
                Block::Table { rows: vec![vec!["Viti".into(), "Shuma".into()], vec!["2024".into(), "10".into()]] },
            ]
        );
    }

    #[test]
    fn epub_chapters_in_spine_order() {
        let container = r#"<container><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#;
        let opf = r#"<package><metadata><dc:title>Tregime</dc:title><dc:creator>Ilir Berisha</dc:creator><dc:language>sq</dc:language></metadata>
<manifest><item id="c2" href="ch2.xhtml" media-type="application/xhtml+xml"/><item id="c1" href="ch1.xhtml" media-type="application/xhtml+xml"/><item id="css" href="s.css" media-type="text/css"/></manifest>
<spine><itemref idref="c1"/><itemref idref="c2"/></spine></package>"#;
        let ch1 = "<html><head><title>Kapitulli 1</title></head><body><p>Fillimi i tregimit.</p><script>x()</script></body></html>";
        let ch2 = "<html><body><h1>Kapitulli 2</h1><p>Vazhdimi.</p></body></html>";
        let bytes = zip_of(&[("mimetype", "application/epub+zip"), ("META-INF/container.xml", container), ("OEBPS/content.opf", opf), ("OEBPS/ch1.xhtml", ch1), ("OEBPS/ch2.xhtml", ch2)]);
        let a = read(&bytes).unwrap();
        assert_eq!(a.meta.title.as_deref(), Some("Tregime"));
        assert_eq!(a.meta.byline.as_deref(), Some("Ilir Berisha"));
        assert_eq!(a.meta.declared_lang.as_deref(), Some("sq"));
        assert_eq!(a.text(), "Kapitulli 1\n\nFillimi i tregimit.\n\nKapitulli 2\n\nVazhdimi.");
    }

    #[test]
    fn zip_bombs_and_other_zips_are_refused() {
        let big = "a".repeat((MAX_ENTRY_BYTES + 10) as usize);
        let bytes = zip_of(&[("word/document.xml", &big)]);
        assert!(bytes.len() < 1_000_000);
        assert_eq!(read(&bytes).unwrap_err(), Error::TooLarge { limit_mb: 32 });
        let other = zip_of(&[("photo.jpg", "x")]);
        assert!(read(&other).unwrap_err().to_string().contains("only DOCX and EPUB"));
        assert!(read(b"PK\x03\x04garbage").is_err());
    }
}
