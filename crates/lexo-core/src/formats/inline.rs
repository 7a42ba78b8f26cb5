//! Inline text helpers the readers share: whitespace collapsing, safe link addresses, and the
//! private-use marks that carry links through a text until `take_links` turns them into
//! `InlineLink`s (HTML, Markdown, JSON and DOCX readers).

use crate::model::InlineLink;

pub(crate) fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && (a == b || (a.len() > 20 && b.starts_with(&a)) || (b.len() > 20 && a.starts_with(&b)))
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
pub(crate) fn collapse_with_map(s: &str) -> (String, Vec<usize>) {
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
