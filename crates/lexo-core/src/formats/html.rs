//! Saved web pages: Readability-style extraction (dom_smoothie) for the main content and page
//! metadata, then the content's HTML is walked into typed blocks. Scripts, styles, frames,
//! forms and event handlers never reach the model: only text and image descriptions do.

use dom_query::{Document, NodeRef};
use dom_smoothie::{CandidateSelectMode, Config, Readability};

use crate::model::{Article, Block, Direction, InlineLink, Metadata, SourceFormat};
use crate::noise;

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "svg", "canvas", "button", "input",
    "select", "textarea", "form", "nav", "head", "title", "meta", "link", "audio", "video", "source", "track", "map", "dialog",
];

/// Read an HTML page into an article.
pub fn read(html: &str) -> Article {
    let doc = parse_page(html);
    // Clean title candidates, read before extraction rewrites the tree.
    let h1 = Some(collapse(&doc.select("h1").first().text())).filter(|t| !t.is_empty());
    let og_title = doc.select(r#"meta[property="og:title"]"#).attr("content").map(|t| collapse(&t)).filter(|t| !t.is_empty());
    let ld_body = json_ld_article_body(&doc);
    // How much text the page's own article containers hold, measured before extraction rewrites
    // the tree: an upper bound that spares a second parse when no container can win below.
    let container_len = CONTAINERS.iter().map(|sel| largest(&doc, sel).map_or(0, |n| n.text().chars().count())).max().unwrap_or(0);
    let extracted = best_extraction(doc, html);
    let readability_len = extracted.as_ref().map_or(0, |a| a.text_content.chars().count());
    // Other candidates come from the page without its furniture, parsed once if needed.
    let short = readability_len < SHORT_EXTRACTION;
    let container_may_win = container_len > 1000 && readability_len * 10 < container_len * 7;
    let cleaned = (short || container_may_win).then(|| without_furniture(html));
    // When Readability kept a small part of a long page, the page body without its boilerplate
    // is the better candidate.
    let body_blocks = cleaned.as_ref().filter(|_| short).map(page_body_blocks).filter(|b| {
        let len = text_len(b);
        len > 3000 && readability_len * 10 < len * 3
    });
    // When Readability kept a small part of what the page marks as its article, the marked
    // article is the better candidate (WCXB article pages: F1 0.935 -> 0.941 with the wider
    // containers; bench unchanged).
    let body_blocks = body_blocks.or_else(|| cleaned.as_ref().filter(|_| container_may_win).and_then(|doc| article_container_blocks(doc, readability_len)));
    let mut meta = Metadata { format: SourceFormat::Html, ..Metadata::default() };
    let blocks = match &extracted {
        Some(a) => {
            meta.title = Some(a.title.trim().to_owned()).filter(|t| !t.is_empty());
            meta.byline = a.byline.clone().map(|b| collapse(&b)).filter(|b| !b.is_empty());
            meta.site = a.site_name.clone().map(|s| collapse(&s)).filter(|s| !s.is_empty());
            meta.published = a.published_time.clone().filter(|s| !s.is_empty());
            meta.declared_lang = a.lang.clone().map(|l| l.split(['-', '_']).next().unwrap_or("").to_lowercase()).filter(|l| !l.is_empty());
            meta.direction = if a.dir.as_deref() == Some("rtl") { Direction::Rtl } else { Direction::Ltr };
            meta.image = a.image.clone().filter(|s| !s.is_empty());
            body_blocks.unwrap_or_else(|| blocks_from_html(&a.content))
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

fn extract(doc: Document, mode: CandidateSelectMode) -> Option<dom_smoothie::Article> {
    // Classes are kept so the block walker can still see furniture such as share bars.
    let cfg = Config { max_elements_to_parse: 0, candidate_select_mode: mode, keep_classes: true, ..Config::default() };
    Readability::with_document(doc, None, Some(cfg)).ok().and_then(|mut r| r.parse().ok())
}

/// Readability's candidate choice sometimes settles on one small box of a long page. When its
/// text is short, the other candidate-selection mode is tried too and the fuller text kept,
/// provided it is clearly fuller (choosing between candidate extractions).
fn best_extraction(doc: Document, html: &str) -> Option<dom_smoothie::Article> {
    let first = extract(doc, CandidateSelectMode::Readability);
    let len = first.as_ref().map_or(0, |a| a.text_content.chars().count());
    if len >= SHORT_EXTRACTION {
        return first;
    }
    let again = parse_page(html);
    let second = extract(again, CandidateSelectMode::DomSmoothie);
    let len2 = second.as_ref().map_or(0, |a| a.text_content.chars().count());
    if len2 > len * 2 { second } else { first }
}

/// Below this many characters an extraction is suspicious enough to try the other mode.
const SHORT_EXTRACTION: usize = 2500;

/// The page parsed, with what only its scripts or stylesheets would show or name correctly put
/// right, so every extraction candidate (Readability's two modes, the page's containers, the
/// body) sees the same page.
fn parse_page(html: &str) -> Document {
    let doc = parse(html);
    unhide_streamed_content(&doc);
    keep_headings_called_headers(&doc);
    keep_sections_named_by_their_heading(&doc);
    keep_embedded_posts(&doc);
    doc
}

/// React's streaming server rendering sends parts of the page as `<div hidden id="S:N">` at the
/// end of the body, and a script moves each into the place of its `<template id="B:N">`
/// (replacing a "Loading..." fallback) or `<template id="P:N">`. Without scripts that content is the page, so it is moved
/// the same way (a part without its template is unhidden where it is): an article streamed in
/// twenty parts is one article again, not twenty candidates.
/// Tab panels (documentation's "Python | Node.js | Go" variants) are content a reader cannot
/// switch to without the page's script: all of them are shown, one after another.
fn unhide_streamed_content(doc: &Document) {
    // Fallbacks go first: once parts are moved, a part that is still empty (it waits for a
    // segment) would look like a fallback itself.
    for slot in doc.select(r#"template[id^="B:"]"#).nodes().iter() {
        drop_loading_fallback(slot);
    }
    // Every slot, by id, found in one pass (a page may stream thousands of parts).
    let mut slots: std::collections::HashMap<String, NodeRef> = std::collections::HashMap::new();
    for slot in doc.select(r#"template[id^="B:"], template[id^="P:"]"#).nodes().iter() {
        if let Some(id) = slot.attr("id") {
            slots.entry(id.to_string()).or_insert_with(|| slot.clone());
        }
    }
    for part in doc.select(r#"div[hidden][id^="S:"]"#).nodes().iter() {
        let id = part.attr("id").unwrap_or_default();
        let n = id.get(2..).unwrap_or_default();
        // A boundary (`B:N`) replaced its fallback above; a segment (`P:N`) has none.
        let Some(slot) = slots.get(&format!("B:{n}")).or_else(|| slots.get(&format!("P:{n}"))) else {
            part.remove_attr("hidden");
            continue;
        };
        if let Some(first) = part.first_child() {
            slot.insert_siblings_before(&first);
        }
        slot.remove_from_parent();
        part.remove_from_parent();
    }
    let panels = doc.select(r#"[role="tabpanel"]"#);
    panels.remove_attr("hidden");
    panels.remove_attr("aria-hidden");
    panels.remove_attr("style");
}

/// The fallback React shows until a streamed part arrives: the nodes after its template up to
/// the closing `<!--/$-->` comment; saved pages often lose the comments, so without one only
/// short text ("Loading paragraph...") is taken, at most three nodes.
fn drop_loading_fallback(slot: &NodeRef) {
    let mut next = slot.next_sibling();
    for _ in 0..3 {
        let Some(node) = next else { break };
        next = node.next_sibling();
        if node.is_comment() || node.has_name("template") || node.text().chars().filter(|c| !c.is_whitespace()).count() > 40 {
            break;
        }
        node.remove_from_parent();
    }
}

/// Readability drops anything whose class mentions "header" as page furniture, including
/// headings such as rustdoc's `<h3 class="code-header">` (every method signature of an API page).
/// A heading is its section's header, not the page's: such classes are taken off headings.
fn keep_headings_called_headers(doc: &Document) {
    for heading in doc.select("h2[class*=header], h3[class*=header], h4[class*=header], h5[class*=header], h6[class*=header]").nodes() {
        heading.remove_attr("class");
    }
}

/// A post quoted in the article (an embedded tweet or Instagram post: a `<blockquote>` the
/// platform's script would dress up) sits in a wrapper called "social-media-embed" or the like,
/// which Readability and the furniture rules drop as a share bar. The quoted post is part of the
/// story: its wrappers (up to three levels) lose those classes, and its links (shortened
/// tracking addresses, the post's own address on its date) become plain text, or Readability
/// drops the post as a link box.
fn keep_embedded_posts(doc: &Document) {
    for post in doc.select("blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, blockquote.bluesky-embed, blockquote.mastodon-embed").nodes() {
        for link in post.descendants_it().filter(|n| n.has_name("a")).collect::<Vec<_>>() {
            link.rename("span");
            link.remove_all_attrs();
        }
        for wrapper in post.ancestors_it(Some(3)).collect::<Vec<_>>() {
            if wrapper.has_name("body") || wrapper.has_name("article") || wrapper.has_name("main") {
                break;
            }
            if furniture_marks(&wrapper) || class_mentions(&wrapper, &["social"]) {
                wrapper.remove_attr("class");
                wrapper.remove_attr("id");
            }
        }
    }
}

/// Documentation generators (Sphinx, Docusaurus…) give each section the id of its heading:
/// "Respond to review comments" becomes `id="respond-to-review-comments"`, and Readability drops
/// it as a comments box. An id that spells the section's own heading (three words or more, so a
/// blog's `<div id="comments"><h2>Comments</h2>` still goes) names content, and is taken off.
fn keep_sections_named_by_their_heading(doc: &Document) {
    fn slug(s: &str) -> String {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect::<Vec<_>>().join("-")
    }
    for section in doc.select("section[id], div[id]").nodes() {
        let Some(id) = section.attr("id") else { continue };
        let id = slug(&id);
        if id.split('-').count() < 3 {
            continue;
        }
        let heading = section.element_children().into_iter().find(|c| c.node_name().is_some_and(|n| matches!(n.to_ascii_lowercase().as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")));
        if heading.is_some_and(|h| slug(&h.text()) == id) {
            section.remove_attr("id");
        }
    }
}

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
        .filter(|b| b.chars().count() >= 400)
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

/// Class or id words that mark page furniture rather than content.
const BOILERPLATE: &[&str] = &[
    "nav", "menu", "footer", "header", "sidebar", "comment", "share", "social", "related", "promo", "advert", "ads", "cookie", "newsletter",
    "subscribe", "breadcrumb", "masthead", "banner", "popup", "modal", "widget", "toolbar", "skip", "signup", "recommend", "outbrain", "taboola",
];

/// Class or id words that mark furniture even inside the extracted article.
const FURNITURE_IN_CONTENT: &[&str] = &["share", "sharing", "social", "related", "promo", "advert", "ads", "newsletter", "subscribe", "rail", "teaser", "byline", "signup", "recommend", "outbrain", "taboola", "comments", "breadcrumb", "tags"];

/// Furniture is small: an element with a furniture class and little text (a wrapper whose class
/// merely mentions "social" can hold the whole article).
fn is_furniture(node: &NodeRef) -> bool {
    furniture_marks(node) && inline_text(node).split_whitespace().count() <= 60
}

fn furniture_marks(node: &NodeRef) -> bool {
    let (Some(class), id) = (node.attr("class"), node.attr("id")) else {
        return node.attr("id").is_some_and(|id| id.to_ascii_lowercase().split(|c: char| !c.is_ascii_alphanumeric()).any(|w| FURNITURE_IN_CONTENT.contains(&w)));
    };
    let marks = format!("{} {}", class, id.unwrap_or_default()).to_ascii_lowercase();
    marks.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| FURNITURE_IN_CONTENT.contains(&w))
}

/// The page body (its `<main>` if it has one), furniture removed, walked into blocks.
fn page_body_blocks(cleaned: &Document) -> Vec<Block> {
    cleaned.select("main").nodes().first().cloned().or_else(|| cleaned.body()).map(|root| walk_blocks(&root)).unwrap_or_default()
}

/// The publisher's own markup for "this is the article", most specific first.
const CONTAINERS: &[&str] = &["[itemprop=articleBody]", "article", "main", "[role=main]", "#main", "#content"];

/// The element matching `selector` that holds the most text.
fn largest<'a>(doc: &'a Document, selector: &str) -> Option<NodeRef<'a>> {
    doc.select(selector).nodes().iter().max_by_key(|n| n.text().chars().filter(|c| !c.is_whitespace()).count()).cloned()
}

/// The first of the page's article containers (furniture removed) that holds clearly more than
/// Readability kept; a wider container is tried only when the narrower holds too little.
fn article_container_blocks(cleaned: &Document, readability_len: usize) -> Option<Vec<Block>> {
    CONTAINERS.iter().find_map(|sel| {
        let blocks = walk_blocks(&largest(cleaned, sel)?);
        let len = text_len(&blocks);
        (len > 1000 && readability_len * 10 < len * 7).then_some(blocks)
    })
}

fn text_len(blocks: &[Block]) -> usize {
    blocks.iter().filter_map(Block::text).map(|t| t.chars().count()).sum()
}

/// Walk one element's content into blocks.
fn walk_blocks(root: &NodeRef) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut w = Walker { blocks: &mut blocks, inline: String::new(), inline_link_chars: 0 };
    w.walk(root);
    w.flush();
    blocks
}

/// The page with navigation, headers, footers, forms and boilerplate-classed boxes removed.
fn without_furniture(html: &str) -> Document {
    let doc = parse_page(html);
    doc.select("header, footer, nav, aside, form, [role=navigation], [role=banner], [role=contentinfo], [role=complementary]").remove();
    for node in doc.select("[class], [id]").nodes() {
        let marks = format!("{} {}", node.attr("class").unwrap_or_default(), node.attr("id").unwrap_or_default()).to_ascii_lowercase();
        // "with-sidebar", "main-with-sidebar", "has-header": a layout beside furniture, not furniture.
        let layout = |class: &str| class.starts_with("with-") || class.starts_with("has-") || class.starts_with("no-") || class.contains("-with-");
        let furniture = marks.split_whitespace().filter(|class| !layout(class)).flat_map(|class| class.split(|c: char| !c.is_ascii_alphanumeric())).any(|w| BOILERPLATE.contains(&w));
        if furniture && !node.has_name("body") && !node.has_name("html") && !node.has_name("main") && !node.has_name("article") {
            node.remove_from_parent();
        }
    }
    doc
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

pub(crate) fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && (a == b || (a.len() > 20 && b.starts_with(&a)) || (b.len() > 20 && a.starts_with(&b)))
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

struct Walker<'b> {
    blocks: &'b mut Vec<Block>,
    /// Inline text not yet inside a block (text directly in a div, say).
    inline: String,
    /// How much of `inline` came from links.
    inline_link_chars: usize,
}

impl Walker<'_> {
    fn flush(&mut self) {
        let (text, links) = take_links(&self.inline);
        let link_chars = std::mem::take(&mut self.inline_link_chars);
        self.inline.clear();
        let all = text.chars().count();
        // Loose runs of links (share buttons, tag clouds) are not text.
        let link_run = all > 0 && link_chars * 10 >= all * 8 && text.split_whitespace().count() <= 30;
        if !text.is_empty() && !link_run {
            self.blocks.push(Block::Paragraph { text, links });
        }
    }

    /// A caption outside `<figure>` belongs to the picture just before it; without one it is
    /// kept as a picture of its own (a placeholder with the caption), never as body text.
    fn caption(&mut self, text: String) {
        if text.is_empty() {
            return;
        }
        self.flush();
        match self.blocks.last_mut() {
            Some(Block::Image { caption: caption @ None, .. }) => *caption = Some(text),
            _ => self.blocks.push(Block::Image { alt: String::new(), caption: Some(text), src: None }),
        }
    }

    fn push(&mut self, block: Block) {
        self.flush();
        let empty = block.text().is_none_or(|t| t.trim().is_empty()) && !matches!(block, Block::Rule | Block::Image { .. });
        if !empty {
            self.blocks.push(block);
        }
    }

    fn walk(&mut self, node: &NodeRef) {
        for child in node.children_it(false) {
            if child.is_text() {
                self.inline.push_str(&child.text());
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let name = child.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
            if never_read(&child, &name) || is_furniture(&child) {
                continue;
            }
            if name != "figure" && is_caption(&child) {
                self.caption(inline_text(&child));
                continue;
            }
            match name.as_str() {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    let level = name.as_bytes()[1] - b'0';
                    let (text, links) = paragraph_text(&child);
                    self.push(Block::Heading { level, text, links });
                }
                "p" => {
                    if has_block_child(&child) {
                        self.flush();
                        self.walk(&child);
                        self.flush();
                    } else if !is_link_block(&child) {
                        let (text, links) = paragraph_text(&child);
                        self.push(Block::Paragraph { text, links });
                    }
                }
                "blockquote" => {
                    let (text, links) = paragraph_text(&child);
                    self.push(Block::Quote { text, links });
                }
                "ul" | "ol" => {
                    let lis: Vec<NodeRef> = child.element_children().into_iter().filter(|li| li.has_name("li")).collect();
                    if !is_headline_link_list(&lis) {
                        self.push(Block::list_with_links(name == "ol", lis.iter().map(paragraph_text).collect()));
                    }
                }
                "dl" => self.push(Block::list_with_links(false, child.element_children().iter().map(paragraph_text).collect())),
                "pre" => {
                    let text = preformatted_text(&child).trim_end().to_string();
                    let lang = child.select_code_lang();
                    self.push(Block::Code { text, lang });
                }
                "table" if is_navigation_table(&child) => {}
                "table" => {
                    let rows: Vec<Vec<String>> = child
                        .descendants_it()
                        .filter(|n| n.has_name("tr"))
                        .map(|tr| tr.element_children().iter().filter(|c| c.has_name("td") || c.has_name("th")).map(inline_text).collect::<Vec<_>>())
                        .filter(|r: &Vec<String>| r.iter().any(|c| !c.is_empty()))
                        .collect();
                    if !rows.is_empty() {
                        self.push(Block::Table { rows });
                    }
                }
                "figure" => {
                    let img = child.descendants_it().find(|n| n.has_name("img"));
                    let alt = img.and_then(|i| i.attr("alt")).map(|a| collapse(&a)).unwrap_or_default();
                    let caption = child.descendants_it().find(|n| n.has_name("figcaption")).map(|c| inline_text(&c)).filter(|c| !c.is_empty());
                    if img.is_some() {
                        let src = img.and_then(|i| i.attr("src")).and_then(|s| inline_image(&s));
                        self.push(Block::Image { alt, caption, src });
                    } else {
                        self.walk(&child);
                    }
                }
                "img" => {
                    let alt = child.attr("alt").map(|a| collapse(&a)).unwrap_or_default();
                    let src = child.attr("src").and_then(|s| inline_image(&s));
                    self.push(Block::Image { alt, caption: None, src });
                }
                "hr" => self.push(Block::Rule),
                "br" => self.inline.push('\n'),
                _ if is_inline(&name) => {
                    let mut text = String::new();
                    collect_element(&child, &name, &mut text, true);
                    if name == "a" {
                        self.inline_link_chars += inline_text(&child).chars().count();
                    } else {
                        self.inline_link_chars += link_density(&child).0;
                    }
                    self.inline.push(' ');
                    self.inline.push_str(&text);
                    self.inline.push(' ');
                }
                _ => {
                    // Containers (div, section, article, main, li outside lists, ...).
                    self.flush();
                    self.walk(&child);
                    self.flush();
                }
            }
        }
    }
}

/// The text of a `<pre>` as its lines: highlighters write each line as a block element
/// (`<div class="cm-line">`) or end it with `<br>`, and the bare text would glue the lines together.
fn preformatted_text(pre: &NodeRef) -> String {
    fn walk(node: &NodeRef, out: &mut String) {
        for child in node.children() {
            if child.is_text() {
                out.push_str(&child.text());
                continue;
            }
            let name = child.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
            // Shiki and Prism write `<span class="line">` per line, with no newline between.
            let line_span = name == "span" && child.attr("class").is_some_and(|c| c.split_whitespace().any(|w| matches!(w, "line" | "code-line" | "token-line")));
            match name.as_str() {
                "br" => out.push('\n'),
                _ if line_span || matches!(name.as_str(), "div" | "p" | "li" | "tr") => {
                    if !out.is_empty() && !out.ends_with('\n') {
                        out.push('\n');
                    }
                    walk(&child, out);
                    // A block line ends its line; a line span only starts one (its text may be
                    // followed by a newline of its own).
                    if !line_span && !out.ends_with('\n') {
                        out.push('\n');
                    }
                }
                n if SKIP.contains(&n) => {}
                _ => walk(&child, out),
            }
        }
    }
    let mut out = String::new();
    walk(pre, &mut out);
    out
}

trait CodeLang {
    fn select_code_lang(&self) -> Option<String>;
}

impl CodeLang for NodeRef<'_> {
    /// `<pre><code class="language-rust">` -> "rust".
    fn select_code_lang(&self) -> Option<String> {
        let code = self.descendants_it().find(|n| n.has_name("code"))?;
        let class = code.attr("class")?;
        class.split_whitespace().find_map(|c| c.strip_prefix("language-").or_else(|| c.strip_prefix("lang-")).map(str::to_owned))
    }
}

/// Characters of text inside links, and of all text, in an element.
fn link_density(node: &NodeRef) -> (usize, usize) {
    let all = inline_text(node).chars().count();
    // (Links in what the text leaves out, such as a hover card's headlines, do not count.)
    let shown = |a: &NodeRef| !a.ancestors_it(None).take_while(|p| p.id != node.id).any(|p| is_hover_card(&p) || is_hidden(&p));
    let links: usize = node.descendants_it().filter(|n| n.has_name("a") && shown(n)).map(|a| inline_text(&a).chars().count()).sum();
    (links.min(all), all)
}

/// A short paragraph that is nearly all links: a share bar, breadcrumbs or a teaser.
fn is_link_block(node: &NodeRef) -> bool {
    let (links, all) = link_density(node);
    all > 0 && links * 10 >= all * 8 && inline_text(node).split_whitespace().count() <= 30
}

/// DocBook's and other manuals' "Prev | Up | Home | Next" bars are tables: a short table with
/// links whose whole text is such a word.
fn is_navigation_table(table: &NodeRef) -> bool {
    const STEPS: &[&str] = &["prev", "previous", "next", "up", "home", "top", "back", "«", "»", "<", ">", "<<", ">>"];
    let text = inline_text(table);
    text.split_whitespace().count() <= 30
        && table.descendants_it().filter(|n| n.has_name("a")).filter(|a| STEPS.contains(&inline_text(a).to_lowercase().trim_matches(|c: char| !c.is_alphanumeric() && !"«»<>".contains(c)))).count() >= 2
}

/// A list of linked headlines ("Most read", "Related"): every item is mostly one link of
/// several words. Short link lists (tables of contents, docs navigation) stay.
fn is_headline_link_list(items: &[NodeRef]) -> bool {
    items.len() >= 2
        && items.iter().all(|li| {
            let (links, all) = link_density(li);
            all > 0 && links * 10 >= all * 8 && inline_text(li).split_whitespace().count() >= 5
        })
}

fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr" | "b" | "bdi" | "bdo" | "cite" | "code" | "data" | "del" | "dfn" | "em" | "font" | "i" | "ins" | "kbd" | "mark" | "q" | "s" | "samp" | "small"
            | "span" | "strong" | "sub" | "sup" | "time" | "tt" | "u" | "var" | "wbr" | "label" | "nobr"
    )
}

