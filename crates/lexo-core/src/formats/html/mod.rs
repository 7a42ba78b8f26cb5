//! Saved web pages: Readability-style extraction (dom_smoothie) for the main content and page
//! metadata, then the content's HTML is walked into typed blocks. Scripts, styles, frames,
//! forms and event handlers never reach the model: only text and image descriptions do.

use dom_query::{Document, NodeRef};
use dom_smoothie::{CandidateSelectMode, Config, Readability};

use crate::model::{Article, Block, Direction, InlineLink, Metadata, SourceFormat};
use crate::noise;

mod candidates;
mod furniture;
mod prepare;
#[cfg(test)]
mod tests;
mod walker;

use super::inline::*;
use candidates::*;
use furniture::*;
use prepare::*;
use walker::*;

/// Read an HTML page into an article.
pub fn read(html: &str) -> Article {
    let doc = parse_page(html);
    // The page is parsed once: extraction rewrites its tree, so the other candidates start
    // from a copy of it as prepared (copying the tree costs less than parsing it again).
    let prepared = doc.clone();
    // Clean title candidates, read before extraction rewrites the tree.
    let h1 = Some(collapse(&doc.select("h1").first().text())).filter(|t| !t.is_empty());
    let og_title = doc.select(r#"meta[property="og:title"]"#).attr("content").map(|t| collapse(&t)).filter(|t| !t.is_empty());
    let ld_body = json_ld_article_body(&doc);
    // How much text the page's own article containers hold, measured before extraction rewrites
    // the tree: an upper bound that spares a second parse when no container can win below.
    let container_len = container_text_len(&doc);
    let extracted = best_extraction(doc, &prepared);
    let readability_len = extracted.as_ref().map_or(0, |e| e.article.text_content.chars().count());
    // Other candidates come from the page without its furniture, when they may win.
    let short = readability_len < SHORT_EXTRACTION;
    let container_may_win = CONTAINER_TAKEOVER.wins(readability_len, container_len);
    let cleaned = (short || container_may_win).then(|| without_furniture(prepared));
    // When Readability kept a small part of a long page, the page body without its boilerplate
    // is the better candidate.
    let body_blocks = cleaned.as_ref().filter(|_| short).map(page_body_blocks).filter(|b| {
        BODY_TAKEOVER.wins(readability_len, text_len(b))
    });
    // When Readability kept a small part of what the page marks as its article, the marked
    // article is the better candidate (WCXB article pages: F1 0.935 -> 0.941 with the wider
    // containers; bench unchanged).
    let body_blocks = body_blocks.or_else(|| cleaned.as_ref().filter(|_| container_may_win).and_then(|doc| article_container_blocks(doc, readability_len)));
    let mut meta = Metadata { format: SourceFormat::Html, ..Metadata::default() };
    let blocks = match &extracted {
        Some(Extraction { article: a, doc }) => {
            meta.title = Some(a.title.trim().to_owned()).filter(|t| !t.is_empty());
            meta.byline = a.byline.clone().map(|b| collapse(&b)).filter(|b| !b.is_empty());
            meta.site = a.site_name.clone().map(|s| collapse(&s)).filter(|s| !s.is_empty());
            meta.published = a.published_time.clone().filter(|s| !s.is_empty());
            meta.declared_lang = a.lang.clone().map(|l| l.split(['-', '_']).next().unwrap_or("").to_lowercase()).filter(|l| !l.is_empty());
            meta.direction = if a.dir.as_deref() == Some("rtl") { Direction::Rtl } else { Direction::Ltr };
            meta.image = a.image.clone().filter(|s| !s.is_empty());
            body_blocks.unwrap_or_else(|| content_blocks(doc, &a.content))
        }
        None => {
            // Not article-shaped (Readability found nothing): keep the page's visible text.
            let doc = parse_page(html);
            meta.title = doc.select("title").text().trim().to_owned().into();
            meta.title = meta.title.filter(|t| !t.is_empty());
            doc.select("header, footer, aside, nav").remove();
            doc.body().map(|body| walk_blocks(&body)).unwrap_or_default()
        }
    };
    meta.title = clean_title(meta.title.take(), h1.as_deref(), og_title.as_deref());
    let blocks = match &ld_body {
        Some(body) => reconcile_with_publisher_body(blocks, body),
        None => blocks,
    };
    let mut blocks = drop_title_heading(blocks, &mut meta.title);
    drop_byline_line(&mut blocks, meta.byline.as_deref());
    let mut related = Vec::new();
    blocks = noise::clean_blocks(blocks, &mut meta.site, &mut related);
    Article { meta, blocks, related }
}

/// What Readability made of the page: its article (metadata, text) and the tree it rewrote,
/// whose [`CONTENT_ROOT`] element holds the content.
struct Extraction {
    article: dom_smoothie::Article,
    doc: Document,
}

/// The element Readability puts the content in.
const CONTENT_ROOT: &str = "#readability-page-1";

/// The content's blocks, walked where Readability left them rather than serialised and parsed
/// again (a parse per page saved: extraction alone 8 % faster). Readability wraps runs of
/// phrasing nodes in `<p>`, and a `<span>` holding a `<div>` counts as phrasing, so its tree can
/// hold a `<p>` with a block inside, which no parsed page has (the parser closes the `<p>`
/// there), and its rewrites can leave in a table what a parser would move out of it. Such a tree
/// is parsed again from `html`, so the walker sees what a parser makes of it.
fn content_blocks(doc: &Document, html: &str) -> Vec<Block> {
    let Some(root) = doc.select(CONTENT_ROOT).nodes().first().cloned() else { return Vec::new() };
    if has_paragraph_with_block(&root) || has_misplaced_table_part(&root) {
        blocks_from_html(html)
    } else {
        walk_blocks(&root)
    }
}

/// Start tags that close an open `<p>` (the HTML parsing rules' list, as far as pages use it).
const CLOSES_P: &[&str] = &[
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "dd", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "listing", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "xmp",
];

fn has_paragraph_with_block(root: &NodeRef) -> bool {
    root.descendants_it().filter(|n| n.has_name("p")).any(|p| {
        p.descendants_it().any(|d| d.is_element() && d.node_name().is_some_and(|n| CLOSES_P.contains(&n.to_ascii_lowercase().as_str())))
    })
}

/// A table part where the parser would not leave it: content a table cannot hold (the parser
/// moves it before the table), or a row or cell outside its table (the parser drops the tags).
fn has_misplaced_table_part(root: &NodeRef) -> bool {
    let lower = |n: &NodeRef| n.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
    let holds: fn(&str) -> Option<&'static [&'static str]> = |name| match name {
        "table" => Some(&["caption", "colgroup", "thead", "tbody", "tfoot", "tr", "script", "template", "style"]),
        "thead" | "tbody" | "tfoot" => Some(&["tr", "script", "template", "style"]),
        "tr" => Some(&["td", "th", "script", "template", "style"]),
        _ => None,
    };
    let sits_in: fn(&str) -> Option<&'static [&'static str]> = |name| match name {
        "caption" | "colgroup" | "thead" | "tbody" | "tfoot" => Some(&["table"]),
        "tr" => Some(&["table", "thead", "tbody", "tfoot"]),
        "td" | "th" => Some(&["tr"]),
        _ => None,
    };
    root.descendants_it().filter(|n| n.is_element()).any(|part| {
        let name = lower(&part);
        let bad_child = holds(&name).is_some_and(|allowed| part.element_children().iter().any(|c| !allowed.contains(&lower(c).as_str())));
        let bad_parent = sits_in(&name).is_some_and(|parents| part.parent().is_none_or(|p| !parents.contains(&lower(&p).as_str())));
        bad_child || bad_parent
    })
}

