//! Markdown (CommonMark + tables) with YAML or TOML front matter, via pulldown-cmark.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::inline::{safe_href, take_links, LINK_CLOSE, LINK_HREF_END, LINK_OPEN};

use crate::model::{Article, Block, InlineLink, Metadata, SourceFormat};
use crate::noise;

pub fn read(text: &str) -> Article {
    let (front, body) = split_front_matter(text);
    let mut meta = Metadata { format: SourceFormat::Markdown, ..Metadata::default() };
    for (key, value) in front {
        match key.as_str() {
            "title" => meta.title = Some(value),
            "author" | "authors" | "byline" => meta.byline = Some(value),
            "date" | "published" | "pubdate" => meta.published = Some(value),
            "lang" | "language" => meta.declared_lang = Some(value.to_lowercase()),
            "section" | "category" | "categories" => meta.section = Some(value),
            "tags" | "keywords" => meta.tags = list_value(&value),
            "site" | "source" | "publisher" => meta.site = Some(value),
            "url" | "link" => meta.url = Some(value),
            "image" | "cover" => meta.image = Some(value),
            _ => {}
        }
    }
    let mut blocks = blocks(body);
    // A leading H1 is the title (or repeats it): it is shown from metadata, not twice.
    if let Some(Block::Heading { level: 1, text, .. }) = blocks.first() {
        match &meta.title {
            None => {
                meta.title = Some(text.clone());
                blocks.remove(0);
            }
            Some(t) if super::inline::same_text(t, text) => {
                blocks.remove(0);
            }
            Some(_) => {}
        }
    }
    let mut related = Vec::new();
    let blocks = noise::clean_blocks(blocks, &mut meta.site, &mut related);
    Article { meta, blocks, related }
}

/// Front matter between `---` (YAML) or `+++` (TOML) lines: simple `key: value` / `key = value`
/// pairs and lists, which is what article front matter holds.
fn split_front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let text = text.trim_start_matches('\u{FEFF}');
    for fence in ["---", "+++"] {
        let Some(rest) = text.strip_prefix(fence).and_then(|r| r.strip_prefix('\n').or_else(|| r.strip_prefix("\r\n"))) else { continue };
        let Some(end) = rest.find(&format!("\n{fence}")) else { continue };
        let block = &rest[..end];
        let after = &rest[end + 1 + fence.len()..];
        let sep = if fence == "---" { ':' } else { '=' };
        let mut pairs: Vec<(String, String)> = Vec::new();
        for line in block.lines() {
            if let Some(item) = line.trim_start().strip_prefix("- ") {
                // A YAML list item continues the previous key.
                if let Some(last) = pairs.last_mut() {
                    if !last.1.is_empty() {
                        last.1.push_str(", ");
                    }
                    last.1.push_str(unquote(item));
                }
                continue;
            }
            if let Some((k, v)) = line.split_once(sep) {
                if !line.starts_with([' ', '\t']) {
                    pairs.push((k.trim().to_lowercase(), unquote(v.trim()).to_owned()));
                }
            }
        }
        return (pairs, after);
    }
    (Vec::new(), text)
}

fn unquote(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('"').and_then(|s| s.strip_suffix('"')).or_else(|| s.strip_prefix('\'').and_then(|s| s.strip_suffix('\''))).unwrap_or(s)
}

fn list_value(v: &str) -> Vec<String> {
    v.trim_start_matches('[').trim_end_matches(']').split(',').map(|t| unquote(t).to_owned()).filter(|t| !t.is_empty()).collect()
}