fn has_block_child(node: &NodeRef) -> bool {
    node.element_children().iter().any(|c| {
        let n = c.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        matches!(n.as_str(), "div" | "p" | "ul" | "ol" | "table" | "blockquote" | "pre" | "figure" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "section")
    })
}

/// What a reader never sees as text, in blocks and inside paragraphs alike: scripts, styles and
/// frames, hidden elements, hover cards.
fn never_read(node: &NodeRef, name: &str) -> bool {
    SKIP.contains(&name) || is_hidden(node) || is_hover_card(node) || is_player_control(node)
}

/// A media player's controls and menus (quality "Auto / High (HD) / Medium / Low", caption font
/// lists, playback speeds): widgets by their ARIA role, or parts of the common web players by
/// their class prefix (video.js `vjs-`, JW Player `jw-`, Plyr, MediaElement `mejs-`, YouTube
/// `ytp-`). Never article text, however long.
fn is_player_control(node: &NodeRef) -> bool {
    const WIDGET_ROLES: &[&str] = &["menu", "menubar", "menuitem", "menuitemradio", "menuitemcheckbox", "listbox", "option", "slider", "toolbar", "progressbar", "spinbutton"];
    const PLAYER_PREFIXES: &[&str] = &["vjs-", "jw-", "plyr", "mejs-", "ytp-"];
    // (Checked on every element the walkers meet: no allocation.)
    if node.attr("role").is_some_and(|r| WIDGET_ROLES.iter().any(|w| r.trim().eq_ignore_ascii_case(w))) {
        return true;
    }
    let starts = |w: &str, p: &str| w.get(..p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p));
    node.attr("class").is_some_and(|c| c.split_whitespace().any(|w| PLAYER_PREFIXES.iter().any(|p| starts(w, p)) && !w.to_ascii_lowercase().ends_with("-poster")))
}