fn extract(doc: Document, mode: CandidateSelectMode) -> Option<Extraction> {
    // Classes are kept so the block walker can still see furniture such as share bars.
    let cfg = Config { max_elements_to_parse: 0, candidate_select_mode: mode, keep_classes: true, ..Config::default() };
    let mut readability = Readability::with_document(doc, None, Some(cfg)).ok()?;
    let article = readability.parse().ok()?;
    Some(Extraction { article, doc: readability.doc })
}

/// Readability's candidate choice sometimes settles on one small box of a long page. When its
/// text is short, the other candidate-selection mode is tried too and the fuller text kept,
/// provided it is clearly fuller (choosing between candidate extractions).
fn best_extraction(doc: Document, prepared: &Document) -> Option<Extraction> {
    let first = extract(doc, CandidateSelectMode::Readability);
    let len = first.as_ref().map_or(0, |e| e.article.text_content.chars().count());
    if len >= SHORT_EXTRACTION {
        return first;
    }
    let again = prepared.clone();
    let second = extract(again, CandidateSelectMode::DomSmoothie);
    let len2 = second.as_ref().map_or(0, |e| e.article.text_content.chars().count());
    if len2 > len * 2 { second } else { first }
}

/// Below this many characters an extraction is suspicious enough to try the other mode.
const SHORT_EXTRACTION: usize = 2500;

/// A JSON-LD `articleBody` shorter than this is a teaser, not a second opinion on the body.
const PUBLISHER_BODY_MIN_CHARS: usize = 400;

