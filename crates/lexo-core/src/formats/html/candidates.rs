//! Choosing candidates when Readability keeps too little: the page's own article container,
//! or the body with its furniture taken out.

use super::*;

/// When another candidate replaces Readability's pick: it must be long enough to be an article
/// (`min_chars`) and Readability must have kept less than `kept_tenths`/10 of it. Chosen on
/// both extraction benchmarks' train pages (see the README's evaluation section).
pub(super) struct Takeover {
    pub(super) min_chars: usize,
    pub(super) kept_tenths: usize,
}

impl Takeover {
    pub(super) fn wins(&self, readability_len: usize, candidate_len: usize) -> bool {
        candidate_len > self.min_chars && readability_len * 10 < candidate_len * self.kept_tenths
    }
}

/// The page's own article container: at least 1,000 chars, of which Readability kept < 70 %.
pub(super) const CONTAINER_TAKEOVER: Takeover = Takeover { min_chars: 1000, kept_tenths: 7 };
/// The body without furniture, tried when Readability kept little: at least 3,000 chars, of
/// which Readability kept < 30 %.
pub(super) const BODY_TAKEOVER: Takeover = Takeover { min_chars: 3000, kept_tenths: 3 };

/// The page body (its `<main>` if it has one), furniture removed, walked into blocks.
pub(super) fn page_body_blocks(cleaned: &Document) -> Vec<Block> {
    cleaned.select("main").nodes().first().cloned().or_else(|| cleaned.body()).map(|root| walk_blocks(&root)).unwrap_or_default()
}

/// The publisher's own markup for "this is the article", most specific first.
pub(super) const CONTAINERS: &[&str] = &["[itemprop=articleBody]", "article", "main", "[role=main]", "#main", "#content"];

/// The element matching `selector` that holds the most text.
pub(super) fn largest<'a>(doc: &'a Document, selector: &str) -> Option<NodeRef<'a>> {
    doc.select(selector).nodes().iter().max_by_key(|n| char_counts(n).0).cloned()
}

/// Which of [`CONTAINERS`] an element is (by hand, in the same order: one walk of the page
/// instead of one selector pass each).
pub(super) fn container_kinds(node: &NodeRef) -> [bool; CONTAINERS.len()] {
    let attr_is = |name: &str, value: &str| node.attr(name).is_some_and(|v| &*v == value);
    [attr_is("itemprop", "articleBody"), node.has_name("article"), node.has_name("main"), attr_is("role", "main"), attr_is("id", "main"), attr_is("id", "content")]
}

/// The text length (all characters) of the largest element of each of [`CONTAINERS`], the
/// longest of them: how much the page's own article containers hold, found in one walk and
/// counted where the text is (no copy of it).
pub(super) fn container_text_len(doc: &Document) -> usize {
    // Per container: the most non-space characters seen, and that element's length (the last
    // of equals, as `largest` keeps).
    let mut best = [(0usize, 0usize, false); CONTAINERS.len()];
    for node in doc.root().descendants_it().filter(|n| n.is_element()) {
        let kinds = container_kinds(&node);
        if !kinds.contains(&true) {
            continue;
        }
        let (solid, all) = char_counts(&node);
        for (kind, slot) in kinds.iter().zip(best.iter_mut()) {
            if *kind && (!slot.2 || solid >= slot.0) {
                *slot = (solid, all, true);
            }
        }
    }
    best.iter().map(|b| b.1).max().unwrap_or(0)
}

/// A node's text as (characters that are not whitespace, all characters), counted in its text
/// nodes where they are.
pub(super) fn char_counts(node: &NodeRef) -> (usize, usize) {
    let mut counts = (0, 0);
    for d in std::iter::once(*node).chain(node.descendants_it()) {
        d.query(|t| {
            if let dom_query::NodeData::Text { contents } = &t.data {
                for c in contents.chars() {
                    counts.1 += 1;
                    counts.0 += usize::from(!c.is_whitespace());
                }
            }
        });
    }
    counts
}

/// The first of the page's article containers (furniture removed) that holds clearly more than
/// Readability kept; a wider container is tried only when the narrower holds too little.
pub(super) fn article_container_blocks(cleaned: &Document, readability_len: usize) -> Option<Vec<Block>> {
    CONTAINERS.iter().find_map(|sel| {
        let blocks = walk_blocks(&largest(cleaned, sel)?);
        let len = text_len(&blocks);
        CONTAINER_TAKEOVER.wins(readability_len, len).then_some(blocks)
    })
}

pub(super) fn text_len(blocks: &[Block]) -> usize {
    blocks.iter().filter_map(Block::text).map(|t| t.chars().count()).sum()
}

/// The page with navigation, headers, footers, forms and boilerplate-classed boxes removed.
pub(super) fn without_furniture(doc: Document) -> Document {
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