fn is_hidden(node: &NodeRef) -> bool {
    let styled_hidden = node.attr("style").is_some_and(|s| {
        let s = s.to_ascii_lowercase().replace(' ', "");
        s.contains("display:none") || s.contains("visibility:hidden")
    });
    // A page-sized wrapper hidden until its script runs (a flash-of-unstyled-content guard)
    // is the page, not a hidden widget.
    let page_sized = styled_hidden && node.text().len() > 5000;
    node.has_attr("hidden") || node.attr("aria-hidden").is_some_and(|v| &*v == "true") || (styled_hidden && !page_sized)
}

/// A picture's caption or credit written outside `<figure>` (`<div class="caption">`,
/// `<p class="wp-caption-text">`, `<span class="photo-credit">`): short text about an image, not
/// running text (the benchmarks' truth leaves captions out, as Lexo's text does).
fn is_caption(node: &NodeRef) -> bool {
    // Substrings, any case: "newsCaption", "captionText", "photoCredit" are captions too.
    let marked = class_mentions(node, &["caption", "credit"]);
    let holds_picture = || node.descendants_it().any(|n| n.has_name("img") || n.has_name("picture"));
    marked && !node.has_name("table") && node.text().split_whitespace().count() <= 80 && !holds_picture()
}

/// A card that pops up over a name on hover (`role="tooltip"`, `class="rollover-people-block"`,
/// "hovercard", "tooltip-content"): a photo, the name again and headlines, written inside the
/// sentence; without the page's stylesheet it would be read as part of the sentence. The name it
/// hangs on stays (it is outside the card).
fn is_hover_card(node: &NodeRef) -> bool {
    if node.attr("role").is_some_and(|r| r.eq_ignore_ascii_case("tooltip")) {
        return true;
    }
    class_mentions(node, &["hovercard", "hover-card", "tooltiptext", "tooltip-content", "popover-content"]) || (class_mentions(node, &["rollover"]) && class_mentions(node, &["block"]))
}