/// The `articleBody` a page declares in its JSON-LD (schema.org), when there is a real one.
fn json_ld_article_body(doc: &Document) -> Option<String> {
    fn find(v: &serde_json::Value) -> Option<String> {
        match v {
            serde_json::Value::Object(m) => m
                .get("articleBody")
                .and_then(|b| b.as_str())
                .map(str::to_owned)
                .or_else(|| m.values().find_map(find)),
            serde_json::Value::Array(items) => items.iter().find_map(find),
            _ => None,
        }
    }
    doc.select(r#"script[type="application/ld+json"]"#)
        .nodes()
        .iter()
        .filter_map(|n| serde_json::from_str::<serde_json::Value>(n.text().trim()).ok())
        .find_map(|v| find(&v))
        .filter(|b| b.chars().count() >= PUBLISHER_BODY_MIN_CHARS)
}

/// The publisher's own body text (JSON-LD) is a second opinion on the extraction: paragraphs and
/// lists whose words are mostly absent from it are page furniture; when the extraction kept far
/// less than it, the declared body is the better candidate. Truncated declarations (paywalls,
/// "...") are shorter than the extraction and only ever remove what they clearly do not contain.
fn reconcile_with_publisher_body(blocks: Vec<Block>, body: &str) -> Vec<Block> {
    let words = |t: &str| t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect::<Vec<_>>();
    let declared: std::collections::HashSet<String> = words(body).into_iter().collect();
    let extracted_len = text_len(&blocks);
    let body_len = body.chars().count();
    if extracted_len * 2 < body_len {
        return body.split('\n').map(collapse).filter(|p| !p.is_empty()).map(Block::paragraph).collect();
    }
    if body_len * 2 < extracted_len || body.trim_end().ends_with("...") || body.trim_end().ends_with('…') {
        return blocks;
    }
    blocks
        .into_iter()
        .filter(|b| {
            let text = match b {
                Block::Paragraph { text, .. } => text.clone(),
                Block::List { items, .. } => items.join(" "),
                _ => return true,
            };
            let w = words(&text);
            w.len() < 4 || w.iter().filter(|x| declared.contains(*x)).count() * 2 >= w.len()
        })
        .collect()
}

/// "Headline | Site" -> "Headline" when the page's h1 or og:title says the headline alone.
fn clean_title(title: Option<String>, h1: Option<&str>, og: Option<&str>) -> Option<String> {
    let title = title?;
    for candidate in [h1, og].into_iter().flatten() {
        if same_text(candidate, &title) {
            return Some(candidate.to_owned());
        }
        if let Some(rest) = title.strip_prefix(candidate) {
            if rest.trim_start().starts_with(['|', '-', '–', '—', ':', '·', '•', '/']) {
                return Some(candidate.to_owned());
            }
        }
    }
    Some(title)
}

/// Readability keeps the page's h1 in the content; the title is shown from metadata. When the
/// page title is the h1 plus a site suffix ("Lajmi | Portali"), the h1 is the cleaner title.
fn drop_title_heading(mut blocks: Vec<Block>, title: &mut Option<String>) -> Vec<Block> {
    let Some(t) = title.as_deref() else { return blocks };
    let first_heading = blocks.iter().take(3).position(|b| matches!(b, Block::Heading { level: 1 | 2, .. }));
    if let Some(i) = first_heading {
        if let Block::Heading { text, .. } = &blocks[i] {
            let with_suffix = t.strip_prefix(text.as_str()).is_some_and(|rest| rest.trim_start().starts_with(['|', '-', '–', '—', ':', '·', '•']));
            if same_text(text, t) || with_suffix {
                *title = Some(text.clone());
                blocks.remove(i);
            }
        }
    }
    blocks
}

/// "Nga Drita Kelmendi · 14 mars 2024" repeats the byline shown in the header.
fn drop_byline_line(blocks: &mut Vec<Block>, byline: Option<&str>) {
    let Some(byline) = byline else { return };
    let pos = blocks.iter().take(3).position(|b| matches!(b, Block::Paragraph { text, .. } if text.split_whitespace().count() <= 12 && text.contains(byline)));
    if let Some(i) = pos {
        blocks.remove(i);
    }
}

/// Walk extracted HTML into blocks.
pub fn blocks_from_html(html: &str) -> Vec<Block> {
    walk_blocks(&parse(html).root())
}

/// Every parse of markup goes through here: nesting and attributes bounded first (see
/// [`super::nesting`]), so the tree every walker descends is at most that deep; formulas in
/// MathML become text ([`super::math`]).
pub(crate) fn parse(html: &str) -> Document {
    let doc = Document::from(&*super::nesting::limit_nesting(html));
    super::math::math_as_text(&doc);
    doc
}
