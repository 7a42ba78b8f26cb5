//! The reader view of one article: header, meta line, body blocks, related teasers.

use std::rc::Rc;

use lexo_core::model::InlineLink;
use lexo_core::{Block, Document, EntityKind};
use yew::prelude::*;

use super::highlighted_text::{segments, with_links, HighlightedText};
use crate::i18n::{fill, Texts, UiLang};

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub ui: UiLang,
    pub doc: Rc<Document>,
    pub file_name: String,
    pub shown_kinds: Vec<EntityKind>,
    pub focused_group: Option<usize>,
    pub on_entity_click: Callback<usize>,
}

#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let doc = &props.doc;
    let ui = props.ui;
    let t = ui.t();
    let meta = &doc.article.meta;
    let title = meta.title.clone().unwrap_or_else(|| props.file_name.clone());
    let rt = &doc.reading_time;
    let ranges = doc.article.block_ranges();
    // `inner` is where `text` starts inside the block's own text (list items after the first).
    let text_of = |block: usize, inner: usize, text: &str| {
        let offset = ranges.iter().find(|(b, _, _)| *b == block).map_or(usize::MAX / 2, |r| r.1 + inner);
        // The block's links that fall inside this piece, relative to the piece.
        let len = text.chars().count();
        let links: Vec<InlineLink> = doc.article.blocks[block]
            .links()
            .iter()
            .filter(|l| l.start >= inner && l.end <= inner + len)
            .map(|l| InlineLink { start: l.start - inner, end: l.end - inner, href: l.href.clone() })
            .collect();
        let segs = with_links(segments(text, offset, &doc.entities.mentions, &props.shown_kinds), &links);
        html! { <HighlightedText segments={segs} focused_group={props.focused_group} on_entity_click={props.on_entity_click.clone()} /> }
    };
    let dir = if meta.direction == lexo_core::Direction::Rtl { "rtl" } else { "ltr" };
    html! {
        <article class="reader" lang={doc.lang.code} {dir} aria-labelledby="article-title">
            <header class="reader-header">
                if let Some(section) = &meta.section {
                    <p class="section" data-testid="article-section">{section}</p>
                }
                <h1 id="article-title" data-testid="article-title">{title}</h1>
                <p class="meta">
                    if let Some(site) = &meta.site { <span class="site">{site}</span> }
                    if let Some(byline) = &meta.byline { <span class="byline">{byline}</span> }
                    if let Some(date) = &meta.published { <time class="date" datetime={date.clone()}>{ui.date(date)}</time> }
                    <span class="reading-time" data-testid="reading-time" title={t.reading_time_title}>{rt.label()}</span>
                    <span class="words">{fill(t.words, &[&ui.number(rt.words as usize)])}</span>
                    <span class="lang" title={doc.lang.code}>{ui.language_name(doc.lang.code)}</span>
                    <span class="format">{ui.format_name(meta.format)}</span>
                </p>
            </header>
            if let Some(cut) = meta.truncated {
                <p class="notice" role="note" data-testid="truncated-notice">
                    {fill(t.truncated, &[&size_label(cut.file_bytes), &(lexo_core::limits::MAX_READ_BYTES >> 20).to_string(), &ui.number(lexo_core::limits::MAX_BODY_CHARS)])}
                </p>
            }
            if !meta.tags.is_empty() {
                <ul class="tags" aria-label={t.tags}>{ for meta.tags.iter().map(|tag| html! { <li>{tag}</li> }) }</ul>
            }
            <div class="article-body" data-testid="article-body" data-entity-model={if doc.entity_model { "learned" } else { "rules" }}>
                { for doc.article.blocks.iter().enumerate().map(|(i, block)| render_block(i, block, &text_of, t)) }
            </div>
            if !doc.article.related.is_empty() {
                <aside class="related" aria-labelledby="related-title">
                    <h2 id="related-title">{t.related}</h2>
                    <ul>{ for doc.article.related.iter().map(|r| html! { <li>{r}</li> }) }</ul>
                </aside>
            }
        </article>
    }
}

/// Pieces of a block's text that are joined by one separator char ("\n" between list items,
/// "\t"/"\n" between table cells), each with where it starts inside the block.
fn with_offsets<'a>(pieces: impl Iterator<Item = &'a String>) -> impl Iterator<Item = (usize, &'a String)> {
    pieces.scan(0, |next, piece| {
        let start = *next;
        *next += piece.chars().count() + 1;
        Some((start, piece))
    })
}

type TextOf<'a> = dyn Fn(usize, usize, &str) -> Html + 'a;

fn render_block(i: usize, block: &Block, text_of: &TextOf, t: &Texts) -> Html {
    match block {
        Block::Heading { level, text, .. } => match level {
            1 | 2 => html! { <h2 data-say="">{text_of(i, 0, text)}</h2> },
            3 => html! { <h3 data-say="">{text_of(i, 0, text)}</h3> },
            _ => html! { <h4 data-say="">{text_of(i, 0, text)}</h4> },
        },
        Block::Paragraph { text, .. } => html! { <p data-say="">{text_of(i, 0, text)}</p> },
        Block::Quote { text, .. } => html! { <blockquote data-say="">{text_of(i, 0, text)}</blockquote> },
        Block::List { ordered, items, .. } => {
            let lis: Html = with_offsets(items.iter()).map(|(inner, item)| html! { <li data-say="">{text_of(i, inner, item)}</li> }).collect();
            if *ordered {
                html! { <ol>{lis}</ol> }
            } else {
                html! { <ul>{lis}</ul> }
            }
        }
        Block::Image { alt, caption, src: Some(src) } => html! {
            // Only inline data images reach the model (see lexo_core's html reader).
            <figure class="image">
                <img src={src.clone()} alt={alt.clone()} loading="lazy" />
                if let Some(c) = caption { <figcaption>{c}</figcaption> }
            </figure>
        },
        Block::Image { alt, caption, src: None } => html! {
            <figure class="image-placeholder">
                <div class="image-box" role="img" aria-label={alt.clone()}>
                    {t.image_not_loaded}
                    if !alt.is_empty() { <span class="alt">{format!(" — {alt}")}</span> }
                </div>
                if let Some(c) = caption { <figcaption>{c}</figcaption> }
            </figure>
        },
        Block::Code { text, .. } => html! { <pre><code>{text}</code></pre> },
        // Set apart and read as one formula (role="math"; its text is what a reader hears).
        Block::Formula { text } => html! { <p class="formula" role="math" aria-label={text.clone()} data-say="">{text_of(i, 0, text)}</p> },
        Block::Table { rows } => {
            // Cells and rows are each one separator char apart in the document text, so the cells
            // read in order are laid out exactly like list items.
            let mut cells = with_offsets(rows.iter().flatten());
            let body: Html = rows
                .iter()
                .map(|row| {
                    let tds: Html = cells.by_ref().take(row.len()).map(|(inner, cell)| html! { <td>{text_of(i, inner, cell)}</td> }).collect();
                    html! { <tr>{tds}</tr> }
                })
                .collect();
            html! { <div class="table-wrap"><table><tbody>{body}</tbody></table></div> }
        }
        Block::Rule => html! { <hr /> },
    }
}

/// A file size for people: "100.0 MB", "340 KB".
fn size_label(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / f64::from(1 << 20))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}