/// The element's class attribute holds one of these words anywhere, in any case.
fn class_mentions(node: &NodeRef, words: &[&str]) -> bool {
    let Some(class) = node.attr("class") else { return false };
    words.iter().any(|word| class.as_bytes().windows(word.len()).any(|w| w.eq_ignore_ascii_case(word.as_bytes())))
}

/// An image address Lexo may show: inline raster data only (no SVG: it can carry script), at
/// most 2 MB. Remote addresses are never kept, so nothing can be fetched.
fn inline_image(src: &str) -> Option<String> {
    let s = src.trim();
    let lower = s.get(..24).unwrap_or(s).to_ascii_lowercase();
    let ok = ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp", "data:image/avif"].iter().any(|p| lower.starts_with(p));
    (ok && s.len() <= 2 * 1024 * 1024).then(|| s.to_owned())
}

/// Text of an element with `<br>` as a space, scripts and styles left out, whitespace collapsed.
fn inline_text(node: &NodeRef) -> String {
    let mut out = String::new();
    collect_text(node, &mut out, false);
    collapse(&out)
}

/// Text of a paragraph and its links (offsets in chars of the collapsed text).
fn paragraph_text(node: &NodeRef) -> (String, Vec<InlineLink>) {
    let mut out = String::new();
    collect_text(node, &mut out, true);
    take_links(&out)
}

