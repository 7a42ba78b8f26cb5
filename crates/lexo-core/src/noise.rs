//! Scraper noise: data-driven rules (data/noise_rules.tsv) that say which lines leave the body.

use std::sync::OnceLock;

/// What a noise line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Noise {
    /// A "Read more" teaser; holds the teaser's own title (may be empty).
    Related(String),
    /// An embed placeholder ("YouTube player").
    Embed,
    /// Share/subscribe/cookie/navigation chrome.
    Chrome,
    /// A "Source: X" attribution; holds X.
    Source(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Related,
    Embed,
    Chrome,
    /// Copyright and reuse notices: longer than chrome lines, dropped up to 60 words.
    Legal,
    Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    Prefix,
    Line,
    Contains,
}

struct Rule {
    role: Role,
    how: How,
    /// Lowercased phrase without trailing punctuation.
    phrase: String,
}

const RULES_TSV: &str = include_str!("../data/noise_rules.tsv");

fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| parse_rules(RULES_TSV))
}

fn parse_rules(tsv: &str) -> Vec<Rule> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let role = match cols.next()? {
                "related" => Role::Related,
                "embed" => Role::Embed,
                "chrome" => Role::Chrome,
                "legal" => Role::Legal,
                "source" => Role::Source,
                _ => return None,
            };
            let how = match cols.next()? {
                "prefix" => How::Prefix,
                "line" => How::Line,
                "contains" => How::Contains,
                _ => return None,
            };
            let phrase = fold(cols.next()?);
            Some(Rule { role, how, phrase })
        })
        .collect()
}

/// Lowercase, trim, and drop trailing punctuation and dashes, so "Read more:" matches "read more".
fn fold(s: &str) -> String {
    s.trim().trim_end_matches(|c: char| matches!(c, '.' | ':' | '…' | '»' | '>' | '-' | '–' | '—' | '|') || c.is_whitespace()).to_lowercase()
}

/// A source in brackets or after a slash glued to the end of the last sentence:
/// `... Facebook.(Kosova Sot Online)`, `... zemër. /Gazeta Express`.
pub(crate) fn split_inline_source(para: &str) -> (String, Option<String>) {
    let trimmed = para.trim_end();
    if let Some(body) = trimmed.strip_suffix(')') {
        if let Some(open) = body.rfind('(') {
            let inside = &body[open + 1..];
            let before = body[..open].trim_end();
            if is_source_name(inside) && before.ends_with(['.', '!', '?', '”', '"', '»']) {
                return (before.to_owned(), Some(inside.trim().to_owned()));
            }
            if before.is_empty() && is_source_name(inside) {
                return (String::new(), Some(inside.trim().to_owned()));
            }
        }
    }
    // "... zemër. /Gazeta Express", "... joshëse./Lajmi.net/": a slash-tagged source at the end.
    let untagged = trimmed.trim_end_matches('/');
    if let Some(slash) = untagged.rfind('/') {
        let name = untagged[slash + 1..].trim();
        let before = untagged[..slash].trim_end();
        let domain_like = name.contains('.') && !name.contains(' ') && is_source_name(&name.replace('.', ""));
        if (is_source_name(name) || domain_like) && name.split_whitespace().count() <= 3 && before.ends_with(['.', '!', '?', '”', '"', '»']) {
            return (before.to_owned(), Some(name.to_owned()));
        }
    }
    (para.to_owned(), None)
}

/// Looks like the name of a publisher: 1-5 words, starts with a capital, no digits or sentence marks.
pub(crate) fn is_source_name(s: &str) -> bool {
    let s = s.trim();
    let words = s.split_whitespace().count();
    (1..=5).contains(&words)
        && s.chars().count() <= 50
        && s.chars().next().is_some_and(char::is_uppercase)
        && !s.chars().any(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '“' | '”' | '"'))
}

