//! Documents out: entities as CSV and JSON, the article as Markdown and as one self-contained
//! HTML file with its highlights. Pure functions of the model; the app offers them as downloads
//! and a native tool could write them the same way. Nothing an article holds becomes markup:
//! every text is escaped, links keep only the model's http(s)/mailto addresses, and the HTML
//! file carries a CSP that forbids scripts and every fetch.

use crate::model::{Block, InlineLink};
use crate::{Document, EntityKind, Mention};

/// One article to export, with the name the library shows it by (its file name).
pub struct Named<'a> {
    pub name: &'a str,
    pub doc: &'a Document,
}

/// The title an export uses: the article's own, else the file's name.
fn title_of(item: &Named) -> String {
    item.doc.article.meta.title.clone().unwrap_or_else(|| item.name.to_owned())
}

/// One row per entity (a group of mentions) of every article:
/// `article,file,entity,type,mentions,forms` (forms: the distinct spellings, " | "-joined).
pub fn entities_csv(items: &[Named]) -> String {
    let mut out = String::from("article,file,entity,type,mentions,forms\r\n");
    for item in items {
        let title = title_of(item);
        for g in &item.doc.entities.groups {
            let forms = forms_of(&item.doc.entities.mentions, g.id).join(" | ");
            let fields = [title.as_str(), item.name, g.name.as_str(), g.kind.code(), &g.count.to_string(), &forms];
            let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// The entities of every article as JSON: `[{article, file, lang, entities: [{name, type,
/// mentions, forms, offsets: [[start, end], …]}]}]` (offsets in chars of the article's text).
pub fn entities_json(items: &[Named]) -> String {
    let articles: Vec<serde_json::Value> = items
        .iter()
        .map(|item| {
            let mentions = &item.doc.entities.mentions;
            let entities: Vec<serde_json::Value> = item
                .doc
                .entities
                .groups
                .iter()
                .map(|g| {
                    let offsets: Vec<[usize; 2]> = mentions.iter().filter(|m| m.group == g.id).map(|m| [m.start, m.end]).collect();
                    serde_json::json!({ "name": g.name, "type": g.kind.code(), "mentions": g.count,
                                        "forms": forms_of(mentions, g.id), "offsets": offsets })
                })
                .collect();
            serde_json::json!({ "article": title_of(item), "file": item.name, "lang": item.doc.lang.code, "entities": entities })
        })
        .collect();
    serde_json::to_string_pretty(&articles).unwrap_or_else(|_| "[]".into())
}

/// The distinct spellings of a group's mentions, in order of first use.
fn forms_of(mentions: &[Mention], group: usize) -> Vec<String> {
    let mut forms: Vec<String> = Vec::new();
    for m in mentions.iter().filter(|m| m.group == group) {
        if !forms.contains(&m.text) {
            forms.push(m.text.clone());
        }
    }
    forms
}

/// RFC 4180: quoted when it holds a comma, quote or line break; a leading `=+-@` is prefixed
/// with `'` so a spreadsheet never runs a name as a formula.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_owned() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The article as CommonMark: title, a metadata line, the blocks with their links.
pub fn markdown(item: &Named) -> String {
    let doc = item.doc;
    let meta = &doc.article.meta;
    let mut out = format!("# {}\n\n", md_escape(&title_of(item)));
    let facts: Vec<String> = [meta.site.clone(), meta.byline.clone(), meta.published.clone(), Some(doc.reading_time.label())].into_iter().flatten().collect();
    out.push_str(&format!("*{}*\n\n", md_escape(&facts.join(" · "))));
    if let Some(url) = meta.url.as_deref().filter(|u| is_safe_href(u)) {
        out.push_str(&format!("<{url}>\n\n"));
    }
    for block in &doc.article.blocks {
        let linked = |text: &str, links: &[InlineLink]| md_inline(text, links);
        match block {
            Block::Heading { level, text, links } => out.push_str(&format!("{} {}\n\n", "#".repeat(usize::from((*level).clamp(1, 5)) + 1), linked(text, links))),
            Block::Paragraph { text, links } => out.push_str(&format!("{}\n\n", linked(text, links).replace('\n', "  \n"))),
            Block::Quote { text, links } => {
                let quoted: Vec<String> = linked(text, links).lines().map(|l| format!("> {l}")).collect();
                out.push_str(&format!("{}\n\n", quoted.join("\n")));
            }
            Block::List { ordered, items, links } => {
                // Links point into the items joined by "\n": render that, then split it back.
                let joined = linked(&items.join("\n"), links);
                for (n, line) in joined.split('\n').enumerate() {
                    let bullet = if *ordered { format!("{}.", n + 1) } else { "-".into() };
                    out.push_str(&format!("{bullet} {line}\n"));
                }
                out.push('\n');
            }
            Block::Image { alt, caption, .. } => {
                let label = if alt.is_empty() { "image" } else { alt.as_str() };
                out.push_str(&format!("*[{}]*\n\n", md_escape(label)));
                if let Some(c) = caption {
                    out.push_str(&format!("*{}*\n\n", md_escape(c)));
                }
            }
            Block::Code { text, lang } => {
                let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
                let fence = "`".repeat(longest.max(2) + 1);
                let lang: String = lang.as_deref().unwrap_or("").chars().filter(|c| c.is_alphanumeric() || "+-_.".contains(*c)).collect();
                out.push_str(&format!("{fence}{lang}\n{text}\n{fence}\n\n"));
            }
            // Readable text, not TeX: a line of its own, escaped like any text.
            Block::Formula { text } => out.push_str(&format!("{}\n\n", md_escape(text))),
            Block::Table { rows } => {
                let width = rows.iter().map(Vec::len).max().unwrap_or(0);
                for (n, row) in rows.iter().enumerate() {
                    let cells: Vec<String> = (0..width).map(|i| md_escape(row.get(i).map_or("", String::as_str)).replace('\n', " ")).collect();
                    out.push_str(&format!("| {} |\n", cells.join(" | ")));
                    if n == 0 {
                        out.push_str(&format!("|{}\n", " --- |".repeat(width)));
                    }
                }
                out.push('\n');
            }
            Block::Rule => out.push_str("---\n\n"),
        }
    }
    if !doc.article.related.is_empty() {
        out.push_str("---\n\n");
        for r in &doc.article.related {
            out.push_str(&format!("- {}\n", md_escape(r)));
        }
    }
    out.trim_end().to_owned() + "\n"
}

/// Text with its links as `[text](href)`.
fn md_inline(text: &str, links: &[InlineLink]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut pos = 0;
    for l in links.iter().filter(|l| l.start < l.end && l.end <= chars.len() && is_safe_href(&l.href)) {
        if l.start < pos {
            continue;
        }
        out.push_str(&md_escape(&chars[pos..l.start].iter().collect::<String>()));
        let inner: String = chars[l.start..l.end].iter().collect();
        out.push_str(&format!("[{}]({})", md_escape(&inner), l.href.replace(' ', "%20").replace(')', "%29").replace('(', "%28")));
        pos = l.end;
    }
    out.push_str(&md_escape(&chars[pos..].iter().collect::<String>()));
    out
}

/// Backslash before the characters that would turn text into markup.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let indent = line.len() - line.trim_start().len();
        let trimmed = &line[indent..];
        // Where a line would open a heading, list, quote or numbered list, that char is escaped.
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        let opener = if trimmed.starts_with(['#', '>', '-', '+', '=']) {
            Some(indent)
        } else if digits > 0 && trimmed[digits..].starts_with(['.', ')']) {
            Some(indent + digits)
        } else {
            None
        };
        for (k, c) in line.char_indices() {
            if "\\`*_[]<>|~".contains(c) || opener == Some(k) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

fn is_safe_href(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")) && !href.contains(['"', '<', '>', '\n', '\r', '`'])
}

/// How the HTML export names each entity type (the app passes its interface language's words).
pub type KindLabel<'a> = &'a dyn Fn(EntityKind) -> String;

/// The article as one HTML file: its blocks with the shown kinds' mentions as `<mark>`s, a
/// legend, and its own styles. No script, no external resource: a CSP in the file forbids both.
pub fn html(item: &Named, shown: &[EntityKind], kind_label: KindLabel) -> String {
    let doc = item.doc;
    let meta = &doc.article.meta;
    let title = title_of(item);
    let dir = if meta.direction == crate::Direction::Rtl { "rtl" } else { "ltr" };
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n<article>\n<header>\n",
        esc(doc.lang.code),
        esc(&title)
    ));
    if let Some(s) = &meta.section {
        out.push_str(&format!("<p class=\"section\">{}</p>\n", esc(s)));
    }
    out.push_str(&format!("<h1>{}</h1>\n", esc(&title)));
    let facts: Vec<String> = [meta.site.clone(), meta.byline.clone(), meta.published.clone(), Some(doc.reading_time.label())].into_iter().flatten().collect();
    out.push_str(&format!("<p class=\"meta\">{}</p>\n", esc(&facts.join(" · "))));
    out.push_str("<p class=\"legend\">");
    for kind in shown {
        out.push_str(&format!("<mark class=\"{}\">{}</mark> ", kind_class(*kind), esc(&kind_label(*kind))));
    }
    out.push_str("</p>\n</header>\n");
    let ranges = doc.article.block_ranges();
    let offset_of = |i: usize| ranges.iter().find(|r| r.0 == i).map(|r| r.1);
    let mentions: Vec<&Mention> = doc.entities.mentions.iter().filter(|m| shown.contains(&m.kind)).collect();
    let inline = |i: usize, inner: usize, text: &str, links: &[InlineLink]| match offset_of(i) {
        Some(start) => html_inline(text, start + inner, inner, &mentions, links, kind_label),
        None => esc(text),
    };
    for (i, block) in doc.article.blocks.iter().enumerate() {
        match block {
            Block::Heading { level, text, links } => {
                let h = (*level).clamp(1, 3) + 1;
                out.push_str(&format!("<h{h}>{}</h{h}>\n", inline(i, 0, text, links)));
            }
            Block::Paragraph { text, links } => out.push_str(&format!("<p>{}</p>\n", inline(i, 0, text, links))),
            Block::Quote { text, links } => out.push_str(&format!("<blockquote>{}</blockquote>\n", inline(i, 0, text, links))),
            Block::List { ordered, items, links } => {
                let tag = if *ordered { "ol" } else { "ul" };
                out.push_str(&format!("<{tag}>\n"));
                let mut inner = 0;
                for item in items {
                    out.push_str(&format!("<li>{}</li>\n", inline(i, inner, item, links)));
                    inner += item.chars().count() + 1;
                }
                out.push_str(&format!("</{tag}>\n"));
            }
            Block::Image { alt, caption, src } => {
                out.push_str("<figure>");
                match src.as_deref().filter(|s| s.starts_with("data:image/") && !s.contains(['"', '<', '>'])) {
                    Some(src) => out.push_str(&format!("<img src=\"{src}\" alt=\"{}\">", esc(alt))),
                    None => out.push_str(&format!("<div class=\"image\">[{}]</div>", esc(if alt.is_empty() { "image" } else { alt }))),
                }
                if let Some(c) = caption {
                    out.push_str(&format!("<figcaption>{}</figcaption>", esc(c)));
                }
                out.push_str("</figure>\n");
            }
            Block::Code { text, .. } => out.push_str(&format!("<pre><code>{}</code></pre>\n", esc(text))),
            Block::Formula { text } => out.push_str(&format!("<p class=\"formula\" role=\"math\">{}</p>\n", esc(text))),
            Block::Table { rows } => {
                out.push_str("<table>\n");
                let mut inner = 0;
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        out.push_str(&format!("<td>{}</td>", inline(i, inner, cell, &[])));
                        inner += cell.chars().count() + 1;
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
            Block::Rule => out.push_str("<hr>\n"),
        }
    }
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

/// A piece of a block (`text`, starting at char `start` of the document text and at char
/// `inner` of its block) with its mentions marked and the block's links that fall inside it.
fn html_inline(text: &str, start: usize, inner: usize, mentions: &[&Mention], links: &[InlineLink], kind_label: KindLabel) -> String {
    let chars: Vec<char> = text.chars().collect();
    let end = start + chars.len();
    // Cut points: every mention and link boundary inside the piece.
    let ms: Vec<&&Mention> = mentions.iter().filter(|m| m.start >= start && m.end <= end && m.start < m.end).collect();
    let ls: Vec<(usize, usize, &str)> = links
        .iter()
        .filter(|l| l.start >= inner && l.end <= inner + chars.len() && l.start < l.end && is_safe_href(&l.href))
        .map(|l| (l.start - inner, l.end - inner, l.href.as_str()))
        .collect();
    let mut cuts: Vec<usize> = vec![0, chars.len()];
    cuts.extend(ms.iter().flat_map(|m| [m.start - start, m.end - start]));
    cuts.extend(ls.iter().flat_map(|l| [l.0, l.1]));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::new();
    let mut open_link: Option<usize> = None;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let link = ls.iter().position(|l| l.0 <= a && b <= l.1);
        if open_link != link {
            if open_link.is_some() {
                out.push_str("</a>");
            }
            if let Some(k) = link {
                out.push_str(&format!("<a href=\"{}\" rel=\"noopener noreferrer nofollow\">", esc(ls[k].2)));
            }
            open_link = link;
        }
        let piece = esc(&chars[a..b].iter().collect::<String>());
        match ms.iter().find(|m| m.start - start <= a && b <= m.end - start) {
            Some(m) => out.push_str(&format!("<mark class=\"{}\" title=\"{}\">{piece}</mark>", kind_class(m.kind), esc(&kind_label(m.kind)))),
            None => out.push_str(&piece),
        }
    }
    if open_link.is_some() {
        out.push_str("</a>");
    }
    out
}

fn kind_class(kind: EntityKind) -> String {
    format!("e-{}", kind.code().to_lowercase())
}

/// HTML text and attribute escaping.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The export's own look: readable, printable, entity types told apart by colour and underline.
const HTML_STYLE: &str = "body{font:1.15rem/1.6 Georgia,serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;background:#fff}\
h1{line-height:1.25}.meta,.section{color:#555;font-family:system-ui,sans-serif;font-size:.9rem}\
mark{border-radius:.2em;padding:0 .1em;color:inherit}\
.e-per{background:#dbeafe;border-bottom:2px solid #1d4ed8}.e-loc{background:#dcfce7;border-bottom:2px dashed #15803d}\
.e-org{background:#fef3c7;border-bottom:2px dotted #b45309}.e-misc{background:#f3e8ff;border-bottom:2px double #7e22ce}\
blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1rem;color:#333}pre{overflow:auto;background:#f5f5f5;padding:.8rem}\
table{border-collapse:collapse}td{border:1px solid #ccc;padding:.2rem .5rem}.image{color:#666;font-style:italic}";

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        crate::read(
            "Bota\n\nEdi Rama takon liderët në Tiranë\n\nKryeministri Edi Rama priti sot në Tiranë delegacionin e <script>alert(1)</script> Bashkimit Evropian.\n\nTeksti i dytë = 1, \"thonjëza\" dhe *yje*.".as_bytes(),
            "lajm.txt",
            crate::EntityData::embedded(),
        )
        .unwrap()
    }

    #[test]
    fn csv_has_one_quoted_row_per_entity_and_defuses_formulas() {
        let d = doc();
        let csv = entities_csv(&[Named { name: "lajm.txt", doc: &d }]);
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0], "article,file,entity,type,mentions,forms");
        assert_eq!(lines.len(), 1 + d.entities.groups.len());
        assert!(lines.iter().any(|l| l.ends_with(",Edi Rama,PER,1,Edi Rama")), "{csv}");
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
    }

    #[test]
    fn json_lists_offsets_into_the_text() {
        let d = doc();
        let json: serde_json::Value = serde_json::from_str(&entities_json(&[Named { name: "lajm.txt", doc: &d }])).unwrap();
        let rama = json[0]["entities"].as_array().unwrap().iter().find(|e| e["name"] == "Edi Rama").unwrap();
        let [s, e] = [rama["offsets"][0][0].as_u64().unwrap() as usize, rama["offsets"][0][1].as_u64().unwrap() as usize];
        assert_eq!(d.text.chars().skip(s).take(e - s).collect::<String>(), "Edi Rama");
        assert_eq!(json[0]["lang"], "sq");
    }

    #[test]
    fn markdown_escapes_markup_and_keeps_links() {
        let d = doc();
        let md = markdown(&Named { name: "lajm.txt", doc: &d });
        assert!(md.starts_with("# Edi Rama takon liderët në Tiranë\n"), "{md}");
        assert!(md.contains("\\<script\\>"), "{md}");
        assert!(md.contains("\\*yje\\*"), "{md}");
        let link = InlineLink { start: 5, end: 13, href: "https://example.org/a b".into() };
        assert_eq!(md_inline("Shih raportin sot", &[link]), "Shih [raportin](https://example.org/a%20b) sot");
        let bad = InlineLink { start: 0, end: 4, href: "javascript:alert(1)".into() };
        assert_eq!(md_inline("Shih", &[bad]), "Shih");
        assert_eq!(md_escape("1. not a list"), "1\\. not a list");
        assert_eq!(md_escape("# not a heading"), "\\# not a heading");
    }

    #[test]
    fn html_is_escaped_marked_and_scriptless() {
        let d = doc();
        let page = html(&Named { name: "lajm.txt", doc: &d }, &EntityKind::ALL, &|k| k.label().to_owned());
        assert!(!page.contains("<script"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("<mark class=\"e-per\" title=\"Person\">Edi Rama</mark>"), "{page}");
        assert!(page.contains("default-src 'none'"));
        let only_loc = html(&Named { name: "lajm.txt", doc: &d }, &[EntityKind::Loc], &|k| k.label().to_owned());
        assert!(!only_loc.contains("class=\"e-per\" title"));
        let linked = html_inline("Shih Tiranën", 100, 0, &[], &[InlineLink { start: 5, end: 12, href: "https://x.org/?a=\"b\"".into() }], &|k| k.label().to_owned());
        assert_eq!(linked, "Shih Tiranën", "an address with a quote is not a safe link");
    }

    #[test]
    fn formulas_are_set_apart_and_escaped() {
        let mut d = doc();
        d.article.blocks.push(Block::Formula { text: "a < b * c".into() });
        let page = html(&Named { name: "lajm.txt", doc: &d }, &EntityKind::ALL, &|k| k.label().to_owned());
        assert!(page.contains("<p class=\"formula\" role=\"math\">a &lt; b * c</p>"), "{page}");
        let md = markdown(&Named { name: "lajm.txt", doc: &d });
        assert!(md.contains("a \\< b \\* c\n"), "{md}");
    }
}
