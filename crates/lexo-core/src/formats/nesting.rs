//! A bound on how deeply markup nests and how many attributes a tag carries, applied to the
//! text before it is parsed. The HTML parser, Readability and the block walker all descend the
//! tree; a page nested 100,000 elements deep (or 20,000 formatting tags never closed) would
//! overflow their stacks, and the parser's scope checks grow with the depth of the open
//! elements, so such a page took minutes. Past [`MAX_DEPTH`] open elements further start tags
//! (and their end tags) are left out: the text stays, flattened into the deepest element kept.
//! One linear pass; a page within the bounds comes back unchanged, without a copy.

use std::borrow::Cow;
use std::collections::HashMap;

/// Open elements kept, at most. Real pages nest a few dozen deep (the deepest seen in the
/// extraction benchmarks: ~60); the walkers' stack use at this depth is far inside a browser's.
pub const MAX_DEPTH: usize = 256;

/// Attributes kept on one tag (the parser drops duplicates by comparing each with all before it).
pub const MAX_ATTRIBUTES: usize = 256;

/// Elements without content.
const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen", "image"];

/// Elements whose end tag may be left out: a start tag of the same kind closes them.
const OPTIONAL_END: &[&str] = &["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "rtc"];

/// The document's frame: always there once, never nested.
const ROOT: &[&str] = &["html", "head", "body"];

/// Start tags that close an open element of these names (HTML's implied end tags).
fn closes(start: &str, open: &str) -> bool {
    start == open || matches!((start, open), ("td" | "th", "td" | "th") | ("dt" | "dd", "dt" | "dd") | ("tr", "td" | "th") | ("thead" | "tbody" | "tfoot", "tr" | "td" | "th" | "thead" | "tbody" | "tfoot"))
}

/// Elements whose content is text up to their end tag, never markup.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

/// The markup with start tags past [`MAX_DEPTH`] and attributes past [`MAX_ATTRIBUTES`] left out.
pub fn limit_nesting(html: &str) -> Cow<'_, str> {
    let mut edit = Edit { src: html, out: None, copied: 0 };
    let bytes = html.as_bytes();
    // The elements open, as the parser will see them (at most MAX_DEPTH).
    let mut open: Vec<String> = Vec::new();
    // Start tags left out, by name, so their end tags are left out too.
    let mut dropped: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while let Some(lt) = memchr(b'<', &bytes[i..]).map(|k| i + k) {
        i = lt + 1;
        let Some(&next) = bytes.get(i) else { break };
        if bytes[i..].starts_with(b"!--") {
            i = find(bytes, i + 3, b"-->").map_or(bytes.len(), |k| k + 3);
        } else if next == b'!' || next == b'?' {
            i = memchr(b'>', &bytes[i..]).map_or(bytes.len(), |k| i + k + 1);
        } else if next == b'/' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            let (name, name_end) = tag_name(bytes, i + 1);
            let end = memchr(b'>', &bytes[name_end..]).map_or(bytes.len(), |k| name_end + k + 1);
            match dropped.get_mut(&name) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    edit.skip(lt, end);
                }
                // An end tag closes its element and everything opened inside it.
                _ => {
                    if let Some(k) = open.iter().rposition(|o| *o == name) {
                        open.truncate(k);
                    }
                }
            }
            i = end;
        } else if next.is_ascii_alphabetic() {
            let (name, name_end) = tag_name(bytes, i);
            let tag = scan_attributes(bytes, name_end);
            let nests = !tag.self_closing && !VOID.contains(&name.as_str()) && !ROOT.contains(&name.as_str());
            if nests && OPTIONAL_END.contains(&name.as_str()) {
                // "<li>a<li>b", "<p>a<p>b": the new one closes the open one (through other
                // elements whose end tags may be left out: "<li><p>a<li>").
                let run = open.iter().rposition(|o| !OPTIONAL_END.contains(&o.as_str())).map_or(0, |t| t + 1);
                if let Some(k) = open[run..].iter().position(|o| closes(&name, o)) {
                    open.truncate(run + k);
                }
            }
            if nests && open.len() >= MAX_DEPTH {
                *dropped.entry(name.clone()).or_default() += 1;
                // A raw-text element left out goes with its content (a script is no text).
                let to = if RAW_TEXT.contains(&name.as_str()) { raw_text_end(bytes, tag.end, &name) } else { tag.end };
                edit.skip(lt, to);
                i = to;
                continue;
            }
            if let Some(cut) = tag.cut {
                // Keep the tag up to its last kept attribute, then close it.
                edit.skip(cut, tag.end);
                edit.insert(if tag.self_closing { "/>" } else { ">" }, tag.end);
            }
            i = tag.end;
            if RAW_TEXT.contains(&name.as_str()) {
                i = raw_text_end(bytes, i, &name);
            } else if nests {
                open.push(name);
            }
        }
    }
    edit.finish()
}

/// The output, copied only once something changes.
struct Edit<'a> {
    src: &'a str,
    out: Option<String>,
    copied: usize,
}