const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "janar", "shkurt", "prill", "maj", "qershor", "korrik", "gusht", "shtator",
    "tetor", "nëntor", "dhjetor", "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "janvier", "février", "mars", "avril",
    "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
    "luglio", "agosto", "settembre", "ottobre", "dicembre", "enero", "febrero", "abril", "mayo", "junio", "julio", "septiembre", "octubre",
    "noviembre", "diciembre",
];
const DATE_WORDS: &[&str] = &[
    "am", "pm", "a", "p", "m", "est", "edt", "pst", "pdt", "cet", "cest", "gmt", "utc", "hst", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "updated", "published", "posted", "at", "on", "of", "de",
    "më", "ora", "h",
];

/// A short line that is only a date or time: every word a number, month, weekday or zone.
fn is_dateline(text: &str) -> bool {
    // Most paragraphs are longer than a dateline: counted before any word is copied.
    if text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).nth(10).is_some() {
        return false;
    }
    let words: Vec<String> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let has_number = words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()));
    !words.is_empty()
        && words.len() <= 10
        && has_number
        && words.iter().all(|w| w.chars().all(|c| c.is_ascii_digit()) || MONTHS.contains(&w.as_str()) || DATE_WORDS.contains(&w.as_str()))
}

/// "© Aaron Schwartz", "By Jane Doe | Reuters": a credit line of at most ten words.
fn is_credit(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    words <= 10 && (t.starts_with('©') || t.starts_with("By ") || t.starts_with("BY ") || t.starts_with("Photo by") || t.starts_with("Nga ") && words <= 4)
}

/// A photo caption written as a paragraph: it ends in a credit ("...sought treatmentCredit: EPA",
/// "... Foto: Reuters") or is a gallery counter ("Image 2 of 5").
fn is_caption(text: &str) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().take(61).collect();
    if words.len() == 4 && ["image", "photo", "foto", "slide", "picture"].contains(&words[0].to_lowercase().as_str()) && words[1].parse::<u32>().is_ok() && words[3].parse::<u32>().is_ok() {
        return true;
    }
    if words.len() > 60 {
        return false;
    }
    ["Credit:", "Credits:", "Photo:", "Foto:", "Photograph:", "Image:", "Picture:"].iter().any(|marker| {
        t.rfind(marker).is_some_and(|at| {
            let tail = &t[at + marker.len()..];
            // The credit closes the paragraph: a few words, no sentence after it.
            at > 0 && (1..=6).contains(&tail.split_whitespace().count()) && !tail.trim_end_matches('.').contains(['.', '!', '?'])
        })
    })
}

/// At most five words, all letters capitals, no sentence end: a kicker, not a sentence.
fn is_shouted_label(text: &str) -> bool {
    let words = text.split_whitespace().take(6).count();
    if !(1..=5).contains(&words) {
        return false;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    (1..=5).contains(&words) && letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase()) && !text.trim_end().ends_with(['.', '!', '?'])
}

/// A heading that is only a teaser label ("Related articles", "Recommended Reading", "Lexo edhe")
/// opens a section of teasers: the heading and its section (up to the next heading of the same
/// or a higher level) leave the body; the section's short lines and list items go to `related`.
fn drop_teaser_sections(blocks: Vec<crate::Block>, related: &mut Vec<String>) -> Vec<crate::Block> {
    use crate::Block;
    let mut out = Vec::with_capacity(blocks.len());
    let mut section: Option<u8> = None;
    for b in blocks {
        if let Block::Heading { level, text, .. } = &b {
            if section.is_some_and(|open| *level <= open) {
                section = None;
            }
            if section.is_none() && matches!(classify(text), Some(Noise::Related(rest)) if rest.is_empty()) {
                section = Some(*level);
                continue;
            }
        }
        if section.is_none() {
            out.push(b);
            continue;
        }
        match b {
            Block::List { items, .. } => related.extend(items.into_iter().filter(|i| i.split_whitespace().count() <= 25)),
            Block::Paragraph { text, .. } | Block::Heading { text, .. } if text.split_whitespace().count() <= 25 => related.push(text),
            _ => {}
        }
    }
    out
}

