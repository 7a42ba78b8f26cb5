//! The block walker: an element tree into typed blocks (headings, paragraphs with their
//! links, lists, quotes, code with its lines, tables, images), iteratively bounded by
//! `formats::nesting`.

use super::*;

/// Walk one element's content into blocks.
pub(super) fn walk_blocks(root: &NodeRef) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut w = Walker { blocks: &mut blocks, inline: String::new(), inline_link_chars: 0 };
    w.walk(root);
    w.flush();
    blocks
}

pub(super) struct Walker<'b> {
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
            if child.attr("class").is_some_and(|c| &*c == super::super::math::FORMULA_CLASS) {
                let text = collapse(&child.text());
                self.push(Block::Formula { text });
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
pub(super) fn preformatted_text(pre: &NodeRef) -> String {
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

pub(super) trait CodeLang {
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

pub(super) fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr" | "b" | "bdi" | "bdo" | "cite" | "code" | "data" | "del" | "dfn" | "em" | "font" | "i" | "ins" | "kbd" | "mark" | "q" | "s" | "samp" | "small"
            | "span" | "strong" | "sub" | "sup" | "time" | "tt" | "u" | "var" | "wbr" | "label" | "nobr"
    )
}

pub(super) fn has_block_child(node: &NodeRef) -> bool {
    node.element_children().iter().any(|c| {
        let n = c.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        matches!(n.as_str(), "div" | "p" | "ul" | "ol" | "table" | "blockquote" | "pre" | "figure" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "section")
    })
}

/// An image address Lexo may show: inline raster data only (no SVG: it can carry script), at
/// most 2 MB. Remote addresses are never kept, so nothing can be fetched.
pub(super) fn inline_image(src: &str) -> Option<String> {
    let s = src.trim();
    let lower = s.get(..24).unwrap_or(s).to_ascii_lowercase();
    let ok = ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp", "data:image/avif"].iter().any(|p| lower.starts_with(p));
    (ok && s.len() <= 2 * 1024 * 1024).then(|| s.to_owned())
}

/// Text of an element with `<br>` as a space, scripts and styles left out, whitespace collapsed.
pub(super) fn inline_text(node: &NodeRef) -> String {
    let mut out = String::new();
    collect_text(node, &mut out, false);
    collapse(&out)
}

/// Text of a paragraph and its links (offsets in chars of the collapsed text).
pub(super) fn paragraph_text(node: &NodeRef) -> (String, Vec<InlineLink>) {
    let mut out = String::new();
    collect_text(node, &mut out, true);
    take_links(&out)
}

pub(super) fn collect_text(node: &NodeRef, out: &mut String, with_links: bool) {
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
pub(super) fn collect_element(element: &NodeRef, name: &str, out: &mut String, with_links: bool) {
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