fn blocks(body: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut text = String::new();
    // Open lists: ordered or not, and their items so far with each item's links.
    // Open lists, innermost last: whether ordered, and the items so far with their links.
    type OpenList = (bool, Vec<(String, Vec<InlineLink>)>);
    let mut list_stack: Vec<OpenList> = Vec::new();
    let mut quote_depth = 0;
    let mut quote = String::new();
    let mut code: Option<(Option<String>, String)> = None;
    let mut table: Option<Vec<Vec<String>>> = None;
    let mut image_alt: Option<String> = None;
    // Links being read: kept ones (marked in `text`) and dropped ones (relative, javascript:).
    let (mut open_links, mut unlinked) = (0usize, 0usize);
    for event in Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) if !l.is_empty() => Some(l.to_string()),
                    _ => None,
                };
                code = Some((lang, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, text)) = code.take() {
                    out.push(Block::Code { text: text.trim_end().to_owned(), lang });
                }
            }
            Event::Text(t) | Event::Code(t) => match (&mut code, &mut image_alt) {
                (Some((_, c)), _) => c.push_str(&t),
                (None, Some(alt)) => alt.push_str(&t),
                _ => text.push_str(&t),
            },
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Image { .. }) => image_alt = Some(String::new()),
            Event::Start(Tag::Link { dest_url, .. }) => match safe_href(&dest_url) {
                Some(href) if code.is_none() && image_alt.is_none() => {
                    text.push(LINK_OPEN);
                    text.push_str(&href);
                    text.push(LINK_HREF_END);
                    open_links += 1;
                }
                _ => unlinked += 1,
            },
            Event::End(TagEnd::Link) => {
                if unlinked > 0 {
                    unlinked -= 1;
                } else if open_links > 0 {
                    open_links -= 1;
                    text.push(LINK_CLOSE);
                }
            }
            Event::End(TagEnd::Image) => {
                let alt = image_alt.take().unwrap_or_default();
                if text.trim().is_empty() && list_stack.is_empty() && table.is_none() {
                    out.push(Block::Image { alt, caption: None, src: None });
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                let (text, links) = take(&mut text);
                out.push(Block::Heading { level, text, links });
            }
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => {
                quote_depth -= 1;
                if quote_depth == 0 {
                    let (text, links) = take(&mut quote);
                    out.push(Block::Quote { text, links });
                }
            }
            Event::End(TagEnd::Paragraph) if quote_depth == 0 && list_stack.is_empty() => {
                let (t, links) = take(&mut text);
                if !t.is_empty() {
                    out.push(Block::Paragraph { text: t, links });
                }
            }
            // Text keeps its link marks until its block ends.
            Event::End(TagEnd::Paragraph) if quote_depth > 0 => {
                quote.push(' ');
                quote.push_str(&text);
                text.clear();
            }
            // A loose list item's paragraph: its text stays for the item.
            Event::End(TagEnd::Paragraph) => text.push(' '),
            Event::Start(Tag::List(start)) => list_stack.push((start.is_some(), Vec::new())),
            Event::End(TagEnd::Item) => {
                let item = take(&mut text);
                if let Some((_, items)) = list_stack.last_mut() {
                    items.push(item);
                }
            }
            Event::End(TagEnd::List(_)) => {
                if let Some((ordered, items)) = list_stack.pop() {
                    match list_stack.last_mut() {
                        Some((_, outer)) => outer.extend(items),
                        None if items.iter().any(|(t, _)| !t.is_empty()) => out.push(Block::list_with_links(ordered, items)),
                        None => {}
                    }
                }
            }
            Event::Start(Tag::Table(_)) => table = Some(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                if let Some(t) = &mut table {
                    t.push(Vec::new());
                }
            }
            Event::End(TagEnd::TableCell) => {
                let (cell, _) = take(&mut text);
                if let Some(row) = table.as_mut().and_then(|t| t.last_mut()) {
                    row.push(cell);
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some(rows) = table.take() {
                    out.push(Block::Table { rows });
                }
            }
            Event::Rule => out.push(Block::Rule),
            // Raw HTML in Markdown is not rendered: its text content is kept only via html.rs rules.
            Event::Html(h) | Event::InlineHtml(h) => {
                let t = super::html::blocks_from_html(&h).into_iter().filter_map(|b| b.text()).collect::<Vec<_>>().join(" ");
                text.push_str(&t);
            }
            _ => {}
        }
    }
    out
}