/// Paragraphs either side that a short one is compared with when looking for a repeat of it
/// (more than any article in either extraction benchmark has).
const REPEAT_WINDOW: usize = 300;

/// Which blocks to keep when short paragraphs that a longer one near them contains (or begins)
/// leave. The substring search runs only where it can succeed: a paragraph can contain another
/// only if it has every whole word of it (all but its first and last, which a match may cut),
/// and a 256-bit signature of each paragraph's words rules most pairs out before any search.
fn unrepeated(blocks: &[crate::Block]) -> Vec<bool> {
    let paragraphs: Vec<(usize, &str, [u64; 4])> = blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| if let crate::Block::Paragraph { text, .. } = b { Some((i, text.as_str(), word_signature(text.split_whitespace()))) } else { None })
        .collect();
    let mut keep = vec![true; blocks.len()];
    for (here, &(block, text, _)) in paragraphs.iter().enumerate() {
        // Captions and teasers are short; long paragraphs are not checked (it would cost n²).
        if !(8..=80).contains(&text.split_whitespace().count()) {
            continue;
        }
        let stem = text.trim_end_matches("more").trim_end().trim_end_matches(['.', '…']).trim_end();
        let words: Vec<&str> = stem.split_whitespace().collect();
        let inner = word_signature(words.iter().copied().skip(1).take(words.len().saturating_sub(2)));
        // Only the paragraphs near it: a repeated caption or teaser sits by what it repeats,
        // and a page of 60,000 short paragraphs must not cost 60,000² searches.
        let near = &paragraphs[here.saturating_sub(REPEAT_WINDOW)..(here + REPEAT_WINDOW).min(paragraphs.len())];
        let repeated = near.iter().any(|(_, other, sig)| other.len() > text.len() && (0..4).all(|k| inner[k] & !sig[k] == 0) && other.contains(stem));
        keep[block] = !repeated;
    }
    keep
}

/// One bit per word (of 256, by a hash of its bytes).
fn word_signature<'a>(words: impl Iterator<Item = &'a str>) -> [u64; 4] {
    let mut sig = [0u64; 4];
    for w in words {
        let h = w.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
        let bit = (h >> 56) as usize;
        sig[bit / 64] |= 1 << (bit % 64);
    }
    sig
}

/// Drop noise paragraphs from extracted blocks (HTML, Markdown, JSON bodies): teasers go to
/// `related`, a "Source: X" line to the site when none is known, embeds and chrome away.
pub fn clean_blocks(blocks: Vec<crate::Block>, site: &mut Option<String>, related: &mut Vec<String>) -> Vec<crate::Block> {
    let blocks = drop_teaser_sections(blocks, related);
    let mut blocks: Vec<crate::Block> = blocks
        .into_iter()
        .filter(|b| {
            let (crate::Block::Paragraph { text, .. } | crate::Block::Heading { text, .. }) = b else { return true };
            match classify(text) {
                None => true,
                Some(Noise::Related(title)) => {
                    if !title.is_empty() {
                        related.push(title);
                    }
                    false
                }
                Some(Noise::Source(s)) => {
                    site.get_or_insert(s);
                    false
                }
                Some(Noise::Embed | Noise::Chrome) => false,
            }
        })
        .collect();
    // The same paragraph twice is a repeated caption or widget, not text read twice; so is one
    // that another paragraph contains whole, or begins ("... at Automobility LA ... more").
    let mut seen = std::collections::HashSet::new();
    blocks.retain(|b| match b {
        crate::Block::Paragraph { text, .. } if text.split_whitespace().count() >= 3 => seen.insert(text.clone()),
        _ => true,
    });
    let keep = unrepeated(&blocks);
    let mut index = 0;
    blocks.retain(|_| {
        index += 1;
        keep[index - 1]
    });
    // Bare datelines ("November 20, 2019", "05/10/2018 |"), credits ("© Aaron Schwartz"),
    // "By ..." lines, photo captions and unrendered WordPress shortcodes ("[button link=...]Send
    // us YOUR kit review[/button]") left inside extracted content.
    let shortcode = |text: &str| text.trim_start().starts_with('[') && text.contains("[/");
    blocks.retain(|b| !matches!(b, crate::Block::Paragraph { text, .. } if is_dateline(text) || is_credit(text) || is_caption(text) || shortcode(text)));
    // Kickers and labels in capitals ("TIME TRAVELLER", "DON'T MISS") between teasers.
    blocks.retain(|b| !matches!(b, crate::Block::Paragraph { text, .. } | crate::Block::Heading { text, .. } if is_shouted_label(text)));
    // "... poliomeliti. /REL": a source tag glued to the last paragraph.
    if let Some(crate::Block::Paragraph { text, links }) = blocks.last_mut() {
        if let (rest, Some(source)) = split_inline_source(text) {
            site.get_or_insert(source);
            *text = rest;
            let len = text.chars().count();
            links.retain(|l| l.end <= len);
        }
    }
    blocks.retain(|b| !matches!(b, crate::Block::Paragraph { text, .. } if text.trim().is_empty()));
    blocks
}