/// Private-use characters that bracket link text while whitespace is collapsed; the href
/// follows the opening mark, terminated by LINK_HREF_END.
pub(crate) const LINK_OPEN: char = '\u{E001}';
pub(crate) const LINK_HREF_END: char = '\u{E002}';
pub(crate) const LINK_CLOSE: char = '\u{E003}';

/// Only absolute web and mail addresses stay links: `javascript:`, `data:` and relative
/// addresses (there is no page to resolve them against) become plain text.
pub(crate) fn safe_href(href: &str) -> Option<String> {
    let href = href.trim();
    let lower = href.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        .then(|| href.chars().filter(|c| !c.is_control() && !matches!(*c, LINK_OPEN | LINK_HREF_END | LINK_CLOSE)).collect())
}

fn collect_text(node: &NodeRef, out: &mut String, with_links: bool) {
    for child in node.children_it(false) {
        if child.is_text() {
            out.extend(child.text().chars().filter(|c| !matches!(*c, LINK_OPEN | LINK_HREF_END | LINK_CLOSE)));
        } else if child.is_element() {
            let name = child.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
            if never_read(&child, &name) || is_caption(&child) {
                continue;
            }
            if name == "br" {
                out.push(' ');
                continue;
            }
            collect_element(&child, &name, out, with_links);
        }
    }
}

/// One element's text into `out` (spaced apart when it is a block); when links are kept and it
/// is a safe `<a href>`, its text is bracketed by the link marks `take_links` reads.
fn collect_element(element: &NodeRef, name: &str, out: &mut String, with_links: bool) {
    let href = (with_links && name == "a").then(|| element.attr("href").and_then(|h| safe_href(&h))).flatten();
    let block = !is_inline(name);
    if block {
        out.push(' ');
    }
    if let Some(href) = &href {
        out.push(LINK_OPEN);
        out.push_str(href);
        out.push(LINK_HREF_END);
    }
    collect_text(element, out, with_links && href.is_none());
    if href.is_some() {
        out.push(LINK_CLOSE);
    }
    if block {
        out.push(' ');
    }
}

/// Collapse whitespace and turn link marks into offsets.
pub(crate) fn take_links(marked: &str) -> (String, Vec<InlineLink>) {
    let collapsed = collapse(marked);
    if !collapsed.contains(LINK_OPEN) {
        return (collapsed, Vec::new());
    }
    let mut text = String::with_capacity(collapsed.len());
    let mut links = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut chars = collapsed.chars().peekable();
    let mut len = 0;
    while let Some(c) = chars.next() {
        match c {
            LINK_OPEN => {
                let href: String = chars.by_ref().take_while(|c| *c != LINK_HREF_END).collect();
                open = Some((len, href));
            }
            LINK_CLOSE => {
                if let Some((start, href)) = open.take() {
                    // Whitespace collapsing can leave a space at either end of the link text.
                    let slice: String = text.chars().skip(start).collect();
                    let lead = slice.chars().take_while(|c| *c == ' ').count();
                    let trail = slice.chars().rev().take_while(|c| *c == ' ').count();
                    if start + lead < len - trail {
                        links.push(InlineLink { start: start + lead, end: len - trail, href });
                    }
                }
            }
            _ => {
                text.push(c);
                len += 1;
            }
        }
    }
    // Removing marks can leave double or edge spaces: normalise once more, shifting offsets.
    let (clean, map) = collapse_with_map(&text);
    for l in &mut links {
        l.start = map[l.start];
        l.end = map[l.end];
    }
    links.retain(|l| l.start < l.end);
    (clean, links)
}

