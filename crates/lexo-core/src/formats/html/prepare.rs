//! Preparing the page before any candidate is chosen: parse it (nesting bounded, MathML as
//! text), reveal what scripts would have revealed (streamed React bodies, tab panels), and
//! protect what extraction would wrongly drop (headings and sections named like furniture,
//! embedded posts).

use super::*;

/// The page parsed, with what only its scripts or stylesheets would show or name correctly put
/// right, so every extraction candidate (Readability's two modes, the page's containers, the
/// body) sees the same page.
pub(super) fn parse_page(html: &str) -> Document {
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
pub(super) fn unhide_streamed_content(doc: &Document) {
    // Fallbacks go first: once parts are moved, a part that is still empty (it waits for a
    // segment) would look like a fallback itself.
    for slot in doc.select(r#"template[id^="B:"]"#).nodes().iter() {
        drop_loading_fallback(slot);
    }
    // Every slot, by id, found in one pass (a page may stream thousands of parts).
    let mut slots: std::collections::HashMap<String, NodeRef> = std::collections::HashMap::new();
    for slot in doc.select(r#"template[id^="B:"], template[id^="P:"]"#).nodes().iter() {
        if let Some(id) = slot.attr("id") {
            slots.entry(id.to_string()).or_insert(*slot);
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
pub(super) fn drop_loading_fallback(slot: &NodeRef) {
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
pub(super) fn keep_headings_called_headers(doc: &Document) {
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
pub(super) fn keep_embedded_posts(doc: &Document) {
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
pub(super) fn keep_sections_named_by_their_heading(doc: &Document) {
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