/// Classify one line (a whole paragraph of the source). `None` means it is content.
pub fn classify(line: &str) -> Option<Noise> {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return None;
    }
    let folded = fold(trimmed);
    let lower = trimmed.to_lowercase();
    let words = trimmed.split_whitespace().count();
    for rule in rules() {
        let hit = match rule.how {
            How::Line => folded == rule.phrase,
            How::Prefix => starts_with_phrase(&lower, &rule.phrase),
            How::Contains => words <= 60 && lower.contains(&rule.phrase),
        };
        if !hit {
            continue;
        }
        return match rule.role {
            Role::Related => Some(Noise::Related(rest_after(trimmed, &rule.phrase))),
            Role::Source => {
                let rest = rest_after(trimmed, &rule.phrase);
                if rest.is_empty() || rest.split_whitespace().count() > 8 {
                    None
                } else {
                    Some(Noise::Source(rest))
                }
            }
            Role::Embed => Some(Noise::Embed),
            Role::Chrome if words <= 25 => Some(Noise::Chrome),
            Role::Legal if words <= 60 => Some(Noise::Chrome),
            // Too long for this rule: real text that happens to contain the phrase; others may match.
            Role::Chrome | Role::Legal => continue,
        };
    }
    None
}

/// The line starts with the phrase as whole words ("Read more" but not "Read moreover").
fn starts_with_phrase(lower_line: &str, phrase: &str) -> bool {
    lower_line.starts_with(phrase)
        && lower_line[phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric() || !phrase.chars().last().is_some_and(char::is_alphanumeric))
}

