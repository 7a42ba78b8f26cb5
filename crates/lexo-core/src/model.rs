//! The `Article` model every format is read into: metadata plus typed blocks.

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// Which reader produced an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize), serde(rename_all = "lowercase"))]
pub enum SourceFormat {
    #[default]
    PlainText,
    Html,
    Markdown,
    Json,
    Docx,
    Epub,
}

impl SourceFormat {
    /// Display name.
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::PlainText => "plain text",
            SourceFormat::Html => "HTML",
            SourceFormat::Markdown => "Markdown",
            SourceFormat::Json => "JSON",
            SourceFormat::Docx => "Word document",
            SourceFormat::Epub => "EPUB book",
        }
    }
}

/// Writing direction of the article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize), serde(rename_all = "lowercase"))]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

/// What is known about an article besides its body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Metadata {
    pub title: Option<String>,
    pub section: Option<String>,
    pub byline: Option<String>,
    /// As found in the file (ISO date where the source gives one).
    pub published: Option<String>,
    /// The publisher or source attribution ("Rruga Press", "koha.net").
    pub site: Option<String>,
    pub url: Option<String>,
    /// Lead image address as found (never fetched).
    pub image: Option<String>,
    /// Keywords or tags from front matter or page metadata.
    pub tags: Vec<String>,
    /// Language stated by the file itself, if any (BCP 47 primary tag).
    pub declared_lang: Option<String>,
    pub direction: Direction,
    pub format: SourceFormat,
    /// Set when only the beginning of the file is here (see [`crate::limits`]).
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub truncated: Option<Truncation>,
}

/// Lexo kept only the beginning of a long file or of a long body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Truncation {
    /// The whole file's size.
    pub file_bytes: u64,
}

/// A link inside a block: chars `start..end` of the block's text (as [`Block::text`] gives it;
/// for a list, its items joined by "\n") point to `href` (only absolute http(s) and mailto
/// addresses are kept).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct InlineLink {
    pub start: usize,
    pub end: usize,
    pub href: String,
}

/// One typed block of the body. Text is plain (no markup): renderers escape it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize), serde(tag = "kind", rename_all = "lowercase"))]
pub enum Block {
    Heading {
        level: u8,
        text: String,
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
        links: Vec<InlineLink>,
    },
    Paragraph {
        text: String,
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
        links: Vec<InlineLink>,
    },
    Quote {
        text: String,
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
        links: Vec<InlineLink>,
    },
    /// `links` point into the items joined by "\n", like the block's text.
    List {
        ordered: bool,
        items: Vec<String>,
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
        links: Vec<InlineLink>,
    },
    /// `src` is only ever an inline `data:image/...` address: remote images are never fetched,
    /// so they are not kept.
    Image {
        alt: String,
        caption: Option<String>,
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        src: Option<String>,
    },
    Code { text: String, lang: Option<String> },
    /// A formula shown on its own (display math), as readable text ("x = (−b ± √(b² − 4ac))/(2a)"),
    /// not as markup: formulas inside a sentence stay in its text.
    Formula { text: String },
    Table { rows: Vec<Vec<String>> },
    Rule,
}

impl Block {
    /// A paragraph without links.
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::Paragraph { text: text.into(), links: Vec::new() }
    }

    /// A heading without links.
    pub fn heading(level: u8, text: impl Into<String>) -> Block {
        Block::Heading { level, text: text.into(), links: Vec::new() }
    }

    /// A quote without links.
    pub fn quote(text: impl Into<String>) -> Block {
        Block::Quote { text: text.into(), links: Vec::new() }
    }

    /// A list without links.
    pub fn list(ordered: bool, items: Vec<String>) -> Block {
        Block::List { ordered, items, links: Vec::new() }
    }

    /// A list from items that each carry their own links (offsets within the item): the links
    /// are moved to where each item starts in the joined text. Empty items are left out.
    pub fn list_with_links(ordered: bool, linked_items: Vec<(String, Vec<InlineLink>)>) -> Block {
        let (mut items, mut links, mut start) = (Vec::new(), Vec::new(), 0);
        for (item, item_links) in linked_items.into_iter().filter(|(t, _)| !t.is_empty()) {
            links.extend(item_links.into_iter().map(|l| InlineLink { start: l.start + start, end: l.end + start, href: l.href }));
            start += item.chars().count() + 1;
            items.push(item);
        }
        Block::List { ordered, items, links }
    }

    /// The block's links, with offsets into its [`Block::text`].
    pub fn links(&self) -> &[InlineLink] {
        match self {
            Block::Heading { links, .. } | Block::Paragraph { links, .. } | Block::Quote { links, .. } | Block::List { links, .. } => links,
            _ => &[],
        }
    }

    /// Each link's text and address, in order.
    pub fn linked_texts(&self) -> Vec<(String, String)> {
        let text: Vec<char> = self.text().unwrap_or_default().chars().collect();
        self.links().iter().map(|l| (text.get(l.start..l.end).unwrap_or_default().iter().collect(), l.href.clone())).collect()
    }

    /// The block's readable text, as it appears in [`Article::text`]; `None` for blocks without text.
    pub fn text(&self) -> Option<String> {
        match self {
            Block::Heading { text, .. } | Block::Paragraph { text, .. } | Block::Quote { text, .. } => {
                Some(text.clone())
            }
            Block::Code { text, .. } | Block::Formula { text } => Some(text.clone()),
            Block::List { items, .. } => Some(items.join("\n")),
            // Pictures are not the article's running text: neither alt text nor captions count
            // (reading time, entities, extraction benchmarks, whose truth leaves captions out);
            // the reader still shows the caption under its placeholder.
            Block::Image { .. } => None,
            Block::Table { rows } => Some(rows.iter().map(|r| r.join("\t")).collect::<Vec<_>>().join("\n")).filter(|s| !s.trim().is_empty()),
            Block::Rule => None,
        }
    }
}

/// A read article: metadata, body blocks and the teaser links that were lifted out of the body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Article {
    pub meta: Metadata,
    pub blocks: Vec<Block>,
    /// "Read more" teasers found in the body, kept as a list rather than as text.
    pub related: Vec<String>,
}

/// Separator between blocks in [`Article::text`].
pub const BLOCK_SEPARATOR: &str = "\n\n";

impl Article {
    /// The cleaned body as plain text, blocks separated by a blank line.
    pub fn text(&self) -> String {
        self.block_texts().into_iter().map(|(_, t)| t).collect::<Vec<_>>().join(BLOCK_SEPARATOR)
    }

    /// Each text-bearing block's index and text, in order (the pieces of [`Article::text`]).
    pub fn block_texts(&self) -> Vec<(usize, String)> {
        self.blocks.iter().enumerate().filter_map(|(i, b)| b.text().map(|t| (i, t))).collect()
    }

    /// Where each text-bearing block sits in [`Article::text`], in chars: `(block index, start, end)`.
    pub fn block_ranges(&self) -> Vec<(usize, usize, usize)> {
        let sep = BLOCK_SEPARATOR.chars().count();
        let mut pos = 0;
        let mut out = Vec::new();
        for (n, (i, t)) in self.block_texts().into_iter().enumerate() {
            if n > 0 {
                pos += sep;
            }
            let len = t.chars().count();
            out.push((i, pos, pos + len));
            pos += len;
        }
        out
    }
}