/// Block text without link marks (links are kept only in paragraphs).
/// The text gathered so far, as clean text and its links; the buffer is left empty.
fn take(s: &mut String) -> (String, Vec<InlineLink>) {
    let taken = take_links(s);
    s.clear();
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_blocks() {
        let md = "---\ntitle: \"Udhëtim në Jug\"\nauthor: Arta Leka\ndate: 2024-06-01\ntags:\n  - udhëtim\n  - Sarandë\n---\n\n# Udhëtim në Jug\n\nParagrafi i parë me **theks** dhe [lidhje](https://example.com).\n\n## Dita e dytë\n\n- pika një\n- pika dy\n\n> Një citat\n> në dy rreshta.\n\n```rust\nfn main() {}\n```\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n---\n\n![Deti](deti.jpg)\n\n<script>alert(1)</script>\n";
        let a = read(md);
        assert_eq!(a.meta.title.as_deref(), Some("Udhëtim në Jug"));
        assert_eq!(a.meta.byline.as_deref(), Some("Arta Leka"));
        assert_eq!(a.meta.published.as_deref(), Some("2024-06-01"));
        assert_eq!(a.meta.tags, vec!["udhëtim", "Sarandë"]);
        assert_eq!(
            a.blocks[0],
            Block::Paragraph {
                text: "Paragrafi i parë me theks dhe lidhje.".into(),
                links: vec![crate::model::InlineLink { start: 30, end: 36, href: "https://example.com".into() }]
            }
        );
        assert_eq!(a.blocks[1], Block::heading(2, "Dita e dytë"));
        assert_eq!(a.blocks[2], Block::list(false, vec!["pika një".into(), "pika dy".into()]));
        assert_eq!(a.blocks[3], Block::quote("Një citat në dy rreshta."));
        assert_eq!(a.blocks[4], Block::Code { text: "fn main() {}".into(), lang: Some("rust".into()) });
        assert_eq!(a.blocks[5], Block::Table { rows: vec![vec!["A".into(), "B".into()], vec!["1".into(), "2".into()]] });
        assert_eq!(a.blocks[6], Block::Rule);
        assert_eq!(a.blocks[7], Block::Image { alt: "Deti".into(), caption: None, src: None });
        assert!(!a.text().contains("alert"));
    }

    #[test]
    fn links_survive_in_headings_lists_and_quotes() {
        let md = "Hyrje.\n\n## Sipas [raportit](https://a.example/h)\n\n- pa lidhje\n- me [lidhje](https://a.example/l) këtu\n\n1. e lirë\n\n   me [dy](https://a.example/2) paragrafë\n\n> Siç [tha](https://a.example/q)\n>\n> ai.\n";
        let a = read(md);
        let pairs = |v: &[(&str, &str)]| v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
        assert_eq!(a.blocks[1].linked_texts(), pairs(&[("raportit", "https://a.example/h")]));
        assert_eq!(a.blocks[2].linked_texts(), pairs(&[("lidhje", "https://a.example/l")]));
        assert_eq!(a.blocks[3], Block::list_with_links(true, vec![("e lirë me dy paragrafë".into(), vec![crate::model::InlineLink { start: 10, end: 12, href: "https://a.example/2".into() }])]));
        assert_eq!(a.blocks[4].text().as_deref(), Some("Siç tha ai."));
        assert_eq!(a.blocks[4].linked_texts(), pairs(&[("tha", "https://a.example/q")]));
    }

    #[test]
    fn first_h1_is_the_title_without_front_matter() {
        let a = read("# Titulli\n\nTeksti.");
        assert_eq!(a.meta.title.as_deref(), Some("Titulli"));
        assert_eq!(a.blocks, vec![Block::paragraph("Teksti.")]);
    }
}