impl<'a> Edit<'a> {
    /// Leave `src[from..to]` out.
    fn skip(&mut self, from: usize, to: usize) {
        let out = self.out.get_or_insert_with(|| String::with_capacity(self.src.len()));
        out.push_str(&self.src[self.copied..from]);
        self.copied = to;
    }

    /// Add text at `at` (which must be where copying resumes).
    fn insert(&mut self, text: &str, at: usize) {
        let out = self.out.get_or_insert_with(String::new);
        out.push_str(&self.src[self.copied..at]);
        out.push_str(text);
        self.copied = at;
    }

    fn finish(self) -> Cow<'a, str> {
        match self.out {
            None => Cow::Borrowed(self.src),
            Some(mut out) => {
                out.push_str(&self.src[self.copied..]);
                Cow::Owned(out)
            }
        }
    }
}

struct Tag {
    /// Just past the closing `>` (or the end of the text).
    end: usize,
    self_closing: bool,
    /// Where the attributes past the limit start, if there are that many.
    cut: Option<usize>,
}

/// A tag's lowercase name and where it ends.
fn tag_name(bytes: &[u8], start: usize) -> (String, usize) {
    let end = bytes[start..].iter().position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/')).map_or(bytes.len(), |k| start + k);
    (String::from_utf8_lossy(&bytes[start..end]).to_ascii_lowercase(), end)
}

/// The attributes of a start tag as the HTML tokenizer reads them: names, `=`, quoted or bare values.
fn scan_attributes(bytes: &[u8], mut i: usize) -> Tag {
    let mut count = 0;
    let mut cut = None;
    loop {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match bytes.get(i) {
            None => return Tag { end: bytes.len(), self_closing: false, cut },
            Some(b'>') => return Tag { end: i + 1, self_closing: false, cut },
            Some(b'/') if bytes.get(i + 1) == Some(&b'>') => return Tag { end: i + 2, self_closing: true, cut },
            Some(b'/') => {
                i += 1;
                continue;
            }
            _ => {}
        }
        count += 1;
        if count > MAX_ATTRIBUTES && cut.is_none() {
            cut = Some(i);
        }
        // The name: up to whitespace, '=', '>' or '/' (a first '=' belongs to the name).
        i += 1;
        while bytes.get(i).is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/')) {
            i += 1;
        }
        let mut j = i;
        while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        if bytes.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        i = match bytes.get(j) {
            Some(&q @ (b'"' | b'\'')) => memchr(q, &bytes[j + 1..]).map_or(bytes.len(), |k| j + 1 + k + 1),
            _ => j + bytes[j..].iter().position(|b| b.is_ascii_whitespace() || *b == b'>').unwrap_or(bytes.len() - j),
        };
    }
}

/// Where the raw text of an element opened before `from` ends: at its end tag, or the text's end.
fn raw_text_end(bytes: &[u8], mut from: usize, name: &str) -> usize {
    while let Some(k) = find(bytes, from, b"</") {
        let after = &bytes[k + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return k;
        }
        from = k + 2;
    }
    bytes.len()
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|b| *b == needle)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|k| from + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_left_alone() {
        let page = r#"<!doctype html><html><head><title>a < b</title><script>if (a<b) { x = "</div>"; }</script></head>
<body><!-- <div><div> --><article><p>One<p>Two <img src="x.png" alt='a > b'><br/><ul><li>a<li>b</ul></article></body></html>"#;
        assert!(matches!(limit_nesting(page), Cow::Borrowed(_)));
    }

    #[test]
    fn nesting_past_the_limit_is_flattened_and_the_text_kept() {
        let deep = format!("<html><body>{}Thellë{}</body></html>", "<div>".repeat(10_000), "</div>".repeat(10_000));
        let limited = limit_nesting(&deep);
        assert_eq!(limited.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(limited.matches("</div>").count(), MAX_DEPTH);
        assert!(limited.contains("Thellë"));
        // Formatting tags never closed count too; elements closed by the next of their kind do not.
        let unclosed = format!("<p>{}tekst", "<b><i><span>".repeat(1000));
        assert_eq!(limit_nesting(&unclosed).matches('<').count(), MAX_DEPTH);
        for closed_by_the_next in ["<p>paragraf", "<li><p>pika", "<tr><td>a<td>b", "<dt>a<dd>b"] {
            let page = format!("<table><dl><ul>{}</ul></dl></table>", closed_by_the_next.repeat(5000));
            assert!(matches!(limit_nesting(&page), Cow::Borrowed(_)), "{closed_by_the_next}");
        }
    }

    #[test]
    fn attributes_past_the_limit_are_dropped_and_the_tag_closed() {
        let attrs: String = (0..1000).map(|i| format!(" a{i}=\"{i}\"")).collect();
        let page = format!("<div{attrs}>tekst</div><img{attrs}/>");
        let limited = limit_nesting(&page);
        assert_eq!(limited.matches('=').count(), 2 * MAX_ATTRIBUTES);
        assert!(limited.contains(&format!(" a{}=\"{}\" >tekst</div>", MAX_ATTRIBUTES - 1, MAX_ATTRIBUTES - 1)), "{}", &limited[..200]);
        assert!(!limited.contains(&format!(" a{}=", MAX_ATTRIBUTES)));
        assert!(limited.ends_with("/>"));
    }
}