/// `collapse`, plus where each original char offset (and the end) lands in the result: a
/// non-space char maps to where it is written, a space to just after the text before it.
fn collapse_with_map(s: &str) -> (String, Vec<usize>) {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut map = vec![0; chars.len() + 1];
    let mut n = 0;
    let mut pending_space = false;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            pending_space = n > 0;
            map[i] = n;
            continue;
        }
        if pending_space {
            out.push(' ');
            n += 1;
            pending_space = false;
        }
        map[i] = n;
        out.push(c);
        n += 1;
    }
    map[chars.len()] = n;
    (out, map)
}

/// Collapse whitespace runs to one space and trim.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="sq"><head><title>Lajmi i ditës | Portali</title>
<meta property="og:site_name" content="Portali Shembull"><meta name="author" content="Arta Leka">
<meta property="article:published_time" content="2024-05-02T10:00:00Z">
<script>fetch('https://tracker.example/p')</script><style>p{color:red}</style></head>
<body><nav><a href="/">Kreu</a> <a href="/bota">Bota</a></nav>
<article><h1>Lajmi i ditës</h1>
<p>Paragrafi i parë i artikullit flet për qytetin e Tiranës dhe ka mjaft fjalë për t'u zgjedhur si përmbajtje kryesore e faqes, sepse është i gjatë dhe i qartë.</p>
<p onclick="alert(1)">Paragrafi i dytë ka <a href="javascript:alert(1)">një lidhje</a> dhe <strong>tekst të theksuar</strong>, me shumë fjalë të tjera që e bëjnë të gjatë mjaftueshëm për algoritmin.</p>
<h2>Nëntitull</h2>
<ul><li>pika e parë</li><li>pika e dytë</li></ul>
<figure><img src="https://cdn.example/a.jpg" alt="Sheshi"><figcaption>Sheshi Skënderbej në mëngjes.</figcaption></figure>
<table><tr><th>Viti</th><th>Numri</th></tr><tr><td>2023</td><td>12</td></tr></table>
<pre><code class="language-rust">fn main() {}</code></pre>
<p>Lexo më shumë: Një tjetër lajm</p>
<iframe src="https://video.example/embed"></iframe>
</article><footer>© Portali 2024</footer></body></html>"#;

    #[test]
    fn extracts_metadata_and_typed_blocks() {
        let a = read(PAGE);
        assert_eq!(a.meta.title.as_deref(), Some("Lajmi i ditës"), "{:?}", a.blocks);
        assert_eq!(a.meta.site.as_deref(), Some("Portali Shembull"));
        assert_eq!(a.meta.byline.as_deref(), Some("Arta Leka"));
        assert_eq!(a.meta.declared_lang.as_deref(), Some("sq"));
        assert!(a.meta.published.as_deref().unwrap().starts_with("2024-05-02"));
        let kinds: Vec<&str> = a
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { .. } => "p",
                Block::Heading { .. } => "h",
                Block::List { .. } => "list",
                Block::Image { .. } => "img",
                Block::Table { .. } => "table",
                Block::Code { .. } => "code",
                _ => "other",
            })
            .collect();
        assert_eq!(kinds, ["p", "p", "h", "list", "img", "table", "code"], "{:?}", a.blocks);
        assert_eq!(a.related, vec!["Një tjetër lajm"]);
        assert!(matches!(&a.blocks[4], Block::Image { alt, caption: Some(c), src: None } if alt == "Sheshi" && c == "Sheshi Skënderbej në mëngjes."));
        let inline = blocks_from_html(r#"<p>x</p><img src="data:image/png;base64,iVBORw0KGgo=" alt="pika"><img src="data:text/html,<script>" alt="no"><img src="https://t.example/p.gif">"#);
        assert_eq!(inline[1], Block::Image { alt: "pika".into(), caption: None, src: Some("data:image/png;base64,iVBORw0KGgo=".into()) });
        assert!(matches!(&inline[2], Block::Image { src: None, .. }));
        assert!(matches!(&inline[3], Block::Image { src: None, .. }));
        assert!(matches!(&a.blocks[6], Block::Code { text, .. } if text == "fn main() {}"));
    }

    #[test]
    fn a_video_players_menus_are_furniture() {
        let para = "The council approved the new bridge on Tuesday after a long debate about its cost and the traffic it would bring to the old town centre.";
        let menu = r#"<div class="vjs-control-bar"><div class="vjs-menu"><ul class="vjs-menu-content" role="menu"><li role="menuitemradio">Auto</li><li role="menuitemradio">High (HD)</li><li role="menuitemradio">Medium</li><li role="menuitemradio">Low</li></ul></div></div><div class="vjs-text-track-settings"><fieldset><legend>Font Family</legend><ul><li>Arial</li><li>Georgia</li><li>Palatino</li></ul></fieldset></div>"#;
        let html = format!(r#"<html><body><article><h1>Bridge</h1><p>{para}</p><div class="video-js">{menu}</div><p>{para}</p><ul role="listbox"><li role="option">Playback speed 1x</li></ul></article></body></html>"#);
        let text = read(&html).text();
        for word in ["High (HD)", "Palatino", "Playback speed"] {
            assert!(!text.contains(word), "{word} in {text}");
        }
        assert!(text.contains("The council approved"), "{text}");
    }

    #[test]
    fn formulas_in_mathml_stay_in_the_text() {
        let para = "A quadratic equation has degree two and many uses in physics and engineering, where it describes the path of a thrown ball.";
        let html = format!(r#"<html><body><article><h1>Quadratics</h1><p>{para}</p><p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, there are two solutions to <math display="block"><mi>a</mi><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mi>c</mi><mo>=</mo><mn>0</mn></math> always.</p><p>{para}</p></article></body></html>"#);
        let text = read(&html).text();
        assert!(text.contains("When a ≠ 0, there are two solutions to ax² + c = 0 always."), "{text}");
    }

    #[test]
    fn scripts_handlers_and_frames_never_survive() {
        let a = read(PAGE);
        let text = a.text();
        assert!(!text.contains("fetch") && !text.contains("color:red") && !text.contains("alert") && !text.contains("Kreu"), "{text}");
        assert!(text.contains("një lidhje dhe tekst të theksuar"));
    }

    #[test]
    fn safe_links_are_kept_with_offsets() {
        let blocks = blocks_from_html(r#"<p>Lexo <a href="https://example.org/a">raportin e plotë</a> ose <a href="javascript:alert(1)">këtu</a>,   shkruani në <a href="mailto:a@b.c"> adresën </a>.</p>"#);
        let Block::Paragraph { text, links } = &blocks[0] else { panic!("{blocks:?}") };
        assert_eq!(text, "Lexo raportin e plotë ose këtu, shkruani në adresën .");
        assert_eq!(links.len(), 2);
        let pairs = |v: &[(&str, &str)]| v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
        assert_eq!(blocks[0].linked_texts(), pairs(&[("raportin e plotë", "https://example.org/a"), ("adresën", "mailto:a@b.c")]));
    }

    #[test]
    fn captions_outside_figures_go_with_their_picture_not_the_text() {
        let blocks = blocks_from_html(
            r#"<p>Paragrafi i parë.</p><div class="img-wrap"><img src="https://cdn.example/a.jpg" alt="Sheshi"></div><div class="caption-full">Sheshi në mëngjes. Foto: AP</div>
<p>Paragrafi i dytë.</p><span class="newsCaption">Protestuesit në rrugë <span class="credit">(Foto: Getty)</span></span><p>Paragrafi i tretë.</p>"#,
        );
        let text: Vec<String> = blocks.iter().filter_map(Block::text).collect();
        assert_eq!(text, vec!["Paragrafi i parë.", "Paragrafi i dytë.", "Paragrafi i tretë."]);
        assert!(matches!(&blocks[1], Block::Image { alt, caption: Some(c), .. } if alt == "Sheshi" && c == "Sheshi në mëngjes. Foto: AP"), "{blocks:?}");
        assert!(matches!(&blocks[3], Block::Image { caption: Some(c), .. } if c.starts_with("Protestuesit")), "{blocks:?}");
    }

    #[test]
    fn headings_quotes_lists_and_loose_text_keep_their_links() {
        let blocks = blocks_from_html(
            r#"<h2>Burimi: <a href="https://a.example/h">raporti</a></h2>
<blockquote><p>Siç <a href="https://a.example/q">tha ai</a>, puna vazhdon.</p></blockquote>
<ul><li>Pika pa lidhje</li><li>Shih <a href="https://a.example/l">dokumentin</a> e plotë</li><li><a href="javascript:x()">jo</a></li></ul>
<div>Tekst i lirë me <a href="https://a.example/d">një lidhje</a> dhe shumë fjalë të tjera rreth saj që nuk janë lidhje fare.</div>"#,
        );
        let pairs = |v: &[(&str, &str)]| v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
        assert_eq!(blocks[0].linked_texts(), pairs(&[("raporti", "https://a.example/h")]));
        assert_eq!(blocks[1].linked_texts(), pairs(&[("tha ai", "https://a.example/q")]));
        // List links point into the items joined by "\n", the block's text.
        assert_eq!(blocks[2].linked_texts(), pairs(&[("dokumentin", "https://a.example/l")]));
        assert!(matches!(&blocks[2], Block::List { items, .. } if items[2] == "jo"));
        assert_eq!(blocks[3].linked_texts(), pairs(&[("një lidhje", "https://a.example/d")]));
        assert!(blocks.iter().all(|b| !b.text().unwrap_or_default().contains(LINK_OPEN)));
    }

    #[test]
    fn streamed_react_content_is_read() {
        let body = "Ky është një paragraf i gjatë i artikullit që vjen i fshehur nga serveri dhe shfaqet me skript. ".repeat(8);
        let page = format!(r#"<html><head><title>Artikulli</title></head><body><template id="B:0"></template><div hidden id="S:0"><article><h1>Artikulli</h1><p>{body}</p><p>{body}</p></article></div></body></html>"#);
        assert!(read(&page).text().contains("vjen i fshehur nga serveri"));
    }

    #[test]
    fn streamed_parts_take_their_templates_places() {
        let first = "Pjesa e parë e artikullit mbërrin e fundit nga serveri, por lexohet e para sepse vendi i saj është i pari. ".repeat(4);
        let second = "Pjesa e dytë e artikullit mbërrin e para nga serveri, por lexohet pas pjesës së parë në vendin e saj. ".repeat(4);
        let third = "Segmenti i tretë pa vend rezervë hyn brenda pjesës së parë, aty ku e pret shablloni i vet. ".repeat(3);
        let page = format!(
            r#"<html><head><title>Artikulli</title></head><body><article><h1>Artikulli</h1><template id="B:0"></template><div>Loading paragraph...</div><template id="B:1"></template><div>Loading paragraph...</div></article>
<div hidden id="S:1"><p>{second}</p></div><div hidden id="S:0"><p>{first}</p><template id="P:2"></template></div><div hidden id="S:2"><p>{third}</p></div></body></html>"#
        );
        let text = read(&page).text();
        let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} missing: {text}"));
        assert!(at("Pjesa e parë") < at("Segmenti") && at("Segmenti") < at("Pjesa e dytë") && !text.contains("Loading"), "{text}");
        // Ids are data, never selector text: quotes and brackets in them change nothing.
        let hostile = format!(r#"<html><body><template id='B:"]x'></template><div hidden id='S:"]x'><p>{first}</p></div><div hidden id="S:"><p>{second}</p></div></body></html>"#);
        let text = read(&hostile).text();
        assert!(text.contains("Pjesa e parë") && text.contains("Pjesa e dytë"), "{text}");
    }

    #[test]
    fn pages_without_an_article_keep_their_text() {
        let a = read("<html><head><title>Shënime</title></head><body><p>Vetëm një rresht.</p></body></html>");
        assert_eq!(a.meta.title.as_deref(), Some("Shënime"));
        assert_eq!(a.text(), "Vetëm një rresht.");
    }

    #[test]
    fn every_tab_panel_is_shown_and_other_hidden_parts_are_not() {
        let para = "Install the library with the package manager of your language, then create a client with your credentials and send the first message.";
        let page = format!(
            r#"<html><head><title>Quickstart</title></head><body><main><h1>Quickstart</h1><p>{para}</p>
            <div role="tablist"><button>Python</button><button>Go</button></div>
            <div role="tabpanel"><p>Python: pip install the client package and run the script you wrote above.</p></div>
            <div role="tabpanel" hidden style="display:none"><p>Go: go get the client module and run the program you wrote above.</p></div>
            <div hidden><p>A hidden survey that nobody should read in the article view at all.</p></div>
            <p>{para}</p></main></body></html>"#
        );
        let text = read(&page).text();
        assert!(text.contains("Python: pip install") && text.contains("Go: go get"), "{text}");
        assert!(!text.contains("hidden survey"), "{text}");
    }

    #[test]
    fn headings_with_header_classes_survive() {
        let para = "Returns true if the result is the success variant, and false otherwise; this is the usual way to test a result before using it.";
        // Long enough that Readability's own extraction is used (no fallback candidate).
        let methods: String = ["is_ok", "is_err", "is_ok_and", "is_err_and", "ok", "err", "as_ref", "as_mut", "map", "map_err", "unwrap", "expect"]
            .iter()
            .map(|m| format!(r#"<h3 class="code-header">pub const fn {m}(&amp;self) -&gt; bool</h3><p>{para}</p><p>{para}</p>"#))
            .collect();
        let page = format!(r#"<html><head><title>Result</title></head><body><main><h1>Enum Result</h1><p>{para}</p>{methods}</main></body></html>"#);
        let text = read(&page).text();
        assert!(text.contains("pub const fn is_ok") && text.contains("pub const fn is_err"), "{text}");
    }

    #[test]
    fn hover_cards_inside_sentences_are_left_out() {
        let blocks = blocks_from_html(
            r#"<p>A man threatened Rep. <span class="rollover-people"><a href="https://example.com/omar">Ilhan Omar</a><span class="rollover-people-block"><img src="x.jpg"><a href="https://example.com/omar">Ilhan Omar</a><a href="https://example.com/1">Progressives oppose funding bill</a></span></span> (D-Minn.), the office said. The <span class="gloss">quorum<span role="tooltip">the least number of members</span></span> was met.</p>"#,
        );
        assert_eq!(blocks[0].text().as_deref(), Some("A man threatened Rep. Ilhan Omar (D-Minn.), the office said. The quorum was met."), "{blocks:?}");
        assert_eq!(blocks[0].links().len(), 1);
        // The card's many links do not make its sentence a link list.
        let blocks = blocks_from_html(
            r#"<p>Rep. <span class="rollover-people"><a href="https://example.com/aoc">Alexandria Ocasio-Cortez</a><span class="rollover-people-block"><a href="https://example.com/1">Sanders doubles down on Bolivia coup, few follow suit in the Senate</a><a href="https://example.com/2">Hillicon Valley: Progressives oppose funding bill over surveillance authority</a></span></span> spoke.</p>"#,
        );
        assert_eq!(blocks.first().and_then(Block::text).as_deref(), Some("Rep. Alexandria Ocasio-Cortez spoke."), "{blocks:?}");
    }

    #[test]
    fn embedded_posts_are_part_of_the_story() {
        let para = "The state spent nearly half a million dollars on the campaign, and a whole lot of people on Twitter pointed out what might be wrong with it.";
        let paras: String = (0..6).map(|_| format!("<p>{para}</p>")).collect();
        let page = format!(
            r#"<html><body><article><h1>Meth. We're on it.</h1>{paras}<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">Yes this is real and yes the state spent money on it: <a href="https://t.co/x">https://t.co/x</a></p>&mdash; Dianna Anderson (@diannaeanderson) <a href="https://twitter.com/d/status/1">November 18, 2019</a></blockquote></div>{paras}<div class="social-share"><a href="https://facebook.com/share">Share</a></div></article></body></html>"#
        );
        let text = read(&page).text();
        assert!(text.contains("Yes this is real") && text.contains("(@diannaeanderson)"), "{text}");
        assert!(!text.contains("Share"), "{text}");
    }

    #[test]
    fn a_layout_with_a_sidebar_is_not_the_sidebar() {
        let doc = without_furniture(r#"<body><div class="site-content with-sidebar"><div class="main main-with-sidebar"><p>The article.</p></div><div class="sidebar">Popular posts</div></div></body>"#);
        let text = doc.select("body").text();
        assert!(text.contains("The article.") && !text.contains("Popular posts"), "{text}");
    }

    #[test]
    fn manual_navigation_tables_go_and_data_tables_stay() {
        let blocks = blocks_from_html(
            r#"<div class="navheader"><table summary="Navigation header"><tr><th colspan="3">Chapter 11. Indexes</th></tr><tr><td><a href="a.html">Prev</a></td><td><a href="b.html">Up</a></td><td><a href="c.html">Next</a></td></tr></table></div>
            <p>Indexes are a common way to enhance database performance.</p>
            <table><tr><th>Type</th><th>Use</th></tr><tr><td><a href="btree.html">B-Tree</a></td><td>equality and ranges</td></tr><tr><td><a href="hash.html">Hash</a></td><td>equality</td></tr></table>"#,
        );
        let tables: Vec<&Block> = blocks.iter().filter(|b| matches!(b, Block::Table { .. })).collect();
        assert_eq!(tables.len(), 1, "{blocks:?}");
        assert!(matches!(tables[0], Block::Table { rows } if rows[1][0] == "B-Tree"), "{blocks:?}");
    }

    #[test]
    fn highlighted_code_keeps_its_lines() {
        let pre = Document::from(r#"<pre><code><div class="cm-line">import x;<br/></div><div class="cm-line"><br/></div><div class="cm-line"><span>let</span> y = 1;</div></code></pre><pre>a<br>b</pre><pre><code><span class="line"><span>npm</span> i</span><span class="line">cd x</span></code></pre><pre><code><span class="line">a</span>
<span class="line">b</span></code></pre>"#);
        let texts: Vec<String> = pre.select("pre").nodes().iter().map(preformatted_text).collect();
        assert_eq!(texts, ["import x;\n\nlet y = 1;\n", "a\nb", "npm i\ncd x", "a\nb"]);
    }

    #[test]
    fn a_section_named_after_its_heading_is_content_not_a_comments_box() {
        let para = "Your patch will almost certainly get comments from reviewers on ways in which it can be improved, so answer each of them.";
        let sections: String = ["describe-your-changes", "separate-your-changes", "style-check-your-changes"]
            .iter()
            .map(|id| format!(r#"<section id="{id}"><h2>{}</h2><p>{para}</p><p>{para}</p><p>{para}</p></section>"#, id.replace('-', " ")))
            .collect();
        let page = format!(
            r#"<html><head><title>Submitting patches</title></head><body><div class="body"><h1>Submitting patches</h1>{sections}
            <section id="respond-to-review-comments"><h2>Respond to review comments</h2><p>Be sure to tell the reviewers what changes you are making and to thank them for their time.</p></section>
            <div id="comments"><h2>Comments</h2><p>Great post, thanks!</p></div></div></body></html>"#
        );
        let text = read(&page).text();
        assert!(text.contains("tell the reviewers what changes"), "{text}");
        assert!(!text.contains("Great post"), "{text}");
    }
}