/// The text after a prefix phrase, without the separators that follow it.
fn rest_after(line: &str, phrase: &str) -> String {
    // The phrase was matched on the lowercased line; lowercasing can change byte lengths, so
    // skip the same number of chars in the original.
    let n = phrase.chars().count();
    let rest: String = line.chars().skip(n).collect();
    rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | '…' | '»' | '>' | '-' | '–' | '—' | '|'))
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_teaser_heading_takes_its_section_along() {
        use crate::Block;
        let blocks = vec![
            Block::paragraph("The article's last paragraph."),
            Block::heading(2, "Recommended Reading"),
            Block::heading(3, "How to Do Your Taxes"),
            Block::paragraph("Taxes don't need to be scary."),
            Block::list(false, vec!["Small Business Taxes Overview".into()]),
            Block::heading(2, "About the author"),
            Block::paragraph("She writes about money."),
        ];
        let mut related = Vec::new();
        let kept = drop_teaser_sections(blocks, &mut related);
        assert_eq!(kept.len(), 3, "{kept:?}");
        assert_eq!(related, vec!["How to Do Your Taxes", "Taxes don't need to be scary.", "Small Business Taxes Overview"]);
    }

    #[test]
    fn paragraphs_repeated_inside_others_and_shortcodes_go() {
        use crate::Block;
        let caption = "Two executives unveil the concept vehicle at the auto show in Los Angeles on Tuesday.";
        let blocks = vec![
            Block::paragraph(format!("{caption} {caption}")),
            Block::paragraph("Two executives unveil the concept vehicle at the auto show in Los ... more"),
            Block::paragraph("The article's own text, long enough to count as a paragraph of its own here."),
            Block::paragraph("[button link=\"x\" type=\"big\"] Send us YOUR kit review[/button]"),
        ];
        let kept = clean_blocks(blocks, &mut None, &mut Vec::new());
        assert_eq!(kept.len(), 2, "{kept:?}");
        // A repeat may begin or end inside a word of the longer paragraph: only its inner words
        // must be whole words there, which is all the word signatures ask of it.
        let long = "The mayor opened the new bridge over the river on Monday morning, and crowds crossed it at once.";
        let blocks = vec![Block::paragraph(long), Block::paragraph("he mayor opened the new bridge over the river on Monday mor"), Block::paragraph("A different paragraph about the city council's budget meeting on Friday.")];
        let kept = clean_blocks(blocks, &mut None, &mut Vec::new());
        assert_eq!(kept.len(), 2, "{kept:?}");
        assert_eq!(kept[0].text().as_deref(), Some(long));
    }

    #[test]
    fn captions_written_as_paragraphs_are_noise() {
        assert!(is_caption("Beijing Chaoyang Hospital in Beijing, where people sought treatmentCredit: EPA"));
        assert!(is_caption("Ministri gjatë takimit në Tiranë. Foto: Reuters"));
        assert!(is_caption("Image 2 of 5"));
        assert!(!is_caption("The agency said the photo: a forgery, was spread online, and officials asked people to stop sharing it. They did."));
        assert!(!is_caption("Credit: the team"));
        assert!(classify("This document is subject to copyright. Apart from any fair dealing for the purpose of private study or research, no part may be reproduced without the written permission. The content is provided for information purposes only.").is_some());
    }

    #[test]
    fn teasers_keep_their_titles() {
        assert_eq!(classify("Lexo më shumë  Lumi del nga shtrati"), Some(Noise::Related("Lumi del nga shtrati".into())));
        assert_eq!(classify("Read more: Markets fall again"), Some(Noise::Related("Markets fall again".into())));
        assert_eq!(classify("Читайте также: Новости дня"), Some(Noise::Related("Новости дня".into())));
        assert_eq!(classify("LEXONI EDHE:"), Some(Noise::Related(String::new())));
    }

    #[test]
    fn embeds_and_chrome_are_noise() {
        assert_eq!(classify("YouTube player"), Some(Noise::Embed));
        assert_eq!(classify("  Advertisement  "), Some(Noise::Embed));
        assert_eq!(classify("Share on Facebook"), Some(Noise::Chrome));
        assert_eq!(classify("This site uses cookies to improve your experience. Accept"), Some(Noise::Chrome));
    }

    #[test]
    fn content_is_not_noise() {
        assert_eq!(classify("Videoja u shpërnda gjerësisht në rrjete."), None);
        assert_eq!(classify("Readmore Ltd reported a loss."), None);
        assert_eq!(classify("Sharehold\u{AD}ers met on Monday."), None);
        let long = format!("Share {}", "word ".repeat(40));
        assert_eq!(classify(&long), None);
    }

    #[test]
    fn datelines_and_credits_are_not_text() {
        for line in ["November 20, 2019", "05/10/2018 |", "Updated 12:24 am EST, Wednesday, November 20, 2019", "© Aaron Schwartz", "By Jane Doe | Reuters"] {
            assert!(is_dateline(line) || is_credit(line), "{line}");
        }
        for line in ["In 2019 the plant closed.", "By the end of May 2020, prices had doubled across the region and beyond."] {
            assert!(!is_dateline(line) && !is_credit(line), "{line}");
        }
    }

    #[test]
    fn source_lines_give_the_site() {
        assert_eq!(classify("Burimi: Reuters"), Some(Noise::Source("Reuters".into())));
        assert_eq!(classify("Source: a long sentence that is really a paragraph about the sources of this"), None);
    }
}
