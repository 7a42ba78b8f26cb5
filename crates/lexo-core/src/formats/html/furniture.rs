//! Recognising furniture: what on a page is never article text (scripts, forms, players'
//! controls, hidden parts, hover cards) and what is navigation or promotion around it (link
//! lists, Prev/Up/Next tables, share and related boxes).

use super::*;

/// Elements whose content is never article text.
pub(super) const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "svg", "canvas", "button", "input",
    "select", "textarea", "form", "nav", "head", "title", "meta", "link", "audio", "video", "source", "track", "map", "dialog",
];

/// Class or id words that mark page furniture rather than content.
pub(super) const BOILERPLATE: &[&str] = &[
    "nav", "menu", "footer", "header", "sidebar", "comment", "share", "social", "related", "promo", "advert", "ads", "cookie", "newsletter",
    "subscribe", "breadcrumb", "masthead", "banner", "popup", "modal", "widget", "toolbar", "skip", "signup", "recommend", "outbrain", "taboola",
];

/// Class or id words that mark furniture even inside the extracted article.
pub(super) const FURNITURE_IN_CONTENT: &[&str] = &["share", "sharing", "social", "related", "promo", "advert", "ads", "newsletter", "subscribe", "rail", "teaser", "byline", "signup", "recommend", "outbrain", "taboola", "comments", "breadcrumb", "tags"];

/// Furniture is small: an element with a furniture class and little text (a wrapper whose class
/// merely mentions "social" can hold the whole article).
pub(super) fn is_furniture(node: &NodeRef) -> bool {
    furniture_marks(node) && inline_text(node).split_whitespace().count() <= 60
}

pub(super) fn furniture_marks(node: &NodeRef) -> bool {
    let (Some(class), id) = (node.attr("class"), node.attr("id")) else {
        return node.attr("id").is_some_and(|id| id.to_ascii_lowercase().split(|c: char| !c.is_ascii_alphanumeric()).any(|w| FURNITURE_IN_CONTENT.contains(&w)));
    };
    let marks = format!("{} {}", class, id.unwrap_or_default()).to_ascii_lowercase();
    marks.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| FURNITURE_IN_CONTENT.contains(&w))
}

/// Characters of text inside links, and of all text, in an element.
pub(super) fn link_density(node: &NodeRef) -> (usize, usize) {
    let all = inline_text(node).chars().count();
    // (Links in what the text leaves out, such as a hover card's headlines, do not count.)
    let shown = |a: &NodeRef| !a.ancestors_it(None).take_while(|p| p.id != node.id).any(|p| is_hover_card(&p) || is_hidden(&p));
    let links: usize = node.descendants_it().filter(|n| n.has_name("a") && shown(n)).map(|a| inline_text(&a).chars().count()).sum();
    (links.min(all), all)
}

/// A short paragraph that is nearly all links: a share bar, breadcrumbs or a teaser.
pub(super) fn is_link_block(node: &NodeRef) -> bool {
    let (links, all) = link_density(node);
    all > 0 && links * 10 >= all * 8 && inline_text(node).split_whitespace().count() <= 30
}

/// DocBook's and other manuals' "Prev | Up | Home | Next" bars are tables: a short table with
/// links whose whole text is such a word.
pub(super) fn is_navigation_table(table: &NodeRef) -> bool {
    const STEPS: &[&str] = &["prev", "previous", "next", "up", "home", "top", "back", "«", "»", "<", ">", "<<", ">>"];
    let text = inline_text(table);
    text.split_whitespace().count() <= 30
        && table.descendants_it().filter(|n| n.has_name("a")).filter(|a| STEPS.contains(&inline_text(a).to_lowercase().trim_matches(|c: char| !c.is_alphanumeric() && !"«»<>".contains(c)))).count() >= 2
}

/// A list of linked headlines ("Most read", "Related"): every item is mostly one link of
/// several words. Short link lists (tables of contents, docs navigation) stay.
pub(super) fn is_headline_link_list(items: &[NodeRef]) -> bool {
    items.len() >= 2
        && items.iter().all(|li| {
            let (links, all) = link_density(li);
            all > 0 && links * 10 >= all * 8 && inline_text(li).split_whitespace().count() >= 5
        })
}

/// What a reader never sees as text, in blocks and inside paragraphs alike: scripts, styles and
/// frames, hidden elements, hover cards.
pub(super) fn never_read(node: &NodeRef, name: &str) -> bool {
    SKIP.contains(&name) || is_hidden(node) || is_hover_card(node) || is_player_control(node)
}

/// A media player's controls and menus (quality "Auto / High (HD) / Medium / Low", caption font
/// lists, playback speeds): widgets by their ARIA role, or parts of the common web players by
/// their class prefix (video.js `vjs-`, JW Player `jw-`, Plyr, MediaElement `mejs-`, YouTube
/// `ytp-`). Never article text, however long.
pub(super) fn is_player_control(node: &NodeRef) -> bool {
    const WIDGET_ROLES: &[&str] = &["menu", "menubar", "menuitem", "menuitemradio", "menuitemcheckbox", "listbox", "option", "slider", "toolbar", "progressbar", "spinbutton"];
    const PLAYER_PREFIXES: &[&str] = &["vjs-", "jw-", "plyr", "mejs-", "ytp-"];
    // (Checked on every element the walkers meet: no allocation.)
    if node.attr("role").is_some_and(|r| WIDGET_ROLES.iter().any(|w| r.trim().eq_ignore_ascii_case(w))) {
        return true;
    }
    let starts = |w: &str, p: &str| w.get(..p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p));
    node.attr("class").is_some_and(|c| c.split_whitespace().any(|w| PLAYER_PREFIXES.iter().any(|p| starts(w, p)) && !w.to_ascii_lowercase().ends_with("-poster")))
}

pub(super) fn is_hidden(node: &NodeRef) -> bool {
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
pub(super) fn is_caption(node: &NodeRef) -> bool {
    // Substrings, any case: "newsCaption", "captionText", "photoCredit" are captions too.
    let marked = class_mentions(node, &["caption", "credit"]);
    let holds_picture = || node.descendants_it().any(|n| n.has_name("img") || n.has_name("picture"));
    marked && !node.has_name("table") && node.text().split_whitespace().count() <= 80 && !holds_picture()
}

/// A card that pops up over a name on hover (`role="tooltip"`, `class="rollover-people-block"`,
/// "hovercard", "tooltip-content"): a photo, the name again and headlines, written inside the
/// sentence; without the page's stylesheet it would be read as part of the sentence. The name it
/// hangs on stays (it is outside the card).
pub(super) fn is_hover_card(node: &NodeRef) -> bool {
    if node.attr("role").is_some_and(|r| r.eq_ignore_ascii_case("tooltip")) {
        return true;
    }
    class_mentions(node, &["hovercard", "hover-card", "tooltiptext", "tooltip-content", "popover-content"]) || (class_mentions(node, &["rollover"]) && class_mentions(node, &["block"]))
}

/// The element's class attribute holds one of these words anywhere, in any case.
pub(super) fn class_mentions(node: &NodeRef, words: &[&str]) -> bool {
    let Some(class) = node.attr("class") else { return false };
    words.iter().any(|word| class.as_bytes().windows(word.len()).any(|w| w.eq_ignore_ascii_case(word.as_bytes())))
}
